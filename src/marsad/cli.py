"""The ``marsad`` command line: thin, calls the same functions as the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from marsad.analysis import default_pipeline, parse_date
from marsad.config import Settings, load_settings
from marsad.errors import MarsadError
from marsad.model import AnalyzedArticle
from marsad.pipeline import Dropped
from marsad.record import to_record
from marsad.report import LANGUAGE_NAMES, print_article
from marsad.sources import read_sources

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news in, searchable political knowledge out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class _Consoles:
    """Where output goes: records and summaries to stdout, messages to stderr."""

    def __init__(self) -> None:
        self.out = Console(highlight=False)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    def error(self, message: str) -> None:
        self.err.print(f"[bold red]marsad: error:[/bold red] {message}", highlight=False)

    def warn(self, message: str) -> None:
        self.err.print(f"[yellow]marsad: warning:[/yellow] {message}", highlight=False)


@contextmanager
def _user_errors(consoles: _Consoles) -> Iterator[None]:
    """Turn Marsad's and the OS's errors into one clear line and exit code 2."""
    try:
        yield
    except MarsadError as exc:
        consoles.error(str(exc))
        raise typer.Exit(2) from None
    except OSError as exc:
        consoles.error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        raise typer.Exit(2) from None


def _settings(**overrides: object) -> Settings:
    return load_settings({k: v for k, v in overrides.items() if v is not None})


def _write(line: str) -> None:
    sys.stdout.write(line + "\n")


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(help="Text dump, HTML page, JSONL file, directory, or - for stdin."),
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON record (an array for several).")
    ] = False,
    as_jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Print one JSON record per line.")
    ] = False,
) -> None:
    """Analyse text dumps, HTML pages or JSONL documents into article records."""
    consoles = _Consoles()
    if as_json and as_jsonl:
        consoles.error("choose one of --json and --jsonl")
        raise typer.Exit(2)
    with _user_errors(consoles):
        settings = _settings()
        date = parse_date(published)
        pipeline = default_pipeline(home_country=settings.home_country)
        records: list[dict[str, object]] = []
        analysed = dropped = 0
        for item in read_sources(paths, settings=settings, published=date):
            result = item if isinstance(item, Dropped) else pipeline.process(item)
            if isinstance(result, Dropped):
                dropped += 1
                consoles.warn(f"skipped {result.input}: {result.reason}")
                continue
            assert isinstance(result, AnalyzedArticle)
            analysed += 1
            _warn_language(consoles, result)
            if as_jsonl:
                _write(json.dumps(to_record(result), ensure_ascii=False))
            elif as_json:
                records.append(to_record(result))
            else:
                print_article(consoles.out, result)
        if as_json and records:
            _write(
                json.dumps(
                    records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2
                )
            )
    if dropped and (analysed == 0 or not (as_json or as_jsonl)):
        consoles.err.print(f"{analysed} analysed, {dropped} skipped")
    if analysed == 0:
        raise typer.Exit(1)


def _warn_language(consoles: _Consoles, result: AnalyzedArticle) -> None:
    language = result.article.language
    if language != "ar":
        name = LANGUAGE_NAMES.get(language or "und", language)
        consoles.warn(
            f"{result.article.input} does not look like Arabic (language: {language}, {name}); "
            "Marsad's analysis is built for Arabic"
        )


@app.command()
def demo(
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus directory (default: the bundled sample).")
    ] = None,
    db: Annotated[
        str | None, typer.Option(help="Store path (default: $MARSAD_DB or ./marsad.db).")
    ] = None,
) -> None:
    """Analyse the bundled sample corpus into the store and summarise what was found."""
    from marsad.demo import run_demo

    consoles = _Consoles()
    with _user_errors(consoles):
        stored = run_demo(consoles.out, _settings(db=db), corpus)
    if stored == 0:
        consoles.error("no article could be analysed")
        raise typer.Exit(1)


eval_app = typer.Typer(help="Score Marsad's components against gold sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("textdumps")
def eval_textdumps(
    gold: Annotated[Path, typer.Argument(help="Directory of NAME.txt + NAME.gold.json pairs.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score the text-dump line classifier; the last line is f1=… (body lines)."""
    from marsad.evaluation.textdumps import score_directory

    consoles = _Consoles()
    with _user_errors(consoles):
        report = score_directory(gold)
    data = report.as_dict()
    if as_json:
        _write(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _write(f"dumps={data['dumps']} exact={data['exact_dumps']}")
        _write(f"body precision={report.precision:.3f} recall={report.recall:.3f}")
        for name, accuracy in data["fields"].items():
            _write(f"{name} accuracy={accuracy:.3f}")
        for name, errors in data["errors"].items():
            _write(f"  {name}: {json.dumps(errors, ensure_ascii=False)}")
    _write(f"f1={report.f1:.3f}")


@eval_app.command("dates")
def eval_dates(
    gold: Annotated[Path, typer.Argument(help="A gold .jsonl file or a directory of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score date and quantity resolution; the last line is accuracy=…"""
    from marsad.evaluation.dates import score_file

    consoles = _Consoles()
    with _user_errors(consoles):
        report = score_file(gold)
    if as_json:
        _write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    _write(report.summary())


@eval_app.command("ner")
def eval_ner(
    gold: Annotated[Path, typer.Argument(help="A CoNLL file: token TAG per line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    by_sentence: Annotated[
        bool,
        typer.Option("--by-sentence", help="Tag sentence by sentence, not whole articles."),
    ] = False,
) -> None:
    """Score the NER model (CoNLL entity level, per type); the last line is f1=…

    Articles (cut at datelines) are tagged as wholes, as Marsad tags articles; with
    --by-sentence every sentence is tagged alone.
    """
    from marsad.entities.ner import NerTagger
    from marsad.evaluation.ner import score_file

    consoles = _Consoles()
    with _user_errors(consoles):
        report = score_file(gold, NerTagger.load(), by_article=not by_sentence)
    if as_json:
        _write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    _write(report.format())


_JSON_OPTION = typer.Option("--json", help="Print the report and its errors as JSON.")
_ERRORS_OPTION = typer.Option("--errors", help="List the wrong, missed and spurious items.")


def _write_report(report: Any, as_json: bool, errors: bool) -> None:
    """Print a scorer report with ``errors``: JSON, error lines, then its summary lines."""
    if as_json:
        data = {**report.as_dict(), "errors": report.errors}
        _write(json.dumps(data, ensure_ascii=False, indent=2))
    if errors:
        for error in report.errors:
            _write(json.dumps(error, ensure_ascii=False))
    _write(report.format())


@eval_app.command("linking")
def eval_linking(
    gold: Annotated[Path, typer.Argument(help="Linking gold: JSONL articles or a seed gold JSON.")],
    as_json: Annotated[bool, _JSON_OPTION] = False,
    errors: Annotated[bool, _ERRORS_OPTION] = False,
) -> None:
    """Score entity linking; the last line is accuracy=… (over detected mentions)."""
    from marsad.entities.linking import ActorLinker
    from marsad.evaluation.linking import score_file

    with _user_errors(_Consoles()):
        report = score_file(gold, ActorLinker.load())
    _write_report(report, as_json, errors)


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(help="Event gold: JSONL sentences or a seed gold JSON.")],
    as_json: Annotated[bool, _JSON_OPTION] = False,
    errors: Annotated[bool, _ERRORS_OPTION] = False,
    home_country: Annotated[
        str | None,
        typer.Option("--home-country", help="ISO alpha-3 of the outlets' country (TUN)."),
    ] = None,
) -> None:
    """Score event coding per PLOVER type; the last line is f1=… (type + source + target)."""
    from marsad.evaluation.events import score_file

    with _user_errors(_Consoles()):
        report = score_file(gold, home_country=home_country)
    _write_report(report, as_json, errors)


@eval_app.command("extraction")
def eval_extraction(
    gold: Annotated[list[Path], typer.Argument(help="Directories of NAME.html + NAME.gold.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score HTML extraction; the last line is f1=… (mean body-token F1 over articles)."""
    from marsad.evaluation.extraction import evaluate, load_pages, marsad_extractor

    consoles = _Consoles()
    with _user_errors(consoles):
        summary = evaluate(marsad_extractor(), load_pages(gold)).summary()
    if as_json:
        _write(json.dumps(summary, indent=2))
    else:
        for key, value in summary.items():
            if key != "f1":
                _write(f"{key}={value}")
    _write(f"f1={summary['f1']:.3f}")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSONL, or - for stdin.")],
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON record per line.")] = False,
) -> None:
    """Extract articles only (no analysis): one record per document, drops on stderr."""
    consoles = _Consoles()
    with _user_errors(consoles):
        settings = _settings()
        pipeline = default_pipeline(["extract", "language", "record"], skip_non_arabic=True)
        extracted = 0
        for item in read_sources(paths, settings=settings):
            result = item if isinstance(item, Dropped) else pipeline.process(item)
            if isinstance(result, Dropped):
                consoles.warn(f"skipped {result.input}: {result.reason}")
                continue
            assert isinstance(result, AnalyzedArticle)
            extracted += 1
            record = to_record(result)
            if as_jsonl:
                _write(json.dumps(record, ensure_ascii=False))
            else:
                _write(json.dumps(record, ensure_ascii=False, indent=2))
    if extracted == 0:
        raise typer.Exit(1)


@app.command()
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, directories, JSONL, or - for stdin.")
    ],
    db: Annotated[
        str | None,
        typer.Option(help="Store: a SQLite path or postgresql:// URL (default: $MARSAD_DB)."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for documents without one.")
    ] = None,
) -> None:
    """Analyse documents into the store (safe to run again: an article is stored once)."""
    from marsad.ingest import ingest as run_ingest
    from marsad.store import open_store

    consoles = _Consoles()
    with _user_errors(consoles):
        settings = _settings(db=db)
        items = read_sources(sources, settings=settings, published=parse_date(published))
        pipeline = default_pipeline(skip_non_arabic=True, home_country=settings.home_country)
        with open_store(settings.db) as store:
            stats = run_ingest(items, pipeline, store, console=consoles.err, sources=sources)
    consoles.err.print(
        f"{stats.analysed} analysed, {stats.added} new, {stats.updated} updated, "
        f"{stats.unchanged} unchanged in {_where(settings.db)} (now {stats.stored_after}), "
        f"{sum(stats.dropped.values())} dropped"
    )
    for reason, count in stats.dropped.most_common(10):
        consoles.err.print(f"  dropped {count}: {reason}")
    if stats.analysed == 0:
        raise typer.Exit(1)


def _where(db: str) -> str:
    """The store named for messages (a PostgreSQL URL without its password)."""
    from marsad.store.postgres import redact

    return redact(db)


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "phrases", OR, -word, source: section: entity: type: since: until:'
        ),
    ],
    db: Annotated[
        str | None,
        typer.Option(help="Store: a SQLite path or postgresql:// URL (default: $MARSAD_DB)."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Most hits shown.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
) -> None:
    """Search the stored articles (Arabic full text, ranked, with highlighted snippets)."""
    from dataclasses import asdict

    from rich.table import Table

    from marsad.store import open_store

    consoles = _Consoles()
    with _user_errors(consoles):
        settings = _settings(db=db)
        _require_store(settings.db)
        with open_store(settings.db) as store:
            hits = store.search(query, limit=limit)
    if as_json:
        _write(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        consoles.err.print("no articles match")
        raise typer.Exit(1)
    table = Table(title=f"{len(hits)} hits for {query}", show_lines=True)
    for column in ("#", "date", "title / snippet", "source", "id"):
        table.add_column(column, overflow="fold")
    for i, hit in enumerate(hits, 1):
        table.add_row(
            str(i), hit.published or "", _hit_cell(hit), hit.source or hit.section or "", hit.id
        )
    consoles.out.print(table)


def _hit_cell(hit: Any) -> Any:
    """The title in bold over the snippet, its matched words highlighted."""
    import re

    from rich.text import Text

    cell = Text(hit.title or "", style="bold")
    cell.append("\n")
    for i, part in enumerate(re.split(r"\[([^\[\]]*)\]", hit.snippet)):
        cell.append(part, style="bold yellow" if i % 2 else "")
    return cell


def _require_store(db: str) -> None:
    """Searching a SQLite file that does not exist would create an empty one: refuse."""
    from marsad.store import POSTGRES_PREFIXES

    if not db.startswith(POSTGRES_PREFIXES):
        path = Path(db.removeprefix("sqlite:///").split("?", 1)[0])
        if not path.exists():
            raise MarsadError(f"no store at {path}: run `marsad ingest … --db {db}` first")


db_app = typer.Typer(help="Manage the store.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    db: Annotated[
        str | None,
        typer.Option(help="Store: a SQLite path or postgresql:// URL (default: $MARSAD_DB)."),
    ] = None,
) -> None:
    """Apply the store's pending schema migrations (opening a store also applies them)."""
    from marsad.store import open_store

    consoles = _Consoles()
    with _user_errors(consoles):
        settings = _settings(db=db)
        with open_store(settings.db) as store:
            before = getattr(store, "upgraded_from", None)
            now = store.version()
    where = _where(settings.db)
    if before is None:
        consoles.err.print(f"{where} is up to date (store version {now})")
    elif before == 0:
        consoles.err.print(f"{where} created at store version {now}")
    else:
        consoles.err.print(f"{where} upgraded from store version {before} to {now}")


@app.command()
def version() -> None:
    """Print Marsad's version."""
    from marsad import __version__

    _write(__version__)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("marsad: interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(0) from None


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="WARC/WARC.gz, JSONL, HTML/text dirs.")],
    out: Annotated[Path, typer.Option("--out", help="Output directory (Parquet + stats).")],
    engine: Annotated[
        str, typer.Option("--engine", help="local (processes) or spark (PySpark).")
    ] = "local",
    workers: Annotated[int, typer.Option("--workers", help="Processes or Spark cores.")] = 1,
    master: Annotated[
        str | None, typer.Option("--master", help="Spark master URL (default local[N]).")
    ] = None,
    files_per_shard: Annotated[
        int, typer.Option("--files-per-shard", help="Files of a directory per shard.")
    ] = 200,
) -> None:
    """Analyse many documents into Parquet by publication date; a rerun skips finished shards."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from marsad.batch import run_local, run_spark

    consoles = _Consoles()
    if engine not in ("local", "spark"):
        consoles.error(f"unknown engine {engine!r}; choose local or spark")
        raise typer.Exit(2)
    with _user_errors(consoles):
        settings = _settings()
        if engine == "spark":
            report = run_spark(
                inputs,
                out,
                settings,
                master=master,
                workers=workers,
                files_per_shard=files_per_shard,
            )
        else:
            with Progress(
                TextColumn("[bold]shards"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=consoles.err,
                transient=True,
            ) as bar:
                task = bar.add_task("shards", total=None)
                report = run_local(
                    inputs,
                    out,
                    settings,
                    workers=workers,
                    files_per_shard=files_per_shard,
                    progress=lambda _stats: bar.advance(task),
                )
    dropped = ", ".join(f"{r}: {n}" for r, n in report.dropped.most_common(5)) or "none"
    consoles.err.print(
        f"{report.planned} shards ({report.skipped} already done): {report.seen} documents, "
        f"{report.kept} analysed into {out}; dropped: {dropped}"
    )
    if report.seen and not report.kept:
        raise typer.Exit(1)
