"""List candidate sentences for the event gold sets (the first, mechanical step).

Usage:
    python eval/data/events/mine_candidates.py --antcorpus PATH --set dev \
        --per-type 25 --no-event 100 --seed 6 > candidates.tsv
    python eval/data/events/mine_candidates.py --antcorpus PATH --set train \
        --round train --per-type 0 --quota AID=55 COOPERATE=75 --no-event 0 \
        --avoid round1.tsv --seed 21 > round2.tsv

Prints ``docno, sentence index, probe, sentence`` rows: for each PLOVER type up to
``--per-type`` sentences matching its trigger pattern, then ``--no-event`` random
sentences (probe ``NONE``). Every candidate was then read and annotated by hand; the
probe is only why a sentence was drawn, never its label. Articles are assigned to a
set by ``md5(docno) % 5`` (0 = heldout, else dev), so the two sets never share an
article. ``--set train`` draws from every article not used by dev.jsonl,
heldout.jsonl or the text-dump gold sets (and not in the ``--avoid`` candidate
lists); ``--round train``/``train2`` switch to the broader/narrower top-up patterns
used for the training set and add the economy section, ``--quota TYPE=N`` sets
per-type counts. Articles of examples/antcorpus-sample.jsonl and eval/data/linking/
are excluded. At most two sentences are drawn per article. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from build_events_gold import Article, load_articles

# Trigger patterns per type (the second, more targeted round; see README.md).
PROBES = {
    "AGREE": (
        r"اتفق|توصل(?:ت|ا)? (?:إلى|الى) اتفاق|وقع(?:ت|ا)? (?:على )?(?:اتفاق|مذكرة)"
        r"|تعهد|وافق(?:ت)? على|استعداد(?:ها|ه) ل|إمضاء"
    ),
    "CONSULT": r"التقى|استقبل|لقاء|زيارة|محادثات|اتصال(?:ا)? هاتفي|مباحثات|اجتمع|جلسة عمل",
    "SUPPORT": r"أشاد|ثمّن|ثمن |رحب|رحّب|هنأ|هنّأ|تضامن|مساندة|يساند|أيّد|دعمها",
    "CONCEDE": (
        r"استجاب|تراجع(?:ت)? (?:الحكومة|الوزارة|عن)|استقالته|تعليق الإضراب"
        r"|إلغاء قرار|فك الاعتصام|عفو|اعتذر"
    ),
    "COOPERATE": (
        r"تعاون (?:أمني|عسكري)|التعاون الأمني|تبادل المعلومات|مناورات|تسلمت"
        r"|التنسيق الأمني|تعاون(?:ا)? وثيق"
    ),
    "AID": r"مساعدات|هبة|منحة بقيمة|قرضا|قرض بقيمة|تبرع|معدات عسكرية|دعم مالي|بتمويل من",
    "RETREAT": (
        r"أطلق(?:ت)? سراح|الإفراج عن|إطلاق سراح|انسحاب (?:القوات|الجيش)|هدنة"
        r"|وقف إطلاق النار|رفع (?:الحظر|حالة الطوارئ)|أفرج"
    ),
    "REQUEST": r"دعا |دعت |طالب|ناشد|حث |حثّ|طلب",
    "ACCUSE": r"اتهم|انتقد|ندد|ندّد|أدان|استنكر|تحقيق|فتح بحث",
    "REJECT": r"رفض(?:ت)? |ترفض|يرفض|رفضها|رفضه|نرفض|اعترض(?:ت)?|فيتو",
    "THREATEN": r"هدد(?:ت)?|هدّد(?:ت)?|يهدد(?:ون)? ب|توعد|توعّد|لوّح|لوح(?:ت)? ب|مهلة",
    "PROTEST": r"إضراب|وقفة احتجاجية|احتجاج|مسيرة|اعتصام|مظاهر|تظاهر|قطع الطريق",
    "SANCTION": r"قطع (?:ال)?علاقات|سحب سفير|استدعت|طرد|عقوبات|مقاطعة|انسحب(?:ت)? من",
    "MOBILIZE": (
        r"نشر (?:قوات|وحدات|جنود)|تعزيزات (?:عسكرية|أمنية)|استنفار|حشد"
        r"|إرسال (?:قوات|سفن)|انتشار (?:أمني|عسكري)"
    ),
    "COERCE": r"إيقاف|اعتقال|اعتقل|حجز|حالة الطوارئ|حظر التجول|ترحيل|منع من السفر|مداهمة|احتجاز",
    "ASSAULT": r"هجوم|قصف|غارة|غارات|تفجير|اغتيال|قتل|اختطاف|اشتباكات|عملية إرهابية",
}
# Broader patterns of the training-set top-up round (rare types; see README.md).
PROBES_TRAIN = {
    "AGREE": r"اتفاق(?:ية)?|مذكرة تفاهم|وقع(?:ت|ا)? |إمضاء|تعهد|وعد(?:ت)? ب|التزم",
    "CONCEDE": (
        r"استقال|استقالة|تعليق الإضراب|إلغاء الإضراب|تراجع|العفو|استجاب|استجابة"
        r"|فك الاعتصام|رفع الاعتصام|اعتذار|اعتذر"
    ),
    "COOPERATE": (
        r"التعاون (?:الأمني|العسكري|القضائي)|تعاون (?:أمني|عسكري|قضائي)|تسليم"
        r"|تسلم|التنسيق|تنسيق|تدريب|مشتركة|تبادل|بالتعاون مع|الإنتربول|الانتربول"
    ),
    "AID": r"هبة|منحة|قرض|مساعدات|مساعدة|بتمويل|تمويل|تبرع|قافلة|معدات|تجهيزات",
    "RETREAT": (
        r"الإفراج|الافراج|إطلاق سراح|اطلاق سراح|رفع (?:حالة|الحظر|حظر)|انسحاب"
        r"|هدنة|وقف إطلاق النار|سلم نفسه|سلّم نفسه|حالة سراح|استرجاع|إعادة فتح"
    ),
    "SANCTION": (
        r"قطع (?:ال)?علاقات|عقوبات|طرد|تعليق عضوية|تجميد|سحب (?:ال)?سفير|تحذير"
        r"|حظر السفر|مقاطعة|إغلاق (?:ال)?سفارة|الحصار|انسحب"
    ),
    "MOBILIZE": (
        r"تعزيزات|تعزيز (?:التواجد|الحضور) الأمني|نشر|انتشار|استنفار|حشود|مناورات"
        r"|دوريات|خطة أمنية|تأمين|حاملة|إرسال"
    ),
}
# Narrow patterns of the last training-set round, for the types still short.
PROBES_TRAIN_NARROW = {
    "COOPERATE": (
        r"التعاون الأمني|تعاون أمني|التعاون العسكري|تعاون عسكري|تبادل المعلومات"
        r"|التنسيق الأمني|تنسيق أمني|التعاون القضائي|تعاون قضائي|مناورات مشتركة"
        r"|تدريبات مشتركة|تسلمت السلطات|تسليمه (?:إلى|الى) السلطات|تم تسليمهم (?:إلى|الى) السلطات"
    ),
    "AID": (
        r"هبة|مساعدات إنسانية|مساعدات مالية|قرضا|قرض بقيمة|بتمويل من|معدات عسكرية"
        r"|تجهيزات عسكرية|منحة بقيمة|قافلة مساعدات|مساعدات عسكرية"
    ),
    "MOBILIZE": (
        r"تعزيزات أمنية|تعزيزات عسكرية|استنفار|حالة تأهب|نشر قوات|نشر وحدات|انتشار أمني"
        r"|انتشار عسكري|حاملة طائرات|خطة أمنية|وحدات إضافية|تعزيز الوجود الأمني"
    ),
    "CONCEDE": (
        r"تعليق الإضراب|إلغاء الإضراب|فك الاعتصام|رفع الاعتصام|تقديم استقالته"
        r"|استقالة الحكومة"
    ),
    "SANCTION": r"قطع العلاقات|قطع علاقاتها|طرد السفير|سحب السفير|فرض عقوبات|عقوبات على|حظر السفر",
    "RETREAT": r"الإفراج عن|إطلاق سراح|رفع حالة الطوارئ|رفع الحظر|وقف إطلاق النار",
}
PROBE_CATEGORIES = ("politic", "internationalNews", "localNews")
MIN_WORDS, MAX_WORDS = 6, 45


def set_of(docno: str) -> str:
    """The gold set an article belongs to."""
    return "heldout" if int(hashlib.md5(docno.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def excluded_docnos(repo: Path) -> set[str]:
    """Articles used by other gold sets of the project."""
    excluded: set[str] = set()
    sample = repo / "examples" / "antcorpus-sample.jsonl"
    if sample.exists():
        for line in sample.read_text(encoding="utf-8").splitlines():
            excluded.add(json.loads(line)["id"])
    linking = repo / "eval" / "data" / "linking"
    for path in linking.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            excluded.add(json.loads(line)["id"])
    excluded.update(path.stem for path in linking.glob("annotations/*.tsv"))
    return excluded


def used_by_gold(repo: Path) -> set[str]:
    """Articles of the event evaluation sets and of the text-dump gold sets."""
    used: set[str] = set()
    for name in ("dev", "heldout"):
        path = repo / "eval" / "data" / "events" / f"{name}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                used.add(json.loads(line)["docno"])
    gold = [*repo.glob("eval/data/textdumps*/*.gold.json")]
    gold += [*repo.glob("tests/data/textdumps/*.gold.json")]
    for path in gold:
        docno = json.loads(path.read_text(encoding="utf-8")).get("antcorpus_docno")
        if docno:
            used.add(docno)
    return used


def mine(articles: list[Article], args: argparse.Namespace) -> list[tuple[str, int, str]]:
    """Draw (docno, index, probe) candidates."""
    rng = random.Random(args.seed)
    per_article: dict[str, int] = {}
    chosen: list[tuple[str, int, str]] = []

    def usable(article: Article, index: int) -> bool:
        words = len(article.sentences[index].split())
        return MIN_WORDS <= words <= MAX_WORDS and per_article.get(article.docno, 0) < 2

    def take(article: Article, index: int, probe: str) -> None:
        per_article[article.docno] = per_article.get(article.docno, 0) + 1
        chosen.append((article.docno, index, probe))

    categories = PROBE_CATEGORIES + (("economy",) if args.round != "main" else ())
    probed = [a for a in articles if a.docno.split("-")[1] in categories]
    probes = {"train": PROBES_TRAIN, "train2": PROBES_TRAIN_NARROW}.get(args.round, PROBES)
    for probe, pattern in probes.items():
        if args.types and probe not in args.types:
            continue
        regex = re.compile(pattern)
        rng.shuffle(probed)
        count = 0
        for article in probed:
            hits = [
                i for i, s in enumerate(article.sentences) if regex.search(s) and usable(article, i)
            ]
            if hits and count < args.per_type_of.get(probe, args.per_type):
                take(article, rng.choice(hits), probe)
                count += 1
    pool = [(a, i) for a in articles for i in range(len(a.sentences)) if usable(a, i)]
    for article, index in rng.sample(pool, min(args.no_event, len(pool))):
        if usable(article, index):
            take(article, index, "NONE")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antcorpus", type=Path, required=True)
    parser.add_argument("--set", choices=("dev", "heldout", "train"), required=True)
    parser.add_argument("--avoid", type=Path, nargs="*", default=[], help="candidate lists")
    parser.add_argument("--per-type", type=int, default=25)
    parser.add_argument("--no-event", type=int, default=100)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--round",
        choices=("main", "train", "train2"),
        default="main",
        help="train, train2: patterns PROBES_TRAIN, PROBES_TRAIN_NARROW (economy included)",
    )
    parser.add_argument("--types", nargs="*", default=[], help="probe only these types")
    parser.add_argument(
        "--quota", nargs="*", default=[], help="per-type counts, e.g. AID=50 (else --per-type)"
    )
    args = parser.parse_args()
    args.per_type_of = {k: int(v) for k, v in (q.split("=") for q in args.quota)}
    repo = Path(__file__).resolve().parents[3]
    excluded = excluded_docnos(repo)
    loaded = load_articles(args.antcorpus, None)
    if args.set == "train":
        excluded |= used_by_gold(repo)
        for path in args.avoid:
            excluded.update(line.split("\t")[0] for line in path.read_text().splitlines())
        articles = [a for a in loaded.values() if a.docno not in excluded]
    else:
        articles = [
            a for a in loaded.values() if a.docno not in excluded and set_of(a.docno) == args.set
        ]
    articles.sort(key=lambda a: a.docno)
    by_docno = {a.docno: a for a in articles}
    for docno, index, probe in mine(articles, args):
        sentence = by_docno[docno].sentences[index]
        sys.stdout.write(f"{docno}\t{index}\t{probe}\t{sentence}\n")


if __name__ == "__main__":
    main()
