"""The ``dossier`` command: thin shells over the library.

Exit status: 0 when every input was read; 1 when some input could not be read
(the rest of the batch is still processed and stored) or a document was stored
without its analysis (the NLP failed on it); 2 for usage errors (unknown option,
bad setting or filter value, store that cannot be opened); 130 after Ctrl-C; 141
when the reader of our output went away (``| head``).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape

from dossier import __version__
from dossier.errors import DossierError
from dossier.settings import SETTINGS, default_db_path, load_settings, parse_assignments
from dossier.terminal import (
    DATE_HELP,
    CameoRoot,
    Code,
    DateParam,
    Heartbeat,
    clip,
    limit_option,
    print_table,
    say_empty,
)

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it, not by --help
    from dossier.pipeline import RunSummary, Sink
    from dossier.sinks import Collect

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
    """Turns library errors and bad values into one-line messages with exit status 2,
    Ctrl-C into 130 and a closed output pipe into a quiet 141 (128 + SIGPIPE)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            value = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return value
        except DossierError as exc:
            raise _UsageProblem(str(exc)) from exc
        except click.UsageError as exc:
            sub = exc.ctx.command_path if exc.ctx else "dossier"
            raise _UsageProblem(f"{exc.format_message()} (see `{sub} --help`)") from exc
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise click.exceptions.Exit(141) from None


