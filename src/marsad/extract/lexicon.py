"""The boilerplate lexicon: phrases of site chrome, loaded from the data files beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from marsad.arabic.normalize import fold

Behaviour = Literal["line", "list", "close", "end"]
MatchKind = Literal["line", "start", "contains", "notice", "regex"]

#: A ``contains`` or ``start`` rule never fires on a line longer than this (in words).
MAX_CHROME_WORDS = 25
#: A ``notice`` rule (a phrase only site notices use) fires on lines up to this long.
MAX_NOTICE_WORDS = 80
_EDGE_PUNCT = " \t:：-–—|»«>.…!?,;•·*\"'“”()[]{}"


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    behaviour: Behaviour
    reason: str


@dataclass(frozen=True, slots=True)
class Rule:
    category: str
    match: MatchKind
    phrase: str
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class LexiconHit:
    category: Category
    rule: Rule
    whole_line: bool


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.extract").joinpath("data", name).read_text("utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def core(text: str) -> str:
    """The folded line without the punctuation that sites put around labels."""
    return fold(text).strip(_EDGE_PUNCT)


class Lexicon:
    """Boilerplate categories and phrase rules; matching is on folded text."""

    def __init__(self, categories: dict[str, Category], rules: list[Rule]) -> None:
        self.categories = categories
        self._whole = {r.phrase: r for r in rules if r.match == "line"}
        self._start = [r for r in rules if r.match == "start"]
        self._contains = [r for r in rules if r.match == "contains"]
        self._notice = [r for r in rules if r.match == "notice"]
        self._regex = [r for r in rules if r.match == "regex"]

    @classmethod
    def load(cls) -> Lexicon:
        """Load the lexicon shipped with Marsad."""
        categories = {
            name: Category(name, behaviour, reason)  # type: ignore[arg-type]
            for name, behaviour, reason in _data_rows("boilerplate_categories.tsv")
        }
        rules = []
        for category, match, phrase in _data_rows("boilerplate.tsv"):
            if category not in categories:
                raise ValueError(f"boilerplate.tsv: unknown category {category!r}")
            if match == "regex":
                rules.append(Rule(category, "regex", phrase, re.compile(phrase)))
            else:
                rules.append(Rule(category, match, core(phrase)))  # type: ignore[arg-type]
        return cls(categories, rules)

    def _menu(self, folded: str) -> LexiconHit | None:
        """A long line of short items between separators is a menu, however long."""
        if not _MENU.match(folded):
            return None
        rule = Rule("navigation", "regex", _MENU.pattern, _MENU)
        return LexiconHit(self.categories["navigation"], rule, False)

    def match(self, line: str) -> LexiconHit | None:
        """The first rule that says this line is chrome, or None."""
        folded = core(line)
        if not folded:
            return None
        rule = self._whole.get(folded)
        if rule is not None:
            return LexiconHit(self.categories[rule.category], rule, True)
        words = len(folded.split())
        if words > MAX_CHROME_WORDS:
            if words <= MAX_NOTICE_WORDS and (hit := self._contained(self._notice, folded)):
                return hit
            return self._menu(folded)
        for rule in self._start:
            # Markup can glue a label to the link after it ("اقرأ أيضاًعنوان"); a phrase of
            # two words or more is specific enough to match without a word boundary.
            glued = " " in rule.phrase
            if folded.startswith(rule.phrase) and (
                glued or _word_boundary(folded, len(rule.phrase))
            ):
                return LexiconHit(self.categories[rule.category], rule, folded == rule.phrase)
        if hit := self._contained([*self._contains, *self._notice], folded):
            return hit
        plain = fold(line)
        for rule in self._regex:
            assert rule.pattern is not None
            if rule.pattern.search(folded) or rule.pattern.search(plain):
                return LexiconHit(self.categories[rule.category], rule, False)
        return None

    def _contained(self, rules: list[Rule], folded: str) -> LexiconHit | None:
        for rule in rules:
            if rule.phrase in folded:
                return LexiconHit(self.categories[rule.category], rule, False)
        return None


_MENU = re.compile(r"^([^|»›]{1,40}[|»›]){3,}")


def _word_boundary(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()
