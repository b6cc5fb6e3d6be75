"""Stores of analysed articles: SQLite by default."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import StoreError
from marsad.store.sqlite import SQLiteStore


def open_store(url: str | Path) -> SQLiteStore:
    """Open (creating if needed) the store at ``url``: a SQLite path or ``sqlite:///path``."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not supported yet; use a SQLite path")
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    return SQLiteStore(Path(text))


__all__ = ["SQLiteStore", "open_store"]
