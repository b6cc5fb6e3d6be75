"""What both SQL backends share: the idempotent writer, the readers and search assembly.

A backend supplies a transaction (``_transaction``, a DB-API cursor inside BEGIN/COMMIT),
a read cursor, its placeholder, how it keeps the full-text index (``_index``) and the core
of the ranked search (``_search_rows``).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from marsad.arabic.normalize import fold
from marsad.model import AnalyzedArticle
from marsad.record import to_record
from marsad.store.query import Filters, Query, parse
from marsad.store.repository import (
    ArticleFilter,
    EventFilter,
    EventRow,
    IngestRun,
    SearchHit,
    WriteStats,
)
from marsad.store.rows import Rows, rows
from marsad.store.sql import as_filters, filter_sql, iso
from marsad.store.text import snippet

_ARTICLE_COLUMNS = "id, url, input, site, title, section, source, published, language, digest"
#: Child tables of an article, deleted and rewritten when the article changes.
CHILDREN = ("removed", "entities", "mentions", "entity_names", "events", "event_actors")
MAX_LIMIT = 1000
#: Matches of an entity or type filter from which it counts as broad (see ``_broad``).
BROAD = 4000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLRepository(ABC):
    """The Repository protocol over a DB-API connection; subclasses bind a driver."""

    url: str
    ph: str = "?"
    #: How ``ORDER BY published DESC`` puts undated articles last on this backend.
    desc: str = "DESC"

    # -- what a backend provides -------------------------------------------------------

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """A cursor inside one transaction, committed on success, rolled back on error."""

    @abstractmethod
    def _reader(self) -> AbstractContextManager[Any]:
        """A cursor for reading."""

    @abstractmethod
    def _index(self, cur: Any, pk: int, terms: list[str], replace: bool) -> None:
        """Put an article's terms into the full-text index (replacing its old terms)."""

    @abstractmethod
    def _search_rows(self, cur: Any, query: Query, limit: int) -> list[tuple[Any, ...]]:
        """(pk, id, title, url, source, section, published, score) ranked best first."""

    def _correlated(self, cur: Any, filters: Filters) -> frozenset[str]:
        """The entity/type filters a listing in date order should test per article."""
        return frozenset()

    def _broad(self, cur: Any, filters: Filters) -> frozenset[str]:
        """The entity/type filters that match at least ``BROAD`` articles: for those,
        walking the articles in date order and testing each beats sorting every match."""
        p = self.ph
        probes = {
            "entity": (
                f"SELECT count(*) FROM (SELECT 1 FROM entity_names WHERE name = {p} LIMIT {p}) x",
                [fold(v) for v in filters.entity],
            ),
            "type": (
                f"SELECT count(*) FROM (SELECT 1 FROM events WHERE lower(type) = {p} LIMIT {p}) x",
                [v.lower() for v in filters.type],
            ),
        }
        broad = set()
        for kind, (sql, values) in probes.items():
            for value in values:
                cur.execute(sql, (value, BROAD))
                if cur.fetchone()[0] >= BROAD:
                    broad.add(kind)
        return frozenset(broad)

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def version(self) -> int: ...

    # -- writing -----------------------------------------------------------------------

    def add_many(self, articles: Sequence[AnalyzedArticle]) -> WriteStats:
        """Insert new, update changed, skip unchanged articles: one transaction."""
        return self.add_records([to_record(a) for a in articles])

    def add_records(self, records: Sequence[dict[str, Any]]) -> WriteStats:
        if not records:
            return WriteStats()
        cut = [rows(r) for r in records]
        with self._transaction() as cur:
            return self._write(cur, cut)

    def _write(self, cur: Any, batch: list[Rows]) -> WriteStats:
        p = self.ph
        added = updated = unchanged = 0
        now = _now()
        for r in batch:
            a = {k: v for k, v in r.article.items() if k not in ("text", "record")}
            body = (r.article["text"], r.article["record"])
            cur.execute(f"SELECT pk, digest FROM articles WHERE id = {p}", (a["id"],))
            found = cur.fetchone()
            if found is not None and found[1] == a["digest"]:
                unchanged += 1
                self._map_url(cur, a["url"], found[0])
                continue
            if found is None and a["url"] is not None:
                cur.execute(f"SELECT article FROM article_urls WHERE url = {p}", (a["url"],))
                found = cur.fetchone()
            if found is None:
                cur.execute(
                    f"INSERT INTO articles ({_ARTICLE_COLUMNS}, added_at, updated_at) "
                    f"VALUES ({', '.join([p] * 12)}) RETURNING pk",
                    (*a.values(), now, now),
                )
                pk = int(cur.fetchone()[0])
                cur.execute(
                    f"INSERT INTO article_texts (article, text, record) VALUES ({p}, {p}, {p})",
                    (pk, *body),
                )
                added += 1
                self._index(cur, pk, r.terms, replace=False)
            else:
                pk = int(found[0])
                cur.execute(
                    "UPDATE articles SET "
                    + ", ".join(f"{c} = {p}" for c in _ARTICLE_COLUMNS.split(", ") if c != "url")
                    + f", updated_at = {p} WHERE pk = {p}",
                    (*(v for k, v in a.items() if k != "url"), now, pk),
                )
                cur.execute(
                    f"UPDATE article_texts SET text = {p}, record = {p} WHERE article = {p}",
                    (*body, pk),
                )
                for table in CHILDREN:
                    cur.execute(f"DELETE FROM {table} WHERE article = {p}", (pk,))
                updated += 1
                self._index(cur, pk, r.terms, replace=True)
            self._map_url(cur, a["url"], pk)
            self._children(cur, pk, r)
        return WriteStats(added, updated, unchanged)

    def _map_url(self, cur: Any, url: str | None, pk: int) -> None:
        if url is None:
            return
        p = self.ph
        cur.execute(
            f"INSERT INTO article_urls (url, article) VALUES ({p}, {p}) "
            "ON CONFLICT (url) DO UPDATE SET article = excluded.article",
            (url, pk),
        )

    def _children(self, cur: Any, pk: int, r: Rows) -> None:
        def put(table: str, columns: str, values: Sequence[tuple[Any, ...]]) -> None:
            if values:
                marks = ", ".join([self.ph] * (columns.count(",") + 2))
                cur.executemany(
                    f"INSERT INTO {table} (article, {columns}) VALUES ({marks})",
                    [(pk, *v) for v in values],
                )

        put("removed", "pos, text, reason", r.removed)
        put("entities", "n, actor, name, name_en, type, country, code, key", r.entities)
        put("mentions", "entity, n, start_pos, end_pos, text, nominal", r.mentions)
        put("entity_names", "name", [(n,) for n in r.entity_names])
        put(
            "events",
            "n, type, mode, cameo, quad_class, goldstein, modality, trigger, trigger_start, "
            "trigger_end, sentence, date, location, attributed_to, confidence",
            r.events,
        )
        put("event_actors", "event, role, n, entity, name, country, code, key", r.event_actors)

    def record_run(self, run: IngestRun) -> None:
        p = self.ph
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO ingest_runs (started, finished, analysed, added, updated, "
                f"unchanged, dropped, drop_reasons, sources) VALUES ({', '.join([p] * 9)})",
                (
                    run.started.isoformat(timespec="seconds"),
                    run.finished.isoformat(timespec="seconds"),
                    run.analysed,
                    run.added,
                    run.updated,
                    run.unchanged,
                    sum(run.dropped.values()),
                    json.dumps(run.dropped, ensure_ascii=False),
                    json.dumps(list(run.sources), ensure_ascii=False),
                ),
            )

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        with self._reader() as cur:
            cur.execute("SELECT count(*) FROM articles")
            return int(cur.fetchone()[0])

    def get(self, article_id: str) -> dict[str, Any] | None:
        with self._reader() as cur:
            cur.execute(
                "SELECT t.record FROM articles a JOIN article_texts t ON t.article = a.pk "
                f"WHERE a.id = {self.ph}",
                (article_id,),
            )
            found = cur.fetchone()
        return json.loads(found[0]) if found else None

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, in id order (read a page at a time)."""
        last = ""
        while True:
            with self._reader() as cur:
                cur.execute(
                    "SELECT a.id, t.record FROM articles a JOIN article_texts t "
                    f"ON t.article = a.pk WHERE a.id > {self.ph} ORDER BY a.id LIMIT 500",
                    (last,),
                )
                page = cur.fetchall()
            if not page:
                return
            for _, text in page:
                yield json.loads(text)
            last = page[-1][0]

    def urls(self, article_id: str) -> list[str]:
        """Every URL (or input) the article was seen under, the first one first."""
        with self._reader() as cur:
            cur.execute(
                "SELECT u.url FROM article_urls u JOIN articles a ON a.pk = u.article "
                f"WHERE a.id = {self.ph} ORDER BY u.url = a.url DESC, u.url",
                (article_id,),
            )
            return [str(row[0]) for row in cur.fetchall()]

    def articles(self, filters: ArticleFilter) -> list[dict[str, Any]]:
        wanted = as_filters(filters)
        with self._reader() as cur:
            correlated = self._correlated(cur, wanted)
        where, params = filter_sql(wanted, self.ph, correlated=correlated)
        sql = "SELECT a.pk, a.published, a.id FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY a.published {self.desc}, a.id LIMIT {self.ph}"
        sql = (
            f"SELECT t.record FROM ({sql}) h JOIN article_texts t ON t.article = h.pk "
            f"ORDER BY h.published {self.desc}, h.id"
        )
        with self._reader() as cur:
            cur.execute(sql, (*params, _limit(filters.limit)))
            return [json.loads(row[0]) for row in cur.fetchall()]

    def events(self, filters: EventFilter) -> list[EventRow]:
        p = self.ph
        where: list[str] = []
        params: list[object] = []
        if filters.type:
            where.append(f"lower(e.type) = {p}")
            params.append(filters.type.lower())
        if filters.actor:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors x WHERE x.article = e.article AND "
                f"x.event = e.n AND (x.key = {p} OR x.code = {p} OR x.name = {p}))"
            )
            params += [filters.actor] * 3
        if filters.since:
            where.append(f"coalesce(e.date, a.published) >= {p}")
            params.append(iso(filters.since))
        if filters.until:
            where.append(f"coalesce(e.date, a.published) <= {p}")
            params.append(iso(filters.until))
        sql = (
            "SELECT a.id, e.article, e.n, e.type, e.mode, e.cameo, e.quad_class, e.goldstein, "
            "e.modality, e.trigger, e.sentence, e.date, e.location, e.confidence "
            "FROM events e JOIN articles a ON a.pk = e.article"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY a.published {self.desc}, a.id, e.n LIMIT {p}"
        )
        with self._reader() as cur:
            cur.execute(sql, (*params, _limit(filters.limit)))
            found = cur.fetchall()
            out = []
            for row in found:
                cur.execute(
                    "SELECT role, coalesce(key, name) FROM event_actors "
                    f"WHERE article = {p} AND event = {p} ORDER BY role, n",
                    (row[1], row[2]),
                )
                actors = cur.fetchall()
                out.append(
                    EventRow(
                        article=str(row[0]),
                        type=row[3],
                        mode=row[4],
                        cameo=row[5],
                        quad_class=row[6],
                        goldstein=row[7],
                        modality=row[8],
                        trigger=row[9],
                        sentence=row[10],
                        date=row[11],
                        location=row[12],
                        confidence=float(row[13]),
                        source=tuple(str(x[1]) for x in actors if x[0] == "source"),
                        target=tuple(str(x[1]) for x in actors if x[0] == "target"),
                    )
                )
        return out

    def runs(self) -> list[IngestRun]:
        with self._reader() as cur:
            cur.execute(
                "SELECT started, finished, analysed, added, updated, unchanged, drop_reasons, "
                "sources FROM ingest_runs ORDER BY id"
            )
            return [
                IngestRun(
                    datetime.fromisoformat(r[0]),
                    datetime.fromisoformat(r[1]),
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    json.loads(r[6]),
                    tuple(json.loads(r[7])),
                )
                for r in cur.fetchall()
            ]

    def search(self, query: str | Query, limit: int = 10) -> list[SearchHit]:
        """Ranked hits for a query string (see :mod:`marsad.store.query`)."""
        parsed = parse(query) if isinstance(query, str) else query
        with self._reader() as cur:
            found = self._search_rows(cur, parsed, _limit(limit))
            texts: dict[int, str] = {}
            if found:
                cur.execute(
                    "SELECT article, text FROM article_texts WHERE article IN "
                    f"({', '.join([self.ph] * len(found))})",
                    tuple(r[0] for r in found),
                )
                texts = {int(pk): text for pk, text in cur.fetchall()}
        wanted = parsed.wanted
        return [
            SearchHit(
                str(r[1]),
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                float(r[7]),
                snippet(texts.get(int(r[0]), ""), wanted),
            )
            for r in found
        ]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))


def folded(value: str) -> str:
    return fold(value)
