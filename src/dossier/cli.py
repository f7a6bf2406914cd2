"""The ``dossier`` command: thin shells over the library.

Exit status: 0 when every input was read; 1 when some input could not be read
(the rest of the batch is still processed and stored) or a document was stored
without its analysis (the NLP failed on it); 2 for usage errors
(unknown option, bad setting, store that cannot be opened).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dossier import __version__
from dossier.errors import DossierError
from dossier.pipeline import RunSummary, Sink, run
from dossier.records import Document, DocumentResult
from dossier.settings import SETTINGS, default_db_path, load_settings, parse_assignments

err = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="DuckDB store file [default: $DOSSIER_DB or the per-user data dir].",
)


def settings_options(f: Any) -> Any:
    f = click.option("--set", "assignments", multiple=True, metavar="NAME=VALUE",
                     help="Override a setting (see `dossier settings`); repeatable.")(f)
    f = click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Settings file (TOML) to use instead of the user's.")(f)
    f = click.option("--published", metavar="YYYY-MM-DD",
                     help="Publication date for inputs that carry none.")(f)
    f = click.option("--workers", type=int, default=None, metavar="N",
                     help="Processes for the NLP stages (0: one per core once the batch "
                     "is big enough) [default: 0].")(f)
    f = click.option("--gazetteer", "gazetteer", multiple=True,
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="User gazetteer TSV (people.tsv, organisations.tsv …) that adds "
                     "or overrides entries; repeatable.")(f)
    return f


def engine_options(f: Any) -> Any:
    f = click.option("--ray-output", type=click.Path(file_okay=False, path_type=Path),
                     default=None, help="With --engine ray: the workers write their results "
                     "to DIR/results, a Parquet dataset DuckDB or Spark read (on a "
                     "cluster, a folder every node sees).")(f)
    f = click.option("--ray-address", default=None, metavar="ADDRESS",
                     help="With --engine ray: join this cluster ('auto', "
                     "'ray://host:10001') [default: start a local Ray].")(f)
    f = click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
                     show_default=True, help="local: this machine's processes; ray: the "
                     "NLP on Ray Data (pip install 'dossier[ray]').")(f)
    return f


def _settings(config: Path | None, assignments: tuple[str, ...], published: str | None,
              gazetteer: tuple[Path, ...] = (), workers: int | None = None) -> dict[str, Any]:
    overrides = parse_assignments(assignments)
    if workers is not None:
        overrides["workers"] = workers
    if gazetteer:
        overrides["gazetteer_files"] = ",".join(str(p) for p in gazetteer)
    if published:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise click.BadParameter(f"{published!r} is not YYYY-MM-DD",
                                     param_hint="--published") from exc
        overrides["published"] = published
    return load_settings(config, overrides)


class _UsageProblem(click.ClickException):
    exit_code = 2


class _Main(click.Group):
    """Turns library errors into one-line messages with exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DossierError as exc:
            raise _UsageProblem(str(exc)) from exc


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dossier")
def main() -> None:
    """Dossier: turn raw news into articles, actors, quotes and events, each with
    the character span it came from.

    Example: dossier ingest examples/huffpost-china-dump.txt
    """


