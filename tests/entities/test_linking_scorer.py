"""The linking scorer on hand-made gold and a fixed fake linker."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.evaluation.linking import load_gold, score
from marsad.model import Entity, Mention

TEXT = "زار بوتين موسكو ثم باريس."


class FakeLinker:
    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities
        self.calls: list[date | None] = []

    def link(self, text: str, published: date | None = None) -> tuple[Entity, ...]:
        self.calls.append(published)
        return self.entities


def _gold(tmp_path: Path) -> Path:
    mentions = [
        {"start": 4, "end": 9, "text": "بوتين", "type": "PER", "key": "RUS"},
        {"start": 10, "end": 15, "text": "موسكو", "type": "GPE", "key": "RUS"},
        {"start": 19, "end": 24, "text": "باريس", "type": "GPE", "key": "FRA"},
    ]
    mentions[0]["name_en"] = "Vladimir Putin"
    row = {"id": "a1", "published": "2015-11-20", "text": TEXT, "mentions": mentions}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_detected_linked_and_missed(tmp_path: Path) -> None:
    putin = Entity(
        "vladimir_putin",
        "بوتين",
        "PER",
        (Mention(4, 9, "بوتين"),),
        "Vladimír Putin",
        "RUS",
        key="RUS",
    )
    moscow_wrong = Entity(
        "moscow", "موسكو", "GPE", (Mention(10, 15, "موسكو"),), "Moscow", key="USA"
    )
    linker = FakeLinker((putin, moscow_wrong))
    report = score(linker, load_gold(_gold(tmp_path)))
    data = report.as_dict()
    assert data["mentions"] == 3
    assert data["detection_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert report.accuracy == pytest.approx(0.5)  # Putin right (accents ignored), Moscow wrong key
    assert linker.calls == [date(2015, 11, 20)]
    assert {e["kind"] for e in report.errors} == {"missed", "wrong"}
    assert report.format().splitlines()[-1] == "accuracy=0.500"


def test_wrong_person_is_not_linked(tmp_path: Path) -> None:
    lavrov = Entity(
        "sergey_lavrov", "بوتين", "PER", (Mention(4, 9, "بوتين"),), "Sergey Lavrov", key="RUS"
    )
    report = score(FakeLinker((lavrov,)), load_gold(_gold(tmp_path)))
    assert report.linked["PER"] == 0 and report.detected["PER"] == 1


def test_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        load_gold(bad)
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "missing.jsonl")
