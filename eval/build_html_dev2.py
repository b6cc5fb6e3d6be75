"""Build the second development set of synthetic HTML extraction gold from ANT Corpus articles.

Usage:
    python eval/build_html_dev2.py \
        --antcorpus ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \
        --out eval/data/html_dev2

The set is built like ``eval/data/html_synthetic`` (same renderer, same gold format, same
gold-by-construction rules), from the templates of ``eval/templates_dev2/``: thirteen more
site layouts to develop against. It is a development set: tune on it freely. This script
calls ``eval/build_html_gold.py`` as a library and adds:

- its own seed and category quota; it leaves out every ANT document of the other sets (the
  sample corpus in ``examples/``, the text-dump sets, ``html_synthetic`` and ``html_heldout``);
- denser subheadings (META ``"subheadings_many": true``): about one subheading for every two
  paragraphs instead of one or two per article;
- pull quotes (META ``"pullquotes": k``): up to k ``quote`` blocks that repeat a sentence or
  clause of the paragraph above them; they are not in the gold body (they duplicate it);
- trimmed bodies (META ``"trim": rate``): on that share of the pages only the first part of
  the article is shown (at least three paragraphs, at least one left out; the JSON-LD
  ``articleBody`` still has all of it); the gold holds only the paragraphs shown;
- a "latest news" river (kind ``section``, META ``"river": true``): one day's timestamped
  headlines of every section, under the heading ``آخر الأخبار``.

Only the Python standard library is needed. The output is deterministic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import build_html_gold as g  # noqa: E402
from build_html_heldout import HTML_SYNTHETIC_DOCNOS  # noqa: E402

SEED = 20170322
TEMPLATES = HERE / "templates_dev2"
PAGES_PER_ARTICLE_TEMPLATE = 7
PAGES_PER_OTHER_TEMPLATE = 4
# How many article pages take their text from each ANT category (sums to 10 templates x 7).
# After html_synthetic and html_heldout, few clean texts are left outside local news (economy
# has none, culture one), hence the weight on localNews.
CATEGORY_QUOTA = {
    "localNews": 30,
    "society": 10,
    "internationalNews": 9,
    "politic": 7,
    "diverse": 6,
    "sport": 5,
    "technology": 2,
    "culture": 1,
}
RIVER_TITLE = "آخر الأخبار"
# The ANT documents behind the pages of eval/data/html_heldout (only its gold files' docnos
# were read). html_synthetic's are in build_html_heldout; the sample corpus (examples/) and
# the text-dump sets are left out by build_html_gold.usable (SAMPLE_MAX_ID, USED_ELSEWHERE).
# fmt: off
HTML_HELDOUT_DOCNOS = frozenset([
    "JA-culture-109-20170520", "JA-culture-91-20170414", "JA-diverse-136-20170301",
    "JA-diverse-22-20170110", "JA-diverse-26-20170109", "JA-economy-145-20160216",
    "JA-economy-164-20150309", "JA-economy-94-20161104", "JA-internationalNews-220-20161021",
    "JA-internationalNews-247-20160623", "JA-internationalNews-405-20161209",
    "JA-internationalNews-441-20151212", "JA-internationalNews-596-20140214",
    "JA-internationalNews-604-20161125", "JA-internationalNews-617-20161125",
    "JA-internationalNews-751-20170424", "JA-internationalNews-865-20170505",
    "JA-internationalNews-977-20170428", "JA-localNews-1125-20160115",
    "JA-localNews-1281-20170215", "JA-localNews-1359-20170216", "JA-localNews-1399-20160129",
    "JA-localNews-1550-20161223", "JA-localNews-1630-20161219", "JA-localNews-176-16012017",
    "JA-localNews-2044-20150219", "JA-localNews-2193-20150822", "JA-localNews-2298-20160914",
    "JA-localNews-2306-20161128", "JA-localNews-2438-20161208", "JA-localNews-2566-20151217",
    "JA-localNews-2898-20161202", "JA-localNews-3361-20170111", "JA-localNews-3795-20170324",
    "JA-localNews-4376-20161019", "JA-localNews-4660-20150311", "JA-localNews-480-06012016",
    "JA-localNews-486-20012017", "JA-localNews-540-09032016", "JA-localNews-651-20160203",
    "JA-localNews-855-20170206", "JA-localNews-868-20170207", "JA-localNews-94-20170124",
    "JA-politic-162-20161004", "JA-politic-173-20160820", "JA-politic-207-20150204",
    "JA-politic-268-20151120", "JA-politic-387-20151005", "JA-politic-388-20151102",
    "JA-politic-498-20170607", "JA-society-22-20170113", "JA-society-302-20170214",
    "JA-society-500-20161008", "JA-society-658-20170104", "JA-society-7-20170118",
    "JA-society-722-20170406", "JA-society-797-20170420", "JA-society-806-20160118",
    "JA-society-870-20170504", "JA-society-906-20170512", "JA-society-95-20170131",
    "JA-sport-1060-20170423", "JA-sport-1198-20170515", "JA-sport-1242-20170528",
    "JA-sport-246-20170119", "JA-sport-284-20170209", "JA-sport-821-20170314",
    "JA-technology-41-20140909"
])
# fmt: on
EXCLUDED = HTML_SYNTHETIC_DOCNOS | HTML_HELDOUT_DOCNOS


def usable(doc: g.Doc) -> bool:
    return g.usable(doc) and doc.docno not in EXCLUDED


def assign_articles(
    metas: list[dict[str, Any]], corpus: g.Corpus, rng: random.Random
) -> dict[str, list[g.Doc]]:
    """Spread the categories over the article templates, a page at a time, pickiest first.

    cp1256 templates get texts that encode in cp1256; templates with ``min_paragraphs``
    get texts that long.
    """
    article_metas = [m for m in metas if m["kind"] == "article"]
    slots = [c for c, k in CATEGORY_QUOTA.items() for _ in range(k)]
    if len(slots) != len(article_metas) * PAGES_PER_ARTICLE_TEMPLATE:
        raise ValueError("CATEGORY_QUOTA does not match the number of article templates")
    rng.shuffle(slots)
    pools = {c: [d for d in docs if usable(d)] for c, docs in corpus.by_category.items()}
    for pool in pools.values():
        rng.shuffle(pool)
        pool.sort(key=lambda d: len(d.paragraphs) < 4)  # longer articles first

    def picky(meta: dict[str, Any]) -> tuple[int, bool, str]:
        return (
            -int(meta.get("min_paragraphs", 0)),
            meta.get("encoding") != "windows-1256",
            meta["template"],
        )

    # round-robin, so that the few long texts spread over the templates
    order = sorted(article_metas, key=picky)
    out: dict[str, list[g.Doc]] = {m["template"]: [] for m in order}
    for _ in range(PAGES_PER_ARTICLE_TEMPLATE):
        for meta in order:
            name, need = meta["template"], int(meta.get("min_paragraphs", 0))
            cp1256 = meta.get("encoding") == "windows-1256"

            def fits(d: g.Doc, need: int = need, cp1256: bool = cp1256) -> bool:
                return len(d.paragraphs) >= need and (not cp1256 or g.cp1256_ok(d))

            found = next(
                ((j, d) for j, cat in enumerate(slots) for d in pools[cat] if fits(d)), None
            )
            if found is None:
                raise ValueError(f"{name}: no text left that fits")
            j, doc = found
            pools[slots.pop(j)].remove(doc)
            out[name].append(doc)
    return out


def regold(ctx: dict[str, Any], gold: dict[str, Any]) -> None:
    """Gold body and subheadings from the page's blocks."""
    blocks = ctx["a"]["blocks"]
    gold["paragraphs"] = [b["text"] for b in blocks if b["type"] in ("p", "sub")]
    gold["subheadings"] = [b["text"] for b in blocks if b["type"] == "sub"]