def _print_summary(summary: RunSummary, articles: list[dict[str, Any]], db: Path | None) -> None:
    out = Console(highlight=False)
    out.print(f"[bold]{summary.articles} article(s)[/] from {summary.documents} document(s) "
              f"in {len(summary.files)} file(s)"
              + (f"; {summary.already_stored} document(s) already in the store"
                 if summary.already_stored else "")
              + (f"; {summary.repeated} given more than once, read once"
                 if summary.repeated else ""))
    width = max(40, out.width - 30)
    for i, a in enumerate(articles, 1):
        opening = (a.get("title") or a["text"]).replace("\n", " ")
        opening = opening if len(opening) <= width else opening[: width - 1] + "…"
        dup = f" duplicate of {a['duplicate_of']}" if a.get("duplicate_of") else ""
        out.print(escape(f"{i:>3}. {Path(a['source']).name} {a['start']}–{a['end']}"
                         f" ({a.get('language') or '?'}){dup}\n     {opening}"), soft_wrap=True)
    if summary.mentions or summary.quotes:
        out.print(f"{summary.mentions} actor mention(s), {summary.quotes} quote(s), "
                  f"{summary.events} event(s) (see `dossier actors`, `dossier quotes`, "
                  "`dossier events`).")
    if summary.dropped:
        parts = ", ".join(f"{n} {reason}" for reason, n in summary.dropped.most_common())
        out.print(f"Dropped {sum(summary.dropped.values())} span(s): {parts} "
                  "(see `dossier dropped`).")
    for p in summary.problems:
        colour = "red" if p.severity == "error" else "yellow"
        out.print(f"[{colour}]{p.severity}[/]: {escape(p.source)}: {escape(p.message)}",
                  soft_wrap=True)  # one line per problem, whatever the width
    if summary.unanalysed:
        out.print(f"[red]{summary.unanalysed} document(s) stored without analysis[/] (the "
                  "NLP failed on them, see above); run the same ingest again to retry them.",
                  soft_wrap=True)
    if db is not None:
        out.print(f"Store: {db}")


class _Collect(Sink):
    """Keeps article records for the summary table, passing results on."""

    def __init__(self, inner: Sink, keep: int = 50) -> None:
        self.inner, self.keep = inner, keep
        self.articles: list[dict[str, Any]] = []

    def seen(self, doc: Document) -> bool:
        return self.inner.seen(doc)

    def write(self, result: DocumentResult) -> None:
        self.inner.write(result)
        for a in result.articles:
            if len(self.articles) < self.keep:
                self.articles.append(a.to_dict(with_text=True))


def _engine_run(inputs: tuple[str, ...], sink: Sink, settings: dict[str, Any],
                dedup: Any = None, progress: Any = None, engine: str = "local",
                ray_address: str | None = None, ray_output: Path | None = None
                ) -> RunSummary:
    if engine == "local":
        return run(inputs, sink, settings, dedup, progress=progress)
    from dossier.engines.raydata import run_ray

    return run_ray(inputs, sink, settings, dedup, progress=progress, address=ray_address,
                   output=ray_output)


def _progress_run(inputs: tuple[str, ...], sink: Sink, settings: dict[str, Any],
                  dedup: Any = None, **engine: Any) -> RunSummary:
    """Run with a progress bar over input files on a terminal (plain run otherwise)."""
    if not err.is_terminal:
        return _engine_run(inputs, sink, settings, dedup, **engine)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from dossier.ingest import expand_inputs

    files = [f for f in expand_inputs(inputs) if isinstance(f, Path)]
    done: set[str] = set()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[name]}"), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(files) or None, name="")

        def tick(source: str) -> None:
            if source not in done:
                done.add(source)
                bar.update(task, completed=len(done) - 1, name=Path(source).name)

        summary = _engine_run(inputs, sink, settings, dedup, progress=tick, **engine)
        bar.update(task, completed=len(files))
    return summary


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@settings_options
@engine_options
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(inputs: tuple[str, ...], db: Path | None, config: Path | None,
           assignments: tuple[str, ...], published: str | None, gazetteer: tuple[Path, ...],
           workers: int | None, engine: str, ray_address: str | None,
           ray_output: Path | None, as_json: bool) -> None:
    """Read INPUTS (files, directories, globs) into the store.

    Text dumps are cleaned and split into articles; HTML, WARC, JSON Lines, Parquet
    and feeds give one article per page/record/row/item. Re-ingesting an input adds nothing.

    Example: dossier ingest examples/huffpost-china-dump.txt --db news.duckdb

    On Ray: dossier ingest news/ --engine ray [--ray-address auto]
    """
    from dossier.store import Store

    settings = _settings(config, assignments, published, gazetteer, workers)
    path = db or default_db_path()
    with Store(path, write_batch=int(settings["write_batch"])) as store:
        store.start_run(list(inputs))
        dedup = store.deduplicator(float(settings["near_duplicate_threshold"]),
                                   int(settings["minhash_permutations"]),
                                   int(settings["dedup_window"]))
        sink = _Collect(store)
        summary = _progress_run(inputs, sink, settings, dedup, engine=engine,
                                ray_address=ray_address, ray_output=ray_output)
        store.finish_run(summary)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        _print_summary(summary, sink.articles, path)
    if summary.errors or summary.unanalysed:
        sys.exit(1)


