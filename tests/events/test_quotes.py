"""Quotes and speakers on the seed and on hand-made sentences."""

from __future__ import annotations

import marsad


def test_seed_quotes_and_speakers(seed_text: str) -> None:
    record = marsad.analyze(seed_text, published="2015-11-20")
    names = {e.id: e.name for e in record.entities}
    found = {q.text: names.get(q.speaker or "") for q in record.quotes}
    assert found["إنه أمر نتوق ونسعى إليه بشدة"] == "باراك أوباما"
    assert found["الحلفاء"] == "فلاديمير بوتين"
    # Names in quote marks are entities, not quotes.
    for name in ("داعش", "شارل ديغول", "هاري ترومان", "Defense News"):
        assert name not in found
    for quote in record.quotes:
        assert record.article.text[quote.start : quote.end] == quote.text


def test_quote_without_anyone_named() -> None:
    record = marsad.analyze("قال مصدر: «الوضع هادئ».\n\nولم يضف أي تفاصيل أخرى عن ذلك.")
    assert [(q.text, q.speaker) for q in record.quotes] == [("الوضع هادئ", None)]
