"""The patterns of date and time expressions (built from data files) and their resolution.

Patterns run on folded text (:data:`~marsad.arabic.normalize.MATCHING`: أ→ا, ة→ه, ى→ي,
ASCII digits). Each pattern is a chain of optional parts between fixed words, with no
nested repetition, so matching stays linear even on a megabyte without punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources

from marsad.arabic import calendar as cal
from marsad.arabic.calendar import Unresolved
from marsad.arabic.numbers import NumberReader

_L = r"(?<![^\W_])(?:و|ف|ب|ل|وب|ول|فب|فل)?"
_R = r"(?![^\W_])"
_YEAR_CUES = frozenset(
    {"في", "منذ", "خلال", "حتي", "الي", "قبل", "بعد", "لسنه", "سنه", "عام", "لعام", "موسم"}
)
_MONTH_CUES = frozenset(
    {"في", "منذ", "خلال", "حتي", "الي", "قبل", "بعد", "من", "شهري", "شهر", "اشهر", "و"}
)
_ADVERBIAL_PARTS = (
    "صباحا",
    "مساء",
    "مساءا",
    "ليلا",
    "ظهرا",
    "عصرا",
    "فجرا",
    "بعد الظهر",
    "بعد الزوال",
    "زوالا",
)
_DAY_ADJECTIVES = frozenset(
    {"الاول", "الاخير", "التالي", "الموالي", "المفتوح", "الثالث", "الرابع", "الخامس", "السابع"}
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s(]*$")
_WORD_AFTER = re.compile(r"^\s*([^\W_]+)")


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern hit in folded text with the parts it read."""

    rule: str
    start: int
    end: int
    parts: tuple[tuple[str, str], ...]
    words: Rules

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.parts if k == name), None)

    @property
    def needs_tense(self) -> bool:
        return self.rule == "weekday" and self.get("mod") is None

    @property
    def kinds(self) -> frozenset[str]:
        found = {self.rule}
        part = self.get("part")
        if part:
            found.add(self.words.parts[part])
        return frozenset(found)

    @property
    def granularity(self) -> str:
        return {
            "time": "time",
            "clock": "time",
            "duration": "duration",
            "vague": "vague",
            "year": "year",
            "hijri_year": "year",
            "month_year": "month",
            "month": "month",
        }.get(self.rule) or self._period_granularity()

    def _period_granularity(self) -> str:
        per = self.get("per")
        if per is None:
            return "day"
        return {"الاسبوع": "week", "الشهر": "month"}.get(per, "year")


def _alt(words: list[str]) -> str:
    unique = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in unique)


def _lines(name: str) -> list[list[str]]:
    text = resources.files("marsad.arabic").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


