"""A gzip file of one or many members, read as one stream that refuses bombs and truncation.

WARC.gz files hold one gzip member per record, but some are a single member for the whole
file. Either way a member may expand at most ``max_ratio`` times the compressed bytes it
has used (once past ``floor`` bytes), so a small file cannot make us inflate gigabytes;
text and HTML compress about 5-20 times, a run of zeros about 1,000 times.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from marsad.errors import InputError

#: Largest expansion allowed for a gzip member, decompressed bytes per compressed byte.
MAX_RATIO = 200
#: Decompressed bytes a member may always reach, whatever its ratio.
RATIO_FLOOR = 32 * 1024 * 1024
_CHUNK = 64 * 1024


class TruncatedGzip(InputError):
    """The file ends inside a gzip member."""


class GzipStream:
    """The decompressed bytes of concatenated gzip members, as a read-only stream."""

    def __init__(
        self,
        raw: BinaryIO,
        *,
        name: str,
        max_ratio: int = MAX_RATIO,
        floor: int = RATIO_FLOOR,
    ) -> None:
        self.name = name
        self.max_ratio = max_ratio
        self.floor = floor
        self._raw = raw
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""  # compressed bytes read but not yet given to the inflater
        self._member_start = 0  # file offset of the current member
        self._member_in = 0  # compressed bytes given to the current member's inflater
        self._member_out = 0
        self._position = 0  # decompressed bytes returned so far
        self._finished = False

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes; b"" at the end.

        Raises InputError saying where the data breaks (the message does not name the
        file: the caller does).
        """
        want = size if size > 0 else _CHUNK
        while not self._finished:
            data = self._inflater.unconsumed_tail or self._next_input()
            if not data:
                self._end_of_file()
                break
            try:
                out = self._inflater.decompress(data, want)
            except zlib.error as exc:
                raise InputError(
                    "corrupt gzip data in the member that starts at byte "
                    f"{self._member_start} ({exc})"
                ) from None
            self._member_out += len(out)
            self._check_ratio()
            if self._inflater.eof:
                self._next_member()
            if out:
                self._position += len(out)
                return out
        return b""

    def _next_input(self) -> bytes:
        data = self._pending or self._raw.read(_CHUNK)
        self._pending = b""
        self._member_in += len(data)
        return data

    def _consumed(self) -> int:
        tail = len(self._inflater.unconsumed_tail) + len(self._inflater.unused_data)
        return self._member_in - tail

    def _check_ratio(self) -> None:
        if self._member_out <= self.floor:
            return
        consumed = max(1, self._consumed())
        if self._member_out > self.max_ratio * consumed:
            raise InputError(
                f"the gzip member that starts at byte {self._member_start} "
                f"expands more than {self.max_ratio} times ({self._member_out} bytes from "
                f"{consumed}); a gzip bomb or a corrupt file, so reading stops there"
            )

    def _next_member(self) -> None:
        self._member_start += self._consumed()
        self._pending = self._inflater.unused_data
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._member_in = 0
        self._member_out = 0

    def _end_of_file(self) -> None:
        self._finished = True
        if self._member_in:
            raise TruncatedGzip(
                "the file is truncated: the gzip member that starts at byte "
                f"{self._member_start} is cut off at byte "
                f"{self._member_start + self._member_in}, the end of the file"
            )

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError(f"{self.name}: a gzip stream cannot seek")

    def close(self) -> None:
        self._raw.close()
