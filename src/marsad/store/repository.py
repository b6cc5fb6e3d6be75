"""The Repository protocol every store backend implements, and the values it returns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import TracebackType
from typing import Any, Protocol, Self

from marsad.model import AnalyzedArticle


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What one write did: articles new to the store, changed, and already there as they are."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            self.added + other.added,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )

    @property
    def written(self) -> int:
        return self.added + self.updated


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result; ``snippet`` marks the matched words with [ ]."""

    id: str
    title: str | None
    url: str | None
    source: str | None
    section: str | None
    published: str | None
    score: float
    snippet: str


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles to list; every field set must hold (None: any)."""

    source: str | None = None
    section: str | None = None
    entity: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 100


@dataclass(frozen=True, slots=True)
class EventFilter:
    type: str | None = None
    #: An actor key, code or name on either side of the event.
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 100


@dataclass(frozen=True, slots=True)
class EventRow:
    article: str
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    modality: str
    trigger: str
    sentence: str
    date: str | None
    location: str | None
    confidence: float
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One ingest run as stored in ``ingest_runs``."""

    started: datetime
    finished: datetime
    analysed: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    sources: tuple[str, ...] = ()


class Repository(Protocol):
    """A store of analysed articles (SQLite or PostgreSQL)."""

    url: str

    def add_many(self, articles: Sequence[AnalyzedArticle]) -> WriteStats:
        """Insert new, update changed and skip unchanged articles, in one transaction."""
        ...

    def add_records(self, records: Sequence[dict[str, Any]]) -> WriteStats:
        """The same for JSON records of the contract."""
        ...

    def get(self, article_id: str) -> dict[str, Any] | None: ...

    def count(self) -> int: ...

    def records(self) -> Iterator[dict[str, Any]]: ...

    def urls(self, article_id: str) -> list[str]:
        """Every URL (or input) the article was seen under, the first one first."""
        ...

    def search(self, query: str, limit: int = 10) -> list[SearchHit]: ...

    def articles(self, filters: ArticleFilter) -> list[dict[str, Any]]: ...

    def events(self, filters: EventFilter) -> list[EventRow]: ...

    def record_run(self, run: IngestRun) -> None: ...

    def runs(self) -> list[IngestRun]: ...

    def version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
