"""Who did it and to whom: source and target actors of a trigger inside its sentence.

Actors are the sentence's linked entity mentions (names, titles, organs) and free-standing
nisba adjectives ("بالدور الروسي" → Russia). Rules, in order:

- **target**: after the trigger, the first actor that follows one of the trigger's frame
  prepositions (بـ، مع، على، إلى، ضد، لـ …) within a short window, or — for frames with
  ``obj`` — the first actor after the source;
- **source** of a verb: the actor right after it (verb-subject order), else the nearest
  actor before it in the clause, else before it in the sentence (subject-first order and
  dropped pronoun subjects);
- **source** of a noun: the actor right after it (زيارة الرئيس الفرنسي), else as for verbs;
- coordinated actors (X و Y, X وY) share a role; a source never is its own target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.normalize import fold
from marsad.model import Actor, Token

#: Words that open the target after a trigger (besides the attached ب and ل).
PREPOSITIONS = frozenset({"مع", "علي", "الي", "ضد", "في", "من", "عن", "تجاه", "بحق", "لدي", "حول"})
#: Relative pronouns: the verb after one has the noun before it as its subject.
RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين"))
#: Words before a verbal noun that make it passive: the state acted (تم إلقاء القبض).
PASSIVE = frozenset(fold(w) for w in ("تم", "تمت", "يتم", "ستتم", "سيتم", "وتم"))
#: How far after the trigger a target may start, in tokens.
TARGET_WINDOW = 10
#: How many tokens may stand between a verb and its following subject.
SUBJECT_GAP = 2
#: How many tokens after the verb (or its subject) a direct object may start.
OBJECT_GAP = 3


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor mention of a sentence, as token indices ``first`` … ``last``."""

    first: int
    last: int
    actor: Actor
    key: str

    def before(self, other: ActorMention) -> bool:
        return self.last < other.first


@dataclass(frozen=True, slots=True)
class Roles:
    source: tuple[ActorMention, ...]
    target: tuple[ActorMention, ...]


def preposition_of(token: Token) -> str | None:
    """The preposition a token is or starts with: مع، على… or an attached ب / ل."""
    word = fold(token.text)
    if word in PREPOSITIONS:
        return word
    for clitic in token.proclitics:
        if clitic in ("ب", "ل"):
            return clitic
    # Unambiguous surfaces the clitic analysis may have left whole: بالـ، للـ.
    for head in ("وبال", "فبال", "بال", "ولل", "فلل", "لل"):
        if word.startswith(head) and len(word) > len(head) + 1:
            return "ل" if head.endswith("لل") else "ب"
    return None


def passive_before(tokens: Sequence[Token], first: int) -> bool:
    """A passive marker (تم، يتم…) in the three tokens before ``first``."""
    return any(fold(t.text) in PASSIVE for t in tokens[max(0, first - 3) : first])


def governed(tokens: Sequence[Token], actor: ActorMention) -> bool:
    """An actor inside a prepositional phrase (في الفلبين، بالدور الروسي) is not a subject."""
    if preposition_of(tokens[actor.first]) is not None:
        return True
    return actor.first > 0 and preposition_of(tokens[actor.first - 1]) is not None


def _frame_word(frame: str) -> str:
    return fold(frame)


def coordinated(
    actors: Sequence[ActorMention], head: ActorMention, tokens: Sequence[Token]
) -> list[ActorMention]:
    """``head`` and the actors joined to it by و (X و Y، X وY), in order."""
    group = [head]
    current = head
    for other in actors:
        if other.first <= current.last:
            continue
        if not _joined(tokens, current, other):
            break
        group.append(other)
        current = other
    return group


