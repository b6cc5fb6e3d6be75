"""Entity speed: NER tagging + linking throughput (tokens per second) and load time, medians.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/linking.py [--corpus JSONL] [--runs 5]

The corpus defaults to examples/antcorpus-sample.jsonl.

Runs ``ActorLinker.link`` (knowledge-base rules, then the NER tagger's spans) on every
article text of a JSONL corpus, and, as the baseline in the same run, ``NerTagger.spans``
alone on the same texts. Tokens are counted with the NER tokenizer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from marsad.entities.linking import ActorLinker
from marsad.entities.ner import NerTagger
from marsad.entities.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "antcorpus-sample.jsonl")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    texts = [
        json.loads(line)["text"]
        for line in args.corpus.read_text("utf-8").splitlines()
        if line.strip()
    ]
    tokens = sum(len(tokenize(t)) for t in texts)

    loads = []
    for _ in range(args.runs):
        started = time.perf_counter()
        linker = ActorLinker.load()
        loads.append(time.perf_counter() - started)
    tagger = NerTagger.load()

    link_rates, ner_rates = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        for text in texts:
            tagger.spans(text)
        ner_rates.append(tokens / (time.perf_counter() - started))
        started = time.perf_counter()
        for text in texts:
            linker.link(text)
        link_rates.append(tokens / (time.perf_counter() - started))

    ner, link = statistics.median(ner_rates), statistics.median(link_rates)
    print(f"{len(texts)} articles, {tokens} tokens, {args.runs} runs (median)")
    print(f"load ActorLinker (knowledge base + NER model): {statistics.median(loads):.2f} s")
    print(f"NER spans alone:     {ner:,.0f} tokens/s")
    print(f"tagging + linking:   {link:,.0f} tokens/s ({link / ner:.2f}x NER alone)")


if __name__ == "__main__":
    main()
