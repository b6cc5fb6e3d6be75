"""Build the actor knowledge base in src/marsad/entities/data/actors/ from its sources.

The hand-written rows live in training/actors/curated/; CLDR (through babel) gives the
countries' canonical Arabic and English names; the ISO 3166 code table of the Debian iso-codes
gazetteer gives the alpha-2 code of each alpha-3 code (codes only, no names). The
world_cities_ar gazetteer is read, when given, only to report where its Arabic city names
differ from the curated ones. The output is deterministic: the same inputs give the same bytes.

    .venv/bin/python training/actors/build_actors.py \\
        --iso-codes ../shared/data/gazetteers/iso_codes_debian/iso3166-1_ar.tsv \\
        --world-cities ../shared/data/gazetteers/world_cities_ar/world-cities.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
DEFAULT_OUT = HERE.parent.parent / "src" / "marsad" / "entities" / "data" / "actors"

ACTOR_COLUMNS = (
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
)
OFFICE_COLUMNS = ("actor_id", "country", "office", "valid_from", "valid_to")

# Kosovo has no ISO alpha-3 code; XKX/XK are the user-assigned codes in common use.
EXTRA_ALPHA2 = {"XKX": "XK"}

# CLDR's English short names where the English Wikipedia title differs.
ENGLISH_TITLES = {
    "BHS": "The Bahamas",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czech Republic",
    "FSM": "Federated States of Micronesia",
    "GEO": "Georgia (country)",
    "GMB": "The Gambia",
    "MMR": "Myanmar",
    "PSE": "State of Palestine",
    "TLS": "East Timor",
    "TUR": "Turkey",
    "VCT": "Saint Vincent and the Grenadines",
}

ATTRIBUTION = {
    "cldr": "CLDR Arabic and English territory names via babel (Unicode License v3)",
    "hand": "facts from public record, hand-written by the Marsad developers (Apache-2.0)",
    "cameo": (
        "CAMEO actor codes: CAMEO codebook 1.1b3 (Schrodt 2012) and the Phoenix/PETRARCH2 "
        "international actors dictionary (openeventdata, MIT)"
    ),
    "petrarch": (
        "UniversalPetrarch Arabic dictionaries (MIT, (c) 2016 Open Event Data Alliance), "
        "consulted for codes, not copied"
    ),
}


@dataclass(frozen=True)
class Output:
    """One data file: its name, what it holds, its sources, its header and its rows."""

    name: str
    description: str
    sources: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file whose first non-comment line is its header."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    lines = [line for line in lines if not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{path.name}: data line {number} has {len(cells)} cells: {line!r}")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def split(cell: str) -> list[str]:
    """The values of a |-separated cell."""
    return [value.strip() for value in cell.split("|") if value.strip()]


def join(values: Iterable[str], exclude: Iterable[str] = ()) -> str:
    """Join values with |, dropping duplicates (first wins) and the excluded ones."""
    seen = set(exclude)
    kept = []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            kept.append(value)
    return "|".join(kept)


def actor_row(**cells: str) -> tuple[str, ...]:
    """A row in ACTOR_COLUMNS order; missing cells are empty."""
    return tuple(cells.get(column, "") for column in ACTOR_COLUMNS)


def alpha2_codes(iso_codes: Path) -> dict[str, str]:
    """alpha-3 -> alpha-2 from the ISO 3166 table (codes only)."""
    with iso_codes.open(encoding="utf-8") as handle:
        table = {row["alpha_3"]: row["alpha_2"] for row in csv.DictReader(handle, delimiter="\t")}
    return table | EXTRA_ALPHA2


def english_name(alpha3: str, alpha2: str, english: dict[str, str]) -> str:
    """The English Wikipedia title of a country, from CLDR's short name."""
    if alpha3 in ENGLISH_TITLES:
        return ENGLISH_TITLES[alpha3]
    name = english[alpha2].replace(" & ", " and ")
    return name.replace("St. ", "Saint ")


