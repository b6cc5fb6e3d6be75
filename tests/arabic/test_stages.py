"""The stages on hand-built articles and on the seed (tests/data/seed.gold.json)."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest

from marsad.arabic.stages import QuantityTagger, SentenceSplitter, TimeTagger
from marsad.model import AnalyzedArticle, Article, Block
from marsad.pipeline import Pipeline

SEED = Path(__file__).parent.parent / "data" / "seed.gold.json"


def _article(text: str, published: date | None) -> AnalyzedArticle:
    blocks = tuple(Block("paragraph", p) for p in text.split("\n\n"))
    return AnalyzedArticle(Article(input="test", blocks=blocks, published=published))


@pytest.fixture(scope="module")
def stages() -> tuple[SentenceSplitter, TimeTagger, QuantityTagger]:
    return SentenceSplitter(), TimeTagger(), QuantityTagger()


@pytest.fixture(scope="module")
def seed(stages: tuple[SentenceSplitter, TimeTagger, QuantityTagger]) -> AnalyzedArticle:
    gold = json.loads(SEED.read_text("utf-8"))
    doc = _article(gold["text"], date.fromisoformat(gold["published"]))
    pipeline = Pipeline(list(stages), initial=frozenset({"raw", "record"}))
    result = pipeline.process(doc)
    assert isinstance(result, AnalyzedArticle)
    assert result.article.text == gold["text"]
    return result


def test_seed_dates(seed: AnalyzedArticle) -> None:
    values = {t.text: (t.value, t.granularity) for t in seed.times}
    assert values["يوم الخميس المقبل"] == ("2015-11-26", "day")
    assert values["في وقت سابق من الأسبوع الجاري"] == ("2015-W47", "week")
    assert values["يوم 24 نوفمبر/تشرين الثاني"] == ("2015-11-24", "day")
    assert values["يوم 26 نوفمبر/تشرين الثاني"] == ("2015-11-26", "day")
    assert values["4 ديسمبر/كانون الأول المقبل"] == ("2015-12-04", "day")
    assert values["في غضون أسابيع"] == (None, "vague")
    assert values["حاليا"] == ("2015-11-20", "day")
    for t in seed.times:
        assert seed.article.text[t.start : t.end] == t.text


def test_seed_quantities(seed: AnalyzedArticle) -> None:
    found = {(q.value, q.what) for q in seed.quantities}
    assert {(129, "killed"), (217, "passengers"), (7, "crew"), (3, "states")} <= found
    for q in seed.quantities:
        assert seed.article.text[q.start : q.end] == q.text


def test_sentences_have_tokens_with_article_offsets(seed: AnalyzedArticle) -> None:
    text = seed.article.text
    assert len(seed.sentences) > 20
    for sentence in seed.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


def test_stage_contracts(stages: tuple[SentenceSplitter, TimeTagger, QuantityTagger]) -> None:
    splitter, times, quantities = stages
    assert splitter.requires == {"record"} and splitter.provides == {"sentences"}
    assert times.requires == {"sentences"} and times.provides == {"times"}
    assert quantities.requires == {"sentences"} and quantities.provides == {"quantities"}


def test_stages_pickle(stages: tuple[SentenceSplitter, TimeTagger, QuantityTagger]) -> None:
    for stage in stages:
        assert type(pickle.loads(pickle.dumps(stage))) is type(stage)


def test_without_publication_date(
    stages: tuple[SentenceSplitter, TimeTagger, QuantityTagger],
) -> None:
    splitter, times, _ = stages
    doc = times(splitter(_article("وصل الوفد أمس.", None)))
    assert isinstance(doc, AnalyzedArticle)
    (expr,) = doc.times
    assert expr.value is None and expr.reason
