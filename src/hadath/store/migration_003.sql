-- hadath SQLite store, schema version 3: analysts' verdicts on events, and the indexes
-- the dashboard's filters use.
-- Applied by hadath.store.migrate after migration_002.sql.

-- One verdict per event (article id + event index), the latest wins (an upsert). A verdict
-- keeps what the coder said when it was judged (coded_*) and the hash of the article text,
-- and has no foreign key: recoding an article deletes and rewrites its event rows, and a
-- verdict must outlive that. A verdict whose text_hash no longer matches the article, or
-- whose coded_* no longer match the event row, is stale (hadath.store.verdicts says which).
CREATE TABLE IF NOT EXISTS verdicts (
    article_id      TEXT NOT NULL,
    event_idx       INTEGER NOT NULL,
    text_hash       TEXT NOT NULL,
    verdict         TEXT NOT NULL CHECK (verdict IN ('right', 'wrong', 'corrected')),
    coded_cameo     TEXT NOT NULL,
    coded_source    TEXT,
    coded_target    TEXT,
    cameo           TEXT,          -- the analyst's code (corrected), else the coded one
    source_code     TEXT,          -- the analyst's source actor ('' = no source)
    target_code     TEXT,          -- the analyst's target actor ('' = no target)
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    analyst         TEXT,
    note            TEXT,
    judged_at       TEXT NOT NULL,
    PRIMARY KEY (article_id, event_idx)
);

-- GET /v1/events (hadath.serve.queries): a page is chosen and counted on `events` alone, so
-- each filter's index also holds what the page needs (date, article_id, idx) and, for the
-- actor indexes, the other usual filters (CAMEO code, QuadClass): most queries then never
-- read the wide event rows until the page's 50 are joined. A CAMEO root is a code range.
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
CREATE INDEX IF NOT EXISTS events_source
    ON events(source_code, cameo, quad_class, date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_target
    ON events(target_code, cameo, quad_class, date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_newest ON events(date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, quad_class, date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover_type, date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_quad ON events(quad_class, date, article_id, idx);
CREATE INDEX IF NOT EXISTS events_article_date ON events(article_id, date, idx);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);
