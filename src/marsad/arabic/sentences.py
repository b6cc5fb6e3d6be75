"""Sentence splitting for Arabic news text, with offsets into the original text.

A paragraph break (a blank line) always ends a sentence, so headlines and paragraphs
without a full stop stand alone. Inside a paragraph a sentence ends at ``. ! ? ؟ …``
(with any closing quotes or brackets that follow), except after an abbreviation or a
single-letter initial (د. م. ص.), between digits (1.5, 20.11.2015), before a lower-case
Latin word, and inside a short parenthesis. Sentences longer than ``max_chars`` are cut
at the last space before the limit, so a megabyte without punctuation stays workable.
"""

from __future__ import annotations

import re
from importlib import resources

from marsad.model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TERMINATOR = re.compile("[.!?؟…]+[\"'”’»)\\]]*")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_CLOSERS = "\"'”’»)]"

#: How far a closing parenthesis may be for a full stop inside it not to end the sentence.
PARENTHESIS_REACH = 200


class SentenceSplitter:
    """Splits text into :class:`~marsad.model.Sentence` spans (tokens left empty)."""

    def __init__(self, abbreviations: frozenset[str], max_chars: int = 5000) -> None:
        self.abbreviations = abbreviations
        self.max_chars = max_chars

    @classmethod
    def load(cls, max_chars: int = 5000) -> SentenceSplitter:
        """The splitter with the shipped abbreviation list (``data/abbreviations.txt``)."""
        text = resources.files("marsad.arabic").joinpath("data", "abbreviations.txt")
        words = frozenset(
            line.strip()
            for line in text.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )
        return cls(words, max_chars)

    def split(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text`` in order; whitespace between them belongs to none."""
        sentences: list[Sentence] = []
        position = 0
        for brk in _PARAGRAPH_BREAK.finditer(text):
            self._split_paragraph(text, position, brk.start(), sentences)
            position = brk.end()
        self._split_paragraph(text, position, len(text), sentences)
        return tuple(sentences)

    def _split_paragraph(self, text: str, begin: int, end: int, out: list[Sentence]) -> None:
        start = begin
        for match in _TERMINATOR.finditer(text, begin, end):
            if match.end() <= start or not self._ends_sentence(text, match, start, end):
                continue
            self._emit(text, start, match.end(), out)
            start = match.end()
        self._emit(text, start, end, out)

    def _ends_sentence(self, text: str, match: re.Match[str], start: int, end: int) -> bool:
        marks = match.group()
        before = text[match.start() - 1] if match.start() > start else ""
        after = text[match.end()] if match.end() < end else ""
        if marks == "." and before.isdigit() and after.isdigit():
            return False  # 1.5, 20.11.2015
        if marks[0] == "." and marks.rstrip(_CLOSERS) == ".":
            word = _WORD_BEFORE.search(text, max(start, match.start() - 40), match.start())
            short = word and (len(word.group(1)) == 1 or word.group(1) in self.abbreviations)
            if short and (not after or after.isspace()):
                return False
        rest = text[match.end() : min(end, match.end() + 3)].lstrip()
        if rest[:1].isascii() and rest[:1].islower():
            return False
        return not self._inside_parenthesis(text, match, start, end)

    @staticmethod
    def _inside_parenthesis(text: str, match: re.Match[str], start: int, end: int) -> bool:
        if match.group()[-1] in ")]":
            return False
        window_start = max(start, match.start() - PARENTHESIS_REACH)
        opened = text.rfind("(", window_start, match.start())
        if opened < 0:
            return False
        if text.find(")", opened, match.start()) >= 0:
            return False
        close = text.find(")", match.end(), min(end, match.end() + PARENTHESIS_REACH))
        return close >= 0

    def _emit(self, text: str, begin: int, end: int, out: list[Sentence]) -> None:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        while end - begin > self.max_chars:
            cut = text.rfind(" ", begin + 1, begin + self.max_chars)
            cut = cut if cut > begin else begin + self.max_chars
            out.append(Sentence(begin, cut, text[begin:cut]))
            begin = cut
            while begin < end and text[begin].isspace():
                begin += 1
        if end > begin:
            out.append(Sentence(begin, end, text[begin:end]))
