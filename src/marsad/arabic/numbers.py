"""Numbers in Arabic text: digits of both scripts, number words, percentages and money.

``NumberReader.find(text)`` returns :class:`NumberExpr` spans with offsets into ``text``:
``36 ألف`` is 36000, ``مئة وتسعة وعشرين`` 129, ``ثلاثة آلاف`` 3000, ``الـ217`` 217
(definite), ``الثالثة`` the ordinal 3, ``عشرات`` the vague order of magnitude 10,
``نحو 500`` approximate, ``24 بالمائة`` a percentage and ``180 مليون دينار`` money.
Matching runs on folded text (:data:`~marsad.arabic.normalize.MATCHING`) and every span
is mapped back to the original characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from marsad.arabic.normalize import MATCHING, Normalized, Normalizer

NumberKind = Literal["cardinal", "ordinal", "percent", "money"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_PREFIXES = ("وب", "ول", "و", "ف", "ب", "ل", "ك")
_MAX_PHRASE = 4


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """A number found in a text, with offsets into that text."""

    start: int
    end: int
    text: str
    value: float | int
    kind: NumberKind = "cardinal"
    approximate: bool = False
    unit: str | None = None
    #: Written with the article (الـ217, الثلاث): it usually follows what it counts.
    definite: bool = False


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of folded text (offsets into the folded text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Parse:
    value: float | int
    end: int  # index of the token after the number
    ordinal: bool
    vague: bool


def tokens_of(text: str) -> list[Tok]:
    """Tokens of folded text: digit groups, letter runs and single other characters."""
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def parse_digits(text: str) -> float | int | None:
    """A digit string as a number: ``1,000`` → 1000, ``1.5`` and ``1,5`` → 1.5."""
    if _THOUSANDS.fullmatch(text):
        return int(text.replace(",", ""))
    if text.count(".") + text.count(",") > 1:
        parts = re.split(r"[.,]", text)
        if all(len(p) == 3 for p in parts[1:]):
            return int("".join(parts))
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text and "," not in text else value


def _integral(value: float | int) -> float | int:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _load_lines(name: str) -> list[str]:
    text = resources.files("marsad.arabic").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


class NumberReader:
    """Finds numbers, percentages and money in text; built once with its word lists."""

    def __init__(
        self,
        words: Mapping[str, tuple[float | int, str]],
        approximators: Sequence[str],
        percent: Sequence[str],
        currencies: Mapping[str, str],
    ) -> None:
        self._normalizer = Normalizer(MATCHING)
        fold = self.fold
        self.words = {fold(w): v for w, v in words.items()}
        self.before = {tuple(fold(a).split()) for a in approximators if not a.endswith("+")}
        self.after = {tuple(fold(a[:-1]).split()) for a in approximators if a.endswith("+")}
        self.percent = {tuple(fold(p).split()) for p in percent}
        self.currencies = {tuple(fold(c).split()): u for c, u in currencies.items()}

    @classmethod
    def load(cls) -> NumberReader:
        """The reader with the shipped word lists (``data/number_words.tsv`` etc.)."""
        words: dict[str, tuple[float | int, str]] = {}
        for line in _load_lines("number_words.tsv"):
            word, value, kind = line.split("\t")
            words[word] = (_integral(float(value)), kind)
        currencies = dict(line.split("\t") for line in _load_lines("currencies.tsv"))
        return cls(words, _load_lines("approximators.txt"), _load_lines("percent.txt"), currencies)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, ())

    def fold(self, text: str) -> str:
        """Fold text the way the reader matches it."""
        return self._normalizer(text).text

    def find(self, text: str) -> list[NumberExpr]:
        """Every number expression in ``text``, offsets into ``text``."""
        return self.read(self._normalizer(text))

    def read(self, norm: Normalized) -> list[NumberExpr]:
        """Every number expression of an already normalised text (offsets: original)."""
        toks = tokens_of(norm.text)
        found: list[NumberExpr] = []
        index = 0
        while index < len(toks):
            expr, following = self._number_at(norm, toks, index)
            if expr is None:
                index += 1
                continue
            found.append(expr)
            index = following
        return found

    def _word(self, text: str) -> tuple[float | int, str, int, bool] | None:
        """(value, kind, prefix length, definite) of a number word, clitics allowed."""
        hit = self.words.get(text)
        if hit is not None:
            return hit[0], hit[1], 0, False
        for prefix in (*_PREFIXES, "ال"):
            rest = text[len(prefix) :]
            if text.startswith(prefix) and len(rest) > 1:
                hit = self.words.get(rest)
                if hit is not None and (prefix != "ال" or hit[1] in ("unit", "ten", "scale")):
                    return hit[0], hit[1], len(prefix), prefix == "ال"
        return None

    def _number_at(
        self, norm: Normalized, toks: list[Tok], index: int
    ) -> tuple[NumberExpr | None, int]:
        tok = toks[index]
        definite = False
        first = index
        skip = 0
        if tok.text in ("ال", "لل", "بال", "وال") and index + 1 < len(toks):
            nxt = toks[index + 1]
            if nxt.start == tok.end and nxt.text[0].isdigit():
                definite, first = True, index + 1
        head = toks[first]
        if not head.text[0].isdigit():
            word = self._word(head.text)
            if word is None or (
                word[1] in ("teen", "ordinal_teen", "half")
                and not (first + 1 < len(toks) and self._word(toks[first + 1].text) is not None)
            ):
                return None, index + 1
            skip, definite = (0 if word[3] else word[2]), word[3]
        parse = self._parse(toks, first)
        if parse is None:
            return None, index + 1
        start = toks[index].start if definite and first != index else head.start + skip
        end = toks[parse.end - 1].end
        following = parse.end
        approximate = parse.vague
        kind: NumberKind = "ordinal" if parse.ordinal else "cardinal"
        unit: str | None = None
        value = parse.value
        if not parse.ordinal:
            before = self._phrase_before(toks, index, self.before)
            if before is not None:
                approximate, start = True, toks[before].start
            size = self._phrase_after(toks, following, self.percent)
            if size:
                kind, unit, following = "percent", "percent", following + size
            else:
                found = self._currency(toks, following)
                if found is not None:
                    unit, following = found
                    kind = "money"
            size = self._phrase_after(toks, following, self.after)
            if size:
                approximate, following = True, following + size
            end = toks[following - 1].end
        left, right = norm.to_original(start, end)
        text = norm.original[left:right]
        expr = NumberExpr(left, right, text, value, kind, approximate, unit, definite)
        return expr, following

    def _parse(self, toks: list[Tok], index: int) -> _Parse | None:
        total: float | int = 0
        current: float | int = 0
        seen = ordinal = vague = False
        last_scale: float | int = 0
        position = index
        while position < len(toks):
            text = toks[position].text
            if text[0].isdigit():
                if seen:
                    break
                number = parse_digits(text)
                if number is None:
                    return None
                current, seen = number, True
                position += 1
                continue
            word = self._word(text)
            if word is None or (seen and word[2] and text[0] != "و" and word[1] != "scale"):
                break
            value, kind, _, _ = word
            if kind in ("ordinal", "ordinal_teen"):
                if seen:
                    break
                ordinal = True
                current = value
            elif kind == "scale":
                if vague and not current:
                    current = 1
                current = (current or 1) * value
                total, current, last_scale = total + current, 0, value
            elif kind == "half":
                if not last_scale or not seen:
                    break
                total += last_scale / 2
            elif kind == "hundred" and 0 < current < 10 and value == 100:
                current *= 100
            elif kind == "vague":
                if seen:
                    break
                vague, current = True, value
            elif kind == "value" and seen:
                break
            else:
                joined = text.startswith("و")
                if seen and current and kind == "unit" and not joined and current >= 10 > value:
                    break  # "عشرة ثلاثة": two numbers, not one
                current += value
            seen = True
            position += 1
        if not seen or position == index:
            return None
        return _Parse(_integral(total + current), position, ordinal, vague)

    @staticmethod
    def _phrase_after(toks: list[Tok], index: int, phrases: set[tuple[str, ...]]) -> int:
        for size in range(_MAX_PHRASE, 0, -1):
            words = tuple(t.text for t in toks[index : index + size])
            if len(words) == size and words in phrases:
                return size
        return 0

    @staticmethod
    def _phrase_before(toks: list[Tok], index: int, phrases: set[tuple[str, ...]]) -> int | None:
        for size in range(_MAX_PHRASE, 0, -1):
            if index - size < 0:
                continue
            words = tuple(t.text for t in toks[index - size : index])
            stripped = (words[0][1:], *words[1:]) if words[0][:1] in "وب" else words
            if words in phrases or stripped in phrases:
                return index - size
        return None

    def _currency(self, toks: list[Tok], index: int) -> tuple[str, int] | None:
        for size in range(3, 0, -1):
            words = tuple(t.text for t in toks[index : index + size])
            if len(words) == size and words in self.currencies:
                return self.currencies[words], index + size
        return None


def _rebuild() -> NumberReader:
    return NumberReader.load()
