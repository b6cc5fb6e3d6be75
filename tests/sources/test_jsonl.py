"""JSONL with ``{url, html}`` and ``{url, text}`` lines, as web scrapers write them."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources.files import read_file
from tests.sources.builders import ARABIC_TITLE, PAGE_UTF8

MB = 1024 * 1024


def test_url_and_html_lines_are_html_documents(tmp_path: Path) -> None:
    html = PAGE_UTF8.decode()
    lines = [
        {"url": "https://news.example/1", "html": html},
        {"url": "https://news.example/2", "text": "نص الخبر كما هو."},
        {"url": "https://news.example/3", "html": "   "},
        {"url": "https://news.example/4", "html": "", "text": "نص بديل."},
    ]
    path = tmp_path / "scrape.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    first, second, empty, fallback = read_file(path, max_bytes=MB)
    assert isinstance(first, RawDocument)
    assert (first.kind, first.url, first.input) == ("html", "https://news.example/1", f"{path}:1")
    assert ARABIC_TITLE in first.content
    assert isinstance(second, RawDocument)
    assert (second.kind, second.url) == ("text", "https://news.example/2")
    assert empty == Dropped('the object has no "text" or "html" string', f"{path}:3")
    assert isinstance(fallback, RawDocument) and fallback.kind == "text"
