"""Reading the training data: ANERcorp CoNLL files, the dev split by documents, raw news."""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

from marsad.entities.tokens import tokenize
from marsad.evaluation.ner import Sentence, article_starts, read_conll


def document_starts(sentences: list[Sentence]) -> list[int]:
    """Indices of sentences that open an article (see ``marsad.evaluation.ner``)."""
    return article_starts(sentences)


def split_dev(sentences: list[Sentence], share: float) -> tuple[list[Sentence], list[Sentence]]:
    """Cut whole documents off the end: dev starts at the article opening nearest ``share``."""
    total = sum(len(s) for s in sentences)
    target = total * (1 - share)
    cumulative, positions = 0, []
    for sentence in sentences:
        positions.append(cumulative)
        cumulative += len(sentence)
    starts = document_starts(sentences)
    cut = min(starts[1:], key=lambda i: abs(positions[i] - target))
    return sentences[:cut], sentences[cut:]


_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def news_sentences(tarball: Path) -> Iterator[list[str]]:
    """Token lists of the article texts in the ANT corpus tarball (one per sentence or line)."""
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            for body in _TEXT.findall(raw):
                for piece in _SENTENCE_END.split(body):
                    tokens = [t.text for t in tokenize(piece)]
                    if tokens:
                        yield tokens


def load_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL file with tags normalised to PER/LOC/ORG/MISC BIO."""
    return read_conll(path.read_text("utf-8"))
