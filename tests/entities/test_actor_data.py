"""Integrity of the actor knowledge base files (src/marsad/entities/data/actors/).

Read with plain csv/pathlib, not with the loader, so that the files' contract is pinned on its
own: exact columns, unique ids, closed vocabularies, valid codes and dates, and what the seed
article needs the linker to find.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ACTORS = ROOT / "src" / "marsad" / "entities" / "data" / "actors"
BUILD = ROOT / "training" / "actors" / "build_actors.py"
ISO_CODES = ROOT.parent / "shared" / "data" / "gazetteers" / "iso_codes_debian" / "iso3166-1_ar.tsv"

ACTOR_FILES = ("countries.tsv", "places.tsv", "people.tsv", "organisations.tsv", "vessels.tsv")
ACTOR_COLUMNS = [
    "id",
    "type",
    "kind",
    "name_ar",
    "name_en",
    "country",
    "code",
    "key",
    "valid_from",
    "valid_to",
    "aliases_ar",
]
OTHER_COLUMNS = {
    "offices.tsv": ["actor_id", "country", "office", "valid_from", "valid_to"],
    "adjectives.tsv": ["form", "country"],
    "titles.tsv": ["title", "office", "agent"],
    "agents.tsv": ["word", "agent", "type"],
}
TYPES = {"PER", "ORG", "GPE", "LOC", "FAC", "VEH", "MISC"}
KINDS = {
    "country",
    "capital",
    "city",
    "region",
    "person",
    "igo",
    "igo_organ",
    "government_body",
    "military_body",
    "armed_group",
    "party",
    "media",
    "company",
    "vessel",
    "other",
}
OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "spokesperson",
    "secretary_general",
    "speaker_of_parliament",
}
# CAMEO agent codes used in titles.tsv and agents.tsv (CAMEO 1.1b3 primary and secondary roles).
AGENTS = {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "REB", "CVL", "SPY", "MED", "BUS", "EDU"}
AGENTS |= {"REF", "PTY", "LAB", "HLH", "REL", "ELI"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CLITICS = ("و", "ب", "ل", "ف")
SEED_DAY = "2015-11-20"
# Names that begin with a clitic letter yet are names in their own right (Oujda, not و + Jeddah).
GENUINE_CLITIC_INITIAL = {"وجدة"}
# Regional governments keep a key of their own, apart from their state's.
REGIONAL_KEYS = {"krg"}


@cache
def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a data file; comment lines must all come before the header."""
    lines = (ACTORS / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    assert lines[0].startswith("#"), f"{name} must start with # comment lines"
    assert lines[: len(lines) - len(body)] == [ln for ln in lines if ln.startswith("#")]
    reader = csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def rows(name: str) -> list[dict[str, str]]:
    return read(name)[1]


def actors() -> list[dict[str, str]]:
    return [row for name in ACTOR_FILES for row in rows(name)]


def names(row: dict[str, str]) -> list[str]:
    return [row["name_ar"], *[a for a in row["aliases_ar"].split("|") if a]]


@cache
def by_name() -> dict[str, list[dict[str, str]]]:
    index: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in actors():
        for name in names(row):
            index[name].append(row)
    return index


def alpha3() -> set[str]:
    return {row["country"] for row in rows("countries.tsv")}


def igo_keys() -> set[str]:
    return {row["key"] for row in rows("organisations.tsv") if row["kind"] == "igo"}


def parse(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def holders(office: str, country: str, day: str) -> set[str]:
    """People holding an office of a country on a day."""
    on = parse(day)
    return {
        row["actor_id"]
        for row in rows("offices.tsv")
        if row["office"] == office
        and row["country"] == country
        and parse(row["valid_from"]) <= on
        and (not row["valid_to"] or on <= parse(row["valid_to"]))
    }


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_file_header_is_exact(name: str) -> None:
    assert read(name)[0] == ACTOR_COLUMNS


@pytest.mark.parametrize("name", sorted(OTHER_COLUMNS))
def test_other_file_header_is_exact(name: str) -> None:
    assert read(name)[0] == OTHER_COLUMNS[name]


def test_ids_are_unique_ascii_slugs_across_files() -> None:
    ids = [row["id"] for row in actors()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)


def test_types_and_kinds_are_in_the_allowed_sets() -> None:
    for row in actors():
        assert row["type"] in TYPES, row["id"]
        assert row["kind"] in KINDS, row["id"]


def test_kinds_sit_in_their_files() -> None:
    assert {row["kind"] for row in rows("countries.tsv")} == {"country"}
    assert {row["kind"] for row in rows("people.tsv")} == {"person"}
    assert {row["type"] for row in rows("people.tsv")} == {"PER"}
    assert {row["kind"] for row in rows("vessels.tsv")} == {"vessel"}
    assert {row["kind"] for row in rows("places.tsv")} <= {"capital", "city", "region", "other"}


def test_country_ids_are_their_lowercase_alpha3() -> None:
    for row in rows("countries.tsv"):
        assert row["id"] == row["country"].lower() == row["key"].lower() == row["code"].lower()


def test_coverage_of_states() -> None:
    assert len(rows("countries.tsv")) >= 197
    assert {"PSE", "XKX", "TWN", "ESH", "SSD"} <= alpha3()


def test_every_country_is_a_known_alpha3() -> None:
    known = alpha3()
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in known)
    for row in actors():
        assert not row["country"] or row["country"] in known, row["id"]
    for row in rows("adjectives.tsv"):
        assert row["country"] in known, row["form"]


def test_codes_and_keys_are_upper_case() -> None:
    for row in actors():
        assert re.fullmatch(r"[A-Z0-9]*", row["code"]), row["id"]
        assert re.fullmatch(r"[A-Z0-9]*", row["key"]), row["id"]
        # Places of contested sovereignty (Jerusalem) carry no state and so no key.
        if row["type"] in {"PER", "ORG", "VEH"} or row["country"]:
            assert row["key"], row["id"]


def test_state_actors_have_their_state_as_key() -> None:
    for row in actors():
        if row["id"] in REGIONAL_KEYS:
            continue
        state_kind = row["kind"] in {"country", "capital", "city", "government_body", "vessel"}
        if state_kind and row["country"] and row["code"].startswith(row["country"]):
            assert row["key"] == row["country"], row["id"]


def test_dates_parse_and_are_ordered() -> None:
    dated = [*actors(), *rows("offices.tsv")]
    for row in dated:
        for column in ("valid_from", "valid_to"):
            assert not row[column] or DATE.match(row[column]), row
            if row[column]:
                parse(row[column])
        if row["valid_from"] and row["valid_to"]:
            assert parse(row["valid_from"]) <= parse(row["valid_to"]), row


def test_people_have_no_validity_dates() -> None:
    assert all(not r["valid_from"] and not r["valid_to"] for r in rows("people.tsv"))


def test_offices_point_to_people_and_known_countries() -> None:
    people = {row["id"] for row in rows("people.tsv")}
    places = alpha3() | igo_keys()
    for row in rows("offices.tsv"):
        assert row["actor_id"] in people, row
        assert row["office"] in OFFICES, row
        assert row["country"] in places, row
        if row["office"] == "secretary_general":
            assert row["country"] in igo_keys(), row


def test_titles_and_agents_use_known_codes() -> None:
    for row in rows("titles.tsv"):
        assert row["office"] in OFFICES, row
        assert row["agent"] in AGENTS, row
    for row in rows("agents.tsv"):
        assert row["agent"] in AGENTS, row
        assert row["type"] in TYPES, row


def test_no_name_is_a_clitic_form_of_another_listed_name() -> None:
    listed = set(by_name()) | {row["form"] for row in rows("adjectives.tsv")}
    clitic = sorted(n for n in listed if n.startswith(CLITICS) and n[1:] in listed)
    clitic = [name for name in clitic if name not in GENUINE_CLITIC_INITIAL]
    assert not clitic


def test_no_name_is_blank_or_padded() -> None:
    for name in [*by_name(), *(row["form"] for row in rows("adjectives.tsv"))]:
        assert name and name == name.strip() and "  " not in name, repr(name)


def test_adjectives_point_to_one_state_each() -> None:
    forms = [row["form"] for row in rows("adjectives.tsv")]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("الروسية", "RUS"),
        ("الروسي", "RUS"),
        ("الروس", "RUS"),
        ("الأمريكي", "USA"),
        ("الأميركي", "USA"),
        ("الأمريكيين", "USA"),
        ("الفرنسي", "FRA"),
        ("الفرنسيين", "FRA"),
        ("الإسرائيلي", "ISR"),
        ("الفلسطيني", "PSE"),
        ("التونسية", "TUN"),
        ("الليبي", "LBY"),
    ],
)
def test_seed_adjectives(form: str, country: str) -> None:
    assert {row["form"]: row["country"] for row in rows("adjectives.tsv")}[form] == country


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("روسيا", "RUS"),
        ("أمريكا", "USA"),
        ("أميركا", "USA"),
        ("الولايات المتحدة", "USA"),
        ("داعش", "ISIS"),
        ("الدولة الإسلامية", "ISIS"),
        ("تنظيم الدولة", "ISIS"),
        ("مجلس الأمن الدولي", "UN"),
        ("منظمة الأمن والتعاون في أوروبا", "OSCE"),
        ("الكرملين", "RUS"),
        ("وزارة الدفاع الروسية", "RUS"),
        ("الطيران بعيد المدى", "RUS"),
        ("الحوثيون", "HOUTHI"),
        ("أنصار الله", "HOUTHI"),
        ("حزب الله", "HEZBOLLAH"),
        ("الناتو", "NATO"),
        ("قناة الجزيرة", "ALJAZEERA"),
        ("Defense News", "DEFENSENEWS"),
    ],
)
def test_seed_names_link_to_their_key(name: str, key: str) -> None:
    assert key in {row["key"] for row in by_name()[name]}


