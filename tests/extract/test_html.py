"""HTML pages go through trafilatura, then the Arabic line classifier."""

from __future__ import annotations

from marsad import analyze
from marsad.extract.html import looks_like_html

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
