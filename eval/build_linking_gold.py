"""Build the entity-linking gold sets from ANT corpus articles and hand annotations.

Usage:
    python eval/build_linking_gold.py \\
        --antcorpus ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \\
        --annotations eval/data/linking/annotations --out eval/data/linking

Articles are chosen deterministically (see `select_articles`); each chosen article has a
hand-written `<docno>.tsv` in the annotations directory whose rows name a surface form,
which of its occurrences are mentions, and the gold actor. This script builds each
article's text, finds the occurrences on Arabic word boundaries, turns them into
character offsets and writes `dev.jsonl` and `heldout.jsonl`. See
eval/data/linking/README.md for the conventions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("internationalNews", "politic")
MIN_CHARS, MAX_CHARS = 1500, 5000
# Words that make an article "political" enough to be worth annotating for linking.
POLITICAL_CUES = (
    "وزير",
    "رئيس",
    "حكوم",
    "حزب",
    "برلمان",
    "جيش",
    "مجلس",
    "سفير",
    "الأمم المتحدة",
    "قوات",
    "نواب",
    "الخارجية",
    "انتخاب",
    "دول",
)
MIN_CUES = 7
SEED = 5  # tracker issue 5
SPLITS = (("dev", 25), ("heldout", 15))
# Articles already bundled as examples are excluded so the sets stay unseen.
SAMPLE_IDS = Path(__file__).resolve().parent.parent / "examples" / "antcorpus-sample.jsonl"

TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "VEH"})
COLUMNS = ("surface", "occurrence", "type", "key", "name_en", "country", "nominal")
NULL = "-"
_TAG = re.compile(r"<(?P<tag>URL|TITLE|TIME|TEXT)>(?P<body>.*?)</(?P=tag)>", re.S)
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u0640]")
# Letters that may be glued in front of a name: conjunction, then preposition.
_PROCLITICS = re.compile(r"(?:[وف])?(?:[بلك])?")


@dataclass(frozen=True)
class Article:
    """One corpus article with its linking text."""

    docno: str
    category: str
    url: str
    published: str
    text: str


@dataclass(frozen=True)
class Row:
    """One line of an annotation file."""

    surface: str
    occurrences: tuple[int, ...] | None  # None means all
    type: str
    key: str | None
    name_en: str
    country: str | None
    nominal: bool
    line: int


@dataclass(frozen=True)
class Mention:
    """A gold mention with offsets into the article text."""

    start: int
    end: int
    row: Row

    def to_json(self, text: str) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "type": self.row.type,
            "key": self.row.key,
            "name_en": self.row.name_en,
            "country": self.row.country,
            "nominal": self.row.nominal,
        }


class AnnotationError(ValueError):
    """An annotation file that does not fit its article."""


def iso_date(value: str) -> str:
    """Corpus times are ISO datetimes or dd/mm/yyyy; return YYYY-MM-DD."""
    if match := re.match(r"(\d{2})/(\d{2})/(\d{4})", value):
        return f"{match[3]}-{match[2]}-{match[1]}"
    return value[:10]


def article_text(title: str, body: str) -> str:
    """Title and body lines, each stripped, joined by one blank line."""
    blocks = [title.strip(), *(line.strip() for line in body.splitlines())]
    return "\n\n".join(block for block in blocks if block)


def read_corpus(tarball: Path) -> list[Article]:
    """All internationalNews and politic articles of the corpus, sorted by docno."""
    articles = []
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            path = Path(member.name)
            if not member.isfile() or path.parent.name not in CATEGORIES:
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            fields = {m["tag"]: m["body"] for m in _TAG.finditer(handle.read().decode("utf-8"))}
            articles.append(
                Article(
                    docno=path.stem,  # the file name; DOCNO is sometimes only a number
                    category=path.parent.name,
                    url=fields.get("URL", "").strip(),
                    published=iso_date(fields.get("TIME", "").strip()),
                    text=article_text(fields.get("TITLE", ""), fields.get("TEXT", "")),
                )
            )
    return sorted(articles, key=lambda a: a.docno)


def select_articles(articles: list[Article], excluded: set[str]) -> dict[str, list[Article]]:
    """Medium-length political articles not in the sample, shuffled with SEED, split."""
    candidates = [
        a
        for a in articles
        if a.docno not in excluded
        and MIN_CHARS <= len(a.text) <= MAX_CHARS
        and sum(a.text.count(cue) for cue in POLITICAL_CUES) >= MIN_CUES
    ]
    random.Random(SEED).shuffle(candidates)
    splits: dict[str, list[Article]] = {}
    offset = 0
    for name, size in SPLITS:
        splits[name] = candidates[offset : offset + size]
        offset += size
    return splits


def parse_annotations(path: Path) -> list[Row]:
    """Rows of a tab-separated annotation file; `#` starts a comment line."""
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if cells[0] == COLUMNS[0]:
            continue  # header
        if len(cells) != len(COLUMNS):
            raise AnnotationError(f"{path}:{number}: expected {len(COLUMNS)} columns")
        surface, occurrence, type_, key, name_en, country, nominal = (c.strip() for c in cells)
        if type_ not in TYPES:
            raise AnnotationError(f"{path}:{number}: unknown type {type_!r}")
        if nominal not in {"0", "1"}:
            raise AnnotationError(f"{path}:{number}: nominal must be 0 or 1")
        rows.append(
            Row(
                surface=surface,
                occurrences=None
                if occurrence == "all"
                else tuple(int(i) for i in occurrence.split(",")),
                type=type_,
                key=None if key == NULL else key,
                name_en=name_en,
                country=None if country == NULL else country,
                nominal=nominal == "1",
                line=number,
            )
        )
    return rows


def _glued_prefix(text: str, start: int) -> str:
    """The Arabic letters directly before `start` (the rest of the word)."""
    begin = start
    while begin > 0 and _ARABIC_LETTER.match(text[begin - 1]):
        begin -= 1
    return text[begin:start]


def written_forms(surface: str) -> list[tuple[str, bool]]:
    """How a surface can be written, each with whether it must follow the preposition ل.

    An ال-word after ل is written لل: ل + الحكومة is للحكومة, ل + اللجنة is للجنة; the
    mention then starts after the preposition (لحكومة…, لجنة…).
    """
    forms = [(surface, False)]
    if surface.startswith("ال"):
        forms.append((surface[2:] if surface[2:3] == "ل" else "ل" + surface[2:], True))
    return forms


def find_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans of `surface` on Arabic word boundaries, allowing attached proclitics."""
    spans = set()
    for form, after_lam in written_forms(surface):
        for match in re.finditer(re.escape(form), text):
            start, end = match.span()
            if end < len(text) and _ARABIC_LETTER.match(text[end]):
                continue
            prefix = _glued_prefix(text, start)
            if after_lam:
                if not re.fullmatch(r"[وف]?ل", prefix):
                    continue
            elif not _PROCLITICS.fullmatch(prefix):
                continue
            spans.add((start, end))
    return sorted(spans)


