"""The public surface is small and pinned: changing it is a deliberate act."""

from __future__ import annotations

import marsad

PUBLIC = [
    "SCHEMA_VERSION",
    "AnalyzedArticle",
    "Article",
    "Dropped",
    "Entity",
    "Event",
    "ExtractionError",
    "InputError",
    "MarsadError",
    "Pipeline",
    "PipelineError",
    "RawDocument",
    "Settings",
    "Stage",
    "StoreError",
    "__version__",
    "analyze",
    "default_pipeline",
    "load_settings",
    "open_store",
]


def test_all_is_pinned() -> None:
    assert sorted(marsad.__all__) == sorted(PUBLIC)


def test_every_public_name_exists() -> None:
    for name in marsad.__all__:
        assert hasattr(marsad, name), name


def test_analyze_returns_the_record(seed_text: str) -> None:
    record = marsad.analyze(seed_text, published="2015-11-20")
    assert isinstance(record, marsad.AnalyzedArticle)
    assert record.article.published is not None
    assert record.article.published.isoformat() == "2015-11-20"
    data = record.to_dict()
    assert data["schema_version"] == marsad.SCHEMA_VERSION == 1
    assert data["title"] == record.article.title


def test_analyze_rejects_empty_text() -> None:
    try:
        marsad.analyze("   \n ")
    except marsad.InputError as exc:
        assert "empty" in str(exc)
    else:
        raise AssertionError("empty text must raise InputError")


def test_analyze_reports_text_without_article() -> None:
    try:
        marsad.analyze("الرئيسية\n\nاتصل بنا")
    except marsad.ExtractionError as exc:
        assert "no article body" in str(exc)
    else:
        raise AssertionError("a page without body must raise ExtractionError")
