"""Records are frozen, and an article's text and id follow from its blocks."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.model import Article, Block


def _article(*texts: str) -> Article:
    kinds = ["title"] + ["paragraph"] * (len(texts) - 1)
    return Article("x", tuple(Block(k, t) for k, t in zip(kinds, texts, strict=True)))  # type: ignore[arg-type]


def test_text_joins_blocks_with_blank_lines() -> None:
    article = _article("عنوان", "فقرة أولى.", "فقرة ثانية.")
    assert article.text == "عنوان\n\nفقرة أولى.\n\nفقرة ثانية."
    assert article.title == "عنوان"
    assert article.paragraphs == ("فقرة أولى.", "فقرة ثانية.")


def test_id_is_a_stable_content_hash() -> None:
    assert _article("أ", "ب.").id == _article("أ", "ب.").id
    assert _article("أ", "ب.").id != _article("أ", "ج.").id
    assert len(_article("أ", "ب.").id) == 16


def test_records_are_frozen() -> None:
    article = _article("عنوان", "فقرة.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.section = "x"  # type: ignore[misc]
