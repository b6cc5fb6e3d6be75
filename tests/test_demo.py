"""`marsad demo` analyses a corpus into the store and summarises it."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.demo import sample_corpus
from tests.conftest import Cli


def test_sample_corpus_is_bundled() -> None:
    corpus = sample_corpus()
    lines = (corpus / "antcorpus-sample.jsonl").read_text("utf-8").splitlines()
    assert 150 <= len(lines) <= 250
    assert {json.loads(line)["id"].split("-")[1] for line in lines} == {
        "internationalNews",
        "politic",
    }
    assert (corpus / "seed-article.txt").is_file()
    assert (corpus / "LICENSE-antcorpus").is_file()


def test_demo_on_a_small_corpus(cli: Cli, tmp_path: Path, seed_text: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(seed_text, "utf-8")
    lines = (sample_corpus() / "antcorpus-sample.jsonl").read_text("utf-8").splitlines()[:5]
    (corpus / "few.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "demo.db"
    result = cli("demo", "--corpus", str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "6 articles analysed" in result.stdout
    assert "holds 6 articles" in result.stdout
    assert "Stages" in result.stdout and "Events by type" in result.stdout
    again = cli("demo", "--corpus", str(corpus), "--db", str(db))
    assert "holds 6 articles" in again.stdout


def test_demo_on_an_empty_directory(cli: Cli, tmp_path: Path) -> None:
    result = cli("demo", "--corpus", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert "no articles found" in result.stderr
