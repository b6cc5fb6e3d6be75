"""Mentions to actors: the rule pass (``rules.py``), then the NER tagger's leftovers.

The rule pass finds vessels, knowledge-base names, titles and state organs. NER spans that
overlap none of its mentions become entities too: a person's surname alone joins the
person named in full earlier in the article; a person right after a nisba or a title
("وزير الخارجية النمساوي فولفغانغ سوبوتكا") takes that state; the rest keep their type
and no id.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad.entities.actors import ActorBase, name_key
from marsad.entities.matching import Word, words
from marsad.entities.ner import EntitySpan, NerTagger
from marsad.entities.rules import Cues, Found, Scan, _etype, main_state
from marsad.model import Entity, EntityType, Mention

_LOC_HEADS = frozenset(name_key("جبل بحر نهر منطقة صحراء وادي خليج جزيرة شبه محيط سهل"))
_NER_TYPES: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}


class ActorLinker:
    """Finds entity mentions in an article's text and links them to actors."""

    def __init__(self, base: ActorBase, tagger: NerTagger | None, cues: Cues) -> None:
        self.base = base
        self.tagger = tagger
        self.cues = cues

    @classmethod
    def load(cls, *, ner: bool = True) -> ActorLinker:
        """The linker with the shipped knowledge base (and NER model unless ``ner`` is False)."""
        return cls(ActorBase.load(), NerTagger.load() if ner else None, Cues.load())

    def link(self, text: str, published: date | None = None) -> tuple[Entity, ...]:
        """The entities of ``text``, in order of first mention."""
        items = words(text)
        found = Scan(self.base, self.cues, items, published).run()
        if self.tagger is not None:
            spans = self.tagger.spans(text)
            found = _prefer_longer_names(found, spans, text, self.cues, self.base)
            extra = _ner_mentions(found, spans, text, self.cues)
            extra, found = _appositions(extra, found, items, self.base)
            extra = _relatives(extra, found, text, self.cues.given_names)
            home = main_state(found)
            found = _home_state(sorted([*found, *extra], key=lambda f: f.start), home)
        return _entities(found, text)


_PLACE_KINDS = frozenset({"country", "capital", "city", "region"})


def _prefer_longer_names(
    found: list[Found], spans: list[EntitySpan], text: str, cues: Cues, base: ActorBase
) -> list[Found]:
    """Let a tagged name win over shorter rule matches inside it.

    "مطار طرابلس الدولي" and "كتيبة ثوار طرابلس" are a facility and an organisation of
    Libya, not Tripoli; "شفيق الجراية" is not Ahmed Shafik, nor "إيفانكا ترامب" Donald
    Trump: a span headed by an organisation or facility noun replaces the places inside
    it, and a longer person name replaces a one-part alias inside it.
    """
    out = list(found)
    for span in spans:
        start = _trim_clitic(text, span.start, span.end, cues.given_names)
        words_ = name_key(text[start : span.end])
        inside = [f for f in out if start <= f.start and f.end <= span.end]
        if (
            not inside
            or not words_
            or any(f.start < span.end and start < f.end and f not in inside for f in out)
        ):
            continue
        head = words_[0][2:] if words_[0].startswith("ال") else words_[0]
        replacement = None
        if head in cues.facilities or head in cues.organisations:
            if all(f.actor is not None and f.actor.kind in _PLACE_KINDS for f in inside):
                place = inside[0].actor
                key = place.key if place is not None else None
                kind: EntityType = "FAC" if head in cues.facilities else "ORG"
                replacement = Found(start, span.end, None, kind, key=key, country=key)
        elif span.type == "PER" and _alias_inside(inside, words_, text, base):
            replacement = Found(start, span.end, None, "PER")
        if replacement is not None:
            out = [f for f in out if f not in inside] + [replacement]
    return sorted(out, key=lambda f: f.start)


def _alias_inside(inside: list[Found], words_: tuple[str, ...], text: str, base: ActorBase) -> bool:
    """Whether the rule matches inside a tagged person are shorter aliases of other people."""
    if len(inside) != 1 or inside[0].actor is None or inside[0].nominal:
        return False
    match = name_key(text[inside[0].start : inside[0].end])
    extra = [w for w in words_ if w not in match]
    if len(match) >= len(words_) or not extra:
        return False
    if any(base.adjectives.get((w,)) or (w,) in base.titles for w in extra):
        return False
    full = name_key(inside[0].actor.name)
    return not set(full) <= set(words_)


def _ner_mentions(
    found: list[Found], spans: list[EntitySpan], text: str, cues: Cues
) -> list[Found]:
    """NER spans that overlap no rule match, trimmed of attached clitics, as new mentions."""
    taken = sorted((f.start, f.end) for f in found)
    extra: list[Found] = []
    for span in spans:
        start = _trim_clitic(text, span.start, span.end, cues.given_names)
        if start >= span.end or any(s < span.end and start < e for s, e in taken):
            continue
        kind = _NER_TYPES.get(span.type, "MISC")
        first = name_key(text[start : span.end])
        if kind == "GPE" and first and first[0] in _LOC_HEADS:
            kind = "LOC"
        extra.append(Found(start, span.end, None, kind))
    return extra


