"""Build the held-out synthetic HTML extraction gold set from ANT Corpus articles.

Usage:
    python eval/build_html_heldout.py \
        --antcorpus ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \
        --out eval/data/html_heldout

The held-out set is built like ``eval/data/html_synthetic`` (same renderer, same gold format,
same gold-by-construction rules), from the templates of ``eval/templates_heldout/``: site
layouts that the extractor was never developed against. It is used only to measure, never
to tune. This script calls ``eval/build_html_gold.py`` as a library and adds three things:

- its own seed and category quota, and it leaves out every ANT document of the existing
  sets (the sample corpus in ``examples/``, the text-dump sets and ``html_synthetic``);
- paginated article pages (template META ``"paginate": true``): the page shows only the
  first part of the article, and the gold holds only the paragraphs on the page;
- author archive pages (kind ``section``, META ``"archive": "author"``): the main heading is
  the author's name.

Only the Python standard library is needed. The output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import build_html_gold as g  # noqa: E402

SEED = 20170601
TEMPLATES = HERE / "templates_heldout"
PAGES_PER_ARTICLE_TEMPLATE = 8
PAGES_PER_OTHER_TEMPLATE = 4
# How many article pages take their text from each ANT category (sums to 8 templates x 8).
# After html_synthetic, few clean texts are left in the small categories (economy, culture
# and technology have 3 each), hence more local news than there.
CATEGORY_QUOTA = {
    "localNews": 24,
    "internationalNews": 10,
    "society": 9,
    "politic": 7,
    "sport": 6,
    "diverse": 3,
    "economy": 2,
    "culture": 2,
    "technology": 1,
}
# The ANT documents behind the pages of eval/data/html_synthetic (96 articles, 5 videos).
# The sample corpus (examples/) and the text-dump sets are already left out by
# build_html_gold.usable (SAMPLE_MAX_ID, USED_ELSEWHERE).
# fmt: off
HTML_SYNTHETIC_DOCNOS = frozenset([
    "JA-culture-1-20170120", "JA-culture-102-20160502", "JA-culture-59-20160119",
    "JA-culture-73-20170327", "JA-culture-76-20170327", "JA-diverse-18-20170113",
    "JA-diverse-181-20170315", "JA-diverse-254-20170407", "JA-diverse-29-20170106",
    "JA-diverse-41-09062016", "JA-diverse-459-20170614", "JA-diverse-473-20170619",
    "JA-diverse-59-22092016", "JA-diverse-6-20170119", "JA-economy-140-20151225",
    "JA-economy-183-20170319", "JA-economy-198-20150806", "JA-economy-268-20161011",
    "JA-economy-61-20170204", "JA-economy-7-20170114", "JA-economy-93-20160527",
    "JA-internationalNews-1080-20150923", "JA-internationalNews-206-20150807",
    "JA-internationalNews-219-20160917", "JA-internationalNews-228-20150812",
    "JA-internationalNews-335-20170221", "JA-internationalNews-341-20160619",
    "JA-internationalNews-342-20170115", "JA-internationalNews-365-20170111",
    "JA-internationalNews-506-20170313", "JA-internationalNews-605-20161216",
    "JA-internationalNews-679-20150923", "JA-internationalNews-752-20170424",
    "JA-internationalNews-820-20170427", "JA-internationalNews-853-20150209",
    "JA-internationalNews-946-20160612", "JA-localNews-1193-20170110",
    "JA-localNews-1228-20170214", "JA-localNews-1454-20170218", "JA-localNews-1519-20170113",
    "JA-localNews-1925-20150822", "JA-localNews-2128-20170303", "JA-localNews-2870-20151202",
    "JA-localNews-3030-20170107", "JA-localNews-3032-20150706", "JA-localNews-3062-20170117",
    "JA-localNews-311-16012017", "JA-localNews-3118-20170331", "JA-localNews-3152-20160226",
    "JA-localNews-3299-20160420", "JA-localNews-3710-20170425", "JA-localNews-3781-20170502",
    "JA-localNews-3943-20170512", "JA-localNews-398-20170131", "JA-localNews-4647-20170615",
    "JA-localNews-4691-20170613", "JA-localNews-4777-20161117", "JA-localNews-538-18102015",
    "JA-localNews-584-03012017", "JA-localNews-593-22112016", "JA-localNews-821-20151006",
    "JA-localNews-995-20161209", "JA-politic-149-20161116", "JA-politic-152-20150807",
    "JA-politic-178-20150704", "JA-politic-204-20160826", "JA-politic-215-20160111",
    "JA-politic-222-20150519", "JA-politic-242-20160919", "JA-politic-279-20161102",
    "JA-politic-285-20131029", "JA-politic-290-20170330", "JA-politic-320-20150420",
    "JA-politic-396-20150201", "JA-society-1070-20161123", "JA-society-1078-20170620",
    "JA-society-121-24102016", "JA-society-143-20150315", "JA-society-204-20161109",
    "JA-society-23-20170113", "JA-society-268-20161214", "JA-society-309-20161125",
    "JA-society-594-20170313", "JA-society-616-20161101", "JA-society-637-20170315",
    "JA-society-744-20161220", "JA-society-990-20170531", "JA-sport-1104-20170503",
    "JA-sport-134-20170131", "JA-sport-149-20170201", "JA-sport-236-20170207",
    "JA-sport-272-20170208", "JA-sport-518-20161028", "JA-sport-532-20170101",
    "JA-sport-754-20170310", "JA-sport-898-20170318", "JA-sport-917-20161216",
    "JA-technology-11-20161207", "JA-technology-15-20161201", "JA-technology-20-20161102",
    "JA-technology-33-20170209",
])
# fmt: on


def usable(doc: g.Doc) -> bool:
    return g.usable(doc) and doc.docno not in HTML_SYNTHETIC_DOCNOS


def assign_articles(
    metas: list[dict[str, Any]], corpus: g.Corpus, rng: random.Random
) -> dict[str, list[g.Doc]]:
    """Spread the categories over the article templates, as build_html_gold does.

    cp1256 templates get texts that encode in cp1256; templates with ``min_paragraphs``
    get texts that long. The pickiest templates choose first.
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

    def picky(meta: dict[str, Any]) -> tuple[bool, bool]:
        return (not meta.get("min_paragraphs"), meta.get("encoding") != "windows-1256")

    out: dict[str, list[g.Doc]] = {}
    for meta in sorted(article_metas, key=picky):
        name, need = meta["template"], int(meta.get("min_paragraphs", 0))
        cp1256 = meta.get("encoding") == "windows-1256"

        def fits(d: g.Doc, need: int = need, cp1256: bool = cp1256) -> bool:
            return len(d.paragraphs) >= need and (not cp1256 or g.cp1256_ok(d))

        out[name] = []
        for _ in range(PAGES_PER_ARTICLE_TEMPLATE):
            # the first remaining slot whose category still has a text that fits
            found = next(
                ((j, d) for j, cat in enumerate(slots) for d in pools[cat] if fits(d)), None
            )
            if found is None:
                raise ValueError(f"{name}: no text left that fits")
            j, doc = found
            pools[slots.pop(j)].remove(doc)
            out[name].append(doc)
    return out