class _JsonlSink(Sink):
    def write(self, result: DocumentResult) -> None:
        out = sys.stdout
        for rec in result.records():
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format.")
@settings_options
@engine_options
def extract(inputs: tuple[str, ...], fmt: str, config: Path | None,
            assignments: tuple[str, ...], published: str | None,
            gazetteer: tuple[Path, ...], workers: int | None, engine: str,
            ray_address: str | None, ray_output: Path | None) -> None:
    """Run the pipeline on INPUTS without a store; one JSON record per line on stdout.

    Problems go to stderr, one line per file.

    Example: dossier extract examples/huffpost-china-dump.txt --published 2024-05-16
    """
    settings = _settings(config, assignments, published, gazetteer, workers)
    summary = _engine_run(inputs, _JsonlSink(), settings, engine=engine,
                          ray_address=ray_address, ray_output=ray_output)
    for p in summary.problems:
        err.print(escape(f"{p.severity}: {p.source}: {p.message}"), soft_wrap=True)
    if summary.errors:
        sys.exit(1)


def _open_store(db: Path | None) -> Any:
    from dossier.store import Store

    return Store(db or default_db_path(), read_only=True)


@main.command()
@db_option
@click.option("--source", help="Only articles whose source path contains this.")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before.")
@click.option("--search", help="Only articles whose text or title contains this.")
@click.option("--language", help="Only articles in this language (ISO 639-1).")
@click.option("--no-duplicates", is_flag=True, help="Leave out duplicates.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def articles(db: Path | None, source: str | None, since: str | None, until: str | None,
             search: str | None, language: str | None, no_duplicates: bool, limit: int,
             as_json: bool) -> None:
    """List stored articles.

    Example: dossier articles --search Taiwan --limit 10
    """
    with _open_store(db) as store:
        rows = list(store.articles(source=source, since=since, until=until, search=search,
                                   language=language, include_duplicates=not no_duplicates,
                                   limit=limit, with_text=True))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    t = Table(box=None, header_style="bold")
    for col in ("id", "source", "span", "published", "lang", "opening", "dup of"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["id"], Path(r["source"]).name, f"{r['start']}–{r['end']}",
                  r["published"] or "", r["language"] or "",
                  (r.get("title") or r["text"][:60]).replace("\n", " "), r["duplicate_of"] or "")
    Console(highlight=False).print(t)


@main.command()
@db_option
@click.option("--reason", help="Only this reason (ad-marker, consent-notice, embed-echo, …).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def dropped(db: Path | None, reason: str | None, as_json: bool) -> None:
    """List the spans dropped from the text, with the reason.

    Example: dossier dropped --reason consent-notice
    """
    with _open_store(db) as store:
        rows = list(store.dropped(reason=reason))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    t = Table(box=None, header_style="bold")
    for col in ("source", "span", "reason", "text"):
        t.add_column(col)
    for r in rows:
        t.add_row(Path(r["source"]).name, f"{r['start']}–{r['end']}", r["reason"],
                  r["text"][:80])
    Console(highlight=False).print(t)


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt",
                                                   "plover", "parquet-dataset"]),
              default="jsonl", show_default=True,
              help="gdelt: GDELT 2.0-style event TSV; plover: PLOVER JSON Lines of events; "
              "parquet-dataset: every table into a folder, partitioned by month.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file (a folder for parquet-dataset) [default: stdout; "
              "required for parquet].")
@click.option("--kind", type=click.Choice(["all", "articles", "dropped", "mentions", "quotes",
                                           "events"]),
              default="all",
              show_default=True, help="Which records.")
