"""SQL shared by both backends: the WHERE clauses of the search filters.

Both schemas name their tables and columns alike (``articles a`` with its integer key
``a.pk``, ``entity_names``, ``events``), so one builder serves both; ``ph`` is the
driver's placeholder (``?`` for sqlite3, ``%s`` for psycopg).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from marsad.arabic.normalize import fold
from marsad.store.query import Filters
from marsad.store.repository import ArticleFilter


def _in(ph: str, values: Sequence[object]) -> str:
    return "(" + ", ".join(ph for _ in values) + ")"


def filter_sql(
    filters: Filters,
    ph: str,
    *,
    correlated: Collection[str] = (),
    arrays: Collection[str] = (),
) -> tuple[list[str], list[object]]:
    """WHERE conditions (to be AND-ed) and their parameters, in order.

    The ``entity`` and ``type`` filters named in ``correlated`` are written as EXISTS per
    article instead of an IN list: cheaper in SQLite when few rows are tested (under a
    full-text match) or when the filter matches many articles read in date order. Those
    named in ``arrays`` are ``a.pk = ANY(ARRAY(…))``: PostgreSQL then fetches their few
    articles first instead of planning around an estimate.
    """
    where: list[str] = []
    params: list[object] = []
    if filters.source:
        where.append(
            f"(a.source IN {_in(ph, filters.source)} OR a.site IN {_in(ph, filters.source)})"
        )
        params += [*filters.source, *filters.source]
    if filters.section:
        where.append(f"a.section IN {_in(ph, filters.section)}")
        params += list(filters.section)
    if filters.entity:
        names = [fold(v) for v in filters.entity]
        if "entity" in correlated:
            where.append(
                "EXISTS (SELECT 1 FROM entity_names x WHERE x.article = a.pk AND x.name IN "
                f"{_in(ph, names)})"
            )
        elif "entity" in arrays:
            where.append(
                "a.pk = ANY(ARRAY(SELECT article FROM entity_names WHERE name IN "
                f"{_in(ph, names)}))"
            )
        else:
            where.append(
                f"a.pk IN (SELECT article FROM entity_names WHERE name IN {_in(ph, names)})"
            )
        params += names
    if filters.type:
        types = [v.lower() for v in filters.type]
        if "type" in correlated:
            where.append(
                "EXISTS (SELECT 1 FROM events x WHERE x.article = a.pk AND lower(x.type) IN "
                f"{_in(ph, types)})"
            )
        elif "type" in arrays:
            where.append(
                "a.pk = ANY(ARRAY(SELECT article FROM events WHERE lower(type) IN "
                f"{_in(ph, types)}))"
            )
        else:
            where.append(
                f"a.pk IN (SELECT article FROM events WHERE lower(type) IN {_in(ph, types)})"
            )
        params += types
    if filters.since:
        where.append(f"a.published >= {ph}")
        params.append(filters.since.isoformat())
    if filters.until:
        where.append(f"a.published <= {ph}")
        params.append(filters.until.isoformat())
    return where, params


def as_filters(wanted: ArticleFilter) -> Filters:
    def one(value: str | None) -> tuple[str, ...]:
        return (value,) if value else ()

    return Filters(
        source=one(wanted.source),
        section=one(wanted.section),
        entity=one(wanted.entity),
        type=one(wanted.event_type),
        since=wanted.since,
        until=wanted.until,
    )


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
