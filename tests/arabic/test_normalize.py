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


# Offset-preserving normalisation ----------------------------------------------------------

from marsad.arabic.normalize import (  # noqa: E402
    ANALYSIS,
    MATCHING,
    NormalizeOptions,
    Normalizer,
    normalize,
)

_ARABIC_MIX = st.text(
    alphabet=st.sampled_from(
        list("اأإآٱىيةهؤئء٠١٩۴ـًٌٍَُِّْٰ،؛؟ \n\u200f\u200e\u200b\ufeffﻻﺃﹰabc.😀\u0301")
    ),
    max_size=60,
)
_ANY = _ARABIC_MIX | st.text(max_size=60)


@pytest.mark.parametrize("options", [MATCHING, ANALYSIS, NormalizeOptions(digits=False)])
@given(text=_ANY)
def test_normalizing_twice_equals_once(options: NormalizeOptions, text: str) -> None:
    normalizer = Normalizer(options)
    once = normalizer(text).text
    assert normalizer(once).text == once


@given(text=_ANY, data=st.data())
def test_every_normalized_span_maps_inside_the_original(text: str, data: st.DataObject) -> None:
    norm = Normalizer(MATCHING)(text)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    left, right = norm.to_original(start, end)
    assert 0 <= left <= right <= len(text)


def test_each_level_is_configurable() -> None:
    text = "أَحْمَدُ ـ مستشفى ٢٠١٥ مدرسة مسؤول، \u200f"
    assert normalize(text, NormalizeOptions()).text == "احمد  مستشفي 2015 مدرسة مسؤول، "
    assert normalize(text, MATCHING).text == "احمد  مستشفي 2015 مدرسه مسوول, "
    keep = NormalizeOptions(
        diacritics=False, tatweel=False, invisible=False, alef=False, yeh=False, digits=False
    )
    assert normalize(text, keep).text == text
    assert normalize("۱۲۳٫۵٪", ANALYSIS).text == "123.5%"


def test_spans_map_back_to_the_exact_original_characters() -> None:
    text = "قالَ الرئيسُ ﻻ \u200fالـ217"
    norm = Normalizer(MATCHING)(text)
    assert norm.text == "قال الرييس لا ال217"
    start = norm.text.index("الرييس")
    assert norm.original_text(start, start + len("الرييس")) == "الرئيسُ"
    start = norm.text.index("لا")
    assert norm.original_text(start, start + 2) == "ﻻ"
    start = norm.text.index("ال217")
    assert norm.original_text(start, len(norm.text)) == "الـ217"


def test_unchanged_text_has_an_identity_map() -> None:
    norm = Normalizer(ANALYSIS)("نص عادي")
    assert norm.identity and norm.to_original(1, 3) == (1, 3)
