"""The `hadath` command line: one group, a command per verb, each a thin layer over a function."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from hadath.version import __version__

if TYPE_CHECKING:
    from hadath.engine.readers import ReadLimits
    from hadath.engine.runner import RunSummary

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
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: processes on this machine; ray: a Ray cluster, into --out-dir.")
@click.option("--address", help="ray: the cluster to join ('auto', HOST:6379, ray://HOST:10001); "
              "default: a Ray instance started on this machine.")
@click.option("--out-dir", type=click.Path(file_okay=False),
              help="ray: folder for the Parquet parts and the manifest (load with `hadath load`).")
def code(inputs: tuple[str, ...], out: str | None, db: str | None, manifest: str | None,
         workers: int | None, max_chars: int | None, follow_symlinks: bool, engine: str,
         address: str | None, out_dir: str | None) -> None:
    """Code Arabic articles (JSON Lines, .txt, .html, .warc, folders, '-' for stdin) into events.

    \b
    Inputs, by file name:
      .jsonl .ndjson (.gz)  one article per line (text; id, title, published, ...)
      .txt                  one article per file (short first line + blank: title)
      .html .htm            a web page: main text, title, date and URL extracted
      .warc .warc.gz        web archives (Common Crawl News): one article per
                            HTML or text response
      folder/               all such files in it, recursively
      -                     JSON Lines on standard input

    HTML and WARC need `pip install 'hadath[web]'`. Text that is not Arabic, pages
    without main text and WARC records that are no HTML page are not coded: each is
    listed in the manifest with its reason.

    With --db, a rerun of the same inputs (after a crash, or to resume) keeps what the
    store holds and adds only what is missing: without --out, records already stored
    (same id, text, hadath version and models) are not even coded again; with --out, every
    record is coded again and the --out file is rewritten from the start.

    With --engine ray, the records are coded on a Ray cluster into Parquet parts in
    --out-dir; `hadath load DIR --db events.sqlite` then writes them into a store.
    """
    from hadath.engine.readers import DEFAULT_MAX_CHARS, ReadLimits

    limits = ReadLimits(max_chars=max_chars or DEFAULT_MAX_CHARS, follow_symlinks=follow_symlinks)
    if engine == "ray":
        _code_on_ray(inputs, out, db, manifest, workers, limits, address, out_dir)
        return
    if out_dir or address:
        raise click.UsageError("--out-dir and --address go with --engine ray")
    _code_locally(inputs, out, db, manifest, workers, limits)


def _code_locally(inputs: tuple[str, ...], out: str | None, db: str | None,
                  manifest: str | None, workers: int | None, limits: ReadLimits) -> None:
    from hadath.engine.manifest import Manifest
    from hadath.engine.progress import Progress, count_records
    from hadath.engine.runner import code_paths, default_manifest_path, default_workers
    from hadath.errors import MissingExtraError
    from hadath.store.sqlite import Store

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
    except MissingExtraError as exc:
        raise click.ClickException(str(exc)) from exc
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
    _report_run(summary, manifest_path)


def _code_on_ray(inputs: tuple[str, ...], out: str | None, db: str | None,
                 manifest: str | None, workers: int | None, limits: ReadLimits,
                 address: str | None, out_dir: str | None) -> None:
    from hadath.engine.cluster import code_on_ray
    from hadath.engine.manifest import Manifest
    from hadath.engine.partitions import PartitionError

    if not out_dir:
        raise click.UsageError("--engine ray writes Parquet parts: give --out-dir DIR")
    if out or db:
        raise click.UsageError("--engine ray writes into --out-dir only: code, then "
                               f"`hadath load {out_dir} --db STORE`")
    if "-" in inputs:
        raise click.UsageError("--engine ray reads files and folders, not standard input")
    manifest_path = Path(manifest) if manifest else Path(out_dir) / "manifest.jsonl"
    try:
        with Manifest(manifest_path) as run_manifest:
            summary = code_on_ray(inputs, out_dir, run_manifest, limits=limits,
                                  address=address, workers=workers)
    except PartitionError as exc:
        raise click.ClickException(str(exc)) from exc
    _report_run(summary, manifest_path)
    if summary.coded:
        click.echo(f"parts in {out_dir}; into a store: hadath load {out_dir} --db STORE",
                   err=True)


def _report_run(summary: RunSummary, manifest_path: Path) -> None:
    stored = f", {summary.stored} already in the store" if summary.stored else ""
    click.echo(
        f"{summary.coded} coded{stored}, {summary.rejected} rejected, {summary.warnings} warnings "
        f"in {summary.seconds:.1f} s ({summary.articles_per_second:.0f} articles/s); "
        f"manifest: {manifest_path}",
        err=True,
    )
    if summary.read == 0:
        raise click.ClickException("nothing could be read from the given inputs")


@main.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="SQLite store to write into (created if missing).")
def load(out_dir: str, db: str) -> None:
    """Load the Parquet parts of a `hadath code --engine ray` run into a SQLite store.

    Documents go through the same write path as `hadath code --db`: an article already
    stored with the same text, hadath version and models is left as it is, so loading twice
    adds nothing.
    """
    from hadath.engine.partitions import PartitionError, load_partitions
    from hadath.store.sqlite import Store

    try:
        with Store(db) as store:
            loaded = load_partitions(out_dir, store)
    except PartitionError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{loaded.documents} documents in {loaded.parts} parts: {loaded.added} added, "
               f"{loaded.replaced} replaced, {loaded.unchanged} already stored; store: {db}",
               err=True)
    if not loaded.finished:
        click.echo(f"warning: {out_dir}/manifest.jsonl has no summary: the run did not finish, "
                   "some records may be missing", err=True)


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
@click.option("--format", "fmt", default=None,
              type=click.Choice(["gdelt", "plover", "csv", "parquet", "gkg-quotations"]),
              help="gdelt: GDELT 2.0 events (TSV, one row per event group); "
              "plover: PLOVER JSON Lines; csv: the events table; parquet: the events table; "
              "gkg-quotations: per article, GKG's Quotations field with the speaker added.")
@click.option("--out", "-o", type=click.Path(dir_okay=False),
              help="File to write (default: stdout; required for parquet).")
@click.option("--header", is_flag=True, help="gdelt: write the column names first.")
@click.option("--verified", is_flag=True,
              help="Write the analysts' verdicts (from `hadath serve`) as gold JSON Lines "
              "(../shared/eval/GUIDELINE.md's format) instead of events.")
def export(db: str, fmt: str | None, out: str | None, header: bool, verified: bool) -> None:
    """Export a store's events as GDELT, PLOVER, CSV or Parquet, or its verdicts as gold."""
    from hadath.store.export import ExportError, export_store
    from hadath.store.sqlite import Store

    if verified:
        if fmt is not None:
            raise click.UsageError("--verified writes gold JSON Lines: leave out --format")
        _export_verified(db, out)
        return
    if fmt is None:
        raise click.UsageError("Missing option '--format' (or give --verified).")
    with Store(db) as store:
        try:
            written = export_store(store.conn, fmt, out, header=header)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{written} {fmt} rows written to {out or 'stdout'}", err=True)


