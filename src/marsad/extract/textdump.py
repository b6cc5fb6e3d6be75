"""The text-dump line classifier: scraped page text in, a clean Article out.

Each non-empty line is read (length, punctuation, script, lexicon, byline, slug, date,
caption signals); then the page layout decides: the body runs from the first to the last
prose line outside comment and related-article blocks, the title is the headline-like
line before the body that the body talks about most, the line right above it is the
section label, and everything else is removed with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.arabic.normalize import fold
from marsad.extract.lines import Byline, LineFeatures, LineReader
from marsad.model import Article, Block, Removed

_WORD = re.compile(r"\w{3,}")
#: Share of a title's content words that the first paragraphs must use.
TITLE_MIN_OVERLAP = 0.34
_PROCLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل")


@dataclass(slots=True)
class _Labels:
    """Working state: one label and reason per line, plus the metadata found so far."""

    kinds: dict[int, str] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)
    bylines: list[Byline] = field(default_factory=list)

    def remove(self, index: int, reason: str) -> None:
        self.kinds[index] = "removed"
        self.reasons.setdefault(index, reason)


def _stem(word: str) -> str:
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic) :]
    return word


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(fold(text))}


class TextDumpClassifier:
    """Labels every line of a text dump and builds the Article from the labels."""

    def __init__(self, reader: LineReader | None = None) -> None:
        self.reader = reader or LineReader()

    def lines(self, text: str) -> list[LineFeatures]:
        stripped = (line.strip() for line in text.splitlines())
        return [self.reader.read(i, line) for i, line in enumerate(s for s in stripped if s)]

    def classify(self, text: str, *, input: str, published: date | None = None) -> Article:
        """Turn a text dump into an Article; every non-body line lands in ``removed``."""
        return self._classify(self.lines(text), input=input, published=published, title=None)

    def classify_blocks(
        self,
        blocks: list[tuple[str, bool]],
        *,
        input: str,
        title: str | None,
        published: date | None = None,
    ) -> Article:
        """Classify blocks from a page's markup: (text, is_heading) pairs, the title known.

        A block that repeats the title is dropped; headings inside the body become
        subheadings unless they are chrome.
        """
        lines: list[LineFeatures] = []
        for text, heading in blocks:
            text = " ".join(text.split())
            if text:
                lines.append(self.reader.read(len(lines), text, heading=heading))
        return self._classify(lines, input=input, published=published, title=title)

    def _classify(
        self,
        lines: list[LineFeatures],
        *,
        input: str,
        published: date | None,
        title: str | None,
    ) -> Article:
        labels = _Labels()
        body = self._body(lines, labels)
        first = body[0] if body else len(lines)
        last = body[-1] if body else len(lines) - 1
        section = None
        if title is None:
            title_index = self._title(lines[:first], lines, body)
            section = self._section(lines, title_index, labels)
            title = lines[title_index].text if title_index is not None else None
        else:
            title_index = None
            for line in lines[: first + 1]:
                if fold(line.text) == fold(title) and line.index not in labels.kinds:
                    labels.remove(line.index, "title repeated")
        self._label_region(lines, labels, title_index, first, last)
        blocks = [Block("title", title)] if title else []
        for line in lines:
            kind = labels.kinds.get(line.index)
            if kind in ("paragraph", "subheading"):
                blocks.append(Block(kind, line.text))  # type: ignore[arg-type]
        removed = tuple(
            Removed(line.text, labels.reasons[line.index])
            for line in lines
            if labels.kinds.get(line.index) == "removed"
        )
        sources = [b for b in labels.bylines if b.source]
        source = max(sources, key=lambda b: b.strength).source if sources else None
        authors = next((b.authors for b in labels.bylines if b.authors), ())
        if published is None:
            published = next(
                (d for ln in lines if ln.dated and (d := self.reader.months.find_date(ln.text))),
                None,
            )
        return Article(
            input=input,
            blocks=tuple(blocks),
            removed=removed,
            section=section,
            authors=authors,
            source=source,
            published=published,
        )

    def _body(self, lines: list[LineFeatures], labels: _Labels) -> list[int]:
        """Indexes of body paragraphs, after cutting comment tails and related lists."""
        body: list[int] = []
        open_list: str | None = None
        for pos, line in enumerate(lines):
            hit = line.hit
            if hit and body and hit.category.behaviour == "end":
                for rest in lines[pos:]:
                    labels.remove(rest.index, hit.category.reason)
                break
            if hit and hit.category.behaviour == "close":
                open_list = None
                labels.remove(line.index, hit.category.reason)
                continue
            if hit and hit.category.behaviour == "list" and hit.whole_line and body:
                open_list = hit.category.reason
                labels.remove(line.index, open_list)
                continue
            if line.prose:
                open_list = None
                labels.kinds[line.index] = "paragraph"
                body.append(pos)
            elif open_list and not line.byline:
                labels.remove(line.index, line.hit.category.reason if line.hit else open_list)
        return body

    def _title(
        self, before: list[LineFeatures], lines: list[LineFeatures], body: list[int]
    ) -> int | None:
        """The headline-like line before the body whose words the body uses most."""
        candidates = [ln for ln in before if ln.headline and ln.words >= 3]
        if not candidates:
            return None
        vocabulary: set[str] = set()
        for pos in body[:4]:
            vocabulary |= _content_words(lines[pos].text)

        def overlap(line: LineFeatures) -> float:
            words = _content_words(line.text)
            return len(words & vocabulary) / len(words) if words else 0.0

        # Titles come first; captions and teasers that follow them share words with the
        # body too, so the earliest line the body talks about wins.
        for line in candidates:
            if overlap(line) >= TITLE_MIN_OVERLAP:
                return line.index
        return max(candidates, key=overlap).index

    def _section(self, lines: list[LineFeatures], title: int | None, labels: _Labels) -> str | None:
        """A short plain label right above the title names the section."""
        if not title:
            return None
        above = lines[title - 1]
        plain = not (above.byline or above.slug or above.dated or above.caption)
        category = above.hit.category.name if above.hit else None
        crumbs = any(mark in above.text for mark in "|»›>/")
        if plain and not crumbs and above.words <= 4 and category is None and not above.terminal:
            labels.remove(above.index, "section label")
            return above.text
        return None

    def _label_region(
        self, lines: list[LineFeatures], labels: _Labels, title: int | None, first: int, last: int
    ) -> None:
        for pos, line in enumerate(lines):
            if line.index in labels.kinds or pos == title:
                continue
            reason = self._chrome_reason(line)
            if line.byline:
                labels.bylines.append(line.byline)
            if reason:
                labels.remove(line.index, reason)
            elif pos < first:
                labels.remove(line.index, "page header before the article")
            elif pos > last:
                labels.remove(line.index, "page footer after the article")
            elif line.heading or (line.headline and (not line.terminal or line.question_heading)):
                labels.kinds[line.index] = "subheading"
            else:
                labels.remove(line.index, "fragment inside the article")

    def _chrome_reason(self, line: LineFeatures) -> str | None:
        if line.hit:
            return line.hit.category.reason
        if line.byline:
            return "byline"
        if line.slug:
            return "image file name"
        if line.caption:
            return "image caption"
        if line.dated:
            return "date line"
        return None
