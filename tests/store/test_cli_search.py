"""`marsad search` and `marsad ingest` on a store."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.store import open_store
from tests.conftest import Cli


def test_ingest_then_search(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "seed.txt").write_text(seed_text, "utf-8")
    db = str(tmp_path / "s.db")
    first = cli("ingest", str(tmp_path / "seed.txt"), "--db", db)
    assert first.exit_code == 0, first.output
    assert "1 analysed, 1 new, 0 updated, 0 unchanged" in first.stderr
    (tmp_path / "seed.txt").write_text(seed_text.replace("باريس", "بروكسل"), "utf-8")
    second = cli("ingest", str(tmp_path / "seed.txt"), "--db", db)
    assert "0 new, 1 updated" in second.stderr and "(now 1)" in second.stderr
    result = cli("search", "بروكسل", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    (hit,) = json.loads(result.stdout)
    assert "[بروكسل]" in hit["snippet"] and hit["url"].endswith("seed.txt")
    table = cli("search", '"الطائرة الروسية" source:"سيريان تلغراف"', "--db", db)
    assert table.exit_code == 0 and "1 hits" in table.stdout
    assert cli("search", "بروكسل", "--db", db, "--limit", "0").exit_code == 2


def test_ingest_runs_are_recorded_with_drop_reasons(
    cli: Cli, tmp_path: Path, seed_text: str
) -> None:
    (tmp_path / "seed.txt").write_text(seed_text, "utf-8")
    (tmp_path / "english.txt").write_text("This is an English news story. " * 20, "utf-8")
    db = str(tmp_path / "r.db")
    cli("ingest", str(tmp_path), "--db", db)
    cli("ingest", str(tmp_path), "--db", db)
    with open_store(db) as store:
        first, second = store.runs()
    assert (first.added, first.unchanged, second.added, second.unchanged) == (1, 0, 0, 1)
    assert sum(first.dropped.values()) == 1 and "not Arabic" in next(iter(first.dropped))
    assert first.sources == (str(tmp_path),)


def test_search_errors_are_one_line(cli: Cli, tmp_path: Path) -> None:
    missing = cli("search", "روسيا", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 2 and "no store at" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    cli("db", "upgrade", "--db", str(tmp_path / "e.db"))
    empty = cli("search", "  ", "--db", str(tmp_path / "e.db"))
    assert empty.exit_code == 2 and "empty query" in empty.stderr
    none = cli("search", "روسيا", "--db", str(tmp_path / "e.db"))
    assert none.exit_code == 1 and "no articles match" in none.stderr
