"""The `hadath` command line: one group, a command per verb, each a thin layer over a function."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import sys
from importlib.resources import files
from pathlib import Path
from typing import TextIO

import click

from hadath.version import __version__

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hadath")
def main() -> None:
    """hadath: code Arabic news into political event data (CAMEO, PLOVER)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(dir_okay=False),
              help="JSON Lines output ('-' = stdout).")
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite store to write into.")
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="Where rejected records are listed (default: beside --out or --db).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that code in parallel (default: all cores).")
@click.option("--max-chars", type=click.IntRange(min=1), default=None,
              help="Longest article text accepted (characters).")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links out of input folders.")
def code(inputs: tuple[str, ...], out: str | None, db: str | None, manifest: str | None,
         workers: int | None, max_chars: int | None, follow_symlinks: bool) -> None:
    """Code Arabic articles (JSON Lines, .txt, folders, '-' for stdin) into events.

    With --db, a rerun of the same inputs (after a crash, or to resume) keeps what the
    store holds and adds only what is missing: without --out, records already stored
    (same id, text and hadath version) are not even coded again; with --out, every record
    is coded again and the --out file is rewritten from the start.
    """
    from hadath.engine.manifest import Manifest
    from hadath.engine.progress import Progress, count_records
    from hadath.engine.readers import DEFAULT_MAX_CHARS, ReadLimits
    from hadath.engine.runner import code_paths, default_manifest_path, default_workers
    from hadath.store.sqlite import Store

    limits = ReadLimits(max_chars=max_chars or DEFAULT_MAX_CHARS, follow_symlinks=follow_symlinks)
    manifest_path = Path(manifest) if manifest else default_manifest_path(out, db)
    stream: TextIO | None = sys.stdout if out == "-" or (out is None and db is None) else None
    progress = Progress(count_records(inputs), stream=sys.stderr)
    log_handler = _log_to_stderr()
    store = None
    try:
        if stream is None and out is not None:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            stream = open(out, "w", encoding="utf-8")  # noqa: SIM115  (closed below)
        store = Store(db) if db else None
        with Manifest(manifest_path) as run_manifest:
            summary = code_paths(inputs, stream, run_manifest, sink=store, limits=limits,
                                 workers=workers or default_workers(), progress=progress,
                                 skip_stored=store is not None and stream is None)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a file too large, a lost folder
        raise click.ClickException(_write_failure(exc, db)) from None
    finally:
        logging.getLogger("hadath").removeHandler(log_handler)
        with contextlib.suppress(OSError):  # what could not be written is reported above
            if stream is not None and stream is not sys.stdout:
                stream.close()
        if store is not None:
            with contextlib.suppress(sqlite3.Error):  # its last transaction is rolled back
                store.close()
    stored = f", {summary.stored} already in the store" if summary.stored else ""
    click.echo(
        f"{summary.coded} coded{stored}, {summary.rejected} rejected, {summary.warnings} warnings "
        f"in {summary.seconds:.1f} s ({summary.articles_per_second:.0f} articles/s); "
        f"manifest: {manifest_path}",
        err=True,
    )
    if summary.read == 0:
        raise click.ClickException("nothing could be read from the given inputs")


def _write_failure(exc: OSError | sqlite3.Error, db: str | None) -> str:
    """One line on why a run stopped writing, and what the store holds now."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    where = f" ({exc.filename})" if isinstance(exc, OSError) and exc.filename else ""
    kept = (f"; {db} keeps every article stored before it (whole articles only): rerun the "
            "same command when there is room to finish") if db else ""
    return f"the run stopped: cannot write: {reason}{where}{kept}"


def _log_to_stderr() -> logging.Handler:
    """hadath's log lines (progress when stderr is no terminal) on stderr, for one command."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger = logging.getLogger("hadath")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The hadath SQLite store to export.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gdelt", "plover", "csv", "parquet", "gkg-quotations"]),
              help="gdelt: GDELT 2.0 events (TSV, one row per event group); "
              "plover: PLOVER JSON Lines; csv: the events table; parquet: the events table; "
              "gkg-quotations: per article, GKG's Quotations field with the speaker added.")
@click.option("--out", "-o", type=click.Path(dir_okay=False),
              help="File to write (default: stdout; required for parquet).")
@click.option("--header", is_flag=True, help="gdelt: write the column names first.")
def export(db: str, fmt: str, out: str | None, header: bool) -> None:
    """Export a store's events as GDELT, PLOVER, CSV or Parquet."""
    from hadath.store.export import ExportError, export_store
    from hadath.store.sqlite import Store

    with Store(db) as store:
        try:
            written = export_store(store.conn, fmt, out, header=header)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{written} {fmt} rows written to {out or 'stdout'}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output documents."""
    click.echo(files("hadath.schema").joinpath("document.schema.json").read_text("utf-8"), nl=False)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score this JSON Lines output instead of coding the gold articles.")
@click.option("--verbose", "-v", is_flag=True, help="List each missed and spurious item.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_command(gold: str, pred: str | None, verbose: bool, as_json: bool) -> None:
    """Score hadath on gold articles (events, quotes, actors, persons)."""
    from hadath.eval.runner import evaluate

    scores = evaluate(Path(gold), Path(pred) if pred else None, verbose=verbose)
    if as_json:
        click.echo(json.dumps(scores.measures))
    else:
        for name, figures in scores.measures.items():
            click.echo(f"{name}: {figures}")
    if verbose:
        for title, items in (("missed", scores.missed), ("spurious", scores.spurious)):
            click.echo(f"\n{title} ({len(items)}):")
            for item in items:
                click.echo(f"  {item.article}  {item.what}  {item.detail}")


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
def summary(db: str, top: int) -> None:
    """Summarise a hadath SQLite store: articles, events by CAMEO root, top dyads."""
    from hadath.store.sqlite import Store
    from hadath.store.summary import render_summary

    with Store(db) as store:
        click.echo(render_summary(store, top=top))


@main.group()
def actors() -> None:
    """Actor lexicons and coding."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", help="Article date (YYYY-MM-DD) for dated roles; default: latest role.")
def actors_lookup(name: str, date: str | None) -> None:
    """Show how NAME (a name or a phrase in context) resolves to actor codes, and why."""
    from hadath.code.lookup import explain_name

    for line in explain_name(name, date):
        click.echo(line)


@main.command()
@click.argument("sentence")
@click.option("--published", help="Publication date (YYYY-MM-DD) for relative dates and roles.")
def explain(sentence: str, published: str | None) -> None:
    """Show how SENTENCE is coded: tokens, actors, triggers, events and the rules behind them."""
    from hadath.code.explain import explain_sentence
    from hadath.pipeline import code_text

    for line in explain_sentence(code_text(sentence, published=published)):
        click.echo(line)
