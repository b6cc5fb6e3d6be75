"""Scorer for date/time and quantity expressions against gold JSONL (``eval/data/dates``).

Each gold line is one expression in its sentence: ``kind`` (``date`` or ``quantity``),
``sentence``, ``published``, ``start``/``end`` (offsets into the sentence), ``text``,
``value`` and ``granularity`` (dates) or ``what`` (quantities). A gold expression is
*found* when a predicted one overlaps it; its value is *correct* when the overlapping
prediction has the same value (a gold ``null`` needs a vague prediction with no value).
Value accuracy is over found expressions; ``strict`` accuracy is over all of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.arabic.dates import DateTagger
from marsad.arabic.numbers import NumberReader
from marsad.arabic.quantities import QuantityFinder
from marsad.errors import InputError
from marsad.model import Quantity, TimeExpr


@dataclass(slots=True)
class KindScore:
    """Counts for one kind of expression."""

    total: int = 0
    found: int = 0
    correct: int = 0
    what_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def found_rate(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def strict(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "found": self.found,
            "correct": self.correct,
            "found_rate": round(self.found_rate, 4),
            "value_accuracy": round(self.accuracy, 4),
            "strict_accuracy": round(self.strict, 4),
        }


@dataclass(slots=True)
class DatesReport:
    """Scores for dates and quantities, with the wrong and missed expressions."""

    dates: KindScore = field(default_factory=KindScore)
    quantities: KindScore = field(default_factory=KindScore)

    @property
    def accuracy(self) -> float:
        """Value accuracy over found expressions of both kinds."""
        found = self.dates.found + self.quantities.found
        return (self.dates.correct + self.quantities.correct) / found if found else 0.0

    def as_dict(self) -> dict[str, Any]:
        quantities = self.quantities.as_dict()
        quantities["what_accuracy"] = round(
            self.quantities.what_correct / max(1, self.quantities.found), 4
        )
        return {
            "dates": self.dates.as_dict(),
            "quantities": quantities,
            "accuracy": round(self.accuracy, 4),
        }

    def summary(self) -> str:
        """A printable summary; the last line is ``accuracy=0.xxx``."""
        lines = []
        for name, score in (("dates", self.dates), ("quantities", self.quantities)):
            lines.append(
                f"{name:<11} gold={score.total:<4} found={score.found_rate:.3f} "
                f"value_accuracy={score.accuracy:.3f} strict={score.strict:.3f}"
            )
        what = self.quantities.what_correct / max(1, self.quantities.found)
        lines.append(f"quantity what accuracy={what:.3f}")
        lines.append(f"accuracy={self.accuracy:.3f}")
        return "\n".join(lines)


def _overlapping(
    start: int, end: int, found: list[TimeExpr] | list[Quantity]
) -> TimeExpr | Quantity | None:
    best: TimeExpr | Quantity | None = None
    best_overlap = 0
    for item in found:
        overlap = min(end, item.end) - max(start, item.start)
        if overlap > best_overlap:
            best, best_overlap = item, overlap
    return best


def _same_value(gold: dict[str, Any], predicted: TimeExpr | Quantity) -> bool:
    if gold["kind"] == "date":
        assert isinstance(predicted, TimeExpr)
        if gold["value"] is None:
            return predicted.value is None and predicted.granularity == "vague"
        return bool(predicted.value == gold["value"])
    if predicted.value is None:
        return False
    return abs(float(predicted.value) - float(gold["value"])) < 1e-6


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold lines of a JSONL file (or of every ``*.jsonl`` in a directory)."""
    paths = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not paths or not all(p.is_file() for p in paths):
        raise InputError(f"no gold JSONL found at {path}")
    rows: list[dict[str, Any]] = []
    for file in paths:
        for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{file}:{number}: not JSON ({exc.msg})") from None
    return rows


def score_rows(
    rows: list[dict[str, Any]], tagger: DateTagger, finder: QuantityFinder
) -> DatesReport:
    """Score gold rows with the given tagger and finder."""
    report = DatesReport()
    for row in rows:
        sentence = row["sentence"]
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        times = tagger.find(sentence, published)
        score = report.dates if row["kind"] == "date" else report.quantities
        score.total += 1
        if row["kind"] == "date":
            candidates: list[TimeExpr] | list[Quantity] = times
        else:
            exclude = tuple((t.start, t.end) for t in times)
            candidates = finder.find(sentence, exclude)
        predicted = _overlapping(row["start"], row["end"], candidates)
        if predicted is None:
            score.errors.append({"id": row.get("id"), "text": row["text"], "error": "missed"})
            continue
        score.found += 1
        if _same_value(row, predicted):
            score.correct += 1
        else:
            score.errors.append(
                {
                    "id": row.get("id"),
                    "text": row["text"],
                    "gold": row["value"],
                    "predicted": predicted.value,
                    "predicted_text": predicted.text,
                }
            )
        if isinstance(predicted, Quantity) and predicted.what == row.get("what"):
            score.what_correct += 1
    return report


def score_file(path: str | Path) -> DatesReport:
    """Score the taggers on a gold JSONL file or a directory of them."""
    rows = read_gold(Path(path))
    numbers = NumberReader.load()
    return score_rows(rows, DateTagger.load(), QuantityFinder.load(numbers))
