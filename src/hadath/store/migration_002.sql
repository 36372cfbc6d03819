-- hadath SQLite store, schema version 2: full-text search and event groups.
-- Applied by hadath.store.migrate after schema.sql (new stores) or on a version-1 store.

-- Full-text search over articles. The indexed title and text are FOLDED (hadath.text.fold:
-- harakat and tatweel dropped, alef forms, alef maksura and ta marbuta merged), so a search
-- for الرئيس finds الرَّئِيسُ; Store.search folds the query the same way. The rowid is a
-- hash of the article id (hadath_fts_rowid), not articles.rowid, because VACUUM may renumber
-- the rowids of a table without an INTEGER PRIMARY KEY. The store keeps it in sync in the
-- article's own transaction (no triggers: the folding is Python).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    article_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (rowid, article_id, title, text)
    SELECT hadath_fts_rowid(id), id, hadath_fold(title), hadath_fold(text) FROM articles
    WHERE hadath_fts_rowid(id) NOT IN (SELECT rowid FROM articles_fts);

-- One row per coded, non-negated event with the key of the real-world event it reports:
-- the same day, source and target codes and CAMEO base code (first 3 digits). An event
-- without a date (nor an article date) cannot be matched: it is a group of its own.
CREATE VIEW IF NOT EXISTS event_mentions AS
SELECT
    e.article_id,
    e.idx,
    coalesce(e.date, substr(a.published, 1, 10)) AS day,
    e.source_code,
    e.target_code,
    substr(e.cameo, 1, 3) AS cameo_base,
    CASE WHEN coalesce(e.date, a.published) IS NULL
        THEN 'undated|' || e.article_id || '|' || e.idx
        ELSE coalesce(e.date, substr(a.published, 1, 10)) || '|' || ifnull(e.source_code, '')
             || '|' || ifnull(e.target_code, '') || '|' || substr(e.cameo, 1, 3)
    END AS group_key,
    a.source AS outlet,
    a.published,
    e.goldstein
FROM events AS e JOIN articles AS a ON a.id = e.article_id
WHERE e.negated = 0;

-- GDELT-style deduplication: one row per real-world event, with how many event rows
-- (NumMentions), outlets (NumSources: distinct articles.source) and articles (NumArticles)
-- report it, the first and last article (by publication date) and the mean Goldstein score.
CREATE VIEW IF NOT EXISTS event_groups AS
WITH ranked AS (
    SELECT
        m.*,
        first_value(m.article_id) OVER (
            PARTITION BY m.group_key ORDER BY m.published IS NULL, m.published, m.article_id
        ) AS first_article_id,
        first_value(m.article_id) OVER (
            PARTITION BY m.group_key
            ORDER BY m.published IS NULL, m.published DESC, m.article_id DESC
        ) AS last_article_id
    FROM event_mentions AS m
)
SELECT
    group_key,
    day,
    source_code,
    target_code,
    cameo_base,
    count(*) AS num_mentions,
    count(DISTINCT coalesce(outlet, '')) AS num_sources,
    count(DISTINCT article_id) AS num_articles,
    min(first_article_id) AS first_article_id,
    min(last_article_id) AS last_article_id,
    min(published) AS first_published,
    max(published) AS last_published,
    avg(goldstein) AS mean_goldstein
FROM ranked
GROUP BY group_key;