class Rules:
    """Compiled date patterns and the word tables they resolve with."""

    def __init__(self, numbers: NumberReader) -> None:
        fold = numbers.fold
        self.numbers = numbers
        months = _lines("months.tsv")
        self.gregorian = {fold(n): int(m) for n, m, c, _ in months if c == "gregorian"}
        self.hijri = {fold(n): int(m) for n, m, c, _ in months if c == "hijri"}
        table: dict[str, dict[str, str]] = {}
        for category, written, value in _lines("date_words.tsv"):
            table.setdefault(category, {})[fold(written)] = value
        self.weekdays = {k: int(v) for k, v in table["weekday"].items()}
        self.modifiers = {k: int(v) for k, v in table["modifier"].items()}
        self.days = {k: int(v) for k, v in table["day"].items()}
        self.units = {k: (v.split()[0], int(v.split()[1])) for k, v in table["unit"].items()}
        self.parts = table["part"]
        self.edges = table["edge"]
        self.hours = {k: int(v) for k, v in table["hour"].items()}
        self.vague = table["vague"]
        self.ordinal_days = {
            w: int(v)
            for w, (v, kind) in numbers.words.items()
            if kind == "ordinal" and w.startswith("ال") and not w.endswith("ه")
        }
        self.count_words = frozenset(
            w for w, (_, kind) in numbers.words.items() if kind in ("scale", "value")
        ) | frozenset(w for phrase in numbers.currencies for w in phrase[:1])
        self.count_words |= frozenset(
            fold(written)
            for kind, written, _ in _lines("quantity_nouns.tsv")
            if kind in ("role", "event", "generic", "unit")
        )
        self.patterns = self._compile()

    @classmethod
    def load(cls, numbers: NumberReader) -> Rules:
        return cls(numbers)

    def _compile(self) -> list[tuple[str, re.Pattern[str]]]:
        gm, hm = _alt(list(self.gregorian)), _alt(list(self.hijri))
        wd, mod, edge = (
            _alt(list(self.weekdays)),
            _alt(list(self.modifiers)),
            _alt(list(self.edges)),
        )
        part, day, unit = _alt(list(self.parts)), _alt(list(self.days)), _alt(list(self.units))
        hour, vague = _alt(list(self.hours)), _alt(list(self.vague))
        adverbial = _alt([self.numbers.fold(p) for p in _ADVERBIAL_PARTS])
        numw = _alt(
            [w for w, (_, k) in self.numbers.words.items() if k in ("unit", "ten", "hundred")]
        )
        approx = r"(?:(?:حوالي|نحو|اكثر\s+من|قرابه|ازيد\s+من)\s+)?"
        count = rf"{approx}(?:(?P<n>\d+|(?:{numw})(?:\s+و?(?:{numw})){{0,3}})\s+)?"
        ordinal = _alt(list(self.ordinal_days))
        pair = rf"(?P<m>{gm})(?:\s*/\s*(?:{gm})|\s*\(\s*(?:{gm})\s*\))?"
        weekday = rf"(?:(?:يوم\s+)?(?P<wd>{wd})\s*(?:,\s*)?)?"
        year_tail = (
            r"(?:\s*(?:,\s*)?(?:من\s+)?(?:(?:سنه|عام)\s+)?(?P<y>\d{4})(?!\d)(?:\s*م(?![^\W_]))?)?"
        )
        rules = {
            "date": rf"{_L}(?P<x>{weekday}(?:(?:يوم|يومي|ايام)\s+)?"
            rf"(?:(?P<d1>\d{{1,2}})\s*(?:-|و|الي|حتي)\s*)?(?:(?P<d>\d{{1,2}}|الفاتح|غره)(?!\d)"
            rf"\s*(?:من\s+)?|(?P<od>{ordinal})\s+من\s+|(?P<od2>اول)\s+)(?:شهر\s+)?{pair}{year_tail}"
            rf"(?:\s+(?P<mod>{mod}))?){_R}",
            "numeric": r"(?<![\d/.-])(?P<x>(?P<d>\d{1,2})(?P<sep>[/.-])(?P<mo>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}))(?![\d])",
            "iso": r"(?<!\d)(?P<x>(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2}))(?!\d)",
            "hijri": rf"{_L}(?P<x>{weekday}(?P<d>\d{{1,2}})(?!\d)\s*(?:من\s+)?(?:شهر\s+)?"
            rf"(?P<hm>{hm})(?:\s*(?:,\s*)?(?:(?:سنه|عام)\s+)?(?P<y>\d{{4}}))?(?:\s*ه)?){_R}",
            "hijri_month": rf"{_L}(?P<x>(?:شهر\s+(?P<hm>{hm})(?:\s+(?P<y>1[34]\d\d)\s*ه)?)"
            rf"|(?:(?P<hm2>{hm})\s+(?P<y2>1[34]\d\d)\s*ه)){_R}",
            "hijri_year": rf"{_L}(?P<x>(?:(?:سنه|عام)\s+)?(?P<hy>1[34]\d\d)\s*ه){_R}",
            "month_year": rf"{_L}(?P<x>(?:(?P<edge>{edge})\s+)?(?:شهر\s+)?{pair}\s*(?:,\s*)?"
            rf"(?:من\s+)?(?:(?:سنه|عام)\s+)?(?P<y>\d{{4}})(?!\d)){_R}",
            "month": rf"{_L}(?P<x>(?:(?P<edge>{edge})\s+)?(?:(?P<shahr>شهر)\s+)?{pair}"
            rf"(?:\s+(?P<mod>{mod}))?){_R}",
            "year": rf"{_L}(?P<x>(?:(?P<edge>{edge})\s+)?"
            r"(?:(?P<cue>سنه|عام|العام|السنه|موسم|الموسم)\s+)?(?P<y>(?:19|20)\d\d)(?:\s*[-/]\s*(?P<y2>(?:19|20)?\d\d)"
            r"|\s+(?:الي|حتي|و)\s*(?P<y3>(?:19|20)\d\d))?(?!\d)(?:\s*م(?![^\W_]))?)(?![^\W_])",
            "relday": rf"{_L}(?P<x>(?:(?P<part>{part})\s+)?(?:يوم\s+)?(?P<rd>{day})"
            rf"(?:\s*(?:,\s*)?(?P<wd>{wd}))?){_R}",
            "weekday": rf"{_L}(?P<x>(?:(?P<part>{part})\s+)?(?:يوم\s+)?(?P<wd>{wd})"
            rf"(?:\s+(?P<mod>{mod}))?){_R}",
            "period": rf"{_L}(?P<x>(?:(?P<lead>في\s+وقت\s+سابق\s+من|في\s+وقت\s+لاحق\s+من|خلال|طيله"
            rf"|طوال)\s+)?(?:(?P<edge>{edge})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
            rf"(?P<per>الاسبوع|الشهر|العام|السنه)(?:\s+(?P<mod>{mod}))?){_R}",
            "ago": rf"{_L}(?P<x>(?P<rel>منذ|قبل|بعد)\s+{count}(?P<u>{unit})){_R}",
            "duration": rf"{_L}(?P<x>(?P<lead>لمده|طيله|طوال|علي\s+مدي|علي\s+امتداد|خلال|في\s+غضون"
            rf"|غضون)\s+{count}(?P<u>(?:ال)?(?:{unit}))(?:\s+(?P<mod>{mod}|الاخيره))?){_R}",
            "vague": rf"{_L}(?P<x>{vague}){_R}",
            "time": rf"{_L}(?P<x>(?:(?:علي|في|عند|حوالي|حدود)\s+)?(?:ال)?ساعه\s+"
            rf"(?P<h>\d{{1,2}}|{hour})(?:\s*[:.h]\s*(?P<mi>\d{{2}})|\s+و\s*(?P<mw>\d{{1,2}}|النصف"
            rf"|الربع|ربع|نصف)(?:\s*(?:دقيقه|دق|د))?|\s+(?P<lq>الا\s+ربع))?"
            rf"(?:\s+(?P<part>{adverbial}))?){_R}",
            "clock": r"(?<![\d:.])(?P<x>(?P<h>\d{1,2}):(?P<mi>\d{2}))(?![\d:])",
        }
        return [(name, re.compile(pattern)) for name, pattern in rules.items()]

    def matches(self, folded: str) -> Iterator[Match]:
        """Every accepted pattern hit (overlapping hits included)."""
        for name, pattern in self.patterns:
            for hit in pattern.finditer(folded):
                parts = tuple((k, v) for k, v in hit.groupdict().items() if v is not None)
                match = Match(name, hit.start("x"), hit.end("x"), parts, self)
                if self._accept(match, folded):
                    yield match

    def _accept(self, match: Match, folded: str) -> bool:
        before_hit = _WORD_BEFORE.search(folded, max(0, match.start - 30), match.start)
        before = before_hit.group(1) if before_hit else ""
        after_hit = _WORD_AFTER.match(folded[match.end : match.end + 30])
        after = after_hit.group(1) if after_hit else ""
        rule = match.rule
        if rule == "month":
            return bool(
                match.get("shahr") or match.get("mod") or match.get("edge")
            ) or before in _MONTH_CUES | {"ل" + w for w in _MONTH_CUES}
        if rule == "year":
            if match.get("cue") or match.get("edge") or match.get("y2") or match.get("y3"):
                return True
            counted = after in self.count_words or (  # 2037 سجينا: a count, not a year
                len(after) >= 4 and after.endswith("ا") and not after.startswith(("ال", "و"))
            )
            return not (after[:1].isdigit() or counted) or before in _YEAR_CUES
        if rule == "relday" and match.get("rd") == "اليوم" and not match.get("wd"):
            if before in ("نفس", "ذات", "هذا", "ذلك"):
                return False
            if not match.get("part") and (
                after in _DAY_ADJECTIVES
                or (after.startswith("ال") and after.endswith("ي") and after != "الي")
            ):
                return False
        if rule == "duration" and _clean(match.get("u")).startswith("ال"):
            return bool(match.get("mod"))
        if rule == "duration" and not match.get("n") and re.match(r"\s*\d{4}", folded[match.end :]):
            return False  # خلال سنة 2016 is the year, not a duration of one year
        if rule == "period" and not (match.get("mod") or match.get("this")):
            return False
        if rule == "period" and match.get("per") == "العام" and not match.get("lead"):
            current = self.modifiers.get(match.get("mod") or "") == 0
            return not (before.startswith("ال") and current and not match.get("this"))
        if rule == "clock":
            return int(match.get("h") or 99) < 24
        return True


