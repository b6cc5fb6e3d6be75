"""The event coder: triggers, their actors, modality, place and date, sentence by sentence.

For every sentence: the actor mentions come from the linked entities (plus nisba
adjectives standing alone); clauses are cut at commas and clause words; reported-speech
frames (``قال X إن …``) are found; then each trigger of the lexicon gets its source and
target (:mod:`marsad.events.arguments`) and its modality (:mod:`marsad.events.modality`).
A trigger with neither a source nor a target is not an event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.normalize import fold
from marsad.entities.actors import ActorBase
from marsad.events.arguments import ActorMention, Roles, assign, passive_before
from marsad.events.learned import EventModels, View, role_features, trigger_features
from marsad.events.modality import ModalityCues, bare, modality
from marsad.events.ontology import Ontology, Trigger
from marsad.events.participants import GenericActors, main_state
from marsad.events.triggers import TriggerHit, TriggerIndex
from marsad.model import Actor, AnalyzedArticle, Entity, Event, Sentence, Span, Token

_CLAUSE_PUNCTUATION = frozenset({"،", ",", "؛", ";", ":", "(", ")"})
_CLAUSE_WORDS = frozenset(
    fold(w) for w in ("فيما", "بينما", "حيث", "لكن", "إذ", "كما", "التي", "الذي")
)
_ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "VEH"})
_LOCATION_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Tokens after a speech verb within which its complement (إن/أن) must come.
SPEECH_WINDOW = 10


#: Below this probability (trigger model) a trigger is not an event.
EVENT_THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class _Speech:
    complement: int
    speaker: str | None
    #: The speaker's mention, and whether the complement carries a pronoun (أنه، إنها).
    mention: ActorMention | None = None
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger of a sentence, its sentence view, the rules' roles and speech frame."""

    hit: TriggerHit
    view: View
    rules: Roles
    frame: _Speech | None
    clause_start: int


