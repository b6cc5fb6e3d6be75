"""NER speed: model load time and tagging throughput (tokens per second), median of runs.

    .venv/bin/python benchmarks/ner.py [--gold FILE] [--runs 7] [--model DIR]

Tags the sentences of a CoNLL file (default: the test excerpt in tests/data/ner) with
``NerTagger.tag`` (first pass, sentence by sentence) and, on the same text joined, with
``NerTagger.spans`` (one document: the first pass and the document pass). One core: set
OMP_NUM_THREADS=1 (crfsuite is single-threaded anyway).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from marsad.entities.ner import NerTagger
from marsad.evaluation.ner import read_conll

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "data" / "ner" / "anercorp_test_excerpt.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    loads = []
    for _ in range(args.runs):
        started = time.perf_counter()
        tagger = NerTagger.load(args.model)
        loads.append(time.perf_counter() - started)

    sentences = [[tok for tok, _ in s] for s in read_conll(args.gold.read_text("utf-8"))]
    tokens = sum(len(s) for s in sentences)
    text = "\n\n".join(" ".join(s) for s in sentences)
    tag_rates, span_rates = [], []
    for _ in range(args.runs):
        fresh = NerTagger.load(args.model)  # cold word cache, as for a new document stream
        started = time.perf_counter()
        for sentence in sentences:
            fresh.tag(sentence)
        tag_rates.append(tokens / (time.perf_counter() - started))
        started = time.perf_counter()
        tagger.spans(text)
        span_rates.append(tokens / (time.perf_counter() - started))
    print(f"{len(sentences)} sentences, {tokens} tokens, {args.runs} runs (median)")
    print(f"load      {statistics.median(loads):.3f} s")
    print(f"tag()     {statistics.median(tag_rates):,.0f} tokens/s (cold cache)")
    print(f"spans()   {statistics.median(span_rates):,.0f} tokens/s (warm cache, both passes)")


if __name__ == "__main__":
    main()
