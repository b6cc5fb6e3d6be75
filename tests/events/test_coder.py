"""The event coder on hand-built lexicons: roles, coordination, reported speech, modality."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.stages import SentenceSplitter, TimeTagger
from marsad.entities.actors import ActorBase, ActorEntry, Agent, Office, Title, name_key
from marsad.entities.linking import ActorLinker
from marsad.entities.rules import Cues
from marsad.entities.stages import EntityLinker
from marsad.events.coder import Coder
from marsad.events.modality import ModalityCues
from marsad.events.ontology import CameoCode, EventType, Mode, Ontology, Trigger
from marsad.events.stages import EventCoder
from marsad.model import AnalyzedArticle, Article, Block, Event
from marsad.pipeline import Pipeline


def _actor(id: str, name: str, type: str, kind: str, key: str, *aliases: str) -> ActorEntry:
    country = key if len(key) == 3 else None
    return ActorEntry(id, type, kind, name, id, country, key, key, None, None, aliases)


def _ontology() -> Ontology:
    types = {
        name: EventType(name, quad, "", "")
        for name, quad in (("SUPPORT", 1), ("CONSULT", 1), ("AGREE", 1), ("ASSAULT", 4))
    }
    modes = [
        Mode("SUPPORT", None, "051", 3.4, 1),
        Mode("CONSULT", None, "040", 1.0, 1),
        Mode("CONSULT", "visit", "042", 1.9, 1),
        Mode("AGREE", None, "030", 4.0, 1),
        Mode("ASSAULT", None, "190", -10.0, 4),
        Mode("ASSAULT", "aerial", "195", -10.0, 4),
    ]
    cameo = {m.cameo: CameoCode(m.cameo, "", m.goldstein, m.type, m.name) for m in modes}

    def trigger(
        lemma: str, pos: str, forms: str, type: str, mode: str | None, frame: str
    ) -> Trigger:
        code = next(m.cameo for m in modes if m.type == type and m.name == mode)
        return Trigger(
            lemma, pos, tuple(forms.split("|")), type, mode, code, tuple(frame.split("|")), False
        )

    triggers = [
        trigger("أشاد", "verb", "أشاد|أشادت|يشيد|تشيد", "SUPPORT", None, "ب"),
        trigger("زيارة", "noun", "زيارة", "CONSULT", "visit", "إلى|ل"),
        trigger("التقى", "verb", "التقى|يلتقي|يلتق", "CONSULT", None, "ب|مع|obj"),
        trigger("رحب", "verb", "رحب|ترحب|يرحب", "AGREE", None, "ب|مع"),
        trigger("غارات", "noun", "غارات|الغارات", "ASSAULT", "aerial", "على|ضد"),
        trigger("شن", "verb", "شن|شنت|تشن|يشن", "ASSAULT", "aerial", "على|ضد"),
    ]
    return Ontology(types, modes, cameo, triggers)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    actors = [
        _actor("rus", "روسيا", "GPE", "country", "RUS"),
        _actor("usa", "الولايات المتحدة", "GPE", "country", "USA", "أمريكا"),
        _actor("fra", "فرنسا", "GPE", "country", "FRA"),
        _actor("moscow", "موسكو", "GPE", "capital", "RUS"),
        _actor("washington", "واشنطن", "GPE", "capital", "USA"),
        _actor("putin", "فلاديمير بوتين", "PER", "person", "RUS", "بوتين"),
        _actor("obama", "باراك أوباما", "PER", "person", "USA", "أوباما"),
        _actor("hollande", "فرانسوا هولاند", "PER", "person", "FRA", "هولاند"),
        _actor("isis", "داعش", "ORG", "armed_group", "ISIS"),
    ]
    adjectives = {"الروسي": "RUS", "الروسية": "RUS", "الأمريكي": "USA", "الفرنسي": "FRA"}
    offices = [Office("obama", "USA", "head_of_state", date(2009, 1, 20), date(2017, 1, 20))]
    titles = {name_key("الرئيس"): Title("head_of_state", "GOV")}
    agents = {name_key("الطائرات"): Agent("MIL", "ORG")}
    base = ActorBase(actors, adjectives, offices, titles, agents)
    linker = ActorLinker(base, None, Cues.load())
    coder = Coder(_ontology(), base, ModalityCues.load())
    stages = [SentenceSplitter(), TimeTagger(), EntityLinker(linker), EventCoder(coder)]
    return Pipeline(stages, initial=frozenset({"record"}))


def _code(pipeline: Pipeline, text: str) -> list[Event]:
    article = Article("test", (Block("paragraph", text),), published=date(2015, 11, 20))
    result = pipeline.process(AnalyzedArticle(article))
    assert isinstance(result, AnalyzedArticle)
    return list(result.events)


def _roles(event: Event) -> tuple[str, list[str | None], list[str | None]]:
    return event.type, [a.key for a in event.source], [a.key for a in event.target]


def test_verb_first_with_prepositional_target(pipeline: Pipeline) -> None:
    events = _code(pipeline, "أشاد الرئيس الأمريكي باراك أوباما بالدور الروسي في سوريا.")
    assert [_roles(e) for e in events] == [("SUPPORT", ["USA"], ["RUS"])]
    assert events[0].modality == "asserted"
    assert events[0].trigger.text == "أشاد"
    assert events[0].cameo == "051" and events[0].quad_class == 1


def test_subject_first(pipeline: Pipeline) -> None:
    events = _code(pipeline, "أوباما يشيد بالدور الروسي.")
    assert [_roles(e) for e in events] == [("SUPPORT", ["USA"], ["RUS"])]


def test_noun_event_with_genitive_source(pipeline: Pipeline) -> None:
    text = "أكد الكرملين زيارة الرئيس الفرنسي فرانسوا هولاند إلى موسكو يوم الخميس المقبل."
    events = _code(pipeline, text)
    consult = [e for e in events if e.type == "CONSULT"]
    assert [_roles(e) for e in consult] == [("CONSULT", ["FRA"], ["RUS"])]
    assert consult[0].mode == "visit"
    assert consult[0].modality == "future"
    assert consult[0].date == "2015-11-26"


def test_coordinated_sources(pipeline: Pipeline) -> None:
    events = _code(pipeline, "شنت روسيا وفرنسا غارات على داعش.")
    assert [_roles(e) for e in events] == [("ASSAULT", ["RUS", "FRA"], ["ISIS"])]


def test_reported_speech(pipeline: Pipeline) -> None:
    events = _code(pipeline, "وقال بوتين إن فرنسا تشن غارات على داعش.")
    assert [_roles(e) for e in events] == [("ASSAULT", ["FRA"], ["ISIS"])]
    assert events[0].modality == "reported"
    assert events[0].attributed_to == "RUS"


def test_hypothetical_beats_future(pipeline: Pipeline) -> None:
    text = "إذا عدلت روسيا استراتيجيتها فسترحب واشنطن بالتعاون مع موسكو."
    events = _code(pipeline, text)
    assert [_roles(e) for e in events] == [("AGREE", ["USA"], ["RUS"])]
    assert events[0].modality == "hypothetical"


def test_negated(pipeline: Pipeline) -> None:
    events = _code(pipeline, "ولم يلتق أوباما بوتين.")
    assert [_roles(e) for e in events] == [("CONSULT", ["USA"], ["RUS"])]
    assert events[0].modality == "negated"


def test_trigger_without_actors_is_not_an_event(pipeline: Pipeline) -> None:
    assert _code(pipeline, "تشن الطائرات غارات كل يوم.") == []


def test_long_sentence_is_bounded(pipeline: Pipeline) -> None:
    text = " ".join(["أشاد أوباما بالدور الروسي و"] * 400) + "."
    events = _code(pipeline, text)
    assert events and all(e.type == "SUPPORT" for e in events)