class Coder:
    """Codes the events of an analysed article (needs sentences, entities and times)."""

    def __init__(
        self,
        ontology: Ontology,
        base: ActorBase,
        cues: ModalityCues,
        generic: GenericActors | None = None,
        home_country: str | None = None,
        models: EventModels | None = None,
    ) -> None:
        #: The state of domestic actors when an article names none (the outlets' country).
        self.home_country = home_country or None
        self.ontology = ontology
        self.base = base
        self.cues = cues
        self.generic = generic or GenericActors.load()
        #: Trained trigger and role classifiers; None: the rules decide alone.
        self.models = models
        self.index = TriggerIndex(ontology.triggers)

    @classmethod
    def load(cls, *, home_country: str | None = None) -> Coder:
        return cls(
            Ontology.load(),
            ActorBase.load(),
            ModalityCues.load(),
            home_country=home_country,
            models=EventModels.load(),
        )

    def code(self, article: AnalyzedArticle) -> tuple[Event, ...]:
        """Every event of the article, in text order."""
        events: list[Event] = []
        home = main_state(article.entities) or self.home_country
        for sentence in article.sentences:
            events.extend(self.code_sentence(sentence, article, home))
        return tuple(events)

    def code_sentence(
        self, sentence: Sentence, article: AnalyzedArticle, home: str | None = None
    ) -> list[Event]:
        date = next(
            (
                t.value
                for t in article.times
                if sentence.start <= t.start < sentence.end and t.value
            ),
            None,
        )
        # One event per type and sentence: news repeats a trigger (المحتجين … المحتجون) in
        # one sentence for one happening; the reading with the most roles is kept.
        best: dict[str, Event] = {}
        for candidate in self.candidates(sentence, article, home):
            event = self._decide(candidate, sentence, home, date)
            if event is None:
                continue
            kept = best.get(event.type)
            if kept is None or _roles_found(event) > _roles_found(kept):
                best[event.type] = event
        return sorted(best.values(), key=lambda e: e.trigger.start)

    def candidates(
        self, sentence: Sentence, article: AnalyzedArticle, home: str | None
    ) -> list[Candidate]:
        """Every trigger of a sentence with what the rules make of it."""
        tokens = sentence.tokens
        if not tokens:
            return []
        hits = self.index.find(tokens)
        if not hits:
            return []
        actors = self._actors(sentence, article.entities, home)
        speeches = self._speech(tokens, actors)
        view = View(tokens, actors, _clause_starts(tokens), [s.complement for s in speeches])
        return [self._rules(hit, view, speeches, home) for hit in hits]

    # -- actors -----------------------------------------------------------------------
    def _actors(
        self, sentence: Sentence, entities: Sequence[Entity], home: str | None
    ) -> list[ActorMention]:
        tokens = sentence.tokens
        found: list[ActorMention] = []
        covered: set[int] = set()
        for entity in entities:
            key = self._event_key(entity)
            if key is None or entity.type not in _ACTOR_TYPES or self._only_place(entity):
                continue
            actor = Actor(entity.id, entity.name, entity.country, entity.code or key, key)
            for mention in entity.mentions:
                if not (sentence.start <= mention.start < sentence.end):
                    continue
                span = _token_span(tokens, mention.start, mention.end)
                if span is None:
                    continue
                found.append(ActorMention(span[0], span[1], actor, key))
                covered.update(range(span[0], span[1] + 1))
        for generic in self.generic.find(tokens, covered, home, self.base.adjectives):
            found.append(generic)
            covered.update(range(generic.first, generic.last + 1))
        for index, token in enumerate(tokens):
            if index in covered:
                continue
            iso = self.base.adjectives.get((bare(token),))
            if iso is None:
                continue
            country = self.base.country(iso)
            name = country.name if country else iso
            if _people(bare(token)) and (index == 0 or (index - 1) not in covered):
                # الكوريين الجنوبيين، السياح الجزائريون: a plural nisba names the people.
                key = f"{iso}.CVL"
                found.append(
                    ActorMention(index, index, Actor(None, token.text, iso, None, key), key)
                )
                continue
            found.append(ActorMention(index, index, Actor(iso.lower(), name, iso, iso, iso), iso))
        return sorted(found, key=lambda a: (a.first, a.last))

    def _only_place(self, entity: Entity) -> bool:
        """Towns, regions and unknown places are where events happen, not who acts."""
        if entity.type != "GPE":
            return False
        actor = self.base.get(entity.id) if entity.id else None
        return actor is None or actor.kind not in ("country", "capital")

    def _event_key(self, entity: Entity) -> str | None:
        """The event key of an entity: a domestic party's key carries its state (TUN.ENNAHDA)."""
        key = entity.key or entity.country
        actor = self.base.get(entity.id) if entity.id else None
        domestic = ("party", "other")
        if actor is not None and actor.kind in domestic and actor.country and key != actor.country:
            return f"{actor.country}.{key}"
        return key

    def _speech(self, tokens: Sequence[Token], actors: Sequence[ActorMention]) -> list[_Speech]:
        """Reported-speech frames: where the reported content starts, and who said it."""
        frames: list[_Speech] = []
        for index, token in enumerate(tokens):
            if bare(token) not in self.cues.speech:
                continue
            for later in range(index + 1, min(index + 1 + SPEECH_WINDOW, len(tokens))):
                word = bare(tokens[later])
                if word in self.cues.complement or _complement_with_pronoun(word):
                    mention = next(
                        (a for a in actors if index < a.first < later),
                        next((a for a in reversed(actors) if a.last < index), None),
                    )
                    speaker = mention.key if mention else None
                    pronoun = _complement_with_pronoun(word)
                    frames.append(_Speech(later, speaker, mention, pronoun))
                    break
        return frames

    # -- one trigger ------------------------------------------------------------------
    def _rules(
        self, hit: TriggerHit, view: View, speeches: Sequence[_Speech], home: str | None
    ) -> Candidate:
        tokens, actors = view.tokens, view.actors
        trigger = hit.trigger
        clause_start = max((c for c in view.clauses if c <= hit.first), default=0)
        frame = next((s for s in reversed(speeches) if s.complement < hit.first), None)
        floor = frame.complement if frame else 0
        roles = assign(
            tokens,
            actors,
            hit.first,
            hit.last,
            trigger.frame,
            trigger.pos == "verb",
            max(clause_start, floor),
            subject_floor=floor,
            possessed=hit.possessed,
        )
        speaker = frame.mention if frame is not None and frame.pronoun else None
        complement = frame.complement if frame is not None else 0
        if speaker is not None and not any(complement < a.first < hit.first for a in actors):
            # "وتابع أوباما أنه أيد روسيا": the speaker tells of his own act — his, asserted.
            roles = Roles(
                (speaker,), tuple(a for a in roles.target if a.actor.entity != speaker.actor.entity)
            )
            frame, floor = None, 0
        if not roles.source and home is not None and _state_act(trigger, tokens, hit.first):
            state = ActorMention(hit.first, hit.first, Actor(None, home, home, home, home), home)
            roles = Roles((state,), tuple(a for a in roles.target if a.key != home))
        return Candidate(hit, view, roles, frame, max(clause_start, floor))

    def _decide(
        self, candidate: Candidate, sentence: Sentence, home: str | None, date: str | None
    ) -> Event | None:
        roles = candidate.rules
        if self.models is not None:
            features = trigger_features(candidate.hit, candidate.view, roles)
            if self.models.event_probability(features) < EVENT_THRESHOLD:
                return None
            if self.models.roles is not None:
                roles = self._learned_roles(candidate, roles)
        if not roles.source and not roles.target:
            return None
        tokens = candidate.view.tokens
        mood = modality(
            self.cues,
            tokens,
            candidate.hit.first,
            candidate.clause_start,
            candidate.frame is not None,
        )
        return self._make(
            candidate.hit.trigger,
            candidate.hit,
            tokens,
            roles,
            mood,
            candidate.frame,
            candidate.view.actors,
            sentence,
            date,
        )

    def _learned_roles(self, candidate: Candidate, rules: Roles) -> Roles:
        """Source and target by the role model: each actor's most probable label."""
        assert self.models is not None
        source: list[ActorMention] = []
        target: list[ActorMention] = []
        for actor in candidate.view.actors:
            features = role_features(candidate.hit, actor, candidate.view, rules)
            scores = self.models.role_probabilities(features) or {"none": 1.0}
            label = max(scores, key=lambda k: scores[k])
            if label == "source":
                source.append(actor)
            elif label == "target":
                target.append(actor)
        implied = [
            a for a in rules.source if a.first == candidate.hit.first and a.actor.entity is None
        ]
        if not source and implied:
            source = implied  # a passive state act: the rules' implied state
        return Roles(_by_key(source), _by_key(target))

    def _make(
        self,
        trigger: Trigger,
        hit: TriggerHit,
        tokens: Sequence[Token],
        roles: Roles,
        mood: str,
        frame: _Speech | None,
        actors: Sequence[ActorMention],
        sentence: Sentence,
        date: str | None,
    ) -> Event:
        start, end = tokens[hit.first].start, tokens[hit.last].end
        used = {id(a) for a in (*roles.source, *roles.target)}
        location = _location(tokens, actors, used)
        confidence = 0.4 + 0.3 * bool(roles.source) + 0.3 * bool(roles.target)
        if frame is not None:
            confidence -= 0.1
        return Event(
            type=trigger.type,
            trigger=Span(start, end, sentence.text[start - sentence.start : end - sentence.start]),
            sentence=sentence.text,
            modality=mood,  # type: ignore[arg-type]
            mode=trigger.mode,
            cameo=trigger.cameo,
            quad_class=self.ontology.quad_class(trigger.type, trigger.mode),
            goldstein=self.ontology.goldstein(trigger.type, trigger.mode, trigger.cameo),
            source=tuple(a.actor for a in roles.source),
            target=tuple(a.actor for a in roles.target),
            location=location,
            date=date,
            attributed_to=frame.speaker if frame and mood != "asserted" else None,
            confidence=round(confidence, 2),
        )


