"""The text-dump line classifier: scraped page text in, a clean Article out.

Each non-empty line is read (length, punctuation, script, lexicon, byline, slug, date,
caption signals); then the page layout decides: the body runs from the first to the last
prose line outside comment and related-article blocks, the title is the headline-like
line before the body that the body talks about most, the line right above it is the
section label, and everything else is removed with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

import Stemmer

from marsad.arabic.normalize import fold
from marsad.extract.bylines import Byline, split_lead_dateline
from marsad.extract.lines import LineFeatures, LineReader
from marsad.model import Article, Block, Removed

_WORD = re.compile(r"\w{3,}")
#: Subheadings are short; a longer line inside the body is a paragraph.
SUBHEADING_MAX_WORDS = 14
#: Unpunctuated lines this long are sentences, not labels or headlines.
LONG_LINE_WORDS = 15
#: A repeat copies a run of at least this share of its words in order (a lead that a later
#: paragraph retells in other order is the article's own).
REPEAT_MIN_RUN = 0.6
#: A pull quote is at most this share of the paragraph it repeats.
PULL_QUOTE_SHARE = 0.7
#: Share of a title's content words that the first paragraphs must use.
TITLE_MIN_OVERLAP = 0.34


@dataclass(slots=True)
class _Labels:
    """Working state: one label and reason per line, plus the metadata found so far."""

    kinds: dict[int, str] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)
    bylines: list[Byline] = field(default_factory=list)

    def remove(self, index: int, reason: str) -> None:
        self.kinds[index] = "removed"
        self.reasons.setdefault(index, reason)


class _Vocabulary:
    """Content words of a line as light stems (Snowball Arabic), for comparing lines."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("arabic")
        self._seen: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> frozenset[str]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = frozenset(self._stemmer.stemWords(_WORD.findall(fold(text))))
        return found

    def forget(self) -> None:
        """Drop the words kept for the lines of the last document."""
        self._seen.clear()


