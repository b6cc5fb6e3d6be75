"""The analysed-article record of the JSON contract, built from the dataclasses."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marsad.model import SCHEMA_VERSION, Actor, AnalyzedArticle, Event


def _actor(actor: Actor) -> dict[str, Any]:
    return asdict(actor)


def _event(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source": [_actor(a) for a in event.source],
        "target": [_actor(a) for a in event.target],
        "location": event.location,
        "date": event.date,
        "modality": event.modality,
        "attributed_to": event.attributed_to,
        "sentence": event.sentence,
        "trigger": asdict(event.trigger),
        "confidence": event.confidence,
    }


def to_record(analyzed: AnalyzedArticle) -> dict[str, Any]:
    """Return the contract's record (``schema_version`` 1) as plain JSON-ready data."""
    art = analyzed.article
    return {
        "schema_version": SCHEMA_VERSION,
        "id": art.id,
        "input": art.input,
        "url": art.url,
        "site": art.site,
        "title": art.title,
        "section": art.section,
        "authors": list(art.authors),
        "source": art.source,
        "published": art.published.isoformat() if art.published else None,
        "language": art.language,
        "tags": list(art.tags),
        "paragraphs": list(art.paragraphs),
        "subheadings": list(art.subheadings),
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "name_en": e.name_en,
                "type": e.type,
                "country": e.country,
                "code": e.code,
                "key": e.key,
                "mentions": [asdict(m) for m in e.mentions],
            }
            for e in analyzed.entities
        ],
        "times": [asdict(t) for t in analyzed.times],
        "quantities": [asdict(q) for q in analyzed.quantities],
        "quotes": [asdict(q) for q in analyzed.quotes],
        "events": [_event(e) for e in analyzed.events],
    }


def to_json(analyzed: AnalyzedArticle, *, indent: int | None = None) -> str:
    """Serialise one analysed article as JSON text (UTF-8, Arabic kept readable)."""
    return json.dumps(to_record(analyzed), ensure_ascii=False, indent=indent)


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every record validates against."""
    from importlib import resources

    text = resources.files("marsad.schema").joinpath("analyzed-article.v1.schema.json")
    schema: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return schema