def paginate(ctx: dict[str, Any], gold: dict[str, Any]) -> None:
    """Keep the first part of the body on this page (at least 3 paragraphs, 2 left over)."""
    blocks = ctx["a"]["blocks"]
    p_at = [i for i, b in enumerate(blocks) if b["type"] == "p"]
    keep = max(3, (len(p_at) + 1) // 2)
    if len(p_at) - keep < 2:
        raise ValueError(f"{gold['antcorpus_docno']}: too short to split into pages")
    cut = p_at[keep - 1] + 1
    ctx["a"]["blocks"] = blocks[:cut]
    ctx["a"]["rest"] = blocks[cut:]
    gold["paragraphs"] = [b["text"] for b in blocks[:cut] if b["type"] in ("p", "sub")]
    gold["subheadings"] = [b["text"] for b in blocks[:cut] if b["type"] == "sub"]


def author_archive_page(
    meta: dict[str, Any], n: int, corpus: g.Corpus, rng: random.Random
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Context and gold of an author archive: the author's heading and a list of posts."""
    author = meta["archive_authors"][n % len(meta["archive_authors"])]
    anchor = rng.choice([d for d in corpus.docs if d.day.year == 2017 and d.clock])
    when = g.date_forms(anchor.day, g.clock_for(anchor, rng))
    page_id = rng.randint(10000, 99999)
    docs = corpus.near(anchor.day, int(meta.get("archive_items", 12)), rng, set())
    docs.sort(key=lambda d: (d.day, d.clock or "", d.docno), reverse=True)
    url = f"{meta['base']}/author/{author['slug']}/"
    ctx = {
        "site": meta,
        "n": n,
        "author": author,
        "items": [g.item(meta, d, rng) for d in docs],
        "page": {
            "title": author["name"],
            "url": url,
            "when": when,
            "section": None,
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
        "title": author["name"],
        "authors": [],
        "published": None,
        "date_shown": True,
        "site_name": meta.get("site_name"),
        "section": None,
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
    # documents already on a page here or in html_synthetic are not used again (video pages)
    taken: set[str] = {d.docno for docs in plan.values() for d in docs} | HTML_SYNTHETIC_DOCNOS
    args.out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for meta in metas:
        name = meta["template"]
        page_rng = random.Random(f"{SEED}-{name}")
        if meta["kind"] == "article":
            jobs = []
            for i, doc in enumerate(plan[name]):
                ctx, gold = g.article_page(meta, doc, corpus, page_rng, taken)
                if meta.get("paginate"):
                    paginate(ctx, gold)
                jobs.append((i, (ctx, gold)))
        elif meta.get("archive") == "author":
            jobs = [
                (i, author_archive_page(meta, i, corpus, page_rng))
                for i in range(PAGES_PER_OTHER_TEMPLATE)
            ]
        else:
            jobs = [
                (i, g.other_page(meta, i, corpus, page_rng, taken))
                for i in range(PAGES_PER_OTHER_TEMPLATE)
            ]
        for i, (ctx, gold) in jobs:
            page = templates[name].render({**ctx, "tojson": tojson})
            g.finish(page, gold, page_rng)
            stem = f"{name}_{i + 1:02d}"
            encoding = "cp1256" if gold["encoding"] == "windows-1256" else "utf-8"
            (args.out / f"{stem}.html").write_bytes(page.encode(encoding, "xmlcharrefreplace"))
            (args.out / f"{stem}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            key = f"{name} ({gold['kind']})"
            counts[key] = counts.get(key, 0) + 1
    for key, value in counts.items():
        print(f"{value:3d}  {key}")
    print(f"{sum(counts.values()):3d}  pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
