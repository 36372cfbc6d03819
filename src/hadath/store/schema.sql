-- hadath SQLite store, schema version 1: the base tables.
-- One row per article (keyed by id, with a hash of its text); the other tables hang off it.
-- Later versions are migration_NNN.sql beside this file, applied in order by
-- hadath.store.migrate (PRAGMA user_version holds the version a database is at).
PRAGMA user_version = 1;

CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,
    text_hash   TEXT NOT NULL,
    title       TEXT,
    published   TEXT,
    source      TEXT,
    url         TEXT,
    text        TEXT NOT NULL,
    extra       TEXT,              -- JSON of carried-through input fields
    hadath      TEXT,              -- JSON: version, pipeline
    coded_at    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    type        TEXT NOT NULL,
    code        TEXT,
    name        TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    name        TEXT,
    kind        TEXT,
    mentions    TEXT NOT NULL,     -- JSON [[start, end], ...]
    PRIMARY KEY (article_id, code, name)
);

CREATE TABLE IF NOT EXISTS events (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    source_code     TEXT,
    source_name     TEXT,
    source_text     TEXT,
    source_start    INTEGER,
    source_end      INTEGER,
    target_code     TEXT,
    target_name     TEXT,
    target_text     TEXT,
    target_start    INTEGER,
    target_end      INTEGER,
    cameo           TEXT NOT NULL,
    cameo_root      TEXT NOT NULL,
    cameo_label     TEXT,
    plover_type     TEXT,
    plover_mode     TEXT,
    goldstein       REAL,
    quad_class      INTEGER,
    date            TEXT,
    date_precision  TEXT,
    place_name      TEXT,
    place_country   TEXT,
    place_lat       REAL,
    place_lon       REAL,
    negated         INTEGER NOT NULL,
    trigger_text    TEXT,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    confidence      REAL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
CREATE INDEX IF NOT EXISTS events_root_date ON events(cameo_root, date);

CREATE TABLE IF NOT EXISTS quotes (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    speaker_code    TEXT,
    speaker_name    TEXT,
    speaker_text    TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    kind            TEXT,
    verb            TEXT,
    PRIMARY KEY (article_id, idx)
);
