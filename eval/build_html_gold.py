"""Build the synthetic HTML extraction gold set from ANT Corpus articles.

Usage:
    python eval/build_html_gold.py \
        --antcorpus ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \
        --out eval/data/html_synthetic

Renders real article texts (title, date, paragraphs) of the ANT Corpus v1.1 (Apache-2.0)
into the Arabic news-site templates of ``eval/templates/`` and writes, for every page,
``NAME.html`` and ``NAME.gold.json`` (the gold is known by construction). Each template
starts with a ``{# META {...} #}`` JSON header that describes the site it imitates (name,
URL pattern, section names, authors, which widgets it carries); the rest of the file is
the page, in a small subset of Jinja2 syntax rendered by the standard-library renderer
below. Output is deterministic: a fixed seed and sorted inputs, no clock.

Only the Python standard library is needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import itertools
import json
import random
import re
import sys
import tarfile
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

SEED = 20170125
HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
PAGES_PER_ARTICLE_TEMPLATE = 8
PAGES_PER_OTHER_TEMPLATE = 5
REFERENCE_DAY = dt.date(2025, 6, 1)  # "today" for relative dates ("منذ 8 سنوات")

# The bundled sample corpus (examples/) holds internationalNews ids 1-157 and politic ids
# 2-135; the other eval sets of text dumps use the documents below. Neither is used here.
SAMPLE_MAX_ID = {"internationalNews": 160, "politic": 140}
# fmt: off
USED_ELSEWHERE = frozenset([
    "JA-culture-72-20170331", "JA-diverse-264-20170411", "JA-diverse-360-20170509",
    "JA-diverse-429-20161206", "JA-economy-226-20170420", "JA-internationalNews-1039-20161208",
    "JA-internationalNews-1101-20170605", "JA-internationalNews-1153-20161230",
    "JA-internationalNews-1166-20170615", "JA-internationalNews-1209-20170616",
    "JA-internationalNews-1233-20151205", "JA-internationalNews-1254-20170619",
    "JA-internationalNews-266-20161222", "JA-internationalNews-273-20161221",
    "JA-internationalNews-382-20170227", "JA-internationalNews-599-20160624",
    "JA-internationalNews-614-20170328", "JA-internationalNews-731-20170412",
    "JA-internationalNews-803-20170428", "JA-internationalNews-877-20170504",
    "JA-internationalNews-894-20170428", "JA-localNews-1622-20151001",
    "JA-localNews-314-20170129", "JA-localNews-419-08122016", "JA-localNews-539-02032016",
    "JA-localNews-570-26092015", "JA-politic-218-20161009", "JA-politic-261-20161118",
    "JA-politic-293-20170330", "JA-society-716-20161101", "JA-society-804-20160103",
    "JA-society-983-20170601", "JA-sport-1453-20170619", "JA-sport-597-20170302",
    "JA-sport-638-20170304", "JA-sport-796-20170312", "JA-sport-970-20170329",
    "JA-technology-46-20160903",
])
# fmt: on
# How many of the article pages take their text from each ANT category (sums to 96).
CATEGORY_QUOTA = {
    "localNews": 24,
    "internationalNews": 14,
    "society": 12,
    "politic": 12,
    "sport": 10,
    "diverse": 8,
    "economy": 7,
    "culture": 5,
    "technology": 4,
}
CATEGORY_SLUG = {
    "localNews": "national",
    "internationalNews": "world",
    "society": "society",
    "politic": "politics",
    "sport": "sport",
    "diverse": "misc",
    "economy": "economy",
    "culture": "culture",
    "technology": "tech",
}

MONTHS = {
    "mashriq": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "maghreb": "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر",
    "levant": "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول "
    "تشرين_الثاني كانون_الأول",
}
MONTH_NAMES = {k: [m.replace("_", " ") for m in v.split()] for k, v in MONTHS.items()}
WEEKDAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
# fmt: off
HIJRI_MONTHS = [
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
    "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
]
# fmt: on
# First day of each Umm al-Qura month, 1434-1439 AH (from the `hijridate` package), so that
# the Hijri dates printed by the legacy template are the ones a Saudi calendar shows.
HIJRI_MONTH_STARTS = {
    1434: "2012-11-15 2012-12-14 2013-01-13 2013-02-11 2013-03-13 2013-04-11 2013-05-11 "
    "2013-06-10 2013-07-09 2013-08-08 2013-09-07 2013-10-06",
    1435: "2013-11-04 2013-12-04 2014-01-02 2014-02-01 2014-03-02 2014-04-01 2014-04-30 "
    "2014-05-30 2014-06-28 2014-07-28 2014-08-27 2014-09-25",
    1436: "2014-10-25 2014-11-23 2014-12-23 2015-01-21 2015-02-20 2015-03-21 2015-04-20 "
    "2015-05-19 2015-06-18 2015-07-17 2015-08-16 2015-09-14",
    1437: "2015-10-14 2015-11-13 2015-12-12 2016-01-11 2016-02-10 2016-03-10 2016-04-08 "
    "2016-05-08 2016-06-06 2016-07-06 2016-08-04 2016-09-02",
    1438: "2016-10-02 2016-11-01 2016-11-30 2016-12-30 2017-01-29 2017-02-28 2017-03-29 "
    "2017-04-27 2017-05-27 2017-06-25 2017-07-24 2017-08-23",
    1439: "2017-09-21",
}
# Where a template's article image lives unless its META says otherwise (WordPress uploads).
IMAGE_PATH = "{base}/wp-content/uploads/{yyyy}/{mm}/{slug}.jpg"
THUMB_PATH = "{base}/media/{yyyy}/{mm}/{id}.jpg"  # thumbnails of other pages of the site
# Sentence-final characters: a corpus text whose every line ends with one is not hard-wrapped.
LINE_END = tuple(".!?؟:»\"”)…'")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u0080-\u009f]")
# fmt: off
STOPWORDS = frozenset([
    "في", "من", "على", "إلى", "الى", "عن", "مع", "بعد", "قبل", "حول", "خلال", "بين", "ضد", "أن",
    "إن", "لا", "ما", "لم", "لن", "هل", "و", "أو", "ثم", "كما", "هذا", "هذه", "ذلك", "التي",
    "الذي", "الذين", "تم", "يتم", "قد", "كل", "بعض", "عند", "منذ", "حتى", "لـ", "بـ", "غدا",
    "اليوم", "أمس", "يوم", "بينهما", "إثر", "عبر", "أمام", "خلف", "دون", "لدى", "أجل", "بسبب",
    "بشأن", "حاليا", "قريبا", "رسميا", "مجددا", "أيضا", "بداية", "جديد", "جديدة", "أكثر", "أول",
    "أولى", "كبير", "كبيرة", "آخر", "أخرى", "إعلان", "الأول", "الثاني", "الجديد", "الجديدة",
])
# fmt: on
# Short phrases written for this set, used as subheadings inside some article bodies.
# fmt: off
SUBHEADINGS = [
    "تفاصيل إضافية", "ردود الفعل", "خلفية القرار", "أرقام ومعطيات", "مواقف متباينة",
    "الخطوات المقبلة", "على أرض الواقع", "شهادات من الميدان", "تحديات قائمة", "الموقف الرسمي",
    "بين الترحيب والانتقاد", "انتظارات كبيرة", "قراءة في الأرقام", "السياق العام", "ماذا بعد؟",
    "مطالب ملحة",
]
# fmt: on
LIVEBLOG_TITLES = [
    "تغطية مباشرة | أبرز أحداث {weekday} {date}",
    "مباشر: آخر المستجدات لحظة بلحظة - {weekday} {date}",
    "متابعة حية لأهم الأخبار في تونس والعالم ({date})",
    "لحظة بلحظة: حصاد يوم {weekday} {date}",
    "مباشر | يوم إخباري حافل - {date}",
]
# fmt: off
TAG_WORDS = [
    "الترجي", "نداء تونس", "الشاهد", "داعش", "البرلمان", "الجزائر", "ليبيا", "ترامب", "الإرهاب",
    "الإفريقي", "النهضة", "النجم الساحلي",
]
# fmt: on


# --------------------------------------------------------------------------- corpus


@dataclass
class Doc:
    docno: str
    category: str
    title: str
    day: dt.date
    clock: str | None  # HH:MM when the corpus gives a time
    paragraphs: list[str]
    clean: bool  # usable as an article page: >= 3 unwrapped paragraphs, no control marks

    @property
    def number(self) -> int:
        return int(self.docno.split("-")[2])


def squash(text: str) -> str:
    """One space between words (no-break spaces and doubled spaces become one space)."""
    return " ".join(text.split())


def _field(raw: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.S)
    return m.group(1) if m else ""


def parse_doc(name: str, raw: str) -> Doc | None:
    category = name.split("/")[-2]
    docno = name.split("/")[-1][:-4]
    title = squash(_field(raw, "TITLE"))
    stamp = _field(raw, "TIME").strip()
    if m := re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)", stamp):
        day, clock = dt.date(int(m[1]), int(m[2]), int(m[3])), m[4]
    elif m := re.match(r"(\d\d)/(\d\d)/(\d{4})$", stamp):
        day, clock = dt.date(int(m[3]), int(m[2]), int(m[1])), None
    else:
        return None
    lines = [ln.strip() for ln in _field(raw, "TEXT").splitlines() if ln.strip()]
    paragraphs = [squash(ln) for ln in lines]
    clean = (
        3 <= len(lines) <= 14
        and all(ln.endswith(LINE_END) and len(ln) >= 60 for ln in lines)
        and 400 <= sum(map(len, paragraphs)) <= 4500
        and len(set(paragraphs)) == len(paragraphs)
        and not INVISIBLE.search(title + "".join(lines))
        and not re.search(r"https?:|www\.|[<>]", "".join(lines))
        and 15 <= len(title) <= 120
        and title not in paragraphs
    )
    return Doc(docno, category, title, day, clock, paragraphs, clean)


def read_corpus(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    with tarfile.open(path) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
        for member in members:
            if not member.name.endswith(".txt"):
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            doc = parse_doc(member.name, handle.read().decode("utf-8"))
            if doc is not None:
                docs.append(doc)
    return docs


def usable(doc: Doc) -> bool:
    limit = SAMPLE_MAX_ID.get(doc.category)
    in_sample = limit is not None and doc.number <= limit
    return doc.clean and not in_sample and doc.docno not in USED_ELSEWHERE


def cp1256_ok(doc: Doc) -> bool:
    try:
        (doc.title + "".join(doc.paragraphs)).encode("cp1256")
    except UnicodeEncodeError:
        return False
    return True


# --------------------------------------------------------------------------- dates


def hijri(day: dt.date) -> tuple[int, int, int]:
    starts = [
        (year, i + 1, dt.date.fromisoformat(s))
        for year, months in HIJRI_MONTH_STARTS.items()
        for i, s in enumerate(months.split())
    ]
    for (year, month, start), (_, _, nxt) in itertools.pairwise(starts):
        if start <= day < nxt:
            return year, month, (day - start).days + 1
    raise ValueError(f"no Hijri table entry for {day}")


def date_forms(day: dt.date, clock: str) -> dict[str, Any]:
    """Every way the templates print a date."""
    hy, hm, hd = hijri(day)
    mash, mag, lev = (MONTH_NAMES[k][day.month - 1] for k in ("mashriq", "maghreb", "levant"))
    years = (
        REFERENCE_DAY.year
        - day.year
        - ((REFERENCE_DAY.month, REFERENCE_DAY.day) < (day.month, day.day))
    )
    hour, minute = (int(x) for x in clock.split(":"))
    h12 = hour % 12 or 12
    return {
        "date": day.isoformat(),
        "clock": clock,
        "datetime": f"{day.isoformat()}T{clock}:00+01:00",
        "yyyy": f"{day.year}",
        "mm": f"{day.month:02d}",
        "dd": f"{day.day:02d}",
        "m": str(day.month),
        "d": str(day.day),
        "weekday": WEEKDAYS[day.weekday()],
        "ar": f"{day.day} {mash} {day.year}",
        "ar_comma": f"{day.day} {mash}، {day.year}",
        "maghreb": f"{day.day} {mag} {day.year}",
        "levant": f"{day.day} {lev} {day.year}",
        "levant_mashriq": f"{day.day:02d} {lev}/{mash} {day.year}",
        "slash": f"{day.day}/{day.month}/{day.year}",
        "dmy": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "hijri": f"{hd} {HIJRI_MONTHS[hm - 1]} {hy}",
        "clock12": f"{h12}:{minute:02d} {'ص' if hour < 12 else 'م'}",
        "relative": f"منذ {years} {'سنوات' if years <= 10 else 'سنة'}",
    }


# --------------------------------------------------------------------------- text helpers


def slug(title: str) -> str:
    words = re.findall(r"[\w\u0600-\u06ff]+", title)
    return "-".join(words)


def slug_enc(title: str) -> str:
    """A WordPress-style percent-encoded slug (lower-case hex)."""
    quoted = urllib.parse.quote(slug(title))
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), quoted)


def teaser(text: str, words: int = 22) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " ..."


def first_sentence(text: str, limit: int = 35) -> str:
    m = re.match(r"(.+?[.!؟?])(\s|$)", text)
    sent = m.group(1) if m else text
    return sent if len(sent.split()) <= limit else teaser(sent, limit)


def reading_time(minutes: int) -> str:
    if minutes == 1:
        return "دقيقة واحدة"
    if minutes == 2:
        return "دقيقتان"
    return f"{minutes} دقائق" if minutes <= 10 else f"{minutes} دقيقة"


def title_tags(title: str, paragraphs: list[str], k: int) -> list[str]:
    """Up to k keywords as a CMS would attach them: the title words the body repeats most."""
    body = " ".join(paragraphs)
    scored: list[tuple[int, int, str]] = []
    for i, raw in enumerate(title.split()):
        w = raw.strip("\"'«»“”.,:؛،!؟?()")
        if len(w) < 4 or w in STOPWORDS or w.isdigit() or w.startswith("ي"):
            continue
        hits = len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", body))
        if hits and w not in [x for _, _, x in scored]:
            scored.append((-hits, i, w))
    return [w for _, _, w in sorted(sorted(scored)[:k], key=lambda t: t[1])]


# --------------------------------------------------------------------------- template engine
# A small renderer for the subset of Jinja2 syntax the templates use ({{ expr }}, {% if %},
# {% elif %}, {% else %}, {% for x in xs %}, {% set %}, {# comments #}, trim/lstrip of block
# tags), so that the generator needs nothing outside the standard library. Expressions are
# Python expressions evaluated over the page context (dicts readable as attributes).

_TOKEN = re.compile(r"({{.*?}}|{%-?.*?-?%}|{#.*?#})", re.S)
_FILTER = re.compile(r"\|\s*(safe|json|e)\s*$")


class _Attr(dict):  # type: ignore[type-arg]
    """A dict whose keys read as attributes, like Jinja2's `a.b` on mappings."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return _Attr({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return [_wrap(v) for v in value]
    return value