def more_subheadings(ctx: dict[str, Any], rng: random.Random) -> None:
    """About one subheading for every two paragraphs, never before the first paragraph."""
    blocks = [b for b in ctx["a"]["blocks"] if b["type"] != "sub"]
    p_at = [i for i, b in enumerate(blocks) if b["type"] == "p"]
    n = len(p_at)
    if n < 4:
        ctx["a"]["blocks"] = blocks
        return
    count = max(2, n // 2)
    spots = sorted(rng.sample(range(1, n), count))
    phrases = rng.sample(g.SUBHEADINGS, count)
    for spot, phrase in zip(reversed(spots), reversed(phrases), strict=True):
        blocks.insert(p_at[spot], {"type": "sub", "text": phrase})
    ctx["a"]["blocks"] = blocks


def pull_quotes(ctx: dict[str, Any], rng: random.Random, k: int) -> None:
    """Up to k pull quotes: a sentence or clause of a paragraph (not the first), set after it.

    The quote is a clause of 6-30 words that ends at punctuation and leaves at least 5 words of
    its paragraph out, or else the first 12-16 words of a paragraph of at least 20 words; so it
    is a substring of the paragraph but never all of it.
    """
    blocks = ctx["a"]["blocks"]
    cands = []
    for i, b in enumerate(blocks):
        if b["type"] != "p" or i == 0:
            continue
        total = len(b["text"].split())
        clauses = [c.strip(" ،:") for c in re.findall(r"[^.!؟?،:]+[.!؟?]?", b["text"])]
        good = [c for c in clauses if 6 <= len(c.split()) <= 30 and total - len(c.split()) >= 5]
        if good:
            cands.append((i, good[0]))
        elif total >= 20:  # one long sentence: quote its opening words
            cands.append((i, " ".join(b["text"].split()[: min(16, total - 8)])))
    chosen = sorted(rng.sample(cands, min(k, len(cands))), reverse=True)
    for i, text in chosen:
        blocks.insert(i + 1, {"type": "quote", "text": text})


def trim(ctx: dict[str, Any]) -> None:
    """Show only the first part of the body: half of the paragraphs, at least three."""
    blocks = ctx["a"]["blocks"]
    p_at = [i for i, b in enumerate(blocks) if b["type"] == "p"]
    if len(p_at) < 4:
        raise ValueError(f"{ctx['a']['docno']}: too short to trim")
    keep = max(3, len(p_at) // 2)
    ctx["a"]["blocks"] = blocks[: p_at[keep - 1] + 1]
    ctx["a"]["trimmed"] = True


def river_page(
    meta: dict[str, Any], n: int, corpus: g.Corpus, rng: random.Random
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A 'latest news' river: one busy day's headlines, newest first, with their times."""
    per_day: dict[dt.date, int] = {}
    for d in corpus.docs:
        if d.clock:
            per_day[d.day] = per_day.get(d.day, 0) + 1
    busy = sorted(day for day, count in per_day.items() if count >= 20)
    day = rng.choice(busy)
    day_docs = [d for d in corpus.docs if d.day == day and d.clock and 15 <= len(d.title) <= 110]
    day_docs.sort(key=lambda d: (d.clock or "", d.docno), reverse=True)
    picked = day_docs[: rng.randint(16, 20)]
    when = g.date_forms(day, picked[0].clock or "23:00")
    page_id = rng.randint(10000, 99999)
    url = f"{meta['base']}/latest?page=1"
    ctx = {
        "site": meta,
        "n": n,
        "items": [g.item(meta, d, rng) for d in picked],
        "page": {
            "title": RIVER_TITLE,
            "url": url,
            "when": when,
            "section": RIVER_TITLE,
            "id": page_id,
            "has_date": True,
        },
    }
    gold = {
        "kind": "section",
        "template": meta["template"],
        "antcorpus_docno": None,
        "url": url,
        "encoding": meta.get("encoding", "utf-8"),
        "title": RIVER_TITLE,
        "authors": [],
        "published": None,
        "date_shown": True,
        "site_name": meta.get("site_name"),
        "section": RIVER_TITLE,
        "tags": [],
        "subheadings": [],
        "paragraphs": [],
        "must_include": [],
        "must_exclude": [],
    }
    return ctx, gold


def tojson(value: Any) -> str:
    """JSON text for an HTML attribute (the renderer escapes it): parsely-page, data-*."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def epoch_ms(stamp: str) -> int:
    """Milliseconds since 1970 of an ISO timestamp with offset (Next.js page props)."""
    return int(dt.datetime.fromisoformat(stamp).timestamp()) * 1000


HELPERS = {"tojson": tojson, "epoch_ms": epoch_ms}


def docnos_in(paths: list[Path]) -> set[str]:
    """The ANT docnos named in files of the other sets (gold files: their docno lines only)."""
    found: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name.endswith(".gold.json"):
            text = "\n".join(ln for ln in text.splitlines() if '"antcorpus_docno"' in ln)
        found |= set(re.findall(r"JA-[A-Za-z]+-\d+-\d+", text))
    return found


def check_no_overlap(used: set[str]) -> None:
    """Fail if a document of this set is used by another set found in the repository."""
    data = HERE / "data"
    paths = sorted(p for p in (HERE.parent / "examples").glob("*") if p.is_file())
    for folder in ["html_synthetic", "html_heldout", *(p.name for p in data.glob("textdumps*"))]:
        paths += sorted((data / folder).glob("*.gold.json"))
    clash = used & docnos_in(paths)
    if clash:
        raise ValueError(f"documents used by another set: {sorted(clash)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--antcorpus", required=True, type=Path, help="antcorpus_v1.1_articles.tar.gz"
    )
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)

    corpus = g.Corpus(g.read_corpus(args.antcorpus))
    loaded = [g.load_template(p) for p in sorted(args.templates.glob("*.html.j2"))]
    metas = [m for m, _ in loaded]
    templates = {m["template"]: t for m, t in loaded}
    rng = random.Random(SEED)
    plan = assign_articles(metas, corpus, rng)
    # documents already on a page here or in another set are not used again (video pages)
    taken: set[str] = {d.docno for docs in plan.values() for d in docs} | EXCLUDED
    used: set[str] = set()
    args.out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for meta in metas:
        name = meta["template"]
        page_rng = random.Random(f"{SEED}-{name}")
        jobs: list[tuple[int, tuple[dict[str, Any], dict[str, Any]]]] = []
        if meta["kind"] == "article":
            for i, doc in enumerate(plan[name]):
                ctx, gold = g.article_page(meta, doc, corpus, page_rng, taken)
                if meta.get("subheadings_many"):
                    more_subheadings(ctx, page_rng)
                if meta.get("pullquotes"):
                    pull_quotes(ctx, page_rng, int(meta["pullquotes"]))
                ctx["a"]["trimmed"] = False
                if page_rng.random() < float(meta.get("trim", 0)):
                    trim(ctx)
                regold(ctx, gold)
                jobs.append((i, (ctx, gold)))
        elif meta.get("river"):
            jobs = [
                (i, river_page(meta, i, corpus, page_rng)) for i in range(PAGES_PER_OTHER_TEMPLATE)
            ]
        else:
            jobs = [
                (i, g.other_page(meta, i, corpus, page_rng, taken))
                for i in range(PAGES_PER_OTHER_TEMPLATE)
            ]
        for i, (ctx, gold) in jobs:
            page = templates[name].render({**ctx, **HELPERS})
            g.finish(page, gold, page_rng)
            if gold["antcorpus_docno"]:
                used.add(gold["antcorpus_docno"])
            stem = f"{name}_{i + 1:02d}"
            encoding = "cp1256" if gold["encoding"] == "windows-1256" else "utf-8"
            (args.out / f"{stem}.html").write_bytes(page.encode(encoding, "xmlcharrefreplace"))
            (args.out / f"{stem}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            key = f"{name} ({gold['kind']})"
            counts[key] = counts.get(key, 0) + 1
    check_no_overlap(used)
    for key, value in counts.items():
        print(f"{value:3d}  {key}")
    print(f"{sum(counts.values()):3d}  pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
