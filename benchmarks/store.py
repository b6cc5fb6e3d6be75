"""Store speed: ingest of analysed articles (articles/s) and search latency (median, p95).

    OMP_NUM_THREADS=1 taskset -c 0 .venv/bin/python benchmarks/store.py \\
        ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \\
        --n 100000 [--backend sqlite|postgresql|both] [--pg URL] [--runs 3]

Records: the first ``--templates`` ANT articles are analysed by the real pipeline once; the
N stored records take their shape (removed lines, entities, mentions, events and actors)
from those templates in turn and their text from the ANT articles in turn (all 10,000 of
them), made distinct by a numbered closing line and spread over sources, sections and
dates, so every record is unique and searches hit realistic posting lists.

Ingest is ``Repository.add_records`` in batches of 100 (one transaction each) on a new
store: rows, terms, the full-text index and every child table. Search is every query of
``QUERIES`` ``--repeat`` times after one warm-up pass, limit 10, snippets included; the
median and p95 are over all timings of a run, and the figures printed are the medians over
``--runs`` runs. The PostgreSQL store is a fresh schema of the --pg database, dropped after;
``--analyze`` runs VACUUM ANALYZE on it after the ingest (as autovacuum soon would).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import math
import re
import statistics
import tarfile
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from marsad.analysis import default_pipeline
from marsad.model import AnalyzedArticle, RawDocument
from marsad.record import to_record
from marsad.store import Repository, open_store

QUERIES = [
    "روسيا",
    "الرئيس الروسي",
    '"الرئيس الروسي"',
    "الأمم المتحدة",
    '"مجلس الأمن"',
    "سوريا OR العراق",
    "الحكومة -تونس",
    "انفجار",
    "مقتل جنود",
    "الانتخابات الرئاسية",
    "كرة القدم",
    "النفط الأسعار",
    "اللاجئين source:رويترز",
    "الإرهاب section:سياسة",
    "تركيا since:2016-01 until:2016-12",
    "entity:rus",
    "انفجار entity:سوريا",
    "type:assault",
    "مهرجان السينما",
    '"وقف إطلاق النار"',
    "البرلمان OR النواب -الأردن",
]
SOURCES = ["رويترز", "واس", "وكالة الأنباء الفرنسية", "الجزيرة نت", None]
SECTIONS = ["سياسة", "اقتصاد", "ثقافة", "رياضة", "دولي"]


def _field(doc: str, tag: str) -> str:
    found = re.search(f"<{tag}>(.*?)</{tag}>", doc, re.S)
    return found.group(1).strip() if found else ""


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """(name, title + text) of every article in the ANT tarball, in name order."""
    out = []
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                handle = tar.extractfile(member)
                if handle is not None:
                    doc = handle.read().decode("utf-8", "replace")
                    text = _field(doc, "TITLE") + "\n\n" + _field(doc, "TEXT")
                    out.append((member.name, text))
    out.sort()
    return out


def templates(texts: list[tuple[str, str]], count: int) -> list[dict[str, Any]]:
    pipeline = default_pipeline()
    found = []
    for name, text in texts[:: max(1, len(texts) // count)][:count]:
        result = pipeline.process(RawDocument(input=name, content=text, kind="text"))
        if isinstance(result, AnalyzedArticle):
            found.append(to_record(result))
    return found


def build(n: int, texts: list[tuple[str, str]], shapes: list[dict[str, Any]]) -> list[Any]:
    records = []
    for i in range(n):
        name, text = texts[i % len(texts)]
        record = copy.deepcopy(shapes[i % len(shapes)])
        body = f"{text.strip()}\n\nنسخة رقم {i}"
        lines = [line for line in body.split("\n") if line.strip()]
        record.update(
            id=hashlib.sha256(body.encode("utf-8")).hexdigest()[:16],
            input=f"{name}#{i}",
            url=f"https://news.example/{i}",
            title=lines[0][:200],
            text=body,
            paragraphs=lines[1:],
            source=SOURCES[i % len(SOURCES)],
            section=SECTIONS[(i // 7) % len(SECTIONS)],
            published=f"{2014 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        records.append(record)
    return records


def ingest(store: Repository, records: list[Any], batch: int = 100) -> float:
    started = time.perf_counter()
    for i in range(0, len(records), batch):
        store.add_records(records[i : i + batch])
    return len(records) / (time.perf_counter() - started)


def search(
    store: Repository, repeat: int, slowest: dict[str, list[float]] | None = None
) -> tuple[float, float, dict[str, int]]:
    hits = {q: len(store.search(q, limit=10)) for q in QUERIES}  # warm-up
    timings = []
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            store.search(query, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
            if slowest is not None:
                slowest.setdefault(query, []).append(timings[-1])
    timings.sort()
    p95 = timings[max(0, math.ceil(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, hits


def _pg_schema(pg: str) -> tuple[str, str]:
    import psycopg

    schema = f"marsad_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg else "?"
    return schema, f"{pg}{sep}options=-csearch_path%3D{schema}"


def _pg_analyze(url: str) -> None:
    """What autovacuum does soon after a bulk load: planner statistics, GIN pending list."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def _pg_drop(pg: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def run_backend(name: str, records: list[Any], args: argparse.Namespace) -> None:
    rates, medians, p95s = [], [], []
    for run in range(args.ingest_runs):
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            schema = ""
            if name == "sqlite":
                url = str(Path(tmp) / "bench.db")
            else:
                schema, url = _pg_schema(args.pg)
            try:
                with open_store(url) as store:
                    rates.append(ingest(store, records))
                    print(f"{name} run {run + 1}: ingest {rates[-1]:.0f} articles/s", flush=True)
                    if name == "postgresql" and args.analyze:
                        _pg_analyze(url)
                    if run == 0:
                        per_query: dict[str, list[float]] = {}
                        for _ in range(args.runs):
                            median, p95, hits = search(store, args.repeat, per_query)
                            medians.append(median)
                            p95s.append(p95)
                            print(f"  search median {median:.2f} ms, p95 {p95:.2f} ms", flush=True)
                        print("  hits (limit 10):", hits, flush=True)
                        print("  per query, median ms:", flush=True)
                        for query, ms in per_query.items():
                            print(f"    {statistics.median(ms):7.2f}  {query}", flush=True)
                    if name == "sqlite":
                        size = Path(url).stat().st_size / 1e6
                        print(f"  database size {size:.0f} MB", flush=True)
                        if args.keep:
                            store.close()
                            Path(url).replace(args.keep)
            finally:
                if schema:
                    _pg_drop(args.pg, schema)
    print(
        f"RESULT {name} n={len(records)}: ingest {statistics.median(rates):.0f} articles/s "
        f"(median of {len(rates)}), search median {statistics.median(medians):.2f} ms, "
        f"p95 {statistics.median(p95s):.2f} ms (medians of {len(medians)} runs × "
        f"{len(QUERIES)} queries × {args.repeat})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="antcorpus_v1.1_articles.tar.gz")
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--templates", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3, help="search runs")
    parser.add_argument("--ingest-runs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the queries a run")
    parser.add_argument("--tmp", default=None, help="directory for the SQLite file")
    parser.add_argument("--keep", type=Path, help="keep the SQLite store of run 1 there")
    parser.add_argument(
        "--analyze", action="store_true", help="VACUUM ANALYZE PostgreSQL after the ingest"
    )
    args = parser.parse_args()
    texts = read_corpus(args.corpus)
    shapes = templates(texts, args.templates)
    records = build(args.n, texts, shapes)
    print(f"{len(records)} records from {len(texts)} ANT articles, {len(shapes)} shapes")
    for name in ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]:
        run_backend(name, records, args)


if __name__ == "__main__":
    main()
