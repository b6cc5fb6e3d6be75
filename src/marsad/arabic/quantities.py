"""Quantities: numbers tied to what they count (killed, passengers, crew, tonnes…).

A count's ``what`` comes from the noun after the number (``129 قتيلا`` → killed), or the
noun before a definite number (``ركابها الـ217`` → passengers); a generic noun (شخصا،
أفراد) takes the event named around it (``حصدت أرواح 129 شخصا`` → killed) or the group
a cue names (``طاقمها المتكون من 7 أفراد`` → crew). Percentages and money keep their unit.
Numbers that are neither (article numbers, years) are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.normalize import MATCHING, Normalizer
from marsad.arabic.numbers import NumberExpr, NumberReader
from marsad.model import Quantity

_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("هما", "هم", "ها", "ه")
_ROLE_CUES = frozenset({"crew", "passengers"})
#: Words read before / after a number when looking for its context.
WINDOW_BEFORE = 7
WINDOW_AFTER = 4


@dataclass(frozen=True, slots=True)
class Noun:
    kind: str
    what: str


class QuantityFinder:
    """Finds counted quantities in text; build once with its noun lists."""

    def __init__(
        self,
        numbers: NumberReader,
        nouns: dict[str, Noun],
        cues: dict[str, str],
        stopwords: frozenset[str] = frozenset(),
        labels: frozenset[str] = frozenset(),
    ) -> None:
        self.numbers = numbers
        self.nouns = nouns
        self.cues = cues
        self.stopwords = stopwords
        self.labels = labels
        self._normalizer = Normalizer(MATCHING)

    @classmethod
    def load(cls, numbers: NumberReader | None = None) -> QuantityFinder:
        """The finder with the shipped noun and cue lists (``data/quantity_nouns.tsv``)."""
        reader = numbers or NumberReader.load()
        text = resources.files("marsad.arabic").joinpath("data", "quantity_nouns.tsv")
        nouns: dict[str, Noun] = {}
        cues: dict[str, str] = {}
        stopwords: set[str] = set()
        labels: set[str] = set()
        for line in text.read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            kind, written, what = line.split("\t")
            folded = reader.fold(written)
            if kind == "cue":
                cues[folded] = what
            elif kind == "stop":
                stopwords.add(folded)
            elif kind == "label":
                labels.add(folded)
            else:
                nouns[folded] = Noun(kind, what)
        return cls(reader, nouns, cues, frozenset(stopwords), frozenset(labels))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, ())

    def find(
        self, text: str, exclude: tuple[tuple[int, int], ...] = (), offset: int = 0
    ) -> list[Quantity]:
        """Quantities in ``text`` (offsets shifted by ``offset``), skipping excluded spans."""
        found: list[Quantity] = []
        for number in self.numbers.find(text):
            if number.kind == "ordinal" or any(
                number.start < e and s < number.end for s, e in exclude
            ):
                continue
            quantity = self._quantity(text, number)
            if quantity is not None:
                found.append(
                    Quantity(
                        quantity.start + offset,
                        quantity.end + offset,
                        quantity.text,
                        quantity.value,
                        quantity.what,
                        quantity.unit,
                        quantity.approximate,
                    )
                )
        return found

    def _quantity(self, text: str, number: NumberExpr) -> Quantity | None:
        if number.kind == "percent":
            return self._make(text, number, number.end, "percent", "percent")
        if number.kind == "money":
            return self._make(text, number, number.end, "money", number.unit)
        after = [
            (m.start(), m.end(), self._fold(m.group()))
            for m in _WORD.finditer(text, number.end, min(len(text), number.end + 60))
        ][:WINDOW_AFTER]
        before = [
            self._fold(m.group())
            for m in _WORD.finditer(text, max(0, number.start - 80), number.start)
        ][-WINDOW_BEFORE:]
        following = [w for _, _, w in after]
        if number.definite and before:
            noun = self._noun(before[-1])
            if noun is not None and noun.kind != "unit":
                what = self._what(noun, before[:-1], following)
                return self._make(text, number, number.end, what, None)
        if after:
            position = 1 if after[0][2] == "من" and len(after) > 1 else 0
            noun = self._noun(after[position][2])
            if noun is not None:
                what = self._what(noun, before, following[position + 1 :])
                return self._make(text, number, after[position][1], what, None)
        if after and after[0][0] - number.end < 3 and self._countable(after[0][2], before):
            return self._make(text, number, after[0][1], after[0][2], None)
        if "عدد" in before[-4:]:  # عدد القتلى بلغ 40
            for word in reversed(before[-3:]):
                noun = self._noun(word)
                if noun is not None and noun.kind in ("event", "role"):
                    return self._make(text, number, number.end, noun.what, None)
        return None

    def _what(self, noun: Noun, before: list[str], following: list[str]) -> str:
        """The noun's own label, or for a generic noun the group or event named around it."""
        if noun.kind != "generic":
            return noun.what
        for word in reversed(before):
            cue = self._cue(word)
            if cue in _ROLE_CUES:
                return cue
        for word in [*reversed(before), *following]:
            cue = self._cue(word)
            if cue is not None and cue not in _ROLE_CUES:
                return cue
        return noun.what

    def _countable(self, word: str, before: list[str]) -> bool:
        """Whether an unlisted word right after a number reads as what it counts.

        Counted nouns are indefinite and not particles; a number after a label (الفصل 28,
        المرتبة 12) names an item, not a count.
        """
        return (
            len(word) >= 3
            and not word.startswith("ال")
            and word not in self.stopwords
            and not (before and _forms(before[-1])[-1] in self.labels)
        )

    def _noun(self, word: str) -> Noun | None:
        for form in _forms(word):
            noun = self.nouns.get(form)
            if noun is not None:
                return noun
        return None

    def _cue(self, word: str) -> str | None:
        return next((self.cues[f] for f in _forms(word) if f in self.cues), None)

    def _fold(self, word: str) -> str:
        return self._normalizer(word).text

    @staticmethod
    def _make(
        text: str, number: NumberExpr, end: int, what: str | None, unit: str | None
    ) -> Quantity:
        return Quantity(
            number.start,
            end,
            text[number.start : end],
            number.value,
            what,
            unit,
            number.approximate,
        )


def _forms(word: str) -> list[str]:
    """A word as written, then without conjunction, article and pronoun suffix."""
    forms = [word]
    for prefix in ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.append(word[len(prefix) :])
            break
    for suffix in _SUFFIXES:
        stem = forms[-1]
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            forms.append(stem[: -len(suffix)])
            break
    return forms


def _rebuild() -> QuantityFinder:
    return QuantityFinder.load()
