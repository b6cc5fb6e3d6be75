"""The embedded SQLite store: normalised tables, FTS5 search, WAL, one transaction a batch."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.store.base import SQLRepository
from marsad.store.migrations import latest, pending
from marsad.store.migrations.sqlite import STEPS
from marsad.store.query import Query, fts5, fts5_query
from marsad.store.rows import rows
from marsad.store.sql import filter_sql

STORE_VERSION = latest(STEPS)
_HIT = "a.pk, a.id, a.title, a.url, a.source, a.section, a.published"


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]


class SQLiteStore(SQLRepository):
    """Analysed articles in a SQLite file (WAL mode; safe to reopen and add again).

    A file that is not writable is opened read-only: search and reads work, writes raise
    :class:`StoreError`.
    """

    ph = "?"

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.url = str(path)
        self.read_only = read_only or (path.exists() and not os.access(path, os.W_OK))
        #: The version the file had before this open upgraded it (0: a new store).
        self.upgraded_from: int | None = None
        try:
            if self.read_only:
                if not path.exists():
                    raise StoreError(f"cannot open the SQLite store {path}: no such file")
                uri = f"file:{path.resolve()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite store {path}: {exc}") from exc

    # -- schema ------------------------------------------------------------------------

    def version(self) -> int:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.version()
        if current > STORE_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Marsad (store version {current}); upgrade"
            )
        steps = pending(STEPS, current)
        if not steps:
            return
        if self.read_only:
            raise StoreError(
                f"the SQLite store {self.path} is read-only and needs upgrading from version "
                f"{current} to {STORE_VERSION}: make it writable and run `marsad db upgrade`"
            )
        with self._transaction() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for step in steps:
                for statement in _statements(step.sql):
                    cur.execute(statement)
                if step.hook == "copy_v1":
                    self._copy_v1(cur)
            cur.execute(
                "INSERT INTO meta (key, value) VALUES ('version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(STORE_VERSION),),
            )
        self.upgraded_from = current

    def _copy_v1(self, cur: sqlite3.Cursor) -> None:
        """Move the records of a version-1 store into the normalised tables."""
        cur.execute("SELECT record FROM articles_v1 ORDER BY id")
        for (text,) in cur.fetchall():
            self._write(cur, [rows(json.loads(text))])
        cur.execute("DROP TABLE articles_v1")

    # -- the backend hooks -------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        if self.read_only:
            raise StoreError(f"cannot write to the SQLite store {self.path}: it is read-only")
        cur = self._db.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            yield cur
            cur.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"cannot write to the SQLite store {self.path}: {exc} (nothing of this "
                    "batch was written)"
                ) from exc
            raise
        finally:
            cur.close()

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Cursor]:
        cur = self._db.cursor()
        try:
            yield cur
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the SQLite store {self.path}: {exc}") from exc
        finally:
            cur.close()

    def _index(self, cur: Any, pk: int, terms: list[str], replace: bool) -> None:
        text = " ".join(terms)
        if replace:
            cur.execute("SELECT terms FROM article_terms WHERE pk = ?", (pk,))
            old = cur.fetchone()
            if old is not None:
                cur.execute(
                    "INSERT INTO article_fts (article_fts, rowid, terms) VALUES ('delete', ?, ?)",
                    (pk, old[0]),
                )
        cur.execute("INSERT OR REPLACE INTO article_terms (pk, terms) VALUES (?, ?)", (pk, text))
        cur.execute("INSERT INTO article_fts (rowid, terms) VALUES (?, ?)", (pk, text))

    def _search_rows(self, cur: Any, query: Query, limit: int) -> list[tuple[Any, ...]]:
        match = fts5_query(query)
        # Under a full-text match few rows are tested: EXISTS probes beat building IN lists.
        correlated = (
            frozenset({"entity", "type"}) if match is not None else self._broad(cur, query.filters)
        )
        where, params = filter_sql(query.filters, "?", correlated=correlated)
        if match is not None:
            sql = (
                f"SELECT {_HIT}, -bm25(article_fts) AS score FROM article_fts "
                "JOIN articles a ON a.pk = article_fts.rowid WHERE article_fts MATCH ?"
                + "".join(f" AND {w}" for w in where)
                + " ORDER BY bm25(article_fts), a.id LIMIT ?"
            )
            cur.execute(sql, (match, *params, limit))
        else:
            if query.excluded:
                where.append(
                    "a.pk NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
                )
                params.append(fts5(query.excluded))
            sql = (
                f"SELECT {_HIT}, 0.0 FROM articles a WHERE "
                + " AND ".join(where)
                + " ORDER BY a.published DESC, a.id LIMIT ?"
            )
            cur.execute(sql, (*params, limit))
        return list(cur.fetchall())

    def integrity(self) -> str:
        """SQLite's integrity_check and the FTS5 index check: ``ok`` when all is well."""
        with self._reader() as cur:
            result = str(cur.execute("PRAGMA integrity_check").fetchone()[0])
            if result == "ok":
                cur.execute("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
        return result

    def close(self) -> None:
        self._db.close()
