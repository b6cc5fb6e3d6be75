"""Bytes to text: BOMs, UTF-8, and the legacy Arabic code pages, with binary data refused."""

from __future__ import annotations

import codecs

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


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs, many control bytes)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(4, len(sample) // 100)


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode a document's bytes; returns (text, encoding). Raises InputError for non-text."""
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
    return _decode_legacy(data, name)


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
