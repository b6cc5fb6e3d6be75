"""Feature helpers: folding, clitic splitting, tokenizer offsets, gazetteer phrases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.entities.features import (
    FeatureConfig,
    FeatureExtractor,
    Lexicon,
    clitic_candidates,
    fold,
    split_clitics,
)
from marsad.entities.tokens import tokenize


def test_fold_merges_spelling_variants() -> None:
    assert fold("أحمد") == fold("احمد")
    assert fold("مصطفى") == fold("مصطفي")
    assert fold("وَقَالَ") == "وقال"
    assert fold("Obama") == "obama"


def test_clitics_are_split() -> None:
    assert split_clitics(fold("والرئيس")) == ("وال", "رئيس", "")
    assert split_clitics(fold("للأمم")) == ("لل", "امم", "")
    assert split_clitics(fold("بحكومته"))[2] == "ه"


def test_known_words_keep_their_first_letter() -> None:
    known = {"فرنسا", "قال", "وزارة"}
    assert split_clitics("فرنسا", known) == ("", "فرنسا", "")
    assert split_clitics("وقال", known) == ("و", "قال", "")
    assert split_clitics("بحكومته", {"حكومة"}) == ("ب", "حكومة", "ه")


def test_clitic_candidates_restore_the_article() -> None:
    assert "الولايات" in clitic_candidates(fold("وبالولايات"))
    assert clitic_candidates("مصر")[0] == "مصر"


def test_phrases_match_with_a_proclitic_on_the_first_word() -> None:
    lexicon = Lexicon(phrases={("الولايات", "المتحدة"): "LOC"}, max_phrase=2)
    extractor = FeatureExtractor(lexicon, FeatureConfig())
    feats = extractor.sentence(["وزار", "وبالولايات", "المتحدة", "اليوم"])
    assert "ph=B-LOC" in feats[1]
    assert "ph=I-LOC" in feats[2]
    assert not any(f.startswith("ph=") for f in feats[3])


def test_every_token_gets_features() -> None:
    extractor = FeatureExtractor(Lexicon(), FeatureConfig())
    feats = extractor.sentence(["", "😀", "مصر"])
    assert len(feats) == 3
    assert all(feats)


@given(st.text())
def test_token_offsets_slice_to_the_token(text: str) -> None:
    previous = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip()
        assert token.start >= previous
        previous = token.end