@dataclass
class _Loop:
    index0: int
    length: int

    @property
    def index(self) -> int:
        return self.index0 + 1

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1


_SAFE_BUILTINS = {
    "len": len,
    "range": range,
    "min": min,
    "max": max,
    "str": str,
    "int": int,
    "enumerate": enumerate,
    "zip": zip,
    "sorted": sorted,
    "list": list,
    "dict": dict,
    "True": True,
    "False": False,
    "None": None,
}


class Template:
    """Parse once, render many times."""

    def __init__(self, source: str, name: str = "<template>") -> None:
        self.name = name
        self.nodes = self._parse(self._tokens(source))

    @staticmethod
    def _tokens(source: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        pending = ""  # how to trim the next text: "all" whitespace or one "newline"
        for i, part in enumerate(_TOKEN.split(source)):
            if i % 2 == 0:
                if pending == "all":
                    part = part.lstrip()
                elif pending == "newline" and part.startswith("\n"):
                    part = part[1:]
                pending = ""
                out.append(("text", part))
                continue
            kind = {"{{": "var", "{%": "block", "{#": "comment"}[part[:2]]
            inner = part[2:-2]
            left, right = inner.startswith("-"), inner.endswith("-")
            inner = inner.strip("-").strip()
            prev = out[-1][1] if out and out[-1][0] == "text" else None
            if prev is not None and left:
                out[-1] = ("text", prev.rstrip())
            elif prev is not None and kind != "var":
                tail = prev.rsplit("\n", 1)[-1]
                if not tail.strip() and ("\n" in prev or len(out) == 1):
                    out[-1] = ("text", prev[: len(prev) - len(tail)])
            pending = "all" if right else ("newline" if kind != "var" else "")
            if kind != "comment":
                out.append((kind, inner))
        return out

    def _parse(self, tokens: list[tuple[str, str]]) -> list[Any]:
        root: list[Any] = []
        stack: list[tuple[list[Any], Any]] = []
        current = root
        for kind, val in tokens:
            if kind == "text":
                if val:
                    current.append(("text", val))
            elif kind == "var":
                m = _FILTER.search(val)
                flt = m.group(1) if m else "e"
                expr = val[: m.start()].strip() if m else val
                current.append(("var", compile(expr, self.name, "eval"), flt))
            else:
                word, _, rest = val.partition(" ")
                rest = rest.strip()
                if word == "for":
                    target, _, iterable = rest.partition(" in ")
                    node: list[Any] = [
                        "for",
                        [t.strip() for t in target.split(",")],
                        compile(iterable.strip(), self.name, "eval"),
                        [],
                    ]
                    current.append(node)
                    stack.append((current, node))
                    current = node[3]
                elif word == "if":
                    node = ["if", [(compile(rest, self.name, "eval"), [])], None]
                    current.append(node)
                    stack.append((current, node))
                    current = node[1][0][1]
                elif word == "elif":
                    branches: list[Any] = stack[-1][1][1]
                    branches.append((compile(rest, self.name, "eval"), []))
                    current = branches[-1][1]
                elif word == "else":
                    stack[-1][1][2] = current = []
                elif word in ("endfor", "endif"):
                    current, _ = stack.pop()
                elif word == "set":
                    name, _, expr = rest.partition("=")
                    current.append(("set", name.strip(), compile(expr.strip(), self.name, "eval")))
                else:
                    raise ValueError(f"{self.name}: unknown tag {{% {val} %}}")
        if stack:
            raise ValueError(f"{self.name}: unclosed block")
        return root

    def render(self, context: dict[str, Any]) -> str:
        scope = {k: _wrap(v) for k, v in context.items()}
        out: list[str] = []
        self._run(self.nodes, scope, out)
        return "".join(out)

    def _eval(self, code: Any, scope: dict[str, Any]) -> Any:
        # one namespace, so that names are visible inside comprehensions too
        return eval(code, {**scope, "__builtins__": _SAFE_BUILTINS})

    def _run(self, nodes: list[Any], scope: dict[str, Any], out: list[str]) -> None:
        for node in nodes:
            tag = node[0]
            if tag == "text":
                out.append(node[1])
            elif tag == "var":
                value = self._eval(node[1], scope)
                if node[2] == "json":
                    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                    out.append(text.replace("</", "<\\/"))
                elif node[2] == "safe":
                    out.append(str(value))
                else:
                    out.append(html.escape("" if value is None else str(value), quote=True))
            elif tag == "set":
                scope[node[1]] = self._eval(node[2], scope)
            elif tag == "for":
                items = list(self._eval(node[2], scope))
                saved = {k: scope.get(k) for k in [*node[1], "loop"]}
                for i, item in enumerate(items):
                    if len(node[1]) == 1:
                        scope[node[1][0]] = item
                    else:
                        for name, val in zip(node[1], item, strict=True):
                            scope[name] = val
                    scope["loop"] = _Loop(i, len(items))
                    self._run(node[3], scope, out)
                scope.update(saved)
            elif tag == "if":
                for cond, body in node[1]:
                    if self._eval(cond, scope):
                        self._run(body, scope, out)
                        break
                else:
                    if node[2] is not None:
                        self._run(node[2], scope, out)


def load_template(path: Path) -> tuple[dict[str, Any], Template]:
    source = path.read_text(encoding="utf-8")
    m = re.match(r"\{#\s*META\s*(\{.*?\})\s*#\}\n", source, re.S)
    if not m:
        raise ValueError(f"{path}: no {{# META {{...}} #}} header")
    meta = json.loads(m.group(1))
    meta["template"] = path.name.split(".")[0]
    return meta, Template(source[m.end() :], path.name)


# --------------------------------------------------------------------------- page text

_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "template", "noscript", "head", "title", "svg", "iframe"]
)


