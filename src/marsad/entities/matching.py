"""Word runs and phrase matching against the actor knowledge base.

Names are matched on folded words (:func:`marsad.entities.actors.name_key`); only the first
word of a phrase may carry proclitics (وموسكو، بالرئيس، للأمم), and a phrase never runs
across punctuation or a line break. Every match keeps offsets into the original text.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from marsad.arabic.normalize import fold
from marsad.entities.tokens import tokenize

T = TypeVar("T")

#: Proclitic letters that attach to a name, longest first (conjunction + preposition).
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_QUOTES = frozenset("\"'“”«»„‘’")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the text: offsets, surface, folded form, and how it joins the previous word."""

    start: int
    end: int
    text: str
    folded: str
    #: Separated from the previous word by spaces only (no punctuation, no line break).
    joined: bool
    #: Separated from the previous word by spaces and quote marks only.
    quoted: bool
    #: The folded word and its readings without proclitics (see :func:`variants`).
    forms: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Words ``first`` … ``last`` (inclusive) matched to ``value``; ``start`` skips clitics."""

    first: int
    last: int
    start: int
    end: int
    value: T


def words(text: str) -> list[Word]:
    """The words of ``text`` with offsets and their folded forms."""
    out: list[Word] = []
    previous_end = -1
    previous_word = False
    for token in tokenize(text):
        is_word = token.text[0].isalpha()
        if is_word:
            gap = text[previous_end : token.start] if previous_end >= 0 else "\n"
            spaces = previous_word and "\n" not in gap and not gap.strip()
            quoted = (
                previous_end >= 0
                and "\n" not in gap
                and not gap.strip(" \t\u00a0" + "".join(_QUOTES))
            )
            folded = fold(token.text)
            forms = tuple(variants(folded))
            out.append(Word(token.start, token.end, token.text, folded, spaces, quoted, forms))
        previous_word = is_word
        previous_end = token.end
        if not is_word and token.text not in _QUOTES:
            previous_word = False
    return out


def variants(folded: str) -> Iterator[tuple[str, int]]:
    """The word and its readings without proclitics: (form, folded letters cut off)."""
    yield folded, 0
    for clitic in PROCLITICS:
        if not folded.startswith(clitic):
            continue
        rest = folded[len(clitic) :]
        if clitic.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
            # للرئيس / وللأمم: the preposition ل has swallowed the alef of ال;
            # للجنة: and, before a stem in ل, one of the article's lams too.
            yield "ا" + rest, len(clitic) - 1
            yield "ال" + rest, len(clitic) - 1
        if len(rest) >= 2:
            yield rest, len(clitic)


def surface_offset(surface: str, folded_letters: int) -> int:
    """Index in ``surface`` after its first ``folded_letters`` letters (marks skipped)."""
    if folded_letters <= 0:
        return 0
    seen = 0
    for index, char in enumerate(surface):
        if fold(char):
            seen += 1
            if seen == folded_letters:
                rest = index + 1
                while rest < len(surface) and not fold(surface[rest]):
                    rest += 1
                return rest
    return len(surface)


def run_length(items: list[Word], i: int, limit: int) -> int:
    """How many words from ``i`` on form one run (joined by spaces), at most ``limit``."""
    n = 1
    while n < limit and i + n < len(items) and items[i + n].joined:
        n += 1
    return min(n, len(items) - i)


def longest(
    items: list[Word],
    i: int,
    limit: int,
    find: Callable[[tuple[str, ...]], T | None],
    *,
    clitics: bool = True,
    heads: Container[str] | None = None,
) -> Match[T] | None:
    """The longest phrase from word ``i`` that ``find`` knows, the first word maybe with clitics.

    ``heads`` (the first words ``find`` can know) lets most words be skipped at once.
    """
    head = items[i]
    forms = list(head.forms or variants(head.folded)) if clitics else [(head.folded, 0)]
    if heads is not None:
        forms = [(form, cut) for form, cut in forms if form in heads]
        if not forms:
            return None
    size = run_length(items, i, limit)
    for n in range(size, 0, -1):
        tail = tuple(w.folded for w in items[i + 1 : i + n])
        for form, cut in forms:
            value = find((form, *tail))
            if value is not None:
                start = head.start + surface_offset(head.text, cut)
                return Match(i, i + n - 1, start, items[i + n - 1].end, value)
    return None
