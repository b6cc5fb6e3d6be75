"""Ingest: documents from sources through the pipeline into a store, in batches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.model import AnalyzedArticle, RawDocument
from marsad.pipeline import Dropped, Pipeline
from marsad.store.sqlite import SQLiteStore

#: Articles written to the store per transaction.
BATCH = 100


@dataclass(slots=True)
class IngestStats:
    """What one ingest run did."""

    analysed: int = 0
    stored_before: int = 0
    stored_after: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    examples: list[Dropped] = field(default_factory=list)
    articles: list[AnalyzedArticle] = field(default_factory=list)

    @property
    def added(self) -> int:
        return self.stored_after - self.stored_before


def ingest(
    items: Iterable[RawDocument | Dropped],
    pipeline: Pipeline,
    store: SQLiteStore,
    *,
    console: Console | None = None,
    total: int | None = None,
    keep: bool = False,
) -> IngestStats:
    """Analyse every document and store the articles; ``keep`` also returns them."""
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
                store.add_many(batch)
                batch = []
        store.add_many(batch)
    stats.stored_after = store.count()
    return stats
