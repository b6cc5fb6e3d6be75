"""Store fixtures: every repository test runs on SQLite and on PostgreSQL.

PostgreSQL is looked for at $MARSAD_TEST_PG, else postgresql://postgres@127.0.0.1:5432/test;
each test gets a throwaway schema, dropped afterwards. When no server answers, the
PostgreSQL half of the tests is skipped with the reason.
"""

from __future__ import annotations

import copy
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad import analyze
from marsad.store import Repository, open_store

PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL URL, or a skip when no server answers there."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg: pip install -e '.[dev]'")
    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {str(exc).strip()}")
    return PG_URL


@pytest.fixture()
def pg_url(pg_server: str) -> Iterator[str]:
    """A store URL on a fresh schema of the test database."""
    import psycopg

    schema = f"marsad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def store(store_url: str) -> Iterator[Repository]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_record(seed_text: str) -> dict[str, Any]:
    return analyze(seed_text, published="2015-11-20").to_dict()


def variant(
    base: dict[str, Any],
    *,
    text: str | None = None,
    url: str | None = None,
    extra: str = "",
    **fields: Any,
) -> dict[str, Any]:
    """A copy of a record with another text (and so another id), URL or metadata."""
    record = copy.deepcopy(base)
    body = (text if text is not None else record["text"]) + extra
    record["text"] = body
    record["paragraphs"] = [body]
    record["id"] = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    record["url"] = url
    record.update(fields)
    return record
