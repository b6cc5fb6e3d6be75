"""Language identification for Arabic-script and Latin-script news text.

Tells Arabic from Persian, Urdu and Sorani Kurdish by their own letters and function
words, and English and French by function words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PERSIAN_LETTERS = set("پچژگکی")
_URDU_LETTERS = set("ٹڈڑںےہھ")
_KURDISH_LETTERS = set("ڕڵۆێە")
_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "ar": {"في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "قال"},
    "fa": {"است", "این", "را", "که", "می", "برای", "با", "از", "به", "شد", "های", "آن"},
    "ur": {"کے", "کی", "ہے", "میں", "اور", "کو", "سے", "نے", "یہ", "ہیں"},
    "ckb": {"لە", "و", "بە", "کە", "ئەو", "بۆ", "دەکات", "لەگەڵ"},
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "with", "on", "was", "said"},
    "fr": {"le", "la", "les", "de", "des", "et", "est", "une", "dans", "pour", "que", "du"},
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str
    arabic_script_share: float


def _arabic_script(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or char >= "\ufb50"


def identify(text: str) -> LanguageGuess:
    """Guess the language of a text: ar, fa, ur, ckb, en, fr or und (undetermined)."""
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return LanguageGuess("und", 0.0)
    arabic = [c for c in letters if _arabic_script(c)]
    share = len(arabic) / len(letters)
    words = _WORD.findall(sample.lower())
    if share >= 0.5:
        counts = {
            "ckb": sum(c in _KURDISH_LETTERS for c in arabic) * 3,
            "ur": sum(c in _URDU_LETTERS for c in arabic) * 2,
            "fa": sum(c in _PERSIAN_LETTERS for c in arabic),
        }
        votes = {lang: sum(w in _FUNCTION_WORDS[lang] for w in words) for lang in _FUNCTION_WORDS}
        threshold = max(2, len(arabic) // 100)
        best = max(counts, key=lambda lang: counts[lang] + votes[lang])
        if counts[best] >= threshold and votes[best] >= votes["ar"]:
            return LanguageGuess(best, share)
        return LanguageGuess("ar", share)
    en = sum(w in _FUNCTION_WORDS["en"] for w in words)
    fr = sum(w in _FUNCTION_WORDS["fr"] for w in words)
    if max(en, fr) == 0:
        return LanguageGuess("und", share)
    return LanguageGuess("en" if en >= fr else "fr", share)
