"""Pipeline: build-time checks of requires/provides, counters, drops and failures."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marsad.errors import PipelineError
from marsad.model import RawDocument
from marsad.pipeline import Document, Dropped, Pipeline, Stage


@dataclass
class Upper:
    name: str = "upper"
    requires: frozenset[str] = frozenset({"raw"})
    provides: frozenset[str] = frozenset({"upper"})

    def __call__(self, doc: Document) -> Document | Dropped:
        assert isinstance(doc, RawDocument)
        if "drop" in doc.content:
            return Dropped("asked to drop")
        if "boom" in doc.content:
            raise ValueError("exploded")
        return RawDocument(doc.input, doc.content.upper())


@dataclass
class NeedsUpper:
    name: str = "needs-upper"
    requires: frozenset[str] = frozenset({"upper"})
    provides: frozenset[str] = frozenset({"done"})

    def __call__(self, doc: Document) -> Document | Dropped:
        return doc


def test_stages_satisfy_the_protocol() -> None:
    assert isinstance(Upper(), Stage)


def test_missing_requirement_fails_at_build_time() -> None:
    with pytest.raises(PipelineError, match=r"needs-upper.*requires \['upper'\]"):
        Pipeline([NeedsUpper(), Upper()])


def test_pipeline_collects_capabilities() -> None:
    assert Pipeline([Upper(), NeedsUpper()]).provides == {"raw", "upper", "done"}


def test_counters_by_outcome() -> None:
    pipe = Pipeline([Upper(), NeedsUpper()])
    docs = [RawDocument(str(i), text) for i, text in enumerate(["a", "drop", "boom", "b"])]
    results = list(pipe.run(docs))
    assert [type(r).__name__ for r in results] == [
        "RawDocument",
        "Dropped",
        "Dropped",
        "RawDocument",
    ]
    dropped, failed = results[1], results[2]
    assert isinstance(dropped, Dropped) and isinstance(failed, Dropped)
    assert (dropped.reason, dropped.input, dropped.stage, dropped.failed) == (
        "asked to drop",
        "1",
        "upper",
        False,
    )
    assert failed.failed and failed.stage == "upper" and "exploded" in failed.reason
    summary = pipe.summary()
    assert summary["upper"]["seen"] == 4
    assert summary["upper"]["kept"] == 2
    assert summary["upper"]["dropped"] == {"asked to drop": 1}
    assert summary["upper"]["failed"] == 1
    assert summary["needs-upper"]["seen"] == 2


def test_default_pipeline_is_ordered(pipeline: Pipeline) -> None:
    assert [s.name for s in pipeline.stages] == [
        "extract",
        "language",
        "record",
        "sentences",
        "times",
        "quantities",
        "entities",
        "quotes",
        "events",
    ]
    assert "record" in pipeline.provides
