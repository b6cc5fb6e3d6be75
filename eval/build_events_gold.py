"""Rebuild the event-coding gold sets from the ANT Corpus and compact annotations.

Usage:
    python eval/build_events_gold.py --antcorpus PATH --annotations DIR --out DIR

PATH is the ANT Corpus v1.1 articles archive (antcorpus_v1.1_articles.tar.gz) or a
directory it was unpacked into. DIR holds one annotation file per set (``dev.tsv``,
``heldout.tsv``, ``train.tsv``); each becomes ``<set>.jsonl`` in the output directory.
``--only SET ...`` writes only the named sets (all sets are still read and checked).

The sets must not share an article. Training sets (``train*``) must moreover share no
sentence or context text with the other sets: the ANT Corpus holds a few articles
twice under different names, and a training sentence must not reappear in evaluation.

Annotation files are tab-separated, one row per event, with a header row:

    docno  sent  type  mode  source  target  modality  trigger  attributed_to

``sent`` is the 0-based index of the sentence in the article's <TEXT> (see
``split_sentences``). A sentence with no event has one row whose type is ``NONE``
(other fields ``-``). Several events of one sentence are several rows, kept in
order. ``source`` and ``target`` are comma-separated actor keys, ``-`` for none;
``mode`` and ``attributed_to`` are ``-`` for null. Lines starting with ``#`` are
comments.

Every sentence must exist in its article and every trigger must occur verbatim in
its sentence; the script stops with a message naming the row otherwise. Standard
library only.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES = ("asserted", "reported", "hypothetical", "negated", "future")
COLUMNS = (
    "docno",
    "sent",
    "type",
    "mode",
    "source",
    "target",
    "modality",
    "trigger",
    "attributed_to",
)
ACTOR_KEY = re.compile(r"^[A-Z]{2,12}(\.[A-Z]{2,8})?$")

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
# <TIME> is ISO (2017-01-25T14:36:00+01:00) or day-first (01/07/2016).
_TIME_ISO = re.compile(r"<TIME>\s*(\d{4})-(\d{2})-(\d{2})")
_TIME_DMY = re.compile(r"<TIME>\s*(\d{2})/(\d{2})/(\d{4})")
# The sentence rule: every line of <TEXT> is split after . ! ? or ؟ when
# whitespace follows; pieces are stripped and empty pieces dropped.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


class GoldError(Exception):
    """An annotation row that does not fit the corpus or the scheme."""


@dataclass(frozen=True)
class Article:
    docno: str
    published: str
    sentences: tuple[str, ...]


def split_sentences(text: str) -> list[str]:
    """Split an article body into sentences by the documented rule."""
    sentences: list[str] = []
    for line in text.split("\n"):
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if piece:
                sentences.append(piece)
    return sentences


def parse_article(raw: str, name: str) -> Article:
    """Read one ANT Corpus XML document stored in the file ``name``.txt.

    The file name is the document id: it equals <DOCNO> except in two damaged
    documents of v1.1 (JA-politic-92-20170201, JA-localNews-608-11012017).
    """
    body = _TEXT.search(raw)
    if not body:
        raise GoldError(f"{name}: ANT document without TEXT")
    return Article(name, published(raw), tuple(split_sentences(body.group(1))))


def published(raw: str) -> str:
    """The publication date of an ANT document as YYYY-MM-DD."""
    iso = _TIME_ISO.search(raw)
    if iso:
        return "-".join(iso.groups())
    dmy = _TIME_DMY.search(raw)
    if dmy:
        day, month, year = dmy.groups()
        return f"{year}-{month}-{day}"
    raise GoldError("ANT document without a readable TIME")


def load_articles(antcorpus: Path, wanted: set[str] | None) -> dict[str, Article]:
    """Load the wanted articles (all when ``wanted`` is None) from the archive or a directory."""
    found: dict[str, Article] = {}
    if antcorpus.is_dir():
        for path in sorted(antcorpus.rglob("*.txt")):
            if wanted is None or path.stem in wanted:
                found[path.stem] = parse_article(path.read_text(encoding="utf-8"), path.stem)
        return found
    with tarfile.open(antcorpus) as archive:
        for member in archive:
            stem = Path(member.name).stem
            if not member.isfile() or (wanted is not None and stem not in wanted):
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                found[stem] = parse_article(handle.read().decode("utf-8"), stem)
    return found


def read_rows(path: Path) -> list[dict[str, str]]:
    """Read an annotation TSV into rows keyed by column name."""
    rows: list[dict[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != COLUMNS:
        raise GoldError(f"{path}: header must be {' '.join(COLUMNS)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise GoldError(f"{path}:{number}: {len(cells)} fields, not 9")
        row = dict(zip(COLUMNS, (cell.strip() for cell in cells), strict=True))
        row["where"] = f"{path.name}:{number}"
        rows.append(row)
    return rows


def actors(cell: str, where: str) -> list[str]:
    keys = [] if cell == "-" else [key.strip() for key in cell.split(",")]
    for key in keys:
        if not ACTOR_KEY.match(key):
            raise GoldError(f"{where}: bad actor key {key!r}")
    return keys


def event_of(row: dict[str, str], sentence: str) -> dict[str, object]:
    """Check one event row against the scheme and its sentence."""
    where = row["where"]
    if row["type"] not in TYPES:
        raise GoldError(f"{where}: unknown type {row['type']!r}")
    if row["modality"] not in MODALITIES:
        raise GoldError(f"{where}: unknown modality {row['modality']!r}")
    if not row["trigger"] or row["trigger"] not in sentence:
        raise GoldError(f"{where}: trigger {row['trigger']!r} not in the sentence")
    attributed = None if row["attributed_to"] == "-" else row["attributed_to"]
    if attributed is not None:
        actors(attributed, where)
    return {
        "type": row["type"],
        "mode": None if row["mode"] == "-" else row["mode"],
        "source": actors(row["source"], where),
        "target": actors(row["target"], where),
        "modality": row["modality"],
        "trigger": row["trigger"],
        "attributed_to": attributed,
    }


def build_set(rows: list[dict[str, str]], articles: dict[str, Article]) -> list[dict]:
    """Group rows by sentence and turn them into gold records, in file order."""
    records: dict[str, dict] = {}
    for row in rows:
        article = articles.get(row["docno"])
        if article is None:
            raise GoldError(f"{row['where']}: article {row['docno']} not in the corpus")
        index = int(row["sent"])
        if not 0 <= index < len(article.sentences):
            raise GoldError(f"{row['where']}: no sentence {index} in {article.docno}")
        key = f"{article.docno}:{index}"
        record = records.get(key)
        if record is None:
            record = {
                "id": key,
                "docno": article.docno,
                "published": article.published,
                "sentence": article.sentences[index],
                "context": article.sentences[index - 1] if index else "",
                "events": [],
            }
            records[key] = record
        if row["type"] == "NONE":
            if record["events"]:
                raise GoldError(f"{row['where']}: NONE for a sentence with events")
            continue
        record["events"].append(event_of(row, record["sentence"]))
    return list(records.values())


def summary(name: str, records: list[dict]) -> str:
    """A Markdown summary of one set: sentences, and per type events and sentences."""
    events = [event for record in records for event in record["events"]]
    empty = sum(1 for record in records if not record["events"])
    lines = [
        f"### {name}: {len(records)} sentences ({empty} with no event), {len(events)} events, "
        f"{len({record['docno'] for record in records})} articles",
        "",
        "| type | events | sentences |",
        "|---|---|---|",
    ]
    for kind in TYPES:
        count = sum(1 for event in events if event["type"] == kind)
        sentences = sum(1 for r in records if any(e["type"] == kind for e in r["events"]))
        lines.append(f"| {kind} | {count} | {sentences} |")
    modalities = ", ".join(
        f"{m} {sum(1 for event in events if event['modality'] == m)}" for m in MODALITIES
    )
    lines += ["", f"Modality: {modalities}.", ""]
    return "\n".join(lines)


def check_overlap(records_by_set: dict[str, list[dict]]) -> None:
    """Stop if two sets share an article, or a training set shares text with another set."""
    names = sorted(records_by_set)
    docs = {name: {r["docno"] for r in records_by_set[name]} for name in names}
    texts = {
        name: {r["sentence"] for r in records} | {r["context"] for r in records if r["context"]}
        for name, records in records_by_set.items()
    }
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            shared = docs[first] & docs[second]
            if shared:
                raise SystemExit(f"error: {first} and {second} share articles {sorted(shared)}")
            if first.startswith("train") or second.startswith("train"):
                common = texts[first] & texts[second]
                if common:
                    sample = sorted(common)[0][:60]
                    raise SystemExit(
                        f"error: {first} and {second} share {len(common)} sentences"
                        f" or contexts, e.g. {sample!r}"
                    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antcorpus", type=Path, required=True)
    parser.add_argument("--annotations", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--summary", action="store_true", help="print per-type counts")
    parser.add_argument("--only", nargs="+", metavar="SET", help="write only these sets")
    args = parser.parse_args()
    sets = {path.stem: read_rows(path) for path in sorted(args.annotations.glob("*.tsv"))}
    if not sets:
        raise SystemExit(f"no *.tsv annotation files in {args.annotations}")
    unknown = set(args.only or ()) - set(sets)
    if unknown:
        raise SystemExit(f"error: no annotation file for {sorted(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = {row["docno"] for rows in sets.values() for row in rows}
    articles = load_articles(args.antcorpus, wanted)
    records_by_set: dict[str, list[dict]] = {}
    for name, rows in sets.items():
        try:
            records_by_set[name] = build_set(rows, articles)
        except GoldError as error:
            raise SystemExit(f"error: {error}") from error
    check_overlap(records_by_set)
    for name, records in records_by_set.items():
        if args.only and name not in args.only:
            continue
        out = args.out / f"{name}.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        events = sum(len(record["events"]) for record in records)
        print(f"{out}: {len(records)} sentences, {events} events")
        if args.summary:
            print(summary(name, records))


if __name__ == "__main__":
    main()
