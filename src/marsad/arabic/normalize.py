"""Arabic normalisation: ``fold()`` for matching, and offset-preserving ``Normalizer``.

News sites mix spelling variants freely (أ/ا, ى/ي, Arabic-Indic digits, tatweel,
presentation forms, invisible bidi marks). ``fold()`` erases them for comparing strings;
``Normalizer`` erases the ones its :class:`NormalizeOptions` select and keeps a map from
every normalised character back to the original ones, so a match found in the normalised
text can always be cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
        "،": ",",
        "؛": ";",
        "؟": "?",
    }
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold a string for matching: NFKC, no diacritics/tatweel/bidi marks, unified letters.

    Lower-cases Latin, maps alef/hamza seats to bare letters, ى→ي, ة→ه, Arabic-Indic digits
    to ASCII, Arabic punctuation to Latin, and collapses whitespace. Not offset-preserving:
    use it to compare strings, never to cut the original text.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _DIACRITICS.sub("", text)
    text = text.translate(_FOLD_TABLE).lower()
    return _SPACES.sub(" ", text).strip()


# Character classes of the offset-preserving normaliser (Unicode facts, not heuristics).
_COMBINING_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)
_TATWEEL = "\u0640"
_BIDI_AND_ZERO_WIDTH = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff"
_ALEF = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
_YEH = {"ى": "ي"}
_TEH_MARBUTA = {"ة": "ه"}
_HAMZA_SEATS = {"ؤ": "و", "ئ": "ي"}
_DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "٫": ".",
    "٬": ",",
    "٪": "%",
}
_PUNCTUATION = {"،": ",", "؛": ";", "؟": "?"}
# Characters that are never NFKC candidates: ASCII and the plain Arabic letters.
_PLAIN = "\x00-\x7f\u0621-\u063a\u0641-\u064a"


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    """Which spelling variants a :class:`Normalizer` erases (each one independently)."""

    presentation_forms: bool = True
    diacritics: bool = True
    tatweel: bool = True
    invisible: bool = True
    alef: bool = True
    yeh: bool = True
    teh_marbuta: bool = False
    hamza: bool = False
    digits: bool = True
    punctuation: bool = False


#: Everything folded: for matching lexicon entries (ة→ه and hamza seats included).
MATCHING = NormalizeOptions(teh_marbuta=True, hamza=True, punctuation=True)
#: For word analysis: keeps ة and the hamza seats, which tell words apart.
ANALYSIS = NormalizeOptions()


@dataclass(frozen=True, slots=True, eq=False)
class Normalized:
    """A normalised text with a map back to the characters of the original.

    ``starts[i]``/``ends[i]`` are the original span of normalised character ``i``; an
    empty map means the normalisation changed nothing and offsets are the same.
    """

    original: str
    text: str
    starts: array[int]
    ends: array[int]

    @property
    def identity(self) -> bool:
        return not self.starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``text[start:end]`` (clamped into the text)."""
        size = len(self.text)
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        if self.identity:
            return start, end
        if start == end:
            position = self.starts[start] if start < size else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind normalised ``text[start:end]``."""
        left, right = self.to_original(start, end)
        return self.original[left:right]


class Normalizer:
    """Offset-preserving normaliser; build once, call on many texts."""

    def __init__(self, options: NormalizeOptions = ANALYSIS) -> None:
        self.options = options
        table: dict[str, str] = {}
        for wanted, mapping in (
            (options.alef, _ALEF),
            (options.yeh, _YEH),
            (options.teh_marbuta, _TEH_MARBUTA),
            (options.hamza, _HAMZA_SEATS),
            (options.digits, _DIGITS),
            (options.punctuation, _PUNCTUATION),
        ):
            if wanted:
                table.update(mapping)
        self._table = str.maketrans(table)
        attached = (_COMBINING_MARKS if options.diacritics else "") + (
            _TATWEEL if options.tatweel else ""
        )
        detached = _BIDI_AND_ZERO_WIDTH if options.invisible else ""
        self._attached = frozenset(_expand_class(attached))
        self._detached = frozenset(_expand_class(detached))
        parts = [f"[{c}]" for c in (attached, detached) if c]
        if options.presentation_forms:
            parts.append(f"[^{_PLAIN}]")
        self._attention = re.compile("|".join(parts)) if parts else None

    def __reduce__(self) -> tuple[type[Normalizer], tuple[NormalizeOptions]]:
        return (Normalizer, (self.options,))

    def __call__(self, text: str) -> Normalized:
        """Normalise ``text`` and keep the offset map."""
        pieces: list[str] = []
        starts: array[int] = array("l")
        ends: array[int] = array("l")
        position = 0
        changed = False
        if self._attention is not None:
            for match in self._attention.finditer(text):
                index = match.start()
                char = text[index]
                replacement = self._replacement(char)
                if replacement == char:
                    continue
                changed = True
                _copy(pieces, starts, ends, text, position, index)
                if replacement:
                    pieces.append(replacement)
                    starts.extend([index] * len(replacement))
                    ends.extend([index + 1] * len(replacement))
                elif char in self._attached and ends and ends[-1] == index:
                    ends[-1] = index + 1  # a mark belongs to the letter it sits on
                position = index + 1
        if not changed:
            return Normalized(text, text.translate(self._table), array("l"), array("l"))
        _copy(pieces, starts, ends, text, position, len(text))
        return Normalized(text, "".join(pieces).translate(self._table), starts, ends)

    def _replacement(self, char: str) -> str:
        if char in self._attached or char in self._detached:
            return ""
        if not self.options.presentation_forms:
            return char
        folded = unicodedata.normalize("NFKC", char)
        if folded == char:
            return char
        # NFKC can produce marks or invisibles the options erase (ﹰ → space + fathatan).
        return "".join(c for c in folded if c not in self._attached and c not in self._detached)


def _copy(
    pieces: list[str], starts: array[int], ends: array[int], text: str, begin: int, end: int
) -> None:
    if end > begin:
        pieces.append(text[begin:end])
        starts.extend(range(begin, end))
        ends.extend(range(begin + 1, end + 1))


def _expand_class(spec: str) -> set[str]:
    """The characters of a regex class body made of single characters and ``a-b`` ranges."""
    chars: set[str] = set()
    index = 0
    while index < len(spec):
        if index + 2 < len(spec) and spec[index + 1] == "-":
            chars.update(chr(c) for c in range(ord(spec[index]), ord(spec[index + 2]) + 1))
            index += 3
        else:
            chars.add(spec[index])
            index += 1
    return chars


def normalize(text: str, options: NormalizeOptions = ANALYSIS) -> Normalized:
    """Normalise one text with an offset map (builds a Normalizer; reuse one for many)."""
    return Normalizer(options)(text)
