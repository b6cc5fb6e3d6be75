"""What one line of a text dump looks like: length, punctuation, script, and chrome signals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.months import MonthTable
from marsad.arabic.normalize import fold
from marsad.extract.lexicon import Lexicon, LexiconHit, core

_CLOSERS = " \t\"'”’»)]}*"
_TERMINALS = ".!?؟…"
_SLUG_EXT = re.compile(r"\.(jpe?g|png|gif|webp|avif|bmp|svg)$", re.IGNORECASE)
_SLUG_PARTS = re.compile(r"[-_]+")
_DASH = r"\s+[-–—]\s+|\s*[-–—]\s+|\s+[-–—]\s*"
_AUTHOR_CUE = re.compile(
    r"^(?:بقلم|كتب|كتبت|كتبه|كتبته|إعداد|اعداد|تحرير|تقرير|إعداد وتحرير|حوار|ترجمة|By)"
    r"\s*(?:[:：\-–—|]\s*)?(?P<name>.+)$"
)
_SOURCE_CUE = re.compile(r"^(?:المصدر|مصدر الخبر|نقلا عن|عن)\s*[:：\-–—]\s*(?P<name>.+)$")
_RELATIVE_TIME = re.compile(
    r"(منذ\s+(\d+\s+)?(دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|شهر))"
    r"|^(اخر تحديث|تاريخ النشر|نشر في|نشر بتاريخ|نشر|تم النشر|محدث|updated|published)\b"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)"
)
_WEEKDAYS = ("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه")
_CAPTION_CUE = re.compile(r"(صوره|ارشيفيه|ارشيف|getty|afp|reuters|epa|انترنت|مواقع التواصل)")
_INNER_PUNCT = re.compile(r"[،,;؛:.!\"“”«»]")
_NAME_SPLIT = re.compile(r"\s*[،,]\s*|\s+و(?=\S)")


def _names(rel: str) -> frozenset[str]:
    text = resources.files("marsad.extract").joinpath("data", rel).read_text("utf-8")
    return frozenset(
        fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote or supplied the article, as a byline or dateline line says."""

    source: str | None = None
    authors: tuple[str, ...] = ()


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

    @property
    def prose(self) -> bool:
        """Looks like a body paragraph: a real sentence, not a label or a headline."""
        if self.hit or self.slug or self.byline or self.caption:
            return False
        if self.dated and self.words < 12:
            return False
        if self.question_heading:
            return False
        return self.words >= 15 or (self.terminal and self.words >= 6)

    @property
    def question_heading(self) -> bool:
        """A short question with no inner punctuation: how subheadings often read."""
        return (
            self.text.rstrip(_CLOSERS).endswith(("?", "؟"))
            and self.words <= 12
            and not _INNER_PUNCT.search(self.text.rstrip(_CLOSERS)[:-1])
        )

    @property
    def headline(self) -> bool:
        """Short enough and plain enough to be a title or a subheading."""
        return (
            not (self.hit or self.slug or self.byline or self.dated or self.caption)
            and 2 <= self.words <= 30
            and self.arabic_share >= 0.5
        )


