"""Sources: every way news arrives, read as RawDocuments, or Dropped with the reason.

:func:`read_sources` takes command-line arguments and picks the reader for each: ``-``
(standard input), a directory, a WARC or WARC.gz file, JSONL, an RSS/Atom file, a file of
URLs, an http(s) URL of a page or a feed, or any other text or HTML file. One bad item is
a Dropped and the batch goes on; a source that cannot be opened at all raises InputError.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from marsad.config import Settings
from marsad.errors import InputError
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources._payload import FEED_TYPES
from marsad.sources.feeds import (
    FEED_SUFFIXES,
    fetched_feed_documents,
    looks_like_feed,
    read_feed_file,
    read_feed_url,
)
from marsad.sources.files import READABLE_SUFFIXES, TEXT_SUFFIXES, read_file, read_stream
from marsad.sources.http import Fetcher, FetchPolicy, fetch_urls, to_document
from marsad.sources.urls import (
    URL_LIST_SUFFIXES,
    is_http_url,
    looks_like_url_list,
    read_url_list,
)
from marsad.sources.warc import is_warc_name, read_warc

__all__ = [
    "FetchPolicy",
    "Fetcher",
    "fetch_urls",
    "read_feed_file",
    "read_feed_url",
    "read_sources",
    "read_url_list",
    "read_warc",
]

Item = RawDocument | Dropped

#: File name endings read from a directory.
DIRECTORY_SUFFIXES = (*READABLE_SUFFIXES, ".warc", ".gz", *FEED_SUFFIXES, *URL_LIST_SUFFIXES)


class _Fetchers:
    """The caller's Fetcher, or one made from the settings the first time a URL comes up."""

    def __init__(self, settings: Settings, given: Fetcher | None) -> None:
        self._settings = settings
        self._given = given
        self._own: Fetcher | None = None

    def get(self) -> Fetcher:
        if self._given is not None:
            return self._given
        if self._own is None:
            self._own = Fetcher(FetchPolicy.from_settings(self._settings))
        return self._own

    def close(self) -> None:
        if self._own is not None:
            self._own.close()


def read_sources(
    args: list[str],
    *,
    settings: Settings,
    fetcher: Fetcher | None = None,
    published: date | None = None,
) -> Iterator[Item]:
    """Documents from every argument, in order; ``published`` is the date for undated files."""
    fetchers = _Fetchers(settings, fetcher)
    try:
        for arg in args:
            yield from _read_source(arg, settings, fetchers, published)
    finally:
        fetchers.close()


def _read_source(
    arg: str, settings: Settings, fetchers: _Fetchers, published: date | None
) -> Iterator[Item]:
    max_bytes = settings.max_document_bytes
    if arg == "-":
        yield from read_stream(sys.stdin.buffer, max_bytes=max_bytes, published=published)
    elif is_http_url(arg):
        yield from _read_url(arg, fetchers.get(), published)
    elif "://" in arg:
        raise InputError(f"{arg}: only http:// and https:// URLs can be fetched")
    elif Path(arg).is_dir():
        yield from _read_directory(Path(arg), settings, fetchers, published)
    elif not Path(arg).exists():
        raise InputError(f"{arg}: no such file or directory")
    else:
        yield from _read_path(Path(arg), settings, fetchers, published)


def _read_url(url: str, fetcher: Fetcher, published: date | None) -> Iterator[Item]:
    """A page, or the articles of a feed when the URL serves one."""
    fetched = fetcher.fetch(url)
    if isinstance(fetched, Dropped):
        yield fetched
    elif fetched.content_type in FEED_TYPES or looks_like_feed(fetched.body):
        yield from fetched_feed_documents(fetched, fetcher=fetcher)
    else:
        yield to_document(fetched, published=published)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(2048)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _read_path(
    path: Path, settings: Settings, fetchers: _Fetchers, published: date | None
) -> Iterator[Item]:
    max_bytes = settings.max_document_bytes
    suffix = path.suffix.lower()
    head = _head(path)
    if is_warc_name(path.name) or head.startswith(b"WARC/"):
        yield from read_warc(path, max_bytes=max_bytes)
    elif suffix in FEED_SUFFIXES or (suffix not in READABLE_SUFFIXES and looks_like_feed(head)):
        yield from read_feed_file(path, fetcher=fetchers.get(), max_bytes=max_bytes)
    elif suffix in URL_LIST_SUFFIXES or (
        suffix in (*TEXT_SUFFIXES, "") and looks_like_url_list(path)
    ):
        yield from fetchers.get().fetch_urls(read_url_list(path))
    else:
        yield from read_file(path, max_bytes=max_bytes, published=published)


def _read_directory(
    path: Path, settings: Settings, fetchers: _Fetchers, published: date | None
) -> Iterator[Item]:
    """Every readable file under a directory, in name order; a bad file is a Dropped."""
    files = sorted(
        p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(DIRECTORY_SUFFIXES)
    )
    files = [p for p in files if p.suffix.lower() != ".gz" or is_warc_name(p.name)]
    if not files:
        raise InputError(
            f"{path}: no articles found (looked for {', '.join(DIRECTORY_SUFFIXES)} files)"
        )
    for file in files:
        try:
            yield from _read_path(file, settings, fetchers, published)
        except InputError as exc:
            yield Dropped(exc.message, str(file))
