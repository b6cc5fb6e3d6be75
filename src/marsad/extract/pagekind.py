"""Is this page an article? Section fronts, tag pages, video pages and live blogs are not.

Signals: the page's own declarations (JSON-LD @type, og:type), its URL path, how much
body text the extraction kept, and how much of the page is headline links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote, urlparse

from marsad.arabic.normalize import fold
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


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "report",
}


def _linked_share(tree: Any, article: Article) -> float:
    """Share of the body's words that sit in paragraphs which are link texts (teasers)."""
    anchors = [fold(" ".join(a.text_content().split())) for a in tree.xpath("//a")]
    anchors = [a for a in anchors if len(a.split()) >= 3]
    if not anchors:
        return 0.0
    exact = set(anchors)
    total = linked = 0
    for paragraph in article.paragraphs:
        folded = fold(paragraph)
        words = len(folded.split())
        total += words
        covered = sum(len(a) for a in set(anchors) if len(a.split()) >= 4 and a in folded)
        if folded in exact or covered >= 0.5 * len(folded):
            linked += words
    return linked / total if total else 0.0


def page_kind(tree: Any, meta: PageMetadata, article: Article, url: str | None) -> PageKind:
    """Tell article pages from section, tag, video and live-blog pages, with the reason.

    The page's JSON-LD type is the strongest signal (og:type says "article" on many
    section fronts too), then og:type video, the URL path, and the text itself: a body
    made of link texts is a list of headlines, and a page with almost no text is none.
    """
    words = len(" ".join(article.paragraphs).split())
    types = meta.schema_types
    declared_article = bool(types & _ARTICLE_TYPES)
    if "liveblogposting" in types:
        return PageKind("liveblog", "JSON-LD LiveBlogPosting")
    og = (meta.og_type or "").lower()
    if og.startswith("video") or ("videoobject" in types and not declared_article):
        return PageKind("video", f"og:type={og}" if og.startswith("video") else "VideoObject")
    path = unquote(urlparse(url).path) if url else ""
    if types & {"collectionpage", "itemlist", "searchresultspage"} and not declared_article:
        kind: Kind = "tag" if _PATHS[0][1].search(path) else "section"
        return PageKind(kind, "JSON-LD CollectionPage")
    if not declared_article:
        for kind, pattern in _PATHS:
            if pattern.search(path) and words < 250:
                return PageKind(kind, f"URL path {path}")
    if words < MIN_ARTICLE_WORDS:
        return PageKind("section", f"only {words} words of body text")
    share = _linked_share(tree, article)
    if share >= 0.5:
        return PageKind("section", f"{share:.0%} of the text is headline links")
    if not declared_article:
        timestamps = sum(
            1
            for text in tree.xpath("//*[self::time or self::span]/text()")
            if _TIMESTAMP.match(str(text))
        )
        if timestamps >= 8 and words < 400 and og != "article":
            return PageKind("liveblog", f"{timestamps} timestamped updates")
    return PageKind("article", f"{words} body words")
