"""Scorer for the text-dump line classifier against gold dumps (NAME.txt + NAME.gold.json).

Gold format: title, section, source, authors, subheadings, paragraphs (body lines in
order), removed (every other line). Body lines are paragraphs and subheadings.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.extract.textdump import TextDumpClassifier
from marsad.model import Article

FIELDS = ("title", "section", "source", "authors", "subheadings")


@dataclass(slots=True)
class DumpScore:
    name: str
    true_positive: int
    predicted: int
    gold: int
    fields: dict[str, bool]
    missing: list[str]
    leaked: list[str]


@dataclass(slots=True)
class TextDumpReport:
    dumps: list[DumpScore] = field(default_factory=list)

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.dumps)

    @property
    def precision(self) -> float:
        return self._sum("true_positive") / max(1, self._sum("predicted"))

    @property
    def recall(self) -> float:
        return self._sum("true_positive") / max(1, self._sum("gold"))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self) -> dict[str, float]:
        return {
            name: sum(d.fields[name] for d in self.dumps) / max(1, len(self.dumps))
            for name in FIELDS
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "dumps": len(self.dumps),
            "body_precision": round(self.precision, 4),
            "body_recall": round(self.recall, 4),
            "body_f1": round(self.f1, 4),
            "exact_dumps": sum(
                1 for d in self.dumps if all(d.fields.values()) and not d.missing and not d.leaked
            ),
            "fields": {k: round(v, 4) for k, v in self.field_accuracy().items()},
            "errors": {
                d.name: {
                    "missing": d.missing,
                    "leaked": d.leaked,
                    "wrong": [k for k, ok in d.fields.items() if not ok],
                }
                for d in self.dumps
                if d.missing or d.leaked or not all(d.fields.values())
            },
        }


def _article_fields(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "section": article.section,
        "source": article.source,
        "authors": list(article.authors),
        "subheadings": list(article.subheadings),
    }


def score_dump(
    name: str, text: str, gold: dict[str, Any], classifier: TextDumpClassifier
) -> DumpScore:
    article = classifier.classify(text, input=name)
    gold_body = Counter(gold["paragraphs"]) + Counter(gold["subheadings"])
    got_body = Counter(article.paragraphs) + Counter(article.subheadings)
    found = _article_fields(article)
    return DumpScore(
        name=name,
        true_positive=sum((gold_body & got_body).values()),
        predicted=sum(got_body.values()),
        gold=sum(gold_body.values()),
        fields={k: found[k] == gold[k] for k in FIELDS},
        missing=list((gold_body - got_body).elements()),
        leaked=list((got_body - gold_body).elements()),
    )


def score_directory(directory: Path) -> TextDumpReport:
    """Score every NAME.txt that has a NAME.gold.json beside it."""
    golds = sorted(directory.glob("*.gold.json"))
    if not golds:
        raise InputError(f"{directory}: no *.gold.json files to score against")
    classifier = TextDumpClassifier()
    report = TextDumpReport()
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        text_path = gold_path.with_name(f"{name}.txt")
        if not text_path.is_file():
            raise InputError(f"{gold_path} has no {text_path.name} beside it")
        gold = json.loads(gold_path.read_text("utf-8"))
        report.dumps.append(score_dump(name, text_path.read_text("utf-8"), gold, classifier))
    return report
