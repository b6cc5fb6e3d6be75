"""The CoNLL entity-level scorer on tiny hand-built gold and predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.evaluation.ner import NerReport, entities, normalize_tag, read_conll, score_file

GOLD = """\
قال B-PERS
محمد I-PERS
في O
القاهرة B-LOC

زار O
وفد O
الأمم B-ORG
المتحدة I-ORG
باريس B-LOC
"""


class FixedTagger:
    """Returns pre-set tags sentence by sentence."""

    def __init__(self, answers: list[list[str]]) -> None:
        self.answers = list(answers)

    def tag(self, tokens: list[str]) -> list[str]:
        answer = self.answers.pop(0)
        assert len(answer) == len(tokens)
        return answer


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("B-PERS", "B-PER"),
        ("I-PER", "I-PER"),
        ("PERS", "I-PER"),
        ("B-MIS", "B-MISC"),
        ("MIS1", "I-MISC"),
        ("I-MISC", "I-MISC"),
        ("O", "O"),
        ("B-GPE", "B-LOC"),
    ],
)
def test_tags_are_normalised(raw: str, expected: str) -> None:
    assert normalize_tag(raw) == expected


def test_entities_bio_and_io() -> None:
    assert entities(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # IO: a run of the same type is one entity; an I- after O starts one.
    assert entities(["PERS", "PERS", "O", "LOC", "ORG"]) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    }
    assert entities(["B-PER", "B-PER"]) == {(0, 1, "PER"), (1, 2, "PER")}


def test_known_precision_recall_f1(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, "utf-8")
    # Sentence 1: PER span wrong (too short), LOC right. Sentence 2: ORG right, LOC missed,
    # one spurious PER.
    tagger = FixedTagger([["O", "B-PER", "O", "B-LOC"], ["B-PER", "O", "B-ORG", "I-ORG", "O"]])
    report = score_file(path, tagger)
    # gold 4 entities, predicted 4, correct 2
    assert report.score().correct == 2
    assert report.precision == pytest.approx(0.5)
    assert report.recall == pytest.approx(0.5)
    assert report.f1 == pytest.approx(0.5)
    assert report.score("LOC").recall == pytest.approx(0.5)
    assert report.score("LOC").precision == pytest.approx(1.0)
    assert report.score("PER").f1 == 0.0
    assert report.score("ORG").f1 == pytest.approx(1.0)
    text = report.format()
    assert text.splitlines()[-1] == "f1=0.500"
    assert report.as_dict()["f1"] == 0.5


def test_perfect_and_empty_predictions() -> None:
    sentences = read_conll(GOLD)
    perfect = NerReport()
    empty = NerReport()
    for sentence in sentences:
        tags = [t for _, t in sentence]
        perfect.add(tags, tags)
        empty.add(tags, ["O"] * len(tags))
    assert perfect.f1 == 1.0
    assert empty.f1 == 0.0
    assert empty.format().endswith("f1=0.000")


def test_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("token-without-tag\n", "utf-8")
    with pytest.raises(InputError, match="line 1"):
        score_file(path, FixedTagger([]))
    with pytest.raises(InputError, match="cannot read"):
        score_file(tmp_path / "missing.txt", FixedTagger([]))
    (tmp_path / "empty.txt").write_text("\n\n", "utf-8")
    with pytest.raises(InputError, match="no sentences"):
        score_file(tmp_path / "empty.txt", FixedTagger([]))


def test_length_mismatch_is_reported() -> None:
    with pytest.raises(InputError, match="predicted"):
        NerReport().add(["O", "O"], ["O"])
