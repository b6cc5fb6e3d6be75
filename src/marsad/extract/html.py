"""HTML pages: main text and metadata by trafilatura, then the Arabic line classifier."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import trafilatura

from marsad.errors import ExtractionError
from marsad.extract.textdump import TextDumpClassifier
from marsad.model import Article

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p\b)", re.I)


def looks_like_html(text: str) -> bool:
    """True when a document starts like an HTML page or fragment."""
    return bool(_HTML_START.match(text[:512]))


def _as_dict(result: Any) -> dict[str, Any]:
    data = result if isinstance(result, dict) else result.as_dict()
    return dict(data)


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class HtmlArticleReader:
    """Extracts an Article from an HTML page."""

    def __init__(self, classifier: TextDumpClassifier) -> None:
        self.classifier = classifier

    def read(self, html: str, *, input: str, url: str | None, published: date | None) -> Article:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
        meta: dict[str, Any] = {} if result is None else _as_dict(result)
        body = meta.get("text") or ""
        if not body.strip():
            raise ExtractionError("no main text found in the HTML page", document=input)
        title = (meta.get("title") or "").strip()
        dump = f"{title}\n\n{body}" if title else body
        article = self.classifier.classify(dump, input=input, published=published)
        authors = tuple(a.strip() for a in (meta.get("author") or "").split(";") if a.strip())
        categories = meta.get("categories") or []
        section = ", ".join(categories) if categories else article.section
        return Article(
            input=input,
            blocks=article.blocks,
            removed=article.removed,
            url=url or meta.get("url"),
            site=meta.get("sitename"),
            section=section,
            authors=authors or article.authors,
            source=article.source,
            published=published or _iso_date(meta.get("date")) or article.published,
        )
