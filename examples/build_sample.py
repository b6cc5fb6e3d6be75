"""Rebuild the bundled sample corpus from the ANT corpus tarball.

Usage: python examples/build_sample.py ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz

Takes the first 100 articles (by document number) of each of the internationalNews and
politic categories that have at least two paragraphs and 80 words, and writes them as
JSONL text dumps (title, blank line, paragraphs) to examples/antcorpus-sample.jsonl.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from pathlib import Path

CATEGORIES = ("internationalNews", "politic")
PER_CATEGORY = 100
_TAG = re.compile(r"<(?P<tag>URL|TITLE|TIME|TEXT)>(?P<body>.*?)</(?P=tag)>", re.S)


def paragraphs(text: str) -> list[str]:
    """Corpus text lines, with hard-wrapped lines joined back into paragraphs."""
    out: list[str] = []
    current = ""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        current = f"{current} {line}".strip()
        if current.rstrip('"”»)').endswith((".", "!", "؟", "?", ":")):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def iso_date(value: str) -> str:
    """Corpus times are ISO datetimes or dd/mm/yyyy; return YYYY-MM-DD."""
    if match := re.match(r"(\d{2})/(\d{2})/(\d{4})", value):
        return f"{match[3]}-{match[2]}-{match[1]}"
    return value[:10]


def docno_key(name: str) -> tuple[str, int]:
    parts = name.split("-")
    return parts[1], int(parts[2])


def main(tarball: str) -> None:
    chosen: dict[str, list[dict[str, str]]] = {c: [] for c in CATEGORIES}
    with tarfile.open(tarball) as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        for member in sorted(members, key=lambda m: docno_key(Path(m.name).stem)):
            category = Path(member.name).parent.name
            if category not in chosen or len(chosen[category]) >= PER_CATEGORY:
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            fields = {m["tag"]: m["body"].strip() for m in _TAG.finditer(handle.read().decode())}
            paras = paragraphs(fields.get("TEXT", ""))
            if len(paras) < 2 or sum(len(p.split()) for p in paras) < 80:
                continue
            chosen[category].append(
                {
                    "id": Path(member.name).stem,  # DOCNO is sometimes only a number
                    "url": fields.get("URL", ""),
                    "published": iso_date(fields.get("TIME", "")),
                    "text": "\n\n".join([fields["TITLE"], *paras]),
                }
            )
    out = Path(__file__).with_name("antcorpus-sample.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for category in CATEGORIES:
            for record in chosen[category]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {sum(len(v) for v in chosen.values())} articles to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
