"""``marsad demo``: the README's main job on the bundled sample corpus."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console

from marsad.analysis import default_pipeline
from marsad.config import Settings
from marsad.errors import InputError
from marsad.ingest import ingest
from marsad.report import run_tables
from marsad.sources.files import read_inputs
from marsad.store import open_store


def sample_corpus() -> Path:
    """The bundled sample corpus: inside the installed package, or in a source checkout."""
    packaged = Path(str(resources.files("marsad"))) / "examples"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "examples"
    if checkout.is_dir():
        return checkout
    raise InputError("the sample corpus is missing: reinstall Marsad or pass --corpus DIR")


def run_demo(console: Console, settings: Settings, corpus: Path | None = None) -> int:
    """Analyse the corpus into the store and print a summary; returns articles analysed."""
    corpus = corpus or sample_corpus()
    pipeline = default_pipeline()
    items = list(read_inputs([str(corpus)], max_bytes=settings.max_document_bytes))
    with open_store(settings.db) as store:
        stats = ingest(items, pipeline, store, console=console, total=len(items), keep=True)
    analyzed = stats.articles
    duplicates = len(analyzed) - len({a.id for a in analyzed})
    dropped = sum(stats.dropped.values())
    console.print(
        f"[bold]{len(analyzed)}[/bold] articles analysed from {corpus}, {dropped} dropped"
        + (f", {duplicates} with the same text as another" if duplicates else "")
        + f"; the store {settings.db} now holds {stats.stored_after} articles."
    )
    for drop in stats.examples[:10]:
        console.print(f"  dropped {drop.input}: {drop.reason}", highlight=False)
    for table in run_tables(pipeline, analyzed):
        console.print(table)
    return len(analyzed)
