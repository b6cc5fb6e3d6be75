"""Versioned schema migrations, one list per backend, applied in order when a store opens.

The store's version lives in the ``meta`` table (key ``version``). A step is plain SQL
(``sql``) and may name a Python hook the backend runs in the same transaction (``hook``),
e.g. to move the records of an older layout into the new tables.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    version: int
    description: str
    sql: str
    hook: str | None = None


def latest(steps: tuple[Step, ...]) -> int:
    return max(step.version for step in steps)


def pending(steps: tuple[Step, ...], current: int) -> tuple[Step, ...]:
    return tuple(step for step in steps if step.version > current)
