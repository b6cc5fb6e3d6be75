"""Throughput of the Arabic text core: normalise + sentences + tokens on one core.

Usage: python benchmarks/arabic_core.py ANTCORPUS.tar.gz [--runs 5] [--mb 4]

Reads article bodies from the ANT Corpus tarball (no extraction to disk), takes about
``--mb`` megabytes of text, and times, in the same process and on the same text, a
baseline of plain ``str.split()`` and the Marsad pipeline (MATCHING normalisation with its
offset map, sentence splitting, tokenisation with clitic analysis and stems). Prints the
median of ``--runs`` runs as MB/s and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tarfile
import time
from collections.abc import Callable

from marsad.arabic.normalize import MATCHING, Normalizer
from marsad.arabic.sentences import SentenceSplitter
from marsad.arabic.tokens import Tokenizer

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def load_texts(path: str, megabytes: float) -> list[str]:
    """Article bodies from the tarball until about ``megabytes`` of UTF-8 are read."""
    texts: list[str] = []
    size = 0
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            match = _TEXT.search(handle.read().decode("utf-8", "replace"))
            if match:
                body = "\n\n".join(p.strip() for p in match.group(1).split("\n") if p.strip())
                texts.append(body)
                size += len(body.encode("utf-8"))
            if size >= megabytes * 1_000_000:
                break
    return texts


def median_seconds(job: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=float, default=4.0)
    args = parser.parse_args()
    texts = load_texts(args.tarball, args.mb)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    normalizer = Normalizer(MATCHING)
    splitter = SentenceSplitter.load()
    tokenizer = Tokenizer.load()

    def baseline() -> None:
        for text in texts:
            text.split()

    def core() -> None:
        for text in texts:
            normalizer(text)
            for sentence in splitter.split(text):
                tokenizer.tokenize(sentence.text, sentence.start)

    cold = median_seconds(core, 1)  # first pass: the tokenizer's word memo is empty
    base = median_seconds(baseline, args.runs)
    ours = median_seconds(core, args.runs)
    print(f"text: {megabytes:.2f} MB in {len(texts)} articles, {args.runs} runs, median")
    print(f"str.split baseline: {megabytes / base:10.2f} MB/s")
    print(
        f"normalise+sentences+tokens: {megabytes / ours:6.2f} MB/s (first, cold pass: "
        f"{megabytes / cold:.2f} MB/s)"
    )
    print(f"ratio to baseline: {base / ours:.4f} (x{ours / base:.0f} slower)")


if __name__ == "__main__":
    main()
