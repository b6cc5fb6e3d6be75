"""Propose candidate date and quantity expressions from ANT Corpus for hand annotation.

Usage: python eval/data/dates/propose.py ANT_DIR OUT.jsonl [--seed 7] [--articles 400]

Independent of Marsad's taggers on purpose: it only marks trigger words (month names,
weekdays, relative words, clock and year shapes, numbers before a word) with a crude span,
so that an annotator can read each in context and write the gold span and value by hand.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

_MONTH_WORDS = (
    "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر يناير فبراير "
    "أبريل ابريل مايو يونيو يوليو أغسطس اكتوبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول "
    "تشرين محرم صفر رجب شعبان رمضان شوال"
)
MONTHS = _MONTH_WORDS.split(" ")
DATE_TRIGGER = re.compile(
    r"(?<!\w)(?:[وفبل]?(?:يوم|اليوم|أمس|امس|غدا|البارحة|الأسبوع|الشهر|العام|السنة|منذ|الساعة|"
    r"ساعة|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|حاليا|مؤخرا|"
    + "|".join(MONTHS)
    + r")|(?:19|20)\d\d|\d{1,2}[:/]\d{1,2})(?!\w)"
)
QUANTITY_TRIGGER = re.compile(
    r"(?<![\w.,])(?:ال)?ـ?\d+(?:[.,]\d+)*(?:\s+(?:ألف|مليون|مليار))?\s+(?:من\s+)?[^\W\d_]+"
    r"|(?<!\w)(?:عشرات|مئات|آلاف|ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|عشرين|مائة|مئة)"
    r"\s+[^\W\d_]+"
)


def articles(root: Path) -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_text("utf-8")
        docno = re.search(r"<DOCNO>(.*?)</DOCNO>", raw)
        when = re.search(r"<TIME>(\d{4}-\d{2}-\d{2})", raw)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if docno and when and body:
            text = " ".join(body.group(1).split())
            out.append((docno.group(1), when.group(1), text))
    return out


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!؟?])\s+", text) if len(s.strip()) > 20]


def main() -> None:
    root, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    count = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 400
    docs = articles(root)
    random.Random(seed).shuffle(docs)
    with out_path.open("w", encoding="utf-8") as out:
        for docno, published, text in docs[:count]:
            for sentence in sentences(text):
                for kind, pattern in (("date", DATE_TRIGGER), ("quantity", QUANTITY_TRIGGER)):
                    for match in pattern.finditer(sentence):
                        row = {
                            "kind": kind,
                            "docno": docno,
                            "published": published,
                            "sentence": sentence,
                            "start": match.start(),
                            "end": match.end(),
                        }
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
