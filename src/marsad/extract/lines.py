"""What one line of a text dump looks like: length, punctuation, script, and chrome signals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.months import MonthTable
from marsad.arabic.normalize import fold
from marsad.extract.bylines import Byline, BylineParser, has_date_part
from marsad.extract.lexicon import Lexicon, LexiconHit

_CLOSERS = " \t\"'”’»)]}*"
_TERMINALS = ".!?؟…"
_SLUG_EXT = re.compile(r"\.(jpe?g|png|gif|webp|avif|bmp|svg)$", re.IGNORECASE)
_SLUG_PARTS = re.compile(r"[-_]+")
_RELATIVE_TIME = re.compile(
    r"(منذ\s+(\d+\s+)?(دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|شهر))"
    r"|^(اخر تحديث|تاريخ النشر|نشر في|نشر بتاريخ|نشر|تم النشر|محدث|updated|published)\b"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)"
)
_WEEKDAYS = ("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه")
_CAPTION_CUE = re.compile(r"(صوره|ارشيفيه|ارشيف|getty|afp|reuters|epa|انترنت|مواقع التواصل)")
_PHOTO_START = re.compile(r"(^|[-–—|]\s*)\(?(صوره|الصوره|صور)\b")
_INNER_PUNCT = re.compile(r"[،,;؛!?؟]|(?<!\.)\.(?!\.)")
_ASKS = re.compile(r"[?؟]")
_COMMA = re.compile(r"[،,؛;]")
_INTERVIEW = re.compile(r"^\s*(س|ج|سؤال|جواب)\s*[:：\-–]\s*\S")
_TRAILING_SOURCE = re.compile(r"(?<=[.!?؟])\s*المصدر\s*[:：]?\s*\(?[^().]{2,30}\)?$")


def _names(rel: str) -> frozenset[str]:
    text = resources.files("marsad.extract").joinpath("data", rel).read_text("utf-8")
    return frozenset(
        fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class LineFeatures:
    index: int
    text: str
    words: int
    terminal: bool
    arabic_share: float
    hit: LexiconHit | None
    byline: Byline | None
    slug: bool
    dated: bool
    caption: bool
    #: Marked up as a heading (h2–h6) on an HTML page.
    heading: bool = False

    @property
    def prose(self) -> bool:
        """Looks like a body paragraph: a real sentence, not a label or a headline."""
        if self.hit or self.slug or self.byline or self.caption or self.heading:
            return False
        if _INTERVIEW.match(self.text) and self.words >= 4:
            return True  # "س: …؟" / "ج: …": an interview's question or answer
        if self.dated or self.question_heading or self.footnote:
            return False
        if self.terminal:
            return self.words >= 6
        return self.words >= 25 or (self.words >= 15 and bool(_COMMA.search(self.text)))

    @property
    def footnote(self) -> bool:
        """ "* صحافية لبنانية…": a short starred note (an author's bio), not a question."""
        return self.text.startswith("*") and self.words <= 20 and not _ASKS.search(self.text)

    @property
    def question_heading(self) -> bool:
        """A short question or exclamation with no inner punctuation: a headline's shape."""
        return (
            self.text.rstrip(_CLOSERS).endswith(("?", "؟", "!"))
            and self.words <= 12
            and not _INNER_PUNCT.search(self.text.rstrip(_CLOSERS)[:-1])
        )

    @property
    def headline(self) -> bool:
        """Short enough and plain enough to be a title or a subheading."""
        full_sentence = self.terminal and self.words > 10 and self.text.rstrip(_CLOSERS)[-1] == "."
        return (
            not (self.hit or self.slug or self.byline or self.dated or self.caption)
            and 2 <= self.words <= 30
            and self.arabic_share >= 0.5
            and not full_sentence
        )


class LineReader:
    """Computes LineFeatures with the lexicon, agency names, dateline places and months."""

    def __init__(self) -> None:
        self.lexicon = Lexicon.load()
        self.months = MonthTable.load()
        self.bylines = BylineParser()
        self.time_words = _names("time_words.txt")

    def read(self, index: int, text: str, *, heading: bool = False) -> LineFeatures:
        words = len(text.split())
        dated = self.is_dated(text, words)
        caption = self.is_caption(text, words)
        terminal = ends_sentence(text, words)
        byline = None
        if not caption and (not dated or has_date_part(text)):
            byline = self.bylines.parse(text, words, sentence=terminal)
        return LineFeatures(
            index=index,
            text=text,
            words=words,
            terminal=terminal,
            arabic_share=arabic_share(text),
            hit=self.lexicon.match(text),
            byline=byline,
            slug=is_slug(text),
            dated=dated,
            caption=caption,
            heading=heading,
        )

    def is_dated(self, text: str, words: int) -> bool:
        """A date or time line: a date signal, and hardly any word that is not about time."""
        if words > 24:
            return False
        folded = fold(text)
        signal = bool(
            self.months.find_date(folded)
            or _RELATIVE_TIME.search(folded)
            or (any(c.isdigit() for c in folded) and self.months.mentions_month(folded))
            or (any(c.isdigit() for c in folded) and any(d in folded.split() for d in _WEEKDAYS))
        )
        if not signal:
            return False
        other = [
            token
            for token in re.findall(r"[^\W\d_]+", folded)
            if token not in self.time_words and token not in self.months.words
        ]
        return len(other) <= 3

    def is_caption(self, text: str, words: int) -> bool:
        """An image caption or credit: a short unpunctuated line naming a photo or agency."""
        if words > 30 or ends_sentence(text, words):
            return False
        stripped = text.rstrip(_CLOSERS + " ")
        bracket = re.search(r"\(([^()]{1,40})\)\s*$", text.strip())
        credit = bracket[1] if bracket else ""
        if bracket and (self.bylines.is_agency(credit) or _CAPTION_CUE.search(fold(credit))):
            return words > 1
        folded = fold(stripped)
        return bool(_PHOTO_START.search(folded)) or folded.endswith(
            ("ارشيفيه", "- ارشيف", "(ارشيف")
        )


def ends_sentence(text: str, words: int) -> bool:
    """Ends with sentence punctuation (a colon counts after a few words: it opens a quote).

    A trailing ".." or "…" is how headlines trail off, so it does not end a sentence.
    """
    stripped = text.rstrip(_CLOSERS)
    if words >= 10:  # "… في الصف. المصدر (فرانس 24)": the sentence ends before the credit
        stripped = _TRAILING_SOURCE.sub("", stripped).rstrip(_CLOSERS)
    if not stripped or stripped.endswith(("..", "…")):
        return False
    last = stripped[-1]
    return last in _TERMINALS or (last in ":：" and words >= 6)


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return arabic / len(letters)


def is_slug(text: str) -> bool:
    """An image file name or URL slug: words joined by hyphens or underscores, no spaces."""
    line = text.strip()
    if _SLUG_EXT.search(line) and " " not in line:
        return True
    if " " in line:
        return False
    parts = [p for p in _SLUG_PARTS.split(line) if p]
    return len(parts) >= 3 and sum(1 for p in parts if any(c.isalpha() for c in p)) >= 2