class _TextBlocks(HTMLParser):
    """The text nodes of a page outside scripts and styles (hidden pop-ups included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open tag, inside a skipped element
        self._buf: list[str] = []

    def _flush(self) -> None:
        text = squash("".join(self._buf))
        if text:
            self.lines.append(text)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()  # every tag ends a text block: one block is one text node
        if tag not in _VOID_TAGS:
            self._stack.append((tag, tag in _SKIP_TAGS))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not any(skip for _, skip in self._stack):
            self._buf.append(data)


def text_blocks(page: str) -> list[str]:
    parser = _TextBlocks()
    parser.feed(page)
    parser.close()
    parser._flush()
    return parser.lines


# --------------------------------------------------------------------------- gold


def boilerplate_snippets(
    lines: list[str], content: list[str], title: str | None, keep: set[str]
) -> list[str]:
    """Every text block that is not article content, as a snippet to keep out of the body."""
    out: list[str] = []
    for text in lines:
        if text in keep or not re.search(r"[^\W\d_]", text):
            continue
        if re.fullmatch(r"[\d\s:/.,%+()-]+|\W+|\w", text):
            continue
        words = text.split()
        snippet = " ".join(words[:10]) if len(words) > 12 else text
        if any(snippet in c for c in content) or (title and snippet in title):
            continue
        if snippet not in out:
            out.append(snippet)
    return out


def must_include(paragraphs: list[str], avoid: list[str], rng: random.Random) -> list[str]:
    """3-5 snippets of 6-8 words: from the first paragraph, the middle ones and the last."""
    picks = [paragraphs[0]]
    middle = [p for p in paragraphs[1:-1] if len(p.split()) >= 6]
    rng.shuffle(middle)
    picks += middle[: min(3, max(1, len(middle)))]
    picks.append(paragraphs[-1])
    snippets: list[str] = []
    for para in picks:
        words = para.split()
        n = min(len(words), rng.choice([6, 7, 8]))
        starts = list(range(0, len(words) - n + 1))
        rng.shuffle(starts)
        for s in starts:
            cand = " ".join(words[s : s + n])
            if sum(p.count(cand) for p in paragraphs) == 1 and not any(cand in a for a in avoid):
                snippets.append(cand)
                break
        else:
            raise ValueError(f"no distinctive snippet in: {para[:60]}")
    return snippets


# --------------------------------------------------------------------------- pages

DEFAULT_CAPTIONS = [
    "صورة أرشيفية",
    "صورة توضيحية",
    "من الأرشيف",
    "جانب من اللقاء",
    "لقطة من مكان الحدث",
]
DEFAULT_CREDITS = ["(رويترز)", "(أ ف ب)", "(الأناضول)", "(وات)", "(مواقع التواصل)"]


@dataclass
class Corpus:
    docs: list[Doc]
    by_category: dict[str, list[Doc]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for doc in sorted(self.docs, key=lambda d: (d.day, d.docno)):
            self.by_category.setdefault(doc.category, []).append(doc)

    def near(
        self,
        day: dt.date,
        k: int,
        rng: random.Random,
        exclude: set[str],
        category: str | None = None,
    ) -> list[Doc]:
        """k documents published close to `day` (same category when given), shuffled."""
        pool = self.by_category[category] if category else self.docs
        pool = [d for d in pool if d.title not in exclude and 15 <= len(d.title) <= 110]
        pool.sort(key=lambda d: (abs((d.day - day).days), d.docno))
        chosen = pool[: max(k * 3, k)]
        rng.shuffle(chosen)
        picked: list[Doc] = []
        for d in chosen:
            if d.title not in {p.title for p in picked}:
                picked.append(d)
            if len(picked) == k:
                break
        return picked


def clock_for(doc: Doc, rng: random.Random) -> str:
    return doc.clock or f"{rng.randint(7, 22):02d}:{rng.choice(range(0, 60, 5)):02d}"


def page_url(
    meta: dict[str, Any], title: str, when: dict[str, Any], page_id: int, category: str
) -> str:
    return str(meta["url"]).format(
        base=meta["base"],
        id=page_id,
        slug=slug(title),
        slug_enc=slug_enc(title),
        section_slug=CATEGORY_SLUG.get(category, "news"),
        **when,
    )


def item(meta: dict[str, Any], doc: Doc, rng: random.Random) -> dict[str, Any]:
    """A headline pointing to another page of the site (related lists, tickers, fronts)."""
    when = date_forms(doc.day, clock_for(doc, rng))
    page_id = rng.randint(10000, 99999)
    return {
        "title": doc.title,
        "url": page_url(meta, doc.title, when, page_id, doc.category),
        "when": when,
        "section": meta.get("sections", {}).get(doc.category, ""),
        "image": str(meta.get("thumb", THUMB_PATH)).format(base=meta["base"], id=page_id, **when),
        "teaser": teaser(doc.paragraphs[0]) if doc.paragraphs else "",
        "sentence": first_sentence(doc.paragraphs[0]) if doc.paragraphs else "",
        "views": rng.randint(120, 9800),
    }


def compose_body(
    meta: dict[str, Any],
    doc: Doc,
    rng: random.Random,
    teasers: list[dict[str, Any]],
    image: dict[str, Any],
) -> list[dict[str, Any]]:
    """Paragraph blocks, with subheadings and the template's inline widgets put between them."""
    blocks: list[dict[str, Any]] = [{"type": "p", "text": p} for p in doc.paragraphs]
    n = len(doc.paragraphs)
    if n >= 4 and rng.random() < float(meta.get("subheadings", 0)):
        count = 2 if n >= 7 else 1
        spots = sorted(rng.sample(range(2, n - 1), count))
        phrases = rng.sample(SUBHEADINGS, count)
        for spot, phrase in zip(reversed(spots), reversed(phrases), strict=True):
            blocks.insert(spot, {"type": "sub", "text": phrase})
    widgets = {
        "figure": {"type": "figure", **image},
        "teaser": {"type": "teaser", "items": teasers},
        "ad": {"type": "ad"},
        "gallery": {"type": "gallery"},
        "tweet": {"type": "tweet"},
    }
    for name, after in sorted(meta.get("inline", {}).items(), key=lambda kv: -kv[1]):
        if after >= n:
            continue
        seen = 0
        for i, block in enumerate(blocks):
            seen += block["type"] == "p"
            if seen == after:
                blocks.insert(i + 1, widgets[name])
                break
    return blocks


