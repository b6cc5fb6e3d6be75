"""The pipeline stage of entities: mentions found and linked to actors."""

from __future__ import annotations

import dataclasses

from marsad.entities.linking import ActorLinker
from marsad.model import AnalyzedArticle
from marsad.pipeline import Document, Dropped


class EntityLinker:
    """Fills ``entities``: named, title and organ mentions linked to the actor knowledge base."""

    name = "entities"
    requires = frozenset({"record"})
    provides = frozenset({"entities"})

    def __init__(self, linker: ActorLinker | None = None) -> None:
        self.linker = linker or ActorLinker.load()

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, AnalyzedArticle):
            raise TypeError(f"{self.name} needs an AnalyzedArticle, got {type(doc).__name__}")
        entities = self.linker.link(doc.article.text, doc.article.published)
        return dataclasses.replace(doc, entities=entities)
