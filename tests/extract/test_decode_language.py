"""Decoding bytes in every encoding Arabic text comes in, and telling languages apart."""

from __future__ import annotations

import codecs

import pytest

from marsad.errors import InputError
from marsad.extract.decode import decode, looks_binary
from marsad.extract.language import identify

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لمكافحة البطالة في المدن الكبرى والأرياف."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "iso8859_6"])
def test_arabic_encodings(encoding: str) -> None:
    text, found = decode(ARABIC.replace("أ", "ا").encode(encoding), name="x")
    assert text == ARABIC.replace("أ", "ا")
    assert found in (encoding, "utf-8")


def test_cp1256_with_hamza() -> None:
    text, found = decode(ARABIC.encode("cp1256"), name="x")
    assert (text, found) == (ARABIC, "cp1256")


def test_boms() -> None:
    assert decode(codecs.BOM_UTF8 + ARABIC.encode(), name="x")[0] == ARABIC
    assert decode(ARABIC.encode("utf-16"), name="x")[0] == ARABIC


def test_binary_and_empty_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="x.png")
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n\n ", name="x")
    assert looks_binary(bytes(range(0, 32)) * 10)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ARABIC, "ar"),
        ("این یک آزمایش است که برای نشان دادن زبان فارسی نوشته شده و کتاب را می خوانیم.", "fa"),
        ("یہ ایک مضمون ہے جو اردو زبان میں لکھا گیا ہے اور اس کے بارے میں بات کی گئی ہے۔", "ur"),
        ("ئەمە وتارێکە بە زمانی کوردی نووسراوە و باسی ڕووداوەکانی ئەمڕۆ دەکات لەگەڵ خەڵک.", "ckb"),
        ("The minister said on Monday that the talks with the delegation were over.", "en"),
        ("Le ministre a déclaré que les négociations avec la délégation sont terminées.", "fr"),
        ("12345 !!!", "und"),
    ],
)
def test_language(text: str, code: str) -> None:
    assert identify(text).code == code


def test_short_arabic_is_arabic() -> None:
    assert identify("قال الرئيس").code == "ar"


def test_declared_and_meta_charsets() -> None:
    html = '<html><head><meta charset="windows-1256"></head><body>' + ARABIC + "</body></html>"
    text, encoding = decode(html.encode("cp1256"), name="page.html")
    assert ARABIC in text and encoding == "cp1256"
    text, encoding = decode(ARABIC.encode("iso8859_6", "replace"), name="x", declared="ISO-8859-6")
    assert encoding == "iso8859-6"
    latin1_label = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    text, _ = decode((latin1_label + ARABIC).encode("cp1256"), name="x")
    assert ARABIC in text