class TextDumpClassifier:
    """Labels every line of a text dump and builds the Article from the labels."""

    def __init__(self, reader: LineReader | None = None) -> None:
        self.reader = reader or LineReader()
        self._content_words = _Vocabulary()

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
        self._content_words.forget()  # lines are compared many times, within one document
        labels = _Labels()
        body = self._body(lines, labels)
        first = body[0] if body else len(lines)
        last = body[-1] if body else len(lines) - 1
        section = None
        if title is None:
            title_index = self._title(lines[:first], lines, body, labels.kinds)
            section = self._section(lines, title_index, labels)
            title = lines[title_index].text if title_index is not None else None
        else:
            # The headline is known (a page's markup): a lead under it, or anywhere above the
            # body when the main text starts below the headline, may be unpunctuated.
            title_index = -1
            for line in lines[: first + 1]:
                if fold(line.text) == fold(title) and line.index not in labels.kinds:
                    labels.remove(line.index, "title repeated")
                    title_index = line.index
        self._label_region(lines, labels, title_index, first, last)
        blocks = [Block("title", title)] if title else []
        leads: list[Removed] = []
        for line in lines:
            kind = labels.kinds.get(line.index)
            if kind == "paragraph" and not leads and len(blocks) <= 1:
                text, dateline = split_lead_dateline(line.text)
                if dateline:
                    leads.append(Removed(dateline, "dateline"))
                    blocks.append(Block("paragraph", text))
                    continue
            if kind in ("paragraph", "subheading"):
                blocks.append(Block(kind, line.text))  # type: ignore[arg-type]
        removed = tuple(leads) + tuple(
            Removed(line.text, labels.reasons[line.index])
            for line in lines
            if labels.kinds.get(line.index) == "removed"
        )
        generic = self.reader.bylines.is_generic
        sources = [b for b in labels.bylines if b.source and not generic(b.source)]
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
        """Indexes of body paragraphs, after cutting comment tails and related lists.

        In an Arabic page, a paragraph must be Arabic: an embedded post in another
        language is not part of the article.
        """
        letters = sum(ln.words for ln in lines)
        arabic = sum(ln.words * ln.arabic_share for ln in lines) >= 0.5 * max(1, letters)
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
            if (line.prose or _starred_item(lines, pos)) and (
                not arabic or line.arabic_share >= 0.5
            ):
                open_list = None
                labels.kinds[line.index] = "paragraph"
                body.append(pos)
            elif open_list and not line.byline:
                labels.remove(line.index, line.hit.category.reason if line.hit else open_list)
        return self._drop_repeats(lines, body, labels)

    def _drop_repeats(
        self, lines: list[LineFeatures], body: list[int], labels: _Labels
    ) -> list[int]:
        """A deck or summary that a later paragraph repeats (whole or cut short) goes."""
        kept: list[int] = []
        for n, pos in enumerate(body):
            later = [lines[other] for other in body[n + 1 :]]
            if self._repeats(lines[pos], later if n < 3 else [], exact=later):
                labels.kinds.pop(lines[pos].index, None)
                labels.remove(lines[pos].index, "repeats a later paragraph")
            elif kept and self._pull_quote(lines[pos], lines[kept[-1]]):
                labels.kinds.pop(lines[pos].index, None)
                labels.remove(lines[pos].index, "pull quote repeating the paragraph above")
            else:
                kept.append(pos)
        for line in lines[: kept[0] if kept else 0]:  # a cut-short deck above the body
            cut = line.text.rstrip().endswith(("...", "…")) and line.words >= 8
            if cut and line.index not in labels.kinds and self._repeats(line, [lines[kept[0]]]):
                labels.remove(line.index, "repeats a later paragraph")
        return kept

    def _pull_quote(self, line: LineFeatures, above: LineFeatures) -> bool:
        """A short line whose words all come from the longer paragraph right above it."""
        if line.words > PULL_QUOTE_SHARE * above.words:
            return False
        return self._repeats(line, [above])

    def _quotes_above(self, lines: list[LineFeatures], pos: int, labels: _Labels) -> bool:
        """A line of six words or more that repeats part of the paragraph above it."""
        above = _paragraph_above(lines, pos, labels)
        return lines[pos].words >= 6 and above is not None and self._pull_quote(lines[pos], above)

    def _repeats(
        self, line: LineFeatures, others: list[LineFeatures], exact: Sequence[LineFeatures] = ()
    ) -> bool:
        """The line's words are (nearly) all in one of the other lines, or it is a copy."""
        words = self._content_words(line.text.rstrip(" .…"))
        return any(line.text == other.text for other in exact) or any(
            words
            and len(words & self._content_words(other.text)) >= 0.85 * len(words)
            and _copied_run(line.text, other.text) >= REPEAT_MIN_RUN
            for other in others
        )

    def _title(
        self,
        before: list[LineFeatures],
        lines: list[LineFeatures],
        body: list[int],
        taken: Container[int],
    ) -> int | None:
        """The headline-like line before the body whose words the body uses most."""
        candidates = [
            ln for ln in before if ln.headline and ln.words >= 3 and ln.index not in taken
        ]
        if not candidates:
            return None
        vocabulary: set[str] = set()
        for pos in body[:4]:
            vocabulary |= self._content_words(lines[pos].text)

        def overlap(line: LineFeatures) -> float:
            words = self._content_words(line.text)
            return len(words & vocabulary) / len(words) if words else 0.0

        # Titles come first; captions and teasers that follow them share words with the
        # body too, so the earliest line the body talks about wins. A three-word line
        # (an outlet's name, a label) only wins when no longer line qualifies.
        for shortest in (4, 3):
            for line in candidates:
                if line.words >= shortest and overlap(line) >= TITLE_MIN_OVERLAP:
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
            if line.byline and reason == "byline":
                labels.bylines.append(line.byline)
                if line.byline.cue_only and pos + 1 < len(lines):
                    self._name_after_cue(lines[pos + 1], labels)
            if reason:
                labels.remove(line.index, reason)
            elif first < pos <= last + 1 and self._quotes_above(lines, pos, labels):
                labels.remove(line.index, "pull quote repeating the paragraph above")
            elif self._unpunctuated_paragraph(line, pos, title, first, last):
                labels.kinds[line.index] = "paragraph"
            elif pos < first:
                labels.remove(line.index, "page header before the article")
            elif pos > last:
                labels.remove(line.index, "page footer after the article")
            elif (
                line.words <= SUBHEADING_MAX_WORDS
                and self._introduces_paragraph(lines, pos, labels)
                and (
                    line.heading or (line.headline and (not line.terminal or line.question_heading))
                )
            ):
                labels.kinds[line.index] = "subheading"
            else:
                labels.remove(line.index, "fragment inside the article")

    @staticmethod
    def _unpunctuated_paragraph(
        line: LineFeatures, pos: int, title: int | None, first: int, last: int
    ) -> bool:
        """A long sentence without final punctuation: a lead under the title, a paragraph
        inside the body, or the last paragraph right after it."""
        if line.heading or line.arabic_share < 0.5 or line.words < LONG_LINE_WORDS:
            return False
        if pos < first:
            return title is not None and pos > title
        return pos <= last or (pos == last + 1 and line.words >= 20)

    @staticmethod
    def _introduces_paragraph(lines: list[LineFeatures], pos: int, labels: _Labels) -> bool:
        """Subheadings head a paragraph; polls, tag lists and teasers do not."""
        return pos + 1 < len(lines) and labels.kinds.get(lines[pos + 1].index) == "paragraph"

    def _name_after_cue(self, line: LineFeatures, labels: _Labels) -> None:
        """ "كتب:" on one line and the name on the next."""
        name = line.text.strip(" :：-–—")
        if line.index not in labels.kinds and self.reader.bylines.is_person(name):
            labels.remove(line.index, "byline")
            labels.bylines.append(Byline(authors=(name,)))

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


def _paragraph_above(lines: list[LineFeatures], pos: int, labels: _Labels) -> LineFeatures | None:
    """The nearest line above ``pos`` already labelled a paragraph."""
    for line in reversed(lines[:pos]):
        if labels.kinds.get(line.index) == "paragraph":
            return line
    return None


def _starred_item(lines: list[LineFeatures], pos: int) -> bool:
    """A sentence in a run of lines that start with "*": a list, not an author's note."""
    line = lines[pos]
    if not (line.footnote and line.terminal and line.words >= 6) or line.hit or line.byline:
        return False
    neighbours = lines[max(0, pos - 1) : pos] + lines[pos + 1 : pos + 2]
    return any(other.text.startswith("*") for other in neighbours)


def _copied_run(line: str, other: str) -> float:
    """Share of the line's words that ``other`` holds as one unbroken run, in order."""
    words = _WORD.findall(fold(line.rstrip(" .…")))
    theirs = _WORD.findall(fold(other))
    if not words:
        return 0.0
    match = SequenceMatcher(None, words, theirs, autojunk=False).find_longest_match(
        0, len(words), 0, len(theirs)
    )
    return match.size / len(words)
