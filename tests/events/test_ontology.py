"""The event ontology data: PLOVER types, modes, CAMEO codes and the Arabic trigger lexicon."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from marsad.arabic.normalize import fold
from marsad.errors import InputError
from marsad.events import Ontology
from marsad.events.ontology import FRAMES

DATA = Path(__file__).parents[2] / "src" / "marsad" / "events" / "data"

PLOVER_QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

#: Triggers of the seed gold (seed.gold.json events) as lemma or form, with the gold's type.
SEED_TRIGGERS = [
    ("أشاد", "SUPPORT"),
    ("كلف", "AGREE"),  # tasking forces to coordinate with an ally: commitment to cooperate
    ("تكليف", "AGREE"),
    ("زيارة", "CONSULT"),
    ("لقاء", "CONSULT"),
    ("رحب", "AGREE"),  # فسترحب واشنطن بالتعاون: conditional offer
    ("أيد", "SUPPORT"),
    ("ناقش", "CONSULT"),
    ("يناقش", "CONSULT"),
    ("اتصال هاتفي", "CONSULT"),
    ("دعا", "REQUEST"),
    ("دعت", "REQUEST"),
    ("هجمات", "ASSAULT"),
    ("تفجير", "ASSAULT"),
    ("مبادرة", "AGREE"),
    ("غارات", "ASSAULT"),
    ("طلعات استطلاعية", "COOPERATE"),
    ("أبلغ", "COOPERATE"),
    ("توجه", "MOBILIZE"),
    ("تتوجه", "MOBILIZE"),
    ("تعاون", "COOPERATE"),
    ("بقي", "MOBILIZE"),  # keeping forces somewhere
    ("تبقى", "MOBILIZE"),
    ("ضرب", "ASSAULT"),
]


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_all_sixteen_types_with_quad_classes(onto: Ontology) -> None:
    assert {name: t.quad_class for name, t in onto.types.items()} == PLOVER_QUADS
    assert all(t.description and t.category for t in onto.types.values())


def test_every_mode_belongs_to_a_known_type_and_each_type_has_a_default(onto: Ontology) -> None:
    for mode in onto.modes:
        assert mode.type in onto.types
        assert onto.cameo(mode.cameo) is not None
        assert mode.goldstein == onto.cameo_codes[mode.cameo].goldstein
        assert 1 <= mode.quad_class <= 4
    for name in onto.types:
        assert onto.mode(name, None) is not None, name


def test_seed_modes_exist(onto: Ontology) -> None:
    for type_, mode in [
        ("SUPPORT", "praise"),
        ("CONSULT", "visit"),
        ("CONSULT", "multilateral"),
        ("CONSULT", "meeting"),
        ("CONSULT", "phone"),
        ("REQUEST", "change"),
        ("REQUEST", "meet"),
        ("ASSAULT", "explosives"),
        ("ASSAULT", "aerial"),
        ("ASSAULT", "missiles"),
        ("MOBILIZE", "troops"),
        ("COOPERATE", "military"),
    ]:
        assert onto.mode(type_, mode) is not None, (type_, mode)


def test_cameo_codes_are_complete_and_scored(onto: Ontology) -> None:
    codes = onto.cameo_codes
    assert len(codes) >= 300
    assert {f"{root:02d}" for root in range(1, 21)} <= codes.keys()
    for code in codes.values():
        assert -10.0 <= code.goldstein <= 10.0
        assert len(code.code) == 2 or code.code[:-1] in codes  # every child has its parent
        if code.code.startswith("01"):
            assert code.plover_type is None  # PLOVER drops CAMEO's public statements
        else:
            assert code.plover_type in onto.types, code
    assert onto.cameo("042") is not None and onto.cameo("042").plover_mode == "visit"
    assert codes["195"].goldstein == -10.0 and codes["051"].goldstein == 3.4


def test_cameo_lookup_falls_back_to_parents(onto: Ontology) -> None:
    assert onto.cameo("0429").code == "042"  # type: ignore[union-attr]
    assert onto.cameo("1999").code == "19"  # type: ignore[union-attr]
    assert onto.cameo("99") is None


def test_goldstein_and_quad_class(onto: Ontology) -> None:
    assert onto.goldstein("ASSAULT", "aerial") == -10.0
    assert onto.goldstein("CONSULT", "visit") == 1.9
    assert onto.goldstein("CONSULT", None, "043") == 2.8
    assert onto.goldstein("REQUEST", "meet", "026") == 4.0  # an appeal scores as CAMEO 026
    assert onto.goldstein("AGREE") == 4.0
    assert onto.goldstein("NOPE") is None
    assert onto.quad_class("PROTEST") == 4
    assert onto.quad_class("ACCUSE", "investigate") == 3
    with pytest.raises(KeyError):
        onto.quad_class("NOPE")


def test_every_trigger_is_well_formed(onto: Ontology) -> None:
    for trig in onto.triggers:
        assert trig.type in onto.types, trig
        assert trig.mode is None or onto.mode(trig.type, trig.mode) is not None, trig
        assert trig.cameo in onto.cameo_codes, trig
        assert trig.pos in {"verb", "noun", "phrase"}
        assert set(trig.frame) <= FRAMES
        if trig.pos == "phrase":
            assert any(" " in form for form in trig.forms), trig
        else:
            assert all(" " not in form for form in trig.forms), trig


def test_at_least_ten_triggers_per_type(onto: Ontology) -> None:
    counts = Counter(t.type for t in onto.triggers)
    assert len(onto.triggers) >= 400
    assert all(counts[name] >= 10 for name in onto.types), counts


def test_no_form_carries_a_conjunction_its_bare_form_duplicates(onto: Ontology) -> None:
    for trig in onto.triggers:
        bare = set(trig.forms)
        clitic = [f for f in trig.forms if f[0] in "وف" and f[1:] in bare]
        assert not clitic, (trig.lemma, clitic)


def test_no_form_is_too_short(onto: Ontology) -> None:
    for trig in onto.triggers:
        assert all(len(f.replace(" ", "")) >= 3 for f in trig.forms), trig.lemma


def test_refusal_triggers_are_negated(onto: Ontology) -> None:
    negated = {t.lemma for t in onto.triggers if t.negated}
    assert {"رفض", "نفى"} <= negated
    assert all(t.type == "REJECT" for t in onto.triggers if t.negated)


def test_needs_are_parsed_from_the_note(onto: Ontology) -> None:
    (kallaf,) = [t for t in onto.triggers if t.lemma == "كلف"]
    assert "تنسيق" in kallaf.needs


@pytest.mark.parametrize(("word", "type_"), SEED_TRIGGERS)
def test_seed_triggers_are_covered(onto: Ontology, word: str, type_: str) -> None:
    key = fold(word)
    types = {
        t.type for t in onto.triggers if fold(t.lemma) == key or key in {fold(f) for f in t.forms}
    }
    assert type_ in types, (word, types)


def test_bad_file_names_file_and_line(tmp_path: Path) -> None:
    for name in Ontology.FILES:
        (tmp_path / name).write_text((DATA / name).read_text("utf-8"), "utf-8")
    text = (tmp_path / "modes.tsv").read_text("utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("ASSAULT\taerial"))
    lines[index] = lines[index].replace("\t195\t", "\t1955\t")
    (tmp_path / "modes.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError, match=rf"modes.tsv, line {index + 1}: CAMEO code 1955"):
        Ontology.load(tmp_path)


def test_bad_trigger_type_is_an_input_error(tmp_path: Path) -> None:
    for name in Ontology.FILES:
        (tmp_path / name).write_text((DATA / name).read_text("utf-8"), "utf-8")
    with (tmp_path / "triggers.tsv").open("a", encoding="utf-8") as out:
        out.write("قصف\tverb\tقصف\tBOMB\t-\t190\tobj\tno\t\n")
    with pytest.raises(InputError, match=r"triggers.tsv, line \d+: unknown PLOVER type 'BOMB'"):
        Ontology.load(tmp_path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing ontology data file"):
        Ontology.load(tmp_path)


def test_loading_twice_gives_equal_data() -> None:
    first, second = Ontology.load(), Ontology.load()
    assert first.triggers == second.triggers and first.types == second.types
