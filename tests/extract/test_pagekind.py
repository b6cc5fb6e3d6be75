"""Section fronts, tag pages, video pages and live blogs are dropped with a reason."""

from __future__ import annotations

import pytest

from marsad.extract.stages import ArticleExtractor
from marsad.model import Article, RawDocument
from marsad.pipeline import Dropped

PARAGRAPHS = [
    "<p>وأوضح المتحدث باسم الوزارة أن اللقاحات وصلت إلى المخازن الجهوية منذ الأسبوع الماضي، "
    "وأن فرقا متنقلة ستزور القرى البعيدة لتلقيح من لا يستطيعون التنقل.</p>",
    "<p>ودعت الوزارة الأولياء إلى الاطلاع على مواعيد التلقيح في المراكز الصحية القريبة "
    "منهم، مؤكدة أن التلقيح مجاني للجميع.</p>",
]
PARAGRAPH = (
    "<p>أعلنت وزارة الصحة اليوم عن حملة تلقيح وطنية جديدة تشمل كل الولايات، وقالت إن "
    "الحملة تستهدف الأطفال وكبار السن في المناطق الريفية خاصة خلال الأسابيع المقبلة.</p>"
)


def _page(body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}'
        f"<title>الصفحة</title></head><body>{body}</body></html>"
    )


@pytest.fixture(scope="module")
def extractor() -> ArticleExtractor:
    return ArticleExtractor()


def _run(extractor: ArticleExtractor, html: str, url: str | None = None) -> Article | Dropped:
    result = extractor(RawDocument(input="page", content=html, kind="html", url=url))
    assert isinstance(result, (Article, Dropped))
    return result


def test_article_page(extractor: ArticleExtractor) -> None:
    html = _page(
        f"<article><h1>حملة تلقيح وطنية جديدة</h1>{PARAGRAPH}{''.join(PARAGRAPHS)}</article>",
        '<meta property="og:type" content="article">',
    )
    assert isinstance(_run(extractor, html), Article)


def test_section_front(extractor: ArticleExtractor) -> None:
    links = "".join(
        f'<li><a href="/a/{i}">عنوان الخبر رقم {i} عن الأحداث الجارية في المنطقة</a></li>'
        for i in range(30)
    )
    result = _run(extractor, _page(f"<h1>أخبار عربية</h1><ul>{links}</ul>"))
    assert isinstance(result, Dropped)
    assert result.reason.startswith("not an article: section page")


def test_video_page(extractor: ArticleExtractor) -> None:
    html = _page(
        f"<h1>فيديو: لحظة انطلاق الحملة</h1><video src='x.mp4'></video>{PARAGRAPH}",
        '<meta property="og:type" content="video.other">',
    )
    result = _run(extractor, html)
    assert isinstance(result, Dropped) and "video page" in result.reason


def test_live_blog(extractor: ArticleExtractor) -> None:
    head = '<script type="application/ld+json">{"@type": "LiveBlogPosting"}</script>'
    updates = "".join(f"<div><time>1{i % 10}:0{i % 6}</time>{PARAGRAPH}</div>" for i in range(6))
    result = _run(extractor, _page(f"<h1>تغطية مباشرة</h1>{updates}", head))
    assert isinstance(result, Dropped) and "liveblog page" in result.reason


def test_tag_page_by_url(extractor: ArticleExtractor) -> None:
    html = _page(f"<h1>وسم: الصحة</h1>{PARAGRAPH}")
    result = _run(extractor, html, url="https://example.org/tag/الصحة/")
    assert isinstance(result, Dropped) and "tag page" in result.reason
