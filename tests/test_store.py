"""The embedded SQLite store: idempotent writes, clear errors, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad import analyze, open_store
from marsad.errors import StoreError
from marsad.store import WriteStats


def test_add_is_idempotent(tmp_path: Path, seed_text: str) -> None:
    record = analyze(seed_text, published="2015-11-20")
    with open_store(tmp_path / "m.db") as store:
        assert store.add_many([record]) == WriteStats(added=1)
        assert store.add_many([record]) == WriteStats(unchanged=1)
        assert store.count() == 1
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        assert store.count() == 1
        (stored,) = store.records()
        assert stored["title"] == record.article.title
        assert stored["published"] == "2015-11-20"


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    with pytest.raises(StoreError, match="newer Marsad"):
        open_store(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_text("this is not sqlite " * 100, "utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)
    assert path.read_text("utf-8").startswith("this is not sqlite")


def test_postgresql_without_a_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"cannot open the PostgreSQL store .*:1/"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/test")
