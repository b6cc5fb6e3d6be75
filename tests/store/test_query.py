"""The query parser is total: any string parses, or raises a clear InputError."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.store.query import fts5_query, parse, tsquery_positive

PIECES = st.sampled_from(
    [
        '"',
        "-",
        "OR",
        "source:",
        "since:",
        "until:2015",
        "entity:",
        ":",
        "'",
        ";",
        "(",
        ")",
        "*",
        "NEAR",
        "AND",
        "NOT",
        "روسيا",
        "الرئيس",
        " ",
        "\\",
        "%",
        "--",
        "DROP TABLE x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12))
def test_never_raises_anything_but_input_error(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        query = parse(text)
    except InputError as exc:
        assert str(exc)
        return
    assert query.groups or not query.filters.empty
    for expression in (fts5_query(query), tsquery_positive(query)):
        assert expression is None or expression.count("(") == expression.count(")")


def test_words_phrases_or_exclusions_and_filters() -> None:
    q = parse('"الرئيس الروسي" OR بوتين -سوريا source:"الجزيرة نت" since:2015 until:2015-11')
    assert len(q.groups) == 1 and len(q.groups[0]) == 2
    assert q.groups[0][0].phrase and not q.groups[0][1].phrase
    assert [m.text for m in q.excluded] == ["سوريا"]
    assert q.filters.source == ("الجزيرة نت",)
    assert q.filters.since == date(2015, 1, 1) and q.filters.until == date(2015, 11, 30)


def test_unbalanced_quote_is_closed() -> None:
    q = parse('"الرئيس الروسي')
    assert q.groups[0][0].terms == ("رييس", "روس")


def test_sql_is_just_text() -> None:
    q = parse("'; DROP TABLE articles; --")
    assert fts5_query(q) == '("drop") AND ("table") AND ("articles")'


@pytest.mark.parametrize("text", ["", "   ", '""', "-روسيا", "source:", "!!! ،،"])
def test_empty_queries_are_input_errors(text: str) -> None:
    with pytest.raises(InputError):
        parse(text)


def test_bad_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="since: wants a date"):
        parse("روسيا since:yesterday")
