"""The text-dump line classifier on the seed and on dumps with other sites' chrome."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluation.textdumps import score_directory
from marsad.extract.textdump import TextDumpClassifier

DUMPS = Path(__file__).parents[1] / "data" / "textdumps"
EVAL_DUMPS = Path(__file__).parents[2] / "eval" / "data" / "textdumps"


@pytest.fixture(scope="module")
def classifier() -> TextDumpClassifier:
    return TextDumpClassifier()


def test_seed_matches_gold(
    classifier: TextDumpClassifier, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    article = classifier.classify(seed_text, input="seed")
    assert article.title == seed_gold["title"]
    assert article.section == seed_gold["section"]
    assert article.source == seed_gold["source"]
    assert list(article.authors) == seed_gold["authors"]
    assert list(article.subheadings) == seed_gold["subheadings"]
    assert article.text == seed_gold["text"]
    assert [r.text for r in article.removed] == seed_gold["boilerplate_lines"]
    assert all(r.reason for r in article.removed)
    for line in seed_gold["boilerplate_lines"]:
        assert line not in article.text


def test_seed_removed_reasons(classifier: TextDumpClassifier, seed_text: str) -> None:
    reasons = {r.text: r.reason for r in classifier.classify(seed_text, input="seed").removed}
    assert reasons["مقالات وآراء"] == "section label"
    assert reasons["فلاديمير-بوتين-وفرانسوا-هولاند-وباراك-أوباما"] == "image file name"
    assert reasons["سيريان تلغراف | كسينيا كوليكوفا"] == "byline"
    assert reasons["زر الذهاب إلى الأعلى"] == "back-to-top button"
    assert reasons["أنت تستخدم إضافة Adblock"] == "Adblock notice"


def _dumps() -> list[Path]:
    return sorted(DUMPS.glob("*.gold.json"))


def test_there_are_enough_site_dumps() -> None:
    assert len(_dumps()) >= 10


@pytest.mark.parametrize("gold_path", _dumps(), ids=lambda p: p.name.removesuffix(".gold.json"))
def test_site_dump(classifier: TextDumpClassifier, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text("utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8")
    article = classifier.classify(text, input=gold_path.name)
    assert article.title == gold["title"]
    assert article.section == gold["section"]
    assert article.source == gold["source"]
    assert list(article.authors) == gold["authors"]
    assert list(article.subheadings) == gold["subheadings"]
    assert list(article.paragraphs) == gold["paragraphs"]
    assert [r.text for r in article.removed] == gold["removed"]


def test_every_line_is_accounted_for(classifier: TextDumpClassifier) -> None:
    for gold_path in _dumps():
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text()
        article = classifier.classify(text, input="x")
        kept = [article.title, *article.subheadings, *article.paragraphs]
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        assert sorted(lines) == sorted([k for k in kept if k] + [r.text for r in article.removed])


@pytest.mark.parametrize(
    ("folder", "f1", "title"),
    [
        ("textdumps", 0.98, 0.95),  # 6 sites, development set
        ("textdumps_dev2", 0.97, 0.95),  # 20 sites, development set
        ("textdumps_heldout", 0.92, 0.8),  # 12 sites never tuned on
    ],
)
def test_floor_on_the_eval_dumps(folder: str, f1: float, title: float) -> None:
    """Dumps of other sites' layouts, kept apart from the exact tests above."""
    report = score_directory(EVAL_DUMPS.parent / folder)
    assert report.f1 >= f1
    assert report.field_accuracy()["title"] >= title


def test_unpunctuated_last_paragraph_and_headline_question(classifier: TextDumpClassifier) -> None:
    text = "\n\n".join(
        [
            "أخبار",
            "هل تنجح المفاوضات في جنيف؟",
            "قال الوسيط الدولي إن جولة المفاوضات الجديدة في جنيف تبدأ الأسبوع المقبل بمشاركة "
            "الوفود كلها وإن الأمم المتحدة تأمل في تقدم ملموس",
            "وأضاف أن الأطراف وافقت على جدول الأعمال المقترح.",
            "شارك",
        ]
    )
    article = classifier.classify(text, input="x")
    assert article.title == "هل تنجح المفاوضات في جنيف؟"
    assert article.section == "أخبار"
    assert len(article.paragraphs) == 2
    assert [r.text for r in article.removed] == ["أخبار", "شارك"]
