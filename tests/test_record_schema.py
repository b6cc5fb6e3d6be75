"""Every record validates against the JSON Schema of the contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from marsad import analyze
from marsad.model import (
    Actor,
    AnalyzedArticle,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Span,
    TimeExpr,
)
from marsad.record import record_schema, to_json, to_record

EXAMPLES = Path(__file__).parents[1] / "examples" / "antcorpus-sample.jsonl"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_seed_record_validates(validator: jsonschema.Draft202012Validator, seed_text: str) -> None:
    record = analyze(seed_text, published="2015-11-20").to_dict()
    validator.validate(record)
    assert set(record) >= set(validator.schema["required"])


def test_sample_corpus_records_validate(validator: jsonschema.Draft202012Validator) -> None:
    lines = EXAMPLES.read_text("utf-8").splitlines()[:50]
    for line in lines:
        doc = json.loads(line)
        validator.validate(analyze(doc["text"], doc["published"], input=doc["id"]).to_dict())


def test_filled_record_validates(
    validator: jsonschema.Draft202012Validator, seed_text: str
) -> None:
    """The parts later stages fill (entities, times, events…) serialise to the schema too."""
    base = analyze(seed_text)
    text = base.article.text
    start = text.index("أوباما")
    mention = Mention(start, start + 6, "أوباما")
    filled = AnalyzedArticle(
        article=base.article,
        entities=(
            Entity("obama", "باراك أوباما", "PER", (mention,), "Barack Obama", "USA", "USAGOV"),
        ),
        times=(TimeExpr(0, 3, "أمس", "2015-11-19", "day"),),
        quantities=(Quantity(5, 13, "129 شخصا", 129, "killed"),),
        quotes=(Quote(20, 30, "الحلفاء", "putin"),),
        events=(
            Event(
                type="SUPPORT",
                trigger=Span(start, start + 4, "أشاد"),
                sentence="…",
                modality="asserted",
                mode="praise",
                cameo="051",
                quad_class=1,
                goldstein=3.4,
                source=(Actor("obama", "باراك أوباما", "USA", "USAGOV"),),
                target=(Actor(None, "روسيا", "RUS", "RUS"),),
                confidence=0.9,
            ),
        ),
    )
    record = to_record(filled)
    validator.validate(record)
    assert json.loads(to_json(filled)) == record
    assert record["events"][0]["source"][0]["code"] == "USAGOV"


def test_schema_rejects_a_broken_record(
    validator: jsonschema.Draft202012Validator, seed_text: str
) -> None:
    record = analyze(seed_text).to_dict()
    del record["removed"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)