def export_cmd(db: Path | None, fmt: str, output: Path | None, kind: str) -> None:
    """Export stored records (the same records `dossier extract` writes).

    Example: dossier export --format parquet -o articles.parquet --kind articles

    A store past one file: dossier export --format parquet-dataset -o news-dataset/
    """
    from dossier.store.export import export, export_dataset

    if fmt == "parquet" and output is None:
        raise click.UsageError("Parquet is binary: give -o FILE.parquet")
    if fmt == "parquet-dataset" and (output is None or output.is_file()):
        raise click.UsageError("parquet-dataset writes a folder: give -o DIR")
    if fmt != "parquet-dataset" and output is not None and output.is_dir():
        raise click.UsageError(f"{output} is a folder: give a file name")
    with _open_store(db) as store:
        if fmt == "parquet-dataset":
            assert output is not None
            counts = export_dataset(store, output)
            err.print(f"wrote {', '.join(f'{n} {t}' for t, n in counts.items())} to {output}/")
            return
        if fmt in ("gdelt", "plover"):
            from dossier.store.export import export_events

            if output is None:
                n = export_events(store, fmt, sys.stdout)  # type: ignore[arg-type]
            else:
                with output.open("w", encoding="utf-8") as fh:
                    n = export_events(store, fmt, fh)  # type: ignore[arg-type]
        else:
            n = export(store, fmt, output, kind)  # type: ignore[arg-type]
    if output is not None:
        err.print(f"wrote {n} record(s) to {output}")


