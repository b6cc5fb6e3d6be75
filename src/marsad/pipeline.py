"""Stages and the Pipeline that runs them, with per-stage counters.

A stage is any object with a ``name``, the capabilities it ``requires`` and ``provides``,
and a ``__call__`` that takes a document and returns a new one or a :class:`Dropped`.
The Pipeline checks at build time that every requirement is provided by an earlier stage.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from marsad.errors import PipelineError
from marsad.model import AnalyzedArticle, Article, RawDocument

Document = RawDocument | Article | AnalyzedArticle

#: What a RawDocument brings before any stage has run.
INITIAL_CAPABILITIES = frozenset({"raw"})


@dataclass(frozen=True, slots=True)
class Dropped:
    """A document a stage rejected (``failed`` is False) or could not process (True)."""

    reason: str
    input: str = ""
    stage: str = ""
    failed: bool = False


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline: a document in, a document or a Dropped out."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Document) -> Document | Dropped: ...


@dataclass(slots=True)
class StageStats:
    """How many documents a stage saw, kept, dropped (by reason) and failed on, and its time."""

    seen: int = 0
    kept: int = 0
    failed: int = 0
    seconds: float = 0.0
    dropped: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, object]:
        return {
            "seen": self.seen,
            "kept": self.kept,
            "dropped": dict(self.dropped),
            "failed": self.failed,
            "seconds": round(self.seconds, 6),
        }


def _input_of(doc: Document) -> str:
    return doc.article.input if isinstance(doc, AnalyzedArticle) else doc.input


class Pipeline:
    """An ordered list of stages, checked when built, counted when run."""

    def __init__(
        self, stages: Sequence[Stage], *, initial: frozenset[str] = INITIAL_CAPABILITIES
    ) -> None:
        available = set(initial)
        for position, stage in enumerate(stages):
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {position + 1} ({stage.name}) requires {sorted(missing)}, "
                    f"which no earlier stage provides (available: {sorted(available)})"
                )
            available |= stage.provides
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.provides = frozenset(available)
        self.stats: dict[str, StageStats] = {s.name: StageStats() for s in self.stages}

    def process(self, doc: Document) -> Document | Dropped:
        """Run one document through every stage; never raises for a document's content."""
        current: Document = doc
        for stage in self.stages:
            stats = self.stats[stage.name]
            stats.seen += 1
            started = time.perf_counter()
            try:
                result = stage(current)
            except Exception as exc:  # a stage failure must not stop the batch
                stats.seconds += time.perf_counter() - started
                stats.failed += 1
                return Dropped(
                    reason=f"{type(exc).__name__}: {exc}",
                    input=_input_of(current),
                    stage=stage.name,
                    failed=True,
                )
            stats.seconds += time.perf_counter() - started
            if isinstance(result, Dropped):
                stats.dropped[result.reason] += 1
                return Dropped(result.reason, result.input or _input_of(current), stage.name)
            stats.kept += 1
            current = result
        return current

    def run(self, docs: Iterable[Document]) -> Iterator[Document | Dropped]:
        """Process documents lazily, yielding each result or Dropped in input order."""
        for doc in docs:
            yield self.process(doc)

    def summary(self) -> dict[str, dict[str, object]]:
        """Per-stage counters: seen, kept, dropped by reason, failed, seconds."""
        return {name: stats.as_dict() for name, stats in self.stats.items()}