def country_rows(curated: list[dict[str, str]], alpha2: dict[str, str]) -> list[tuple[str, ...]]:
    """countries.tsv rows: CLDR names, curated overrides and aliases."""
    arabic, english = Locale("ar").territories, Locale("en").territories
    rows = []
    for entry in curated:
        code = entry["alpha3"]
        cldr_ar = arabic[alpha2[code]]
        name_ar = entry["name_ar"] or cldr_ar
        # CLDR's disambiguated display forms ("الكونغو - كينشاسا", "ميانمار (بورما)") are not
        # names that occur in text.
        display_form = " - " in cldr_ar or "(" in cldr_ar
        extra = [] if display_form else [cldr_ar]
        aliases = join([*split(entry["aliases_ar"]), *extra], exclude=[name_ar])
        rows.append(
            actor_row(
                id=code.lower(),
                type="GPE",
                kind="country",
                name_ar=name_ar,
                name_en=english_name(code, alpha2[code], english),
                country=code,
                code=code,
                key=code,
                valid_from=entry["valid_from"],
                valid_to=entry["valid_to"],
                aliases_ar=aliases,
            )
        )
    return sorted(rows)


def place_rows(
    capitals: list[dict[str, str]], cities: list[dict[str, str]], regions: list[dict[str, str]]
) -> list[tuple[str, ...]]:
    """places.tsv rows: capitals, then cities, then regions and sites."""
    rows = []
    for kind, entries in (("capital", capitals), ("city", cities)):
        for entry in entries:
            country = entry["country"]
            rows.append(
                actor_row(
                    id=entry["id"],
                    type="GPE",
                    kind=kind,
                    name_ar=entry["name_ar"],
                    name_en=entry["name_en"],
                    country=country,
                    code=country,
                    key=country,
                    aliases_ar=join(split(entry["aliases_ar"])),
                )
            )
    rows.extend(tuple(entry[column] for column in ACTOR_COLUMNS) for entry in regions)
    return rows


def nisba_forms(nisba: str) -> Iterator[str]:
    """The regular forms of a masculine nisba: with and without ال, fem., sound plurals."""
    for stem in (nisba, nisba + "ة", nisba + "ون", nisba + "ين"):
        yield stem
        yield "ال" + stem


def adjective_rows(
    curated_countries: list[dict[str, str]], hand: list[dict[str, str]]
) -> list[tuple[str, ...]]:
    """adjectives.tsv rows: generated regular forms, broken plurals, hand-written forms."""
    pairs: dict[str, str] = {}

    def add(form: str, country: str) -> None:
        if pairs.setdefault(form, country) != country:
            raise ValueError(f"adjective {form!r} points to {pairs[form]} and {country}")

    for entry in curated_countries:
        for nisba in split(entry["nisba"]):
            for form in nisba_forms(nisba):
                add(form, entry["alpha3"])
        for plural in split(entry["plural"]):
            add(plural, entry["alpha3"])
            add("ال" + plural, entry["alpha3"])
    for entry in hand:
        add(entry["form"], entry["country"])
    return sorted((form, country) for form, country in pairs.items())


Rows = list[tuple[str, ...]]


def people_rows(people: list[dict[str, str]]) -> tuple[Rows, Rows]:
    """people.tsv and offices.tsv rows from the curated people (offices inline)."""
    actors: Rows = []
    offices: Rows = []
    for entry in people:
        fields = {column: entry[column] for column in ("id", "name_ar", "name_en", "country")}
        actors.append(
            actor_row(
                **fields,
                type="PER",
                kind="person",
                code=entry["code"],
                key=entry["key"],
                aliases_ar=join(split(entry["aliases_ar"])),
            )
        )
        for term in entry["offices"].split(";"):
            if term.strip():
                office, country, start, end = (part.strip() for part in term.split(","))
                offices.append((entry["id"], country, office, start, end))
    return actors, offices


def same_columns(rows: list[dict[str, str]]) -> list[tuple[str, ...]]:
    """Rows already in the shipped actor columns."""
    return [tuple(entry[column] for column in ACTOR_COLUMNS) for entry in rows]


