"""The SQLite store: coded documents as rows, whole articles per transaction.

An article is keyed by its id and a hash of its text: writing the same
article again (coded by the same coder: hadath version and models, `coder_of`) changes
nothing, and a changed article replaces its old rows in the same transaction, so a reader
never sees half an article, and a run killed at any moment leaves only whole
articles behind: rerunning it ends with the rows of an uninterrupted run.
The full-text index (`articles_fts`), the article's near-duplicate fingerprint and
its cluster (`duplicate_of`, hadath.store.duplicates) are written in that same
transaction. `add` writes one article per transaction; corpus runs write batches of
articles per transaction with `add_rows`, their rows (fingerprint included) built by
the workers that coded them (`article_rows`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from hadath.extract.ner.model import packaged_models
from hadath.store import duplicates
from hadath.store.fingerprint import fingerprint_of, shingle_hashes
from hadath.store.migrate import StoreError, fts_rowid, migrate
from hadath.text.fold import fold_str
from hadath.version import __version__

__all__ = [
    "ArticleRows",
    "Store",
    "StoreError",
    "article_rows",
    "coder_of",
    "current_coder",
    "event_rows",
    "open_store",
    "quote_rows",
    "text_hash",
]

_CHILD_TABLES = ("entities", "actors", "events", "quotes")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def open_store(path: str | Path) -> Store:
    """An existing hadath store (hadath.open); a missing file is an error, not a new store."""
    if str(path) != ":memory:" and not Path(path).is_file():
        raise FileNotFoundError(f"no hadath store at {path}: create one with "
                                f"`hadath code ... --db {path}`")
    return Store(path)


class Store:
    """A hadath SQLite database."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        # A corpus run writes index pages all over the file (LSH bands, full-text segments):
        # a 64 MB page cache and checkpoints every 40 MB of WAL, not 4 MB, spare it
        # re-reading and re-writing them (system time of an ANT run: 10 s).
        self.conn.execute("PRAGMA cache_size = -65536")
        self.conn.execute("PRAGMA wal_autocheckpoint = 10000")
        self.migrated_from = migrate(self.conn)
        self._readers = threading.local()  # holds() may run in a worker pool's feeder thread
        self._reader_conns: list[sqlite3.Connection] = []
        self.added = 0
        self.replaced = 0
        self.unchanged = 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()
        for reader in self._reader_conns:
            reader.close()

    def holds(self, article_id: str, text: str) -> bool:
        """Whether the store has this article, with this text, coded by this installation's
        coder (hadath version and models, `current_coder`).

        A run that resumes skips such records instead of coding them again. Callable
        from any thread: it reads through a connection of the calling thread's own.
        """
        reader = getattr(self._readers, "conn", None)
        if reader is None:
            # closed by close(), which may run in another thread
            reader = self._readers.conn = sqlite3.connect(self.path, check_same_thread=False)
            self._reader_conns.append(reader)
        row = reader.execute("SELECT text_hash, hadath FROM articles WHERE id = ?",
                             (article_id,)).fetchone()
        return row is not None and row[0] == text_hash(text) and \
            _coder_of_json(row[1]) == current_coder()

    def add(self, doc: dict[str, Any]) -> None:
        """Write one coded document (the output contract's dict) in a transaction of its own."""
        self.add_rows([article_rows(doc)])

    def add_rows(self, batch: Sequence[ArticleRows]) -> None:
        """Write the rows of some coded documents (`article_rows`) in one transaction.

        An article the store holds with the same text and coder is left as it
        is; one whose text or coder differs has its old rows replaced. A crash leaves
        the whole batch written or none of it. A batch spares SQLite (and its full-text
        index, which writes a segment per transaction) a commit per article.
        """
        with self.conn:  # one transaction: old rows go and new ones come together
            for rows in batch:
                self._write(rows)

    def _write(self, rows: ArticleRows) -> None:
        held = self.conn.execute("SELECT text_hash, hadath FROM articles WHERE id = ?",
                                 (rows.id,)).fetchone()
        if held is not None and held["text_hash"] == rows.text_hash and \
                _coder_of_json(held["hadath"]) == rows.coder:
            self.unchanged += 1
            return
        old_cluster: list[str] | None = None
        if held is not None:
            old_cluster = duplicates.cluster_of(self.conn, rows.id)
            duplicates.remove_bands(self.conn, rows.id)
            for table in _CHILD_TABLES:
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (rows.id,))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (rows.id,))
            self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (rows.fts[0],))
            self.replaced += 1
        else:
            self.added += 1
        coded_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.execute(
            "INSERT INTO articles (id, text_hash, title, published, source, url, text, extra, "
            "hadath, coded_at, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (*rows.article, coded_at, rows.signature))
        self.conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", rows.entities)
        self.conn.executemany("INSERT INTO actors VALUES (?,?,?,?,?)", rows.actors)
        self.conn.executemany("INSERT INTO events VALUES (" + ",".join("?" * 34) + ")",
                              rows.events)
        self.conn.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                              rows.quotes)
        collision = self.conn.execute("SELECT article_id FROM articles_fts WHERE rowid = ?",
                                      (rows.fts[0],)).fetchone()
        if collision is not None:  # a 64-bit hash collision: refuse rather than mix two articles
            raise StoreError(f"full-text rowid of {rows.id!r} collides with {collision[0]!r}")
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, article_id, title, text) VALUES (?,?,?,?)",
            rows.fts)
        duplicates.link_article(self.conn, rows.id, set(rows.shingles), rows.article[4],
                                rows.signature, old_cluster)

    def count(self, table: str) -> int:
        if table not in ("articles", *_CHILD_TABLES):
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching an FTS5 query on title and text, best first.

        The query is folded like the index (harakat dropped, alef forms merged), so
        "الرئيس" finds "الرَّئِيسُ". Clitics are part of a word: "الجزائر" does not find
        "والجزائر"; a prefix query ("الجزائر*") or an OR of forms does.
        """
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, a.source, a.url, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.article_id "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (fold_str(query), limit)).fetchall()
        return [dict(r) for r in rows]

    def events(self, source: str | None = None, target: str | None = None,
               root: str | int | None = None, since: str | None = None,
               until: str | None = None, as_frame: bool = False) -> Any:
        """Event rows (dicts, or a pandas DataFrame with `as_frame`), in article order.

        Args:
            source, target: an actor code or its prefix ("RUS" matches RUS and RUSGOV).
            root: a CAMEO root code ("19" or 19).
            since, until: ISO dates, inclusive, compared with the event date.
        Each row holds the events table's columns plus the article's `published` and
        `outlet` (articles.source).
        """
        where, params = _event_filters(source, target, root, since, until)
        sql = ("SELECT e.*, a.published, a.source AS outlet FROM events AS e "
               "JOIN articles AS a ON a.id = e.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.rowid, e.idx")
        rows = [dict(r) for r in self.conn.execute(sql, params)]
        if not as_frame:
            return rows
        try:
            import pandas
        except ImportError as exc:
            raise StoreError("as_frame=True needs pandas (pip install pandas)") from exc
        columns = [c[0] for c in self.conn.execute(sql + " LIMIT 0", params).description]
        return pandas.DataFrame(rows, columns=columns)


def coder_of(hadath: dict[str, Any]) -> str | None:
    """What coded a document, as a rerun compares it: its `hadath` block's version and the
    models its pipeline ran, e.g. "0.1.0 ner=crf-lbfgs sha256:1e55d92d6b0b7a51" (None
    without a version). Models change between releases of one version, and an article
    coded by another recogniser is coded again."""
    version = hadath.get("version")
    if not isinstance(version, str):
        return None
    models = hadath.get("models")
    used = sorted(models.items()) if isinstance(models, dict) else []
    return " ".join([version, *(f"{kind}={model}" for kind, model in used)])


@functools.cache
def current_coder() -> str:
    """The coder of what this installation's default pipeline codes."""
    return coder_of({"version": __version__, "models": packaged_models()}) or ""