def _appositions(
    extra: list[Found], found: list[Found], items: list[Word], base: ActorBase
) -> tuple[list[Found], list[Found]]:
    """Unknown people right after a nisba or a title take its state.

    A title resolved to its holder but followed by another name ("المتحدث باسم الخارجية
    الأمريكية مارك تونر") was the wrong holder: the title keeps only the state.
    """
    by_start = {w.start: i for i, w in enumerate(items)}
    titles = {f.end: f for f in found if f.nominal and f.type == "PER"}
    corrected: dict[int, Found] = {}
    out = []
    for mention in extra:
        index = by_start.get(mention.start)
        if index is None or index == 0 or not items[index].joined:
            out.append(mention)
            continue
        previous = items[index - 1]
        state = base.adjectives.get((previous.folded,))
        title = titles.get(previous.end)
        if title is not None:
            holder = title.actor
            state = title.key or (holder.key if holder else None)
            mention = replace(mention, type="PER")
            if holder is not None and _same_surname(holder.name, items, index, mention.end):
                out.append(replace(mention, actor=holder))
                continue
            if holder is not None:
                corrected[id(title)] = replace(
                    title, actor=None, key=holder.key, country=holder.country, code=holder.code
                )
        if state is not None:
            iso = state if len(state) == 3 else None
            mention = replace(mention, key=state, country=iso, code=iso)
        out.append(mention)
    return out, [corrected.get(id(f), f) for f in found]


def _relatives(
    extra: list[Found], found: list[Found], text: str, given_names: frozenset[str]
) -> list[Found]:
    """An unknown person sharing a known person's surname (إيفانكا ترامب) shares their state.

    Surnames that are also given names (حسن، علي) say nothing about family.
    """
    surnames: dict[str, Found] = {}
    for f in found:
        if f.actor is not None and f.actor.kind == "person" and f.actor.key:
            words_ = name_key(f.actor.name)
            if len(words_) > 1 and words_[-1] not in given_names and len(words_[-1]) > 3:
                surnames.setdefault(words_[-1], f)
    out = []
    for mention in extra:
        words_ = name_key(text[mention.start : mention.end])
        known = surnames.get(words_[-1]) if mention.type == "PER" and len(words_) > 1 else None
        if known is not None and mention.key is None and known.actor is not None:
            mention = replace(mention, key=known.actor.key, country=known.actor.country)
        out.append(mention)
    return out


def _same_surname(name: str, items: list[Word], index: int, end: int) -> bool:
    """Whether the words from ``index`` to ``end`` end like ``name`` (a spelling variant)."""
    last = next((w.folded for w in reversed(items[index : index + 6]) if w.end <= end), "")
    known = name_key(name)
    return bool(known) and len(last) >= 3 and known[-1][:3] == last[:3]


#: Types of unknown entities that are taken to belong to the article's main state.
HOME_TYPES = frozenset({"PER", "ORG", "GPE"})


def _home_state(extra: list[Found], home: str | None) -> list[Found]:
    """People and organisations outside the base, with no other clue, get the main state."""
    if home is None:
        return extra
    return [
        replace(f, key=home, country=home)
        if f.type in HOME_TYPES and f.key is None and f.actor is None
        else f
        for f in extra
    ]


def _trim_clitic(text: str, start: int, end: int, given_names: frozenset[str]) -> int:
    """Skip a proclitic glued to a NER span (والحكومة → الحكومة, ومنير → منير)."""
    head = text[start:end]
    for size in (2, 1):
        if len(head) > size + 3 and head[size : size + 2] == "ال" and head[:size] in _CLITIC_HEADS:
            return start + size
    if head.startswith(("لل", "ولل", "فلل")):
        return start + (1 if head.startswith("لل") else 2)
    first = name_key(head.split()[0]) if head.split() else ()
    if first and first[0][:1] in ("و", "ف") and first[0][1:] in given_names:
        return start + 1
    return start


_CLITIC_HEADS = frozenset({"و", "ف", "ب", "ك", "وب", "فب", "وك", "فك", "ول", "فل"})


def _entities(found: list[Found], text: str) -> tuple[Entity, ...]:
    """Group mentions into entities: by actor id, by organ code, by name for the rest."""
    groups: dict[str, list[Found]] = {}
    order: list[str] = []
    surnames: dict[str, str] = {}
    for f in found:
        group = _group_key(f, text, surnames)
        if group not in groups:
            groups[group] = []
            order.append(group)
        groups[group].append(f)
        if f.type == "PER" and not f.nominal:
            parts = name_key(text[f.start : f.end])
            if len(parts) > 1:
                surnames.setdefault(parts[-1], group)
    return tuple(_entity(group, groups[group], text) for group in order)


def _group_key(f: Found, text: str, surnames: dict[str, str]) -> str:
    if f.actor is not None:
        return f.actor.id
    if f.code and f.nominal and f.type not in ("PER", "VEH"):
        return f"{f.code[:3]}_{f.code[3:]}".lower()
    words_ = name_key(text[f.start : f.end])
    if f.type == "PER" and len(words_) == 1 and words_[0] in surnames:
        return surnames[words_[0]]
    return f"{f.type}:{' '.join(words_)}:{f.key or ''}"


def _entity(group: str, mentions: list[Found], text: str) -> Entity:
    first = mentions[0]
    named = next((m for m in mentions if not m.nominal), first)
    actor = next((m.actor for m in mentions if m.actor is not None), None)
    spans = tuple(Mention(m.start, m.end, text[m.start : m.end], m.nominal) for m in mentions)
    if actor is not None:
        return Entity(
            id=actor.id,
            name=actor.name,
            type=_etype(actor.type) if first.type != "VEH" else "VEH",
            mentions=spans,
            name_en=actor.name_en,
            country=actor.country,
            code=actor.code,
            key=actor.key,
        )
    organ = first.code is not None and first.nominal and first.type not in ("PER", "VEH")
    return Entity(
        id=group if organ else None,
        name=text[named.start : named.end],
        type=first.type,
        mentions=spans,
        name_en=first.name_en,
        country=first.country,
        code=first.code,
        key=first.key,
    )
