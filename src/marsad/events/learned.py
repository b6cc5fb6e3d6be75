"""Learned decisions of the event coder: is a trigger an event, and who is source or target.

Two maximum-entropy classifiers (python-crfsuite on one-item sequences), trained by
``training/events/train.py`` on the event training set (never on dev or held-out):

- the **trigger** model scores whether a trigger hit is an event at all (``yes``/``no``);
- the **role** model labels each (trigger, actor mention) pair of a sentence ``source``,
  ``target`` or ``none``.

Their features are the same cues the rules read — side and distance, clause, prepositions
and the trigger's frame, verb-subject order, relative pronouns, speech frames, the kind
of actor — plus what the rules decided, so the models learn when to trust them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from marsad.arabic.normalize import fold
from marsad.errors import InputError
from marsad.events.arguments import (
    RELATIVES,
    ActorMention,
    Roles,
    governed,
    passive_before,
    preposition_of,
)
from marsad.events.triggers import TriggerHit
from marsad.model import Token

TRIGGER_MODEL = "triggers.crfsuite"
ROLE_MODEL = "roles.crfsuite"


@dataclass(frozen=True, slots=True)
class View:
    """What the coder knows of one sentence when it weighs a trigger."""

    tokens: Sequence[Token]
    actors: Sequence[ActorMention]
    clauses: Sequence[int]
    #: Token indexes where reported content starts (after قال … إن).
    complements: Sequence[int]


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "far"


def _clause_of(clauses: Sequence[int], index: int) -> int:
    return max((c for c in clauses if c <= index), default=0)


def _actor_kind(actor: ActorMention) -> str:
    if "." in actor.key:
        return "state_role"
    if len(actor.key) == 3 and actor.key.isupper():
        return "state" if actor.actor.entity != actor.key.lower() else "nisba"
    return "other"


def trigger_features(hit: TriggerHit, view: View, rules: Roles) -> list[str]:
    """Features of a trigger hit for the trigger model."""
    tokens = view.tokens
    trigger = hit.trigger
    previous = fold(tokens[hit.first - 1].text) if hit.first > 0 else "<s>"
    head = fold(tokens[hit.first].text)
    return [
        "bias",
        f"type={trigger.type}",
        f"lemma={trigger.lemma}",
        f"pos={trigger.pos}",
        f"possessed={hit.possessed}",
        f"prep_on={preposition_of(tokens[hit.first]) or '-'}",
        f"prev={previous}",
        f"prev_prep={preposition_of(tokens[hit.first - 1]) if hit.first else '-'}",
        f"article={head.startswith('ال') or head[1:3] == 'ال'}",
        f"relative={previous in RELATIVES}",
        f"passive={passive_before(tokens, hit.first)}",
        f"actors={_bucket(len(view.actors))}",
        f"rule_source={bool(rules.source)}",
        f"rule_target={bool(rules.target)}",
        f"type_rules={trigger.type}:{bool(rules.source)}:{bool(rules.target)}",
        f"reported={any(c < hit.first for c in view.complements)}",
        f"position={_bucket(hit.first)}",
    ]


def role_features(hit: TriggerHit, actor: ActorMention, view: View, rules: Roles) -> list[str]:
    """Features of one (trigger, actor mention) pair for the role model."""
    tokens, actors = view.tokens, view.actors
    trigger = hit.trigger
    if actor.last < hit.first:
        side, distance = "before", hit.first - actor.last - 1
    elif actor.first > hit.last:
        side, distance = "after", actor.first - hit.last - 1
    else:
        side, distance = "own", 0
    low, high = sorted((actor.first, hit.first))
    between = sum(1 for a in actors if low < a.first < high and a is not actor)
    prep = preposition_of(tokens[actor.first - 1]) if actor.first > 0 else None
    prep = preposition_of(tokens[actor.first]) or prep
    frame = {fold(f) for f in trigger.frame}
    same_clause = _clause_of(view.clauses, actor.first) == _clause_of(view.clauses, hit.first)
    after_complement = any(c < actor.first and c < hit.first for c in view.complements)
    rule = (
        "source"
        if any(a is actor for a in rules.source)
        else "target"
        if any(a is actor for a in rules.target)
        else "none"
    )
    first_after = next((a for a in actors if a.first > hit.last), None) is actor
    last_before = next((a for a in reversed(actors) if a.last < hit.first), None) is actor
    kind = _actor_kind(actor)
    is_governed = governed(tokens, actor)
    return [
        "bias",
        f"side={side}",
        f"dist={_bucket(distance)}",
        f"side_dist={side}:{_bucket(distance)}",
        f"between={_bucket(between)}",
        f"same_clause={same_clause}",
        f"governed={is_governed}",
        f"side_gov={side}:{is_governed}",
        f"prep={prep or '-'}",
        f"prep_in_frame={bool(prep) and prep in frame}",
        f"obj_frame={'obj' in trigger.frame}",
        f"pos={trigger.pos}",
        f"type={trigger.type}",
        f"type_side={trigger.type}:{side}",
        f"possessed={hit.possessed}",
        f"possessed_side={hit.possessed}:{side}",
        f"kind={kind}",
        f"kind_side={kind}:{side}",
        f"nominal_actor={actor.actor.entity is None}",
        f"rule={rule}",
        f"type_rule={trigger.type}:{rule}",
        f"first_after={first_after}",
        f"last_before={last_before}",
        f"after_complement={after_complement}",
        f"relative={hit.first > 0 and fold(tokens[hit.first - 1].text) in RELATIVES}",
    ]


class EventModels:
    """The trained trigger classifier and, when shipped, the role classifier."""

    def __init__(self, trigger_model: bytes, role_model: bytes | None, source: Path | None) -> None:
        # crfsuite reads in-memory models in place: keep the bytes alive with the taggers.
        self._bytes = (trigger_model, role_model)
        self._source = source
        self.triggers = pycrfsuite.Tagger()
        self.triggers.open_inmemory(trigger_model)
        self.roles: pycrfsuite.Tagger | None = None
        if role_model is not None:
            self.roles = pycrfsuite.Tagger()
            self.roles.open_inmemory(role_model)

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventModels | None:
        """The shipped models (or those in ``path``); None when no trigger model is there."""
        root: Any = (
            resources.files("marsad.events").joinpath("models") if path is None else Path(path)
        )
        try:
            if not root.joinpath(TRIGGER_MODEL).is_file():
                return None
            trig = root.joinpath(TRIGGER_MODEL).read_bytes()
            role_file = root.joinpath(ROLE_MODEL)
            role = role_file.read_bytes() if role_file.is_file() else None
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the event models: {exc}") from exc
        return cls(trig, role, Path(path) if path else None)

    def __getstate__(self) -> dict[str, Any]:
        return {"bytes": self._bytes, "source": self._source}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["bytes"][0], state["bytes"][1], state["source"])  # type: ignore[misc]

    def event_probability(self, features: list[str]) -> float:
        self.triggers.set([features])
        self.triggers.tag()
        return float(self.triggers.marginal("yes", 0))

    def role_probabilities(self, features: list[str]) -> dict[str, float] | None:
        """Probabilities of source/target/none, or None without a role model."""
        if self.roles is None:
            return None
        self.roles.set([features])
        self.roles.tag()
        return {label: float(self.roles.marginal(label, 0)) for label in self.roles.labels()}
