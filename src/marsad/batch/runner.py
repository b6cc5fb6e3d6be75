"""Batch runs: shards through the analysis pipeline into Parquet, on local processes or Spark.

Both engines run the same function, :func:`process_shard`, on each shard: it builds the
pipeline once for the shard (models are read once per task, never per document), reads
the shard's inputs with the ordinary sources, analyses each document, and writes the
shard's tables, stats and marker (:mod:`marsad.batch.output`). A document that fails is
counted with its reason and the shard goes on; a shard already marked done is skipped.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.analysis import default_pipeline
from marsad.batch.output import finished, write_shard
from marsad.batch.shards import Shard, plan
from marsad.config import Settings
from marsad.model import AnalyzedArticle
from marsad.pipeline import Dropped
from marsad.sources import read_sources


@dataclass(slots=True)
class ShardStats:
    """What one shard's run did."""

    shard: str
    seen: int = 0
    kept: int = 0
    failed: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    stages: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["dropped"] = dict(self.dropped)
        return data


@dataclass(slots=True)
class BatchReport:
    """A whole batch run: shards done now, shards skipped as already done, their stats."""

    planned: int
    skipped: int
    shards: list[ShardStats]

    @property
    def seen(self) -> int:
        return sum(s.seen for s in self.shards)

    @property
    def kept(self) -> int:
        return sum(s.kept for s in self.shards)

    @property
    def dropped(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for shard in self.shards:
            total.update(shard.dropped)
        return total


def process_shard(shard: Shard, out: str, settings: Settings) -> ShardStats:
    """Analyse one shard's documents and write its output; never raises for a document."""
    started = time.perf_counter()
    pipeline = default_pipeline(skip_non_arabic=True, home_country=settings.home_country)
    stats = ShardStats(shard.id)
    articles: list[AnalyzedArticle] = []
    for item in read_sources(list(shard.inputs), settings=settings):
        stats.seen += 1
        result = item if isinstance(item, Dropped) else pipeline.process(item)
        if isinstance(result, AnalyzedArticle):
            stats.kept += 1
            articles.append(result)
        elif isinstance(result, Dropped):
            if result.failed:
                stats.failed += 1
            stats.dropped[result.reason.split(":")[0][:80]] += 1
    stats.stages = pipeline.summary()
    stats.seconds = round(time.perf_counter() - started, 3)
    write_shard(Path(out), shard.id, articles, stats.as_dict())
    return stats


def _pending(inputs: list[str], out: Path, files_per_shard: int) -> tuple[list[Shard], int]:
    shards = plan(inputs, files_per_shard)
    done = finished(out)
    todo = [s for s in shards if s.id not in done]
    return todo, len(shards)


def run_local(
    inputs: list[str],
    out: Path,
    settings: Settings,
    *,
    workers: int = 1,
    files_per_shard: int = 200,
    progress: Callable[[ShardStats], None] | None = None,
) -> BatchReport:
    """Run the pending shards on ``workers`` local processes (1: in this process)."""
    todo, planned = _pending(inputs, out, files_per_shard)
    results: list[ShardStats] = []
    if workers <= 1:
        finished_stats: Iterable[ShardStats] = (process_shard(s, str(out), settings) for s in todo)
        for stats in finished_stats:
            results.append(stats)
            if progress:
                progress(stats)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(process_shard, s, str(out), settings) for s in todo]
            for future in futures:
                stats = future.result()
                results.append(stats)
                if progress:
                    progress(stats)
    return BatchReport(planned, planned - len(todo), results)


def run_spark(
    inputs: list[str],
    out: Path,
    settings: Settings,
    *,
    master: str | None = None,
    workers: int = 2,
    files_per_shard: int = 200,
) -> BatchReport:
    """Run the pending shards as Spark tasks (``local[workers]`` unless ``master`` is given).

    Under ``spark-submit`` the master comes from the submission and ``master`` stays None.
    The output directory must be reachable by every executor (a shared file system).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        from marsad.errors import InputError

        raise InputError(
            "the spark engine needs PySpark: pip install 'marsad[spark]' (and Java 17)"
        ) from exc
    todo, planned = _pending(inputs, out, files_per_shard)
    if not todo:
        return BatchReport(planned, planned, [])
    # Python workers run this interpreter (where marsad is installed) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("marsad-batch")
    if master is not None:
        builder = builder.master(master)
    elif not _submitted():
        builder = builder.master(f"local[{workers}]")
    session = builder.getOrCreate()
    try:
        rdd = session.sparkContext.parallelize(todo, numSlices=len(todo))
        target = str(out.resolve())
        collected = rdd.mapPartitions(lambda part: _partition(part, target, settings)).collect()
    finally:
        session.stop()
    return BatchReport(planned, planned - len(todo), list(collected))


def _partition(shards: Iterable[Shard], out: str, settings: Settings) -> Iterator[ShardStats]:
    for shard in shards:
        yield process_shard(shard, out, settings)


def _submitted() -> bool:
    """Whether this process was started by spark-submit (which sets the master itself)."""
    return "SPARK_ENV_LOADED" in os.environ or "PYSPARK_GATEWAY_PORT" in os.environ
