"""HTTP message bodies: media types, chunked transfer coding and content codings, bounded.

Shared by the WARC reader and the fetcher. Every decoder stops as soon as the decoded
body passes its limit, so a small compressed body cannot expand without bound.
"""

from __future__ import annotations

import zlib

from marsad.errors import InputError

#: Media types read as HTML pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Media types read as plain text.
TEXT_TYPES = frozenset({"text/plain"})
#: Media types that hold RSS or Atom feeds (generic XML types are sniffed as well).
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/xml",
        "text/xml",
    }
)
_GZIP_MAGIC = b"\x1f\x8b"


def megabytes(size: int) -> str:
    """A byte count as the "N MB" of user messages."""
    return f"{size / 1024 / 1024:g} MB"


def too_large(limit: int) -> InputError:
    return InputError(f"larger than {megabytes(limit)}")


def media_type(content_type: str | None) -> str | None:
    """The lower-cased media type of a Content-Type header, without its parameters."""
    if not content_type:
        return None
    value = content_type.split(";", 1)[0].strip().lower()
    return value or None


def charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def dechunk(data: bytes) -> bytes:
    """Undo HTTP chunked transfer coding.

    Some archivers store the body already dechunked but keep the header, so a body whose
    first line is not a chunk size is returned as it is.
    """
    out: list[bytes] = []
    position = 0
    while True:
        end = data.find(b"\r\n", position)
        size_text = data[position:end].split(b";", 1)[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            if position == 0:
                return data
            raise InputError(f"broken chunked transfer coding at byte {position}") from None
        if size == 0:
            return b"".join(out)
        start = end + 2
        chunk = data[start : start + size]
        if len(chunk) < size:
            raise InputError(f"chunked body ends inside a chunk at byte {start}")
        out.append(chunk)
        position = start + size
        if data[position : position + 2] == b"\r\n":
            position += 2


class ContentDecoder:
    """Decodes a body's Content-Encoding chunk by chunk, refusing more than ``limit`` bytes.

    ``lenient`` (for archives) passes through a body that is labelled gzip or deflate but
    is not compressed, as archivers that store decoded bodies leave the header in place.
    """

    def __init__(self, coding: str | None, *, limit: int, lenient: bool = False) -> None:
        self.coding = (coding or "identity").strip().lower()
        if self.coding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise InputError(f"unsupported Content-Encoding: {self.coding}")
        self.limit = limit
        self.lenient = lenient
        self.size = 0
        self._inflater: zlib._Decompress | None = None
        self._decided = self.coding == "identity"

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of the next piece of the body."""
        if not self._decided and data:
            self._decide(data)
        if self._inflater is None:
            return self._count(data)
        return self._inflate(data)

    def finish(self) -> bytes:
        """Whatever the decoder still holds once the body has ended."""
        if self._inflater is None:
            return b""
        return self._count(self._inflater.flush(self.limit - self.size + 1))

    def _decide(self, head: bytes) -> None:
        self._decided = True
        if self.coding in ("gzip", "x-gzip"):
            if head.startswith(_GZIP_MAGIC) or not self.lenient:
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return
        # "deflate" is meant to be zlib-wrapped, but servers often send raw deflate.
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise too_large(self.limit)
        return data

    def _inflate(self, data: bytes) -> bytes:
        assert self._inflater is not None
        out: list[bytes] = []
        pending = data
        while pending and not self._inflater.eof:
            try:
                piece = self._inflater.decompress(pending, self.limit - self.size + 1)
            except zlib.error as exc:
                raise InputError(f"broken {self.coding} Content-Encoding ({exc})") from None
            out.append(self._count(piece))
            pending = self._inflater.unconsumed_tail
        return b"".join(out)


def decode_body(
    data: bytes,
    *,
    limit: int,
    transfer_encoding: str | None = None,
    content_encoding: str | None = None,
    lenient: bool = False,
) -> bytes:
    """A whole stored body with its transfer and content codings undone, at most ``limit`` bytes."""
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        data = dechunk(data)
    decoder = ContentDecoder(content_encoding, limit=limit, lenient=lenient)
    return decoder.feed(data) + decoder.finish()
