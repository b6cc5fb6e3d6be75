"""RSS and Atom feeds, from a file or a URL: each item's link is fetched as a document.

The item's date becomes the document's publication date. A feed that breaks part-way
still gives the items before the break; one that yields no items and does not parse is
an InputError naming the XML error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser

from marsad.errors import InputError
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources._payload import megabytes
from marsad.sources.http import Fetched, Fetcher
from marsad.sources.urls import is_http_url

#: File name endings read as feeds.
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
#: feedparser's complaints that do not mean the XML is broken (a served-as type, a charset).
_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)

Item = RawDocument | Dropped


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: where the article is, its title and date."""

    position: int
    link: str | None
    title: str | None
    published: date | None


def looks_like_feed(data: bytes) -> bool:
    """True when the first 2 KB open an RSS, Atom or RDF document rather than a page."""
    head = data[:2048]
    return _FEED_ROOT.search(head) is not None and b"<html" not in head.lower()


def parse_feed(
    data: bytes, *, name: str, base_url: str | None = None, content_type: str | None = None
) -> list[FeedItem]:
    """The items of an RSS or Atom feed. Raises InputError when it is not a feed at all."""
    headers = {
        key: value
        for key, value in (("content-location", base_url), ("content-type", content_type))
        if value
    }
    # Always bytes: given a string, feedparser would fetch it as a URL itself.
    parsed: Any = feedparser.parse(bytes(data), response_headers=headers)
    entries: list[Any] = list(parsed.get("entries", []))
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(error, _HARMLESS):
        # After an XML error feedparser's loose parser may invent items; keep real ones.
        entries = [entry for entry in entries if entry.get("link")]
        if not entries:
            raise InputError(f"{name} is not a valid RSS or Atom feed: {error}")
    if not entries and not parsed.get("version"):
        raise InputError(f"{name} is not an RSS or Atom feed")
    return [_item(number, entry) for number, entry in enumerate(entries, 1)]


def _item(position: int, entry: Any) -> FeedItem:
    link = entry.get("link")
    title = entry.get("title")
    return FeedItem(
        position=position,
        link=link.strip() if isinstance(link, str) and link.strip() else None,
        title=title if isinstance(title, str) else None,
        published=_published(entry),
    )


def _published(entry: Any) -> date | None:
    """The item's date as written (local to the outlet), else feedparser's UTC date."""
    for key in ("published", "updated", "created"):
        written = _written_date(entry.get(key))
        if written is not None:
            return written
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _written_date(value: Any) -> date | None:
    # feedparser's *_parsed is in UTC, which moves a 01:00 +03:00 article to the day before.
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def feed_documents(
    items: list[FeedItem], *, name: str, fetcher: Fetcher
) -> Iterator[RawDocument | Dropped]:
    """Fetch each item's link; the item's date becomes the document's ``published``."""
    seen: set[str] = set()
    for item in items:
        where = f"{name}#item{item.position}"
        if item.link is None:
            yield Dropped("the feed item has no link", where)
        elif not is_http_url(item.link):
            yield Dropped(f"the feed item's link is not an http(s) URL: {item.link}", where)
        elif item.link in seen:
            yield Dropped("the feed lists this link twice", item.link)
        else:
            seen.add(item.link)
            yield fetcher.fetch_document(item.link, published=item.published)


def read_feed_file(path: Path, *, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    """The articles a local RSS or Atom file links to."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{name} is {megabytes(size)}, more than {megabytes(max_bytes)}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    items = parse_feed(data, name=name)
    yield from feed_documents(items, name=name, fetcher=fetcher)


def read_feed_url(url: str, *, fetcher: Fetcher) -> Iterator[Item]:
    """The articles a feed at a URL links to; a feed that cannot be had is one Dropped."""
    fetched = fetcher.fetch(url)
    if isinstance(fetched, Dropped):
        yield fetched
        return
    yield from fetched_feed_documents(fetched, fetcher=fetcher)


def fetched_feed_documents(fetched: Fetched, *, fetcher: Fetcher) -> Iterator[Item]:
    """The articles a fetched feed links to; a body that is not a feed is one Dropped."""
    content_type = fetched.content_type or ""
    if fetched.charset:
        content_type += f"; charset={fetched.charset}"
    try:
        items = parse_feed(
            fetched.body, name=fetched.url, base_url=fetched.final_url, content_type=content_type
        )
    except InputError as exc:
        yield Dropped(exc.message, fetched.url)
        return
    yield from feed_documents(items, name=fetched.url, fetcher=fetcher)
