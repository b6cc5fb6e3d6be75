"""Finding event triggers in a sentence's tokens: verbs and nouns through their clitics.

Every surface form of the lexicon is indexed folded. A token matches when the token itself,
or the token without its proclitics (و ف ب ل ك س and ال) and/or its pronoun suffix,
is a form: ``وأشادت`` → ``أشادت``, ``لقائه`` → ``لقاء``, ``زيارتيه`` → ``زيارة``,
``فسترحب`` → ``ترحب``. Phrase triggers (اتصال هاتفي، طلعات استطلاعية) match word for word,
the first word with clitics; the longest match wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from marsad.arabic.normalize import fold
from marsad.events.ontology import Trigger
from marsad.model import Token

_PROCLITICS = ("وس", "فس", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س")
_ARTICLES = ("ال",)
_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """Tokens ``first`` … ``last`` (inclusive) of a sentence read as ``trigger``."""

    first: int
    last: int
    trigger: Trigger
    #: The first word carries a pronoun suffix (دعمها، لقائه، رفضه): its agent is that pronoun.
    possessed: bool = False


def readings(word: str, *, final_ta_marbuta: bool = False) -> Iterator[str]:
    """A folded word and its readings without proclitics, article and pronoun suffix.

    With ``final_ta_marbuta`` (the written word ends in ة) the final ه is not read as a
    pronoun: وزارة is "ministry", not و+زار+ه "and he visited him".
    """
    stems = [word]
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            stems.append(word[len(clitic) :])
            break
    for stem in list(stems):
        if stem.startswith(("ال", "لل")) and len(stem) >= 5:
            stems.append(stem[2:])
    for stem in stems:
        yield stem
        for suffix in _SUFFIXES:
            if final_ta_marbuta and suffix == "ه":
                continue
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                base = stem[: -len(suffix)]
                yield base
                if base.endswith("ت"):
                    yield base[:-1] + "ه"  # زيارته → زياره (ة folds to ه)
                if base.endswith("تي"):
                    yield base[:-2] + "ه"  # زيارتيه (dual construct) → زياره
                break


class TriggerIndex:
    """Trigger forms by their folded words."""

    def __init__(self, triggers: Iterable[Trigger]) -> None:
        self._single: dict[str, list[Trigger]] = {}
        self._phrases: dict[tuple[str, ...], list[Trigger]] = {}
        for trigger in triggers:
            for form in trigger.forms:
                words = tuple(fold(form).split())
                if not words:
                    continue
                if len(words) == 1:
                    _add(self._single, words[0], trigger)
                else:
                    _add(self._phrases, words, trigger)
        self.max_words = max((len(k) for k in self._phrases), default=1)

    def find(self, tokens: Sequence[Token]) -> list[TriggerHit]:
        """Trigger hits of a sentence, left to right, never overlapping."""
        folded = [fold(t.text) for t in tokens]
        words = [
            tuple(dict.fromkeys(readings(f, final_ta_marbuta=t.text.endswith("ة"))))
            for f, t in zip(folded, tokens, strict=True)
        ]
        present = {r for reading in words for r in reading}
        joined = " ".join(folded)
        hits: list[TriggerHit] = []
        i = 0
        while i < len(tokens):
            hit = self._at(folded, words, i, present, joined)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.last + 1
        return hits

    def _at(
        self,
        folded: list[str],
        words: list[tuple[str, ...]],
        i: int,
        present: set[str],
        joined: str,
    ) -> TriggerHit | None:
        for size in range(min(self.max_words, len(folded) - i), 1, -1):
            tail = tuple(folded[i + 1 : i + size])
            for head in words[i]:
                trigger = _choose(self._phrases.get((head, *tail), ()), present, joined)
                if trigger is not None:
                    return TriggerHit(i, i + size - 1, trigger, _possessed(folded[i], head))
        for head in words[i]:
            trigger = _choose(self._single.get(head, ()), present, joined)
            if trigger is not None:
                return TriggerHit(i, i, trigger, _possessed(folded[i], head))
        return None


def _possessed(word: str, reading: str) -> bool:
    """Whether ``reading`` is ``word`` without its pronoun suffix (دعمها → دعم)."""
    if word == reading:
        return False
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        candidates = [stem]
        if stem.endswith("تي"):
            candidates.append(stem[:-2] + "ه")
        elif stem.endswith("ت"):
            candidates.append(stem[:-1] + "ه")
        # The last letter may differ by its hamza seat only (لقائه → لقاء).
        return any(c.endswith(reading) or c[:-1].endswith(reading[:-1]) for c in candidates)
    return False


def _choose(candidates: Sequence[Trigger], present: set[str], joined: str) -> Trigger | None:
    """The row whose context words (``needs``) are in the sentence, else one without needs."""
    plain = None
    for trigger in candidates:
        needs = trigger.needs
        if not needs:
            plain = plain or trigger
            continue
        for need in needs:
            word = fold(need)
            if (" " in word and word in joined) or word in present:
                return trigger
    return plain


K = TypeVar("K")


def _add(index: dict[K, list[Trigger]], key: K, trigger: Trigger) -> None:
    found = index.setdefault(key, [])
    if trigger not in found:
        found.append(trigger)
