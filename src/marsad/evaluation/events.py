"""Scorer for event coding (``marsad eval events GOLD``).

Gold is a JSONL file of sentences — ``{"id", "published", "sentence", "context", "events":
[{"type", "mode", "source": [keys], "target": [keys], "modality", "trigger"}]}``
(``eval/data/events``) — or a seed-style gold JSON (its ``text`` and ``events``, whose
``evidence`` is the sentence). Each sentence is analysed with its context sentence before
it (sentences, times, entities, events); only events whose trigger lies in the gold
sentence count.

Per type: precision, recall and F1 of (type) and of (type + source keys + target keys, as
sets); modality accuracy over the events matched on type, source and target. The last
line is ``f1=`` for type + source + target (micro-averaged).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model import Event


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source: frozenset[str]
    target: frozenset[str]
    modality: str
    trigger: str = ""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    sentence: str
    context: str
    published: date | None
    events: tuple[GoldEvent, ...]


#: Codes the events of ``sentence`` (after ``context``) published on a day.
Coder = Callable[[str, str, date | None], list[Event]]


@dataclass
class _Counts:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[kind] if kind else sum(self.tp.values())
        fp = self.fp[kind] if kind else sum(self.fp.values())
        fn = self.fn[kind] if kind else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class EventReport:
    typed: _Counts = field(default_factory=_Counts)
    full: _Counts = field(default_factory=_Counts)
    modality_right: int = 0
    modality_seen: int = 0
    sentences: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return self.full.prf()[2]

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.modality_seen if self.modality_seen else 0.0

    def as_dict(self) -> dict[str, Any]:
        kinds = sorted(set(self.typed.tp) | set(self.typed.fp) | set(self.typed.fn))

        def row(counts: _Counts, kind: str | None) -> dict[str, float]:
            p, r, f = counts.prf(kind)
            return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

        return {
            "sentences": self.sentences,
            "type": row(self.typed, None),
            "type_source_target": row(self.full, None),
            "modality_accuracy": round(self.modality_accuracy, 4),
            "by_type": {
                k: {
                    "gold": self.typed.tp[k] + self.typed.fn[k],
                    "type": row(self.typed, k),
                    "full": row(self.full, k),
                }
                for k in kinds
            },
        }

    def format(self) -> str:
        data = self.as_dict()
        t, f = data["type"], data["type_source_target"]
        lines = [
            f"sentences={self.sentences}",
            f"type P={t['p']:.3f} R={t['r']:.3f} F1={t['f1']:.3f}",
            f"type+source+target P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}",
            f"modality accuracy={data['modality_accuracy']:.3f} (over {self.modality_seen})",
        ]
        for kind, row_ in data["by_type"].items():
            lines.append(
                f"  {kind:<10} gold={row_['gold']:<4} type F1={row_['type']['f1']:.3f} "
                f"full F1={row_['full']['f1']:.3f}"
            )
        lines.append(f"f1={self.f1:.3f}")
        return "\n".join(lines)


def _keys(values: Any) -> frozenset[str]:
    if not isinstance(values, list):
        raise ValueError("source and target must be lists of actor keys")
    return frozenset(str(v) for v in values)


def _gold_event(row: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        row["type"],
        _keys(row.get("source", [])),
        _keys(row.get("target", [])),
        row.get("modality", "asserted"),
        row.get("trigger", ""),
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def load_gold(path: Path) -> list[GoldSentence]:
    """Gold sentences of a JSONL file, or of a seed-style gold JSON (one per evidence)."""
    if not path.is_file():
        raise InputError(f"no such gold file: {path}")
    text = path.read_text("utf-8")
    if path.suffix == ".json":
        return _seed_sentences(json.loads(text), path)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(
                GoldSentence(
                    str(row["id"]),
                    row["sentence"],
                    row.get("context") or "",
                    _day(row.get("published")),
                    tuple(_gold_event(e) for e in row["events"]),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}, line {number}: not an event gold record ({exc})") from None
    return out


def _seed_sentences(gold: dict[str, Any], path: Path) -> list[GoldSentence]:
    try:
        by_sentence: dict[str, list[GoldEvent]] = {}
        for event in gold["events"]:
            by_sentence.setdefault(event["evidence"], []).append(_gold_event(event))
        published = _day(gold.get("published"))
        text = gold["text"]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: not a seed-style gold file ({exc})") from None
    out = []
    for number, (sentence, events) in enumerate(by_sentence.items()):
        at = text.find(sentence)
        context = text[:at].rstrip() if at > 0 else ""
        out.append(GoldSentence(f"seed:{number}", sentence, context, published, tuple(events)))
    return out


def score(coder: Coder, sentences: Iterable[GoldSentence]) -> EventReport:
    """Code every gold sentence and match predicted to gold events."""
    report = EventReport()
    for gold in sentences:
        report.sentences += 1
        predicted = coder(gold.sentence, gold.context, gold.published)
        _match_types(report, gold, predicted)
        _match_full(report, gold, predicted)
    return report


def _match_types(report: EventReport, gold: GoldSentence, predicted: list[Event]) -> None:
    wanted = Counter(e.type for e in gold.events)
    got = Counter(e.type for e in predicted)
    for kind in wanted | got:
        hit = min(wanted[kind], got[kind])
        report.typed.tp[kind] += hit
        report.typed.fp[kind] += got[kind] - hit
        report.typed.fn[kind] += wanted[kind] - hit


def _match_full(report: EventReport, gold: GoldSentence, predicted: list[Event]) -> None:
    left = list(gold.events)
    for event in predicted:
        source = frozenset(a.key or a.country or "" for a in event.source)
        target = frozenset(a.key or a.country or "" for a in event.target)
        match = next(
            (g for g in left if g.type == event.type and g.source == source and g.target == target),
            None,
        )
        if match is None:
            report.full.fp[event.type] += 1
            report.errors.append(
                {
                    "id": gold.id,
                    "kind": "spurious",
                    "predicted": f"{event.type} {sorted(source)}→{sorted(target)} "
                    f"{event.modality} «{event.trigger.text}»",
                }
            )
            continue
        left.remove(match)
        report.full.tp[event.type] += 1
        report.modality_seen += 1
        report.modality_right += match.modality == event.modality
    for missed in left:
        report.full.fn[missed.type] += 1
        report.errors.append(
            {
                "id": gold.id,
                "kind": "missed",
                "gold": f"{missed.type} {sorted(missed.source)}→{sorted(missed.target)} "
                f"{missed.modality} «{missed.trigger}»",
                "sentence": gold.sentence,
            }
        )


def pipeline_coder(home_country: str | None = None, models: Path | None = None) -> Coder:
    """Marsad's own analysis (sentences, times, entities, events) as a scorer coder.

    ``models`` is a directory of event models to use instead of the shipped ones.
    """
    from marsad.analysis import STAGES
    from marsad.events.stages import EventCoder
    from marsad.model import AnalyzedArticle, Article, Block
    from marsad.pipeline import Pipeline

    names = ["sentences", "times", "entities", "events"]
    events = EventCoder(home_country=home_country)
    if models is not None:
        from marsad.events.learned import EventModels

        events.coder.models = EventModels.load(models)
    stages = [events if n == "events" else STAGES[n]() for n in names]
    pipeline = Pipeline(stages, initial=frozenset({"record"}))

    def run(sentence: str, context: str, published: date | None) -> list[Event]:
        blocks = tuple(Block("paragraph", b) for b in (context, sentence) if b.strip())
        article = Article(input="gold", blocks=blocks, published=published, language="ar")
        start = len(article.text) - len(sentence.strip())
        result = pipeline.process(AnalyzedArticle(article=article))
        if not isinstance(result, AnalyzedArticle):
            return []
        return [e for e in result.events if e.trigger.start >= start]

    return run


def score_file(
    path: Path, coder: Coder | None = None, *, home_country: str | None = None
) -> EventReport:
    return score(coder or pipeline_coder(home_country), load_gold(path))