@main.command()
@db_option
@click.option("--country", help="CAMEO/ISO3 country code, e.g. GBR.")
@click.option("--sector", help="CAMEO sector code, e.g. GOV, SPY, MED.")
@click.option("--type", "type_", type=click.Choice(["person", "org", "state", "bloc"]))
@click.option("--limit", type=int, default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def actors(db: Path | None, country: str | None, sector: str | None, type_: str | None,
           limit: int, as_json: bool) -> None:
    """The most mentioned actors in the store.

    Example: dossier actors --type person --country GBR
    """
    with _open_store(db) as store:
        rows = store.actors(country=country, sector=sector, type_=type_, limit=limit)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    t = Table(box=None, header_style="bold")
    for col in ("actor", "type", "code", "qid", "mentions", "articles", "via"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["name"], r["type"], r["code"] or "", r["qid"] or "", str(r["mentions"]),
                  str(r["articles"]), ", ".join(sorted(r["via"])))
    Console(highlight=False).print(t)


@main.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
def actor(name: str, db: Path | None, as_json: bool) -> None:
    """Who NAME is (roles, aliases, QID) and where the store mentions it.

    Example: dossier actor Putin
    """
    from dossier.actors.gazetteer import load_gazetteer

    g = load_gazetteer()
    known = g.by_name(name) or g.by_surname(name)
    with _open_store(db) as store:
        ids = [a.id for a in known] or [r["actor_id"] for r in store.actors(name=name, limit=5)]
        stats = [r for i in ids for r in store.actors(name=i, limit=1) if r["actor_id"] == i]
        articles = {i: sorted({m["article_id"] for m in store.mentions(actor_id=i)}) for i in ids}
    if not ids:
        raise click.ClickException(f"no actor called {name!r} in the gazetteer or the store")
    out = []
    for i in ids:
        a = g.actors.get(i)
        st = next((s for s in stats if s["actor_id"] == i), None)
        out.append({
            "actor_id": i, "name": a.name if a else (st or {}).get("name"),
            "qid": a.qid if a else None, "type": a.type if a else (st or {}).get("type"),
            "aliases": list(a.aliases) if a else [],
            "roles": [{"role": r.role, "title": r.title, "country": r.country,
                       "start": str(r.start) if r.start else None,
                       "end": str(r.end) if r.end else None} for r in (a.roles if a else [])],
            "mentions": (st or {}).get("mentions", 0), "articles": articles[i],
        })
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    con = Console(highlight=False)
    for o in out:
        con.print(f"[bold]{o['name']}[/] ({o['actor_id']}, {o['type']}"
                  + (f", {o['qid']}" if o["qid"] else "") + ")")
        if o["aliases"]:
            con.print("  also: " + ", ".join(o["aliases"]))
        for r in o["roles"]:
            con.print(f"  {r['title'] or r['role']}: {r['start'] or '?'} – {r['end'] or 'now'}")
        con.print(f"  {o['mentions']} mention(s) in {len(o['articles'])} article(s)")


@main.command()
@db_option
@click.option("--speaker", help="Speaker: actor id or part of the name.")
@click.option("--about", help="An actor mentioned in the quote, or words in it.")
@click.option("--since", metavar="YYYY-MM-DD", help="Articles published on or after.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def quotes(db: Path | None, speaker: str | None, about: str | None, since: str | None,
           limit: int, as_json: bool) -> None:
    """Who said what: stored quotes, newest articles first.

    Example: dossier quotes --speaker Sunak --about China
    """
    with _open_store(db) as store:
        rows = list(store.quotes(speaker=speaker, about=about, since=since, limit=limit))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    t = Table(box=None, header_style="bold")
    for col in ("speaker", "type", "tense", "quote", "published"):
        t.add_column(col)
    for r in rows:
        t.add_row((r["speaker"] or {}).get("name", "?"), r["quote_type"], r["tense"],
                  r["text"][:90].replace("\n", " "), r["published"] or "")
    Console(highlight=False).print(t)


@main.command()
@db_option
@click.option("--source-actor", help="Source: CAMEO code prefix (RUS, GBRGOV), actor id or name.")
@click.option("--target-actor", help="Target: CAMEO code prefix, actor id or name.")
@click.option("--root", help="CAMEO root code, e.g. 11 (disapprove) or 04 (consult).")
@click.option("--since", metavar="YYYY-MM-DD", help="Events dated on or after.")
@click.option("--include-negated", is_flag=True, help="Also events the text negates.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
def events(db: Path | None, source_actor: str | None, target_actor: str | None,
           root: str | None, since: str | None, include_negated: bool, limit: int,
           as_json: bool) -> None:
    """Who did what to whom: CAMEO-coded events, newest first.

    Example: dossier events --source-actor CHN --root 04
    """
    with _open_store(db) as store:
        rows = list(store.events(source_actor=source_actor, target_actor=target_actor,
                                 root=root, since=since, include_negated=include_negated,
                                 limit=limit))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    t = Table(box=None, header_style="bold")
    for col in ("date", "source", "code", "event", "target", "trigger", "modality"):
        t.add_column(col)
    from dossier.events.codes import cameo

    for r in rows:
        t.add_row(r["date"] or "", (r["source_actor"] or {}).get("code") or "?", r["code"],
                  cameo()[r["code"]].name[:28], (r["target_actor"] or {}).get("code") or "?",
                  r["trigger"]["text"], r["modality"] + (" (negated)" if r["negated"] else ""))
    Console(highlight=False).print(t)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where browser-made collections and uploads go [default: per-user data dir].")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the derived search index goes [default: per-user cache dir].")
@click.option("--query-timeout", type=float, default=5.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@settings_options
def serve(db: Path | None, host: str, port: int, data_dir: Path | None, cache_dir: Path | None,
          query_timeout: float, config: Path | None, assignments: tuple[str, ...],
          published: str | None, gazetteer: tuple[Path, ...], workers: int | None) -> None:
    """Start the web app over the store (opened read-only); see docs/web.md.

    Settings apply to files ingested from the browser.

    Example: dossier serve --db news.duckdb --port 8000
    """
    import uvicorn

    from dossier.web.app import create_app

    settings = _settings(config, assignments, published, gazetteer, workers)
    path = db or default_db_path()
    if not path.exists():
        err.print(f"[yellow]no store at {path}[/]: serving browser-made collections only")
    app = create_app(path if path.exists() else None, data_dir, cache_dir, query_timeout,
                     settings)
    if path.exists():
        err.print("checking the search index (built once per store change) …")
        app.state.registry.get("main")
    err.print(f"Dossier on http://{host}:{port}/ (store {path}, read-only)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("settings")
def settings_cmd() -> None:
    """List every setting with its default and what it does.

    Example: dossier settings
    """
    t = Table(box=None, header_style="bold")
    for col in ("name", "default", "help"):
        t.add_column(col)
    for s in SETTINGS:
        t.add_row(s.name, repr(s.default), s.help)
    Console(highlight=False).print(t)
