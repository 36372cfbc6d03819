-- hadath SQLite store, schema version 3: near-duplicate articles (syndicated or lightly
-- edited copies of one story) and event groups that see through them.
-- Applied by hadath.store.migrate; it then fingerprints and links the articles already
-- stored (hadath.store.duplicates.backfill), in the same transaction.

-- fingerprint: MinHash signature of the article's word shingles (hadath.store.fingerprint);
-- duplicate_of: the earliest article (by published, then id) of its near-duplicate
-- cluster, NULL for that article itself and for an article with no near-duplicate.
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);

-- LSH index: one row per band of each article's signature. Articles sharing a band key
-- are candidate near-duplicates, confirmed on their shingles' Jaccard similarity. No index
-- on article_id: an article's band keys are computed from its fingerprint (one index less
-- to write at random places in each article's transaction).
CREATE TABLE IF NOT EXISTS article_bands (
    band_key    INTEGER NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

DROP VIEW IF EXISTS event_groups;
DROP VIEW IF EXISTS event_mentions;

-- One row per coded, non-negated event with the key of the real-world event it reports:
-- the same day, source and target codes and CAMEO base code (first 3 digits).
-- story_id is the article's near-duplicate cluster (its duplicate_of, else itself).
-- An event in a copy (duplicate_of set) takes the day of the same event (same source,
-- target and base code) in the story's first article when that article reports it:
-- a copy published a day later reads "yesterday" as another day, yet reports the same
-- event. An event without a day (no date, no article date) is a group of its own.
CREATE VIEW IF NOT EXISTS event_mentions AS
WITH dated AS (
    SELECT
        e.article_id,
        e.idx,
        e.source_code,
        e.target_code,
        substr(e.cameo, 1, 3) AS cameo_base,
        coalesce(a.duplicate_of, a.id) AS story_id,
        coalesce(
            CASE WHEN a.duplicate_of IS NOT NULL THEN (
                SELECT min(coalesce(r.date, substr(ra.published, 1, 10)))
                FROM events AS r JOIN articles AS ra ON ra.id = r.article_id
                WHERE r.article_id = a.duplicate_of AND r.negated = 0
                  AND r.source_code IS e.source_code AND r.target_code IS e.target_code
                  AND substr(r.cameo, 1, 3) = substr(e.cameo, 1, 3))
            END,
            e.date, substr(a.published, 1, 10)) AS day,
        a.source AS outlet,
        a.published,
        e.goldstein
    FROM events AS e JOIN articles AS a ON a.id = e.article_id
    WHERE e.negated = 0
)
SELECT
    article_id,
    idx,
    day,
    source_code,
    target_code,
    cameo_base,
    CASE WHEN day IS NULL
        THEN 'undated|' || article_id || '|' || idx
        ELSE day || '|' || ifnull(source_code, '') || '|' || ifnull(target_code, '')
             || '|' || cameo_base
    END AS group_key,
    outlet,
    published,
    goldstein,
    story_id
FROM dated;

-- GDELT-style deduplication: one row per real-world event, with how many event rows
-- (NumMentions), outlets (NumSources: distinct articles.source) and articles (NumArticles:
-- every copy counts, as GDELT counts documents) report it, how many distinct stories
-- (num_stories: near-duplicate copies count once), the first and last article (by
-- publication date) and the mean Goldstein score.
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
    count(DISTINCT story_id) AS num_stories,
    min(first_article_id) AS first_article_id,
    min(last_article_id) AS last_article_id,
    min(published) AS first_published,
    max(published) AS last_published,
    avg(goldstein) AS mean_goldstein
FROM ranked
GROUP BY group_key;
