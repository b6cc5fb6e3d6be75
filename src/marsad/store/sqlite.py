"""The embedded SQLite store: one row per analysed article, keyed by its content id."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from marsad.errors import StoreError
from marsad.model import AnalyzedArticle
from marsad.record import to_record

STORE_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    record TEXT NOT NULL
);
"""


class SQLiteStore:
    """Analysed articles in a SQLite file (WAL mode; safe to reopen and add again)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the SQLite store {path}: {exc}") from exc

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row is None:
            with self._db:
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES ('version', ?)", (str(STORE_VERSION),)
                )
        elif int(row[0]) > STORE_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Marsad (store version {row[0]}); upgrade"
            )

    def add_many(self, articles: list[AnalyzedArticle]) -> int:
        """Insert or update articles in one transaction; returns how many were written."""
        rows = [
            (
                a.id,
                a.article.input,
                a.article.url,
                a.article.title,
                a.article.published.isoformat() if a.article.published else None,
                a.article.language,
                json.dumps(to_record(a), ensure_ascii=False),
            )
            for a in articles
        ]
        try:
            with self._db:
                self._db.executemany(
                    "INSERT INTO articles (id, input, url, title, published, language, record) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "input=excluded.input, url=excluded.url, title=excluded.title, "
                    "published=excluded.published, language=excluded.language, "
                    "record=excluded.record",
                    rows,
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the SQLite store {self.path}: {exc}") from exc
        return len(rows)

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def records(self) -> Iterator[dict[str, object]]:
        """Every stored record, in id order."""
        for (text,) in self._db.execute("SELECT record FROM articles ORDER BY id"):
            yield json.loads(text)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
