"""Date arithmetic for resolving expressions: ISO values, shifts, nearest years, Hijri.

Every function returns a value or raises :class:`Unresolved` with a reason a reader can
act on; nothing here returns None for failure.
"""

from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian, Hijri


class Unresolved(ValueError):
    """An expression that cannot be given a value; the message is the reason."""


def make_date(year: int, month: int, day: int) -> date:
    """A Gregorian date, or Unresolved("impossible date …")."""
    try:
        return date(year, month, day)
    except ValueError:
        raise Unresolved(f"impossible date {year:04d}-{month:02d}-{day:02d}") from None


def iso_week(day: date) -> str:
    """The ISO week of a day, e.g. ``2015-W47``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift(anchor: date, unit: str, count: int) -> tuple[str, str]:
    """(value, granularity) of the anchor moved by ``count`` units (day/week/month/year…)."""
    if unit in ("day", "hour", "minute"):
        try:
            moved = anchor + timedelta(days=count if unit == "day" else 0)
        except OverflowError:
            raise Unresolved("date out of range") from None
        return moved.isoformat(), "day"
    if unit == "week":
        try:
            return iso_week(anchor + timedelta(weeks=count)), "week"
        except OverflowError:
            raise Unresolved("date out of range") from None
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, count)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "year":
        return f"{anchor.year + count:04d}", "year"
    if unit == "decade":
        return f"{anchor.year + 10 * count:04d}", "year"
    raise Unresolved(f"unknown unit {unit}")


def nearest_year(anchor: date, month: int, day: int | None, direction: int | None) -> int:
    """The year that puts ``month``/``day`` nearest the anchor (``direction``: 1 after, -1 before).

    A day and month without a year take the year of the publication date, unless the
    previous or next year puts them closer (``24 ديسمبر`` read in January is last December).
    """
    best: tuple[int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        if day is None and (year, month) == (anchor.year, anchor.month):
            candidate = anchor
        distance = (candidate - anchor).days
        if direction is not None and distance * direction < 0:
            continue
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), year)
    if best is None:
        raise Unresolved(f"impossible date {month:02d}-{day or 0:02d}")
    return best[1]


def weekday_date(anchor: date, weekday: int, direction: int | None) -> date:
    """The date of a weekday (Monday=0) near the anchor.

    ``direction`` 1: the next one after the anchor (المقبل); -1: the last one before it
    (الماضي); None: the nearest one in the past week, the anchor's own day included;
    0: the nearest one in the coming week, the anchor's own day included.
    """
    ahead = (weekday - anchor.weekday()) % 7
    if direction == 1:
        return anchor + timedelta(days=ahead or 7)
    if direction == -1:
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    if direction == 0:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """A Hijri date converted (Umm al-Qura), or Unresolved with the converter's reason."""
    try:
        converted: date = Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError) as exc:
        raise Unresolved(f"hijri date {year}-{month}-{day}: {exc}") from None
    return date(converted.year, converted.month, converted.day)


def hijri_month_span(year: int, month: int) -> str:
    """A Hijri month as an ISO interval of Gregorian days."""
    first = hijri_to_gregorian(year, month, 1)
    try:
        length = Hijri(year, month, 1).month_length()
    except (OverflowError, ValueError) as exc:
        raise Unresolved(f"hijri month {year}-{month}: {exc}") from None
    return f"{first.isoformat()}/{(first + timedelta(days=int(length) - 1)).isoformat()}"


def hijri_year_of(anchor: date) -> int:
    """The Hijri year of a Gregorian date."""
    try:
        return int(Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year)
    except (OverflowError, ValueError) as exc:
        raise Unresolved(f"publication date outside the Hijri converter's range: {exc}") from None


def nearest_hijri_year(anchor: date, month: int, day: int) -> int:
    """The Hijri year that puts a Hijri month/day nearest the anchor."""
    base = hijri_year_of(anchor)
    best: tuple[int, int] | None = None
    for year in (base - 1, base, base + 1):
        try:
            distance = abs((hijri_to_gregorian(year, month, day) - anchor).days)
        except Unresolved:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None:
        raise Unresolved(f"impossible hijri date {month}-{day}")
    return best[1]
