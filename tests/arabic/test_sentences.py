"""Sentence splitting: punctuation, quotes, abbreviations, numbers, paragraphs."""

from __future__ import annotations

import time

import pytest

from marsad.arabic.sentences import SentenceSplitter


def _texts(splitter: SentenceSplitter, text: str) -> list[str]:
    sentences = splitter.split(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


def test_arabic_and_latin_punctuation(splitter: SentenceSplitter) -> None:
    text = "وصل الوفد. هل انتهت الأزمة؟ لا! The talks ended."
    assert _texts(splitter, text) == [
        "وصل الوفد.",
        "هل انتهت الأزمة؟",
        "لا!",
        "The talks ended.",
    ]


def test_closing_quotes_stay_with_their_sentence(splitter: SentenceSplitter) -> None:
    text = "وقال: “إنه أمر نتوق إليه.” ثم غادر. وأضاف «نحن مستعدون.» وانتهى."
    assert _texts(splitter, text) == [
        "وقال: “إنه أمر نتوق إليه.”",
        "ثم غادر.",
        "وأضاف «نحن مستعدون.»",
        "وانتهى.",
    ]


def test_abbreviations_decimals_and_dates_do_not_split(splitter: SentenceSplitter) -> None:
    text = "التقى د. محمد بـ م. علي. ارتفع المؤشر 1.5 نقطة في 20.11.2015 صباحا. Mr. Smith agreed."
    assert _texts(splitter, text) == [
        "التقى د. محمد بـ م. علي.",
        "ارتفع المؤشر 1.5 نقطة في 20.11.2015 صباحا.",
        "Mr. Smith agreed.",
    ]


def test_parenthesis_keeps_its_full_stop(splitter: SentenceSplitter) -> None:
    text = "زار واشنطن (يوم 24 نوفمبر. وموسكو بعده) ثم عاد. انتهى."
    assert _texts(splitter, text) == ["زار واشنطن (يوم 24 نوفمبر. وموسكو بعده) ثم عاد.", "انتهى."]


def test_paragraph_breaks_always_end_a_sentence(splitter: SentenceSplitter) -> None:
    text = "عنوان بلا نقطة\n\nفقرة أولى بلا ترقيم\n\nفقرة ثانية. وجملة أخرى"
    assert _texts(splitter, text) == [
        "عنوان بلا نقطة",
        "فقرة أولى بلا ترقيم",
        "فقرة ثانية.",
        "وجملة أخرى",
    ]


def test_single_newline_is_not_a_break(splitter: SentenceSplitter) -> None:
    assert _texts(splitter, "قال إن الصادرات\nارتفعت.") == ["قال إن الصادرات\nارتفعت."]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "؟؟؟", "😀 🇹🇳", "\u0301\u064b"])
def test_odd_inputs(splitter: SentenceSplitter, text: str) -> None:
    for s in splitter.split(text):
        assert s.text.strip() and text[s.start : s.end] == s.text


def test_a_megabyte_without_punctuation_is_cut_in_bounded_time(
    splitter: SentenceSplitter,
) -> None:
    text = "كلمة " * 200_000
    started = time.perf_counter()
    sentences = splitter.split(text)
    assert time.perf_counter() - started < 5
    assert all(len(s.text) <= splitter.max_chars for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
