"""The search query language, parsed into a small AST (pure: no database here).

Syntax: words (all must occur), ``"a phrase"``, ``a OR b``, ``-word`` / ``-"a phrase"``
(exclusion), and filters ``source:`` ``section:`` ``entity:`` ``type:`` ``since:``
``until:`` (values may be quoted: ``source:"الجزيرة نت"``). A filter given twice matches
either value. Unbalanced quotes are closed at the end; SQL and punctuation are just text.
Words become Marsad search terms (:func:`marsad.store.text.term`), so the AST already holds
the stems both backends look up. Only an empty query or a bad date raise :class:`InputError`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from marsad.errors import InputError
from marsad.store.text import terms

FILTERS = ("source", "section", "entity", "type", "since", "until")
_FILTER = re.compile(r"(?i)^(" + "|".join(FILTERS) + r"):(.*)$", re.S)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class Match:
    """A word or a phrase: its search terms, in order (more than one is a phrase)."""

    text: str
    terms: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True, slots=True)
class Filters:
    source: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    entity: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.source or self.section or self.entity or self.type or self.since or self.until
        )


@dataclass(frozen=True, slots=True)
class Query:
    """All ``groups`` must match (each group: any of its matches); no ``excluded`` may."""

    groups: tuple[tuple[Match, ...], ...] = ()
    excluded: tuple[Match, ...] = ()
    filters: Filters = field(default_factory=Filters)

    @property
    def wanted(self) -> frozenset[str]:
        """Every term a hit may be highlighted for."""
        return frozenset(t for group in self.groups for m in group for t in m.terms)


def _date(key: str, value: str) -> date:
    found = _DATE.match(value.strip())
    try:
        if found is None:
            raise ValueError(value)
        year = int(found.group(1))
        month = int(found.group(2) or (1 if key == "since" else 12))
        if found.group(3):
            day = int(found.group(3))
        else:
            day = 1 if key == "since" else calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except ValueError:
        raise InputError(
            f"{key}: wants a date like 2015-11-20, 2015-11 or 2015, got {value!r}"
        ) from None


def _tokens(text: str) -> list[tuple[str, str, bool]]:
    """(kind, value, negated) with kind ``word``, ``phrase``, ``or`` or a filter name."""
    out: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        if text[i] == '"':
            close = text.find('"', i + 1)
            close = n if close < 0 else close
            out.append(("phrase", text[i + 1 : close], negated))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        word = text[i:j]
        found = _FILTER.match(word)
        if found and not negated:
            value = found.group(2)
            if not value and j < n and text[j] == '"':
                close = text.find('"', j + 1)
                close = n if close < 0 else close
                value = text[j + 1 : close]
                j = close + 1
            out.append((found.group(1).lower(), value.strip(), False))
        elif word == "OR" and not negated:
            out.append(("or", word, False))
        else:
            out.append(("word", word, negated))
        i = j
    return out


def parse(text: str) -> Query:
    """Parse a query; raises InputError only when nothing is asked or a date is bad."""
    groups: list[list[Match]] = []
    excluded: list[Match] = []
    values: dict[str, list[str]] = {key: [] for key in FILTERS}
    pending_or = False
    for kind, value, negated in _tokens(text):
        if kind == "or":
            pending_or = bool(groups)
            continue
        if kind in values:
            if value:
                values[kind].append(value)
            pending_or = False
            continue
        found = tuple(terms(value))
        if not found:
            continue
        match = Match(value, found)
        if negated:
            excluded.append(match)
            pending_or = False
        elif pending_or:
            groups[-1].append(match)
            pending_or = False
        else:
            groups.append([match])
    since = _date("since", values["since"][-1]) if values["since"] else None
    until = _date("until", values["until"][-1]) if values["until"] else None
    filters = Filters(
        source=tuple(values["source"]),
        section=tuple(values["section"]),
        entity=tuple(values["entity"]),
        type=tuple(values["type"]),
        since=since,
        until=until,
    )
    if not groups and filters.empty:
        if excluded:
            raise InputError("a query cannot only exclude: add a word or a filter to look for")
        raise InputError("empty query: give words to look for or a filter such as source:…")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded), filters)


def fts5(matches: tuple[Match, ...] | list[Match]) -> str:
    """Matches as FTS5 strings (every term quoted: nothing in them is syntax)."""
    return " OR ".join('"' + " ".join(m.terms).replace('"', '""') + '"' for m in matches)


def fts5_query(query: Query) -> str | None:
    """The FTS5 MATCH expression of the word part, or None when there is none."""
    if not query.groups:
        return None
    text = " AND ".join(f"({fts5(group)})" for group in query.groups)
    if query.excluded:
        text += " NOT (" + fts5(query.excluded) + ")"
    return text


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsmatch(match: Match) -> str:
    return "(" + " <-> ".join(_lexeme(t) for t in match.terms) + ")"


def tsquery(matches: tuple[Match, ...] | list[Match]) -> str:
    """Matches OR-ed as PostgreSQL tsquery text (lexemes quoted)."""
    return "(" + " | ".join(_tsmatch(m) for m in matches) + ")"


def tsquery_positive(query: Query) -> str | None:
    """The tsquery of the word part (exclusions included), or None when there is none."""
    if not query.groups:
        return None
    text = " & ".join(tsquery(group) for group in query.groups)
    if query.excluded:
        text += " & !" + tsquery(query.excluded)
    return text
