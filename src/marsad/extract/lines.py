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
    r"^(?:إعداد وتحرير|كتبته|كتبه|كتبت|كتب|بقلم|إعداد|اعداد|تحرير|تقرير|حوار|ترجمة|By)"
    r"(?:\s*[:：\-–—|]\s*|\s+)(?P<name>.+)$"
)
_SOURCE_CUE = re.compile(r"^(?:المصدر|مصدر الخبر|نقلا عن|عن)\s*[:：\-–—]\s*(?P<name>.+)$")
_PLACE_COLON = re.compile(r"^(?P<place>[^:：]{2,25})\s*[:：]\s*(?P<name>[^:：]+)$")
_SOURCE_PARTS = re.compile(r"\s*[+/،,&]\s*|\s+و(?=\S)")
_GENERIC_SOURCES = frozenset({"وكالات", "الوكالات", "متابعات", "مواقع", "وكالات الانباء"})
_SEPARATOR = re.compile(r"\s*[|｜/]\s*|\s+[-–—]\s*|\s*[-–—]\s+")
_QUOTED = re.compile(r"[«»\"“”]")
_DATE_PART = re.compile(r"^[\d\s./:\-]+$")
_NAME_STRIP = " \t()[]«»\"“”'’:："
_OUTLET_WORD = re.compile(
    r"(نيوز|\.نت|\.كوم|\.com|\.net|عربيه|عربية|اليوم|صحيفة|صحيفه|جريدة|جريده|موقع|وكالة|"
    r"وكاله|قناة|قناه|تلفزيون|راديو|إذاعة|اذاعه|\btv\b|\d)",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    r"(منذ\s+(\d+\s+)?(دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|شهر))"
    r"|^(اخر تحديث|تاريخ النشر|نشر في|نشر بتاريخ|نشر|تم النشر|محدث|updated|published)\b"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)"
)
_WEEKDAYS = ("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه")
_CAPTION_CUE = re.compile(r"(صوره|ارشيفيه|ارشيف|getty|afp|reuters|epa|انترنت|مواقع التواصل)")
_INNER_PUNCT = re.compile(r"[،,;؛:!?؟]|(?<!\.)\.(?!\.)")
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
    #: How sure the line is about the source: 3 "المصدر: …", 2 a byline, 1 a bare agency name
    #: (which may be a photo credit).
    strength: int = 2


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
        if self.dated or self.question_heading:
            return False
        return self.words >= 15 or (self.terminal and self.words >= 6)

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
        self.time_words = _names("time_words.txt")

    def read(self, index: int, text: str, *, heading: bool = False) -> LineFeatures:
        words = len(text.split())
        dated = self.is_dated(text, words)
        dated_byline = dated and any(_DATE_PART.match(p) for p in _SEPARATOR.split(text))
        return LineFeatures(
            index=index,
            text=text,
            words=words,
            terminal=ends_sentence(text, words),
            arabic_share=arabic_share(text),
            hit=self.lexicon.match(text),
            byline=self.byline(text, words) if not dated or dated_byline else None,
            slug=is_slug(text),
            dated=dated,
            caption=self.is_caption(text, words),
            heading=heading,
        )

    def is_agency(self, name: str) -> bool:
        return core(name) in self.agencies

    def is_place(self, name: str) -> bool:
        return core(name) in self.places

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
        if bracket and (self.is_agency(bracket.group(1)) or _CAPTION_CUE.search(fold(bracket[1]))):
            return words > 1
        folded = fold(stripped)
        return bool(re.match(r"^(\(?صوره|الصوره|صور)\b", folded)) or folded.endswith(
            ("ارشيفيه", "- ارشيف", "(ارشيف")
        )

    def byline(self, text: str, words: int) -> Byline | None:
        """Parse bylines and datelines; None when the line is not one."""
        line = text.strip()
        if words > 12 or (ends_sentence(line, words) and words > 4):
            return None
        inner = line.strip(_NAME_STRIP)
        if self.is_agency(inner):
            return Byline(source=inner, strength=1)
        if cue := _AUTHOR_CUE.match(line):
            return self._author_cue(cue["name"])
        if cue := _SOURCE_CUE.match(line):
            name = self._main_source(cue["name"])
            return Byline(source=name, strength=3) if name and len(name.split()) <= 5 else None
        if (colon := _PLACE_COLON.match(line)) and self.is_place(colon["place"]):
            names = split_names(colon["name"])
            return Byline(authors=names) if _person_names(names) else None
        return self._separated(line)

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

    def _main_source(self, text: str) -> str | None:
        """ "الجزيرة + وكالات" → الجزيرة; "فرانس24/ أ ف ب" → أ ف ب (a named agency wins)."""
        parts = [p.strip(_NAME_STRIP) for p in _SOURCE_PARTS.split(text) if p.strip(_NAME_STRIP)]
        named = [p for p in parts if core(p) not in _GENERIC_SOURCES]
        agencies = [p for p in named if self.is_agency(p)]
        return (agencies or named or [None])[0]

    def _separated(self, line: str) -> Byline | None:
        """Bylines of parts split by | / or a dash: outlet, person, place, agency, date.

        "سيريان تلغراف | NAME", "الرياض - واس", "دبي - العربية.نت", "هسبريس - NAME",
        "تونس/ NAME/ الأناضول", "NAME |01.11.2016", "فرانس24/ أ ف ب".
        """
        if not _SEPARATOR.search(line):
            return None
        raw_parts = [p for p in _SEPARATOR.split(line) if p.strip(_NAME_STRIP)]
        quoted = {p.strip(_NAME_STRIP) for p in raw_parts if _QUOTED.search(p)}
        parts = [p.strip(_NAME_STRIP) for p in raw_parts]
        parts = [p for p in parts if not _DATE_PART.match(p)]
        if not 1 <= len(parts) <= 3 or any(len(p.split()) > 5 for p in parts):
            return None
        agencies = [p for p in parts if self.is_agency(p)]
        rest = [p for p in parts if not self.is_agency(p) and not self.is_place(p)]
        if agencies:
            people = [p for p in rest if _person_names((p,))]
            return Byline(source=agencies[-1], authors=tuple(people[:1]))
        if len(rest) == len(parts):  # no agency, no place: outlet | person
            if len(parts) == 2 and _person_names(split_names(parts[1])):
                return Byline(source=parts[0], authors=split_names(parts[1]))
            if len(parts) == 1 and _person_names(split_names(parts[0])):
                return Byline(authors=split_names(parts[0]))
            return None
        if len(rest) == 1:  # a place and one more part: an outlet or a person
            if rest[0] in quoted or _OUTLET_WORD.search(rest[0]) or not _person_names((rest[0],)):
                return Byline(source=rest[0])
            return Byline(authors=(rest[0],))
        return None


def _person_names(names: tuple[str, ...]) -> bool:
    """Names as bylines give them: two to four words each."""
    return bool(names) and all(
        2 <= len(n.split()) <= 4 and not any(c.isdigit() for c in n) for n in names
    )


def split_names(text: str) -> tuple[str, ...]:
    """Split "أحمد علي ومحمد حسن" or "أحمد علي، محمد حسن" into names (keeps single names whole)."""
    text = text.strip(" :：-–—()")
    parts = [p.strip() for p in _NAME_SPLIT.split(text) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return tuple(parts)
    return (text,) if text else ()


def ends_sentence(text: str, words: int) -> bool:
    """Ends with sentence punctuation (a colon counts after a few words: it opens a quote).

    A trailing ".." or "…" is how headlines trail off, so it does not end a sentence.
    """
    stripped = text.rstrip(_CLOSERS)
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
