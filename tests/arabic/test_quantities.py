"""Quantities tied to what they count."""

from __future__ import annotations

import pytest

from marsad.arabic.quantities import QuantityFinder


@pytest.mark.parametrize(
    ("text", "value", "what"),
    [
        ("حصدت أرواح 129 شخصا", 129, "killed"),
        ("أسفر عن مقتل ركابها الـ217", 217, "passengers"),
        ("وطاقمها المتكون من 7 أفراد", 7, "crew"),
        ("سقط 20 قتيلا", 20, "killed"),
        ("أصيب 12 جريحا", 12, "injured"),
        ("تم إيقاف 3 أشخاص", 3, "arrested"),
        ("عودة آلاف النازحين", 1000, "displaced"),
        ("مقتل 7 من الجنود", 7, "soldiers"),
        ("بلغ عدد القتلى 40", 40, "killed"),
        ("لقي 3 أشخاص حتفهم", 3, "killed"),
        ("إطلاق سراح 15 معتقلا", 15, "arrested"),
        ("بنسبة 24 بالمائة", 24, "percent"),
        ("قدرها 180 مليون دينار", 180_000_000, "money"),
        ("تصدير 36 ألف طن", 36000, "tonnes"),
        ("بحضور 35 ألف متفرج", 35000, "متفرج"),
    ],
)
def test_what_is_counted(quantities: QuantityFinder, text: str, value: float, what: str) -> None:
    (found,) = quantities.find(text)
    assert (found.value, found.what) == (value, what)
    assert text[found.start : found.end] == found.text


def test_injured_after_killed(quantities: QuantityFinder) -> None:
    found = quantities.find("أسفر الحادث عن مقتل 5 أشخاص وإصابة 12 آخرين")
    assert [(q.value, q.what) for q in found] == [(5, "killed"), (12, "injured")]


def test_approximate_flag(quantities: QuantityFinder) -> None:
    (found,) = quantities.find("تجمع نحو 200 شخص")
    assert found.approximate and found.value == 200


@pytest.mark.parametrize("text", ["الفصل 28 من الباب الرابع", "المصنفة 131 عالميا", "كلمة 5"])
def test_numbers_that_count_nothing(quantities: QuantityFinder, text: str) -> None:
    assert quantities.find(text) == []


def test_excluded_spans_are_skipped(quantities: QuantityFinder) -> None:
    text = "منذ ثلاثة أيام"
    assert quantities.find(text, exclude=((0, len(text)),)) == []
