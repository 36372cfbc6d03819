"""A plain-text summary of a store: what `make demo` shows."""

from __future__ import annotations

from hadath.lexicon.cameo import load_cameo
from hadath.store.sqlite import Store

__all__ = ["render_summary"]


def _table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [headers, *[[("" if v is None else str(v)) for v in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_summary(store: Store, top: int = 10) -> str:
    """Articles and record counts, events by CAMEO root, top dyads and top actors."""
    cameo = load_cameo()
    counts = [[t, store.count(t)] for t in ("articles", "entities", "actors", "events", "quotes")]
    span = store.query("SELECT min(published), max(published), count(duplicate_of) "
                       "FROM articles")[0]
    by_root = store.query(
        "SELECT cameo_root, count(*) AS n, round(avg(goldstein), 1) AS g FROM events "
        "GROUP BY cameo_root ORDER BY cameo_root")
    dyads = store.query(
        "SELECT source_code, target_code, count(*) AS n, round(avg(goldstein), 1) AS g "
        "FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
        "GROUP BY source_code, target_code ORDER BY n DESC, source_code LIMIT ?", (top,))
    actors = store.query(
        "SELECT code, count(DISTINCT article_id) AS n FROM actors GROUP BY code "
        "ORDER BY n DESC, code LIMIT ?", (top,))
    parts = [
        f"hadath store {store.path}: published {span[0] or '?'} .. {span[1] or '?'}; "
        f"{span[2]} articles are near-duplicate copies of another",
        _table(["table", "rows"], counts),
        "Events by CAMEO root",
        _table(["root", "label", "events", "mean Goldstein"],
               [[r["cameo_root"], cameo[r["cameo_root"]].label.title()
                 if r["cameo_root"] in cameo else "?", r["n"], r["g"]] for r in by_root])
        if by_root else "(no events)",
        f"Top {top} dyads",
        _table(["source", "target", "events", "mean Goldstein"],
               [[r["source_code"], r["target_code"], r["n"], r["g"]] for r in dyads])
        if dyads else "(no dyads)",
        f"Top {top} actors (articles mentioning them)",
        _table(["actor", "articles"], [[r["code"], r["n"]] for r in actors])
        if actors else "(no actors)",
    ]
    return "\n\n".join(parts)