def pick_authors(meta: dict[str, Any], rng: random.Random) -> list[str]:
    pool = list(meta.get("authors", []))
    if not pool or rng.random() >= float(meta.get("author_rate", 0)):
        return []
    k = 2 if rng.random() < float(meta.get("two_authors", 0)) else 1
    return rng.sample(pool, k)


def article_page(
    meta: dict[str, Any], doc: Doc, corpus: Corpus, rng: random.Random, taken: set[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The template context and the gold of one article page."""
    when = date_forms(doc.day, clock_for(doc, rng))
    page_id = rng.randint(10000, 99999)
    url = page_url(meta, doc.title, when, page_id, doc.category)
    exclude = {doc.title}
    pools = meta.get("pool", {})
    words = slug(doc.title).split("-")
    img_slug = (
        "-".join(words[: rng.randint(3, min(6, len(words)))])
        if len(words) >= 3
        else slug(doc.title)
    )
    image = {
        "src": str(meta.get("image", IMAGE_PATH)).format(
            base=meta["base"], id=page_id, slug=img_slug, **when
        ),
        "slug": img_slug,
        "caption": rng.choice(pools.get("captions", DEFAULT_CAPTIONS)),
        "credit": rng.choice(pools.get("credits", DEFAULT_CREDITS)),
        "width": 780,
        "height": 470,
    }
    related = [
        item(meta, d, rng)
        for d in corpus.near(doc.day, int(meta.get("related", 6)), rng, exclude, doc.category)
    ]
    exclude |= {r["title"] for r in related}
    more = [
        item(meta, d, rng) for d in corpus.near(doc.day, int(meta.get("more", 5)), rng, exclude)
    ]
    exclude |= {r["title"] for r in more}
    teasers = [
        item(meta, d, rng)
        for d in corpus.near(doc.day, int(meta.get("teasers", 2)), rng, exclude, doc.category)
    ]
    exclude |= {r["title"] for r in teasers}
    ticker = [
        item(meta, d, rng) for d in corpus.near(doc.day, int(meta.get("ticker", 0)), rng, exclude)
    ]
    ticker.sort(key=lambda t: t["when"]["clock"], reverse=True)
    comments = []
    lo, hi = meta.get("comments", [0, 0])
    for text in rng.sample(pools.get("comments", []), rng.randint(lo, hi) if hi else 0):
        later = doc.day + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
        comments.append(
            {
                "name": rng.choice(pools["commenters"]),
                "text": text,
                "when": date_forms(later, f"{rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}"),
                "likes": rng.randint(0, 140),
                "dislikes": rng.randint(0, 40),
                "id": rng.randint(100000, 999999),
            }
        )
    comments.sort(key=lambda c: (c["when"]["date"], c["when"]["clock"]))
    gallery = []
    if meta.get("gallery"):
        shots = rng.sample(pools["gallery_captions"], int(meta["gallery"]))
        for i, cap in enumerate(shots):
            gallery.append(
                {
                    "caption": cap,
                    "credit": rng.choice(pools["gallery_credits"]),
                    "src": f"{meta['base']}/photos/{page_id}/{i + 1}.jpg",
                }
            )
    lo_t, hi_t = meta.get("tags", [0, 0])
    tags = title_tags(doc.title, doc.paragraphs, rng.randint(lo_t, hi_t)) if hi_t else []
    if tags and meta.get("sections", {}).get(doc.category) and meta.get("section_tag"):
        tags = [meta["sections"][doc.category], *tags]
    authors = pick_authors(meta, rng)
    has_date = rng.random() < float(meta.get("date_rate", 1))
    blocks = compose_body(meta, doc, rng, teasers, image)
    words_n = sum(len(p.split()) for p in doc.paragraphs)
    a = {
        "docno": doc.docno,
        "title": doc.title,
        "url": url,
        "id": page_id,
        "slug": slug(doc.title),
        "slug_enc": slug_enc(doc.title),
        "when": when,
        "has_date": has_date,
        "section": meta.get("sections", {}).get(doc.category),
        "section_slug": CATEGORY_SLUG[doc.category],
        "tags": tags,
        "authors": authors,
        "author": authors[0] if authors else None,
        "blocks": blocks,
        "paragraphs": doc.paragraphs,
        "description": teaser(doc.paragraphs[0], 25),
        "image": image,
        "words": words_n,
        "minutes": max(1, round(words_n / 200)),
        "reading": reading_time(max(1, round(words_n / 200))),
        "views": rng.randint(300, 25000),
        "shares": rng.randint(0, 900),
    }
    context = {
        "site": meta,
        "a": a,
        "related": related,
        "more": more,
        "teasers": teasers,
        "ticker": ticker,
        "comments": comments,
        "gallery": gallery,
        "bio": rng.choice(pools.get("bios", [""])),
        "n": rng.randint(1, 9),
        "today": date_forms(doc.day + dt.timedelta(days=rng.randint(0, 3)), "08:00"),
    }
    content = [b["text"] for b in blocks if b["type"] in ("p", "sub")]
    gold = {
        "kind": "article",
        "template": meta["template"],
        "antcorpus_docno": doc.docno,
        "url": url,
        "encoding": meta.get("encoding", "utf-8"),
        "title": doc.title,
        "authors": authors,
        "published": when["date"] if has_date else None,
        "date_shown": has_date,
        "site_name": meta.get("site_name"),
        "section": a["section"],
        "tags": tags,
        "subheadings": [b["text"] for b in blocks if b["type"] == "sub"],
        "paragraphs": content,
        "must_include": [],
        "must_exclude": [],
    }
    taken.add(doc.docno)
    return context, gold


def other_page(
    meta: dict[str, Any], n: int, corpus: Corpus, rng: random.Random, taken: set[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Context and gold of a non-article page: section front, tag page, video or live blog."""
    kind = meta["kind"]
    docno: str | None = None
    published: str | None = None
    section: str | None = None
    anchor = rng.choice([d for d in corpus.docs if d.day.year == 2017 and d.clock])
    when = date_forms(anchor.day, clock_for(anchor, rng))
    page_id = rng.randint(10000, 99999)
    ctx: dict[str, Any] = {"site": meta, "n": n}
    if kind == "section":
        category = meta["front_categories"][n % len(meta["front_categories"])]
        section = title = meta["sections"][category]
        docs = corpus.near(anchor.day, 13, rng, set(), category)
        docs.sort(key=lambda d: (d.day, d.clock or ""), reverse=True)
        ctx["items"] = [item(meta, d, rng) for d in docs]
        url = f"{meta['base']}/{CATEGORY_SLUG[category]}/"
        date_shown = bool(meta.get("shows_dates"))
    elif kind == "tag":
        title = TAG_WORDS[(n * 5 + 3) % len(TAG_WORDS)]
        docs = [d for d in corpus.docs if title in d.title.split() or f" {title} " in d.title]
        docs.sort(key=lambda d: (d.day, d.docno), reverse=True)
        ctx["items"] = [item(meta, d, rng) for d in docs[:10]]
        url = f"{meta['base']}/tag/{slug_enc(title)}/"
        date_shown = bool(meta.get("shows_dates"))
    elif kind == "video":
        pool = [d for d in corpus.docs if usable(d) and d.docno not in taken]
        doc = rng.choice(pool)
        taken.add(doc.docno)
        docno, title = doc.docno, doc.title
        when = date_forms(doc.day, clock_for(doc, rng))
        published, section = when["date"], meta["video_section"]
        ctx["video"] = {
            "title": title,
            "description": first_sentence(doc.paragraphs[0]),
            "duration": f"{rng.randint(1, 6)}:{rng.randint(0, 59):02d}",
        }
        ctx["items"] = [item(meta, d, rng) for d in corpus.near(doc.day, 8, rng, {title})]
        url = f"{meta['base']}/video/{page_id}/{slug_enc(title)}"
        date_shown = True
    elif kind == "liveblog":
        per_day: dict[dt.date, int] = {}
        for d in corpus.docs:
            if d.clock:
                per_day[d.day] = per_day.get(d.day, 0) + 1
        busy = sorted(day for day, count in per_day.items() if count >= 22)
        when = date_forms(rng.choice(busy), "06:00")
        day_docs = [d for d in corpus.docs if d.day.isoformat() == when["date"] and d.clock]
        day_docs.sort(key=lambda d: (d.clock or "", d.docno), reverse=True)
        updates = day_docs[: rng.randint(15, 22)]
        title = LIVEBLOG_TITLES[n % len(LIVEBLOG_TITLES)].format(
            weekday=when["weekday"], date=when[meta.get("date_style", "maghreb")]
        )
        published, section = when["date"], meta["live_section"]
        ctx["updates"] = [
            {
                "clock": d.clock,
                "title": d.title,
                "text": first_sentence(d.paragraphs[0], 30) if d.paragraphs else "",
                "id": rng.randint(100000, 999999),
            }
            for d in updates
        ]
        ctx["items"] = [
            item(meta, d, rng)
            for d in corpus.near(updates[0].day, 5, rng, {d.title for d in updates})
        ]
        url = f"{meta['base']}/live/{when['yyyy']}/{when['mm']}/{when['dd']}/{page_id}"
        date_shown = True
    else:
        raise ValueError(f"unknown page kind {kind!r}")
    ctx["page"] = {
        "title": title,
        "url": url,
        "when": when,
        "section": section,
        "id": page_id,
        "has_date": date_shown,
    }
    gold = {
        "kind": kind,
        "template": meta["template"],
        "antcorpus_docno": docno,
        "url": url,
        "encoding": meta.get("encoding", "utf-8"),
        "title": title,
        "authors": [],
        "published": published,
        "date_shown": date_shown,
        "site_name": meta.get("site_name"),
        "section": section,
        "tags": [],
        "subheadings": [],
        "paragraphs": [],
        "must_include": [],
        "must_exclude": [],
    }
    return ctx, gold


def finish(page: str, gold: dict[str, Any], rng: random.Random) -> None:
    """Fill must_include and must_exclude from the rendered page."""
    lines = text_blocks(page)
    content = gold["paragraphs"]
    keep = set(content) | {gold["title"]}
    gold["must_exclude"] = boilerplate_snippets(lines, content, gold["title"], keep)
    if gold["kind"] == "article":
        text_paras = [p for p in content if p not in gold["subheadings"]]
        others = [t for t in lines if t not in keep]
        gold["must_include"] = must_include(text_paras, others, rng)


# --------------------------------------------------------------------------- main


def assign_articles(
    metas: list[dict[str, Any]], corpus: Corpus, rng: random.Random
) -> dict[str, list[Doc]]:
    """Spread the categories over the article templates; cp1256 pages get cp1256 texts."""
    names = [m["template"] for m in metas if m["kind"] == "article"]
    slots = [c for c, k in CATEGORY_QUOTA.items() for _ in range(k)]
    needed = len(names) * PAGES_PER_ARTICLE_TEMPLATE
    while len(slots) < needed:
        slots += list(CATEGORY_QUOTA)
    slots = slots[:needed]
    rng.shuffle(slots)
    pools = {c: [d for d in docs if usable(d)] for c, docs in corpus.by_category.items()}
    for pool in pools.values():
        rng.shuffle(pool)
        pool.sort(key=lambda d: len(d.paragraphs) < 4)  # longer articles first, where there are any
    out: dict[str, list[Doc]] = {n: [] for n in names}
    legacy = {m["template"] for m in metas if m.get("encoding") == "windows-1256"}
    order = sorted(names, key=lambda n: n not in legacy)  # legacy first: it is the pickiest
    for i, name in enumerate(order):
        for cat in slots[i * PAGES_PER_ARTICLE_TEMPLATE : (i + 1) * PAGES_PER_ARTICLE_TEMPLATE]:
            pool = pools[cat]
            doc = next(d for d in pool if name not in legacy or cp1256_ok(d))
            pool.remove(doc)
            out[name].append(doc)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--antcorpus", required=True, type=Path, help="antcorpus_v1.1_articles.tar.gz"
    )
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)

    corpus = Corpus(read_corpus(args.antcorpus))
    loaded = [load_template(p) for p in sorted(args.templates.glob("*.html.j2"))]
    metas = [m for m, _ in loaded]
    templates = {m["template"]: t for m, t in loaded}
    rng = random.Random(SEED)
    plan = assign_articles(metas, corpus, rng)
    taken: set[str] = {d.docno for docs in plan.values() for d in docs}
    args.out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for meta in metas:
        name = meta["template"]
        page_rng = random.Random(f"{SEED}-{name}")
        if meta["kind"] == "article":
            jobs = [
                (i, article_page(meta, doc, corpus, page_rng, taken))
                for i, doc in enumerate(plan[name])
            ]
        else:
            jobs = [
                (i, other_page(meta, i, corpus, page_rng, taken))
                for i in range(PAGES_PER_OTHER_TEMPLATE)
            ]
        for i, (ctx, gold) in jobs:
            page = templates[name].render(ctx)
            finish(page, gold, page_rng)
            stem = f"{name}_{i + 1:02d}"
            encoding = "cp1256" if gold["encoding"] == "windows-1256" else "utf-8"
            (args.out / f"{stem}.html").write_bytes(page.encode(encoding, "xmlcharrefreplace"))
            (args.out / f"{stem}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            counts[f"{name} ({gold['kind']})"] = counts.get(f"{name} ({gold['kind']})", 0) + 1
    for key, value in counts.items():
        print(f"{value:3d}  {key}")
    print(f"{sum(counts.values()):3d}  pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
