"""Scorer for named-entity tagging: CoNLL entity-level P/R/F1 (``marsad eval ner``).

Gold is a CoNLL file: ``token TAG`` per line, a blank line between sentences. Tags may be
BIO or IO; ``PERS``/``PER`` → PER, ``MIS*`` → MISC, ``GPE`` → LOC. An entity counts as
found only when the predicted span and type both match exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from marsad.errors import InputError

Sentence = list[tuple[str, str]]
EntitySpan = tuple[int, int, str]

_TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG"}


class Tagger(Protocol):
    """Anything that turns a sentence's tokens into one tag per token."""

    def tag(self, tokens: list[str]) -> list[str]: ...


def normalize_tag(tag: str) -> str:
    """``B-PERS`` → ``B-PER``, ``MIS1`` → ``I-MISC``, IO tags become ``I-`` tags, ``O`` stays."""
    tag = tag.strip()
    if not tag or tag.upper() == "O":
        return "O"
    prefix, _, kind = tag.partition("-")
    if not kind:
        prefix, kind = "I", tag
    prefix = prefix.upper()
    if prefix not in ("B", "I", "E", "S"):
        # A type containing a dash without a BIO prefix, e.g. "Population-Center".
        prefix, kind = "I", tag
    kind = kind.upper()
    if kind.startswith("MIS"):
        kind = "MISC"
    kind = _TYPE_ALIASES.get(kind, kind)
    prefix = "B" if prefix in ("B", "S") else "I"
    return f"{prefix}-{kind}"


def read_conll(text: str, *, source: str = "<string>") -> list[Sentence]:
    """Parse CoNLL text into sentences of (token, normalised tag); the tag is the 2nd column."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        if len(parts) < 2:
            raise InputError(
                f"{source}, line {number}: expected 'token TAG', found {line.strip()!r}"
            )
        current.append((parts[0], normalize_tag(parts[1])))
    if current:
        sentences.append(current)
    return sentences


def entities(tags: Sequence[str]) -> set[EntitySpan]:
    """Entity spans (start, end exclusive, type) of a tag sequence, conlleval style."""
    found: set[EntitySpan] = set()
    start, kind = -1, ""
    for i, raw in enumerate((*tags, "O")):
        tag = normalize_tag(raw)
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix == "I" and tag_kind == kind
        if start >= 0 and not continues:
            found.add((start, i, kind))
            start, kind = -1, ""
        if tag != "O" and not continues:
            start, kind = i, tag_kind
    return found


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Counts and scores for one entity type (or all of them)."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class NerReport:
    """Entity-level scores per type and overall; ``format()`` ends with ``f1=0.xxx``."""

    correct: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    sentences: int = 0
    tokens: int = 0

    def add(self, gold_tags: Sequence[str], predicted_tags: Sequence[str]) -> None:
        """Count one sentence."""
        if len(gold_tags) != len(predicted_tags):
            raise InputError(
                f"sentence {self.sentences + 1}: {len(gold_tags)} gold tags but "
                f"{len(predicted_tags)} predicted"
            )
        gold, predicted = entities(gold_tags), entities(predicted_tags)
        self.gold.update(kind for _, _, kind in gold)
        self.predicted.update(kind for _, _, kind in predicted)
        self.correct.update(kind for _, _, kind in gold & predicted)
        self.sentences += 1
        self.tokens += len(gold_tags)

    @property
    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.predicted))

    def score(self, kind: str | None = None) -> TypeScore:
        """Scores for one type, or micro-averaged over all types when ``kind`` is None."""
        if kind is None:
            return TypeScore(
                sum(self.correct.values()), sum(self.predicted.values()), sum(self.gold.values())
            )
        return TypeScore(self.correct[kind], self.predicted[kind], self.gold[kind])

    @property
    def precision(self) -> float:
        return self.score().precision

    @property
    def recall(self) -> float:
        return self.score().recall

    @property
    def f1(self) -> float:
        return self.score().f1

    def as_dict(self) -> dict[str, object]:
        def row(s: TypeScore) -> dict[str, float | int]:
            return {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "correct": s.correct,
                "predicted": s.predicted,
                "gold": s.gold,
            }

        return {
            "sentences": self.sentences,
            "tokens": self.tokens,
            "types": {kind: row(self.score(kind)) for kind in self.types},
            "overall": row(self.score()),
            "f1": round(self.f1, 4),
        }

    def format(self) -> str:
        """A printable table; the last line is ``f1=0.xxx``."""
        lines = [
            f"{self.sentences} sentences, {self.tokens} tokens",
            f"{'type':<8}{'prec':>8}{'rec':>8}{'f1':>8}{'gold':>8}{'pred':>8}",
        ]
        for kind in [*self.types, None]:
            s = self.score(kind)
            lines.append(
                f"{kind or 'overall':<8}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                f"{s.gold:>8}{s.predicted:>8}"
            )
        lines.append(f"f1={self.f1:.3f}")
        return "\n".join(lines)


def score_sentences(sentences: Iterable[Sentence], tagger: Tagger) -> NerReport:
    """Tag each gold sentence's tokens and score the result."""
    report = NerReport()
    for sentence in sentences:
        tokens = [token for token, _ in sentence]
        report.add([tag for _, tag in sentence], tagger.tag(tokens))
    return report


#: How many tokens into a sentence a dateline or caption "( … )" may open an article.
OPENING_WINDOW = 6


def article_starts(sentences: Sequence[Sentence]) -> list[int]:
    """Indices of sentences that open an article: a parenthesised dateline early on.

    ANERcorp has no document markers; its articles open with "بيروت ( اف ب )" and the like.
    """
    starts = [0]
    for index, sentence in enumerate(sentences):
        tokens = [tok for tok, _ in sentence[: OPENING_WINDOW + 4]]
        for pos, tok in enumerate(tokens[:OPENING_WINDOW]):
            if tok.startswith("(") and any(t.endswith(")") for t in tokens[pos : pos + 5]):
                if index:
                    starts.append(index)
                break
    return starts


def score_articles(sentences: Sequence[Sentence], tagger: Tagger) -> NerReport:
    """Tag each article (cut at datelines) as a whole, as Marsad tags articles, and score."""
    tag_document = getattr(tagger, "tag_document", None)
    if tag_document is None:
        return score_sentences(sentences, tagger)
    report = NerReport()
    bounds = [*article_starts(sentences), len(sentences)]
    for start, end in pairwise(bounds):
        article = sentences[start:end]
        tags = tag_document([[token for token, _ in s] for s in article])
        for sentence, predicted in zip(article, tags, strict=True):
            report.add([tag for _, tag in sentence], predicted)
    return report


def score_file(path: str | Path, tagger: Tagger, *, by_article: bool = True) -> NerReport:
    """Score a tagger on a CoNLL gold file (whole articles, or sentence by sentence)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read NER gold file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"NER gold file {path} is not UTF-8 text") from exc
    sentences = read_conll(text, source=str(path))
    if not sentences:
        raise InputError(f"NER gold file {path} has no sentences")
    if by_article:
        return score_articles(sentences, tagger)
    return score_sentences(sentences, tagger)
