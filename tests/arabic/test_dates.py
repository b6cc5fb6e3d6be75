"""Date and time expressions resolved against the publication date."""

from __future__ import annotations

import time
from datetime import date

import pytest

from marsad.arabic.calendar import nearest_year, weekday_date
from marsad.arabic.dates import DateTagger

FRIDAY = date(2015, 11, 20)
WEDNESDAY = date(2017, 1, 25)


def _one(dates: DateTagger, text: str, published: date | None = WEDNESDAY) -> tuple[object, ...]:
    found = dates.find(text, published)
    assert len(found) == 1, found
    expr = found[0]
    assert text[expr.start : expr.end] == expr.text
    return expr.text, expr.value, expr.granularity


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("يوم الخميس المقبل", "2015-11-26", "day"),
        ("في وقت سابق من الأسبوع الجاري", "2015-W47", "week"),
        ("يوم 24 نوفمبر/تشرين الثاني", "2015-11-24", "day"),
        ("4 ديسمبر/كانون الأول المقبل", "2015-12-04", "day"),
        ("4 كانون الأول 2016", "2016-12-04", "day"),
        ("24 جانفي 2017", "2017-01-24", "day"),
        ("الخميس 24 نونبر 2016", "2016-11-24", "day"),
        ("١٥ يناير ٢٠١٧", "2017-01-15", "day"),
        ("21/1/2017", "2017-01-21", "day"),
        ("أمس", "2015-11-19", "day"),
        ("غدا", "2015-11-21", "day"),
        ("الأحد الماضي", "2015-11-15", "day"),
        ("منذ ثلاثة أيام", "2015-11-17", "day"),
        ("الأسبوع المقبل", "2015-W48", "week"),
        ("مطلع الشهر الجاري", "2015-11", "month"),
        ("العام الماضي", "2014", "year"),
        ("سنة 2015", "2015", "year"),
        ("في شهر ماي", "2016-05", "month"),
        ("الموسم (2016-2017)", "2016/2017", "year"),
        ("من 24 إلى 26 نوفمبر", "2015-11-24/2015-11-26", "day"),
        ("الساعة 14:30", "T14:30", "time"),
        ("على الساعة الثامنة من مساء اليوم", "2015-11-20T20:00", "time"),
        ("لمدة 3 أيام", "P3D", "duration"),
        ("15 رمضان 1438 هـ", "2017-06-10", "day"),
    ],
)
def test_resolved(dates: DateTagger, text: str, value: str, granularity: str) -> None:
    assert _one(dates, text, FRIDAY)[1:] == (value, granularity)


def test_vague_expressions_keep_a_granularity(dates: DateTagger) -> None:
    (expr,) = dates.find("في غضون أسابيع", FRIDAY)
    assert (expr.value, expr.granularity) == (None, "vague")
    (expr,) = dates.find("وقع ذلك مؤخرا", FRIDAY)
    assert (expr.value, expr.granularity) == (None, "vague")


def test_future_context_picks_the_coming_weekday(dates: DateTagger) -> None:
    assert _one(dates, "سيعقد يوم الخميس اجتماعا")[1] == "2017-01-26"
    assert _one(dates, "عقد يوم الخميس اجتماعا")[1] == "2017-01-19"


def test_weekday_named_with_today_wins(dates: DateTagger) -> None:
    assert _one(dates, "اختتمت مساء اليوم الاحد", date(2017, 4, 17))[1] == "2017-04-16"


def test_yearless_day_takes_the_year_of_a_written_date_nearby(dates: DateTagger) -> None:
    found = dates.find("في 5 جوان 2016 و يوم 7 جويلية", WEDNESDAY)
    assert [e.value for e in found] == ["2016-06-05", "2016-07-07"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 فبراير 2017", "impossible date"),
        ("3 محرم 1200 هـ", "hijri date"),
        ("2018-13-45", "impossible date"),
    ],
)
def test_impossible_dates_are_kept_with_a_reason(dates: DateTagger, text: str, reason: str) -> None:
    (expr,) = dates.find(text, WEDNESDAY)
    assert expr.value is None and expr.reason and expr.reason.startswith(reason)


def test_relative_without_publication_date(dates: DateTagger) -> None:
    (expr,) = dates.find("أمس الثلاثاء", None)
    assert expr.value is None and expr.reason == "relative expression without a publication date"
    assert dates.find("24 جانفي 2017", None)[0].value == "2017-01-24"


@pytest.mark.parametrize(
    "text", ["اليوم العالمي للمرأة", "الأمين العام الحالي", "مارس الرياضة", "2037 سجينا"]
)
def test_not_dates(dates: DateTagger, text: str) -> None:
    assert dates.find(text, WEDNESDAY) == []


@pytest.mark.parametrize(
    "text", ["😀 يوم 24 جانفي 😀", "\u0301\u064b٢٤ جانفي", "mixed Latin 24 janvier و24 جانفي"]
)
def test_odd_input_does_not_raise(dates: DateTagger, text: str) -> None:
    for expr in dates.find(text, WEDNESDAY):
        assert text[expr.start : expr.end] == expr.text


def test_a_megabyte_paragraph_in_bounded_time(dates: DateTagger) -> None:
    text = "وقال الوزير يوم 24 جانفي إن اللجنة ستجتمع " * 25_000
    started = time.perf_counter()
    found = dates.find(text, WEDNESDAY)
    assert time.perf_counter() - started < 60
    assert len(found) == 25_000


def test_calendar_helpers() -> None:
    assert nearest_year(date(2017, 1, 21), 12, 24, None) == 2016
    assert nearest_year(date(2015, 11, 20), 12, 4, 1) == 2015
    assert weekday_date(FRIDAY, 3, 1) == date(2015, 11, 26)
    assert weekday_date(FRIDAY, 4, None) == FRIDAY