#: Types whose unnamed agent in a passive sentence is the state (arrests, seizures, bans).
_STATE_TYPES = frozenset({"COERCE"})


def _state_act(trigger: Trigger, tokens: Sequence[Token], first: int) -> bool:
    """A state-only act in the passive with no agent named: the main state did it."""
    if trigger.type not in _STATE_TYPES:
        return False
    if first <= 1 and trigger.pos != "verb":
        return True  # a headline-like "حجز 15 بندقية …": the authorities seized them
    return passive_before(tokens, first)


def _people(word: str) -> bool:
    """A plural nisba (الجزائريون، التونسيين): the people of a state, not the state."""
    return word.endswith(("يون", "يين")) and len(word) > 6


def _by_key(actors: list[ActorMention]) -> tuple[ActorMention, ...]:
    """The actors, the first of each key only."""
    kept: dict[str, ActorMention] = {}
    for actor in actors:
        kept.setdefault(actor.key, actor)
    return tuple(kept.values())


def _roles_found(event: Event) -> int:
    return bool(event.source) + bool(event.target)


def _token_span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.end > start and t.start < end]
    return (inside[0], inside[-1]) if inside else None


def _clause_starts(tokens: Sequence[Token]) -> list[int]:
    starts = [0]
    for index, token in enumerate(tokens):
        if token.text in _CLAUSE_PUNCTUATION:
            starts.append(index + 1)
        elif bare(token) in _CLAUSE_WORDS or fold(token.text) in _CLAUSE_WORDS:
            starts.append(index)
    return starts


def _complement_with_pronoun(word: str) -> bool:
    """أنه، إنها، بأنهم: the complement particle with a pronoun attached."""
    return word.startswith(("ان", "بان")) and word[-1] in "هاميكن" and len(word) <= 6


def _location(
    tokens: Sequence[Token], actors: Sequence[ActorMention], used: set[int]
) -> str | None:
    """A place named after في in the sentence that is not an argument of the event."""
    for actor in actors:
        if id(actor) in used or actor.first == 0:
            continue
        if fold(tokens[actor.first - 1].text) == "في" or fold(tokens[actor.first].text).startswith(
            "في"
        ):
            return actor.actor.name
    return None
