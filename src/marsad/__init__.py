"""Marsad (مرصد): Arabic news in, searchable political knowledge out.

Public API::

    import marsad
    record = marsad.analyze(text, published="2015-11-20")
    record.article.title, record.to_dict()
"""

from marsad.analysis import analyze, default_pipeline
from marsad.config import Settings, load_settings
from marsad.errors import (
    ExtractionError,
    InputError,
    MarsadError,
    PipelineError,
    StoreError,
)
from marsad.model import (
    SCHEMA_VERSION,
    AnalyzedArticle,
    Article,
    Entity,
    Event,
    RawDocument,
)
from marsad.pipeline import Dropped, Pipeline, Stage
from marsad.store import open_store

__version__ = "0.1.0"

__all__ = [
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
