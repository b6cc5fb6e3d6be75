"""The PostgreSQL store (psycopg 3 with a connection pool): the same tables as SQLite.

Search uses a ``tsvector`` column with a GIN index. The vector is built by Marsad from the
same normalised, Snowball-stemmed terms SQLite's FTS5 indexes (positions included, so
phrases work), and queries are ``tsquery`` values of the same stems: PostgreSQL's own
``arabic`` configuration is not used because its stemmer and normalisation differ from
Marsad's, and the two backends must find the same articles for the same query. This is what
``to_tsvector('simple', terms)`` would give, without depending on the server's parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from marsad.errors import StoreError
from marsad.store.base import SQLRepository
from marsad.store.migrations import latest, pending
from marsad.store.migrations.postgres import STEPS
from marsad.store.migrations.sqlite import STEPS as SQLITE_STEPS
from marsad.store.query import Query, tsquery, tsquery_positive
from marsad.store.sql import filter_sql

STORE_VERSION = latest(SQLITE_STEPS)
assert latest(STEPS) == STORE_VERSION
_HIT = "a.pk, a.id, a.title, a.url, a.source, a.section, a.published"
_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_LOCK = 74_617_232  # pg_advisory_xact_lock key: one migration at a time


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def tsvector(terms: list[str]) -> str:
    """A tsvector literal of terms with their positions (capped as PostgreSQL caps them)."""
    positions: dict[str, list[int]] = {}
    for i, term in enumerate(terms, 1):
        found = positions.setdefault(term, [])
        if len(found) < _MAX_POSITIONS:
            found.append(min(i, _MAX_POSITION))
    return " ".join(
        "'" + t.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(map(str, sorted(set(p))))
        for t, p in positions.items()
    )


class PostgresStore(SQLRepository):
    """Analysed articles in PostgreSQL; ``url`` is a libpq URL (``postgresql://…``)."""

    ph = "%s"
    desc = "DESC NULLS LAST"

    def __init__(self, url: str, *, pool_size: int = 4) -> None:
        try:
            import psycopg
            from psycopg_pool import ConnectionPool
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL stores need psycopg: pip install 'marsad[postgres]'"
            ) from exc
        self.url = url
        self._psycopg = psycopg
        self.upgraded_from: int | None = None
        where = redact(url)
        try:
            with psycopg.connect(url, connect_timeout=10, autocommit=True) as conn:
                self._migrate(conn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the PostgreSQL store {where}: {exc}".strip()) from exc
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            open=True,
            check=ConnectionPool.check_connection,
            timeout=30,
            kwargs={"connect_timeout": 10},
        )

    def version(self) -> int:
        with self._reader() as cur:
            return self._version(cur)

    @staticmethod
    def _version(cur: Any) -> int:
        cur.execute("SELECT to_regclass('meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return 0
        cur.execute("SELECT value FROM meta WHERE key = 'version'")
        row = cur.fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, conn: Any) -> None:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            current = self._version(cur)
            if current > STORE_VERSION:
                raise StoreError(
                    f"{redact(self.url)} was written by a newer Marsad (store version "
                    f"{current}); upgrade"
                )
            steps = pending(STEPS, current)
            if not steps:
                return
            cur.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for step in steps:
                cur.execute(step.sql)
            cur.execute(
                "INSERT INTO meta (key, value) VALUES ('version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(STORE_VERSION),),
            )
        self.upgraded_from = current

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        try:
            with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
                yield cur
        except self._psycopg.Error as exc:
            raise StoreError(
                f"cannot write to the PostgreSQL store {redact(self.url)}: "
                f"{str(exc).strip()} (nothing of this batch was written)"
            ) from exc

    @contextmanager
    def _reader(self) -> Iterator[Any]:
        try:
            with self._pool.connection() as conn, conn.cursor() as cur:
                yield cur
        except self._psycopg.Error as exc:
            raise StoreError(
                f"cannot read the PostgreSQL store {redact(self.url)}: {str(exc).strip()}"
            ) from exc

    def _index(self, cur: Any, pk: int, terms: list[str], replace: bool) -> None:
        cur.execute("UPDATE articles SET terms = %s::tsvector WHERE pk = %s", (tsvector(terms), pk))

    def _search_rows(self, cur: Any, query: Query, limit: int) -> list[tuple[Any, ...]]:
        match = tsquery_positive(query)
        if match is not None:
            where, params = filter_sql(query.filters, "%s")
            sql = (
                f"SELECT {_HIT}, ts_rank_cd(a.terms, q) AS score "
                "FROM articles a, CAST(%s AS tsquery) q WHERE a.terms @@ q"
                + "".join(f" AND {w}" for w in where)
                + " ORDER BY score DESC, a.id LIMIT %s"
            )
            cur.execute(sql, (match, *params, limit))
            return list(cur.fetchall())
        # A narrow entity/type filter: fetch its few articles first and sort them (the
        # || '' keeps the planner from walking the date index hoping to meet them early).
        kinds = {k for k in ("entity", "type") if getattr(query.filters, k)}
        narrow = kinds - self._broad(cur, query.filters)
        where, params = filter_sql(query.filters, "%s", arrays=narrow)
        if query.excluded:
            where.append("NOT (a.terms @@ CAST(%s AS tsquery))")
            params.append(tsquery(query.excluded))
        order = "(a.published || '')" if narrow else "a.published"
        sql = (
            f"SELECT {_HIT}, 0.0 FROM articles a WHERE "
            + " AND ".join(where)
            + f" ORDER BY {order} DESC NULLS LAST, a.id LIMIT %s"
        )
        cur.execute(sql, (*params, limit))
        return list(cur.fetchall())

    def close(self) -> None:
        self._pool.close()
