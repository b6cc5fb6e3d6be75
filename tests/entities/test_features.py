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
from marsad.entities.ner_context import propagate_mentions
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


def test_document_features_say_how_a_stem_was_tagged_elsewhere() -> None:
    extractor = FeatureExtractor(Lexicon())
    sentences = [["قال", "الرئيس", "هوغو", "شافيز"], ["وأضاف", "شافيز", "."]]
    tags = [["O", "O", "B-PER", "I-PER"], ["O", "O", "O"]]
    context = extractor.document(sentences, tags)
    assert [len(rows) for rows in context] == [4, 3]
    later = context[1][1]
    assert "p1=O" in later
    assert "dt=PER:all" in later
    assert "dr=PER:last" in later
    assert "d=alone" in context[0][2]  # هوغو occurs once


def test_document_features_match_multiword_mentions_found_elsewhere() -> None:
    extractor = FeatureExtractor(Lexicon())
    sentences = [["البنك", "التجاري", "الدولي"], ["وقال", "البنك", "التجاري", "الدولي"]]
    tags = [["B-ORG", "I-ORG", "I-ORG"], ["O", "O", "O", "O"]]
    context = extractor.document(sentences, tags)
    assert "dm=B-ORG" in context[1][1]
    assert "dm=I-ORG" in context[1][3]
    assert not any(f.startswith("dm=") for f in context[0][0])  # only found there itself


def test_propagation_tags_untagged_repeats_of_multiword_mentions() -> None:
    keys = [["بنك", "تجاري", "قال"], ["و", "بنك", "تجاري", "اعلن"], ["بنك", "تجاري"]]
    tags = [["B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"], ["B-LOC", "O"]]
    out = propagate_mentions(keys, tags)
    assert out[1] == ["O", "B-ORG", "I-ORG", "O"]
    assert out[2] == ["B-LOC", "O"]  # a repeat touching another mention is left alone
    assert out[0] == tags[0]