class LineReader:
    """Computes LineFeatures with the lexicon, agency names, dateline places and months."""

    def __init__(self) -> None:
        self.lexicon = Lexicon.load()
        self.months = MonthTable.load()
        self.agencies = _names("agencies.txt")
        self.places = _names("dateline_places.txt")

    def read(self, index: int, text: str) -> LineFeatures:
        words = len(text.split())
        return LineFeatures(
            index=index,
            text=text,
            words=words,
            terminal=ends_sentence(text, words),
            arabic_share=arabic_share(text),
            hit=self.lexicon.match(text),
            byline=self.byline(text, words),
            slug=is_slug(text),
            dated=self.is_dated(text, words),
            caption=self.is_caption(text, words),
        )

    def is_agency(self, name: str) -> bool:
        return core(name) in self.agencies

    def is_place(self, name: str) -> bool:
        return core(name) in self.places

    def is_dated(self, text: str, words: int) -> bool:
        """A date or time line: a written date, a relative time or a weekday with digits."""
        if words > 14:
            return False
        folded = fold(text)
        if self.months.find_date(folded) or _RELATIVE_TIME.search(folded):
            return True
        has_digit = any(c.isdigit() for c in folded)
        if has_digit and self.months.mentions_month(folded):
            return True
        return has_digit and any(day in folded.split() for day in _WEEKDAYS)

    def is_caption(self, text: str, words: int) -> bool:
        """An image caption or credit: a short unpunctuated line naming a photo or agency."""
        if words > 30 or ends_sentence(text, words):
            return False
        stripped = text.rstrip(_CLOSERS + " ")
        bracket = re.search(r"\(([^()]{1,40})\)\s*$", text.strip())
        if bracket and (self.is_agency(bracket.group(1)) or _CAPTION_CUE.search(fold(bracket[1]))):
            return words > 1
        folded = fold(stripped)
        return bool(re.match(r"^(\(?صوره|الصوره|صور)\b", folded)) or folded.endswith(
            ("ارشيفيه", "- ارشيف", "(ارشيف")
        )

    def byline(self, text: str, words: int) -> Byline | None:
        """Parse bylines and datelines; None when the line is not one."""
        line = text.strip()
        if words > 12 or ends_sentence(line, words) and words > 4:
            return None
        inner = line.strip("()[] ")
        if self.is_agency(inner):
            return Byline(source=inner)
        if cue := _AUTHOR_CUE.match(line):
            return self._author_cue(cue["name"])
        if cue := _SOURCE_CUE.match(line):
            name = cue["name"].strip("() ")
            return Byline(source=name) if len(name.split()) <= 5 else None
        if "|" in line:
            return self._pipe(line)
        parts = [p.strip("() ") for p in re.split(_DASH, line) if p.strip("() ")]
        if len(parts) == 2 and all(len(p.split()) <= 4 for p in parts):
            return self._dash(parts[0], parts[1])
        return None

    def _author_cue(self, rest: str) -> Byline | None:
        source = None
        dash = [p.strip() for p in re.split(_DASH, rest) if p.strip()]
        if len(dash) == 2 and (self.is_place(dash[1]) or self.is_agency(dash[1])):
            rest = dash[0]
            source = dash[1] if self.is_agency(dash[1]) else None
        names = split_names(rest)
        if not names or any(len(n.split()) > 4 for n in names):
            return None
        return Byline(source=source, authors=names)

    def _pipe(self, line: str) -> Byline | None:
        parts = [p.strip() for p in line.split("|") if p.strip()]
        if len(parts) != 2 or any(len(p.split()) > 5 for p in parts):
            return None
        if any(any(c.isdigit() for c in p) for p in parts):
            return None
        left, right = parts
        if cue := _AUTHOR_CUE.match(left):
            return Byline(source=right, authors=split_names(cue["name"]))
        if self.is_agency(right) and not self.is_agency(left):
            return Byline(source=right, authors=split_names(left))
        return Byline(source=left, authors=split_names(right))

    def _dash(self, left: str, right: str) -> Byline | None:
        if self.is_agency(right):
            return Byline(source=right)
        if self.is_agency(left):
            return Byline(source=left)
        if self.is_place(left) and not self.is_place(right):
            return Byline(authors=split_names(right))
        if self.is_place(right) and not self.is_place(left):
            return Byline(authors=split_names(left))
        return None


def split_names(text: str) -> tuple[str, ...]:
    """Split "أحمد علي ومحمد حسن" or "أحمد علي، محمد حسن" into names (keeps single names whole)."""
    text = text.strip(" :：-–—()")
    parts = [p.strip() for p in _NAME_SPLIT.split(text) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return tuple(parts)
    return (text,) if text else ()


def ends_sentence(text: str, words: int) -> bool:
    """Ends with sentence punctuation (a colon counts after a few words: it opens a quote)."""
    stripped = text.rstrip(_CLOSERS)
    if not stripped:
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