def _quiet_stdout() -> None:
    """Whoever read our output has gone: send what is left to /dev/null so that
    Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test runner's buffer)
        pass


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dossier")
def main() -> None:
    """Dossier: turn raw news into articles, actors, quotes and events, each with
    the character span it came from.

    Example: dossier ingest examples/huffpost-china-dump.txt
    """


def _print_summary(summary: RunSummary, sink: Collect, db: Path | None) -> None:
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"[bold]{summary.articles} article(s)[/] from {summary.documents} document(s) "
              f"in {len(summary.files)} file(s)"
              + (f"; {summary.already_stored} document(s) already in the store"
                 if summary.already_stored else "")
              + (f"; {summary.repeated} given more than once, read once"
                 if summary.repeated else ""))
    width = max(40, out.width - 6)
    for i, a in enumerate(sink.articles, 1):
        opening = clip(a.get("title") or a["text"], width)
        dup = f" duplicate of {a['duplicate_of']}" if a.get("duplicate_of") else ""
        out.print(escape(f"{i:>3}. {Path(a['source']).name} {a['start']}–{a['end']}"
                         f" ({a.get('language') or '?'}){dup}\n     {opening}"))
    for line in _language_lines(sink.not_analysed, sink.model_lang):
        out.print(f"[yellow]{escape(line)}[/]")
    if summary.mentions or summary.quotes or summary.events or sink.negated:
        negated = (f", plus {sink.negated} negated (shown by `dossier events "
                   "--include-negated`; exports keep them)" if sink.negated else "")
        out.print(f"{summary.mentions} actor mention(s), {summary.quotes} quote(s), "
                  f"{summary.events} event(s){negated} (see `dossier actors`, "
                  "`dossier quotes`, `dossier events`).")
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
        out.print(f"Store: {escape(str(db))}")


def _language_lines(counts: Counter[str], model_lang: str) -> list[str]:
    """"1 article in French: not analysed — English only for now", one per language."""
    from babel import Locale

    names = Locale("en").languages
    model = names.get(model_lang, model_lang)
    return [f"{n} article{'s' if n > 1 else ''} in {names.get(code, code)}: not analysed — "
            f"{model} only for now" for code, n in counts.most_common()]


def _engine_run(inputs: tuple[str, ...], sink: Sink, settings: dict[str, Any],
                dedup: Any = None, progress: Any = None, engine: str = "local",
                ray_address: str | None = None, ray_output: Path | None = None
                ) -> RunSummary:
    if engine == "local":
        from dossier.pipeline import run

        return run(inputs, sink, settings, dedup, progress=progress)
    from dossier.engines.raydata import run_ray

    return run_ray(inputs, sink, settings, dedup, progress=progress, address=ray_address,
                   output=ray_output)


# seconds between progress lines when stderr is not a terminal
PROGRESS_EVERY = float(os.environ.get("DOSSIER_PROGRESS_SECONDS") or 10)


def _progress_run(label: str, inputs: tuple[str, ...], sink: Collect,
                  settings: dict[str, Any], dedup: Any = None, **engine: Any) -> RunSummary:
    """Run with a progress bar over input files on a terminal; elsewhere (a log, a
    pipe) one progress line on stderr every PROGRESS_EVERY seconds."""
    from dossier.ingest import expand_inputs

    files = [f for f in expand_inputs(inputs) if isinstance(f, Path)]
    if not err.is_terminal:
        with Heartbeat(label, len(files), PROGRESS_EVERY, written=lambda: sink.written) as hb:
            return _engine_run(inputs, sink, settings, dedup, progress=hb.tick, **engine)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    done: set[str] = set()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[name]}"), console=err, transient=True) as bar:
        task = bar.add_task(label, total=len(files) or None, name="")

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
    from dossier.sinks import Collect
    from dossier.store import Store

    settings = _settings(config, assignments, published, gazetteer, workers)
    path = db or default_db_path()
    with Store(path, write_batch=int(settings["write_batch"])) as store:
        store.start_run(list(inputs))
        dedup = store.deduplicator(float(settings["near_duplicate_threshold"]),
                                   int(settings["minhash_permutations"]),
                                   int(settings["dedup_window"]))
        sink = Collect(store, settings)
        summary = _progress_run("ingest", inputs, sink, settings, dedup, engine=engine,
                                ray_address=ray_address, ray_output=ray_output)
        store.finish_run(summary)
    if as_json:
        click.echo(json.dumps(sink.summary_dict(summary), ensure_ascii=False))
    else:
        _print_summary(summary, sink, path)
    if summary.errors or summary.unanalysed:
        sys.exit(1)


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
    from dossier.sinks import Collect, JsonlSink

    settings = _settings(config, assignments, published, gazetteer, workers)
    summary = _progress_run("extract", inputs, Collect(JsonlSink(), settings, keep=0),
                            settings, engine=engine, ray_address=ray_address,
                            ray_output=ray_output)
    for p in summary.problems:
        err.print(escape(f"{p.severity}: {p.source}: {p.message}"), soft_wrap=True)
    if summary.errors:
        sys.exit(1)


def _open_store(db: Path | None, min_confidence: float | None = None) -> Any:
    """The store, read-only, with the confidence floor of its views: the given one,
    else the ``min_confidence`` setting (the user's settings file, else the default)."""
    from dossier.store import Store

    if min_confidence is None:
        min_confidence = float(load_settings()["min_confidence"])
    return Store(db or default_db_path(), read_only=True, min_confidence=min_confidence)


def confidence_options(f: Any) -> Any:
    """--min-confidence and --all, shared by the commands that list quotes or events."""
    f = click.option("--all", "everything", is_flag=True,
                     help="Every record: also those below the confidence floor and "
                     "quotes of beliefs.")(f)
    return click.option("--min-confidence", type=click.FloatRange(0, 1),
                        help="Hide quotes and events below this confidence [default: the "
                        "min_confidence setting].")(f)


def _floor(min_confidence: float | None, everything: bool) -> float | None:
    return 0.0 if everything else min_confidence


def table_options(f: Any) -> Any:
    """--json and --wide, shared by the listing commands."""
    f = click.option("--wide", is_flag=True, help="Whole cell texts (lines as long as they "
                     "need) instead of fitting the terminal's width.")(f)
    return click.option("--json", "as_json", is_flag=True,
                        help="JSON Lines instead of a table.")(f)


def _echo_json(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False))


