"""Scorer for entity linking (``marsad eval linking GOLD``).

Gold is either a JSONL file of articles — ``{"id", "published", "text", "mentions": [{"start",
"end", "text", "type", "key", "name_en", "country", "nominal"}]}`` (``eval/data/linking``) —
or a seed-style gold JSON (``entities`` with ``mentions`` and ``nominal_mentions``). The
linker runs on each gold ``text`` directly, so offsets agree.

A gold mention is *detected* when a predicted mention overlaps it. It is *linked* when the
predicted entity has the gold type and actor key (or, for a domestic actor with a key of
its own such as ENNAHDA, the gold's state as its country), and — when the prediction is an
actor of the knowledge base and the gold names one — the same English name (one name's
words inside the other's, or half of them shared). Reported: detection
recall, linking accuracy over detected mentions (the issue's measure), end-to-end accuracy,
per type; and, per gold entity, whether some mention of it was found with the right type
and country. The last line is ``accuracy=`` (linking accuracy).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from marsad.errors import InputError
from marsad.model import Entity


class Linker(Protocol):
    def link(self, text: str, published: date | None = None) -> tuple[Entity, ...]: ...


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    key: str | None
    name_en: str | None
    country: str | None
    nominal: bool
    entity: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    mentions: tuple[GoldMention, ...]


@dataclass
class LinkingReport:
    gold: Counter[str] = field(default_factory=Counter)
    detected: Counter[str] = field(default_factory=Counter)
    linked: Counter[str] = field(default_factory=Counter)
    typed: Counter[str] = field(default_factory=Counter)
    predicted: int = 0
    spurious: int = 0
    entities: int = 0
    entities_found: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def _ratio(self, top: Counter[str], bottom: Counter[str], kind: str | None = None) -> float:
        num = top[kind] if kind else sum(top.values())
        den = bottom[kind] if kind else sum(bottom.values())
        return num / den if den else 0.0

    @property
    def accuracy(self) -> float:
        """Linking accuracy over the detected gold mentions."""
        return self._ratio(self.linked, self.detected)

    def as_dict(self) -> dict[str, Any]:
        kinds = sorted(self.gold)
        return {
            "mentions": sum(self.gold.values()),
            "detection_recall": round(self._ratio(self.detected, self.gold), 4),
            "linking_accuracy": round(self.accuracy, 4),
            "end_to_end": round(self._ratio(self.linked, self.gold), 4),
            "type_accuracy": round(self._ratio(self.typed, self.detected), 4),
            "spurious_share": round(self.spurious / self.predicted, 4) if self.predicted else 0.0,
            "entities_found": f"{self.entities_found}/{self.entities}",
            "by_type": {
                k: {
                    "gold": self.gold[k],
                    "detected": round(self._ratio(self.detected, self.gold, k), 4),
                    "linked": round(self._ratio(self.linked, self.detected, k), 4),
                }
                for k in kinds
            },
        }

    def format(self) -> str:
        data = self.as_dict()
        lines = [
            f"mentions={data['mentions']} detected={data['detection_recall']:.3f} "
            f"end_to_end={data['end_to_end']:.3f} type={data['type_accuracy']:.3f} "
            f"spurious={data['spurious_share']:.3f} entities_found={data['entities_found']}"
        ]
        for kind, row in data["by_type"].items():
            lines.append(
                f"  {kind:<4} gold={row['gold']:<4} detected={row['detected']:.3f} "
                f"linked={row['linked']:.3f}"
            )
        lines.append(f"accuracy={self.accuracy:.3f}")
        return "\n".join(lines)


def _ascii(name: str | None) -> str:
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("-", " ").split())


def load_gold(path: Path) -> list[GoldArticle]:
    """Articles of a linking gold file (JSONL) or a seed-style gold JSON."""
    if not path.is_file():
        raise InputError(f"no such gold file: {path}")
    text = path.read_text("utf-8")
    if path.suffix == ".json":
        return [_seed_article(json.loads(text), path)]
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            articles.append(_jsonl_article(row))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}, line {number}: not a linking gold record ({exc})") from None
    return articles


def _day(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def _jsonl_article(row: dict[str, Any]) -> GoldArticle:
    mentions = tuple(
        GoldMention(
            m["start"],
            m["end"],
            m["text"],
            m["type"],
            m.get("key"),
            m.get("name_en"),
            m.get("country"),
            bool(m.get("nominal")),
            f"{m.get('name_en')}|{m['type']}",
        )
        for m in row["mentions"]
    )
    return GoldArticle(str(row["id"]), row["text"], _day(row.get("published")), mentions)


def _seed_article(gold: dict[str, Any], path: Path) -> GoldArticle:
    try:
        mentions = []
        for number, entity in enumerate(gold["entities"]):
            if entity["type"] == "EVENT":
                continue
            for nominal, items in (
                (False, entity["mentions"]),
                (True, entity.get("nominal_mentions", [])),
            ):
                for m in items:
                    mentions.append(
                        GoldMention(
                            m["start"],
                            m["end"],
                            m["text"],
                            entity["type"],
                            entity.get("key"),
                            entity.get("name_en"),
                            entity.get("country"),
                            nominal,
                            str(number),
                        )
                    )
        return GoldArticle(
            str(gold.get("doc_id", path.stem)),
            gold["text"],
            _day(gold.get("published")),
            tuple(mentions),
        )
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a seed-style gold file ({exc})") from None


def score(linker: Linker, articles: Iterable[GoldArticle]) -> LinkingReport:
    """Run ``linker`` on every gold article and count detected and linked mentions."""
    report = LinkingReport()
    for article in articles:
        entities = linker.link(article.text, article.published)
        predicted = [(m.start, m.end, e) for e in entities for m in e.mentions]
        report.predicted += len(predicted)
        report.spurious += sum(
            1
            for s, e, _ in predicted
            if not any(g.start < e and s < g.end for g in article.mentions)
        )
        found_entities: dict[str, bool] = {}
        for gold in article.mentions:
            report.gold[gold.type] += 1
            entity = _best_overlap(gold, predicted)
            found_entities.setdefault(gold.entity, False)
            if entity is None:
                report.errors.append(_error(article, gold, None, "missed"))
                continue
            report.detected[gold.type] += 1
            if entity.type == gold.type:
                report.typed[gold.type] += 1
                if entity.country == gold.country:
                    found_entities[gold.entity] = True
            if _linked(gold, entity):
                report.linked[gold.type] += 1
            else:
                report.errors.append(_error(article, gold, entity, "wrong"))
        report.entities += len(found_entities)
        report.entities_found += sum(found_entities.values())
    return report


def _best_overlap(gold: GoldMention, predicted: list[tuple[int, int, Entity]]) -> Entity | None:
    best, size = None, 0
    for start, end, entity in predicted:
        overlap = min(end, gold.end) - max(start, gold.start)
        if overlap > size:
            best, size = entity, overlap
    return best


def _linked(gold: GoldMention, entity: Entity) -> bool:
    if entity.type != gold.type:
        return False
    # A domestic actor with a key of its own (ENNAHDA) belongs to the state the gold names.
    same_state = gold.key is not None and len(gold.key) == 3 and entity.country == gold.key
    # Keys of media and groups are labels (WAPO, WASHPOST): a known actor is judged by name.
    named = entity.id is not None and gold.key is not None and len(gold.key) != 3
    if entity.key != gold.key and not same_state and not named:
        return False
    organ = (
        entity.id is not None
        and entity.id == (entity.code or "").lower()[:3] + "_" + (entity.code or "").lower()[3:]
    )
    if entity.id is None or organ or not gold.name_en:
        return True
    return same_name(entity.name_en, gold.name_en)


_NAME_STOPWORDS = frozenset({"of", "the", "and", "de", "al", "el", "d", "c"})


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two English names denote the same actor: one's words inside the other's,
    or at least half of their words shared ("Washington" / "Washington, D.C.")."""
    left = set(
        _ascii(a).replace(",", " ").replace("(", " ").replace(")", " ").replace(".", " ").split()
    )
    right = set(
        _ascii(b).replace(",", " ").replace("(", " ").replace(")", " ").replace(".", " ").split()
    )
    left -= _NAME_STOPWORDS
    right -= _NAME_STOPWORDS
    if not left or not right:
        return False
    if left <= right or right <= left:
        return True
    return len(left & right) / len(left | right) >= 0.5


def _error(
    article: GoldArticle, gold: GoldMention, entity: Entity | None, kind: str
) -> dict[str, Any]:
    return {
        "article": article.id,
        "kind": kind,
        "gold": f"{gold.text} [{gold.type} {gold.key} {gold.name_en}]",
        "predicted": None
        if entity is None
        else f"{entity.name} [{entity.type} {entity.key} {entity.name_en} id={entity.id}]",
    }


def score_file(path: Path, linker: Linker) -> LinkingReport:
    return score(linker, load_gold(path))
