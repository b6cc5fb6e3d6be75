"""HTML pages go through trafilatura, then the Arabic line classifier."""

from __future__ import annotations

from marsad import analyze
from marsad.extract.html import looks_like_html
from marsad.extract.stages import ArticleExtractor
from marsad.model import Article, RawDocument

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الحكومة تعلن خطة جديدة لمكافحة البطالة</title>
<meta property="og:site_name" content="أخبار اليوم">
<meta property="article:published_time" content="2017-01-21T10:00:00+01:00">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/s">سياسة</a></nav>
<article>
<h1>الحكومة تعلن خطة جديدة لمكافحة البطالة</h1>
<p>أعلنت الحكومة اليوم عن خطة جديدة لمكافحة البطالة في المدن الكبرى والأرياف، تشمل
تمويل المشاريع الصغيرة وتدريب الشباب على المهن المطلوبة في سوق العمل.</p>
<p>وقال وزير التشغيل في مؤتمر صحفي إن الخطة ستوفر عشرات الآلاف من فرص العمل خلال
السنوات الثلاث المقبلة، وإن تمويلها مضمون من ميزانية الدولة ومن شركاء دوليين.</p>
<p>اقرأ أيضا: البنك المركزي يرفع نسبة الفائدة</p>
<p>وأضاف أن الحكومة ستعرض الخطة على البرلمان الأسبوع المقبل لمناقشتها والمصادقة عليها.</p>
</article>
<footer>جميع الحقوق محفوظة © 2017</footer>
</body></html>"""


def test_looks_like_html() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("  <div>نص</div>")
    assert not looks_like_html("مقالات وآراء\n\nعنوان")


def test_html_article() -> None:
    record = analyze(PAGE)
    article = record.article
    assert article.title == "الحكومة تعلن خطة جديدة لمكافحة البطالة"
    assert article.published is not None and article.published.isoformat() == "2017-01-21"
    assert len(article.paragraphs) == 3
    assert all("اقرأ أيضا" not in p for p in article.paragraphs)
    assert any(r.text.startswith("اقرأ أيضا") for r in article.removed)
    assert article.language == "ar"


def _article(body: str, head: str = "") -> Article:
    page = (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}'
        f"</head><body><article>{body}</article></body></html>"
    )
    result = ArticleExtractor()(RawDocument(input="page", content=page, kind="html"))
    assert isinstance(result, Article)
    return result


FIRST = (
    "أعلنت الحكومة اليوم عن خطة جديدة لمكافحة البطالة في المدن الكبرى والأرياف، تشمل تمويل "
    "المشاريع الصغيرة وتدريب الشباب على المهن المطلوبة في سوق العمل."
)
SECOND = (
    "وقال وزير التشغيل في مؤتمر صحفي إن الخطة ستوفر عشرات الآلاف من فرص العمل خلال السنوات "
    "الثلاث المقبلة، وإن تمويلها مضمون من ميزانية الدولة ومن شركاء دوليين."
)
THIRD = "وأضاف أن الحكومة ستعرض الخطة على البرلمان الأسبوع المقبل لمناقشتها والمصادقة عليها."


def test_pull_quote_repeating_the_paragraph_above_is_removed() -> None:
    quote = "الخطة ستوفر عشرات الآلاف من فرص العمل خلال السنوات الثلاث المقبلة"
    article = _article(
        f"<h1>خطة لمكافحة البطالة</h1><p>{FIRST}</p><p>{SECOND}</p>"
        f"<blockquote><p>{quote}</p></blockquote><p>{THIRD}</p>"
    )
    assert article.paragraphs == (FIRST, SECOND, THIRD)


def test_lead_dateline_with_the_outlet_in_guillemets_is_split_off() -> None:
    article = _article(
        f"<h1>خطة لمكافحة البطالة</h1><p><strong>تونس – «المشرق العربي» – من حسان "
        f"الورتاني:</strong> {FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
    )
    assert article.paragraphs[0] == FIRST
    assert any(r.reason == "dateline" for r in article.removed)


def test_embedded_tweet_is_not_body_text() -> None:
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="ar">تغريدة عن الخطة الجديدة لمكافحة '
        "البطالة التي أعلنتها الحكومة اليوم في مؤتمر صحفي كبير.</p>&mdash; وزارة التشغيل "
        "(@emploi) <a href='https://twitter.com/x/status/1'>21 يناير 2017</a></blockquote>"
    )
    article = _article(f"<h1>خطة لمكافحة البطالة</h1><p>{FIRST}</p>{tweet}<p>{SECOND}</p>")
    assert article.paragraphs == (FIRST, SECOND)


def test_kicker_in_the_h1_is_not_part_of_the_title() -> None:
    article = _article(
        f'<h1><span class="kicker">عاجل</span> خطة جديدة لمكافحة البطالة</h1><p>{FIRST}</p>'
        f"<p>{SECOND}</p>",
        '<meta property="og:title" content="خطة جديدة لمكافحة البطالة - البوابة">',
    )
    assert article.title == "خطة جديدة لمكافحة البطالة"


def test_disclaimer_and_author_note_after_an_opinion_column_are_removed() -> None:
    article = _article(
        f"<h1>خطة لمكافحة البطالة</h1><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        "<p>الآراء الواردة في المقال لا تعكس بالضرورة الموقف التحريري للموقع.</p>"
        "<p>كاتب وباحث تونسي، يكتب في الشؤون المغاربية منذ سنوات.</p>"
    )
    assert article.paragraphs == (FIRST, SECOND, THIRD)


def test_regression_lead_retold_later_is_not_a_deck() -> None:
    lead = (
        "يشتكي كثير من الموظفين من حرارة المكاتب في الصيف، في حين تشتكي أخريات من برودة "
        "المقاعد. الحل مقاعد مكيفة مناسبة للجميع."
    )
    retold = (
        f"{THIRD} ويشتكي كثير من الموظفين في المكاتب من الحرارة خلال الصيف، وبالتالي فإن "
        "تبريد المقاعد قد يزيد الإنتاج، في حين تشتكي أخريات من أن المقاعد باردة للغاية."
    )
    article = _article(f"<h1>مقاعد مكيفة</h1><p>{lead}</p><p>{FIRST}</p><p>{retold}</p>")
    assert article.paragraphs[0] == lead
