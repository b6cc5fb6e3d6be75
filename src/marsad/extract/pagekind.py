"""Is this page an article? Section fronts, tag pages, video pages and live blogs are not.

Signals: the page's own declarations (JSON-LD @type, og:type), its URL path, how much
body text the extraction kept, and how much of the page is headline links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote, urlparse

from marsad.extract.metadata import PageMetadata
from marsad.model import Article

Kind = Literal["article", "section", "tag", "video", "liveblog"]

#: Fewer body words than this and the page is not an article.
MIN_ARTICLE_WORDS = 30
_PATHS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("tag", re.compile(r"/(tags?|keywords?|topics?|الوسوم|وسم)/", re.I)),
    ("section", re.compile(r"/(category|categories|section|sections|archive|author)/", re.I)),
    ("video", re.compile(r"/(videos?|watch|فيديو)/", re.I)),
    ("liveblog", re.compile(r"/(live|liveblog|live-updates|مباشر)/", re.I)),
)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}:\d{2}\b")


@dataclass(frozen=True, slots=True)
class PageKind:
    kind: Kind
    reason: str


def _headline_links(tree: Any) -> tuple[int, int]:
    """How many links read like headlines (4–25 words), and how many words they hold."""
    sizes = [len(a.text_content().split()) for a in tree.xpath("//a")]
    headlines = [n for n in sizes if 4 <= n <= 25]
    return len(headlines), sum(headlines)


def page_kind(tree: Any, meta: PageMetadata, article: Article, url: str | None) -> PageKind:
    """Tell article pages from section, tag, video and live-blog pages, with the reason."""
    words = len(" ".join(article.paragraphs).split())
    if "liveblogposting" in meta.schema_types:
        return PageKind("liveblog", "JSON-LD LiveBlogPosting")
    timestamps = sum(
        1
        for text in tree.xpath("//*[self::time or self::span]/text()")
        if _TIMESTAMP.match(str(text))
    )
    if timestamps >= 8 and words < 400:
        return PageKind("liveblog", f"{timestamps} timestamped updates")
    og = (meta.og_type or "").lower()
    if og.startswith("video") or ("videoobject" in meta.schema_types and words < 150):
        return PageKind("video", f"og:type={og}" if og.startswith("video") else "VideoObject")
    path = unquote(urlparse(url).path) if url else ""
    for kind, pattern in _PATHS:
        if pattern.search(path) and words < 250:
            return PageKind(kind, f"URL path {path}")
    links, linked_words = _headline_links(tree)
    if links >= 8 and linked_words >= 0.5 * max(1, words):
        return PageKind("section", f"{links} headline links hold most of the text")
    if words < MIN_ARTICLE_WORDS:
        if meta.schema_types & {"collectionpage", "itemlist"} or links >= 10:
            return PageKind("section", f"{links} headline links and {words} body words")
        return PageKind("section", f"only {words} words of body text")
    if meta.schema_types & {"collectionpage", "itemlist"} and words < 250:
        return PageKind("section", "JSON-LD CollectionPage")
    return PageKind("article", f"{words} body words")
