"""PostgreSQL migrations. Versions follow SQLite's: 2 is the first normalised layout (there
never was a PostgreSQL version 1)."""

from __future__ import annotations

from marsad.store.migrations import Step

V2 = """
CREATE TABLE articles (
    pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    input TEXT,
    site TEXT,
    title TEXT,
    section TEXT,
    source TEXT,
    published TEXT,
    language TEXT,
    digest TEXT NOT NULL,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    terms TSVECTOR
);
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, id);
CREATE TABLE article_texts (
    article BIGINT PRIMARY KEY, text TEXT NOT NULL, record TEXT NOT NULL
);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_site ON articles (site);
CREATE INDEX articles_section ON articles (section);
CREATE INDEX articles_terms ON articles USING GIN (terms);
CREATE TABLE article_urls (url TEXT PRIMARY KEY, article BIGINT NOT NULL);
CREATE INDEX article_urls_article ON article_urls (article);
CREATE TABLE removed (
    article BIGINT NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (article, pos)
);
CREATE TABLE entities (
    article BIGINT NOT NULL, n INTEGER NOT NULL, actor TEXT, name TEXT NOT NULL,
    name_en TEXT, type TEXT NOT NULL, country TEXT, code TEXT, key TEXT,
    PRIMARY KEY (article, n)
);
CREATE INDEX entities_actor ON entities (actor);
CREATE TABLE mentions (
    article BIGINT NOT NULL, entity INTEGER NOT NULL, n INTEGER NOT NULL,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, text TEXT NOT NULL,
    nominal BOOLEAN NOT NULL,
    PRIMARY KEY (article, entity, n)
);
CREATE TABLE entity_names (
    article BIGINT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (name, article)
);
CREATE INDEX entity_names_article ON entity_names (article);
CREATE TABLE events (
    article BIGINT NOT NULL, n INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT,
    cameo TEXT, quad_class INTEGER, goldstein DOUBLE PRECISION, modality TEXT NOT NULL,
    trigger TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence TEXT NOT NULL, date TEXT, location TEXT, attributed_to TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article, n)
);
CREATE INDEX events_type ON events (lower(type));
CREATE TABLE event_actors (
    article BIGINT NOT NULL, event INTEGER NOT NULL, role TEXT NOT NULL, n INTEGER NOT NULL,
    entity TEXT, name TEXT NOT NULL, country TEXT, code TEXT, key TEXT,
    PRIMARY KEY (article, event, role, n)
);
CREATE INDEX event_actors_key ON event_actors (key);
CREATE TABLE ingest_runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, started TEXT NOT NULL,
    finished TEXT NOT NULL, analysed INTEGER NOT NULL, added INTEGER NOT NULL,
    updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, dropped INTEGER NOT NULL,
    drop_reasons TEXT NOT NULL, sources TEXT NOT NULL
)
"""

STEPS = (Step(2, "normalised tables, article URLs, tsvector search, ingest runs", V2),)
