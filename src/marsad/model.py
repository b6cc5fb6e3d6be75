"""The records that flow through Marsad: frozen dataclasses, one per kind of document or fact.

Offsets (``start``/``end``) are character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SCHEMA_VERSION = 1

InputKind = Literal["auto", "text", "html"]
EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC", "VEH", "EVENT", "MISC"]
Modality = Literal["asserted", "reported", "hypothetical", "negated", "future"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as a source delivered it, before extraction."""

    input: str
    content: str
    kind: InputKind = "auto"
    url: str | None = None
    published: date | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A line or block dropped as boilerplate, with the reason it was dropped."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the article body: its title, a subheading or a paragraph."""

    kind: Literal["title", "subheading", "paragraph"]
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: metadata and body blocks, with the boilerplate that was removed."""

    input: str
    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...] = ()
    url: str | None = None
    site: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    published: date | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", "\n\n".join(b.text for b in self.blocks))

    @property
    def title(self) -> str | None:
        """The headline, or None when no line looked like one."""
        return next((b.text for b in self.blocks if b.kind == "title"), None)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")

    @property
    def subheadings(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "subheading")

    @property
    def id(self) -> str:
        """A stable content hash: the same text always has the same id."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark; Arabic words carry their clitic analysis."""

    start: int
    end: int
    text: str
    #: The word without its proclitics and pronoun suffix (None when nothing was split off).
    base: str | None = None
    proclitics: tuple[str, ...] = ()
    suffix: str | None = None
    #: A light stem for search and matching (Snowball "arabic").
    stem: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    #: A title or organ phrase (الرئيس الروسي، القوات الروسية) rather than a name.
    nominal: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    id: str | None
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    name_en: str | None = None
    country: str | None = None
    code: str | None = None
    #: The event actor key: ISO alpha-3 for a state and what acts for it, else UN, ISIS…
    key: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date or time expression; ``value`` is ISO (``2015-11-26``, ``2015-W47``, ``2015``)."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    #: Why ``value`` is None (no publication date, impossible date, out of range…).
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number tied to what it counts (killed, passengers…) or to its unit (USD, percent)."""

    start: int
    end: int
    text: str
    value: float | int | None
    what: str | None
    #: A unit for amounts that are not counts: a currency code or ``percent``.
    unit: str | None = None
    #: True for vague amounts (عشرات، نحو، أكثر من…).
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Actor:
    """An event argument: an entity reference with its country and CAMEO actor code."""

    entity: str | None
    name: str
    country: str | None = None
    code: str | None = None
    #: The actor key: ISO alpha-3 for a state and what acts for it, else UN, ISIS…
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Span
    sentence: str
    modality: Modality
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    location: str | None = None
    date: str | None = None
    attributed_to: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with everything the analysis found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, object]:
        """The JSON record of the contract (DESIGN.md, schema_version 1)."""
        from marsad.record import to_record

        return to_record(self)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles from different outlets about the same happening."""

    id: str
    article_ids: tuple[str, ...]
    title: str | None = None
