"""Text of HTML elements as a reader sees it."""

from __future__ import annotations

from collections.abc import Iterable


def _arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"


def _wordy(char: str) -> bool:
    return char.isalpha() or _arabic(char)


def glue(chunks: Iterable[str]) -> str:
    """Join the text pieces of an element, one space where markup parts two Arabic words.

    A label and a link set side by side ("<span>اقرأ أيضاً</span><a>…</a>") render as
    separate words; Arabic words are not split across tags, so a space is safe there.
    """
    out: list[str] = []
    for chunk in chunks:
        if not chunk:
            continue
        last = out[-1][-1] if out else " "
        if _wordy(last) and _wordy(chunk[0]) and (_arabic(last) or _arabic(chunk[0])):
            out.append(" ")
        out.append(chunk)
    return " ".join("".join(out).split())
