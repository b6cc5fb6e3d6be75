"""Metadata of an HTML news page: title, authors, dates, section, tags, site, canonical URL.

Sources, strongest first: JSON-LD (NewsArticle and friends), OpenGraph/article meta tags,
other meta tags, visible markup (h1, <time>, breadcrumbs, rel=author), and dates written
in Arabic words near the headline.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import html as lxml_html

from marsad.arabic.months import MonthTable
from marsad.arabic.normalize import fold
from marsad.extract.bylines import OUTLET_WORD
from marsad.extract.pagedates import DateReader

# " - ", " | ", " :: ", " » " split a site name from a headline; a single colon does not
# (Arabic headlines put one after a speaker: "ترامب: الأسد حيوان").
_LATIN_ONLY = re.compile(r"^[A-Za-z0-9 .&'-]+$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—•·»«]{1,2}|::)\s+|\s*[|｜]\s*|\s*::\s*")
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "backgroundnewsarticle",
    "report",
}
#: Meta tags that carry the publication date, strongest first (lower case).
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article:published",
    "published_time",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "citation_publication_date",
    "date",
)
#: Words an h1 may add to a declared title as a kicker ("عاجل", a section's name).
KICKER_WORDS = 3
_LIVE_TYPES = {"liveblogposting"}
_VIDEO_TYPES = {"videoobject"}
_LIST_TYPES = {"collectionpage", "itemlist", "searchresultspage", "webpage"}


@dataclass(slots=True)
class PageMetadata:
    """What a page says about itself; empty fields when it says nothing."""

    title: str | None = None
    title_candidates: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    og_type: str | None = None
    schema_types: set[str] = field(default_factory=set)


def _text(node: Any) -> str:
    return " ".join(node.text_content().split()) if node is not None else ""


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened; broken blocks are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _names(value: Any) -> list[str]:
    """Author names from JSON-LD: a string, an object with name, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def _meta(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return " ".join(str(found[0]).split())
    return None


def _meta_all(tree: Any, key: str) -> list[str]:
    values = tree.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')
    return [" ".join(str(v).split()) for v in values if str(v).strip()]


def clean_title(title: str, site_name: str | None) -> str:
    """Drop a site-name prefix or suffix: "TITLE - اليوم السابع" → "TITLE".

    The site part is the declared site name, or a short part that reads as an outlet's
    name (an outlet word, or Latin letters only) beside a longer headline.
    """
    title = " ".join(html_lib.unescape(title).split())
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site = fold(site_name) if site_name else ""

    def is_site(part: str, others: list[str]) -> bool:
        folded = fold(part)
        if site and (folded in site or site in folded):
            return True
        short = len(part.split()) <= 4 < len(" ".join(others).split())
        return short and bool(OUTLET_WORD.search(part) or _LATIN_ONLY.match(part))

    if is_site(parts[-1], parts[:-1]):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:•·»«｜").strip()
    if is_site(parts[0], parts[1:]):
        return title[title.find(parts[1]) :].strip()
    return title


class MetadataReader:
    """Reads PageMetadata from HTML; holds the month table for Arabic-written dates."""

    def __init__(self, months: MonthTable | None = None) -> None:
        self.months = months or MonthTable.load()
        self.dates = DateReader(self.months)

    def read(self, html: str) -> PageMetadata:
        """Metadata of an HTML page given as text (empty when it cannot be parsed)."""
        try:
            tree = lxml_html.fromstring(html)
        except (ValueError, lxml_html.etree.ParserError):
            return PageMetadata()
        return self.read_tree(tree)

    def read_tree(self, tree: Any) -> PageMetadata:
        """Metadata of a parsed page."""
        meta = PageMetadata()
        objects = _json_ld(tree)
        for obj in objects:
            meta.schema_types |= _types(obj)
        article = next(
            (o for o in objects if _types(o) & (_ARTICLE_TYPES | _LIVE_TYPES | _VIDEO_TYPES)),
            {},
        )
        meta.og_type = _meta(tree, "og:type")
        meta.site_name = _meta(tree, "og:site_name", "application-name") or _publisher(article)
        meta.canonical_url = _first(tree.xpath('//link[@rel="canonical"]/@href')) or _meta(
            tree, "og:url"
        )
        meta.language = (_first(tree.xpath("/html/@lang")) or "").split("-")[0] or None
        self._title(tree, meta, article)
        meta.authors = (
            _names(article.get("author"))
            or _split_authors(_meta(tree, "author", "article:author", "dc.creator"))
            or [_text(a) for a in tree.xpath('//*[@rel="author" or @class="author-name"]')][:3]
        )
        meta.authors = [a for a in meta.authors if a and not a.startswith("http")]
        meta.published = self.dates.value(article.get("datePublished")) or self._meta_date(tree)
        section = article.get("articleSection")
        meta.section = (
            (section[0] if isinstance(section, list) and section else section)
            if isinstance(section, (str, list))
            else None
        ) or _meta(tree, "article:section")
        keywords = article.get("keywords")
        meta.tags = _meta_all(tree, "article:tag") or (
            [k.strip() for k in keywords.split(",") if k.strip()]
            if isinstance(keywords, str)
            else [str(k) for k in keywords]
            if isinstance(keywords, list)
            else []
        )
        return meta

    def _meta_date(self, tree: Any) -> date | None:
        """The publication date of the meta tags (names compared case-blind), Parse.ly's too."""
        values: dict[str, str] = {}
        for node in tree.xpath("//meta[@content]"):
            key = node.get("property") or node.get("name") or node.get("itemprop") or ""
            values.setdefault(key.strip().lower(), str(node.get("content")))
        for key in _DATE_KEYS:
            if found := self.dates.value(values.get(key)):
                return found
        parsely = values.get("parsely-page")
        if parsely:
            try:
                data = json.loads(parsely)
            except json.JSONDecodeError:
                return None
            return self.dates.value(data.get("pub_date")) if isinstance(data, dict) else None
        return None

    def _title(self, tree: Any, meta: PageMetadata, article: dict[str, Any]) -> None:
        h1 = [_text(h) for h in tree.xpath("//h1") if _text(h)]
        headline = article.get("headline")
        candidates = [
            c
            for c in (
                headline if isinstance(headline, str) else None,
                _meta(tree, "og:title", "twitter:title"),
                _text(_first(tree.xpath("//title"))),
            )
            if c
        ]
        cleaned = [clean_title(c, meta.site_name) for c in candidates]
        meta.title_candidates = h1 + cleaned
        # An h1 that another source confirms is the headline; otherwise the best declared one.
        # An h1 much shorter than the declared title is the site's name (Blogger, old CMSs).
        # An h1 that holds a declared title and a kicker (a label of a few words) gives way
        # to the declared title.
        exact = next((h for h in h1 if any(fold(h) == fold(c) for c in cleaned)), None)
        if exact:
            meta.title = exact
            return
        for heading in h1:
            folded = fold(heading)
            for part in (p for c in cleaned for p in _parts(c)):
                extra = len(heading.split()) - len(part.split())
                if folded != fold(part) and fold(part) in folded and 0 < extra <= KICKER_WORDS:
                    meta.title = part
                    return
            if any(folded == fold(c) or _covers(folded, fold(c)) for c in cleaned):
                meta.title = heading
                return
            if any(_cut_from(folded, fold(c)) for c in cleaned):
                meta.title = heading
                return
        sites = [fold(h) for h in h1]
        cleaned = [_strip_site(c, sites) for c in cleaned]
        meta.title = cleaned[0] if cleaned else (h1[0] if h1 else None)
        if meta.title:
            meta.title = _shown_part(tree, meta.title)


def _parts(title: str) -> list[str]:
    """A declared title and, when separators split it, its parts of three words or more."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if len(p.split()) >= 3]
    return [title, *(p for p in parts if p != title)]


def _shown_part(tree: Any, title: str) -> str:
    """The longest start or end of a declared title, cut at a separator, that the page
    shows as a text of its own: "HEADLINE - SITE" → HEADLINE when a heading says so."""
    cuts: list[str] = []
    shown = "//body//text()[normalize-space(.) = $text]"
    if not _TITLE_SEPARATORS.search(title) or tree.xpath(shown, text=title):
        return title
    for match in _TITLE_SEPARATORS.finditer(title):
        cuts += [title[: match.start()].strip(), title[match.end() :].strip()]
    for cut in sorted((c for c in cuts if len(c.split()) >= 3), key=len, reverse=True):
        if tree.xpath(shown, text=cut):
            return cut
    return title


def _cut_from(heading: str, declared: str) -> bool:
    """The declared title is the h1 cut short ("…"), as CMSs cut titles for search engines."""
    stem = declared.rstrip(" .…")
    return stem != declared and len(stem) >= 0.5 * len(heading) and heading.startswith(stem)


def _covers(heading: str, declared: str) -> bool:
    """The h1 and a declared title are the same headline, one perhaps a bit longer."""
    short, long = sorted((heading, declared), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def _strip_site(title: str, sites: list[str]) -> str:
    """Remove a site name (an h1 that is not the headline) from the start or end of a title."""
    folded = fold(title)
    for site in sites:
        if site and folded != site and (folded.startswith(site) or folded.endswith(site)):
            words = len(site.split())
            kept = title.split()[words:] if folded.startswith(site) else title.split()[:-words]
            return " ".join(kept).strip(" |-–—:•·»«｜")
    return title


def _publisher(article: dict[str, Any]) -> str | None:
    publisher = article.get("publisher")
    name = publisher.get("name") if isinstance(publisher, dict) else None
    return name if isinstance(name, str) and name.strip() else None


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r"[;,،]|\s+و(?=\S)", value) if a.strip()]


def _first(values: Any) -> Any:
    return values[0] if len(values) else None
