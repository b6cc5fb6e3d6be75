"""RSS 2.0 and Atom feeds with Arabic titles: items, dates, links fetched, broken XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources.feeds import (
    looks_like_feed,
    parse_feed,
    read_feed_file,
    read_feed_url,
)
from marsad.sources.http import Fetcher
from tests.sources.builders import ARABIC_TITLE, BROKEN_XML, PAGE_UTF8, atom, rss
from tests.sources.server import NewsServer

MB = 1024 * 1024
BASE = "https://news.example"


def test_rss_items_keep_titles_links_and_the_date_as_written() -> None:
    items = parse_feed(rss(BASE), name="feed.rss", base_url=f"{BASE}/feed.rss")
    assert [i.title for i in items][:2] == [ARABIC_TITLE, "وزير الخارجية يزور القاهرة"]
    assert items[0].link == f"{BASE}/ar?item=1"
    assert items[1].link == f"{BASE}/ar?item=2"  # relative link resolved against the feed
    # 01:30 at +03:00 is still the 20th where it was published (the 19th in UTC)
    assert items[0].published == date(2015, 11, 20)
    assert items[1].published == date(2015, 11, 21)
    assert items[2].link is None and items[2].published is None


def test_atom_entries() -> None:
    items = parse_feed(atom(BASE), name="feed.atom")
    assert [i.title for i in items] == [ARABIC_TITLE, "مقال بلا تاريخ"]
    assert items[0].link == f"{BASE}/ar?entry=1"
    assert items[0].published == date(2015, 11, 22)
    assert items[1].published is None


def test_broken_xml_raises_with_the_xml_error() -> None:
    with pytest.raises(InputError, match=r"broken\.xml is not a valid RSS or Atom feed: .+"):
        parse_feed(BROKEN_XML.encode(), name="broken.xml")


def test_a_page_is_not_a_feed() -> None:
    assert not looks_like_feed(PAGE_UTF8)
    assert looks_like_feed(rss(BASE)) and looks_like_feed(atom(BASE))
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(PAGE_UTF8, name="page.html")


def test_a_feed_cut_short_still_gives_the_items_before_the_break() -> None:
    data = rss(BASE)
    cut = data[: data.index(b"<item>", data.index(b"</item>"))]
    items = parse_feed(cut, name="cut.rss")
    assert [i.title for i in items] == [ARABIC_TITLE]


def test_feed_file_items_are_fetched_with_their_dates(
    tmp_path: Path, server: NewsServer, fetcher: Fetcher
) -> None:
    path = tmp_path / "news.rss"
    path.write_bytes(rss(server.base))
    results = list(read_feed_file(path, fetcher=fetcher, max_bytes=MB))
    first, relative, no_link, missing, twice = results
    assert isinstance(first, RawDocument)
    assert first.input == server.url("/ar?item=1")
    assert first.published == date(2015, 11, 20)
    assert ARABIC_TITLE in first.content
    # a relative link in a local file has no base to resolve against
    assert isinstance(relative, Dropped) and "not an http(s) URL" in relative.reason
    assert no_link == Dropped("the feed item has no link", f"{path}#item3")
    assert missing == Dropped("HTTP 404 Not Found", server.url("/missing"))
    assert twice == Dropped("the feed lists this link twice", server.url("/ar?item=1"))


def test_feed_url_resolves_relative_links(server: NewsServer, fetcher: Fetcher) -> None:
    results = list(read_feed_url(server.url("/feed.rss"), fetcher=fetcher))
    relative = results[1]
    assert isinstance(relative, RawDocument)
    assert relative.input == server.url("/ar?item=2")
    assert relative.published == date(2015, 11, 21)


def test_atom_feed_url(server: NewsServer, fetcher: Fetcher) -> None:
    first, second = read_feed_url(server.url("/feed.atom"), fetcher=fetcher)
    assert isinstance(first, RawDocument) and first.published == date(2015, 11, 22)
    assert isinstance(second, RawDocument) and second.kind == "text"


def test_broken_feed_url_is_one_dropped(server: NewsServer, fetcher: Fetcher) -> None:
    (result,) = read_feed_url(server.url("/broken.xml"), fetcher=fetcher)
    assert isinstance(result, Dropped)
    assert "not a valid RSS or Atom feed" in result.reason


def test_missing_and_oversized_feed_files_raise(tmp_path: Path, fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_feed_file(tmp_path / "none.rss", fetcher=fetcher, max_bytes=MB))
    path = tmp_path / "big.rss"
    path.write_bytes(rss(BASE))
    with pytest.raises(InputError, match="more than"):
        list(read_feed_file(path, fetcher=fetcher, max_bytes=100))
