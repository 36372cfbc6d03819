"""Schema versions: a new store gets schema.sql, an older one the migrations it lacks.

`PRAGMA user_version` holds the version a database is at. Version 1 is
`schema.sql` (the base tables); version N > 1 is `migration_00N.sql`, followed
by a Python step when the migration needs one (filling a new column from the
text). Each migration runs in one transaction with the version bump, so a crash
during a migration leaves the store at the version before it. A store written by a newer
hadath is refused rather than guessed at.

History:
    1  articles, entities, actors, events, quotes
    2  articles_fts (full-text search on folded title + text), views event_mentions
       and event_groups (GDELT-style deduplication)
    3  verdicts (an analyst's right / wrong / corrected on an event, from `hadath serve`),
       indexes on events(date, cameo, plover_type, quad_class), articles(source),
       quotes(speaker_code), actors(code) for the dashboard's filters
    4  near-duplicate articles: articles.fingerprint (MinHash of word shingles) and
       articles.duplicate_of (the earliest article of its cluster), the LSH index
       article_bands; event_mentions.story_id, copies' events dated like the first
       article's, event_groups.num_stories
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from importlib.resources import files

from hadath.errors import HadathError
from hadath.store import duplicates
from hadath.text.fold import fold_str

__all__ = ["CURRENT_VERSION", "StoreError", "fts_rowid", "migrate", "register_functions"]

CURRENT_VERSION = 4
# Steps after a migration's SQL, in its transaction: the stored articles' fingerprints.
_PYTHON_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {4: duplicates.backfill}


class StoreError(HadathError):
    """A database hadath cannot use as its store."""


def fts_rowid(article_id: str) -> int:
    """A stable signed 64-bit rowid for an article's full-text row."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _fold_or_none(text: str | None) -> str | None:
    return None if text is None else fold_str(text)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the migrations use: hadath_fold(text), hadath_fts_rowid(id)."""
    conn.create_function("hadath_fold", 1, _fold_or_none, deterministic=True)
    conn.create_function("hadath_fts_rowid", 1, fts_rowid, deterministic=True)


def _script(version: int) -> str:
    name = "schema.sql" if version == 1 else f"migration_{version:03d}.sql"
    return files("hadath.store").joinpath(name).read_text("utf-8")


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to CURRENT_VERSION; returns the version it was at."""
    register_functions(conn)
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > CURRENT_VERSION:
        raise StoreError(f"store schema version {found} is newer than this hadath's "
                         f"({CURRENT_VERSION}): upgrade hadath to use it")
    for version in range(found + 1, CURRENT_VERSION + 1):
        # One transaction per step: the schema change and its version number go together.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{_script(version)}\n")  # left open
            step = _PYTHON_STEPS.get(version)
            if step is not None:
                step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.commit()
        except BaseException:  # SQL or the Python step: the version stays as it was
            if conn.in_transaction:
                conn.rollback()
            raise
    return found
