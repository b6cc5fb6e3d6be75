"""Search terms: Marsad's normalisation and Snowball stems, the same at index and query time.

Both backends index the same term string (``index_terms``) and look up the same stems, so a
query finds the same articles in SQLite and in PostgreSQL. Snippets are cut here too, from
the original text, so they are readable Arabic and identical on both backends.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

import Stemmer

from marsad.arabic.normalize import fold

#: A word: letters and digits (no underscore), in any script.
WORD = re.compile(r"[^\W_]+")
#: Proclitic conjunctions the Snowball stemmer leaves on before the article (والـ، فالـ).
_CONJ_ARTICLE = re.compile(r"^[وف](?=ال..)")
_STEMMER = Stemmer.Stemmer("arabic")
_MEMO: dict[str, str] = {}
_MEMO_SIZE = 200_000
#: Marks around a matched word in a snippet.
HIGHLIGHT = ("[", "]")


def term(word: str) -> str:
    """The search term of one word: folded, و/ف before ال dropped, Snowball-stemmed."""
    known = _MEMO.get(word)
    if known is not None:
        return known
    folded = fold(word)
    folded = _CONJ_ARTICLE.sub("", folded)
    stem = _STEMMER.stemWord(folded) or folded
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[word] = stem
    return stem


def terms(text: str) -> list[str]:
    """The terms of ``text`` in order (what both backends index); words that fold to
    nothing (a lone tatweel) are left out."""
    found = (term(m.group()) for m in WORD.finditer(text))
    return [t for t in found if t]


def index_terms(text: str) -> str:
    """The indexed form of a text: its terms joined by spaces."""
    return " ".join(terms(text))


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    for match in WORD.finditer(text):
        yield match.start(), match.end(), term(match.group())


def snippet(
    text: str, wanted: Collection[str], *, words: int = 24, limit_chars: int = 200_000
) -> str:
    """A window of about ``words`` words where the most distinct query terms meet (the
    first such place), matched words in [ ]."""
    text = text[:limit_chars]
    spans = list(_spans(text))
    if not spans:
        return ""
    want = set(wanted)
    hits = [i for i, (_, _, t) in enumerate(spans) if t in want]
    first = max(
        hits[:200] or [0],
        key=lambda i: (len({t for _, _, t in spans[i : i + words // 2]} & want), -i),
    )
    lo = max(0, first - words // 3)
    hi = min(len(spans), lo + words)
    parts: list[str] = []
    cursor = spans[lo][0]
    for start, end, stem in spans[lo:hi]:
        parts.append(text[cursor:start])
        word = text[start:end]
        parts.append(f"{HIGHLIGHT[0]}{word}{HIGHLIGHT[1]}" if stem in wanted else word)
        cursor = end
    body = " ".join("".join(parts).split())
    return ("… " if lo > 0 else "") + body + (" …" if hi < len(spans) else "")
