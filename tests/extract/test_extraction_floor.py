"""Extraction quality floors on the HTML gold sets (real pages and site templates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.evaluation.extraction import evaluate, load_pages, marsad_extractor

EVAL = Path(__file__).parents[2] / "eval" / "data"


@pytest.fixture(scope="module")
def summary() -> dict[str, float | int]:
    pages = load_pages([EVAL / "html_real", EVAL / "html_synthetic"])
    return evaluate(marsad_extractor(), pages).summary()


def test_body(summary: dict[str, float | int]) -> None:
    assert summary["f1"] >= 0.98
    assert summary["leak"] <= 0.01
    assert summary["snippet_hit"] >= 0.97


def test_metadata(summary: dict[str, float | int]) -> None:
    assert summary["title"] >= 0.95
    assert summary["date"] >= 0.9


def test_page_kind(summary: dict[str, float | int]) -> None:
    assert summary["kind"] >= 0.95


@pytest.mark.parametrize("name", ["html_dev2", "html_dev3"])
def test_other_layouts(name: str) -> None:
    """The second and third development sets: 26 more layouts (eval/build_html_dev*.py)."""
    result = evaluate(marsad_extractor(), load_pages([EVAL / name])).summary()
    assert result["f1"] >= 0.98
    assert result["leak"] <= 0.01
    assert result["snippet_hit"] >= 0.97
    assert result["title"] >= 0.95
    assert result["date"] >= 0.9
    assert result["kind"] >= 0.95
