"""Ingest: documents from sources through the pipeline into a store, in batches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.model import AnalyzedArticle, RawDocument
from marsad.pipeline import Dropped, Pipeline
from marsad.store.repository import IngestRun, Repository, WriteStats

#: Articles written to the store per transaction.
BATCH = 100


@dataclass(slots=True)
class IngestStats:
    """What one ingest run did."""

    analysed: int = 0
    stored_before: int = 0
    stored_after: int = 0
    written: WriteStats = field(default_factory=WriteStats)
    dropped: Counter[str] = field(default_factory=Counter)
    examples: list[Dropped] = field(default_factory=list)
    articles: list[AnalyzedArticle] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Articles new to the store."""
        return self.written.added

    @property
    def updated(self) -> int:
        """Articles already stored (same URL or same text) whose content changed."""
        return self.written.updated

    @property
    def unchanged(self) -> int:
        return self.written.unchanged


def ingest(
    items: Iterable[RawDocument | Dropped],
    pipeline: Pipeline,
    store: Repository,
    *,
    console: Console | None = None,
    total: int | None = None,
    keep: bool = False,
    sources: Iterable[str] = (),
) -> IngestStats:
    """Analyse every document and store the articles, ``BATCH`` per transaction; ``keep``
    also returns them. The run (counts and drop reasons) is recorded in the store.

    Safe to kill at any moment and run again: a batch is written whole or not at all, and
    articles already stored unchanged are skipped.
    """
    started = datetime.now(UTC)
    stats = IngestStats(stored_before=store.count())
    batch: list[AnalyzedArticle] = []
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=console is None,
        transient=False,
    )
    with progress:
        task = progress.add_task("Analysing", total=total)
        for item in items:
            result = item if isinstance(item, Dropped) else pipeline.process(item)
            progress.advance(task)
            if isinstance(result, Dropped):
                stats.dropped[result.reason] += 1
                if len(stats.examples) < 20:
                    stats.examples.append(result)
                continue
            assert isinstance(result, AnalyzedArticle)
            stats.analysed += 1
            batch.append(result)
            if keep:
                stats.articles.append(result)
            if len(batch) >= BATCH:
                stats.written += store.add_many(batch)
                batch = []
        stats.written += store.add_many(batch)
    stats.stored_after = store.count()
    store.record_run(
        IngestRun(
            started=started,
            finished=datetime.now(UTC),
            analysed=stats.analysed,
            added=stats.added,
            updated=stats.updated,
            unchanged=stats.unchanged,
            dropped=dict(stats.dropped),
            sources=tuple(sources),
        )
    )
    return stats
