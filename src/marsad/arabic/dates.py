"""Date and time expressions of Arabic news, resolved against the publication date.

``DateTagger.find(text, published)`` returns :class:`~marsad.model.TimeExpr` spans with
ISO values: ``2015-11-26`` (day), ``2015-W47`` (week), ``2015-11`` (month), ``2015``
(year), ``2017-01-21T10:00`` or ``T10:00`` (time), ``P3D`` (duration), intervals
``2017-01-24/2017-01-25``; vague expressions keep a granularity and no value. Gregorian
months of every regional system, paired forms (24 نوفمبر/تشرين الثاني), Hijri dates,
weekdays, relative days, weeks, months and years are read; an expression that needs the
publication date but has none, or that names an impossible date, keeps ``value=None``
and says why in ``reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.arabic.calendar import Unresolved
from marsad.arabic.date_rules import Match, Rules, adjust_hour, resolve
from marsad.arabic.normalize import MATCHING, Normalizer
from marsad.arabic.numbers import NumberReader
from marsad.arabic.tokens import CliticAnalyzer
from marsad.model import TimeExpr

_FUTURE_WORDS = frozenset({"سوف", "المقرر", "المنتظر", "المرتقب", "المزمع", "ستنطلق", "سينطلق"})
_WORD = re.compile(r"[^\W\d_]+")
#: Characters of context read before an expression to tell future from past.
CONTEXT_CHARS = 60
#: How far a date written with its year lends that year to a yearless one.
ANCHOR_CHARS = 200


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # folded offsets
    end: int
    value: str | None
    granularity: str | None
    reason: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)


class DateTagger:
    """Finds and resolves date and time expressions; build once (it loads its word lists)."""

    def __init__(self, rules: Rules, analyzer: CliticAnalyzer) -> None:
        self.rules = rules
        self.analyzer = analyzer
        self._normalizer = Normalizer(MATCHING)

    @classmethod
    def load(cls) -> DateTagger:
        """The tagger with the shipped month names, date words and lexicon."""
        return cls(Rules.load(NumberReader.load()), CliticAnalyzer.load())

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, ())

    def find(self, text: str, published: date | None, offset: int = 0) -> list[TimeExpr]:
        """Every date/time expression of ``text``; offsets shifted by ``offset``."""
        norm = self._normalizer(text)
        folded = norm.text
        found: list[_Found] = []
        matches = list(self.rules.matches(folded))
        written = _written_dates(matches)
        for match in matches:
            future = None
            if match.needs_tense:
                left, _ = norm.to_original(match.start, match.start)
                future = self._future(text[max(0, left - CONTEXT_CHARS) : left])
            anchor = published
            if match.rule == "date" and not match.get("y") and not match.get("mod"):
                anchor = _nearest_written(written, match.start) or published
            try:
                value, granularity = resolve(match, anchor, future)
                found.append(_Found(match.start, match.end, value, granularity, None, match.kinds))
            except Unresolved as exc:
                vague = str(exc).startswith("vague")
                granularity = "vague" if vague else match.granularity
                found.append(
                    _Found(match.start, match.end, None, granularity, str(exc), match.kinds)
                )
        chosen = _merge(_non_overlapping(found), folded)
        out: list[TimeExpr] = []
        for item in chosen:
            left, right = norm.to_original(item.start, item.end)
            out.append(
                TimeExpr(
                    left + offset,
                    right + offset,
                    text[left:right],
                    item.value,
                    item.granularity,
                    item.reason,
                )
            )
        return out

    def _future(self, before: str) -> bool:
        """Whether the words before an expression speak of the future (س+verb, المقرر…)."""
        words = _WORD.findall(self._normalizer(before).text)[-6:]
        for word in words:
            if word in _FUTURE_WORDS:
                return True
            if (
                word[:2] in ("سي", "ست", "سن", "وس", "فس")
                and "س"
                in (
                    self.analyzer.analyze(word.replace("ه", "ة") if word.endswith("ه") else word)
                ).proclitics
            ):
                return True
        return False


def _written_dates(matches: list[Match]) -> list[tuple[int, date]]:
    """Dates written out with their year, by position (they anchor yearless neighbours)."""
    written: list[tuple[int, date]] = []
    for match in matches:
        if match.rule in ("date", "numeric", "iso") and match.get("y"):
            try:
                value, _ = resolve(match, None, None)
                written.append((match.start, date.fromisoformat(value.split("/")[-1])))
            except (Unresolved, ValueError):
                continue
    return written


def _nearest_written(written: list[tuple[int, date]], position: int) -> date | None:
    """The written date closest to a position, within ``ANCHOR_CHARS`` characters."""
    near = [(abs(p - position), d) for p, d in written if abs(p - position) <= ANCHOR_CHARS]
    return min(near)[1] if near else None


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    """The longest expressions first; a shorter one overlapping a kept one is dropped."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


_RANGE_GAP = re.compile(r"\s*(?:-|الي|حتي|و)\s*")
_RANGE_LEAD = re.compile(r"(?:من|بين|ما بين)\s*$")
_TIME_DATE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:بدايه|انطلاقا|ابتداء|اعتبارا)\s+)?(?:من\s+)?")


def _merge(items: list[_Found], folded: str) -> list[_Found]:
    """Join a time with its day, and ``من X الى Y`` days into an interval."""
    out: list[_Found] = []
    for item in items:
        if out:
            last = out[-1]
            gap = folded[last.end : item.start]
            joined = _join(last, item, gap, folded)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(item)
    return out


def _join(first: _Found, second: _Found, gap: str, folded: str) -> _Found | None:
    if len(gap) > 16:
        return None
    both = (first.granularity, second.granularity)
    if first.value and second.value and _TIME_DATE_GAP.fullmatch(gap):
        if both == ("time", "day") and first.value.startswith("T"):
            clock = _with_part(first.value, second.kinds)
            return _Found(first.start, second.end, second.value + clock, "time")
        if both == ("day", "time") and second.value.startswith("T"):
            return _Found(first.start, second.end, first.value + second.value, "time")
    if (
        first.value
        and second.value
        and first.granularity == second.granularity
        and first.granularity in ("day", "month", "year")
        and "/" not in first.value + second.value
        and _RANGE_GAP.fullmatch(gap)
        and _RANGE_LEAD.search(folded[max(0, first.start - 8) : first.start])
        and first.value < second.value
    ):
        value = f"{first.value}/{second.value}"
        return _Found(first.start, second.end, value, first.granularity)
    return None


def _with_part(clock: str, kinds: frozenset[str]) -> str:
    """``T08:00`` read with "مساء اليوم" after it is ``T20:00``."""
    part = next((k for k in ("pm", "night", "noon") if k in kinds), "")
    hour = adjust_hour(int(clock[1:3]), part)
    return f"T{hour:02d}{clock[3:]}"


def _rebuild() -> DateTagger:
    return DateTagger.load()


__all__ = ["DateTagger", "Match"]
