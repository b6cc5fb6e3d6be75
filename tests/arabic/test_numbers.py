"""Numbers: digits, words, scales, percentages, money, vague amounts."""

from __future__ import annotations

import pytest

from marsad.arabic.numbers import NumberReader, parse_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,000", 1000), ("1.5", 1.5), ("1,5", 1.5), ("12,345,678", 12345678), ("1.000.000", 1000000)],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("سبعة أشخاص", 7, "cardinal"),
        ("ركابها الـ217", 217, "cardinal"),
        ("مئة وتسعة وعشرين", 129, "cardinal"),
        ("ثلاثة آلاف جندي", 3000, "cardinal"),
        ("مليون", 1_000_000, "cardinal"),
        ("ألفين", 2000, "cardinal"),
        ("ثلاثة عشر", 13, "cardinal"),
        ("خمسة وعشرين", 25, "cardinal"),
        ("مليون ونصف", 1_500_000, "cardinal"),
        ("36 ألف طن", 36000, "cardinal"),
        ("١٢٫٥٪", 12.5, "percent"),
        ("الدورة الثالثة", 3, "ordinal"),
        ("الحادي عشر", 11, "ordinal"),
    ],
)
def test_numbers(numbers: NumberReader, text: str, value: float, kind: str) -> None:
    (found,) = numbers.find(text)
    assert (found.value, found.kind) == (value, kind)
    assert text[found.start : found.end] == found.text


def test_vague_and_approximate(numbers: NumberReader) -> None:
    (tens,) = numbers.find("عشرات الآلاف من المتظاهرين")
    assert (tens.value, tens.approximate) == (10000, True)
    for text in ("نحو 500 شخص", "أكثر من 40 قتيلا", "قرابة 20 ألف", "حوالي 3 أيام"):
        (found,) = numbers.find(text)
        assert found.approximate and found.text.split()[0] in text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("بنسبة 24 بالمائة", 24, "percent"),
        ("84 في المائة", 84, "percent"),
        ("بـ20 %", 20, "percent"),
        ("180 مليون دينار", 180_000_000, "dinar"),
        ("50 ألف دينار تونسي", 50_000, "TND"),
        ("2,5 مليار دولار", 2_500_000_000, "USD"),
        ("3 ملايين يورو", 3_000_000, "EUR"),
        ("مئة ريال سعودي", 100, "SAR"),
        ("10 جنيهات", 10, "pound"),
        ("20 درهما", 20, "dirham"),
    ],
)
def test_percent_and_money(numbers: NumberReader, text: str, value: float, unit: str) -> None:
    (found,) = numbers.find(text)
    assert (found.value, found.unit) == (value, unit)


def test_one_of_is_not_a_number(numbers: NumberReader) -> None:
    assert numbers.find("أحد الأشخاص") == []
