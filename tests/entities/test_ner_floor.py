"""Evaluation gate: the shipped NER model on an excerpt of the ANERcorp test split."""

from __future__ import annotations

from pathlib import Path

from marsad.entities.ner import NerTagger
from marsad.evaluation.ner import NerReport, Sentence, read_conll, score_file

EXCERPT = Path(__file__).parents[1] / "data" / "ner" / "anercorp_test_excerpt.txt"
# Measured F1 of the shipped model on the excerpt (see eval/ner.md) minus 0.02: each
# sentence tagged on its own (``tag``), and each article as a whole (``tag_document``).
MEASURED_SENTENCE_F1 = 0.712
MEASURED_DOCUMENT_F1 = 0.731
MARGIN = 0.02


def articles(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Cut at datelines such as "بيروت ( اف ب )", as training/ner/corpus.py does."""
    found: list[list[Sentence]] = []
    for sentence in sentences:
        tokens = [tok for tok, _ in sentence[:10]]
        opens = any(
            tok.startswith("(") and any(t.endswith(")") for t in tokens[pos : pos + 5])
            for pos, tok in enumerate(tokens[:6])
        )
        if opens or not found:
            found.append([])
        found[-1].append(sentence)
    return found


def test_shipped_model_stays_above_its_floor() -> None:
    report = score_file(EXCERPT, NerTagger.load())
    assert report.sentences == 300
    assert report.f1 >= MEASURED_SENTENCE_F1 - MARGIN, report.format()


def test_shipped_model_with_document_context_stays_above_its_floor() -> None:
    tagger = NerTagger.load()
    report = NerReport()
    for article in articles(read_conll(EXCERPT.read_text("utf-8"))):
        tagged = tagger.tag_document([[tok for tok, _ in s] for s in article])
        for sentence, tags in zip(article, tagged, strict=True):
            report.add([tag for _, tag in sentence], tags)
    assert report.sentences == 300
    assert report.f1 >= MEASURED_DOCUMENT_F1 - MARGIN, report.format()
