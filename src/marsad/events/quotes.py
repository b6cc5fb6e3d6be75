"""Quotes and their speakers: quoted words in the text that are not names.

A span between quote marks (“…”, «…», "…") is a quote unless it is a name the entity
stage found (“داعش”, “شارل ديغول”, “Defense News”). Its speaker is the nearest person
named before it in its sentence, else the actor right before a speech verb or the sentence's
subject (واشنطن رجحت “…”), else the person last named before the sentence — news drops the
subject of "وقال …: “…”" when it was named just before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from marsad.arabic.normalize import fold
from marsad.events.arguments import PREPOSITIONS
from marsad.events.modality import ModalityCues
from marsad.model import AnalyzedArticle, Entity, Mention, Quote, Sentence
from marsad.pipeline import Document, Dropped

_QUOTED = re.compile(r"“([^”\n]{1,400})”|«([^»\n]{1,400})»|\"([^\"\n]{1,400})\"")
#: Types that can speak.
_SPEAKERS = frozenset({"PER", "ORG", "GPE"})


class QuoteFinder:
    """Fills ``quotes`` (needs sentences and entities)."""

    name = "quotes"
    requires = frozenset({"sentences", "entities"})
    provides = frozenset({"quotes"})

    def __init__(self, cues: ModalityCues | None = None) -> None:
        #: The speech verbs of the event coder (data/modality.tsv).
        self.speech = (cues or ModalityCues.load()).speech

    def __call__(self, doc: Document) -> Document | Dropped:
        if not isinstance(doc, AnalyzedArticle):
            raise TypeError(f"{self.name} needs an AnalyzedArticle, got {type(doc).__name__}")
        return dataclasses.replace(doc, quotes=find_quotes(doc, self.speech))


def find_quotes(article: AnalyzedArticle, speech: frozenset[str]) -> tuple[Quote, ...]:
    """The quotes of an analysed article with their speakers' entity ids."""
    text = article.article.text
    mentions = sorted(
        ((m, e) for e in article.entities for m in e.mentions), key=lambda pair: pair[0].start
    )
    quotes: list[Quote] = []
    for match in _QUOTED.finditer(text):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        inner = text[start:end].strip()
        if not inner or _is_name(start, end, mentions):
            continue
        sentence = _sentence_of(article.sentences, start)
        speaker = _speaker(start, sentence, mentions, text, speech)
        quotes.append(Quote(start, end, text[start:end], speaker.id if speaker else None))
    return tuple(quotes)


def _is_name(start: int, end: int, mentions: Sequence[tuple[Mention, Entity]]) -> bool:
    """Whether the quoted span is (mostly) one entity mention: a name, not a quote."""
    for mention, _ in mentions:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > 0 and overlap >= 0.6 * (end - start):
            return True
    return False


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)


def _governed(text: str, mention: Mention) -> bool:
    """A mention inside a prepositional phrase (في الفلبين، بموسكو) does not speak."""
    if mention.start > 0 and text[mention.start - 1] in "بلك":
        return True
    words = text[max(0, mention.start - 12) : mention.start].split()
    if not words:
        return False
    # في الفلبين، مع بوتين — or a title with its preposition: للرئيس بوتين، بالرئيس …
    return fold(words[-1]) in PREPOSITIONS or words[-1].startswith(("لل", "بال", "ولل", "وبال"))


def _speaker(
    start: int,
    sentence: Sentence | None,
    mentions: Sequence[tuple[Mention, Entity]],
    text: str,
    speech: frozenset[str],
) -> Entity | None:
    floor = sentence.start if sentence else 0
    before = [
        (m, e)
        for m, e in mentions
        if m.end <= start and e.type in _SPEAKERS and not _governed(text, m)
    ]
    in_sentence = [(m, e) for m, e in before if m.start >= floor]
    earlier_people = [e for m, e in before if m.start < floor and e.type == "PER"]
    people = [e for m, e in in_sentence if e.type == "PER"]
    if people:
        return people[-1]
    opening = text[floor:start].split()[:2]
    if any(_bare(fold(word)) in speech for word in opening):
        # "وقال للصحفيين …: “…”": the speaker was named before the sentence.
        return earlier_people[-1] if earlier_people else None
    if in_sentence:
        return in_sentence[-1][1]  # واشنطن رجحت “…”
    return earlier_people[-1] if earlier_people else None


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word