def _coder_of_json(hadath_json: str | None) -> str | None:
    try:
        hadath = json.loads(hadath_json or "{}")
    except ValueError:
        return None
    return coder_of(hadath) if isinstance(hadath, dict) else None


def _code_prefix(column: str, code: str) -> tuple[str, list[Any]]:
    code = code.strip().upper()
    if not code or not set(code) <= _CODE_CHARS:
        raise ValueError(f"{code!r} is not an actor code (letters and digits, as in RUSGOV)")
    return f"substr({column}, 1, ?) = ?", [len(code), code]


def _event_filters(source: str | None, target: str | None, root: str | int | None,
                   since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for column, code in (("e.source_code", source), ("e.target_code", target)):
        if code is not None:
            clause, values = _code_prefix(column, code)
            where.append(clause)
            params += values
    if root is not None:
        where.append("e.cameo_root = ?")
        params.append(f"{int(root):02d}")
    if since is not None:
        where.append("e.date >= ?")
        params.append(str(since))
    if until is not None:
        # "2024-03" <= until "2024-03-31"; a day equal to `until` is inside it
        where.append("substr(e.date, 1, length(?)) <= ?")
        params += [str(until), str(until)]
    return where, params


def _ref_columns(ref: dict[str, Any] | None) -> tuple[Any, ...]:
    if not ref:
        return (None,) * 5
    return ref.get("code"), ref.get("name"), ref.get("text"), ref.get("start"), ref.get("end")


class ArticleRows(NamedTuple):
    """The store's rows of one coded document, built where it was coded (`article_rows`)."""

    id: str
    text_hash: str
    coder: str | None  # what coded it (`coder_of`)
    article: tuple[Any, ...]  # the articles row but its last column, coded_at
    entities: list[tuple[Any, ...]]
    actors: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    quotes: list[tuple[Any, ...]]
    fts: tuple[int, str, str, str]  # rowid, article id, folded title, folded text
    shingles: frozenset[int]  # hashes of the text's word shingles (near-duplicates)
    signature: bytes | None  # their MinHash fingerprint


_DOCUMENT_KEYS = frozenset({"id", "title", "published", "source", "url", "text", "entities",
                            "actors", "events", "quotes", "dates", "places", "hadath"})


def article_rows(doc: dict[str, Any]) -> ArticleRows:
    """The rows `Store.add` writes for a coded document; pure, so a worker process builds them."""
    aid = doc["id"]
    digest = text_hash(doc["text"])
    extra = {k: v for k, v in doc.items() if k not in _DOCUMENT_KEYS}
    article = (aid, digest, doc.get("title"), doc.get("published"), doc.get("source"),
               doc.get("url"), doc["text"], json.dumps(extra, ensure_ascii=False),
               json.dumps(doc.get("hadath", {})))
    entities = [(aid, i, e["text"], e["start"], e["end"], e["type"], e.get("code"), e.get("name"))
                for i, e in enumerate(doc.get("entities", []))]
    actors = _actor_rows(aid, doc.get("actors", []))
    fts = (fts_rowid(aid), aid, fold_str(doc.get("title") or ""), fold_str(doc["text"]))
    shingles = frozenset(shingle_hashes(doc["text"]))
    hadath = doc.get("hadath")
    coder = coder_of(hadath) if isinstance(hadath, dict) else None
    return ArticleRows(aid, digest, coder, article, entities, actors, event_rows(doc),
                       quote_rows(doc), fts, shingles, fingerprint_of(set(shingles)))


def _actor_rows(aid: str, actors: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """One row per (code, name), the last one given, placed last: what INSERT OR REPLACE
    would leave. Done here because OR REPLACE with foreign keys on cost SQLite a third of
    the whole write."""
    rows: dict[tuple[Any, Any], tuple[Any, ...]] = {}
    for a in actors:
        key = (a["code"], a.get("name"))
        rows.pop(key, None)
        rows[key] = (aid, a["code"], a.get("name"), a.get("kind"),
                     json.dumps(a.get("mentions", [])))
    return list(rows.values())


def event_rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The events table's rows of one coded document, in its columns' order."""
    return [_event_row(doc["id"], i, e) for i, e in enumerate(doc.get("events", []))]


def quote_rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The quotes table's rows of one coded document, in its columns' order."""
    return [(doc["id"], i, *_ref_columns(q.get("speaker")), q["text"], q["start"], q["end"],
             q.get("kind"), q.get("verb")) for i, q in enumerate(doc.get("quotes", []))]


def _event_row(article_id: str, idx: int, e: dict[str, Any]) -> tuple[Any, ...]:
    place = e.get("place") or {}
    plover = e.get("plover") or {}
    trigger = e.get("trigger") or {}
    evidence = e.get("evidence") or {}
    sentence = e.get("sentence") or {}
    return (
        article_id, idx, *_ref_columns(e.get("source")), *_ref_columns(e.get("target")),
        e["cameo"], e["cameo"][:2], e.get("cameo_label"), plover.get("type"), plover.get("mode"),
        e.get("goldstein"), e.get("quad_class"), e.get("date"), e.get("date_precision"),
        place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
        int(bool(e.get("negated"))), trigger.get("text"), trigger.get("start"),
        trigger.get("end"), evidence.get("start"), evidence.get("end"), sentence.get("start"),
        sentence.get("end"), e.get("confidence"),
    )
