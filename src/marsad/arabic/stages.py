"""Pipeline stages of the Arabic text core: sentences with tokens, times, quantities.

Each works on an :class:`~marsad.model.AnalyzedArticle` (made by the ``record`` stage),
loads its data once when built, and returns a new article with one field filled.
"""

from __future__ import annotations

import dataclasses

from marsad.arabic.dates import DateTagger
from marsad.arabic.numbers import NumberReader
from marsad.arabic.quantities import QuantityFinder
from marsad.arabic.sentences import SentenceSplitter as _Splitter
from marsad.arabic.tokens import Tokenizer
from marsad.model import AnalyzedArticle, Sentence
from marsad.pipeline import Document, Dropped


def _analyzed(doc: Document, stage: str) -> AnalyzedArticle:
    if not isinstance(doc, AnalyzedArticle):
        raise TypeError(f"{stage} needs an AnalyzedArticle, got {type(doc).__name__}")
    return doc


class SentenceSplitter:
    """Fills ``sentences`` (each with its tokens) from the article text."""

    name = "sentences"
    requires = frozenset({"record"})
    provides = frozenset({"sentences"})

    def __init__(self) -> None:
        self.splitter = _Splitter.load()
        self.tokenizer = Tokenizer.load()

    def __call__(self, doc: Document) -> Document | Dropped:
        article = _analyzed(doc, self.name)
        sentences = tuple(
            dataclasses.replace(s, tokens=self.tokenizer.tokenize(s.text, s.start))
            for s in self.splitter.split(article.article.text)
        )
        return dataclasses.replace(article, sentences=sentences)


class TimeTagger:
    """Fills ``times``: date and time expressions resolved against ``published``."""

    name = "times"
    requires = frozenset({"sentences"})
    provides = frozenset({"times"})

    def __init__(self) -> None:
        self.tagger = DateTagger.load()

    def __call__(self, doc: Document) -> Document | Dropped:
        article = _analyzed(doc, self.name)
        published = article.article.published
        times = tuple(
            expr
            for sentence in article.sentences
            for expr in self.tagger.find(sentence.text, published, sentence.start)
        )
        return dataclasses.replace(article, times=times)


class QuantityTagger:
    """Fills ``quantities``: counts with what they count, percentages and money.

    Numbers inside time expressions (when the ``times`` stage ran first) are skipped.
    """

    name = "quantities"
    requires = frozenset({"sentences"})
    provides = frozenset({"quantities"})

    def __init__(self) -> None:
        self.finder = QuantityFinder.load(NumberReader.load())

    def __call__(self, doc: Document) -> Document | Dropped:
        article = _analyzed(doc, self.name)
        found = []
        for sentence in article.sentences:
            exclude = _time_spans(article, sentence)
            found.extend(self.finder.find(sentence.text, exclude, sentence.start))
        return dataclasses.replace(article, quantities=tuple(found))


def _time_spans(article: AnalyzedArticle, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Time expressions of a sentence as spans relative to the sentence."""
    return tuple(
        (t.start - sentence.start, t.end - sentence.start)
        for t in article.times
        if sentence.start <= t.start < sentence.end
    )
