"""WARC and WARC.gz files built by hand: good records, refusals, and files that break."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources.warc import read_warc
from tests.sources.builders import (
    ARABIC_TITLE,
    PAGE_UTF8,
    gzip_bomb_member,
    gzip_members,
    http_response,
    sample_records,
    warc_record,
)

MB = 1024 * 1024
ID = "urn:uuid:00000000-0000-0000-0000-00000000000"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check_sample(items: list[RawDocument | Dropped], path: Path) -> None:
    doc, missing, pdf = items
    assert isinstance(doc, RawDocument)
    assert doc.input == f"{path}#{ID}2"
    assert doc.url == "https://news.example/ar/1"
    assert doc.kind == "html"
    assert doc.encoding == "cp1256"
    assert ARABIC_TITLE in doc.content
    assert missing == Dropped("HTTP 404 Not Found", f"{path}#{ID}3")
    assert pdf == Dropped("not HTML: application/pdf", f"{path}#{ID}4")


def test_warc_gives_the_html_page_and_drops_404_and_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, "crawl.warc", b"".join(sample_records()))
    _check_sample(list(read_warc(path, max_bytes=MB)), path)


def test_warc_gz_with_a_member_per_record(tmp_path: Path) -> None:
    path = _write(tmp_path, "crawl.warc.gz", gzip_members(sample_records()))
    _check_sample(list(read_warc(path, max_bytes=MB)), path)


def test_warc_gz_compressed_as_one_member(tmp_path: Path) -> None:
    path = _write(tmp_path, "crawl.warc.gz", gzip.compress(b"".join(sample_records())))
    _check_sample(list(read_warc(path, max_bytes=MB)), path)


def test_cc_news_record_with_decoded_payload_and_crawler_headers(tmp_path: Path) -> None:
    # Common Crawl stores bodies decoded and renames the coding headers.
    block = http_response(
        "200 OK",
        "text/html; charset=UTF-8",
        PAGE_UTF8,
        extra=["X-Crawler-Content-Encoding: gzip", "X-Crawler-Transfer-Encoding: chunked"],
    )
    record = warc_record(
        "response",
        block,
        uri="https://www.aljazeera.net/news/1",
        extra=["WARC-Identified-Payload-Type: text/html", "WARC-IP-Address: 192.0.2.1"],
    )
    path = _write(tmp_path, "CC-NEWS-20240301000000-00001.warc.gz", gzip_members([record]))
    (doc,) = read_warc(path, max_bytes=MB)
    assert isinstance(doc, RawDocument)
    assert doc.url == "https://www.aljazeera.net/news/1"
    assert ARABIC_TITLE in doc.content


def test_chunked_and_gzip_encoded_body_is_decoded(tmp_path: Path) -> None:
    body = gzip.compress(PAGE_UTF8)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    block = http_response(
        "200 OK",
        "text/html",
        chunked,
        extra=["Content-Encoding: gzip", "Transfer-Encoding: chunked"],
    )
    path = _write(tmp_path, "raw.warc", warc_record("response", block))
    (doc,) = read_warc(path, max_bytes=MB)
    assert isinstance(doc, RawDocument)
    assert ARABIC_TITLE in doc.content


def test_record_larger_than_the_cap_is_dropped(tmp_path: Path) -> None:
    big = warc_record("response", http_response("200 OK", "text/html", b"x" * 5000))
    path = _write(tmp_path, "big.warc", big + b"".join(sample_records()))
    items = list(read_warc(path, max_bytes=4000))
    assert items[0] == Dropped(f"larger than {4000 / MB:g} MB", f"{path}#{ID}0")
    assert isinstance(items[1], RawDocument)


def test_binary_payload_labelled_html_is_dropped(tmp_path: Path) -> None:
    record = warc_record("response", http_response("200 OK", "text/html", b"\x00\x01\x02" * 100))
    path = _write(tmp_path, "bin.warc", record)
    (item,) = read_warc(path, max_bytes=MB)
    assert item == Dropped("the payload is a binary file, not text or HTML", f"{path}#{ID}0")


def test_truncated_warc_gz_ends_with_one_dropped_saying_where(tmp_path: Path) -> None:
    records = sample_records()
    data = gzip_members(records[:3]) + gzip.compress(records[3])[:40]
    path = _write(tmp_path, "cut.warc.gz", data)
    items = list(read_warc(path, max_bytes=MB))
    assert isinstance(items[0], RawDocument)
    assert items[1] == Dropped(
        f"the WARC file breaks after record {ID}2: the file is truncated: the gzip member "
        f"that starts at byte {len(data) - 40} is cut off at byte {len(data)}, the end of "
        "the file",
        str(path),
    )
    assert len(items) == 2


def test_a_warc_gz_cut_anywhere_never_raises_mid_file(tmp_path: Path) -> None:
    data = gzip_members(sample_records())
    for cut in range(7, len(data), 23):
        path = _write(tmp_path, "cut.warc.gz", data[:cut])
        try:
            items = list(read_warc(path, max_bytes=MB))
        except InputError:
            assert cut < 40, f"raised for a file cut at byte {cut}"  # not even one header
            continue
        breaks = [i for i in items if isinstance(i, Dropped) and "breaks" in i.reason]
        assert len(breaks) <= 1, cut
        assert not breaks or items[-1] is breaks[0], cut


def test_record_longer_than_the_file_ends_it_with_one_dropped(tmp_path: Path) -> None:
    records = sample_records()
    broken = warc_record(
        "response",
        http_response("200 OK", "text/html", PAGE_UTF8),
        record_id="00000000-0000-0000-0000-000000000009",
        length=len(PAGE_UTF8) + 10_000,
    )
    path = _write(tmp_path, "long.warc", b"".join(records[:3]) + broken)
    items = list(read_warc(path, max_bytes=MB))
    assert isinstance(items[0], RawDocument)
    last = items[-1]
    assert isinstance(last, Dropped)
    assert last.input == f"{path}#{ID}9"
    assert "Content-Length is wrong" in last.reason


@pytest.mark.parametrize("length", [20, "abc"])
def test_record_with_a_broken_length_ends_the_file_with_one_dropped(
    tmp_path: Path, length: int | str
) -> None:
    records = sample_records()
    broken = warc_record(
        "response",
        http_response("200 OK", "text/html", PAGE_UTF8),
        record_id="00000000-0000-0000-0000-000000000009",
        length=length,
    )
    path = _write(tmp_path, "short.warc", b"".join(records[:3]) + broken + records[3])
    items = list(read_warc(path, max_bytes=MB))
    assert isinstance(items[0], RawDocument)
    last = items[-1]
    assert isinstance(last, Dropped)
    assert last.input == str(path)
    assert last.reason.startswith("the WARC file breaks after record")
    assert len(items) <= 3


def test_gzip_bomb_is_stopped_in_bounded_memory_and_time(tmp_path: Path) -> None:
    """A 1 GB run of zeros in a ~1 MB member, behind a record that declares all of it."""
    gib = 1024 * MB
    header = warc_record(
        "response",
        b"",
        record_id="00000000-0000-0000-0000-000000000009",
        length=gib + 60,
    )[:-4]  # no block: the zeros below are the block
    prefix = header + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    bomb = gzip_bomb_member(prefix.ljust(len(header) + 60, b" "), gib)
    assert len(bomb) < 2 * MB
    path = _write(tmp_path, "bomb.warc.gz", gzip_members(sample_records()[:3]) + bomb)
    started = time.monotonic()
    tracemalloc.start()
    try:
        items = list(read_warc(path, max_bytes=MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 64 * MB
    assert isinstance(items[0], RawDocument)
    last = items[-1]
    assert isinstance(last, Dropped)
    assert "expands more than" in last.reason


def test_file_that_is_not_a_warc_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.warc", b"<html><body>not an archive</body></html>")
    with pytest.raises(InputError, match="not a WARC file"):
        list(read_warc(path, max_bytes=MB))


def test_gzip_file_that_is_not_a_warc_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.warc.gz", gzip.compress(b"<html>nope</html>"))
    with pytest.raises(InputError, match="not a WARC file"):
        list(read_warc(path, max_bytes=MB))


def test_empty_and_missing_files_raise(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is empty"):
        list(read_warc(_write(tmp_path, "empty.warc", b""), max_bytes=MB))
    with pytest.raises(InputError, match="no such file"):
        list(read_warc(tmp_path / "nowhere.warc.gz", max_bytes=MB))