def assign(
    tokens: Sequence[Token],
    actors: Sequence[ActorMention],
    first: int,
    last: int,
    frame: Sequence[str],
    is_verb: bool,
    clause_start: int,
    subject_floor: int = 0,
    possessed: bool = False,
) -> Roles:
    """Source and target of the trigger at tokens ``first`` … ``last``.

    A ``possessed`` verbal noun (دعمها، لقائه) has its agent in the pronoun: the source is
    found before it, and what follows can only be its object. A trigger that is itself
    an actor (المحتجين، المتظاهرين) is its own source.
    """
    own = [a for a in actors if a.first <= last and a.last >= first]
    after = [a for a in actors if a.first > last]
    before = [a for a in actors if a.last < first and a.first >= subject_floor]
    if own:
        prepositions = {_frame_word(f) for f in frame if f not in ("obj", "-")} | {"ل"}
        target_head = _target(tokens, after, last, prepositions, own[0])
        target = coordinated(actors, target_head, tokens) if target_head else []
        return Roles((own[0],), tuple(_unique(target)))
    prepositions = {_frame_word(f) for f in frame if f not in ("obj", "-")}
    if not is_verb or "obj" in frame:
        prepositions.add("ل")  # a verbal noun's object: دعمها للسلطات، زيارته لتونس
    # Source right after the trigger: verb-subject order, or a noun's genitive (زيارة X).
    source_head = None
    relative = first > 0 and fold(tokens[first - 1].text) in RELATIVES
    if relative:
        # "وزير الخارجية التركي الذي اتهم إيران": the antecedent acts, what follows is acted on.
        antecedent = [a for a in before if a.last < first - 1 and not governed(tokens, a)]
        if antecedent:
            agents = _coordinated_back(actors, antecedent[-1], tokens)
            head = _target(tokens, after, last, prepositions, agents[-1]) or next(
                (a for a in after if a.first - last <= OBJECT_GAP and not governed(tokens, a)),
                None,
            )
            acted_on = coordinated(actors, head, tokens) if head else []
            return Roles(tuple(_unique(agents)), tuple(_unique(acted_on)))
    if not possessed:
        source_head = next(
            (
                a
                for a in after
                if a.first - last - 1 <= SUBJECT_GAP
                and all(preposition_of(t) is None for t in tokens[last + 1 : a.first + 1])
            ),
            None,
        )
    target_head = _target(tokens, after, last, prepositions, source_head)
    backwards = False
    if source_head is None or source_head is target_head:
        free = [a for a in before if not governed(tokens, a)]
        in_clause = [a for a in free if a.first >= clause_start]
        candidates = in_clause or free
        source_head = candidates[-1] if candidates else None
        backwards = True
    if source_head is None:
        source: list[ActorMention] = []
    elif backwards:
        source = _coordinated_back(actors, source_head, tokens)
    else:
        source = coordinated(actors, source_head, tokens)
    if target_head is None and (is_verb or possessed or "obj" in frame):
        # The direct object: the first actor after the verb (and after a following subject)
        # that no preposition governs, close to the verb.
        floor = source[-1].last if source and source[-1].first > last else last
        target_head = next(
            (
                a
                for a in after
                if a.first > floor
                and a.first - floor <= OBJECT_GAP
                and not governed(tokens, a)
                and _identity(a) not in {_identity(s) for s in source}
            ),
            None,
        )
    target = coordinated(actors, target_head, tokens) if target_head else []
    # The same state may act on itself (the president backs the government: TUN → TUN),
    # but an entity is never its own target.
    source_entities = {_identity(a) for a in source}
    target = [a for a in target if _identity(a) not in source_entities]
    return Roles(tuple(_unique(source)), tuple(_unique(target)))


def _identity(actor: ActorMention) -> str:
    return actor.actor.entity or actor.actor.name


def _joined(tokens: Sequence[Token], left: ActorMention, right: ActorMention) -> bool:
    """Whether ``right`` is joined to ``left`` by و (X و Y، X وY)."""
    gap = tokens[left.last + 1 : right.first]
    return (not gap and fold(tokens[right.first].text).startswith("و")) or (
        len(gap) == 1 and fold(gap[0].text) == "و"
    )


def _coordinated_back(
    actors: Sequence[ActorMention], tail: ActorMention, tokens: Sequence[Token]
) -> list[ActorMention]:
    """``tail`` and the actors joined to it by و before it, in text order."""
    group = [tail]
    for other in reversed([a for a in actors if a.last < tail.first]):
        if not _joined(tokens, other, group[0]):
            break
        group.insert(0, other)
    return group


def _target(
    tokens: Sequence[Token],
    after: Sequence[ActorMention],
    last: int,
    prepositions: set[str],
    source: ActorMention | None,
) -> ActorMention | None:
    """The first actor after a frame preposition following the trigger."""
    if not prepositions:
        return None
    limit = last + 1 + TARGET_WINDOW
    for index in range(last + 1, min(limit, len(tokens))):
        if preposition_of(tokens[index]) not in prepositions:
            continue
        for actor in after:
            if actor.first < index or actor.first - index > 3:
                continue
            if source is None or _identity(actor) != _identity(source):
                return actor
    return None


def _unique(actors: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.key not in seen:
            seen.add(actor.key)
            out.append(actor)
    return out