@main.command()
@db_option
@click.option("--source", help="Only articles whose source path contains this.")
@click.option("--since", type=DateParam(), help=f"Published on or after: {DATE_HELP}.")
@click.option("--until", type=DateParam(end=True), help="Published on or before (same forms).")
@click.option("--search", help="Only articles whose text or title contains this.")
@click.option("--language", type=Code("ISO 639-1 language", (2,), "en, fr", lower=True),
              help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--no-duplicates", is_flag=True, help="Leave out duplicates.")
@limit_option(50)
@table_options
def articles(db: Path | None, source: str | None, since: str | None, until: str | None,
             search: str | None, language: str | None, no_duplicates: bool, limit: int,
             as_json: bool, wide: bool) -> None:
    """List stored articles.

    Example: dossier articles --search Taiwan --since "last month" --limit 10
    """
    with _open_store(db) as store:
        rows = list(store.articles(source=source, since=since, until=until, search=search,
                                   language=language, include_duplicates=not no_duplicates,
                                   limit=limit, with_text=True))
    if as_json:
        return _echo_json(rows)
    if not rows:
        return say_empty("articles", {"source": source, "since": since, "until": until,
                                      "search": search, "language": language})
    dups = any(r["duplicate_of"] for r in rows)
    print_table(("id", "published", "lang", "source", "span", "opening")
                + (("duplicate of",) if dups else ()),
                [(r["id"], r["published"] or "", r["language"] or "", Path(r["source"]).name,
                  f"{r['start']}–{r['end']}", r.get("title") or r["text"])
                 + ((r["duplicate_of"] or "",) if dups else ()) for r in rows],
                flex="opening", shrink=("source",), wide=wide)


@main.command()
@db_option
@click.option("--reason", help="Only this reason (ad-marker, consent-notice, embed-echo, …).")
@table_options
def dropped(db: Path | None, reason: str | None, as_json: bool, wide: bool) -> None:
    """List the spans dropped from the text, with the reason.

    Example: dossier dropped --reason consent-notice
    """
    with _open_store(db) as store:
        rows = list(store.dropped(reason=reason))
    if as_json:
        return _echo_json(rows)
    if not rows:
        return say_empty("dropped spans", {"reason": reason})
    print_table(("source", "span", "reason", "text"),
                [(Path(r["source"]).name, f"{r['start']}–{r['end']}", r["reason"], r["text"])
                 for r in rows], flex="text", shrink=("source",), wide=wide)


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
@confidence_options
def export_cmd(db: Path | None, fmt: str, output: Path | None, kind: str,
               min_confidence: float | None, everything: bool) -> None:
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
    with _open_store(db, _floor(min_confidence, everything)) as store:
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
            n = export(store, fmt, output, kind,  # type: ignore[arg-type]
                       everything=everything)
    if output is not None:
        err.print(f"wrote {n} record(s) to {output}")


@main.command()
@db_option
@click.option("--country", type=Code("country", (3,), "GBR, CHN"),
              help="CAMEO/ISO3 country code, e.g. GBR.")
@click.option("--sector", type=Code("sector", (3,), "GOV, SPY, MED"),
              help="CAMEO sector code, e.g. GOV, SPY, MED.")
@click.option("--type", "type_", type=click.Choice(["person", "org", "state", "bloc", "region"]))
@limit_option(30)
@table_options
def actors(db: Path | None, country: str | None, sector: str | None, type_: str | None,
           limit: int, as_json: bool, wide: bool) -> None:
    """The most mentioned actors in the store.

    Example: dossier actors --type person --country GBR
    """
    with _open_store(db) as store:
        rows = store.actors(country=country, sector=sector, type_=type_, limit=limit or None)
    if as_json:
        return _echo_json(rows)
    if not rows:
        return say_empty("actors", {"country": country, "sector": sector, "type": type_})
    print_table(("actor", "type", "code", "qid", "mentions", "articles", "via"),
                [(r["name"] or r["actor_id"], r["type"] or "", r["code"] or "", r["qid"] or "",
                  str(r["mentions"]), str(r["articles"]), ", ".join(sorted(r["via"])))
                 for r in rows], flex="via", wide=wide)


@main.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
def actor(name: str, db: Path | None, as_json: bool) -> None:
    """Who NAME is (roles in date order, aliases, QID), how often the store mentions
    it and in which articles. NAME is an actor id or part of a name, matched
    literally (case aside).

    Example: dossier actor Putin
    """
    from dossier.gazetteer import load_gazetteer

    g = load_gazetteer()
    known = g.by_name(name) or g.by_surname(name)
    with _open_store(db) as store:
        ids = [a.id for a in known] or [r["actor_id"] for r in store.actors(name=name, limit=5)]
        stats = [r for i in ids for r in store.actors(name=i, limit=1) if r["actor_id"] == i]
        articles = {i: sorted({m["article_id"] for m in store.mentions(actor_id=i)}) for i in ids}
        arts = {a["id"]: a for a in store.articles(
            ids=sorted({a for found in articles.values() for a in found}), with_text=True)}
    for i, found in articles.items():  # newest first
        articles[i] = sorted(found, key=lambda a: arts.get(a, {}).get("published") or "",
                             reverse=True)
    if not ids:
        raise click.ClickException(f"no actor called {name!r} in the gazetteer or the store")
    out = []
    for i in ids:
        a = g.actors.get(i)
        st = next((s for s in stats if s["actor_id"] == i), None)
        roles = sorted(a.roles if a else [], key=lambda r: (r.start or r.end or date.min,
                                                            r.end or date.max))
        out.append({
            "actor_id": i, "name": a.name if a else (st or {}).get("name"),
            "qid": a.qid if a else None, "type": a.type if a else (st or {}).get("type"),
            "aliases": list(a.aliases) if a else [],
            "roles": [{"role": r.role, "title": r.title, "country": r.country,
                       "start": str(r.start) if r.start else None,
                       "end": str(r.end) if r.end else None} for r in roles],
            "mentions": (st or {}).get("mentions", 0), "articles": articles[i],
        })
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    con = Console(highlight=False, soft_wrap=True)
    for o in out:
        con.print(f"[bold]{escape(o['name'] or o['actor_id'])}[/] ({o['actor_id']}, {o['type']}"
                  + (f", {o['qid']}" if o["qid"] else "") + ")")
        if o["aliases"]:
            con.print("  also: " + escape(", ".join(o["aliases"])))
        for r in o["roles"]:
            con.print(escape(f"  {r['title'] or r['role']}: {r['start'] or '?'} – "
                             f"{r['end'] or 'now'}"))
        con.print(f"  {o['mentions']} mention(s) in {len(o['articles'])} article(s)"
                  + (":" if o["articles"] else ""))
        for aid in o["articles"]:
            art = arts.get(aid, {})
            con.print(escape(f"    {aid}  {art.get('published') or '????-??-??'}  "
                             + clip(art.get("title") or art.get("text") or "",
                                    max(20, con.width - 36))))


@main.command()
@db_option
@click.option("--speaker", help="Speaker: actor id or part of the name (matched literally).")
@click.option("--about", help="An actor mentioned in the quote, or words in it.")
@click.option("--since", type=DateParam(), help=f"Articles published on or after: {DATE_HELP}.")
@limit_option(50)
@confidence_options
@table_options
def quotes(db: Path | None, speaker: str | None, about: str | None, since: str | None,
           limit: int, min_confidence: float | None, everything: bool, as_json: bool,
           wide: bool) -> None:
    """Who said what: stored quotes, newest articles first.

    Example: dossier quotes --speaker Sunak --about China --since 2024-05
    """
    with _open_store(db, _floor(min_confidence, everything)) as store:
        rows = list(store.quotes(speaker=speaker, about=about, since=since, limit=limit,
                                 beliefs=everything))
    if as_json:
        return _echo_json(rows)
    if not rows:
        return say_empty("quotes", {"speaker": speaker, "about": about, "since": since})
    print_table(("speaker", "type", "tense", "quote", "published"),
                [((r["speaker"] or {}).get("name") or "?", r["quote_type"], r["tense"],
                  r["text"], r["published"] or "") for r in rows], flex="quote",
                shrink=("speaker",), wide=wide)


@main.command()
@db_option
@click.option("--source-actor", help="Source: CAMEO code prefix (RUS, GBRGOV), actor id or name.")
@click.option("--target-actor", help="Target: CAMEO code prefix, actor id or name.")
@click.option("--root", type=CameoRoot(),
              help="CAMEO root code 01-20, e.g. 11 (disapprove) or 04 (consult).")
@click.option("--since", type=DateParam(), help=f"Events dated on or after: {DATE_HELP}.")
@click.option("--include-negated", is_flag=True, help="Also events the text negates.")
@limit_option(50)
@confidence_options
@table_options
def events(db: Path | None, source_actor: str | None, target_actor: str | None,
           root: str | None, since: str | None, include_negated: bool, limit: int,
           min_confidence: float | None, everything: bool, as_json: bool, wide: bool) -> None:
    """Who did what to whom: CAMEO-coded events, newest first.

    Example: dossier events --source-actor CHN --root 04
    """
    with _open_store(db, _floor(min_confidence, everything)) as store:
        rows = list(store.events(source_actor=source_actor, target_actor=target_actor,
                                 root=root, since=since, include_negated=include_negated,
                                 limit=limit))
    if as_json:
        return _echo_json(rows)
    if not rows:
        return say_empty("events", {"source_actor": source_actor, "target_actor": target_actor,
                                    "root": root, "since": since})
    from dossier.events.codes import cameo

    print_table(("date", "source", "code", "event", "target", "trigger", "modality"),
                [(r["date"] or "", (r["source_actor"] or {}).get("code") or "?", r["code"],
                  cameo()[r["code"]].name.capitalize(),
                  (r["target_actor"] or {}).get("code") or "?", r["trigger"]["text"],
                  r["modality"] + (" (negated)" if r["negated"] else "")) for r in rows],
                flex="event", wide=wide)


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
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (the local names and --host "
              "always work); repeatable; '*' for any.")
@settings_options
def serve(db: Path | None, host: str, port: int, data_dir: Path | None, cache_dir: Path | None,
          query_timeout: float, allow_hosts: tuple[str, ...], config: Path | None,
          assignments: tuple[str, ...], published: str | None, gazetteer: tuple[Path, ...],
          workers: int | None) -> None:
    """Start the web app over the store (opened read-only); see docs/web.md.

    Settings apply to files ingested from the browser.

    Example: dossier serve --db news.duckdb --port 8000
    """
    import uvicorn

    from dossier.web.app import create_app, server_options
    from dossier.web.guard import allowed_hosts

    settings = _settings(config, assignments, published, gazetteer, workers)
    path = db or default_db_path()
    if not path.exists():
        err.print(f"[yellow]no store at {path}[/]: serving browser-made collections only")
    app = create_app(path if path.exists() else None, data_dir, cache_dir, query_timeout,
                     settings, hosts=allowed_hosts(host, allow_hosts))
    if path.exists():
        err.print("checking the search index (built once per store change) …")
        app.state.registry.get("main")
    err.print(f"Dossier on http://{host}:{port}/ (store {path}, read-only)")
    uvicorn.run(app, **server_options(host, port))


@main.command("settings")
def settings_cmd() -> None:
    """List every setting with its default and what it does.

    Example: dossier settings
    """
    from rich.table import Table  # (only here: ~0.01 s of every other command's start)

    t = Table(box=None, header_style="bold")
    for col in ("name", "default", "help"):
        t.add_column(col)
    for s in SETTINGS:
        t.add_row(s.name, repr(s.default), s.help)
    Console(highlight=False).print(t)