def build(iso_codes: Path) -> list[Output]:
    """All output files, in memory."""
    countries = read_tsv(CURATED / "countries.tsv")
    people, offices = people_rows(read_tsv(CURATED / "people.tsv"))
    hand, cldr, cameo = ATTRIBUTION["hand"], ATTRIBUTION["cldr"], ATTRIBUTION["cameo"]
    return [
        Output(
            "countries.tsv",
            "States: UN members, Palestine, Kosovo, Taiwan, Western Sahara, the Holy See.",
            (cldr, hand + " (aliases, overrides of CLDR names)", "ISO 3166-1 codes"),
            ACTOR_COLUMNS,
            tuple(country_rows(countries, alpha2_codes(iso_codes))),
        ),
        Output(
            "places.tsv",
            "Capitals, major cities, regions, seas and sites.",
            (hand + "; world_cities_ar (CC BY 4.0) consulted as a checklist only",),
            ACTOR_COLUMNS,
            tuple(
                place_rows(
                    read_tsv(CURATED / "capitals.tsv"),
                    read_tsv(CURATED / "cities.tsv"),
                    read_tsv(CURATED / "regions.tsv"),
                )
            ),
        ),
        Output(
            "people.tsv",
            "Heads of state and government, ministers, spokespeople, IGO heads, group leaders.",
            (hand, cameo),
            ACTOR_COLUMNS,
            tuple(people),
        ),
        Output(
            "offices.tsv",
            "Terms of office of the people in people.tsv.",
            (hand,),
            OFFICE_COLUMNS,
            tuple(offices),
        ),
        Output(
            "organisations.tsv",
            "IGOs and their organs, state bodies acting by name, armed groups, parties, media.",
            (hand, cameo),
            ACTOR_COLUMNS,
            tuple(same_columns(read_tsv(CURATED / "organisations.tsv"))),
        ),
        Output(
            "vessels.tsv",
            "Famous warships.",
            (hand,),
            ACTOR_COLUMNS,
            tuple(same_columns(read_tsv(CURATED / "vessels.tsv"))),
        ),
        Output(
            "adjectives.tsv",
            "Nisba (demonym) forms pointing to a state.",
            (hand + "; regular forms generated from the curated masculine nisbas",),
            ("form", "country"),
            tuple(adjective_rows(countries, read_tsv(CURATED / "adjectives.tsv"))),
        ),
        Output(
            "titles.tsv",
            "Arabic office titles, the office they denote and the CAMEO agent they give.",
            (hand, cameo),
            ("title", "office", "agent"),
            tuple(tuple(row.values()) for row in read_tsv(CURATED / "titles.tsv")),
        ),
        Output(
            "agents.tsv",
            "CAMEO agent words that make a state organ with a nisba or a country name.",
            (hand, cameo, ATTRIBUTION["petrarch"]),
            ("word", "agent", "type"),
            tuple(tuple(row.values()) for row in read_tsv(CURATED / "agents.tsv")),
        ),
    ]


def render(output: Output) -> str:
    """The text of one data file: comment header, column header, rows."""
    lines = [
        f"# {output.name}: {output.description}",
        "# Generated by training/actors/build_actors.py from training/actors/curated/;",
        "# edit the curated files and rebuild, not this file. Sources and licences:",
        *(f"#   {source}" for source in output.sources),
        "# Tab-separated, UTF-8; empty cell = empty string; multi-valued cells are |-separated.",
        "\t".join(output.columns),
        *("\t".join(row) for row in output.rows),
    ]
    return "\n".join(lines) + "\n"


def report_city_differences(world_cities: Path) -> Iterator[str]:
    """Curated capitals/cities whose Arabic name the world_cities_ar gazetteer spells otherwise."""
    names: dict[str, set[str]] = {}
    with world_cities.open(encoding="utf-8-sig") as handle:
        for line in handle:
            record = json.loads(line.lstrip("\ufeff"))
            names.setdefault(record["CityNameEn"].lower(), set()).add(record["CityNameAr"])
    for file in ("capitals.tsv", "cities.tsv"):
        for entry in read_tsv(CURATED / file):
            known = names.get(entry["name_en"].split(",")[0].lower())
            ours = {entry["name_ar"], *split(entry["aliases_ar"])}
            if known and not known & ours:
                yield f"{entry['id']}: curated {entry['name_ar']} / gazetteer {sorted(known)}"


def main(argv: list[str] | None = None) -> int:
    """Write the data files (or, with --check, fail if they are out of date)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iso-codes", type=Path, required=True, help="iso3166-1_ar.tsv")
    parser.add_argument("--world-cities", type=Path, help="world-cities.jsonl (report only)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for output in build(args.iso_codes):
        path, text = args.out / output.name, render(output)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(output.name)
        else:
            path.write_text(text, encoding="utf-8")
        sys.stdout.write(f"{output.name}: {len(output.rows)} rows\n")
    if args.world_cities:
        for line in report_city_differences(args.world_cities):
            sys.stdout.write(f"differs: {line}\n")
    if stale:
        sys.stderr.write(f"out of date: {', '.join(stale)}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
