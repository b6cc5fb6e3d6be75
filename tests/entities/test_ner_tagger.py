"""The shipped NER model: loads, tags hand-written sentences sensibly, survives bad input."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.entities.ner import EntitySpan, NerTagger
from marsad.entities.tokens import tokenize
from marsad.errors import InputError


@pytest.fixture(scope="session")
def tagger() -> NerTagger:
    return NerTagger.load()


def types_of(spans: list[EntitySpan]) -> dict[str, str]:
    return {s.text: s.type for s in spans}


def assert_offsets(text: str, spans: list[EntitySpan]) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end


def test_labels_cover_the_four_types(tagger: NerTagger) -> None:
    kinds = {label[2:] for label in tagger.labels if label != "O"}
    assert {"PER", "ORG", "LOC", "MISC"} <= kinds


def test_person_after_title_and_a_country(tagger: NerTagger) -> None:
    text = "وقال الرئيس المصري حسني مبارك إن مصر تدعم السلام في المنطقة ."
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    found = types_of(spans)
    assert found.get("حسني مبارك") == "PER"
    assert found.get("مصر") == "LOC"


def test_minister_name_and_organisation(tagger: NerTagger) -> None:
    text = (
        "التقى وزير الخارجية الأمريكي كولن باول الأمين العام للأمم المتحدة كوفي عنان في نيويورك ."
    )
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    found = types_of(spans)
    assert found.get("كولن باول") == "PER"
    assert found.get("كوفي عنان") == "PER"
    assert found.get("نيويورك") == "LOC"


def test_tag_returns_one_bio_tag_per_token(tagger: NerTagger) -> None:
    tokens = ["زار", "الملك", "عبد", "الله", "باريس", "أمس", "."]
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tags[4] == "B-LOC"
    assert tags[2] == "B-PER"


def test_empty_and_blank_input(tagger: NerTagger) -> None:
    assert tagger.spans("") == []
    assert tagger.spans("   \n\n\t ") == []
    assert tagger.tag([]) == []


def test_wrong_input_types_are_clear_errors(tagger: NerTagger) -> None:
    with pytest.raises(InputError, match="list of tokens"):
        tagger.tag("مصر")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="takes text"):
        tagger.spans(["مصر"])  # type: ignore[arg-type]


def test_a_100000_token_document(tagger: NerTagger) -> None:
    sentence = "وقال الرئيس حسني مبارك في القاهرة إن الاتفاق مهم . "
    text = sentence * (100_000 // len(sentence.split()))
    assert len(tokenize(text)) == 100_000
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    assert len(spans) > 1000


def test_latin_names_inside_arabic_text(tagger: NerTagger) -> None:
    text = "قال مدير شركة Google Sundar Pichai في مؤتمر بمدينة San Francisco إن الشركة ستتوسع ."
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    assert all(s.type in {"PER", "ORG", "LOC", "MISC"} for s in spans)


def test_name_split_by_a_line_break(tagger: NerTagger) -> None:
    text = "وقال الرئيس حسني\nمبارك إن مصر تدعم السلام ."
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    assert types_of(spans).get("حسني\nمبارك") == "PER"


def test_paragraphs_are_tagged_separately(tagger: NerTagger) -> None:
    text = "وصل الرئيس حسني مبارك\n\nإلى باريس"
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    assert all("\n\n" not in s.text for s in spans)


def test_odd_characters_do_not_crash(tagger: NerTagger) -> None:
    text = "\u200fمصر\u200f ـــ 😀 «الأمم المتحدة» \x00 وَقَالَ الرَّئِيسُ"
    assert_offsets(text, tagger.spans(text))
    assert len(tagger.tag(["", " ", "😀"])) == 3


def test_a_missing_model_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the NER model"):
        NerTagger.load(tmp_path)


def test_the_tagger_pickles(tagger: NerTagger) -> None:
    copy = pickle.loads(pickle.dumps(tagger))
    tokens = ["زار", "الرئيس", "حسني", "مبارك", "باريس"]
    assert copy.tag(tokens) == tagger.tag(tokens)


def test_the_shipped_model_has_a_document_pass(tagger: NerTagger) -> None:
    assert tagger.has_document_pass


ARTICLE = [
    "وقال الرئيس الفنزويلي هوغو شافيز إن بلاده مستعدة للحوار مع جيرانها .",
    "وجاءت تصريحات الرئيس خلال زيارة إلى العاصمة البرازيلية برازيليا .",
    "والتقى الرئيس الفنزويلي نظيره البرازيلي لويس ايناسيو لولا دا سيلفا .",
    "وبحث الجانبان التعاون في مجال الطاقة والنفط .",
    "وأضاف شافيز أن كراكاس لن تتراجع عن مواقفها .",
]


def test_tag_document_returns_one_tag_list_per_sentence(tagger: NerTagger) -> None:
    sentences = [s.split() for s in ARTICLE]
    sentences.insert(2, [])
    tagged = tagger.tag_document(sentences)
    assert [len(t) for t in tagged] == [len(s) for s in sentences]
    assert tagged[0][3:5] == ["B-PER", "I-PER"]
    assert tagged[-1][1] == "B-PER"  # the surname alone, known from the first sentence


def test_spans_see_the_whole_text_as_one_document(tagger: NerTagger) -> None:
    text = "\n\n".join(ARTICLE)
    spans = tagger.spans(text)
    assert_offsets(text, spans)
    assert [s.type for s in spans if s.text == "شافيز"] == ["PER"]
    assert types_of(spans).get("هوغو شافيز") == "PER"


def test_a_long_sentence_is_tagged_in_chunks_with_one_tag_per_token(tagger: NerTagger) -> None:
    tokens = ["وقال", "الرئيس", "حسني", "مبارك", "في", "القاهرة"] * 100
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert tags[2] == "B-PER"