def resolve(match: Match, published: date | None, future: bool | None) -> tuple[str, str]:
    """(value, granularity) of a match, or Unresolved with the reason."""
    handler = _HANDLERS[match.rule]
    return handler(match, published, future)


def _need(published: date | None) -> date:
    if published is None:
        raise Unresolved("relative expression without a publication date")
    return published


def _day_number(match: Match) -> int:
    ordinal = match.get("od")
    if ordinal:
        return match.words.ordinal_days[ordinal]
    text = match.get("d") or "1"
    return 1 if not text.isdigit() else int(text)


def _date(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    words = match.words
    month = words.gregorian[_clean(match.get("m"))]
    day = _day_number(match)
    year_text = match.get("y")
    modifier = words.modifiers.get(match.get("mod") or "")
    if year_text:
        year = int(year_text)
    else:
        anchor = _need(published)
        year = cal.nearest_year(anchor, month, day, modifier or None)
    found = cal.make_date(year, month, day)
    first = match.get("d1")
    if first:
        begin = cal.make_date(year, month, int(first))
        if begin < found:
            return f"{begin.isoformat()}/{found.isoformat()}", "day"
    return found.isoformat(), "day"


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def _numeric(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    found = cal.make_date(int(match.get("y") or 0), int(match.get("mo") or 0), _day_number(match))
    return found.isoformat(), "day"


def _hijri(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    month = match.words.hijri[_clean(match.get("hm"))]
    day = _day_number(match)
    year_text = match.get("y")
    year = int(year_text) if year_text else cal.nearest_hijri_year(_need(published), month, day)
    return cal.hijri_to_gregorian(year, month, day).isoformat(), "day"


def _hijri_month(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    month = match.words.hijri[_clean(match.get("hm") or match.get("hm2"))]
    year_text = match.get("y") or match.get("y2")
    year = int(year_text) if year_text else cal.nearest_hijri_year(_need(published), month, 15)
    return cal.hijri_month_span(year, month), "month"


def _hijri_year(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    year = int(match.get("hy") or 0)
    first = cal.hijri_to_gregorian(year, 1, 1)
    last = cal.hijri_to_gregorian(year, 12, 29)
    return f"{first.isoformat()}/{last.isoformat()}", "year"


def _month_year(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    month = match.words.gregorian[_clean(match.get("m"))]
    return f"{int(match.get('y') or 0):04d}-{month:02d}", "month"


def _month(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    month = match.words.gregorian[_clean(match.get("m"))]
    anchor = _need(published)
    modifier = match.words.modifiers.get(match.get("mod") or "")
    year = anchor.year if modifier == 0 else cal.nearest_year(anchor, month, None, modifier)
    return f"{year:04d}-{month:02d}", "month"


def _year(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    first = int(match.get("y") or 0)
    second_text = match.get("y2") or match.get("y3")
    if second_text:
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        if second == first + 1 or second + 1 == first:  # 2018/2017: a season either way
            low, high = sorted((first, second))
            return f"{low:04d}/{high:04d}", "year"
        if second > first:
            return f"{first:04d}/{second:04d}", "year"
        raise Unresolved(f"year range {first}-{second_text} goes backwards")
    return f"{first:04d}", "year"


def _relday(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    anchor = _need(published)
    offset = match.words.days[_clean(match.get("rd"))]
    value, granularity = cal.shift(anchor, "day", offset)
    weekday_text = match.get("wd")
    if weekday_text:  # "اليوم الأحد" in a text dated Monday: the weekday is the better witness
        day = date.fromisoformat(value)
        wanted = match.words.weekdays[weekday_text]
        shift = (wanted - day.weekday() + 3) % 7 - 3
        value = cal.shift(day, "day", shift)[0]
    return value, granularity


def _weekday(match: Match, published: date | None, future: bool | None) -> tuple[str, str]:
    anchor = _need(published)
    weekday = match.words.weekdays[match.get("wd") or ""]
    modifier = match.words.modifiers.get(match.get("mod") or "")
    direction = modifier if modifier is not None and modifier != 0 else (0 if future else None)
    return cal.weekday_date(anchor, weekday, direction).isoformat(), "day"


def _period(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    anchor = _need(published)
    modifier = match.words.modifiers.get(match.get("mod") or "", 0)
    unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
    return cal.shift(anchor, unit[match.get("per") or ""], modifier)


def _count(match: Match) -> tuple[str, int]:
    unit_text = _clean(match.get("u"))
    definite = unit_text.startswith("ال") and unit_text not in match.words.units
    unit, count = match.words.units[unit_text[2:] if definite else unit_text]
    number = match.get("n")
    if number:
        found = match.words.numbers.find(number)
        if found:
            count = int(found[0].value)
    return unit, 0 if definite else count


def _ago(match: Match, published: date | None, _future: bool | None) -> tuple[str, str]:
    unit, count = _count(match)
    if count == 0:
        raise Unresolved("vague: no number of units")
    anchor = _need(published)
    sign = 1 if match.get("rel") == "بعد" else -1
    return cal.shift(anchor, unit, sign * count)


_ISO_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "0Y"}


def _duration(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    unit, count = _count(match)
    if count == 0:
        raise Unresolved("vague: no number of units")
    if unit in ("hour", "minute"):
        return f"PT{count}{'H' if unit == 'hour' else 'M'}", "duration"
    if unit == "decade":
        return f"P{count * 10}Y", "duration"
    return f"P{count}{_ISO_UNITS[unit]}", "duration"


def _vague(_match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    raise Unresolved("vague")


def _time(match: Match, _published: date | None, _future: bool | None) -> tuple[str, str]:
    hour_text = _clean(match.get("h"))
    hour = int(hour_text) if hour_text.isdigit() else match.words.hours[hour_text]
    minute_text = match.get("mi") or match.get("mw") or ""
    minute = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15}.get(minute_text)
    if minute is None:
        minute = int(minute_text) if minute_text.isdigit() else 0
    if match.get("lq"):
        hour, minute = hour - 1, 45
    part = match.words.parts.get(_clean(match.get("part")), "")
    if not part and not hour_text.isdigit() and 1 <= hour <= 6:
        part = "pm"  # a spelled-out hour from one to six without a part of day: afternoon
    hour = adjust_hour(hour, part)
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise Unresolved(f"impossible time {hour}:{minute:02d}")
    return f"T{hour:02d}:{minute:02d}", "time"


def adjust_hour(hour: int, part: str) -> int:
    """A 12-hour clock reading moved to 24 hours by its part of day (pm, night, noon)."""
    if part in ("pm", "noon") and 1 <= hour < 12 and not (part == "noon" and hour > 4):
        return hour + 12
    if part == "night" and 6 <= hour < 12:
        return hour + 12
    if part == "night" and hour == 12:
        return 0
    return hour


_HANDLERS = {
    "date": _date,
    "numeric": _numeric,
    "iso": _numeric,
    "hijri": _hijri,
    "hijri_month": _hijri_month,
    "hijri_year": _hijri_year,
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "relday": _relday,
    "weekday": _weekday,
    "period": _period,
    "ago": _ago,
    "duration": _duration,
    "vague": _vague,
    "time": _time,
    "clock": _time,
}
