"""The command line: analyse text dumps and JSONL, and fail clearly on bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

SEED = Path(__file__).parent / "data" / "seed-article.txt"


def _no_traceback(result: Any) -> None:
    assert "Traceback" not in result.output


def test_seed_json(cli: Cli, seed_gold: dict[str, Any]) -> None:
    result = cli("analyze", str(SEED), "--json", "--published", "2015-11-20")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    for key in ("title", "section", "source", "authors", "subheadings", "text"):
        assert record[key] == seed_gold[key], key
    assert [r["text"] for r in record["removed"]] == seed_gold["boilerplate_lines"]
    assert record["published"] == "2015-11-20"
    names = {e["name"] for e in record["entities"]}
    assert {"فلاديمير بوتين", "باراك أوباما", "فرانسوا هولاند", "داعش"} <= names
    assert record["events"], "the seed reports events"
    for event in record["events"]:
        start, end = event["trigger"]["start"], event["trigger"]["end"]
        assert record["text"][start:end] == event["trigger"]["text"]


def test_readable_summary(cli: Cli) -> None:
    result = cli("analyze", str(SEED))
    assert result.exit_code == 0
    assert "مقالات وآراء" in result.stdout
    assert "كسينيا كوليكوفا" in result.stdout
    assert "Adblock notice" in result.stdout


def test_stdin(cli: Cli, seed_text: str) -> None:
    result = cli("analyze", "-", "--json", input=seed_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["input"] == "-"


def test_jsonl_in_and_out(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    lines = [
        json.dumps({"id": "a1", "text": seed_text, "published": "2015-11-20"}),
        "{broken",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"id": "a3", "text": seed_text, "url": "https://example.org/a3"}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = cli("analyze", str(path), "--jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == ["a1", "a3"]
    assert records[0]["published"] == "2015-11-20"
    assert records[1]["url"] == "https://example.org/a3"
    assert "docs.jsonl:2" in result.stderr and "not valid JSON" in result.stderr
    assert "a2" in result.stderr


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("analyze", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    _no_traceback(result)


def test_directory_without_articles(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = cli("analyze", str(tmp_path))
    assert result.exit_code == 2
    assert "no articles found" in result.stderr
    _no_traceback(result)


def test_directory_of_articles(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "one.txt").write_text(seed_text, "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    result = cli("analyze", str(tmp_path), "--jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_empty_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", "utf-8")
    result = cli("analyze", str(path))
    assert result.exit_code == 2
    assert "is empty" in result.stderr
    _no_traceback(result)


def test_binary_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    result = cli("analyze", str(path))
    assert result.exit_code == 2
    assert "binary" in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_legacy_encodings(cli: Cli, tmp_path: Path, seed_text: str, encoding: str) -> None:
    text = seed_text.encode(encoding, errors="replace")
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(text)
    result = cli("analyze", str(path), "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (
        record["title"] == "هجمات باريس وتفجير الطائرة الروسية يرسمان ملامح تحالف جديد ضد الإرهاب"
    )
    assert record["section"] == "مقالات وآراء"


def test_english_is_flagged(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text(
        "Talks resume in Geneva\n\nThe envoy said on Monday that the talks with the two "
        "delegations would resume in Geneva next week and that the agenda was agreed.\n",
        "utf-8",
    )
    result = cli("analyze", str(path), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["language"] == "en"
    assert "does not look like Arabic" in result.stderr


def test_file_over_the_size_limit(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: the size check must not read it
    result = cli("analyze", str(path))
    assert result.exit_code == 2
    assert "50.0 MB" in result.stderr and "MARSAD_MAX_DOCUMENT_BYTES" in result.stderr
    _no_traceback(result)


def test_large_jsonl_streams(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "many.jsonl"
    line = json.dumps({"text": seed_text}, ensure_ascii=False)
    path.write_text("\n".join([line] * 300) + "\n", "utf-8")
    result = cli("analyze", str(path), "--jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 300


def test_bad_published_date(cli: Cli) -> None:
    result = cli("analyze", str(SEED), "--published", "20/11/2015")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_text_without_article(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_text("الرئيسية\n\nاتصل بنا\n\nمن نحن\n", "utf-8")
    result = cli("analyze", str(path))
    assert result.exit_code == 1
    assert "no article body found" in result.stderr


def test_json_and_jsonl_are_exclusive(cli: Cli) -> None:
    assert cli("analyze", str(SEED), "--json", "--jsonl").exit_code == 2


def test_eval_textdumps(cli: Cli) -> None:
    result = cli("eval", "textdumps", str(Path(__file__).parent / "data" / "textdumps"))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "f1=1.000"


def test_eval_textdumps_without_gold(cli: Cli, tmp_path: Path) -> None:
    result = cli("eval", "textdumps", str(tmp_path))
    assert result.exit_code == 2
    assert "no *.gold.json" in result.stderr


def test_extract_skips_non_arabic(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "seed.txt").write_text(seed_text, "utf-8")
    (tmp_path / "english.txt").write_text(
        "Talks resume\n\nThe envoy said on Monday that the talks with the two delegations "
        "would resume in Geneva next week and that the agenda was agreed.\n",
        "utf-8",
    )
    result = cli("extract", str(tmp_path), "--jsonl")
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["input"].endswith("seed.txt")
    assert "english.txt" in result.stderr and "not Arabic (language en)" in result.stderr


def test_ingest_twice_stores_once(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "a.txt").write_text(seed_text, "utf-8")
    (tmp_path / "b.txt").write_text(seed_text, "utf-8")
    db = str(tmp_path / "store.db")
    first = cli("ingest", str(tmp_path), "--db", db)
    assert first.exit_code == 0, first.output
    assert "2 analysed, 1 new" in first.stderr
    second = cli("ingest", str(tmp_path), "--db", db)
    assert "2 analysed, 0 new" in second.stderr and "(now 1)" in second.stderr