def link_article(article: Article, rows: list[Row], source: Path) -> list[Mention]:
    """Mentions of an article; a span inside a longer annotated span is dropped."""
    candidates: list[Mention] = []
    for row in rows:
        spans = find_occurrences(article.text, row.surface)
        if not spans:
            raise AnnotationError(f"{source}:{row.line}: {row.surface!r} not found")
        if row.occurrences is None:
            chosen = spans
        else:
            if max(row.occurrences) > len(spans) or min(row.occurrences) < 1:
                raise AnnotationError(
                    f"{source}:{row.line}: {row.surface!r} occurs {len(spans)} times"
                )
            chosen = [spans[i - 1] for i in row.occurrences]
        candidates.extend(Mention(start, end, row) for start, end in chosen)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    mentions: list[Mention] = []
    for mention in candidates:
        if mentions and mention.start < mentions[-1].end:
            previous = mentions[-1]
            if mention.end > previous.end:
                raise AnnotationError(
                    f"{source}: {mention.row.surface!r} (line {mention.row.line}) crosses "
                    f"{previous.row.surface!r} (line {previous.row.line})"
                )
            continue  # nested in a longer mention: flat annotation keeps the longer
        mentions.append(mention)
    for row in rows:
        if not any(m.row is row for m in mentions):
            raise AnnotationError(f"{source}:{row.line}: {row.surface!r} only occurs nested")
    for mention in mentions:
        found = article.text[mention.start : mention.end]
        if found not in {form for form, _ in written_forms(mention.row.surface)}:
            raise AnnotationError(f"{source}:{mention.row.line}: span reads {found!r}")
    return mentions


def check_offsets(path: Path) -> None:
    """Re-read a written set and check that every offset slices to its mention text."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        for mention in record["mentions"]:
            if record["text"][mention["start"] : mention["end"]] != mention["text"]:
                raise AnnotationError(f"{path}:{number}: bad offsets for {mention}")


def build(
    antcorpus: Path, annotations: Path, out: Path, only: str | None = None
) -> dict[str, Counter[str]]:
    """Write one JSONL file per split; return counts for the README."""
    excluded = {json.loads(line)["id"] for line in SAMPLE_IDS.read_text().splitlines()}
    splits = select_articles(read_corpus(antcorpus), excluded)
    chosen = {a.docno for articles in splits.values() for a in articles}
    stray = sorted(p.stem for p in annotations.glob("*.tsv") if p.stem not in chosen)
    if stray:
        raise AnnotationError(f"{annotations}: annotations for unselected articles: {stray}")
    counts: dict[str, Counter[str]] = {}
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in splits.items():
        if only is not None and name != only:
            continue
        counter: Counter[str] = Counter()
        records = []
        for article in articles:
            source = annotations / f"{article.docno}.tsv"
            if not source.exists():
                raise AnnotationError(f"{source}: missing annotations for a chosen article")
            mentions = link_article(article, parse_annotations(source), source)
            records.append(
                {
                    "id": article.docno,
                    "published": article.published,
                    "url": article.url,
                    "text": article.text,
                    "mentions": [m.to_json(article.text) for m in mentions],
                }
            )
            counter["articles"] += 1
            for m in mentions:
                counter["mentions"] += 1
                counter[f"type:{m.row.type}"] += 1
                counter[f"key:{m.row.key}"] += 1
                counter["nominal"] += m.row.nominal
        target = out / f"{name}.jsonl"
        with target.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        check_offsets(target)
        counts[name] = counter
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antcorpus", type=Path, required=True)
    parser.add_argument("--annotations", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", choices=[name for name, _ in SPLITS], help="build a single split")
    args = parser.parse_args(argv)
    try:
        counts = build(args.antcorpus, args.annotations, args.out, args.only)
    except AnnotationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name, counter in counts.items():
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counter.items()))
        print(f"{name}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
