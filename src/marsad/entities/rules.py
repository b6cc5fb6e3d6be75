"""The rule pass of entity linking: one left-to-right scan over an article's words.

At each word the longest of these wins:

- a **vessel**: a ship noun (حاملة الطائرات، الطراد…), adjectives, then a quoted or known name
  — typed VEH even when the name is a city or a person ("الطراد الروسي “موسكو”");
- a **name** of the knowledge base. A person's one-word alias that is also a common given
  name (شفيق) counts only after the full name; after "باراك أوباما", "أوباما" and any
  other surname of a person named in full join that person;
- a **title** with a nisba, a state or an organisation ("الرئيس الروسي", "وزير خارجية
  فرنسا", "الأمين العام للأمم المتحدة", "نظيره الروسي") → the office holder on the
  article's date; a title alone ("رئيس الحكومة") → the last holder of that office named in
  the article, else the office of the article's main state (resolved after the scan);
- a **state organ**: an agent word and a nisba ("القوات الروسية" → RUSMIL, key RUS).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources

from marsad.arabic.normalize import fold
from marsad.entities.actors import ActorBase, ActorEntry, name_key
from marsad.entities.matching import Match, Word, longest, run_length
from marsad.model import EntityType

#: Words after a title that make it a former office holder: left unresolved.
_FORMER = frozenset(name_key("السابق السابقة الأسبق الأسبقة سابق سابقا"))
#: Adjectives that end an institution's name (مطار طرابلس الدولي).
_INSTITUTION_TAILS = frozenset(name_key("الدولي الدولية المركزي المركزية الوطني الوطنية"))
#: Words that end the search for the place an institution is named after.
_INSTITUTION_STOPS = frozenset(name_key("في من الى على عن مع عاصمة مدينة ولاية بين"))
#: Kinds whose key may stand for an organisation with its own offices (الأمين العام لحزب الله).
_ORG_KINDS = frozenset({"igo", "igo_organ", "armed_group", "party"})


#: Offices a title alone names for the article's main state (not an organisation's).
STATE_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
)


@dataclass(frozen=True, slots=True)
class Found:
    """One mention and what it refers to (``actor`` None for an entity outside the base)."""

    start: int
    end: int
    actor: ActorEntry | None
    type: EntityType
    nominal: bool = False
    #: Key, names and codes of an entity outside the knowledge base.
    key: str | None = None
    name_en: str | None = None
    country: str | None = None
    code: str | None = None
    #: The office a title mention names (head_of_state…), for titles named again later.
    office: str | None = None


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words of linking (``data/linking_cues.tsv``) and common given names."""

    vessels: frozenset[tuple[str, ...]]
    counterparts: frozenset[str]
    skip: frozenset[str]
    given_names: frozenset[str]
    facilities: frozenset[str]
    organisations: frozenset[str]
    vehicles: frozenset[str]

    @classmethod
    def load(cls) -> Cues:
        by_role: dict[str, list[tuple[str, ...]]] = {}
        for cue, role in _rows("marsad.entities", "linking_cues.tsv")[1:]:
            by_role.setdefault(role, []).append(name_key(cue))
        given = {fold(row[0]) for row in _rows("marsad.extract", "person_first_names.txt")}
        org_cues = {
            fold(row[0]) for row in _rows("marsad.entities", "cues.tsv") if row[1:] == ["ORG_CUE"]
        }

        def words(role: str) -> frozenset[str]:
            return frozenset(k[0] for k in by_role.get(role, []) if len(k) == 1)

        return cls(
            frozenset(by_role.get("vessel", [])),
            words("counterpart"),
            words("skip"),
            frozenset(given),
            words("facility"),
            words("organisation") | org_cues,
            words("vehicle"),
        )


