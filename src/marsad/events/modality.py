"""Modality of an event from the words around its trigger, and reported-speech frames.

The cues live in ``data/modality.tsv``. The rule order follows the gold conventions:
negated when a negation governs the trigger; hypothetical beats future; future beats
reported; an event inside what someone said (``قال X إن …``) is reported unless the
statement itself is the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from marsad.arabic.normalize import fold
from marsad.model import Modality, Token

#: How many words before the trigger a negation or a modal particle may stand.
CUE_WINDOW = 4
#: How many words after the trigger a future adverb (المقبل) may stand.
AFTER_WINDOW = 12
_CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True, slots=True)
class ModalityCues:
    negated: frozenset[str]
    hypothetical: frozenset[str]
    hypothetical_before_present: frozenset[str]
    conditional_first: frozenset[str]
    future: frozenset[str]
    future_after: frozenset[str]
    speech: frozenset[str]
    complement: frozenset[str]

    @classmethod
    def load(cls) -> ModalityCues:
        text = resources.files("marsad.events").joinpath("data", "modality.tsv")
        rows = [
            line.split("\t")
            for line in text.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ][1:]
        by_role: dict[str, set[str]] = {}
        for cue, role in rows:
            by_role.setdefault(role.strip(), set()).add(fold(cue))
        return cls(
            frozenset(by_role.get("negated", ())),
            frozenset(by_role.get("hypothetical", ())),
            frozenset(by_role.get("hypothetical_before_present", ())),
            frozenset(by_role.get("hypothetical_if_first", ())),
            frozenset(by_role.get("future", ())),
            frozenset(by_role.get("future_after", ())),
            frozenset(by_role.get("speech", ())),
            frozenset(by_role.get("complement", ())),
        )


def bare(token: Token) -> str:
    """A token folded, without a leading conjunction و/ف."""
    word = fold(token.text)
    if len(word) > 2 and word.startswith(_CONJUNCTIONS):
        return word[1:]
    return word


def _future_verb(token: Token) -> bool:
    """سيشيد، وسترحب، فسيناقش: the future prefix سـ on an imperfect verb."""
    word = bare(token)
    if word.startswith(("و", "ف")) and len(word) > 4:
        word = word[1:]
    return len(word) >= 4 and word[0] == "س" and word[1] in "يتنا"


def modality(
    cues: ModalityCues,
    tokens: Sequence[Token],
    trigger: int,
    clause_start: int,
    reported: bool,
) -> Modality:
    """The modality of the event whose trigger is ``tokens[trigger]``."""
    before = [bare(t) for t in tokens[max(clause_start, trigger - CUE_WINDOW) : trigger]]
    clause = [bare(t) for t in tokens[clause_start:trigger]]
    after = [bare(t) for t in tokens[trigger + 1 : trigger + 1 + AFTER_WINDOW]]
    if any(w in cues.negated for w in before):
        return "negated"
    if any(w in cues.hypothetical for w in clause) or any(
        w in cues.hypothetical_before_present for w in before
    ):
        return "hypothetical"
    if clause and clause[0] in cues.conditional_first:
        return "hypothetical"
    if (
        _future_verb(tokens[trigger])
        or any(w in cues.future for w in before)
        or any(_future_verb(t) for t in tokens[max(clause_start, trigger - 2) : trigger])
        or any(w in cues.future_after for w in after)
    ):
        return "future"
    return "reported" if reported else "asserted"
