"""Scorer for HTML article extraction against gold pages (NAME.html + NAME.gold.json).

Gold fields used: kind (article/section/tag/video/liveblog), title, published, date_shown,
paragraphs (body and subheadings in order), must_include and must_exclude snippets.
Body text is compared as bags of tokens after Arabic folding; snippets as folded
substrings.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import fold
from marsad.errors import InputError
from marsad.extract.decode import decode

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor returned for one page; ``text`` None when it dropped the page."""

    text: str | None
    title: str | None = None
    published: str | None = None


Extractor = Callable[[str, str | None], Extraction]


@dataclass(frozen=True, slots=True)
class GoldPage:
    name: str
    html: str
    gold: dict[str, Any]

    @property
    def is_article(self) -> bool:
        return bool(self.gold.get("kind", "article") == "article")


@dataclass(slots=True)
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float
    included: int
    include_total: int
    leaked: list[str]
    exclude_total: int
    title_ok: bool
    date_ok: bool | None


@dataclass(slots=True)
class ExtractionReport:
    pages: list[PageScore] = field(default_factory=list)
    kind_correct: int = 0
    kind_total: int = 0

    def summary(self) -> dict[str, float | int]:
        pages = self.pages
        dated = [p.date_ok for p in pages if p.date_ok is not None]
        include_total = sum(p.include_total for p in pages)
        exclude_total = sum(p.exclude_total for p in pages)
        return {
            "pages": len(pages),
            "precision": round(statistics.fmean(p.precision for p in pages), 4) if pages else 0,
            "recall": round(statistics.fmean(p.recall for p in pages), 4) if pages else 0,
            "f1": round(statistics.fmean(p.f1 for p in pages), 4) if pages else 0,
            "snippet_hit": round(sum(p.included for p in pages) / max(1, include_total), 4),
            "leak": round(sum(len(p.leaked) for p in pages) / max(1, exclude_total), 4),
            "title": round(sum(p.title_ok for p in pages) / max(1, len(pages)), 4),
            "date": round(sum(bool(d) for d in dated) / max(1, len(dated)), 4),
            "dated_pages": len(dated),
            "kind": round(self.kind_correct / max(1, self.kind_total), 4),
            "kind_pages": self.kind_total,
        }


def tokens(text: str) -> Counter[str]:
    """Bag of folded word tokens."""
    return Counter(_TOKEN.findall(fold(text)))


def _prf(got: Counter[str], want: Counter[str]) -> tuple[float, float, float]:
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_page(page: GoldPage, result: Extraction) -> PageScore:
    gold = page.gold
    text = result.text or ""
    folded = fold(text)
    precision, recall, f1 = _prf(tokens(text), tokens("\n".join(gold["paragraphs"])))
    include = [s for s in gold.get("must_include", []) if s]
    exclude = [s for s in gold.get("must_exclude", []) if s]
    date_ok = None
    if gold.get("date_shown") and gold.get("published"):
        date_ok = (result.published or "")[:10] == gold["published"]
    return PageScore(
        name=page.name,
        precision=precision,
        recall=recall,
        f1=f1,
        included=sum(1 for s in include if fold(s) in folded),
        include_total=len(include),
        leaked=[s for s in exclude if fold(s) in folded],
        exclude_total=len(exclude),
        title_ok=bool(result.title) and fold(result.title or "") == fold(gold.get("title") or ""),
        date_ok=date_ok,
    )


def load_pages(directories: Iterable[Path]) -> list[GoldPage]:
    """Gold pages from directories of NAME.html (+ NAME.gold.json) pairs."""
    pages = []
    for directory in directories:
        golds = sorted(Path(directory).glob("*.gold.json"))
        if not golds:
            raise InputError(f"{directory}: no *.gold.json files to score against")
        for gold_path in golds:
            name = gold_path.name.removesuffix(".gold.json")
            html_path = gold_path.with_name(f"{name}.html")
            if not html_path.is_file():
                raise InputError(f"{gold_path} has no {html_path.name} beside it")
            gold = json.loads(gold_path.read_text("utf-8"))
            html, _ = decode(html_path.read_bytes(), name=str(html_path))
            pages.append(GoldPage(f"{Path(directory).name}/{name}", html, gold))
    return pages


def evaluate(extractor: Extractor, pages: list[GoldPage]) -> ExtractionReport:
    """Run one extractor over the pages: articles are scored, non-articles test page kind."""
    report = ExtractionReport()
    for page in pages:
        result = extractor(page.html, page.gold.get("url"))
        report.kind_total += 1
        dropped = result.text is None
        report.kind_correct += dropped != page.is_article
        if page.is_article:
            report.pages.append(score_page(page, result))
    return report


def marsad_extractor() -> Extractor:
    """Marsad's own extraction stage as an Extractor."""
    from marsad.extract.stages import ArticleExtractor
    from marsad.model import Article, RawDocument

    stage = ArticleExtractor()

    def run(html: str, url: str | None) -> Extraction:
        result = stage(RawDocument(input=url or "page", content=html, kind="html", url=url))
        if not isinstance(result, Article):
            return Extraction(None)
        body = "\n".join(result.text.split("\n\n")[1:]) if result.title else result.text
        published = result.published.isoformat() if result.published else None
        return Extraction(body, result.title, published)

    return run
