"""Folding for matching, and month names of every regional system."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.months import MonthTable
from marsad.arabic.normalize import fold


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_fold_unifies_spellings() -> None:
    assert fold("أَعلنَت  الإمارةُ") == fold("اعلنت الاماره")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("٢٠١٥") == "2015"
    assert fold("ﻻ") == "لا"
    assert fold("اقرأ أيضاً") == "اقرا ايضا"
    assert fold("\u200fنص\u200e") == "نص"


@pytest.fixture(scope="module")
def months() -> MonthTable:
    return MonthTable.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يوم 24 نوفمبر/تشرين الثاني 2015", date(2015, 11, 24)),
        ("4 كانون الأول 2016", date(2016, 12, 4)),
        ("24 جانفي 2017", date(2017, 1, 24)),
        ("الخميس 24 نونبر 2016", date(2016, 11, 24)),
        ("١٥ يناير ٢٠١٧", date(2017, 1, 15)),
        ("21/1/2017", date(2017, 1, 21)),
        ("2017-01-21T10:00", date(2017, 1, 21)),
        ("31 فبراير 2017", None),
        ("في غضون أسابيع", None),
    ],
)
def test_find_date(months: MonthTable, text: str, expected: date | None) -> None:
    assert months.find_date(text) == expected
