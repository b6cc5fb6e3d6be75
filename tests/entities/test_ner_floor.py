"""Evaluation gate: the shipped NER model on an excerpt of the ANERcorp test split."""

from __future__ import annotations

from pathlib import Path

from marsad.entities.ner import NerTagger
from marsad.evaluation.ner import score_file

EXCERPT = Path(__file__).parents[1] / "data" / "ner" / "anercorp_test_excerpt.txt"
# Measured F1 of the shipped model on the excerpt (see eval/ner.md) minus 0.02.
MEASURED_F1 = 0.707
FLOOR = MEASURED_F1 - 0.02


def test_shipped_model_stays_above_its_floor() -> None:
    report = score_file(EXCERPT, NerTagger.load())
    assert report.sentences == 300
    assert report.f1 >= FLOOR, report.format()
