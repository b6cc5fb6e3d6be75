"""Build the third development set of synthetic HTML extraction gold from ANT Corpus articles.

Usage:
    python eval/build_html_dev3.py \
        --antcorpus ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \
        --out eval/data/html_dev3

Same renderer, gold format and gold-by-construction rules as ``eval/data/html_dev2`` (it
calls ``build_html_gold.py`` and ``build_html_dev2.py`` as libraries), from the templates of
``eval/templates_dev3/``: nineteen more layouts, written to test how the rules carry over to
structures the other sets lack: paragraphs as <div>s or <br>-separated text, <time>
elements in related cards, Hijri date lines, a dateline paragraph, an h1 with a kicker, no
h1 at all, headlines cut short in JSON-LD, unpunctuated paragraphs, bullet lists, long
consent banners, embedded tweets, opinion columns with author notes and story cards,
interviews, full-sentence photo captions, an XHTML page with an XML declaration, articles
that declare a VideoObject and an ItemList, a timestamped news ticker beside an article,
and tag, video, section and live pages whose URL does not say what they are. It is a
development set, small on purpose (four pages per article template, three per other
template), and it leaves out every ANT document of the other sets. The first runs of
Marsad on each batch of templates are recorded in ``eval/README.md``.

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

import build_html_dev2 as dev2  # noqa: E402
import build_html_gold as g  # noqa: E402

SEED = 20170612
TEMPLATES = HERE / "templates_dev3"
PAGES_PER_ARTICLE_TEMPLATE = 4
PAGES_PER_OTHER_TEMPLATE = 3
#: Questions an interviewer asks, put before paragraphs by templates with META "interview".
QUESTIONS = [
    "ما هو تقييمكم للوضع الحالي؟",
    "كيف تردون على الانتقادات الموجهة إليكم؟",
    "ما هي أولوياتكم في المرحلة المقبلة؟",
    "هل تتوقعون تغييرا قريبا؟",
    "وماذا عن موقف الأطراف الأخرى؟",
]


def taken_elsewhere() -> set[str]:
    """ANT documents of every other set (their gold files' docno lines only)."""
    paths = sorted((HERE / "data" / "html_dev2").glob("*.gold.json"))
    return set(dev2.EXCLUDED) | dev2.docnos_in(paths)


def assign_articles(
    metas: list[dict[str, Any]], corpus: g.Corpus, rng: random.Random, excluded: set[str]
) -> dict[str, list[g.Doc]]:
    """Texts of at least three paragraphs, categories taken in turn."""
    names = [m["template"] for m in metas if m["kind"] == "article"]
    pools = {
        c: [d for d in docs if g.usable(d) and d.docno not in excluded and len(d.paragraphs) >= 3]
        for c, docs in sorted(corpus.by_category.items())
    }
    for pool in pools.values():
        rng.shuffle(pool)
    categories = [c for c in sorted(pools) if pools[c]]
    out: dict[str, list[g.Doc]] = {n: [] for n in names}
    turn = 0
    for name in names:
        while len(out[name]) < PAGES_PER_ARTICLE_TEMPLATE:
            pool = pools[categories[turn % len(categories)]]
            turn += 1
            if pool:
                out[name].append(pool.pop())
    return out


def interview(ctx: dict[str, Any], rng: random.Random, k: int) -> None:
    """Put k questions ("س: …؟") before paragraphs (not the first): they are body text."""
    blocks = ctx["a"]["blocks"]
    p_at = [i for i, b in enumerate(blocks) if b["type"] == "p"][1:]
    spots = sorted(rng.sample(p_at, min(k, len(p_at))), reverse=True)
    for spot, question in zip(spots, rng.sample(QUESTIONS, len(spots)), strict=True):
        blocks.insert(spot, {"type": "p", "text": f"س: {question}", "question": True})


def hide_kind_in_url(ctx: dict[str, Any], gold: dict[str, Any], meta: dict[str, Any]) -> None:
    """Non-article pages at addresses that do not say what they are."""
    page = ctx["page"]
    if gold["kind"] == "tag":
        url = f"{meta['base']}/hashtag/{g.slug_enc(page['title'])}"
    elif gold["kind"] == "section":
        url = f"{meta['base']}/{g.CATEGORY_SLUG.get(str(page['section']), 'news')}"
    elif gold["kind"] == "video":
        url = f"{meta['base']}/media/{page['id']}/{g.slug_enc(page['title'])}"
    else:
        url = f"{meta['base']}/news/{page['id']}/{page['when']['yyyy']}-coverage"
    page["url"] = gold["url"] = url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--antcorpus", required=True, type=Path, help="antcorpus_v1.1_articles.tar.gz"
    )
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    args = parser.parse_args(argv)

    corpus = g.Corpus(g.read_corpus(args.antcorpus))
    loaded = [g.load_template(p) for p in sorted(TEMPLATES.glob("*.html.j2"))]
    metas = [m for m, _ in loaded]
    templates = {m["template"]: t for m, t in loaded}
    rng = random.Random(SEED)
    excluded = taken_elsewhere()
    plan = assign_articles(metas, corpus, rng, excluded)
    taken = {d.docno for docs in plan.values() for d in docs} | excluded
    args.out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for meta in metas:
        name = meta["template"]
        page_rng = random.Random(f"{SEED}-{name}")
        jobs = []
        if meta["kind"] == "article":
            for i, doc in enumerate(plan[name]):
                ctx, gold = g.article_page(meta, doc, corpus, page_rng, taken)
                if meta.get("interview"):
                    interview(ctx, page_rng, int(meta["interview"]))
                dev2.regold(ctx, gold)
                jobs.append((i, ctx, gold))
        else:
            for i in range(PAGES_PER_OTHER_TEMPLATE):
                ctx, gold = g.other_page(meta, i, corpus, page_rng, taken)
                hide_kind_in_url(ctx, gold, meta)
                jobs.append((i, ctx, gold))
        for i, ctx, gold in jobs:
            page = templates[name].render({**ctx, **dev2.HELPERS})
            g.finish(page, gold, page_rng)
            if meta.get("strip_full_stops"):  # the page prints paragraphs without their "."
                for key in ("paragraphs", "must_include"):
                    gold[key] = [text.rstrip(".") for text in gold[key]]
            if gold["antcorpus_docno"]:
                used.add(gold["antcorpus_docno"])
            stem = f"{name}_{i + 1:02d}"
            (args.out / f"{stem}.html").write_text(page, encoding="utf-8")
            (args.out / f"{stem}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    dev2.check_no_overlap(used)
    print(f"{len(list(args.out.glob('*.gold.json')))} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
