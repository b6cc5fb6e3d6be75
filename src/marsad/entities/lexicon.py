"""Reading the NER lexicons: gazetteers and cue words (``data/``) and word clusters (a model dir).

File formats (UTF-8, ``#`` lines are the header saying where the data came from):

- ``data/cues.tsv`` (hand-written) and ``data/gazetteer.tsv`` (built by
  ``training/ner/lexicons.py``): ``name<TAB>CLASS``. One-word names give word classes
  (``PER_FIRST``, ``PER_LAST``, ``LOC``, ``ORG``, ``TITLE``, ``ORG_CUE``, ``LOC_CUE`` …);
  names of several words of class PER, LOC or ORG are matched as phrases.
- ``ner_clusters.tsv`` (built from raw news with the model):
  ``word<TAB>cluster ids…<TAB>fq<TAB>al<TAB>nm``, ``-`` for a missing statistic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from marsad.entities.features import Lexicon, fold
from marsad.errors import InputError

PHRASE_TYPES = frozenset({"PER", "LOC", "ORG", "MISC"})
STAT_NAMES = ("fq", "al", "nm")
DATA_FILES = ("cues.tsv", "gazetteer.tsv")


def _rows(lines: Iterable[str], source: str) -> Iterator[list[str]]:
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise InputError(f"{source}, line {number}: expected tab-separated columns")
        yield parts


def read_gazetteer(
    lines: Iterable[str],
    words: dict[str, list[str]],
    phrases: dict[tuple[str, ...], str],
    source: str,
) -> None:
    """Add the rows of one gazetteer file to ``words`` and ``phrases``."""
    for name, kind, *_ in _rows(lines, source):
        tokens = tuple(fold(t) for t in name.split())
        if not tokens:
            continue
        if len(tokens) == 1:
            classes = words.setdefault(tokens[0], [])
            if kind not in classes:
                classes.append(kind)
        elif kind in PHRASE_TYPES:
            phrases.setdefault(tokens, kind)


def read_clusters(
    lines: Iterable[str], source: str
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Cluster ids and news statistics per word from a clusters file."""
    clusters: dict[str, tuple[str, ...]] = {}
    stats: dict[str, tuple[str, ...]] = {}
    for parts in _rows(lines, source):
        word, values = parts[0], parts[1:]
        ids, measured = values[: -len(STAT_NAMES)], values[-len(STAT_NAMES) :]
        if ids and ids[0] != "-":
            clusters[word] = tuple(ids)
        found = tuple(
            f"{name}={value}"
            for name, value in zip(STAT_NAMES, measured, strict=True)
            if value != "-"
        )
        if found:
            stats[word] = found
    return clusters, stats


def load_lexicon(clusters_path: Path | None, data_dir: Path | None = None) -> Lexicon:
    """Build a :class:`Lexicon` from the gazetteer files and an optional clusters file.

    ``data_dir`` defaults to the package's ``entities/data``.
    """
    words: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for name in DATA_FILES:
        if data_dir is None:
            text = resources.files("marsad.entities").joinpath("data", name).read_text("utf-8")
        else:
            path = data_dir / name
            if not path.exists():
                continue
            text = path.read_text("utf-8")
        read_gazetteer(text.splitlines(), words, phrases, name)
    clusters: dict[str, tuple[str, ...]] = {}
    stats: dict[str, tuple[str, ...]] = {}
    if clusters_path is not None and clusters_path.exists():
        with clusters_path.open(encoding="utf-8") as handle:
            clusters, stats = read_clusters(handle, str(clusters_path))
    return Lexicon(
        words={w: tuple(c) for w, c in words.items()},
        phrases=phrases,
        clusters=clusters,
        stats=stats,
        max_phrase=max((len(p) for p in phrases), default=1),
    )
