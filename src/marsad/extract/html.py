"""HTML pages: hidden chrome removed, main text by trafilatura, then the Arabic line rules.

trafilatura finds the main content block; Marsad then reads the page's metadata itself
(JSON-LD, meta tags, h1, Arabic-written dates) and runs every block of the main text
through the same line classifier as text dumps, so inline teasers, captions, share
prompts and notices that sit inside the article container are removed with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import htmldate
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from marsad.errors import ExtractionError
from marsad.extract.markup import glue
from marsad.extract.metadata import MetadataReader, PageMetadata
from marsad.extract.pagedates import article_time
from marsad.extract.pagekind import PageKind, page_kind
from marsad.extract.teasers import story_links
from marsad.extract.textdump import TextDumpClassifier
from marsad.model import Article

_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*\?>\s*)?(<!doctype html|<html|<head|<body|<meta|<article|<div|<p\b|<!--)",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN = (
    "//*[@hidden or @aria-hidden='true' "
    "or contains(translate(@style, ' ', ''), 'display:none') "
    "or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
    "|//template|//noscript"
    # embedded posts of social networks: quoted from elsewhere, not written for the article
    "|//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'facebook-post')]"
)
_BLOCK_TAGS = {"p", "head", "quote", "item", "cell"}
#: Fewer words than this in trafilatura's fast pass and its fallbacks are run too.
FAST_MIN_WORDS = 40
#: HTML elements that start a new line when a page is read as text.
_HTML_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("tbody", "td", "th", "thead", "tr", "ul"),
    )
)
_HTML_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SKIP = frozenset({"script", "style", "template", "noscript", "svg", "button", "select"})
_CONTAINERS = {"item", "cell", "quote"}


def looks_like_html(text: str) -> bool:
    """True when a document starts like an HTML page or fragment."""
    return bool(_HTML_START.match(text[:512]))


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """An extracted page: the article and what kind of page it was."""

    article: Article
    kind: PageKind


def _blocks(body: Any) -> list[tuple[str, bool]]:
    """(text, is_heading) for each block of trafilatura's XML body, in reading order."""
    blocks: list[tuple[str, bool]] = []
    for element in body.iter():
        if element.tag not in _BLOCK_TAGS:
            continue
        parent = element.getparent()
        if element.tag in ("p", "head") and parent is not None and parent.tag in _CONTAINERS:
            continue
        text = glue(element.itertext())
        if text:
            blocks.append((text, element.tag == "head"))
    return blocks


def _main_text(tree: Any, url: str | None, *, fast: bool) -> list[tuple[str, bool]]:
    """trafilatura's main text as blocks (its metadata pass skipped: Marsad reads its own)."""
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        include_images=False,
        fast=fast,
    )
    body = getattr(result, "body", None) if result is not None else None
    return _blocks(body) if body is not None else []


def _page_blocks(tree: Any) -> list[tuple[str, bool]]:
    """The whole visible page as (text, is_heading) lines, as a browser would break them."""
    blocks: list[tuple[str, bool]] = []
    parts: list[str] = []
    heading = False

    def flush() -> None:
        nonlocal heading
        text = glue(parts)
        if text:
            blocks.append((text, heading))
        parts.clear()
        heading = False

    def walk(node: Any) -> None:
        nonlocal heading
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _HTML_BLOCKS
        if block:
            flush()
            heading = tag in _HTML_HEADINGS
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        if node.tail:
            parts.append(node.tail)

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    flush()
    return blocks


def _mashed(blocks: list[tuple[str, bool]], tree: Any) -> bool:
    """trafilatura fell back to a whole-page blob: one block holds many link texts."""
    anchors = {" ".join(a.text_content().split()) for a in tree.xpath("//a")}
    anchors = {a for a in anchors if len(a.split()) >= 2}
    return any(sum(1 for a in anchors if a in text) >= 4 for text, _ in blocks)


def _visible_tree(html: str, input: str) -> Any:
    # lxml refuses text that declares its encoding: XHTML pages open with <?xml … ?>
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError) as exc:
        raise ExtractionError(f"cannot parse the HTML: {exc}", document=input) from exc
    for node in tree.xpath(_HIDDEN):
        if node.getparent() is not None:
            node.drop_tree()
    return tree


class HtmlArticleReader:
    """Extracts an Article from an HTML page."""

    def __init__(self, classifier: TextDumpClassifier) -> None:
        self.classifier = classifier
        self.metadata = MetadataReader(classifier.reader.months)

    def read(self, html: str, *, input: str, url: str | None, published: date | None) -> HtmlPage:
        tree = _visible_tree(html, input)
        meta = self.metadata.read_tree(tree)
        blocks = _main_text(tree, url, fast=True)
        if sum(len(text.split()) for text, _ in blocks) < FAST_MIN_WORDS:
            # trafilatura's own fallbacks (readability, jusText) only help when its main
            # pass finds little; running them on every page costs a third of the time
            blocks = _main_text(tree, url, fast=False)
        if not blocks or _mashed(blocks, tree):
            blocks = _page_blocks(tree)
        blocks, stories, summaries = story_links(tree).split(blocks, meta.title)
        article = self.classifier.classify_blocks(blocks, input=input, title=meta.title)
        if stories:
            article = replace(article, removed=article.removed + stories)
        kind = page_kind(tree, meta, article, url or meta.canonical_url, teasers=summaries)
        return HtmlPage(self._article(article, meta, tree, url, published), kind)

    def _article(
        self,
        article: Article,
        meta: PageMetadata,
        tree: Any,
        url: str | None,
        published: date | None,
    ) -> Article:
        dates = self.metadata.dates
        published = (
            published
            or meta.published
            or dates.value(article_time(tree))
            or dates.header_date(_header_lines(tree), meta.title)
            or _url_date(meta.canonical_url or url)
            or _iso(htmldate.find_date(tree, extensive_search=False, original_date=True))
        )
        return Article(
            input=article.input,
            blocks=article.blocks,
            removed=article.removed,
            url=meta.canonical_url or url,
            site=meta.site_name,
            section=meta.section or article.section,
            authors=tuple(meta.authors) or article.authors,
            source=article.source,
            published=published,
            tags=tuple(meta.tags),
        )


def _header_lines(tree: Any) -> list[str]:
    """Text lines near the headline, where pages print their date (without an h1, the
    page's body: the <title> in the head is not where the headline is shown)."""
    headings = tree.xpath("//h1")
    if not headings:
        body = tree.find(".//body")
        scope = body if body is not None else tree
        return _lines(scope)[:60]
    scope = headings[0].getparent()
    for _ in range(2):
        if scope is not None and len(" ".join(scope.text_content().split())) < 400:
            scope = scope.getparent() if scope.getparent() is not None else scope
    if scope is None:
        return []
    return _lines(scope)[:60]


def _lines(scope: Any) -> list[str]:
    return [" ".join(line.split()) for line in scope.text_content().splitlines() if line.strip()]


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?:[a-z_-]+/)?(?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|$|[-_])"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>\d\d)(?P<d2>\d\d)(?:/|$|[-_])"
)


def _url_date(url: str | None) -> date | None:
    """A date in the URL path: /2013/middle_east/8/3/…, /2017/01/21/…, /20170121-…."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    y, m, d = (match["y"], match["m"], match["d"]) if match["y"] else match.group("y2", "m2", "d2")
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _iso(value: str | None) -> date | None:
    """htmldate's date, unless it is a bare year guess (YYYY-01-01)."""
    if not value or value[4:10] == "-01-01":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
