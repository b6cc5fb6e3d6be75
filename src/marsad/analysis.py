"""The default pipeline and the one-call analysis entry point."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType

from marsad.arabic.stages import QuantityTagger, SentenceSplitter, TimeTagger
from marsad.entities.stages import EntityLinker
from marsad.errors import ExtractionError, InputError
from marsad.events.quotes import QuoteFinder
from marsad.events.stages import EventCoder
from marsad.extract.stages import ArticleExtractor, LanguageIdentifier, RecordAssembler
from marsad.model import AnalyzedArticle, RawDocument
from marsad.pipeline import Dropped, Pipeline, Stage

#: Stage names and how to build each stage, in the default order.
STAGES: Mapping[str, Callable[[], Stage]] = MappingProxyType(
    {
        "extract": ArticleExtractor,
        "language": LanguageIdentifier,
        "record": RecordAssembler,
        "sentences": SentenceSplitter,
        "times": TimeTagger,
        "quantities": QuantityTagger,
        "entities": EntityLinker,
        "quotes": QuoteFinder,
        "events": EventCoder,
    }
)


def default_pipeline(
    names: list[str] | None = None,
    *,
    skip_non_arabic: bool = False,
    home_country: str | None = None,
) -> Pipeline:
    """A Pipeline of the named stages (all of them, in order, by default).

    With ``skip_non_arabic`` the language stage drops documents that are not Arabic
    (batch work); without it they are analysed and only flagged in ``language``.
    ``home_country`` (ISO alpha-3) is the state of generic domestic actors in articles
    that name no state (the outlets' country).
    """
    chosen = list(STAGES) if names is None else names
    unknown = [n for n in chosen if n not in STAGES]
    if unknown:
        raise InputError(f"unknown stage(s) {unknown}; known: {list(STAGES)}")

    def build(name: str) -> Stage:
        if name == "language" and skip_non_arabic:
            return LanguageIdentifier(skip_non_arabic=True)
        if name == "events" and home_country:
            return EventCoder(home_country=home_country)
        return STAGES[name]()

    stages = [build(n) for n in chosen]
    return Pipeline(stages)


def parse_date(value: date | str | None) -> date | None:
    """Accept a date, an ISO ``YYYY-MM-DD`` string, or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"published date must be YYYY-MM-DD, got {value!r}") from None


def analyze(
    text_or_html: str,
    published: date | str | None = None,
    *,
    pipeline: Pipeline | None = None,
    input: str = "<string>",
) -> AnalyzedArticle:
    """Analyse one article given as a text dump or an HTML page; returns its record.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates. Raises
    ExtractionError when no article can be found in the input.
    """
    if not text_or_html.strip():
        raise InputError("the text is empty")
    doc = RawDocument(input=input, content=text_or_html, published=parse_date(published))
    result = (pipeline or default_pipeline()).process(doc)
    if isinstance(result, Dropped):
        raise ExtractionError(result.reason, document=input, stage=result.stage)
    assert isinstance(result, AnalyzedArticle)
    return result
