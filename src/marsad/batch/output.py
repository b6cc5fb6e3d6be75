"""Batch output: Parquet tables partitioned by publication date, stats and completion markers.

Layout under the output directory::

    articles/published=2017-03-01/<shard>.parquet   one row per article (with its JSON record)
    entities/published=…/<shard>.parquet            one row per entity of an article
    events/published=…/<shard>.parquet              one row per event
    _stats/<shard>.json                              seen, kept, dropped by reason, failed, seconds
    _done/<shard>                                     written last: the shard is complete

Every file is written under a temporary name and renamed into place, and the marker comes
last, so a shard killed half-way is simply done again on the next run.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.model import AnalyzedArticle
from marsad.record import to_record

UNKNOWN_DATE = "unknown"

ARTICLES = pa.schema(
    [
        ("id", pa.string()),
        ("input", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
        ("title", pa.string()),
        ("section", pa.string()),
        ("source", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("published", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("entities", pa.int32()),
        ("events", pa.int32()),
        ("record", pa.string()),
    ]
)
ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("published", pa.string()),
        ("entity_id", pa.string()),
        ("name", pa.string()),
        ("name_en", pa.string()),
        ("type", pa.string()),
        ("country", pa.string()),
        ("code", pa.string()),
        ("key", pa.string()),
        ("mentions", pa.int32()),
    ]
)
EVENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("published", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("cameo", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("modality", pa.string()),
        ("source", pa.list_(pa.string())),
        ("target", pa.list_(pa.string())),
        ("location", pa.string()),
        ("date", pa.string()),
        ("attributed_to", pa.string()),
        ("trigger", pa.string()),
        ("sentence", pa.string()),
        ("confidence", pa.float64()),
    ]
)
TABLES: Mapping[str, pa.Schema] = {"articles": ARTICLES, "entities": ENTITIES, "events": EVENTS}


def rows(article: AnalyzedArticle) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysed article adds to each table."""
    art = article.article
    published = art.published.isoformat() if art.published else None
    record = to_record(article)
    return {
        "articles": [
            {
                "id": art.id,
                "input": art.input,
                "url": art.url,
                "site": art.site,
                "title": art.title,
                "section": art.section,
                "source": art.source,
                "authors": list(art.authors),
                "published": published,
                "language": art.language,
                "text": art.text,
                "entities": len(article.entities),
                "events": len(article.events),
                "record": json.dumps(record, ensure_ascii=False, sort_keys=True),
            }
        ],
        "entities": [
            {
                "article_id": art.id,
                "published": published,
                "entity_id": e.id,
                "name": e.name,
                "name_en": e.name_en,
                "type": e.type,
                "country": e.country,
                "code": e.code,
                "key": e.key,
                "mentions": len(e.mentions),
            }
            for e in article.entities
        ],
        "events": [
            {
                "article_id": art.id,
                "published": published,
                "type": e.type,
                "mode": e.mode,
                "cameo": e.cameo,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "modality": e.modality,
                "source": [a.key or a.name for a in e.source],
                "target": [a.key or a.name for a in e.target],
                "location": e.location,
                "date": e.date,
                "attributed_to": e.attributed_to,
                "trigger": e.trigger.text,
                "sentence": e.sentence,
                "confidence": e.confidence,
            }
            for e in article.events
        ],
    }


def write_shard(
    out: Path, shard_id: str, articles: Iterable[AnalyzedArticle], stats: Mapping[str, Any]
) -> None:
    """Write a shard's tables, then its stats, then its completion marker."""
    by_table: dict[str, dict[str, list[dict[str, Any]]]] = {t: defaultdict(list) for t in TABLES}
    for article in articles:
        for table, new in rows(article).items():
            for row in new:
                by_table[table][row["published"] or UNKNOWN_DATE].append(row)
    for table, partitions in by_table.items():
        for day, table_rows in sorted(partitions.items()):
            directory = out / table / f"published={day}"
            directory.mkdir(parents=True, exist_ok=True)
            data = pa.Table.from_pylist(table_rows, schema=TABLES[table])
            _atomic(directory / f"{shard_id}.parquet", lambda p, d=data: pq.write_table(d, p))
    stats_dir = out / "_stats"
    stats_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True)
    _atomic(stats_dir / f"{shard_id}.json", lambda p: Path(p).write_text(text, "utf-8"))
    done = out / "_done"
    done.mkdir(parents=True, exist_ok=True)
    _atomic(done / shard_id, lambda p: Path(p).write_text("done\n", "utf-8"))


def _atomic(path: Path, write: Any) -> None:
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    write(str(temporary))
    os.replace(temporary, path)


def finished(out: Path) -> set[str]:
    """Ids of the shards already complete in ``out``."""
    done = out / "_done"
    return {p.name for p in done.iterdir()} if done.is_dir() else set()
