"""The same query gives the same articles on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.store import open_store
from tests.store.conftest import variant

TEXTS = [
    "الرئيس الروسي يزور أنقرة لبحث الأزمة السورية مع نظيره التركي",
    "وزير الخارجية الأمريكي يلتقي نظيره الروسي في جنيف",
    "مقتل 12 شخصا في انفجار سيارة مفخخة في بغداد",
    "الأمم المتحدة تدعو إلى وقف إطلاق النار في اليمن",
    "احتجاجات في القاهرة ضد ارتفاع الأسعار والشرطة تعتقل العشرات",
    "الرئيس الأمريكي يستقبل ولي العهد السعودي في البيت الأبيض",
    "انفجار في دمشق والسلطات السورية تتهم المعارضة",
    "قمة العشرين في تركيا تناقش الإرهاب واللاجئين",
]
QUERIES = [
    "الرئيس",
    "الرئيس الروسي",
    '"الرئيس الروسي"',
    '"نظيره الروسي"',
    "انفجار OR احتجاجات",
    "انفجار -بغداد",
    "الرئيس source:رويترز",
    "since:2015-06 until:2015-12",
    "السورية",
    "تركيا",
    "12",
    '"وقف إطلاق النار',
]


@pytest.fixture()
def records(seed_record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        variant(
            seed_record,
            text=text,
            url=f"https://news.example/{i}",
            source="رويترز" if i % 2 else "واس",
            published=f"2015-{i + 3:02d}-10",
            entities=[],
            events=[],
        )
        for i, text in enumerate(TEXTS)
    ]


def test_same_results_on_both_backends(
    tmp_path: Path, pg_url: str, records: list[dict[str, Any]]
) -> None:
    with open_store(tmp_path / "a.db") as lite, open_store(pg_url) as pg:
        lite.add_records(records)
        pg.add_records(records)
        for query in QUERIES:
            a = lite.search(query, limit=50)
            b = pg.search(query, limit=50)
            assert sorted(h.id for h in a) == sorted(h.id for h in b), query
            assert {h.id: h.snippet for h in a} == {h.id: h.snippet for h in b}, query
        assert lite.search("انفجار -بغداد")
