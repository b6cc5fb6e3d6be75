"""Tokens with offsets, proclitics and pronoun suffixes, and a light stem.

A clitic is split off only when what remains is a word of the lexicon (word forms counted
in Arabic news, ``data/lexicon.tsv``) and the whole word is not far more frequent than that
stem; an exceptions list keeps names and look-alikes whole. So وبالتنسيق is و+ب+ال+تنسيق,
but بوتين is not ب+وتين and لندن is not ل+ندن.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

import Stemmer

from marsad.arabic.normalize import ANALYSIS, Normalizer
from marsad.model import Token

_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc"
_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c"
_NUMBER = r"\d+(?:[.,٫٬]\d+)*"
_TOKEN = re.compile(
    rf"[{_LETTER}][{_LETTER}{_MARK}]*ـ{_NUMBER}"  # الـ217, بـ20
    rf"|[{_LETTER}][{_LETTER}{_MARK}]*"
    rf"|{_NUMBER}"
    r"|[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))*"
    r"|\S"
)
_ARABIC_WORD = re.compile(f"[{_LETTER}]+")
_LETTER_FIRST = re.compile(f"[{_LETTER}]")
_PREFIXED_NUMBER = re.compile(r"(.*?)ـ+(\d.*)", re.S)
_IMPERFECT = ("ي", "ت", "ن", "ا")
#: Analyses kept per Tokenizer before the memo is cleared (bounded memory on huge inputs).
MEMO_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class Clitic:
    """A proclitic or suffix form with its parts and its frequency margin."""

    written: str
    parts: tuple[str, ...]
    margin: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """A word split into proclitics, base and pronoun suffix."""

    base: str
    proclitics: tuple[str, ...] = ()
    suffix: str | None = None


def _data(name: str) -> str:
    return resources.files("marsad.arabic").joinpath("data", name).read_text("utf-8")


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def count_words(texts: Iterable[str]) -> Counter[str]:
    """Count Arabic word forms as the lexicon does (how ``data/lexicon.tsv`` was made)."""
    normalizer = Normalizer(ANALYSIS)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_ARABIC_WORD.findall(normalizer(text).text))
    return counts


class CliticAnalyzer:
    """Lexicon-driven proclitic and suffix analysis of single (normalised) Arabic words."""

    def __init__(
        self,
        lexicon: Mapping[str, int],
        exceptions: frozenset[str],
        proclitics: tuple[Clitic, ...],
        suffixes: tuple[Clitic, ...],
    ) -> None:
        self.lexicon = lexicon
        self.exceptions = exceptions
        self.proclitics = tuple(sorted(proclitics, key=lambda c: -len(c.written)))
        self.suffixes = tuple(sorted(suffixes, key=lambda c: -len(c.written)))

    @classmethod
    def load(cls) -> CliticAnalyzer:
        """The analyser with the shipped lexicon, clitics and exceptions."""
        normalizer = Normalizer(ANALYSIS)
        lexicon = {w: int(n) for w, n in _rows(_data("lexicon.tsv"))}
        exceptions = frozenset(
            normalizer(w[0]).text for w in _rows(_data("clitic_exceptions.txt")) if w[0]
        )
        clitics = _rows(_data("clitics.tsv"))
        make = [
            (kind, Clitic(written, tuple(parts.split("+")), float(margin)))
            for kind, written, parts, margin in clitics
        ]
        return cls(
            lexicon,
            exceptions,
            tuple(c for k, c in make if k == "proclitic"),
            tuple(c for k, c in make if k == "suffix"),
        )

    def _plausible(
        self, word: str, stem: str, margin: float, min_length: int, suffixed: bool
    ) -> str | None:
        """The stem as a lexicon word (ت restored to ة before a suffix), or None."""
        if len(stem) < min_length:
            return None
        count = self.lexicon.get(stem, 0)
        if not count and suffixed and stem.endswith("ت"):
            stem = stem[:-1] + "ة"
            count = self.lexicon.get(stem, 0)
        if count < 3 or self.lexicon.get(word, 0) > margin * count:
            return None
        return stem

    def analyze(self, word: str) -> Analysis:
        """Split a normalised Arabic word; a word that is not split comes back whole."""
        if word in self.exceptions or len(word) < 3:
            return Analysis(word)
        best = Analysis(word)
        best_size = 0
        for pre in (None, *self.proclitics):
            rest = word
            if pre is not None:
                if not word.startswith(pre.written):
                    continue
                rest = word[len(pre.written) :]
                if "س" in pre.parts and not rest.startswith(_IMPERFECT):
                    continue
            for suf in (None, *self.suffixes):
                if suf is not None and (
                    not rest.endswith(suf.written) or (pre is not None and "ال" in pre.parts)
                ):
                    continue
                if pre is None and suf is None:
                    continue
                stem = rest[: len(rest) - len(suf.written)] if suf else rest
                margin = min(c.margin for c in (pre, suf) if c is not None)
                found = self._plausible(word, stem, margin, 3 if pre else 2, suf is not None)
                size = len(word) - len(stem)
                if found is not None and size > best_size:
                    best_size = size
                    best = Analysis(found, pre.parts if pre else (), suf.written if suf else None)
        return best


class Tokenizer:
    """Tokens with offsets; Arabic words get clitics and a Snowball stem."""

    def __init__(self, analyzer: CliticAnalyzer) -> None:
        self.analyzer = analyzer
        self._normalizer = Normalizer(ANALYSIS)
        self._stemmer = Stemmer.Stemmer("arabic")
        # Word analyses by surface form: news text repeats its words, so this pays.
        self._memo: dict[str, tuple[str | None, tuple[str, ...], str | None, str]] = {}

    @classmethod
    def load(cls) -> Tokenizer:
        return cls(CliticAnalyzer.load())

    def __reduce__(self) -> tuple[type[Tokenizer], tuple[CliticAnalyzer]]:
        return (Tokenizer, (self.analyzer,))

    def tokenize(self, text: str, offset: int = 0) -> tuple[Token, ...]:
        """Tokens of ``text``; offsets are shifted by ``offset`` (a sentence's start)."""
        tokens: list[Token] = []
        for match in _TOKEN.finditer(text):
            surface = match.group()
            start = match.start() + offset
            if _LETTER_FIRST.match(surface):
                base, proclitics, suffix, stem = self._word(surface)
                tokens.append(
                    Token(start, start + len(surface), surface, base, proclitics, suffix, stem)
                )
            else:
                tokens.append(Token(start, start + len(surface), surface))
        return tuple(tokens)

    def _word(self, surface: str) -> tuple[str | None, tuple[str, ...], str | None, str]:
        known = self._memo.get(surface)
        if known is not None:
            return known
        prefixed = _PREFIXED_NUMBER.fullmatch(surface)
        if prefixed:
            head = self._normalizer(prefixed.group(1)).text
            number = self._normalizer(prefixed.group(2)).text
            pre = next((p for p in self.analyzer.proclitics if p.written == head), None)
            result: tuple[str | None, tuple[str, ...], str | None, str] = (
                number,
                pre.parts if pre else (head,),
                None,
                number,
            )
        else:
            word = self._normalizer(surface).text
            analysis = self.analyzer.analyze(word)
            split = analysis.proclitics or analysis.suffix
            stem = self._stemmer.stemWord(word)
            result = (analysis.base if split else None, analysis.proclitics, analysis.suffix, stem)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[surface] = result
        return result
