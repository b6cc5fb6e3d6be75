"""Marsad's HTML extraction side by side with other extractors, measured in one run.

Usage (needs `pip install -e '.[compare]'`):
    python eval/compare_extractors.py eval/data/html_real eval/data/html_synthetic [--json]

Every tool gets the same decoded HTML and is scored by marsad.evaluation.extraction:
mean body-token precision/recall/F1 over article pages, must-include hit rate,
must-exclude leak rate, exact title and date accuracy. Only Marsad tells article pages
from other pages, so page-kind accuracy is reported for it alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from marsad.evaluation.extraction import (
    Extraction,
    Extractor,
    evaluate,
    load_pages,
    marsad_extractor,
)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def trafilatura_extractor(**options: Any) -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> Extraction:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
        if doc is None:
            return Extraction("")
        return Extraction(doc.text or "", doc.title, doc.date)

    return run


def newspaper_extractor() -> Extractor:
    from newspaper import Article

    def run(html: str, url: str | None) -> Extraction:
        # fetch_images=False: newspaper4k would download the top image over the network
        article = Article(url or "https://example.org/article", language="ar", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return Extraction(article.text, article.title, _iso(article.publish_date))

    return run


def readability_extractor() -> Extractor:
    from readability import Document

    def run(html: str, url: str | None) -> Extraction:
        doc = Document(html)
        summary = lxml_html.fromstring(doc.summary())
        paragraphs = [" ".join(p.text_content().split()) for p in summary.iter("p", "h2", "h3")]
        return Extraction("\n".join(p for p in paragraphs if p), doc.short_title(), None)

    return run


def goose_extractor() -> Extractor:
    from goose3 import Goose
    from goose3.text import StopWordsArabic

    goose = Goose({"stopwords_class": StopWordsArabic, "enable_image_fetching": False})

    def run(html: str, url: str | None) -> Extraction:
        article = goose.extract(raw_html=html)
        return Extraction(article.cleaned_text, article.title, _iso(article.publish_datetime_utc))

    return run


def justext_extractor() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("Arabic")

    def run(html: str, url: str | None) -> Extraction:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return Extraction("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


def resiliparse_extractor() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    def run(html: str, url: str | None) -> Extraction:
        return Extraction(extract_plain_text(html, main_content=True))

    return run


TOOLS: dict[str, Callable[[], Extractor]] = {
    "marsad": marsad_extractor,
    "trafilatura": trafilatura_extractor,
    "trafilatura (favor_recall)": lambda: trafilatura_extractor(favor_recall=True),
    "newspaper4k": newspaper_extractor,
    "readability-lxml": readability_extractor,
    "goose3": goose_extractor,
    "jusText": justext_extractor,
    "resiliparse": resiliparse_extractor,
}


def _safe(extractor: Extractor) -> Extractor:
    """A tool that crashes on a page gets an empty extraction for it, not a dead run."""

    def run(html: str, url: str | None) -> Extraction:
        try:
            return extractor(html, url)
        except Exception as exc:  # other tools' failures are data here
            print(f"  {type(exc).__name__}: {exc}"[:200], file=sys.stderr)
            return Extraction("")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pages = load_pages(args.gold)
    rows = {}
    for name, factory in TOOLS.items():
        try:
            extractor = factory()
        except ImportError as exc:
            print(f"{name}: not installed ({exc}); pip install -e '.[compare]'", file=sys.stderr)
            continue
        wrapped = extractor if name == "marsad" else _safe(extractor)
        rows[name] = evaluate(wrapped, pages).summary()
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    columns = ["f1", "precision", "recall", "snippet_hit", "leak", "title", "date"]
    print("| tool | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, summary in rows.items():
        print(f"| {name} | " + " | ".join(f"{summary[c]:.3f}" for c in columns) + " |")
    marsad = rows.get("marsad", {})
    print(f"\nmarsad page kind accuracy: {marsad.get('kind')} on {marsad.get('kind_pages')} pages")


if __name__ == "__main__":
    main()
