"""The extraction stages: a RawDocument becomes an Article, then gets its language."""

from __future__ import annotations

from dataclasses import replace

from marsad.errors import MarsadError
from marsad.extract.html import HtmlArticleReader, looks_like_html
from marsad.extract.language import identify
from marsad.extract.textdump import TextDumpClassifier
from marsad.model import AnalyzedArticle, Article, RawDocument
from marsad.pipeline import Document, Dropped


class ArticleExtractor:
    """RawDocument → Article: HTML through trafilatura, text dumps through the line classifier."""

    name = "extract"
    requires = frozenset({"raw"})
    provides = frozenset({"article"})

    def __init__(self) -> None:
        self.classifier = TextDumpClassifier()
        self.html = HtmlArticleReader(self.classifier)

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, RawDocument):
            raise TypeError(f"{self.name} takes a RawDocument, got {type(doc).__name__}")
        is_html = doc.kind == "html" or (doc.kind == "auto" and looks_like_html(doc.content))
        try:
            if is_html:
                page = self.html.read(
                    doc.content, input=doc.input, url=doc.url, published=doc.published
                )
                if page.kind.kind != "article":
                    return Dropped(f"not an article: {page.kind.kind} page ({page.kind.reason})")
                article = page.article
            else:
                article = self.classifier.classify(
                    doc.content, input=doc.input, published=doc.published
                )
        except MarsadError as exc:
            return Dropped(exc.message, doc.input)
        if not article.paragraphs:
            return Dropped("no article body found (no line reads as a paragraph)", doc.input)
        return replace(article, url=article.url or doc.url)


class LanguageIdentifier:
    """Sets Article.language from the body text (ar, fa, ur, ckb, en, fr or und)."""

    name = "language"
    requires = frozenset({"article"})
    provides = frozenset({"language"})

    def __init__(self, *, skip_non_arabic: bool = False) -> None:
        self.skip_non_arabic = skip_non_arabic

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, Article):
            raise TypeError(f"{self.name} takes an Article, got {type(doc).__name__}")
        language = identify(doc.text).code
        if self.skip_non_arabic and language != "ar":
            return Dropped(f"not Arabic (language {language})", doc.input)
        return replace(doc, language=language)


class RecordAssembler:
    """Article → AnalyzedArticle, the record later analysis stages fill in."""

    name = "record"
    requires = frozenset({"article", "language"})
    provides = frozenset({"record"})

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, Article):
            raise TypeError(f"{self.name} takes an Article, got {type(doc).__name__}")
        return AnalyzedArticle(article=doc)
