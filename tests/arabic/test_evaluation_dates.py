"""Floors: the taggers on the hand-annotated ANT Corpus gold sets (eval/data/dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.arabic.dates import DateTagger
from marsad.arabic.quantities import QuantityFinder
from marsad.evaluation.dates import DatesReport, read_gold, score_file, score_rows

GOLD = Path(__file__).parent.parent.parent / "eval" / "data" / "dates"


@pytest.fixture(scope="module")
def report(dates: DateTagger, quantities: QuantityFinder) -> DatesReport:
    return score_rows(read_gold(GOLD), dates, quantities)


def test_gold_sets_are_big_enough() -> None:
    rows = read_gold(GOLD)
    assert sum(r["kind"] == "date" for r in rows) >= 300
    assert sum(r["kind"] == "quantity" for r in rows) >= 200


def test_date_value_accuracy_floor(report: DatesReport) -> None:
    assert report.dates.accuracy >= 0.97
    assert report.dates.found_rate >= 0.97


def test_quantity_value_accuracy_floor(report: DatesReport) -> None:
    assert report.quantities.accuracy >= 0.97
    assert report.quantities.found_rate >= 0.93


def test_summary_ends_with_accuracy(report: DatesReport) -> None:
    assert report.summary().splitlines()[-1].startswith("accuracy=0.")
    assert set(report.as_dict()) == {"dates", "quantities", "accuracy"}


def test_score_file_reads_one_file() -> None:
    assert score_file(GOLD / "test.jsonl").dates.total > 100
