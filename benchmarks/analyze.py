"""Whole-analysis speed: articles per second from text to events, and peak memory, medians.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/analyze.py [--corpus JSONL] [--runs 5]

The corpus defaults to examples/antcorpus-sample.jsonl (200 articles). Each run pushes every
article through the default pipeline (extract → language → record → sentences → times →
quantities → entities → quotes → events); the baseline in the same run is the same
pipeline without the entities, quotes and events stages. Prints the median rate of each,
their ratio, the seconds per stage of the last run, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from marsad.analysis import STAGES, default_pipeline
from marsad.model import RawDocument
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def _rate(pipeline: Pipeline, docs: list[RawDocument]) -> float:
    started = time.perf_counter()
    for doc in docs:
        pipeline.process(doc)
    return len(docs) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "antcorpus-sample.jsonl")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.corpus.read_text("utf-8").splitlines() if line]
    docs = [RawDocument(input=str(r.get("id")), content=r["text"]) for r in rows]
    full = default_pipeline()
    base = default_pipeline([n for n in STAGES if n not in ("entities", "quotes", "events")])
    full_rates, base_rates = [], []
    for _ in range(args.runs):
        base_rates.append(_rate(base, docs))
        full = default_pipeline()
        full_rates.append(_rate(full, docs))
    rate, baseline = statistics.median(full_rates), statistics.median(base_rates)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} articles, {args.runs} runs (median)")
    print(f"analyze to events:        {rate:6.1f} articles/s")
    print(f"without entities, events: {baseline:6.1f} articles/s ({rate / baseline:.2f}x)")
    for name, stats in full.stats.items():
        print(f"  {name:<11} {stats.seconds:6.2f} s")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
