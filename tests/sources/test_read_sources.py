"""read_sources: one entry point that picks the reader for every kind of argument."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from marsad.config import Settings
from marsad.errors import InputError
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources import read_sources
from marsad.sources.http import Fetcher
from tests.sources.builders import (
    ARABIC_BODY,
    ARABIC_TITLE,
    BROKEN_XML,
    PAGE_UTF8,
    gzip_members,
    rss,
    sample_records,
)
from tests.sources.server import NewsServer

SETTINGS = Settings(max_document_bytes=1024 * 1024)
ID = "urn:uuid:00000000-0000-0000-0000-00000000000"


def _read(
    args: list[str], fetcher: Fetcher, published: date | None = None
) -> list[RawDocument | Dropped]:
    return list(read_sources(args, settings=SETTINGS, fetcher=fetcher, published=published))


def test_a_directory_of_every_kind_of_file(
    tmp_path: Path, server: NewsServer, fetcher: Fetcher
) -> None:
    (tmp_path / "a-page.html").write_bytes(PAGE_UTF8)
    (tmp_path / "b-dump.txt").write_text(f"{ARABIC_TITLE}\n\n{ARABIC_BODY}\n", "utf-8")
    (tmp_path / "c-crawl.warc.gz").write_bytes(gzip_members(sample_records()))
    (tmp_path / "d-scrape.jsonl").write_text(
        json.dumps({"url": "https://news.example/j", "html": PAGE_UTF8.decode()}), "utf-8"
    )
    (tmp_path / "e-news.rss").write_bytes(rss(server.base))
    (tmp_path / "f-links.urls").write_text(f"# to read\n{server.url('/text')}\n\n", "utf-8")
    (tmp_path / "g-broken.warc").write_bytes(b"not an archive")
    (tmp_path / "h-backup.tar.gz").write_bytes(b"\x1f\x8b ignored")
    results = _read([str(tmp_path)], fetcher)
    inputs = [r.input for r in results]
    assert inputs[:5] == [
        str(tmp_path / "a-page.html"),
        str(tmp_path / "b-dump.txt"),
        f"{tmp_path / 'c-crawl.warc.gz'}#{ID}2",
        f"{tmp_path / 'c-crawl.warc.gz'}#{ID}3",
        f"{tmp_path / 'c-crawl.warc.gz'}#{ID}4",
    ]
    assert inputs[6] == server.url("/ar?item=1")  # after the JSONL line, the feed's items
    assert inputs[-2:] == [server.url("/text"), str(tmp_path / "g-broken.warc")]
    assert isinstance(results[-1], Dropped) and "not a WARC file" in results[-1].reason
    kinds = {r.input: r.kind for r in results if isinstance(r, RawDocument)}
    assert kinds[str(tmp_path / "a-page.html")] == "html"
    assert kinds[f"{tmp_path / 'd-scrape.jsonl'}:1"] == "html"
    assert not any("backup" in i for i in inputs)


def test_urls_of_a_page_and_of_feeds(server: NewsServer, fetcher: Fetcher) -> None:
    results = _read(
        [server.url("/ar"), server.url("/feed.atom"), server.url("/feed-as-text")], fetcher
    )
    page, atom_first, atom_second, *rss_items = results
    assert isinstance(page, RawDocument) and ARABIC_TITLE in page.content
    assert isinstance(atom_first, RawDocument) and atom_first.published == date(2015, 11, 22)
    assert isinstance(atom_second, RawDocument)
    assert rss_items[0].input == server.url("/ar?item=1")  # sniffed: served as text/plain
    assert len(rss_items) == 5


def test_failing_urls_are_dropped_and_the_batch_goes_on(
    server: NewsServer, fetcher: Fetcher
) -> None:
    results = _read([server.url("/missing"), server.url("/broken.xml"), server.url("/ar")], fetcher)
    missing, broken, page = results
    assert missing == Dropped("HTTP 404 Not Found", server.url("/missing"))
    assert isinstance(broken, Dropped) and "not a valid RSS or Atom feed" in broken.reason
    assert isinstance(page, RawDocument)


def test_a_txt_file_of_urls_is_fetched_and_a_text_dump_is_read(
    tmp_path: Path, server: NewsServer, fetcher: Fetcher
) -> None:
    urls = tmp_path / "today.txt"
    urls.write_text(f"# morning\n{server.url('/ar')}\n{server.url('/text')}\n", "utf-8")
    dump = tmp_path / "article.txt"
    dump.write_text(f"{server.url('/ar')}\n{ARABIC_BODY}\n", "utf-8")
    results = _read([str(urls), str(dump)], fetcher, published=date(2015, 11, 20))
    assert [r.input for r in results] == [server.url("/ar"), server.url("/text"), str(dump)]
    assert isinstance(results[2], RawDocument) and results[2].published == date(2015, 11, 20)


def test_url_list_lines_that_are_not_urls_are_dropped(
    tmp_path: Path, server: NewsServer, fetcher: Fetcher
) -> None:
    path = tmp_path / "links.urls"
    path.write_text(f"{server.url('/ar')}\nnews.example/no-scheme\n", "utf-8")
    page, bad = _read([str(path)], fetcher)
    assert isinstance(page, RawDocument)
    assert bad == Dropped("not an http(s) URL: news.example/no-scheme", f"{path}:2")


def test_a_warc_without_its_suffix_is_sniffed(tmp_path: Path, fetcher: Fetcher) -> None:
    path = tmp_path / "crawl-0001"
    path.write_bytes(b"".join(sample_records()))
    first = _read([str(path)], fetcher)[0]
    assert first.input == f"{path}#{ID}2"


def test_standard_input(monkeypatch: pytest.MonkeyPatch, fetcher: Fetcher) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARABIC_BODY.encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", stdin)
    (doc,) = _read(["-"], fetcher)
    assert isinstance(doc, RawDocument) and doc.content == ARABIC_BODY


def test_sources_that_cannot_be_opened_raise(tmp_path: Path, fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        _read([str(tmp_path / "nowhere.html")], fetcher)
    with pytest.raises(InputError, match="only http:// and https://"):
        _read(["ftp://news.example/feed.xml"], fetcher)
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN_XML, "utf-8")
    with pytest.raises(InputError, match="not a valid RSS or Atom feed"):
        _read([str(broken)], fetcher)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles found"):
        _read([str(tmp_path / "empty")], fetcher)


def test_a_fetcher_is_made_from_the_settings_when_none_is_given(server: NewsServer) -> None:
    (doc,) = read_sources([server.url("/ar")], settings=SETTINGS)
    assert isinstance(doc, RawDocument) and doc.encoding == "cp1256"
