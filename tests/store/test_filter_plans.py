"""Broad and narrow entity/type filters take other plans: the hits are the same."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.store import base, open_store
from tests.store.conftest import variant


def test_both_filter_plans_give_the_same_hits(
    store_url: str, seed_record: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        variant(
            seed_record,
            extra=f" {i}",
            published=f"2015-01-{i + 1:02d}",
            events=seed_record["events"] if i % 2 else [],
            entities=seed_record["entities"] if i % 3 else [],
        )
        for i in range(12)
    ]
    event = seed_record["events"][0]["type"].lower()
    entity = seed_record["entities"][0]["name"]
    queries = [f"type:{event}", f'entity:"{entity}"', f'type:{event} entity:"{entity}"']
    queries += [f"باريس {q}" for q in queries]
    with open_store(store_url) as store:
        store.add_records(records)
        narrow = {q: [h.id for h in store.search(q, limit=20)] for q in queries}
        monkeypatch.setattr(base, "BROAD", 1)
        broad = {q: [h.id for h in store.search(q, limit=20)] for q in queries}
    assert narrow == broad
    assert all(narrow.values())
