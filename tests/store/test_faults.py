"""Faults: killed processes, read-only and full files, a server that goes away, old stores."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import StoreError
from marsad.store import SQLiteStore, open_store
from tests.conftest import Cli
from tests.store.conftest import variant

WRITER = """
import json, sys
from marsad.store import open_store
from tests.store.conftest import variant
base = json.load(open(sys.argv[1], encoding="utf-8"))
with open_store(sys.argv[2]) as store:
    batch = []
    for i in range(int(sys.argv[3])):
        batch.append(variant(base, extra=f" رقم {i}", url=f"https://example.com/{i}"))
        if len(batch) == 20:
            store.add_records(batch)
            batch = []
    store.add_records(batch)
"""


def _writer(tmp_path: Path, record: dict[str, Any], db: Path, n: int) -> subprocess.Popen[bytes]:
    base = tmp_path / "base.json"
    base.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(base), str(db), str(n)], cwd=root, env=env
    )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_kill_9_mid_run_then_run_again(tmp_path: Path, seed_record: dict[str, Any]) -> None:
    db = tmp_path / "k.db"
    n = 1500
    proc = _writer(tmp_path, seed_record, db, n)
    deadline = time.monotonic() + 60
    while _count(db) < 60 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    killed_at = _count(db)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < killed_at < n, "the writer finished before it could be killed"
    with open_store(db) as store:
        after_kill = store.count()
        assert after_kill % 20 == 0  # whole batches only
    again = _writer(tmp_path, seed_record, db, n)
    assert again.wait(timeout=300) == 0
    with SQLiteStore(db) as store:
        assert store.count() == n
        assert store.integrity() == "ok"
        conn = store._db
        assert conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM article_terms").fetchone()[0] == n
        per_article = len(seed_record["events"])
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n * per_article
        assert conn.execute("SELECT count(*) FROM article_urls").fetchone()[0] == n


def test_read_only_url_refuses_writes(tmp_path: Path, seed_record: dict[str, Any]) -> None:
    db = tmp_path / "r.db"
    with open_store(db) as store:
        store.add_records([seed_record])
    with open_store(f"sqlite:///{db}?mode=ro") as store:
        assert store.count() == 1
        assert store.search("باريس")
        with pytest.raises(StoreError, match="read-only"):
            store.add_records([variant(seed_record, extra=" x")])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_read_only_file_refuses_writes(tmp_path: Path, seed_record: dict[str, Any]) -> None:
    db = tmp_path / "r.db"
    with open_store(db) as store:
        store.add_records([seed_record])
    db.chmod(0o444)
    with open_store(db) as store, pytest.raises(StoreError, match="read-only"):
        store.add_records([variant(seed_record, extra=" x")])


def test_full_database_loses_nothing(tmp_path: Path, seed_record: dict[str, Any]) -> None:
    db = tmp_path / "f.db"
    with SQLiteStore(db) as store:
        store.add_records([seed_record])
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")
        batch = [variant(seed_record, extra=f" {i}") for i in range(30)]
        with pytest.raises(StoreError, match=r"full.*nothing of this batch was written"):
            store.add_records(batch)
        assert store.count() == 1
        assert store.integrity() == "ok"


def test_version_1_store_is_upgraded(tmp_path: Path, seed_record: dict[str, Any], cli: Cli) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO meta VALUES ('version', '1');"
            "CREATE TABLE articles (id TEXT PRIMARY KEY, input TEXT NOT NULL, url TEXT, "
            "title TEXT, published TEXT, language TEXT, record TEXT NOT NULL);"
        )
        conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                seed_record["id"],
                "seed.txt",
                None,
                seed_record["title"],
                "2015-11-20",
                "ar",
                json.dumps(seed_record, ensure_ascii=False),
            ),
        )
    result = cli("db", "upgrade", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "upgraded from store version 1 to 2" in result.stderr
    with open_store(db) as store:
        assert store.version() == 2 and store.count() == 1
        assert [h.id for h in store.search("باريس")] == [seed_record["id"]]
    assert "up to date" in cli("db", "upgrade", "--db", str(db)).stderr


def test_postgresql_server_going_away(pg_url: str, seed_record: dict[str, Any]) -> None:
    import psycopg

    name = f"marsad_goaway_{os.getpid()}"
    url = f"{pg_url}&application_name={name}"
    with open_store(url) as store:
        store.add_records([variant(seed_record, extra=" 0")])
        with psycopg.connect(pg_url, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = %s",
                (name,),
            ).fetchone()
            assert killed is not None and killed[0] >= 1
        batch = [variant(seed_record, extra=f" {i}") for i in range(1, 6)]
        try:
            store.add_records(batch)
        except StoreError as exc:
            assert "nothing of this batch was written" in str(exc)
            store.add_records(batch)
        assert store.add_records(batch).unchanged == 5
        assert store.count() == 6
