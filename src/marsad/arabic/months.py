"""Month names of every regional system, loaded from ``arabic/data/months.tsv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

from marsad.arabic.normalize import fold


@dataclass(frozen=True, slots=True)
class MonthName:
    name: str
    month: int
    calendar: str
    system: str


class MonthTable:
    """Month names (folded) with their numbers, and a finder for written dates."""

    def __init__(self, names: list[MonthName]) -> None:
        self.names = names
        self._gregorian = {fold(n.name): n.month for n in names if n.calendar == "gregorian"}
        #: Every word of every month name, folded (for telling date lines from prose).
        self.words = frozenset(w for n in names for w in fold(n.name).split())
        alternatives = "|".join(
            re.escape(k) for k in sorted(self._gregorian, key=len, reverse=True)
        )
        month = rf"(?P<m>{alternatives})(?:\s*/\s*(?:{alternatives}))?"
        self._written = re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?:من\s+)?{month}\s*,?\s*(?:سنه\s+|عام\s+)?(?P<y>\d{{4}})"
        )
        self._numeric = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
        self._iso = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

    @classmethod
    def load(cls) -> MonthTable:
        text = resources.files("marsad.arabic").joinpath("data", "months.tsv").read_text("utf-8")
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        return cls([MonthName(n, int(m), c, s) for n, m, c, s in rows])

    def gregorian_month(self, name: str) -> int | None:
        return self._gregorian.get(fold(name))

    def mentions_month(self, text: str) -> bool:
        folded = fold(text)
        return any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", folded) for k in self._gregorian)

    def find_date(self, text: str) -> date | None:
        """The first complete Gregorian date written in ``text`` (day month year), if any."""
        folded = fold(text)
        for match in self._written.finditer(folded):
            found = _safe_date(int(match["y"]), self._gregorian[match["m"]], int(match["d"]))
            if found:
                return found
        for y, m, d in self._iso.findall(folded):
            found = _safe_date(int(y), int(m), int(d))
            if found:
                return found
        for d, m, y in self._numeric.findall(folded):
            found = _safe_date(int(y), int(m), int(d))
            if found:
                return found
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
