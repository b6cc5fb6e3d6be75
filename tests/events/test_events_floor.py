"""Event-coding floors on the seed and the development set (eval/data/events)."""

from __future__ import annotations

from pathlib import Path

from marsad.evaluation.events import load_gold, pipeline_coder, score

DATA = Path(__file__).parents[1] / "data"
EVENTS = Path(__file__).parents[2] / "eval" / "data" / "events"


def test_seed_floor() -> None:
    report = score(pipeline_coder(), load_gold(DATA / "seed.gold.json"))
    assert report.typed.prf()[2] >= 0.70
    assert report.f1 >= 0.20


def test_dev_floor() -> None:
    report = score(pipeline_coder("TUN"), load_gold(EVENTS / "dev.jsonl"))
    assert report.typed.prf()[2] >= 0.43
    assert report.f1 >= 0.08
    assert report.modality_accuracy >= 0.80
