"""`pip install .` builds a wheel that carries the data files and the sample corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to copy the checkout")
def test_wheel_contents(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("marsad-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "marsad/extract/data/boilerplate.tsv",
        "marsad/extract/data/boilerplate_categories.tsv",
        "marsad/extract/data/agencies.txt",
        "marsad/arabic/data/months.tsv",
        "marsad/schema/analyzed-article.v1.schema.json",
        "marsad/entities/data/actors/people.tsv",
        "marsad/entities/data/actors/offices.tsv",
        "marsad/entities/data/linking_cues.tsv",
        "marsad/events/data/triggers.tsv",
        "marsad/events/data/modality.tsv",
        "marsad/events/models/triggers.crfsuite",
        "marsad/entities/models/ner_doc.crfsuite",
        "marsad/examples/antcorpus-sample.jsonl",
        "marsad/examples/seed-article.txt",
        "marsad/examples/LICENSE-antcorpus",
    ):
        assert needed in names, needed
    assert any(n.endswith("entry_points.txt") for n in names)
