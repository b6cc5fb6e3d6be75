"""Tokens: offsets, clitics (lexicon-checked), stems."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.tokens import Tokenizer, count_words


@pytest.mark.parametrize(
    ("word", "proclitics", "base", "suffix"),
    [
        ("وبالتنسيق", ("و", "ب", "ال"), "تنسيق", None),
        ("فللدولة", ("ف", "ل", "ال"), "دولة", None),
        ("وسيعقد", ("و", "س"), "يعقد", None),
        ("للصحفيين", ("ل", "ال"), "صحفيين", None),
        ("دولته", (), "دولة", "ه"),
        ("منها", (), "من", "ها"),
        ("الـ217", ("ال",), "217", None),
        ("بـ20", ("ب",), "20", None),
    ],
)
def test_clitics_are_split(
    tokenizer: Tokenizer, word: str, proclitics: tuple[str, ...], base: str, suffix: str | None
) -> None:
    (token,) = tokenizer.tokenize(word)
    assert (token.proclitics, token.base, token.suffix) == (proclitics, base, suffix)


@pytest.mark.parametrize("word", ["بوتين", "لندن", "كامل", "كانت", "الله", "والي", "واشنطن"])
def test_names_and_look_alikes_stay_whole(tokenizer: Tokenizer, word: str) -> None:
    (token,) = tokenizer.tokenize(word)
    assert token.base is None and token.proclitics == () and token.suffix is None


def test_tokens_carry_offsets_and_stems(tokenizer: Tokenizer) -> None:
    text = "قال بوتين، إن 2,5 مليون (دولار) 😀"
    tokens = tokenizer.tokenize(text, offset=100)
    assert [t.text for t in tokens] == [
        "قال",
        "بوتين",
        "،",
        "إن",
        "2,5",
        "مليون",
        "(",
        "دولار",
        ")",
        "😀",
    ]
    for token in tokens:
        assert text[token.start - 100 : token.end - 100] == token.text
    assert tokens[0].stem == "قال"


@given(st.text(max_size=80) | st.text(alphabet="وبالكتابـ ١٢3.,؟ًّ\u200f😀a", max_size=80))
def test_tokenisation_never_loses_or_reorders_characters(text: str) -> None:
    tokens = _TOKENIZER.tokenize(text)
    rebuilt, position = [], 0
    for token in tokens:
        gap = text[position : token.start]
        assert gap.strip() == ""
        rebuilt += [gap, token.text]
        position = token.end
    assert text[position:].strip() == ""
    assert "".join(rebuilt) + text[position:] == text


_TOKENIZER = Tokenizer.load()


def test_tokenizer_pickles(tokenizer: Tokenizer) -> None:
    again = pickle.loads(pickle.dumps(tokenizer))
    assert again.tokenize("وبالتنسيق")[0].base == "تنسيق"


def test_count_words_folds_like_the_lexicon() -> None:
    assert count_words(["أَعلنَ الرئيسُ", "اعلن"]) == {"اعلن": 2, "الرئيس": 1}
