"""The actor knowledge base: countries, places, people, organisations and vessels.

Read from the data files in ``entities/data/actors/`` (their README says where each came
from). Names are indexed by their folded word sequence (:func:`name_key`), so that
spelling variants of alef, hamza, ya and ta marbuta match. Offices (who was head of state,
foreign minister… of which country, from when to when) answer title mentions such as
"الرئيس الروسي" for the article's date.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from marsad.arabic.normalize import fold
from marsad.errors import InputError

ACTOR_FILES = ("countries.tsv", "places.tsv", "people.tsv", "organisations.tsv", "vessels.tsv")
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
#: Kinds that are a state's territory or government seat: their key is the state.
PLACE_KINDS = frozenset({"country", "capital", "city", "region"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the knowledge base."""

    id: str
    type: str
    kind: str
    name: str
    name_en: str
    country: str | None
    code: str | None
    key: str | None
    valid_from: date | None = None
    valid_to: date | None = None
    aliases: tuple[str, ...] = ()

    def valid_on(self, day: date | None) -> bool:
        """True when the actor existed on ``day`` (always, when the day is unknown)."""
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Office:
    """A term of office: who held which office of which state (or IGO) and when."""

    actor_id: str
    country: str
    office: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Title:
    """An office title ("وزير الخارجية") and the CAMEO agent it implies."""

    office: str
    agent: str


@dataclass(frozen=True, slots=True)
class Agent:
    """A CAMEO agent word ("القوات" → MIL) that, with a nisba or a state, makes a state organ."""

    agent: str
    type: str


def name_key(name: str) -> tuple[str, ...]:
    """The folded word sequence a name is indexed and matched by."""
    return tuple(fold(name).split())


def parse_day(value: str, *, end: bool = False) -> date | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` (the first or, with ``end``, last day); '' → None."""
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 12, 31) if end else date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if not end:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date: {value!r}") from None


class ActorBase:
    """Actors by id and by name, nisba adjectives, offices, titles and agent words."""

    def __init__(
        self,
        actors: Iterable[ActorEntry],
        adjectives: dict[str, str],
        offices: Iterable[Office],
        titles: dict[tuple[str, ...], Title],
        agents: dict[tuple[str, ...], Agent],
    ) -> None:
        self._by_id: dict[str, ActorEntry] = {}
        self._by_name: dict[tuple[str, ...], list[ActorEntry]] = {}
        for actor in actors:
            if actor.id in self._by_id:
                raise InputError(f"actor id {actor.id!r} is defined twice")
            self._by_id[actor.id] = actor
            for name in (actor.name, *actor.aliases):
                key = name_key(name)
                if key:
                    found = self._by_name.setdefault(key, [])
                    if actor not in found:
                        found.append(actor)
        self.adjectives = {name_key(form): iso for form, iso in adjectives.items()}
        self._offices: dict[tuple[str, str], list[Office]] = {}
        for office in offices:
            self._offices.setdefault((office.country, office.office), []).append(office)
        self.titles = titles
        self.agents = agents
        self.max_name_words = max((len(k) for k in self._by_name), default=1)
        self.max_title_words = max((len(k) for k in titles), default=1)
        self.max_agent_words = max((len(k) for k in agents), default=1)
        self.max_adjective_words = max((len(k) for k in self.adjectives), default=1)
        self._countries = {a.country: a for a in self._by_id.values() if a.kind == "country"}
        #: First words of names, titles, agents and adjectives, to skip other words fast.
        self.name_heads = frozenset(k[0] for k in self._by_name) | frozenset(
            "ال" + k[0]
            for k, found in self._by_name.items()
            if any(a.kind == "country" for a in found)
        )
        self.title_heads = frozenset(k[0] for k in titles)
        self.agent_heads = frozenset(k[0] for k in agents)
        self.adjective_heads = frozenset(k[0] for k in self.adjectives)

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> ActorBase:
        """The shipped knowledge base, or the one in ``data_dir``."""
        root: Traversable | Path
        if data_dir is None:
            root = resources.files("marsad.entities").joinpath("data", "actors")
        else:
            root = Path(data_dir)
        actors = [
            _actor(row, name) for name in ACTOR_FILES for row in _table(root, name, ACTOR_COLUMNS)
        ]
        adjectives = {
            row["form"]: row["country"]
            for row in _table(root, "adjectives.tsv", ("form", "country"))
        }
        offices = [
            Office(
                row["actor_id"],
                row["country"],
                row["office"],
                parse_day(row["valid_from"]),
                parse_day(row["valid_to"], end=True),
            )
            for row in _table(
                root, "offices.tsv", ("actor_id", "country", "office", "valid_from", "valid_to")
            )
        ]
        titles = {
            name_key(row["title"]): Title(row["office"], row["agent"])
            for row in _table(root, "titles.tsv", ("title", "office", "agent"))
        }
        agents = {
            name_key(row["word"]): Agent(row["agent"], row["type"])
            for row in _table(root, "agents.tsv", ("word", "agent", "type"))
        }
        return cls(actors, adjectives, offices, titles, agents)

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, actor_id: str) -> ActorEntry | None:
        return self._by_id.get(actor_id)

    def lookup(self, words: tuple[str, ...]) -> tuple[ActorEntry, ...]:
        """Actors named by a folded word sequence (see :func:`name_key`)."""
        return tuple(self._by_name.get(words, ()))

    def country(self, iso3: str) -> ActorEntry | None:
        """The country actor of an ISO alpha-3 code."""
        return self._countries.get(iso3)

    def holder(self, country: str, office: str, day: date | None) -> ActorEntry | None:
        """Who held ``office`` of ``country`` on ``day`` (None when unknown or no date)."""
        if day is None:
            return None
        for term in self._offices.get((country, office), ()):
            if term.held_on(day):
                return self._by_id.get(term.actor_id)
        return None

    def offices_of(self, actor_id: str) -> tuple[Office, ...]:
        return tuple(o for terms in self._offices.values() for o in terms if o.actor_id == actor_id)


def _table(
    root: Traversable | Path, name: str, columns: tuple[str, ...]
) -> Iterator[dict[str, str]]:
    """Rows of one TSV data file (``#`` comment lines, then a header naming ``columns``)."""
    path = root.joinpath(name)
    if not path.is_file():
        return
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    reader = csv.DictReader(
        (line for line in lines if line.strip()), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"actor data file {name}: missing column(s) {missing}")
    for number, row in enumerate(reader, start=2):
        if any(row.get(c) is None for c in columns):
            raise InputError(f"actor data file {name}, row {number}: too few columns")
        yield {c: (row[c] or "").strip() for c in columns}


def _actor(row: dict[str, str], source: str) -> ActorEntry:
    try:
        return ActorEntry(
            id=row["id"],
            type=row["type"],
            kind=row["kind"],
            name=row["name_ar"],
            name_en=row["name_en"],
            country=row["country"] or None,
            code=row["code"] or None,
            key=row["key"] or None,
            valid_from=parse_day(row["valid_from"]),
            valid_to=parse_day(row["valid_to"], end=True),
            aliases=tuple(a.strip() for a in row["aliases_ar"].split("|") if a.strip()),
        )
    except InputError as exc:
        raise InputError(f"actor data file {source}, actor {row['id']!r}: {exc}") from None
