"""WARC and WARC.gz files (web archives, Common Crawl CC-NEWS) as documents.

Only ``response`` records of HTTP 200 HTML pages become documents; every other response
comes out as a Dropped saying why. A file that breaks part-way (truncated, corrupt, a
record whose length is wrong, a gzip bomb) ends with one Dropped saying where.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from marsad.errors import InputError
from marsad.extract.decode import decode
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources._gzip import GzipStream, TruncatedGzip
from marsad.sources._payload import HTML_TYPES, decode_body, media_type, megabytes

#: File name endings read as web archives.
WARC_SUFFIXES = (".warc", ".warc.gz")

Item = RawDocument | Dropped


def is_warc_name(name: str) -> bool:
    """True for a file name that ends in .warc or .warc.gz."""
    return name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class _Record:
    """What a response record holds, read before its payload."""

    input: str
    url: str | None
    status: int | None
    reason: str | None
    content_type: str | None
    charset: str | None
    length: int
    transfer_encoding: str | None
    content_encoding: str | None


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """Documents in a WARC or WARC.gz file: one per HTTP 200 HTML response record."""
    name = str(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    with handle:
        compressed = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        _check_start(handle, name=name, compressed=compressed)
        handle.seek(0)
        stream: BinaryIO | GzipStream = GzipStream(handle, name=name) if compressed else handle
        yield from _documents(stream, name=name, max_bytes=max_bytes)


def _check_start(handle: BinaryIO, *, name: str, compressed: bool) -> None:
    try:
        head = GzipStream(handle, name=name).read(5) if compressed else handle.read(5)
    except TruncatedGzip:
        head = b""  # reading the records says where it breaks
    except InputError as exc:
        raise InputError(f"{name} is not a WARC.gz file: {exc.message}") from None
    if not head and not compressed:
        raise InputError(f"{name} is empty")
    if head and head != b"WARC/":
        raise InputError(
            f"{name} is not a WARC file: it does not start with a WARC/1.x record header"
        )


def _documents(stream: BinaryIO | GzipStream, *, name: str, max_bytes: int) -> Iterator[Item]:
    records = iter(
        ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            stream_detect=False,
        )
    )
    last = "the start of the file"
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            meta = _describe(record, name)
            refusal = _refusal(meta, max_bytes)
            payload = b"" if refusal else _read_payload(record, max_bytes)
        except (OSError, InputError, ValueError) as exc:
            message = exc.message if isinstance(exc, InputError) else str(exc)
            yield Dropped(f"the WARC file breaks after {last}: {message}", name)
            return
        last = f"record {meta.input.rpartition('#')[2]}"
        if refusal is not None:
            yield Dropped(refusal, meta.input)
            continue
        if len(payload) < min(meta.length, max_bytes + 1):
            yield Dropped(
                f"the record ends after {len(payload)} of its {meta.length} payload bytes: "
                "the file is truncated or the record's Content-Length is wrong, so reading "
                "stops here",
                meta.input,
            )
            return
        yield _document(meta, payload, max_bytes)


def _describe(record: WarcRecord, name: str) -> _Record:
    ident = (record.record_id or "").strip("<>")
    http = record.http_headers if record.is_http else None
    content_type = record.http_content_type if http is not None else None
    if not content_type:
        content_type = record.headers.get("WARC-Identified-Payload-Type")
    return _Record(
        input=f"{name}#{ident or record.stream_pos}",
        url=record.headers.get("WARC-Target-URI"),
        status=http.status_code if http is not None else None,
        reason=http.reason_phrase if http is not None else None,
        content_type=media_type(content_type),
        charset=record.http_charset if http is not None else None,
        length=record.content_length,
        transfer_encoding=http.get("Transfer-Encoding") if http is not None else None,
        content_encoding=http.get("Content-Encoding") if http is not None else None,
    )


def _refusal(meta: _Record, max_bytes: int) -> str | None:
    if meta.status is None:
        return "the record holds no HTTP response"
    if meta.status != 200:
        return f"HTTP {meta.status} {meta.reason or ''}".rstrip()
    if meta.content_type not in HTML_TYPES:
        return f"not HTML: {meta.content_type or 'no Content-Type'}"
    if meta.length > max_bytes:
        return f"larger than {megabytes(max_bytes)}"
    return None


def _read_payload(record: WarcRecord, max_bytes: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        piece = record.reader.read(max_bytes + 1 - size)
        if not piece:
            break
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


def _document(meta: _Record, payload: bytes, max_bytes: int) -> Item:
    try:
        body = decode_body(
            payload,
            limit=max_bytes,
            transfer_encoding=meta.transfer_encoding,
            content_encoding=meta.content_encoding,
            lenient=True,
        )
        text, encoding = decode(body, name="the payload", declared=meta.charset)
    except InputError as exc:
        return Dropped(exc.message, meta.input)
    return RawDocument(input=meta.input, content=text, kind="html", url=meta.url, encoding=encoding)
