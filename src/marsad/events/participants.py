"""Generic actors: nouns that name a kind of actor (المحتجين، الإرهابيين، السلطات).

They come from ``data/generic_actors.tsv``. A generic actor belongs to the state named by
a nisba right after it ("المحتجين التونسيين"), else to the article's main state; its key is
the state itself for state bodies (الحكومة، قوات الأمن، المحكمة) and ``STATE.ROLE``
otherwise (``TUN.CVL`` for protesters, ``TUN.REB`` for terrorists).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.normalize import fold
from marsad.events.arguments import ActorMention
from marsad.events.triggers import readings
from marsad.model import Actor, Entity, Token

STATE = "STATE"


@dataclass(frozen=True, slots=True)
class GenericActors:
    """Phrases of generic actors by their folded words, with their role."""

    phrases: Mapping[tuple[str, ...], str]
    max_words: int

    @classmethod
    def load(cls) -> GenericActors:
        text = resources.files("marsad.events").joinpath("data", "generic_actors.tsv")
        rows = [
            line.split("\t")
            for line in text.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ][1:]
        phrases = {tuple(fold(phrase).split()): role.strip() for phrase, role in rows}
        return cls(phrases, max((len(k) for k in phrases), default=1))

    def find(
        self,
        tokens: Sequence[Token],
        covered: set[int],
        home: str | None,
        adjectives: Mapping[tuple[str, ...], str],
    ) -> list[ActorMention]:
        """Generic actors among the tokens not ``covered`` by a named actor."""
        folded = [fold(t.text) for t in tokens]
        found: list[ActorMention] = []
        i = 0
        while i < len(tokens):
            match = None if i in covered else self._at(folded, i, covered)
            if match is None:
                i += 1
                continue
            last, role = match
            state = adjectives.get((folded[last + 1],)) if last + 1 < len(tokens) else None
            if state is not None:
                last += 1
            state = state or home
            if state is not None:
                key = state if role == STATE else f"{state}.{role}"
                name = " ".join(t.text for t in tokens[i : last + 1])
                actor = Actor(None, name, state, state if role == STATE else None, key)
                found.append(ActorMention(i, last, actor, key))
            i = last + 1
        return found

    def _at(self, folded: list[str], i: int, covered: set[int]) -> tuple[int, str] | None:
        heads = list(dict.fromkeys(readings(folded[i])))
        for size in range(min(self.max_words, len(folded) - i), 0, -1):
            if any(j in covered for j in range(i, i + size)):
                continue
            tail = tuple(folded[i + 1 : i + size])
            for head in heads:
                role = self.phrases.get((head, *tail))
                if role is not None:
                    return i + size - 1, role
        return None


def main_state(entities: Iterable[Entity]) -> str | None:
    """The state the article names most often (by named, not nominal, mentions)."""
    counts: Counter[str] = Counter()
    for entity in entities:
        key = entity.key or entity.country
        if key and len(key) == 3:
            counts[key] += sum(1 for m in entity.mentions if not m.nominal)
    return counts.most_common(1)[0][0] if counts else None
