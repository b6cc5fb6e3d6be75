"""Arabic normalisation for matching: folds spelling variants that news sites mix freely."""

from __future__ import annotations

import re
import unicodedata

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
