"""The pipeline stage of events: PLOVER events coded from the sentences and entities."""

from __future__ import annotations

import dataclasses

from marsad.events.coder import Coder
from marsad.model import AnalyzedArticle
from marsad.pipeline import Document, Dropped


class EventCoder:
    """Fills ``events``: who did what to whom, with modality, place, date and evidence."""

    name = "events"
    requires = frozenset({"sentences", "entities", "times"})
    provides = frozenset({"events"})

    def __init__(self, coder: Coder | None = None, *, home_country: str | None = None) -> None:
        self.coder = coder or Coder.load(home_country=home_country)

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, AnalyzedArticle):
            raise TypeError(f"{self.name} needs an AnalyzedArticle, got {type(doc).__name__}")
        return dataclasses.replace(doc, events=self.coder.code(doc))
