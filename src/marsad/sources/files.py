"""Files, directories and standard input as documents."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.extract.decode import decode
from marsad.model import InputKind, RawDocument
from marsad.pipeline import Dropped
from marsad.sources.jsonl import parse_jsonl_line, read_jsonl

#: File name endings read from a directory, and how each is read.
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

Item = RawDocument | Dropped


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{name} is {_mb(size)}, more than the {_mb(limit)} one document may have; "
        "split it, pass it as JSONL (one document per line), or raise max_document_bytes "
        "(MARSAD_MAX_DOCUMENT_BYTES)"
    )


def _kind(path: Path) -> InputKind:
    suffix = path.suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else "auto"


def _looks_jsonl(head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


def read_file(path: Path, *, max_bytes: int, published: date | None = None) -> Iterator[Item]:
    """Documents in one file: a text dump or HTML page, or many if it is JSONL."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    if path.suffix.lower() in JSONL_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES and _looks_jsonl(head)
    ):
        yield from _jsonl_file(path, max_bytes=max_bytes, published=published)
        return
    if size > max_bytes:
        raise _too_large(name, size, max_bytes)
    text, encoding = decode(path.read_bytes(), name=name)
    yield RawDocument(
        input=name,
        content=text,
        kind=_kind(path),
        published=published,
        encoding=encoding,
    )


def _jsonl_file(path: Path, *, max_bytes: int, published: date | None) -> Iterator[Item]:
    with path.open("rb") as raw:
        head = raw.read(8192)
        if not head.strip():
            raise InputError(f"{path} is empty")
        raw.seek(0)
        handle = io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        for item in read_jsonl(handle, name=str(path), max_line_chars=max_bytes):
            yield _with_default_date(item, published)


def _with_default_date(item: Item, published: date | None) -> Item:
    if isinstance(item, RawDocument) and item.published is None and published is not None:
        return RawDocument(item.input, item.content, item.kind, item.url, published, item.encoding)
    return item


def read_directory(path: Path, *, max_bytes: int, published: date | None = None) -> Iterator[Item]:
    """Every readable file under a directory, in name order."""
    files = sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES
    )
    if not files:
        raise InputError(
            f"{path}: no articles found (looked for {', '.join(READABLE_SUFFIXES)} files)"
        )
    for file in files:
        try:
            yield from read_file(file, max_bytes=max_bytes, published=published)
        except InputError as exc:
            yield Dropped(exc.message, str(file))


def read_stream(
    stream: BinaryIO, *, max_bytes: int, published: date | None = None
) -> Iterator[Item]:
    """Standard input: one document, or JSONL when it starts with an object."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"standard input holds more than {_mb(max_bytes)}; pass a file, or JSONL with one "
            "document per line"
        )
    if _looks_jsonl(data):
        text, _ = decode(data, name="standard input")
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                item = parse_jsonl_line(line, where=f"-:{number}")
                yield _with_default_date(item, published)
        return
    text, encoding = decode(data, name="standard input")
    yield RawDocument(input="-", content=text, published=published, encoding=encoding)


def read_inputs(
    paths: list[str], *, max_bytes: int, published: date | None = None
) -> Iterator[Item]:
    """Documents from paths, directories, or ``-`` for standard input."""
    for arg in paths:
        if arg == "-":
            yield from read_stream(sys.stdin.buffer, max_bytes=max_bytes, published=published)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from read_directory(path, max_bytes=max_bytes, published=published)
        else:
            yield from read_file(path, max_bytes=max_bytes, published=published)
