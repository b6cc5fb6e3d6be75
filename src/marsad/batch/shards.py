"""Shards: the units of batch work, planned from the inputs before any engine runs.

A file (WARC, WARC.gz, JSONL, one HTML or text page) is one shard; a directory is cut
into shards of ``files_per_shard`` files in sorted order. A shard's id is a hash of what it
holds, so the same inputs always give the same shards — which is what lets a rerun skip
the ones already finished, on either engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

#: Files of a directory per shard.
FILES_PER_SHARD = 200


@dataclass(frozen=True, slots=True)
class Shard:
    """A named list of inputs (paths or URIs) processed together by one task."""

    id: str
    inputs: tuple[str, ...]


def _shard(inputs: tuple[str, ...], label: str) -> Shard:
    digest = hashlib.sha256("\n".join(inputs).encode("utf-8")).hexdigest()[:12]
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[-40:]
    return Shard(f"{safe}-{digest}", inputs)


def plan(inputs: list[str], files_per_shard: int = FILES_PER_SHARD) -> list[Shard]:
    """The shards of the inputs, in a stable order. Missing local paths are an error."""
    if files_per_shard < 1:
        raise InputError("files per shard must be at least 1")
    shards: list[Shard] = []
    for item in inputs:
        if "://" in item:
            shards.append(_shard((item,), item.rsplit("/", 1)[-1] or "uri"))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob("*") if p.is_file())
            if not files:
                raise InputError(f"{item}: the directory holds no files")
            for start in range(0, len(files), files_per_shard):
                chunk = tuple(files[start : start + files_per_shard])
                shards.append(_shard(chunk, f"{path.name}-{start // files_per_shard:05d}"))
        elif path.is_file():
            shards.append(_shard((str(path),), path.name))
        else:
            raise InputError(f"{item}: no such file or directory")
    return shards
