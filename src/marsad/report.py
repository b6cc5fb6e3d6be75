"""Readable summaries for people: one analysed article, and a whole run."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from marsad.model import AnalyzedArticle
from marsad.pipeline import Pipeline

LANGUAGE_NAMES = {
    "ar": "العربية",
    "fa": "الفارسية",
    "ur": "الأردية",
    "ckb": "الكردية",
    "en": "الإنجليزية",
    "fr": "الفرنسية",
    "und": "غير محددة",
}


def print_article(console: Console, analyzed: AnalyzedArticle) -> None:
    """An Arabic summary of one analysed article."""
    art = analyzed.article
    console.rule(f"[bold]{art.title or '(بلا عنوان)'}")
    rows = [
        ("المدخل", art.input),
        ("القسم", art.section or "—"),
        ("المصدر", art.source or "—"),
        ("الكاتب", "، ".join(art.authors) or "—"),
        ("تاريخ النشر", art.published.isoformat() if art.published else "—"),
        ("اللغة", LANGUAGE_NAMES.get(art.language or "und", art.language or "—")),
        (
            "المحتوى",
            f"{len(art.paragraphs)} فقرة · {len(art.subheadings)} عنوان فرعي · "
            f"{len(art.text.split())} كلمة",
        ),
        (
            "التحليل",
            f"{len(analyzed.entities)} كيان · {len(analyzed.events)} حدث · "
            f"{len(analyzed.times)} تاريخ · {len(analyzed.quantities)} عدد · "
            f"{len(analyzed.quotes)} اقتباس",
        ),
    ]
    for label, value in rows:
        console.print(f"[bold]{label}:[/bold] {value}", markup=True, highlight=False)
    for heading in art.subheadings:
        console.print(f"  [cyan]## {heading}[/cyan]", highlight=False)
    if art.removed:
        console.print(f"[bold]أسطر محذوفة ({len(art.removed)}):[/bold]")
        for removed in art.removed:
            console.print(
                f"  [dim]✗[/dim] {removed.text}  [dim]← {removed.reason}[/dim]", highlight=False
            )
    _print_entities(console, analyzed)
    _print_events(console, analyzed)


#: How many entities and events the readable summary lists.
SUMMARY_ITEMS = 12


def _print_entities(console: Console, analyzed: AnalyzedArticle) -> None:
    ranked = sorted(analyzed.entities, key=lambda e: -len(e.mentions))[:SUMMARY_ITEMS]
    if not ranked:
        return
    console.print(f"[bold]الكيانات الأكثر ذكرا ({len(analyzed.entities)}):[/bold]")
    for entity in ranked:
        codes = " · ".join(c for c in (entity.type, entity.key, entity.code) if c)
        english = f" ({entity.name_en})" if entity.name_en else ""
        console.print(
            f"  {entity.name}{english}  [dim]{codes} · {len(entity.mentions)}×[/dim]",
            highlight=False,
        )


def _print_events(console: Console, analyzed: AnalyzedArticle) -> None:
    ranked = sorted(analyzed.events, key=lambda e: -e.confidence)[:SUMMARY_ITEMS]
    if not ranked:
        return
    console.print(f"[bold]الأحداث ({len(analyzed.events)}، الأعلى ثقة):[/bold]")
    for event in sorted(ranked, key=lambda e: e.trigger.start):
        source = "، ".join(a.name for a in event.source) or "؟"
        target = "، ".join(a.name for a in event.target) or "—"
        console.print(
            f"  {event.type} [dim]{event.cameo or ''}[/dim] {source} → {target}"
            f"  [dim]«{event.trigger.text}» · {event.modality}[/dim]",
            highlight=False,
        )


def run_tables(pipeline: Pipeline, analyzed: list[AnalyzedArticle]) -> list[Table]:
    """Tables summarising a run: stage counters, content, entities and events."""
    stages = Table(title="Stages")
    for column in ("stage", "seen", "kept", "dropped", "failed", "seconds"):
        stages.add_column(column, justify="right" if column != "stage" else "left")
    for name, stats in pipeline.stats.items():
        dropped = ", ".join(f"{r}: {n}" for r, n in stats.dropped.most_common(3)) or "0"
        stages.add_row(
            name,
            str(stats.seen),
            str(stats.kept),
            dropped,
            str(stats.failed),
            f"{stats.seconds:.2f}",
        )

    def counter_table(title: str, counts: Counter[str], empty: str) -> Table:
        table = Table(title=title)
        table.add_column("value")
        table.add_column("count", justify="right")
        for value, count in counts.most_common(10):
            table.add_row(value, str(count))
        if not counts:
            table.add_row(empty, "—")
        return table

    sections = Counter(a.article.section or "—" for a in analyzed)
    languages = Counter(a.article.language or "und" for a in analyzed)
    removed = Counter(r.reason for a in analyzed for r in a.article.removed)
    # Linked actors, counted by the articles that mention them.
    entities = Counter(
        f"{e.name} · {e.type}" + (f" · {e.key}" if e.key else "")
        for a in analyzed
        for e in a.entities
        if e.id is not None
    )
    events = Counter(e.type for a in analyzed for e in a.events)
    times = Counter(t.granularity or "—" for a in analyzed for t in a.times)
    counted = Counter(q.what or q.unit or "—" for a in analyzed for q in a.quantities)
    return [
        stages,
        counter_table("Languages", languages, "none"),
        counter_table("Sections", sections, "none"),
        counter_table("Boilerplate removed, by reason", removed, "none"),
        counter_table("Dates and times, by granularity", times, "none found"),
        counter_table("Quantities, by what they count", counted, "none found"),
        counter_table("Top actors (articles)", entities, "none linked"),
        counter_table("Events by type", events, "none found (event coding not built yet)"),
    ]
