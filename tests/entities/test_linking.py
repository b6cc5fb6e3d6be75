"""Entity linking on hand-built knowledge bases: names, clitics, titles, organs, vessels."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.entities.actors import ActorBase, ActorEntry, Agent, Office, Title, name_key
from marsad.entities.linking import ActorLinker
from marsad.entities.rules import Cues
from marsad.model import Entity


def _actor(
    id: str,
    name: str,
    type: str = "GPE",
    kind: str = "country",
    country: str | None = None,
    key: str | None = None,
    aliases: tuple[str, ...] = (),
    code: str | None = None,
) -> ActorEntry:
    return ActorEntry(
        id,
        type,
        kind,
        name,
        id.title(),
        country,
        code or country,
        key or country,
        None,
        None,
        aliases,
    )


@pytest.fixture(scope="module")
def linker() -> ActorLinker:
    actors = [
        _actor("rus", "روسيا", country="RUS"),
        _actor("fra", "فرنسا", country="FRA"),
        _actor("usa", "الولايات المتحدة", country="USA", aliases=("أمريكا", "أميركا")),
        _actor("moscow", "موسكو", kind="capital", country="RUS"),
        _actor("london", "لندن", kind="capital", country="GBR"),
        _actor(
            "vladimir_putin",
            "فلاديمير بوتين",
            "PER",
            "person",
            "RUS",
            aliases=("بوتين",),
            code="RUSGOV",
        ),
        _actor(
            "barack_obama",
            "باراك أوباما",
            "PER",
            "person",
            "USA",
            aliases=("أوباما",),
            code="USAGOV",
        ),
        _actor(
            "antonio_guterres",
            "أنطونيو غوتيريش",
            "PER",
            "person",
            None,
            "UN",
            ("غوتيريش",),
            "IGOUNO",
        ),
        _actor("united_nations", "الأمم المتحدة", "ORG", "igo", None, "UN", code="IGOUNO"),
        _actor(
            "isis", "داعش", "ORG", "armed_group", None, "ISIS", ("الدولة الإسلامية", "تنظيم الدولة")
        ),
        _actor("charles_de_gaulle_carrier", "شارل ديغول", "VEH", "vessel", "FRA"),
    ]
    adjectives = {
        "الروسي": "RUS",
        "الروسية": "RUS",
        "الفرنسي": "FRA",
        "الفرنسيين": "FRA",
        "الأمريكي": "USA",
    }
    offices = [
        Office("vladimir_putin", "RUS", "head_of_state", date(2012, 5, 7), None),
        Office("barack_obama", "USA", "head_of_state", date(2009, 1, 20), date(2017, 1, 20)),
        Office("antonio_guterres", "UN", "secretary_general", date(2017, 1, 1), None),
    ]
    titles = {
        name_key("الرئيس"): Title("head_of_state", "GOV"),
        name_key("الأمين العام"): Title("secretary_general", "GOV"),
    }
    agents = {
        name_key("القوات"): Agent("MIL", "ORG"),
        name_key("وزارة"): Agent("GOV", "ORG"),
        name_key("العسكريين"): Agent("MIL", "ORG"),
    }
    base = ActorBase(actors, adjectives, offices, titles, agents)
    return ActorLinker(base, None, Cues.load())


def _by_id(entities: tuple[Entity, ...]) -> dict[str | None, Entity]:
    return {e.id: e for e in entities}


def test_offsets_slice_to_mention_text(linker: ActorLinker) -> None:
    text = "وقال بوتين إن روسيا ستتعاون مع فرنسا.\n\nوزار أوباما موسكو."
    for entity in linker.link(text, date(2015, 11, 20)):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_clitics_are_stripped_but_names_are_not_broken(linker: ActorLinker) -> None:
    text = "اتصل الرئيس بموسكو ولندن وبوتين، ثم وصل إلى لندن."
    found = _by_id(linker.link(text))
    assert [m.text for m in found["moscow"].mentions] == ["موسكو"]
    assert [m.text for m in found["london"].mentions] == ["لندن", "لندن"]
    assert [m.text for m in found["vladimir_putin"].mentions] == ["بوتين"]


def test_title_with_nisba_is_the_office_holder_on_the_date(linker: ActorLinker) -> None:
    text = "استقبل الرئيس الروسي نظيره الأمريكي في موسكو."
    in_2015 = _by_id(linker.link(text, date(2015, 11, 20)))
    assert in_2015["vladimir_putin"].mentions[0].text == "الرئيس الروسي"
    assert in_2015["vladimir_putin"].mentions[0].nominal
    assert in_2015["barack_obama"].mentions[0].text == "نظيره الأمريكي"
    in_2018 = linker.link(text, date(2018, 1, 1))
    american = [e for e in in_2018 if e.key == "USA" and e.type == "PER"]
    assert american and american[0].id is None and american[0].code == "USAGOV"


def test_title_of_an_international_organisation(linker: ActorLinker) -> None:
    text = "دعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار."
    found = _by_id(linker.link(text, date(2019, 3, 1)))
    assert found["antonio_guterres"].mentions[0].text == "الأمين العام للأمم المتحدة"


def test_state_organ_from_agent_and_nisba(linker: ActorLinker) -> None:
    text = "كلف بوتين وزارة الدفاع الروسية بالتنسيق مع العسكريين الفرنسيين."
    found = _by_id(linker.link(text))
    assert found["rus_gov"].code == "RUSGOV" and found["rus_gov"].key == "RUS"
    assert found["rus_gov"].mentions[0].text == "وزارة الدفاع الروسية"
    assert found["fra_mil"].code == "FRAMIL"
    assert found["fra_mil"].type == "ORG"


def test_ship_named_after_a_city_is_a_vessel(linker: ActorLinker) -> None:
    text = "وأكد أن الطراد الصاروخي الروسي “موسكو” سيغطي المنطقة، وأن موسكو ترحب."
    entities = linker.link(text)
    vessels = [e for e in entities if e.type == "VEH"]
    assert len(vessels) == 1 and vessels[0].country == "RUS"
    assert vessels[0].mentions[0].text == "موسكو"
    assert _by_id(entities)["moscow"].type == "GPE"


def test_known_ship_name_alone_is_a_vessel(linker: ActorLinker) -> None:
    entities = _by_id(linker.link("وصلت حاملة الطائرات شارل ديغول إلى المتوسط."))
    assert entities["charles_de_gaulle_carrier"].type == "VEH"


def test_aliases_are_one_actor(linker: ActorLinker) -> None:
    text = "هاجم تنظيم الدولة مواقع، ونفى داعش ذلك، وتبنت الدولة الإسلامية الهجوم."
    found = _by_id(linker.link(text))
    assert len(found["isis"].mentions) == 3


def test_text_without_entities(linker: ActorLinker) -> None:
    assert linker.link("كان الطقس جميلا اليوم.") == ()
    assert linker.link("") == ()


def test_names_are_not_matched_across_punctuation_or_lines(linker: ActorLinker) -> None:
    text = "باراك.\nأوباما"
    found = _by_id(linker.link(text))
    assert [m.text for m in found["barack_obama"].mentions] == ["أوباما"]
