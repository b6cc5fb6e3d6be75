"""Bytes to text: BOMs, UTF-8, and the legacy Arabic code pages, with binary data refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from marsad.errors import InputError
from marsad.extract.lines import arabic_share

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Legacy code pages of Arabic pages and files, tried when the bytes are not UTF-8.
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs, many control bytes)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(4, len(sample) // 100)


def decode(data: bytes, *, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a document's bytes; returns (text, encoding). Raises InputError for non-text.

    A byte-order mark wins, then valid UTF-8, then the ``declared`` charset (an HTTP
    header's) or an HTML ``<meta charset>``, then the legacy Arabic code pages and
    charset-normalizer's guess, whichever reads as the most Arabic text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding
    if not data.strip():
        raise InputError(f"{name} is empty")
    if looks_binary(data):
        raise InputError(f"{name} is a binary file, not text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for candidate in (declared, meta_charset(data)):
        codec = _known_codec(candidate)
        if codec and codec != "utf-8":
            return data.decode(codec, errors="replace"), codec
    return _decode_legacy(data, name)


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _known_codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # Pages labelled ISO-8859-1 or windows-1252 with Arabic bytes are really windows-1256.
    return None if name in ("latin-1", "iso8859-1", "cp1252", "ascii") else name


def _score(text: str) -> float:
    bad = text.count("\ufffd") + sum(1 for c in text if "\x80" <= c <= "\x9f")
    return arabic_share(text) - bad / max(1, len(text))


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    candidates: list[tuple[float, str, str]] = []
    for encoding in ARABIC_CODEPAGES:
        text = data.decode(encoding, errors="replace")
        candidates.append((_score(text), text, encoding))
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding not in ARABIC_CODEPAGES:
        text = data.decode(guess.encoding, errors="replace")
        candidates.append((_score(text), text, guess.encoding))
    score, text, encoding = max(candidates, key=lambda item: item[0])
    if score <= 0 and guess is None:
        raise InputError(f"{name}: cannot tell the text encoding; convert the file to UTF-8")
    return text, encoding
