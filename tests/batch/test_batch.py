"""Batch runs end to end on a small WARC built here: local engine, Spark local[2], reruns."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.batch import plan, run_local, run_spark
from marsad.config import Settings
from marsad.errors import InputError
from tests.sources.builders import http_response, warc_record

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{day}T10:00:00Z"></head>
<body><article><h1>{title}</h1>{body}</article></body></html>"""
PARAGRAPHS = [
    "أشاد الرئيس الأمريكي باراك أوباما بالدور الروسي في سوريا خلال مؤتمر صحفي عقده اليوم في "
    "العاصمة الفلبينية مانيلا على هامش قمة آبيك.",
    "وقال وزير الخارجية الفرنسي إن باريس ستواصل التنسيق مع موسكو في مكافحة تنظيم داعش، "
    "مضيفا أن الغارات على معاقل التنظيم في الرقة ستتكثف خلال الأيام المقبلة.",
    "ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس والعودة إلى طاولة المفاوضات في جنيف "
    "من أجل التوصل إلى حل سياسي للأزمة.",
]


def _page(number: int, day: str) -> bytes:
    title = f"تطورات جديدة في الأزمة السورية رقم {number}"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return PAGE.format(title=title, day=day, body=body).encode("utf-8")


def _warc(path: Path, pages: list[tuple[int, str]]) -> Path:
    records = b"".join(
        warc_record(
            "response",
            http_response("200 OK", "text/html; charset=utf-8", _page(n, day)),
            uri=f"https://news.example/{n}",
            record_id=f"00000000-0000-0000-0000-{n:012d}",
        )
        for n, day in pages
    )
    path.write_bytes(records)
    return path


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    first = _warc(tmp_path / "a.warc", [(1, "2015-11-20"), (2, "2015-11-21")])
    second = _warc(tmp_path / "b.warc", [(3, "2015-11-21")])
    broken = tmp_path / "c.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    return [str(first), str(second), str(broken)]


def _tables(out: Path) -> dict[str, list[dict[str, object]]]:
    tables = {}
    for name in ("articles", "entities", "events"):
        files = sorted((out / name).rglob("*.parquet"))
        rows: list[dict[str, object]] = []
        for file in files:
            part = file.parent.name
            for row in pq.read_table(file).to_pylist():
                rows.append({"partition": part, **row})
        tables[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return tables


def test_local_run_writes_partitions_stats_and_markers(tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "out"
    report = run_local(inputs, out, Settings(), workers=1)
    assert report.planned == 3 and report.skipped == 0
    assert report.kept == 3
    tables = _tables(out)
    assert {r["partition"] for r in tables["articles"]} == {
        "published=2015-11-20",
        "published=2015-11-21",
    }
    assert any(r["name"] == "باراك أوباما" for r in tables["entities"])
    assert tables["events"], "the pages report events"
    stats = [json.loads(p.read_text()) for p in (out / "_stats").glob("*.json")]
    assert sum(s["seen"] for s in stats) >= 4
    assert any(s["dropped"] for s in stats), "the broken WARC's record is a recorded drop"
    assert len(list((out / "_done").iterdir())) == 3


def test_rerun_skips_finished_shards(tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "out"
    run_local(inputs, out, Settings())
    first = _tables(out)
    (out / "_done" / plan(inputs)[1].id).unlink()  # as if killed before its marker
    again = run_local(inputs, out, Settings())
    assert again.skipped == 2 and len(again.shards) == 1
    assert _tables(out) == first


def test_two_local_workers_give_the_same_output(tmp_path: Path, inputs: list[str]) -> None:
    run_local(inputs, tmp_path / "one", Settings(), workers=1)
    run_local(inputs, tmp_path / "two", Settings(), workers=2)
    assert _tables(tmp_path / "one") == _tables(tmp_path / "two")


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        run_local([str(tmp_path / "nothing.warc")], tmp_path / "out", Settings())


def _java() -> str | None:
    java = shutil.which("java")
    if java is None:
        return None
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    return java if result.returncode == 0 else None


def test_spark_local_gives_the_same_output_as_local(tmp_path: Path, inputs: list[str]) -> None:
    if _java() is None:
        pytest.skip("Spark needs Java 17: no working `java` on PATH")
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'marsad[spark]')")
    run_local(inputs, tmp_path / "local", Settings(), workers=1)
    report = run_spark(inputs, tmp_path / "spark", Settings(), workers=2)
    assert report.kept == 3
    assert _tables(tmp_path / "spark") == _tables(tmp_path / "local")
