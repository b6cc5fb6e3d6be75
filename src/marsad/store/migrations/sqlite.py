"""SQLite migrations. 1: one table of records (Marsad ≤ 0.1); 2: normalised tables + FTS5."""

from __future__ import annotations

from marsad.store.migrations import Step

V1 = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    record TEXT NOT NULL
);
"""

V2 = """
ALTER TABLE articles RENAME TO articles_v1;
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
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
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published DESC, id);
CREATE TABLE article_texts (
    article INTEGER PRIMARY KEY, text TEXT NOT NULL, record TEXT NOT NULL
);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_site ON articles (site);
CREATE INDEX articles_section ON articles (section);
CREATE TABLE article_urls (
    url TEXT PRIMARY KEY,
    article INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls (article);
CREATE TABLE article_terms (pk INTEGER PRIMARY KEY, terms TEXT NOT NULL);
CREATE VIRTUAL TABLE article_fts USING fts5 (
    terms, content = 'article_terms', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE removed (
    article INTEGER NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;
CREATE TABLE entities (
    article INTEGER NOT NULL, n INTEGER NOT NULL, actor TEXT, name TEXT NOT NULL,
    name_en TEXT, type TEXT NOT NULL, country TEXT, code TEXT, key TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities (actor);
CREATE TABLE mentions (
    article INTEGER NOT NULL, entity INTEGER NOT NULL, n INTEGER NOT NULL,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, text TEXT NOT NULL,
    nominal BOOLEAN NOT NULL,
    PRIMARY KEY (article, entity, n)
) WITHOUT ROWID;
CREATE TABLE entity_names (
    article INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (name, article)
) WITHOUT ROWID;
CREATE INDEX entity_names_article ON entity_names (article);
CREATE TABLE events (
    article INTEGER NOT NULL, n INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT,
    cameo TEXT, quad_class INTEGER, goldstein REAL, modality TEXT NOT NULL,
    trigger TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence TEXT NOT NULL, date TEXT, location TEXT, attributed_to TEXT,
    confidence REAL NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX events_type ON events (lower(type));
CREATE TABLE event_actors (
    article INTEGER NOT NULL, event INTEGER NOT NULL, role TEXT NOT NULL, n INTEGER NOT NULL,
    entity TEXT, name TEXT NOT NULL, country TEXT, code TEXT, key TEXT,
    PRIMARY KEY (article, event, role, n)
) WITHOUT ROWID;
CREATE INDEX event_actors_key ON event_actors (key);
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT NOT NULL,
    analysed INTEGER NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL, dropped INTEGER NOT NULL, drop_reasons TEXT NOT NULL,
    sources TEXT NOT NULL
);
"""

STEPS = (
    Step(1, "one table of analysed-article records", V1),
    Step(2, "normalised tables, article URLs, FTS5 search, ingest runs", V2, hook="copy_v1"),
)
