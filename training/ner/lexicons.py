"""Build the NER lexicons: the gazetteer (from licensed lists) and word clusters (from raw news).

Gazetteer sources, all redistributable with attribution:
- world cities with Arabic names (CC BY 4.0): city and country names → LOC;
- UniversalPetrarch Arabic actor dictionary (MIT): multi-word person names → PER phrases,
  first and last names;
- Wojood sample (MIT): PERS, ORG, GPE/LOC mentions → phrases, first and last names.
Clusters: PPMI + truncated SVD word vectors from the ANT news corpus (Apache-2.0) and the
training sentences, k-means at three granularities; plus per-word news statistics.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.linalg import svds

from marsad.entities.features import Lexicon, fold, split_clitics
from marsad.evaluation.ner import entities, read_conll

# Lemmatised words of the actor dictionary that mark an entry as not a person's name.
_NOT_NAME = set(
    [
        "قوة",
        "جيش",
        "شرطة",
        "مسؤول",
        "حكومة",
        "سفارة",
        "أرض",
        "ديوان",
        "عاهل",
        "شعب",
        "دولة",
        "حزب",
        "حركة",
        "منظمة",
        "مجلس",
        "اتحاد",
        "وزارة",
        "رئيس",
        "وزير",
        "ملك",
        "أمير",
        "شيخ",
        "شيخة",
        "نائب",
        "أمين",
        "عام",
        "ل",
        "في",
        "من",
        "و",
        "ـ",
        "مدير",
        "قائد",
        "زعيم",
        "ناطق",
        "متحدث",
        "رئاسة",
        "جمهورية",
        "مملكة",
        "لجنة",
        "جبهة",
        "جماعة",
        "مكتب",
        "مؤسسة",
        "مصرف",
        "بنك",
        "شركة",
        "سلطة",
        "محكمة",
        "مجموعة",
        "برلمان",
        "نظام",
        "أمة",
        "متحدة",
        "عربي",
        "إسلامي",
        "سابق",
        "جديد",
        "قوات",
        "مقاتل",
        "متمرد",
        "لاجئ",
        "مواطن",
        "مدني",
    ]
)
_TITLE_LEMMAS = ("رئيس", "وزير", "ملك", "أمير", "شيخ", "شيخة", "نائب", "سيد", "دكتور", "جنرال")


def _actor_entries(path: Path) -> Iterable[tuple[str, bool]]:
    """(name, has an inline code) of each top-level entry of a PETRARCH actor dictionary."""
    for line in path.read_text("utf-8").splitlines():
        if not line or line[0] in " \t#":
            continue
        name = line.split("[")[0].split("#")[0].strip()
        if name:
            yield name, "[" in line


def actor_person_names(path: Path) -> list[list[str]]:
    """Multi-word person names from the actor dictionary (entries coded by date, not inline)."""
    names = []
    for name, inline in _actor_entries(path):
        if inline:
            continue
        tokens = [t for t in name.replace("ٰ", "").split("_") if t]
        while tokens and tokens[0] in _TITLE_LEMMAS:
            tokens = tokens[1:]
        if 2 <= len(tokens) <= 4 and not any(t in _NOT_NAME for t in tokens):
            names.append(tokens)
    return names


def wojood_mentions(directory: Path) -> list[tuple[list[str], str]]:
    """(tokens, PER/ORG/LOC) of the outermost-layer mentions in the Wojood sample files."""
    found: list[tuple[list[str], str]] = []
    kinds = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
    for path in sorted(directory.glob("*.txt")):
        for sentence in read_conll(path.read_text("utf-8"), source=str(path)):
            tokens = [t for t, _ in sentence]
            for start, end, kind in entities([tag for _, tag in sentence]):
                if kind in kinds:
                    found.append((tokens[start:end], kinds[kind]))
    return found


def city_names(csv_path: Path) -> list[tuple[str, str]]:
    """(Arabic name, LOC) for every city and country of the world-cities list."""
    names: set[str] = set()
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            for key in ("CityNameAr", "CountryNameAr"):
                value = (row.get(key) or "").strip()
                if value:
                    names.add(value)
                    bare = re.sub(r"^(ولاية|محافظة|مدينة|منطقة|إقليم|مقاطعة)\s+", "", value)
                    names.add(bare)
    return sorted((n, "LOC") for n in names if re.search("[\u0621-\u064a]", n))


def build_gazetteer(
    cities_csv: Path | None, actors: Path | None, wojood: Path | None, out: Path
) -> int:
    """Write ``gazetteer.tsv`` (with its provenance header); returns the number of rows."""
    rows: dict[tuple[str, str], None] = {}
    sources = []
    if cities_csv is not None:
        sources.append(f"world cities with Arabic names, {cities_csv.name} (CC BY 4.0)")
        for name, kind in city_names(cities_csv):
            rows[(name, kind)] = None
    person_names: list[list[str]] = []
    if actors is not None:
        sources.append(f"UniversalPetrarch Arabic actor dictionary, {actors.name} (MIT)")
        person_names += actor_person_names(actors)
    if wojood is not None:
        sources.append("Wojood NER sample, train/val/test.txt (MIT, Mohammed Khalilia 2021)")
        for tokens, kind in wojood_mentions(wojood):
            if kind == "PER":
                person_names.append(tokens)
            elif len(tokens) > 1 or kind == "LOC":
                rows[(" ".join(tokens), kind)] = None
    for tokens in person_names:
        rows[(" ".join(tokens), "PER")] = None
        if len(tokens) > 1:
            if tokens[0] not in ("عبد", "أبو", "ابو", "بن", "ابن"):
                rows[(tokens[0], "PER_FIRST")] = None
            rows[(tokens[-1], "PER_LAST")] = None
    header = [
        "# Gazetteer for the NER features: name<TAB>CLASS (PER/LOC/ORG phrases,",
        "# PER_FIRST/PER_LAST name parts). Built by training/ner/lexicons.py from:",
        *(f"#   {s}" for s in sources),
        "# Attribution: world-cities-ar (CC BY 4.0); Open Event Data Alliance UniversalPetrarch",
        "# (MIT, (c) 2016); Wojood sample (MIT, (c) 2021 Mohammed Khalilia). See the model card.",
    ]
    body = [f"{name}\t{kind}" for name, kind in sorted(rows)]
    out.write_text("\n".join(header + body) + "\n", "utf-8")
    return len(body)


def _ppmi_vectors(
    sentences: Sequence[Sequence[str]], vocab: dict[str, int], contexts: dict[str, int], dim: int
) -> np.ndarray:
    """Word vectors: truncated SVD of the positional PPMI co-occurrence matrix."""
    rows: list[int] = []
    cols: list[int] = []
    n_ctx = len(contexts)
    for sentence in sentences:
        ids = [vocab.get(w, -1) for w in sentence]
        cids = [contexts.get(w, -1) for w in sentence]
        n = len(sentence)
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            for slot, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                if 0 <= j < n and cids[j] >= 0:
                    rows.append(wid)
                    cols.append(slot * n_ctx + cids[j])
    data = np.ones(len(rows), dtype=np.float64)
    matrix = csr_matrix(
        coo_matrix((data, (rows, cols)), shape=(len(vocab), 4 * n_ctx)).tocsr(), dtype=np.float64
    )
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_sums /= col_sums.sum()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * 1.0 / (row_sums[coo.row] / total) / col_sums[coo.col] / total)
    keep = pmi > 0
    ppmi = csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape, dtype=np.float64
    )
    u, s, _ = svds(ppmi, k=dim, random_state=0)
    vectors: np.ndarray = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def _bucket(value: float, edges: Sequence[float]) -> str:
    return str(sum(value >= e for e in edges))


def build_clusters(
    sentences: Sequence[Sequence[str]],
    lexicon: Lexicon,
    out: Path,
    *,
    min_count: int = 2,
    dim: int = 150,
    sizes: Sequence[int] = (64, 256, 1024),
) -> int:
    """Write ``ner_clusters.tsv`` (word → cluster ids, fq, al, nm); returns the word count."""
    folded = [[fold(t) for t in s] for s in sentences]
    counts = Counter(w for s in folded for w in s)
    words = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: -counts[w])
    vocab = {w: i for i, w in enumerate(words)}
    contexts = {w: i for i, w in enumerate(words[:20000])}
    vectors = _ppmi_vectors(folded, vocab, contexts, dim)
    rng = np.random.default_rng(0)
    labels = []
    for k in sizes:
        _, assignment = kmeans2(vectors, k, minit="points", iter=20, seed=rng)
        labels.append(assignment)
    # News statistics: frequency, how often the bare form takes the article, how often the
    # word follows a title word or a known first name (a distributional "is a name" signal).
    after_cue: Counter[str] = Counter()
    for s in folded:
        for prev, w in pairwise(s):
            classes = lexicon.words.get(prev, ()) or lexicon.words.get(split_clitics(prev)[1], ())
            if "TITLE" in classes or "PER_FIRST" in classes:
                after_cue[w] += 1
    lines = [
        "# Word clusters and news statistics for the NER features, built by",
        "# training/ner/lexicons.py from the ANT corpus v1.1 (Apache-2.0, JawharaFM articles)",
        "# and the unlabelled training sentences: PPMI (positions -2..2) + SVD "
        f"({dim} dims) + k-means {list(sizes)}.",
        "# Columns: word, cluster ids (coarse→fine), fq (log2 count bucket), al (share of the",
        "# bare form with the article), nm (share after a title word or first name).",
    ]
    for w in words:
        c = counts[w]
        bare = w[2:] if w.startswith("ال") and len(w) > 3 else w
        with_al, without = counts.get("ال" + bare, 0), counts.get(bare, 0)
        al = _bucket(with_al / max(1, with_al + without), (0.05, 0.3, 0.7, 0.95))
        nm = _bucket((after_cue[w] + 0.0) / (c + 2), (0.02, 0.08, 0.2, 0.4))
        fq = str(min(12, int(math.log2(c))))
        ids = "\t".join(f"{labels[level][vocab[w]]}" for level in range(len(sizes)))
        lines.append(f"{w}\t{ids}\t{fq}\t{al}\t{nm}")
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return len(words)