def _rows(package: str, name: str) -> list[list[str]]:
    text = resources.files(package).joinpath("data", name).read_text("utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class _Pending:
    """A title without a state, resolved once the whole article has been read."""

    index: int
    office: str
    agent: str


class Scan:
    """One pass of the rule matchers over an article's words."""

    def __init__(
        self, base: ActorBase, cues: Cues, items: list[Word], published: date | None
    ) -> None:
        self.base = base
        self.cues = cues
        self.max_vessel = max((len(k) for k in cues.vessels), default=1)
        self.items = items
        self.published = published
        self.last_office: str | None = None
        #: Surnames of people named in full so far (folded last word → actor).
        self.surnames: dict[str, ActorEntry] = {}
        #: The last state (or organisation key) each office was named with.
        self.office_states: dict[str, str] = {}
        self.found: list[Found] = []
        self.pending: list[tuple[int, _Pending]] = []
        self.name_heads: set[str] = set(base.name_heads)
        self.vessel_heads = frozenset(k[0] for k in cues.vessels)

    def run(self) -> list[Found]:
        i = 0
        while i < len(self.items):
            best = self._best(i)
            if best is None:
                i += 1
                continue
            for found in best.value:
                if isinstance(found, _Pending):
                    self.pending.append((len(self.found), found))
                    self.found.append(self._placeholder(best, found))
                else:
                    self.found.append(found)
            i = best.last + 1
        return self._resolve_pending()

    def _best(self, i: int) -> Match[list[Found | _Pending]] | None:
        name = self._name(i)
        candidates = [
            self._vessel(i),
            name,
            self._title(i),
            self._organ(i),
            None if name is not None else self._institution(i),
            self._vehicle(i),
        ]
        present = [c for c in candidates if c is not None]
        if not present:
            return None
        return max(present, key=lambda m: m.last - m.first)

    # -- names ------------------------------------------------------------------------
    def _pick(self, entries: Sequence[ActorEntry], *, vessel: bool = False) -> ActorEntry | None:
        # Prefer actors that existed on the article's date; a defunct one (فجر ليبيا) is
        # still what its own name means.
        usable = [e for e in entries if e.valid_on(self.published)] or list(entries)
        if vessel:
            ships = [e for e in usable if e.kind == "vessel"]
            return ships[0] if ships else None
        # A ship's name alone (شارل ديغول) is the ship; a city's name alone is the city.
        return min(usable, key=lambda e: _kind_rank(e.kind)) if usable else None

    def _name(self, i: int) -> Match[list[Found | _Pending]] | None:
        match = longest(self.items, i, self.base.max_name_words, self._known, heads=self.name_heads)
        if match is None:
            return None
        actor = match.value
        if actor.kind == "person":
            words = name_key(" ".join(w.text for w in self.items[match.first : match.last + 1]))
            if len(words) > 1:
                self.surnames.setdefault(words[-1], actor)
                self.name_heads.add(words[-1])
            elif words and words[0] in self.cues.given_names and words[0] not in self.surnames:
                return None
        found = Found(match.start, match.end, actor, _etype(actor.type))
        return Match(match.first, match.last, match.start, match.end, [found])

    def _known(self, key: tuple[str, ...]) -> ActorEntry | None:
        if len(key) == 1 and key[0] in self.surnames:
            return self.surnames[key[0]]
        entries = self.base.lookup(key)
        if not entries and key and key[0].startswith("ال") and len(key[0]) > 4:
            # الفيتنام، الباكستان: a country name with the article.
            bare = [e for e in self.base.lookup((key[0][2:], *key[1:])) if e.kind == "country"]
            entries = tuple(bare)
        return self._pick(entries) if entries else None

    def _country_at(self, j: int, *, clitics: bool = False) -> Match[str] | None:
        """A nisba adjective or a country name at word ``j``: the state's ISO code."""
        if j >= len(self.items) or not self.items[j].joined:
            return None
        nisba = longest(
            self.items,
            j,
            self.base.max_adjective_words,
            self.base.adjectives.get,
            clitics=False,
            heads=self.base.adjective_heads,
        )
        if nisba is not None:
            return nisba
        name = longest(
            self.items,
            j,
            self.base.max_name_words,
            self._known,
            clitics=clitics,
            heads=self.name_heads,
        )
        if name is not None and name.value.kind == "country" and name.value.country:
            return Match(name.first, name.last, name.start, name.end, name.value.country)
        return None

    # -- titles -----------------------------------------------------------------------
    def _title(self, i: int) -> Match[list[Found | _Pending]] | None:
        head = self.items[i]
        agent = "GOV"
        if head.folded in self.cues.counterparts:
            if self.last_office is None:
                return None
            title = Match(i, i, head.start, head.end, self.last_office)
        else:
            match = longest(
                self.items,
                i,
                self.base.max_title_words,
                self.base.titles.get,
                heads=self.base.title_heads,
            )
            if match is None:
                return None
            title = Match(match.first, match.last, match.start, match.end, match.value.office)
            agent = match.value.agent
        office = title.value
        state = self._country_at(title.last + 1) or self._organisation_at(title.last + 1)
        if state is None:
            return self._bare_title(title, agent)
        self.last_office = office
        self.office_states[office] = state.value
        holder = self.base.holder(state.value, office, self.published)
        if holder is not None:
            found = Found(title.start, state.end, holder, "PER", nominal=True, office=office)
        else:
            iso = state.value if len(state.value) == 3 else None
            found = Found(
                title.start,
                state.end,
                None,
                "PER",
                nominal=True,
                key=state.value,
                country=iso,
                code=f"{iso}{agent}" if iso else None,
                office=office,
            )
        return Match(title.first, state.last, title.start, state.end, [found])

    def _bare_title(self, title: Match[str], agent: str) -> Match[list[Found | _Pending]] | None:
        """A title with no state after it: resolved after the scan, unless 'former'."""
        after = title.last + 1
        if after < len(self.items) and self.items[after].folded in _FORMER:
            return None
        if title.first == title.last and title.start == self.items[title.first].start:
            # A one-word title (الرئيس، الملك) names its holder only with a name after it.
            following = self.items[after] if after < len(self.items) else None
            if following is None or not following.joined:
                return None
        self.last_office = title.value
        embedded = self._embedded_key(title)
        if embedded is not None:
            holder = self.base.holder(embedded, title.value, self.published)
            iso = embedded if len(embedded) == 3 else None
            found = Found(
                title.start,
                title.end,
                holder,
                "PER",
                nominal=True,
                key=embedded,
                country=iso,
                code=f"{iso}{agent}" if iso else None,
                office=title.value,
            )
            return Match(title.first, title.last, title.start, title.end, [found])
        pending = _Pending(title.first, title.value, agent)
        return Match(title.first, title.last, title.start, title.end, [pending])

    def _embedded_key(self, title: Match[str]) -> str | None:
        """The key of an organisation named inside a title (المتحدث باسم الكرملين → RUS)."""
        for k in range(title.first + 1, title.last + 1):
            name = longest(self.items, k, self.base.max_name_words, self._known)
            if name is not None and name.last <= title.last and name.value.key:
                return name.value.key
        return None

    def _organisation_at(self, j: int) -> Match[str] | None:
        """An organisation right after a title (للأمم المتحدة، لحزب الله): its key."""
        if j >= len(self.items) or not self.items[j].joined:
            return None
        name = longest(self.items, j, self.base.max_name_words, self._known)
        if name is None or name.value.kind not in _ORG_KINDS or not name.value.key:
            return None
        return Match(name.first, name.last, name.start, name.end, name.value.key)

    def _placeholder(self, match: Match[list[Found | _Pending]], pending: _Pending) -> Found:
        return Found(match.start, match.end, None, "PER", nominal=True, office=pending.office)

    def _resolve_pending(self) -> list[Found]:
        """Titles without a state: the same office named before, else the main state's."""
        if not self.pending:
            return self.found
        home = main_state(self.found)
        pending_at = dict(self.pending)
        named: dict[str, Found] = {}
        resolved: list[Found] = []
        for position, found in enumerate(self.found):
            item = pending_at.get(position)
            if item is None:
                if found.office is not None:
                    named[found.office] = found
                resolved.append(found)
                continue
            earlier = named.get(item.office)
            if earlier is not None:
                resolved.append(
                    replace(
                        found,
                        actor=earlier.actor,
                        key=earlier.key,
                        country=earlier.country,
                        code=earlier.code,
                    )
                )
            elif home is not None and item.office in STATE_OFFICES:
                resolved.append(self._office_of(found, item, home))
        return resolved

    def _office_of(self, found: Found, item: _Pending, state: str) -> Found:
        holder = self.base.holder(state, item.office, self.published)
        if holder is not None:
            return replace(found, actor=holder)
        return replace(found, key=state, country=state, code=f"{state}{item.agent}")

    # -- state organs -----------------------------------------------------------------
    def _organ(self, i: int) -> Match[list[Found | _Pending]] | None:
        agent = longest(
            self.items,
            i,
            self.base.max_agent_words,
            self.base.agents.get,
            heads=self.base.agent_heads,
        )
        if agent is None:
            return None
        j = agent.last + 1
        for _ in range(3):
            state = self._country_at(j)
            if state is not None:
                break
            if j >= len(self.items) or not self.items[j].joined:
                return None
            if not self.items[j].folded.startswith("ال"):
                return None
            j += 1
        else:
            return None
        iso = state.value
        country = self.base.country(iso)
        label = country.name_en if country else iso
        found = Found(
            agent.start,
            state.end,
            None,
            _etype(agent.value.type),
            nominal=True,
            key=iso,
            name_en=f"{label} ({agent.value.agent})",
            country=iso,
            code=f"{iso}{agent.value.agent}",
        )
        return Match(agent.first, state.last, agent.start, state.end, [found])

    # -- institutions named after a place ---------------------------------------------
    def _institution(self, i: int) -> Match[list[Found | _Pending]] | None:
        """مطار طرابلس الدولي، كتيبة ثوار طرابلس، المحكمة الابتدائية بتونس: not the place.

        Not tried where a known name starts (صندوق النقد الدولي تونس: the name, then the place).
        """
        head = self.items[i].folded
        head = head[2:] if head.startswith("ال") else head
        facility = head in self.cues.facilities
        if not facility and head not in self.cues.organisations:
            return None
        for j in range(i + 1, min(i + 4, len(self.items))):
            if not self.items[j].joined or self.items[j].folded in _INSTITUTION_STOPS:
                return None
            place = longest(self.items, j, self.base.max_name_words, self._known)
            if place is None:
                continue
            if place.value.kind not in ("country", "capital", "city") or not place.value.key:
                return None
            last = place.last
            following = last + 1
            if (
                following < len(self.items)
                and self.items[following].joined
                and self.items[following].folded in _INSTITUTION_TAILS
            ):
                last = following
            key = place.value.key
            start, end = self.items[i].start, self.items[last].end
            kind: EntityType = "FAC" if facility else "ORG"
            found = Found(start, end, None, kind, key=key, country=place.value.country)
            return Match(i, last, start, end, [found])
        return None

    # -- vehicles of a state ----------------------------------------------------------
    def _vehicle(self, i: int) -> Match[list[Found | _Pending]] | None:
        """الطائرة الروسية: a vehicle noun and a nisba are that state's vehicle (VEH)."""
        if self.items[i].folded not in self.cues.vehicles:
            return None
        state = self._country_at(i + 1)
        if state is None or len(state.value) != 3:
            return None
        start, end = self.items[i].start, state.end
        found = Found(start, end, None, "VEH", key=state.value, country=state.value)
        return Match(i, state.last, start, end, [found])

    # -- vessels ----------------------------------------------------------------------
    def _vessel(self, i: int) -> Match[list[Found | _Pending]] | None:
        noun = longest(
            self.items,
            i,
            self.max_vessel,
            lambda k: k if k in self.cues.vessels else None,
            heads=self.vessel_heads,
        )
        if noun is None:
            return None
        country: str | None = None
        j = noun.last + 1
        while j < len(self.items) and j - noun.last <= 5:
            word = self.items[j]
            if not word.quoted:
                return None
            nisba = self.base.adjectives.get((word.folded,))
            if nisba is not None:
                country = nisba
            elif word.folded not in self.cues.skip:
                break
            j += 1
        if j >= len(self.items) or not self.items[j].quoted:
            return None
        name = self._vessel_name(j)
        if name is None:
            return None
        last, actor = name
        if actor is not None and actor.country:
            country = actor.country
        start, end = self.items[j].start, self.items[last].end
        found = Found(start, end, actor, "VEH", key=country, country=country)
        return Match(i, last, start, end, [found])

    def _vessel_name(self, j: int) -> tuple[int, ActorEntry | None] | None:
        """Where the vessel's name after word ``j`` ends, and its vessel actor if known."""
        ship = longest(
            self.items,
            j,
            self.base.max_name_words,
            lambda k: self._pick(self.base.lookup(k), vessel=True),
            clitics=False,
        )
        if ship is not None:
            return ship.last, ship.value
        named = longest(self.items, j, self.base.max_name_words, self._known, clitics=False)
        if named is not None:
            return named.last, None
        if self.items[j].joined:
            return None
        # A quoted name: the words up to the closing quote.
        size = run_length(self.items, j, 4)
        return j + size - 1, None


#: Kinds preferred when one name denotes several actors (تونس: the state before the city).
KIND_ORDER = (
    "country",
    "igo",
    "igo_organ",
    "government_body",
    "military_body",
    "armed_group",
    "party",
    "person",
    "capital",
    "media",
    "city",
    "region",
    "company",
    "other",
    "vessel",
)


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _etype(value: str) -> EntityType:
    allowed: tuple[EntityType, ...] = ("PER", "ORG", "GPE", "LOC", "FAC", "VEH", "EVENT", "MISC")
    return next((t for t in allowed if t == value), "MISC")


def main_state(found: Sequence[Found]) -> str | None:
    """The state named most often by the article's named mentions (its home), if any."""
    keys = [_key_of(f) for f in found if not f.nominal]
    counts = Counter(k for k in keys if k and len(k) == 3)
    return counts.most_common(1)[0][0] if counts else None


def _key_of(found: Found) -> str | None:
    return found.key or (found.actor.key if found.actor else None)
