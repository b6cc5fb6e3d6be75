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


_PLACES = ["تونس", "صفاقس", "سوسة", "بنزرت", "قابس", "القيروان", "نابل", "المنستير"]
_THINGS = ["الطريق", "المستشفى", "الجسر", "المدرسة", "الميناء", "السوق", "الملعب", "المطار"]
_WHEN = ["غدا", "الأسبوع المقبل", "الشهر القادم", "بعد العيد", "في الربيع", "قبل الصيف"]
#: Distinct sentences (one per update or card) about different places and things.
SENTENCES = [
    f"أعلنت بلدية {_PLACES[i % 8]} أن أشغال {_THINGS[(i * 3) % 8]} ستنطلق "
    f"{_WHEN[i % 6]} بتمويل قدره {i + 2} ملايين دينار."
    for i in range(12)
]


def test_story_cards_make_a_section_page(extractor: ArticleExtractor) -> None:
    cards = "".join(
        f'<div class="row"><h2><a href="/n/{i}">عنوان الخبر رقم {i} في القسم</a></h2>'
        f"<p>{text}</p></div>"
        for i, text in enumerate(SENTENCES[:8])
    )
    result = _run(extractor, _page(f"<h1>محليات</h1>{cards}"))
    assert isinstance(result, Dropped) and "section page" in result.reason


def test_regression_story_cards_under_an_article_keep_it_an_article(
    extractor: ArticleExtractor,
) -> None:
    cards = "".join(
        f'<div class="card"><h3><a href="/n/{i}">عنوان الخبر رقم {i} في القسم</a></h3>'
        f"<p>{text}</p></div>"
        for i, text in enumerate(SENTENCES[:4])
    )
    html = _page(f"<article><h1>حملة تلقيح</h1>{PARAGRAPH}{''.join(PARAGRAPHS)}</article>{cards}")
    result = _run(extractor, html)
    assert isinstance(result, Article)
    assert not any("المشروع رقم" in p for p in result.paragraphs)


def test_updates_under_clock_times_make_a_live_page(extractor: ArticleExtractor) -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    updates = "".join(
        f'<div class="update"><div class="time">1{i % 10}:{i:02d}</div><p>{text}</p></div>'
        for i, text in enumerate(SENTENCES[:10])
    )
    result = _run(extractor, _page(f"<h1>تغطية مستمرة</h1>{updates}", head))
    assert isinstance(result, Dropped) and "liveblog page" in result.reason


def test_player_with_a_sentence_is_a_video_page(extractor: ArticleExtractor) -> None:
    html = _page(
        '<h1>لحظة انطلاق الحملة</h1><iframe src="https://www.youtube.com/embed/x1"></iframe>'
        f"<p>{SENTENCES[0]} {SENTENCES[1]}</p>",
        '<meta property="og:type" content="article">',
    )
    result = _run(extractor, html, url="https://example.org/media/123/clip")
    assert isinstance(result, Dropped) and "video page" in result.reason


def test_regression_article_declaring_a_video_and_a_list_stays_an_article(
    extractor: ArticleExtractor,
) -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "VideoObject"}, {"@type": "ItemList"}]}</script>'
    )
    more = f"<p>{SENTENCES[0]} {SENTENCES[1]}</p>"  # an article's worth of text
    body = f"<h1>حملة تلقيح</h1><video src='x.mp4'></video>{PARAGRAPH}{''.join(PARAGRAPHS)}{more}"
    assert isinstance(_run(extractor, _page(body, head)), Article)


def test_regression_news_ticker_beside_an_article_is_not_a_live_blog(
    extractor: ArticleExtractor,
) -> None:
    ticker = "".join(
        f'<li><span class="time">1{i % 10}:{i:02d}</span> '
        f'<a href="/n/{i}">عنوان الخبر رقم {i} في شريط الأخبار</a></li>'
        for i in range(12)
    )
    body = f"<h1>حملة تلقيح</h1>{PARAGRAPH}{''.join(PARAGRAPHS)}<ul>{ticker}</ul>"
    assert isinstance(_run(extractor, _page(body)), Article)


def test_regression_xhtml_page_with_an_xml_declaration(extractor: ArticleExtractor) -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ar"><head><title>حملة تلقيح</title>'
        f"</head><body><h1>حملة تلقيح</h1>{PARAGRAPH}{''.join(PARAGRAPHS)}</body></html>"
    )
    assert isinstance(_run(extractor, html), Article)
    result = extractor(RawDocument(input="page", content=html, kind="auto"))
    assert isinstance(result, Article) and len(result.paragraphs) == 3
