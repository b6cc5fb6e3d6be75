"""Bodies and gzip streams: chunked coding, content codings and bombs, all bounded."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest

from marsad.errors import InputError
from marsad.sources._gzip import GzipStream, TruncatedGzip
from marsad.sources._payload import (
    ContentDecoder,
    charset,
    dechunk,
    decode_body,
    media_type,
)
from tests.sources.builders import gzip_bomb_member

MB = 1024 * 1024


def test_content_type_parts() -> None:
    assert media_type("Text/HTML; charset=Windows-1256") == "text/html"
    assert charset('text/html; charset="windows-1256"') == "windows-1256"
    assert media_type(None) is None and charset("text/html") is None


def test_dechunk() -> None:
    assert dechunk(b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n") == b"Wikipedia"
    assert dechunk(b"<html>already dechunked</html>") == b"<html>already dechunked</html>"
    with pytest.raises(InputError, match="ends inside a chunk"):
        dechunk(b"ff\r\nshort")


@pytest.mark.parametrize(
    "coding, encode",
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as IIS sends it
        (None, lambda data: data),
    ],
)
def test_content_codings(coding: str | None, encode: object) -> None:
    body = "نص عربي".encode() * 100
    assert callable(encode)
    assert decode_body(encode(body), limit=MB, content_encoding=coding) == body


def test_decoder_stops_a_bomb_at_the_limit_in_bounded_memory() -> None:
    bomb = gzip.compress(bytes(50 * MB), 1)
    decoder = ContentDecoder("gzip", limit=MB)
    with pytest.raises(InputError, match="larger than 1 MB"):
        for start in range(0, len(bomb), 4096):
            assert len(decoder.feed(bomb[start : start + 4096])) <= MB + 1


def test_unknown_and_broken_codings() -> None:
    with pytest.raises(InputError, match="unsupported Content-Encoding: br"):
        ContentDecoder("br", limit=MB)
    with pytest.raises(InputError, match="broken gzip"):
        decode_body(b"\x1f\x8bnot really gzip", limit=MB, content_encoding="gzip")
    # archives keep the header of bodies they stored decoded
    assert decode_body(b"<p>plain</p>", limit=MB, content_encoding="gzip", lenient=True) == (
        b"<p>plain</p>"
    )


def _read_all(stream: GzipStream) -> bytes:
    parts = []
    while piece := stream.read(1000):
        parts.append(piece)
    return b"".join(parts)


def test_gzip_stream_reads_concatenated_members() -> None:
    data = gzip.compress(b"first ") + gzip.compress(b"second")
    assert _read_all(GzipStream(io.BytesIO(data), name="t")) == b"first second"


def test_gzip_stream_reports_truncation_and_corruption_with_offsets() -> None:
    first = gzip.compress(b"one " * 100)
    second = gzip.compress(b"two " * 100)
    with pytest.raises(TruncatedGzip, match=f"starts at byte {len(first)} is cut off"):
        _read_all(GzipStream(io.BytesIO(first + second[:20]), name="t"))
    with pytest.raises(InputError, match=f"corrupt gzip data .* byte {len(first)}"):
        _read_all(GzipStream(io.BytesIO(first + b"garbage after the member"), name="t"))


def test_gzip_stream_refuses_a_member_that_expands_too_far() -> None:
    bomb = gzip_bomb_member(b"", 64 * MB)
    stream = GzipStream(io.BytesIO(bomb), name="t", floor=4 * MB)
    with pytest.raises(InputError, match="expands more than 200 times"):
        _read_all(stream)
    assert stream.tell() <= 5 * MB
