"""Shared fixtures: test data paths, the seed and its gold, a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.analysis import default_pipeline
from marsad.cli import app
from marsad.pipeline import Pipeline

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "seed-article.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((DATA / "seed.gold.json").read_text("utf-8"))
    return gold


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


class Cli:
    """Runs the marsad command in-process and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: bytes | str | None = None) -> Any:
        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result


@pytest.fixture()
def cli() -> Cli:
    return Cli()
