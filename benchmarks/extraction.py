"""Extraction throughput: Marsad's HTML extraction against trafilatura alone, same pages.

Usage: python benchmarks/extraction.py eval/data/html_real eval/data/html_synthetic [--runs 5]

One process, one core. Each run extracts every page once with each tool; the table shows
the median pages per second over the runs and Marsad's ratio to trafilatura (with its
metadata, as Marsad extracts metadata too; and text only) measured in the same run
(issue target: ≥ 0.85).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from marsad.evaluation.extraction import load_pages
from marsad.extract.stages import ArticleExtractor
from marsad.model import RawDocument


def _timed(pages: list[str], run: Callable[[str], object]) -> float:
    started = time.perf_counter()
    for html in pages:
        run(html)
    return len(pages) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pages = [p.html for p in load_pages(args.gold)]
    stage = ArticleExtractor()

    def marsad(html: str) -> object:
        return stage(RawDocument(input="bench", content=html, kind="html"))

    def trafilatura_only(html: str) -> object:
        return trafilatura.extract(html, with_metadata=True)

    def trafilatura_text(html: str) -> object:
        return trafilatura.extract(html)

    marsad(pages[0])  # warm up: lazy imports and caches of both tools
    trafilatura_only(pages[0])
    ours, theirs, plain, ratios, plain_ratios = [], [], [], [], []
    for _ in range(args.runs):
        a = _timed(pages, trafilatura_only)
        c = _timed(pages, trafilatura_text)
        b = _timed(pages, marsad)
        theirs.append(a)
        plain.append(c)
        ours.append(b)
        ratios.append(b / a)
        plain_ratios.append(b / c)
    print(f"pages={len(pages)} runs={args.runs}")
    print(f"trafilatura with metadata: {statistics.median(theirs):.1f} pages/s (median)")
    print(f"trafilatura text only:     {statistics.median(plain):.1f} pages/s (median)")
    print(f"marsad extract:            {statistics.median(ours):.1f} pages/s (median)")
    print(f"ratio to text only={statistics.median(plain_ratios):.2f}")
    print(f"ratio={statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
