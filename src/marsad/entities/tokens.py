"""A small whitespace-and-punctuation tokenizer with character offsets, for the NER tagger.

Interim: the project's full tokenizer lives in ``marsad.arabic``; this one only has to split
words from punctuation the way ANERcorp does (numbers keep their inner separators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A number with inner separators, a word (letters, digits, Arabic marks, tatweel), or any
# other single visible character.
_TOKEN = re.compile(
    r"\d+(?:[.,٫٬]\d+)*"
    r"|[^\W_][\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200c\u200d]*"
    r"|[^\s\u200e\u200f]"
)


@dataclass(frozen=True, slots=True)
class TextToken:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[TextToken]:
    """Split text into tokens with offsets such that ``text[t.start:t.end] == t.text``."""
    return [TextToken(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
