"""Stores of analysed articles: SQLite (the default) and PostgreSQL, one Repository protocol."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from marsad.store.repository import (
    ArticleFilter,
    EventFilter,
    EventRow,
    IngestRun,
    Repository,
    SearchHit,
    WriteStats,
)
from marsad.store.sqlite import SQLiteStore

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def open_store(url: str | Path | None = None) -> Repository:
    """Open (creating and upgrading if needed) the store at ``url``.

    A path or ``sqlite:///path`` (``?mode=ro`` for read-only) opens SQLite; a
    ``postgresql://`` URL opens PostgreSQL. None: ``$MARSAD_DB``, else ``./marsad.db``.
    """
    text = str(url) if url is not None else os.environ.get("MARSAD_DB") or "marsad.db"
    if text.startswith(POSTGRES_PREFIXES):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(text)
    read_only = False
    if text.startswith("sqlite:///"):
        parts = urlsplit(text)
        text = text.removeprefix("sqlite:///").split("?", 1)[0]
        read_only = parse_qs(parts.query).get("mode") == ["ro"]
    return SQLiteStore(Path(text), read_only=read_only)


__all__ = [
    "ArticleFilter",
    "EventFilter",
    "EventRow",
    "IngestRun",
    "Repository",
    "SQLiteStore",
    "SearchHit",
    "WriteStats",
    "open_store",
]
