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
#: A page that declares a video (og:type, VideoObject) or a list of items is one only with
#: less body text than this.
MAX_DECLARED_OTHER_WORDS = 80
#: A page whose URL path names another kind (/tag/, /video/…) is one with less text than this.
MAX_URL_KIND_WORDS = 150
#: A page with a video player and less text than this is a video page.
MIN_VIDEO_PAGE_WORDS = 60
_PLAYER = (
    "//video | //iframe[contains(@src, 'youtube.com/embed') or contains(@src, 'dailymotion.com')"
    " or contains(@src, 'vimeo.com') or contains(@src, 'jwplayer') or contains(@src, 'player')]"
)
#: This many story summaries under headline links make
#: a page a list of stories (at least twice as many as its own paragraphs).
MIN_TEASERS = 4
_PATHS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("tag", re.compile(r"/(tags?|keywords?|topics?|الوسوم|وسم)/", re.I)),
    ("section", re.compile(r"/(category|categories|section|sections|archive|author)/", re.I)),
    ("video", re.compile(r"/(videos?|watch|فيديو)/", re.I)),
    ("liveblog", re.compile(r"/(live|liveblog|live-updates|مباشر)/", re.I)),
)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}:\d{2}\b")
#: Text nodes that are only a clock time ("10:30", "10:30 ص", "10:30 GMT").
_CLOCK_ONLY = "//text()[re:test(., '^\\s*\\d{1,2}:\\d{2}\\s*(ص|م|GMT|am|pm|AM|PM)?\\s*$')]"
_REGEX_NS = {"re": "http://exslt.org/regular-expressions"}
#: This many body paragraphs under clock times make a live page, whatever it declares.
MIN_TIMED_UPDATES = 8


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
    headlines = {a for a in exact if len(a.split()) >= 4}
    total = linked = 0
    for paragraph in article.paragraphs:
        folded = fold(paragraph)
        words = len(folded.split())
        total += words
        covered = sum(len(a) for a in headlines if a in folded)
        if folded in exact or covered >= 0.5 * len(folded):
            linked += words
    return linked / total if total else 0.0


def _beside_headline_link(node: Any) -> bool:
    """A time printed beside a link to another story: a ticker or river item, not an update."""
    scope = node
    for _ in range(2):
        scope = scope.getparent() if scope is not None else None
        if scope is None:
            return False
        if any(len(a.text_content().split()) >= 4 for a in scope.iter("a")):
            return True
    return False


def _timed_updates(tree: Any, article: Article) -> int:
    """Body paragraphs that each come under a bare clock time: the updates of a live page.

    A river of timestamped headlines beside an article has times too, but no paragraph of
    the body under each of them.
    """
    if len(article.paragraphs) < MIN_TIMED_UPDATES:
        return 0
    paragraphs = {fold(p) for p in article.paragraphs}
    seen: set[str] = set()
    for stamp in tree.xpath(_CLOCK_ONLY, namespaces=_REGEX_NS):
        parent = stamp.getparent()
        following = parent.xpath("following::p[1]") if parent is not None else []
        if following:
            text = fold(" ".join(following[0].text_content().split()))
            if text in paragraphs:
                seen.add(text)
    return len(seen)


def page_kind(
    tree: Any, meta: PageMetadata, article: Article, url: str | None, *, teasers: int = 0
) -> PageKind:
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
    # A declared video or list is a page of its own only when the page has little text of
    # its own: articles carry a VideoObject for the clip at their top, an ItemList for the
    # related stories, og:type video for their lead video.
    video = og.startswith("video") or "videoobject" in types
    if video and words < MAX_DECLARED_OTHER_WORDS and not declared_article:
        return PageKind("video", f"og:type={og}" if og.startswith("video") else "VideoObject")
    path = unquote(urlparse(url).path) if url else ""
    listing = types & {"collectionpage", "itemlist", "searchresultspage"}
    if (
        listing
        and not declared_article
        and (listing != {"itemlist"} or words < MAX_DECLARED_OTHER_WORDS)
    ):
        kind: Kind = "tag" if _PATHS[0][1].search(path) else "section"
        return PageKind(kind, f"JSON-LD {'/'.join(sorted(listing))}")
    if not declared_article:
        for kind, pattern in _PATHS:
            if pattern.search(path) and words < MAX_URL_KIND_WORDS:
                return PageKind(kind, f"URL path {path}")
    if not declared_article and words < MIN_VIDEO_PAGE_WORDS and tree.xpath(_PLAYER):
        return PageKind("video", f"a video player and {words} words of text")
    if words < MIN_ARTICLE_WORDS:
        return PageKind("section", f"only {words} words of body text")
    if teasers >= MIN_TEASERS and teasers >= 2 * len(article.paragraphs):
        return PageKind("section", f"{teasers} story summaries under headline links")
    share = _linked_share(tree, article)
    if share >= 0.5:
        return PageKind("section", f"{share:.0%} of the text is headline links")
    updates = _timed_updates(tree, article)
    if updates >= MIN_TIMED_UPDATES:
        return PageKind("liveblog", f"{updates} paragraphs under a clock time")
    if not declared_article:
        timestamps = sum(
            1
            for text in tree.xpath("//*[self::time or self::span]/text()")
            if _TIMESTAMP.match(str(text)) and not _beside_headline_link(text.getparent())
        )
        if timestamps >= 8 and words < 400 and og != "article":
            return PageKind("liveblog", f"{timestamps} timestamped updates")
    return PageKind("article", f"{words} body words")
