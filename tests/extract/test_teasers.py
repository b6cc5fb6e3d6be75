"""Links to other stories and the summaries under linked headlines are not the article."""

from __future__ import annotations

from lxml import html as lxml_html

from marsad.extract.markup import glue
from marsad.extract.teasers import story_links

CARDS = """<html><body>
<h1>عنوان المقال</h1>
<p>الفقرة الأولى من المقال نفسه وهي جملة كاملة طويلة بما يكفي.</p>
<div class="card"><h3><a href="/a">عنوان قصة أخرى من الموقع</a></h3>
<p>الجملة الأولى من القصة الأخرى كما يعرضها الموقع تحت عنوانها.</p></div>
<ul><li><a href="/b">خبر آخر في قائمة الأكثر قراءة اليوم</a></li></ul>
</body></html>"""


def test_card_summary_and_headline_links_are_removed() -> None:
    links = story_links(lxml_html.fromstring(CARDS))
    blocks = [
        ("عنوان المقال", False),
        ("الفقرة الأولى من المقال نفسه وهي جملة كاملة طويلة بما يكفي.", False),
        ("عنوان قصة أخرى من الموقع", True),
        ("الجملة الأولى من القصة الأخرى كما يعرضها الموقع تحت عنوانها.", False),
        ("خبر آخر في قائمة الأكثر قراءة اليوم", False),
    ]
    kept, removed, summaries = links.split(blocks, "عنوان المقال")
    assert [text for text, _ in kept] == [blocks[0][0], blocks[1][0]]
    assert summaries == 1
    assert {r.reason for r in removed} == {"link to another story", "summary of another story"}


def test_glue_spaces_a_label_and_the_link_after_it() -> None:
    assert glue(["اقرأ أيضاً", "عنوان الخبر"]) == "اقرأ أيضاً عنوان الخبر"
    assert glue(["Hello", "World"]) == "HelloWorld"  # Latin words may be split by markup
    assert glue(["الكلمة ", " التالية"]) == "الكلمة التالية"
