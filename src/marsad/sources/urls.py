"""URLs and URL-list files (one URL per line, ``#`` comments)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from marsad.errors import InputError
from marsad.pipeline import Dropped

#: File name endings that always mean a URL list.
URL_LIST_SUFFIXES = (".urls",)
#: Longest line read as a URL; longer lines are not URLs.
MAX_URL_CHARS = 8192


def is_http_url(text: str) -> bool:
    """True for an absolute http:// or https:// URL with a host and no spaces."""
    if not text or len(text) > MAX_URL_CHARS or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines that are neither blank nor comments, stripped."""
    try:
        handle = path.open("r", encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    with handle:
        number = 0
        while True:
            line = handle.readline(MAX_URL_CHARS + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_URL_CHARS and not line.endswith("\n"):
                while line and not line.endswith("\n"):  # skip the rest of a long line
                    line = handle.readline(MAX_URL_CHARS + 1)
                yield number, "(a line longer than a URL may be)"
                continue
            text = line.strip()
            if text and not text.startswith("#"):
                yield number, text


def looks_like_url_list(path: Path) -> bool:
    """True when every line of a file that is not blank or a comment is an http(s) URL."""
    seen = False
    for _, text in _lines(path):
        if not is_http_url(text):
            return False
        seen = True
    return seen


def read_url_list(path: Path) -> Iterator[str | Dropped]:
    """The URLs in a URL-list file, and a Dropped for each line that is not one."""
    for number, text in _lines(path):
        if is_http_url(text):
            yield text
        else:
            yield Dropped(f"not an http(s) URL: {text[:200]}", f"{path}:{number}")
