"""Publication dates of HTML pages: meta values in any format, the article's own <time>,
dates written near the headline."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import html as lxml_html

from marsad.arabic.months import MonthTable
from marsad.extract.pagedates import DateReader, article_time


@pytest.fixture(scope="module")
def dates() -> DateReader:
    return DateReader(MonthTable.load())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-12T15:00:00+03:00", date(2017, 3, 12)),
        ("2017-03-12 15:00:00", date(2017, 3, 12)),
        ("Sun, 12 Mar 2017 15:00:00 GMT", date(2017, 3, 12)),
        ("2017/03/12", date(2017, 3, 12)),
        ("12/03/2017", date(2017, 3, 12)),
        ("March 12, 2017", date(2017, 3, 12)),
        ("Publié le 12 mars 2017", date(2017, 3, 12)),
        ("١٢ مارس ٢٠١٧", date(2017, 3, 12)),
        ("", None),
        ("not a date", None),
    ],
)
def test_meta_values(dates: DateReader, value: str, expected: date | None) -> None:
    assert dates.value(value) == expected


def test_published_line_wins_over_update_and_today(dates: DateReader) -> None:
    lines = [
        "الجمعة 5 يونيو 2015",  # the site's "today" above the headline
        "العنوان الرئيسي للخبر",
        "آخر تحديث: 3 يونيو 2015 | تاريخ النشر: 2 يونيو 2015",
    ]
    assert dates.header_date(lines, "العنوان الرئيسي للخبر") == date(2015, 6, 2)


def test_first_date_under_the_headline(dates: DateReader) -> None:
    lines = ["الجمعة 5 يونيو 2015", "العنوان الرئيسي للخبر", "2 يونيو 2015 - 10:30"]
    assert dates.header_date(lines, "العنوان الرئيسي للخبر") == date(2015, 6, 2)


def test_time_of_a_related_story_card_is_not_the_article_date() -> None:
    page = lxml_html.fromstring(
        "<html><body><article><h1>العنوان</h1>"
        '<div class="meta"><time datetime="2016-12-13">13 ديسمبر 2016</time></div>'
        "<p>نص</p></article>"
        '<div class="related"><div class="card"><a href="/x">عنوان قصة أخرى من الموقع نفسه</a>'
        '<time datetime="2016-12-14">14 ديسمبر</time></div></div></body></html>'
    )
    assert article_time(page) == "2016-12-13"


def test_regression_first_time_element_was_a_related_card() -> None:
    page = lxml_html.fromstring(
        '<html><body><div class="rail"><div class="card"><a href="/x">عنوان قصة أخرى من '
        'الموقع</a><time datetime="2015-07-06">6 يوليو</time></div></div>'
        "<h1>العنوان</h1><p>نص</p></body></html>"
    )
    assert article_time(page) is None
