"""JSONL input: one ``{"id", "text" or "html", "url"?, "published"?}`` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from marsad.model import RawDocument
from marsad.pipeline import Dropped


def _published(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def parse_jsonl_line(line: str, *, where: str) -> RawDocument | Dropped:
    """One JSONL line as a RawDocument, or a Dropped saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Dropped(f"not valid JSON ({exc.msg} at column {exc.colno})", where)
    if not isinstance(obj, dict):
        return Dropped("a JSONL line must hold a JSON object", where)
    ident = str(obj["id"]) if obj.get("id") is not None else where
    html, text = obj.get("html"), obj.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return Dropped('the object has no "text" or "html" string', ident)
    try:
        published = _published(obj.get("published"))
    except ValueError:
        return Dropped(f'"published" is not a YYYY-MM-DD date: {obj.get("published")!r}', ident)
    url = obj.get("url")
    return RawDocument(
        input=ident,
        content=content,
        kind="html" if content is html else "text",
        url=url if isinstance(url, str) else None,
        published=published,
    )


def read_jsonl(
    handle: IO[str], *, name: str, max_line_chars: int
) -> Iterator[RawDocument | Dropped]:
    """Stream a JSONL file line by line, in bounded memory per line."""
    number = 0
    while True:
        line = handle.readline(max_line_chars + 1)
        if not line:
            return
        number += 1
        where = f"{name}:{number}"
        if len(line) > max_line_chars and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # skip the rest of the oversized line
                line = handle.readline(max_line_chars + 1)
            yield Dropped(f"line longer than {max_line_chars} characters", where)
            continue
        if line.strip():
            yield parse_jsonl_line(line, where=where)