def test_seed_people_and_places_link_to_their_gold_key(seed_gold: dict[str, Any]) -> None:
    for entity in seed_gold["entities"]:
        if entity["type"] in {"PER", "GPE"} and entity["key"]:
            for form in entity["surface_forms"]:
                keys = {row["key"] for row in by_name()[form]}
                assert entity["key"] in keys, (form, entity["key"], keys)


def test_seed_regions_are_listed() -> None:
    for name in ("سيناء", "البحر المتوسط", "البحر الأبيض المتوسط", "المتوسط", "منطقة الخليج"):
        assert any(row["type"] == "LOC" for row in by_name()[name]), name


@pytest.mark.parametrize(
    ("person", "office", "country"),
    [
        ("vladimir_putin", "head_of_state", "RUS"),
        ("barack_obama", "head_of_state", "USA"),
        ("francois_hollande", "head_of_state", "FRA"),
        ("dmitry_peskov", "spokesperson", "RUS"),
        ("bashar_al_assad", "head_of_state", "SYR"),
        ("beji_caid_essebsi", "head_of_state", "TUN"),
        ("habib_essid", "head_of_government", "TUN"),
        ("ban_ki_moon", "secretary_general", "UN"),
    ],
)
def test_office_holders_on_the_seed_day(person: str, office: str, country: str) -> None:
    assert person in holders(office, country, SEED_DAY)


def test_one_head_of_state_per_p5_state_on_the_seed_day() -> None:
    for country in ("RUS", "USA", "FRA", "GBR", "CHN"):
        assert len(holders("head_of_state", country, SEED_DAY)) == 1, country


def test_vessels_are_vehicles() -> None:
    for name in ("شارل ديغول", "هاري ترومان"):
        found = by_name()[name]
        assert found and all(row["type"] == "VEH" and row["kind"] == "vessel" for row in found)
    assert any(row["id"] == "moskva_cruiser" for row in by_name()["موسكو"])


@pytest.mark.skipif(not ISO_CODES.exists(), reason="needs ../shared/data/gazetteers")
def test_data_files_are_what_the_build_script_makes() -> None:
    pytest.importorskip("babel")  # installed with trafilatura (through courlan)
    result = subprocess.run(
        [sys.executable, str(BUILD), "--iso-codes", str(ISO_CODES), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
