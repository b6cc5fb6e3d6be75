"""When a page says it was published.

Three kinds of evidence, read by MetadataReader and HtmlArticleReader in this order:
machine-readable values (JSON-LD, meta tags, Parse.ly's JSON) in any of the formats sites
use; ``<time>`` elements of the article itself, not of the related-story cards around it;
and dates written near the headline, a line that says "published" first, then the lines
under the headline.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from importlib import resources
from typing import Any

from marsad.arabic.months import MonthTable
from marsad.arabic.normalize import fold

_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_PUBLISHED = re.compile(r"(?<!\w)(?:ال)?نشر(?:ت|ه)?(?!\w)|published|publié|publie|posted", re.I)
_UPDATED = re.compile(r"(تحديث|تعديل|updated|modified|mis a jour|mis à jour)", re.I)
#: A ``<time>`` inside these belongs to a link, a list of other stories or the page's frame.
_OFF_ARTICLE = frozenset({"a", "aside", "nav", "footer"})
#: A line with a date and at most this many words is a date line, not a sentence of the
#: article that mentions a date.
DATE_LINE_WORDS = 16
#: How many levels up a ``<time>``'s card is looked at for a headline link.
_CARD_DEPTH = 3
#: A link with this many words is a headline (a story card), not an author or a section.
_HEADLINE_LINK_WORDS = 4


def _latin_months() -> dict[str, int]:
    text = resources.files("marsad.extract").joinpath("data", "latin_months.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {name: int(month) for name, month in rows}


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateReader:
    """Parses the dates pages give, in Arabic, English and French, words or digits."""

    def __init__(self, months: MonthTable) -> None:
        self.months = months
        latin = _latin_months()
        names = "|".join(sorted((re.escape(n) for n in latin), key=len, reverse=True))
        self._latin = latin
        self._day_month = re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+({names})\.?,?\s+(\d{{4}})", re.I
        )
        self._month_day = re.compile(rf"\b({names})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)

    def value(self, value: Any) -> date | None:
        """A date from a meta tag or JSON-LD value: ISO, RFC 2822, numeric or written."""
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            return _safe(int(value[:4]), int(value[5:7]), int(value[8:10]))
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            return self.written(value)

    def written(self, text: str) -> date | None:
        """The first date written in a line of text, in any of the supported forms."""
        found = self.months.find_date(text)
        if found:
            return found
        if match := _YMD.search(text):
            return _safe(int(match[1]), int(match[2]), int(match[3]))
        if match := self._day_month.search(text):
            return _safe(int(match[3]), self._latin[match[2].lower()], int(match[1]))
        if match := self._month_day.search(text):
            return _safe(int(match[3]), self._latin[match[1].lower()], int(match[2]))
        return None

    def header_date(self, lines: list[str], title: str | None) -> date | None:
        """The publication date written near the headline.

        A line that says "published" wins; then the first date under the headline (the
        one above it may be the site's "today"), then the nearest one above.
        """
        dated = [
            (n, line, d)
            for n, line in enumerate(lines)
            if len(line.split()) <= DATE_LINE_WORDS and (d := self.written(line))
        ]
        if not dated:
            return None
        for _, line, _found in dated:
            folded = fold(line)
            cue = _PUBLISHED.search(folded)
            if cue and (found := self.written(folded[cue.start() :])):
                return found
        head = _headline_position(lines, title)
        fresh = [(n, d) for n, line, d in dated if not _UPDATED.search(fold(line))]
        after = [d for n, d in fresh if n > head]
        before = [d for n, d in fresh if n <= head]
        return (after or before[::-1] or [dated[0][2]])[0]


def _headline_position(lines: list[str], title: str | None) -> int:
    if title:
        folded = fold(title)
        for n, line in enumerate(lines):
            if folded and folded in fold(line):
                return n
    return -1


def article_time(tree: Any) -> str | None:
    """The datetime of the article's own ``<time>``: not one in a link, a side rail, the
    footer, or a story card (a small block around a headline link); the first after the
    h1 is preferred."""
    h1 = tree.xpath("//h1")
    after_h1 = set(h1[0].xpath("following::time")) if h1 else set()
    candidates = []
    for node in tree.xpath("//time[@datetime] | //*[@itemprop='datePublished'][@datetime]"):
        if any(a.tag in _OFF_ARTICLE for a in node.iterancestors()) or _in_card(node):
            continue
        candidates.append(node)
    preferred = [n for n in candidates if n in after_h1] or candidates
    return str(preferred[0].get("datetime")) if preferred else None


def _in_card(node: Any) -> bool:
    scope = node
    for _ in range(_CARD_DEPTH):
        parent = scope.getparent()
        if parent is None or parent.tag in ("article", "main", "body"):
            return False
        scope = parent
        for link in scope.iter("a"):
            if len(link.text_content().split()) >= _HEADLINE_LINK_WORDS:
                return True
    return False