def _export_verified(db: str, out: str | None) -> None:
    from hadath.store.sqlite import Store
    from hadath.store.verdicts import export_verified_gold

    with Store(db) as store:
        if out is None:
            written = export_verified_gold(store.conn, sys.stdout)
        else:
            target = Path(out)
            partial = target.with_name(target.name + ".partial")
            with open(partial, "w", encoding="utf-8") as stream:
                written = export_verified_gold(store.conn, stream)
            partial.replace(target)  # never half-written
    click.echo(f"{written} verified articles written to {out or 'stdout'}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output documents."""
    click.echo(files("hadath.schema").joinpath("document.schema.json").read_text("utf-8"), nl=False)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("--verified", "verified_db", type=click.Path(exists=True, dir_okay=False),
              help="Score the coder on the analysts' verdicts in this store instead of gold.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score this JSON Lines output instead of coding the gold articles.")
@click.option("--verbose", "-v", is_flag=True, help="List each missed and spurious item.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_command(gold: str | None, verified_db: str | None, pred: str | None, verbose: bool,
                 as_json: bool) -> None:
    """Score hadath on gold articles (events, quotes, actors, persons), or on verdicts.

    With --verified DB: the precision of the events analysts judged in `hadath serve`
    (right / judged; with corrected ones counted as found events too). Events hadath
    missed are not judged there, so this measures no recall.
    """
    from hadath.eval.runner import evaluate

    if verified_db is not None:
        if gold is not None:
            raise click.UsageError("give GOLD or --verified DB, not both")
        _eval_verified(verified_db, as_json)
        return
    if gold is None:
        raise click.UsageError("Missing argument 'GOLD' (or give --verified DB).")
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


def _eval_verified(db: str, as_json: bool) -> None:
    from hadath.store.sqlite import Store
    from hadath.store.verdicts import score_verdicts

    with Store(db) as store:
        scores = score_verdicts(store.conn)
    if as_json:
        click.echo(json.dumps(scores))
        return
    click.echo(f"events judged: {scores['judged']} (right {scores['right']}, wrong "
               f"{scores['wrong']}, corrected {scores['corrected']}; {scores['stale']} stale "
               "verdicts left out: their article was recoded since)")
    explained = {
        "precision": "right as coded (code, source and target) / judged",
        "event_precision": "real events (right or corrected) / judged",
        "root_agreement": "real events whose CAMEO root the analyst kept",
        "source_agreement": "real events whose source the analyst kept",
        "target_agreement": "real events whose target the analyst kept",
    }
    for name, meaning in explained.items():
        value = scores[name]
        click.echo(f"{name}: {'n/a' if value is None else f'{value:.3f}'}  ({meaning})")
    click.echo("Precision only: analysts judge the events hadath found, not those it missed.")


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; beyond loopback, POSTs need --token-env.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-env", metavar="NAME",
              help="Environment variable holding the bearer token POST requests need.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A Host name to answer to (repeatable); on loopback, localhost, 127.0.0.1 "
              "and ::1 always are, and no other unless given (against DNS rebinding).")
def serve(db: str, host: str, port: int, token_env: str | None,
          allowed_hosts: tuple[str, ...]) -> None:
    """Serve the REST API (/v1, OpenAPI at /openapi.json) and the dashboard on a store."""
    import os

    try:
        import uvicorn

        from hadath.serve.app import LOOPBACK_NAMES, create_app, is_loopback
    except ImportError as exc:
        raise click.ClickException(f"hadath serve needs its extra: pip install 'hadath[serve]' "
                                   f"({exc})") from exc
    token = None
    if token_env:
        token = os.environ.get(token_env)
        if not token:
            raise click.ClickException(f"--token-env {token_env}: that variable is not set")
    from hadath.errors import HadathError

    try:
        if is_loopback(host):
            allowed_hosts = (*LOOPBACK_NAMES, *allowed_hosts)
        app = create_app(db, token=token, host=host, allowed_hosts=allowed_hosts)
    except HadathError as exc:  # a store written by a newer hadath, ...
        raise click.ClickException(str(exc)) from exc
    if not is_loopback(host) and token is None:
        click.echo(f"listening on {host} without a token: POST requests are refused "
                   "(use --token-env to allow them)", err=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"hadath dashboard on http://{shown}:{port}/  (API: /v1/..., described at "
               "/openapi.json; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
