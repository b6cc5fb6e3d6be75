"""Repository behaviour, the same on SQLite and PostgreSQL (every test runs on both)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from marsad.errors import InputError
from marsad.store import ArticleFilter, EventFilter, IngestRun, Repository, WriteStats
from tests.store.conftest import variant


def _ids(store: Repository, query: str, limit: int = 50) -> list[str]:
    return [hit.id for hit in store.search(query, limit=limit)]


def test_add_then_add_again_is_unchanged(store: Repository, seed_record: dict[str, Any]) -> None:
    one = variant(seed_record, url="https://example.com/a")
    assert store.add_records([one]) == WriteStats(added=1)
    assert store.add_records([one]) == WriteStats(unchanged=1)
    assert store.count() == 1
    got = store.get(one["id"])
    assert got is not None and got["text"] == one["text"]
    assert store.get("no-such-id") is None


def test_changed_article_at_the_same_url_is_updated(
    store: Repository, seed_record: dict[str, Any]
) -> None:
    first = variant(seed_record, url="https://example.com/a?utm_source=x")
    store.add_records([first])
    changed = variant(seed_record, url="https://EXAMPLE.com/a/", extra=" تصحيح: عدد القتلى 12")
    assert store.add_records([changed]) == WriteStats(updated=1)
    assert store.count() == 1
    assert store.get(first["id"]) is None
    assert store.get(changed["id"]) is not None
    assert _ids(store, "تصحيح") == [changed["id"]]
    # Entities and events were replaced, not added twice.
    assert len(store.events(EventFilter(limit=1000))) == len(changed["events"])


def test_metadata_change_with_the_same_text_is_an_update(
    store: Repository, seed_record: dict[str, Any]
) -> None:
    store.add_records([variant(seed_record, url="https://example.com/a")])
    retitled = variant(seed_record, url="https://example.com/a", section="سياسة")
    assert store.add_records([retitled]) == WriteStats(updated=1)
    (stored,) = store.records()
    assert stored["section"] == "سياسة"


def test_same_content_under_two_urls_is_stored_once(
    store: Repository, seed_record: dict[str, Any]
) -> None:
    a = variant(seed_record, url="https://one.example/x")
    b = variant(seed_record, url="https://two.example/y")
    assert store.add_records([a, b]) == WriteStats(added=1, unchanged=1)
    assert store.count() == 1
    (stored,) = store.records()
    assert stored["url"] == "https://one.example/x"
    assert store.urls(a["id"]) == ["https://one.example/x", "https://two.example/y"]


def test_search_ranks_and_highlights(store: Repository, seed_record: dict[str, Any]) -> None:
    many = variant(seed_record, text="الزلزال ضرب المدينة. الزلزال دمر البيوت. زلازل وزلزال.")
    once = variant(
        seed_record, text="قالت الحكومة إن الزلزال لم يسبب أضرارا كبيرة في العاصمة اليوم."
    )
    none = variant(seed_record, text="مباراة كرة القدم انتهت بالتعادل.")
    store.add_records([once, many, none])
    hits = store.search("الزلزال")
    assert [h.id for h in hits] == [many["id"], once["id"]]
    assert hits[0].score >= hits[1].score
    assert "[الزلزال]" in hits[1].snippet


def test_query_syntax(store: Repository, seed_record: dict[str, Any]) -> None:
    a = variant(
        seed_record, text="الرئيس الروسي يزور أنقرة", source="رويترز", published="2015-11-20"
    )
    b = variant(seed_record, text="الروسي الرئيس في موسكو", source="واس", published="2016-02-01")
    c = variant(seed_record, text="وزير الخارجية التركي في موسكو", published="2014-05-05")
    store.add_records([a, b, c])
    assert sorted(_ids(store, "الرئيس الروسي")) == sorted([a["id"], b["id"]])
    assert _ids(store, '"الرئيس الروسي"') == [a["id"]]
    assert _ids(store, '"الرئيس الروسي') == [a["id"]]  # unbalanced: closed at the end
    assert sorted(_ids(store, "أنقرة OR التركي")) == sorted([a["id"], c["id"]])
    assert _ids(store, "موسكو -التركي") == [b["id"]]
    assert _ids(store, "source:رويترز") == [a["id"]]
    assert _ids(store, "الروسي source:واس") == [b["id"]]
    assert _ids(store, "موسكو since:2015") == [b["id"]]
    assert _ids(store, "موسكو until:2014-12") == [c["id"]]
    assert _ids(store, "since:2014 -الروسي") == [c["id"]]
    assert _ids(store, "'; DROP TABLE articles; --") == []
    assert store.count() == 3
    with pytest.raises(InputError):
        store.search("   ")


def test_entity_and_type_filters(store: Repository, seed_record: dict[str, Any]) -> None:
    with_events = variant(seed_record)
    bare = variant(seed_record, extra=" ملحق", entities=[], events=[])
    store.add_records([with_events, bare])
    entity = seed_record["entities"][0]
    event = seed_record["events"][0]
    assert _ids(store, f'entity:"{entity["name"]}"') == [with_events["id"]]
    if entity.get("key"):
        assert _ids(store, f"entity:{entity['key'].lower()}") == [with_events["id"]]
    assert _ids(store, f"type:{event['type'].lower()}") == [with_events["id"]]
    found = store.events(EventFilter(type=event["type"]))
    assert found and all(e.type == event["type"] for e in found)
    listed = store.articles(ArticleFilter(event_type=event["type"]))
    assert [r["id"] for r in listed] == [with_events["id"]]


def test_runs_are_recorded(store: Repository) -> None:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    store.record_run(IngestRun(now, now, analysed=3, added=2, dropped={"not Arabic": 4}))
    (run,) = store.runs()
    assert run.added == 2 and run.dropped == {"not Arabic": 4}


def test_articles_by_date(store: Repository, seed_record: dict[str, Any]) -> None:
    store.add_records(
        [variant(seed_record, extra=f" {i}", published=f"2015-0{i}-01") for i in range(1, 4)]
    )
    store.add_records([variant(seed_record, extra=" بلا تاريخ", published=None)])
    got = store.articles(ArticleFilter(since=date(2015, 2, 1)))
    assert [r["published"] for r in got] == ["2015-03-01", "2015-02-01"]
    assert store.articles(ArticleFilter())[-1]["published"] is None
