"""Linking quality floors: the seed gold and the linking development set (eval/data/linking)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.entities.linking import ActorLinker
from marsad.evaluation.linking import LinkingReport, load_gold, score

DATA = Path(__file__).parents[1] / "data"
LINKING = Path(__file__).parents[2] / "eval" / "data" / "linking"


@pytest.fixture(scope="module")
def linker() -> ActorLinker:
    return ActorLinker.load()


@pytest.fixture(scope="module")
def seed(linker: ActorLinker) -> LinkingReport:
    return score(linker, load_gold(DATA / "seed.gold.json"))


def test_seed_entities_found_with_type_and_country(seed: LinkingReport) -> None:
    assert seed.entities_found == seed.entities
    assert seed.accuracy >= 0.95


def test_seed_vessels_are_never_places_or_people(linker: ActorLinker, seed_text: str) -> None:
    import marsad

    record = marsad.analyze(seed_text, published="2015-11-20")
    for name in ("شارل ديغول", "هاري ترومان"):
        typed = {e.type for e in record.entities for m in e.mentions if m.text == name}
        assert typed == {"VEH"}, name
    cruiser = [
        e for e in record.entities if e.type == "VEH" and e.name_en and "Moskva" in e.name_en
    ]
    assert cruiser and cruiser[0].country == "RUS"


def test_dev_set_floor(linker: ActorLinker) -> None:
    report = score(linker, load_gold(LINKING / "dev.jsonl"))
    assert report.accuracy >= 0.88
    assert report.as_dict()["detection_recall"] >= 0.75
