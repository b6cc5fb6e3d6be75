"""Records of the JSON contract cut into the rows of the normalised tables (both backends)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from marsad.arabic.normalize import fold
from marsad.store.text import terms

_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref_src", "at_medium", "at_campaign")


def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, sorted query, no trailing slash."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    if not parts.scheme or not host:
        return url.strip()
    scheme = parts.scheme.lower()
    if port and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def locator(record: dict[str, Any]) -> str | None:
    """Where the article came from: its canonical URL, else its input (a path or JSONL id),
    else None (an input such as ``<string>`` or ``-`` names no place)."""
    url = record.get("url")
    if url:
        return canonical_url(str(url))
    given = str(record.get("input") or "")
    if not given or given == "-" or given.startswith("<"):
        return None
    return given


def digest(record: dict[str, Any]) -> str:
    """A hash of everything stored about the article except where it was found: two
    copies of the same article under two URLs have the same digest."""
    rest = {k: v for k, v in record.items() if k not in ("url", "input")}
    data = json.dumps(rest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _lower(value: object) -> str | None:
    return fold(str(value)) if value else None


@dataclass(frozen=True, slots=True)
class Rows:
    """Every row one article contributes (children keyed by position, not by table ids)."""

    article: dict[str, Any]
    terms: list[str]
    removed: list[tuple[int, str, str]]
    entities: list[tuple[int, str | None, str, str | None, str, str | None, str | None, str | None]]
    mentions: list[tuple[int, int, int, int, str, bool]]
    entity_names: list[str]
    events: list[tuple[Any, ...]]
    event_actors: list[tuple[int, str, int, str | None, str, str | None, str | None, str | None]]
    event_types: list[str]


def rows(record: dict[str, Any]) -> Rows:
    """Cut one record into rows (``record`` must follow the contract, schema_version 1)."""
    text = str(record.get("text") or "")
    title = record.get("title") or ""
    article = {
        "id": record["id"],
        "url": locator(record),
        "input": record.get("input"),
        "site": record.get("site"),
        "title": record.get("title"),
        "section": record.get("section"),
        "source": record.get("source"),
        "published": record.get("published"),
        "language": record.get("language"),
        "text": text,
        "record": json.dumps(record, ensure_ascii=False),
        "digest": digest(record),
    }
    found = terms(text if title and text.startswith(title) else f"{title}\n\n{text}")
    removed = [(i, str(r["text"]), str(r["reason"])) for i, r in enumerate(record["removed"])]
    entities = []
    mentions = []
    names: set[str] = set()
    for i, e in enumerate(record["entities"]):
        entities.append(
            (
                i,
                e.get("id"),
                e["name"],
                e.get("name_en"),
                e["type"],
                e.get("country"),
                e.get("code"),
                e.get("key"),
            )
        )
        for j, m in enumerate(e["mentions"]):
            mentions.append((i, j, m["start"], m["end"], m["text"], bool(m.get("nominal"))))
        for value in (e["name"], e.get("name_en"), e.get("key"), e.get("id")):
            key = _lower(value)
            if key:
                names.add(key)
    events = []
    actors = []
    for i, ev in enumerate(record["events"]):
        trigger = ev["trigger"]
        events.append(
            (
                i,
                ev["type"],
                ev.get("mode"),
                ev.get("cameo"),
                ev.get("quad_class"),
                ev.get("goldstein"),
                ev["modality"],
                trigger["text"],
                trigger["start"],
                trigger["end"],
                ev["sentence"],
                ev.get("date"),
                ev.get("location"),
                ev.get("attributed_to"),
                float(ev.get("confidence") or 0.0),
            )
        )
        for role in ("source", "target"):
            for j, a in enumerate(ev[role]):
                actors.append(
                    (
                        i,
                        role,
                        j,
                        a.get("entity"),
                        a["name"],
                        a.get("country"),
                        a.get("code"),
                        a.get("key"),
                    )
                )
    types = sorted({str(ev["type"]).lower() for ev in record["events"]})
    return Rows(article, found, removed, entities, mentions, sorted(names), events, actors, types)
