"""Bylines and datelines: who wrote an article and which outlet or agency supplied it.

Handles "بقلم: NAME", "كتبت- NAME:", "Written by NAME", "OUTLET | NAME", "الرياض - واس",
"دبي - العربية.نت", "تونس/ NAME/ الأناضول", "المصدر: الجزيرة + وكالات", "(رويترز)",
"لندن، بريطانيا (CNN)--", "«عكاظ» (نيويورك)", "تونس: NAME" and a person's name alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.normalize import fold
from marsad.extract.lexicon import core

_DASH = r"\s+[-–—]\s+|\s*[-–—]\s+|\s+[-–—]\s*"
_AUTHOR_CUE = re.compile(
    r"^(?:إعداد وتحرير|كتبته|كتبه|كتبت|كتب|بقلم|إعداد|اعداد|تحرير|تقرير|حوار|ترجمة"
    r"|Written by|By)(?:\s*[:：\-–—|]\s*|\s+)(?P<name>.+)$",
    re.IGNORECASE,
)
_SOURCE_CUE = re.compile(r"^(?:المصدر|مصدر الخبر|نقلا عن|عن)\s*[:：\-–—]\s*(?P<name>.+)$")
_PLACE_COLON = re.compile(r"^(?P<place>[^:：]{2,25})\s*[:：]\s*(?P<name>[^:：]+)$")
_DATELINE_AGENCY = re.compile(r"^(?P<place>[^()]{2,40})\((?P<agency>[^()]{2,30})\)\s*[-–—]*\s*$")
_LATIN_AGENCY = re.compile(r"^\s*[A-Z]{2,6}\s*$")
_QUOTED_OUTLET = re.compile(r"^«(?P<outlet>[^«»]{2,30})»\s*(?:\([^()]{2,30}\))?\s*[:：\-–—]?\s*$")
_SOURCE_PARTS = re.compile(r"\s*[+/،,&]\s*|\s+و(?=\S)|" + _DASH)
_GENERIC_SOURCES = frozenset(
    fold(s) for s in ("وكالات", "الوكالات", "متابعات", "مواقع", "وكالات الأنباء", "عواصم")
)
_SEPARATOR = re.compile(r"\s*[|｜/]\s*|\s+[-–—]\s*|\s*[-–—]\s+")
_QUOTED = re.compile(r"[«»\"“”]")
_DATE_PART = re.compile(r"^[\d\s./:\-]+$")
_NAME_STRIP = " \t()[]«»\"“”'’:："
_NOT_IN_NAMES = re.compile(r"[()\[\]«»\"“”:：،,.!?؟#@/|\d]")
#: Words that mark a name as an outlet's ("… نيوز", "جريدة …", "….com").
OUTLET_WORD = re.compile(
    r"(نيوز|\.نت|\.كوم|\.com|\.net|عربيه|عربية|اليوم|صحيفة|صحيفه|جريدة|جريده|موقع|وكالة|"
    r"وكاله|قناة|قناه|تلفزيون|راديو|إذاعة|اذاعه|أونلاين|اونلاين|online|بوست|تايمز|\btv\b|"
    r"بوابة|بوابه|شبكة|شبكه|\d)",
    re.IGNORECASE,
)
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
    #: The line is only a cue ("كتب:") whose name follows on the next line.
    cue_only: bool = False


def split_names(text: str) -> tuple[str, ...]:
    """Split "أحمد علي ومحمد حسن" or "أحمد علي، محمد حسن" into names (keeps single names whole)."""
    text = text.strip(" :：-–—()")
    parts = [p.strip() for p in _NAME_SPLIT.split(text) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return tuple(parts)
    return (text,) if text else ()


class BylineParser:
    """Parses byline and dateline lines with lists of agencies, places and given names."""

    def __init__(self) -> None:
        self.agencies = _names("agencies.txt")
        self.places = _names("dateline_places.txt")
        self.first_names = _names("person_first_names.txt")
        self.title_words = _names("title_words.txt")

    def is_agency(self, name: str) -> bool:
        return core(name) in self.agencies

    def is_place(self, name: str) -> bool:
        return core(name) in self.places

    def is_generic(self, name: str) -> bool:
        return core(name) in _GENERIC_SOURCES

    def is_person(self, name: str) -> bool:
        """Two to four plain words, no title, no outlet word: how a byline gives a name."""
        words = name.split()
        return (
            2 <= len(words) <= 4
            and not _NOT_IN_NAMES.search(name)
            and not OUTLET_WORD.search(name)
            and not any(fold(w) in self.title_words for w in words)
        )

    def is_known_person(self, name: str) -> bool:
        """A person's name that starts with a common given name (a byline standing alone)."""
        words = name.split()
        return self.is_person(name) and fold(words[0]).removeprefix("ال") in self.first_names

    def parse(self, line: str, words: int, *, sentence: bool) -> Byline | None:
        """The byline a line states, or None; ``sentence`` when the line ends like one."""
        line = line.strip()
        if words > 12 or (sentence and words > 4):
            return None
        inner = line.strip(_NAME_STRIP)
        if self.is_agency(inner):
            return Byline(source=inner, strength=1)
        if fold(line).rstrip(" :：-–—") in ("كتب", "كتبت", "بقلم", "اعداد", "تحرير"):
            return Byline(cue_only=True)
        if cue := _AUTHOR_CUE.match(line):
            return self._author_cue(cue["name"])
        if cue := _SOURCE_CUE.match(line):
            name = self._main_source(cue["name"])
            return Byline(source=name, strength=3) if name and len(name.split()) <= 5 else None
        match = _DATELINE_AGENCY.match(line)
        if match and (self.is_agency(match["agency"]) or _LATIN_AGENCY.match(match["agency"])):
            return Byline(source=match["agency"].strip())
        if match := _QUOTED_OUTLET.match(line):
            return Byline(source=match["outlet"].strip())
        if (colon := _PLACE_COLON.match(line)) and self.is_place(colon["place"]):
            rest = colon["name"].strip(_NAME_STRIP + " ")
            names = split_names(rest)
            if all(self.is_person(n) for n in names):
                return Byline(authors=names)
            source = self._main_source(rest)
            return Byline(source=source) if source and len(source.split()) <= 4 else None
        if not _SEPARATOR.search(line) and self.is_known_person(inner):
            return Byline(authors=(inner,))
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
        if (
            len(names) == 1
            and not self.is_person(names[0])
            and (OUTLET_WORD.search(names[0]) or self.is_agency(names[0]))
        ):
            return Byline(source=names[0])
        return Byline(source=source, authors=names)

    def _main_source(self, text: str) -> str | None:
        """ "الجزيرة + وكالات" → الجزيرة; "فرانس24/ أ ف ب" → أ ف ب (a named agency wins)."""
        parts = [p.strip(_NAME_STRIP) for p in _SOURCE_PARTS.split(text) if p.strip(_NAME_STRIP)]
        named = [p for p in parts if not self.is_generic(p) and not self.is_place(p)]
        agencies = [p for p in named if self.is_agency(p)]
        return (agencies or named or [None])[0]

    def _separated(self, line: str) -> Byline | None:
        """Bylines of parts split by | / or a dash: outlet, person, place, agency, date."""
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
            people = [p for p in rest if self.is_person(p)]
            return Byline(source=agencies[-1], authors=tuple(people[:1]))
        if len(rest) == len(parts):  # no agency, no place: outlet | person
            if len(parts) == 2 and all(self.is_person(n) for n in split_names(parts[1])):
                return Byline(source=parts[0], authors=split_names(parts[1]))
            if len(parts) == 1 and all(self.is_person(n) for n in split_names(parts[0])):
                return Byline(authors=split_names(parts[0]))
            return None
        if len(rest) == 1:  # a place and one more part: an outlet or a person
            if rest[0] in quoted or OUTLET_WORD.search(rest[0]) or not self.is_person(rest[0]):
                return None if self.is_generic(rest[0]) else Byline(source=rest[0])
            return Byline(authors=(rest[0],))
        return None


def has_date_part(line: str) -> bool:
    """A separated part of the line is a bare date ("NAME |01.11.2016")."""
    return any(_DATE_PART.match(p) for p in _SEPARATOR.split(line))


#: "تونس – «القدس العربي» – من فلان:" opening the first paragraph (a pan-Arab daily's
#: dateline: place, the outlet in guillemets, perhaps the reporter, then a colon).
_LEAD_DATELINE = re.compile(
    r"^\s*(?:[^\s:：«»()]+\s+){0,2}[^\s:：«»()]+\s*[-–—،,]\s*«[^«»]{2,30}»"
    r"(?:\s*[-–—]\s*(?:من\s+)?[^:：«».،]{3,40}?)?\s*[:：]\s*"
)


def split_lead_dateline(text: str) -> tuple[str, str | None]:
    """Split "PLACE – «OUTLET» – من NAME: text" into the text and the dateline."""
    match = _LEAD_DATELINE.match(text)
    if not match or len(text) - match.end() < 20:
        return text, None
    return text[match.end() :], match.group().strip()
