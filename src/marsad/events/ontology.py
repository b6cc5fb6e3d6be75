"""The event ontology: PLOVER types and modes, CAMEO codes with Goldstein scores, triggers.

Everything lives in tab-separated files under ``marsad/events/data`` (see its README);
this module only reads and checks them. ``Ontology.load()`` reads the package's files,
``Ontology.load(path)`` a directory holding files of the same names. A file that breaks
the format raises :class:`~marsad.errors.InputError` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.errors import InputError

__all__ = ["CameoCode", "EventType", "Mode", "Ontology", "Trigger"]

#: Markers allowed in a trigger's argument frame: prepositions, ``obj`` (direct object) or
#: ``-`` (no target). The last row are the locative prepositions that mark the target of a
#: protest (أمام), a movement (نحو، باتجاه، قرب، فوق), a mediation (بين) or a complaint (لدى، إزاء).
FRAMES = frozenset(
    {"ب", "مع", "على", "إلى", "ضد", "ل", "في", "من", "عن", "obj", "-"}
    | {"بين", "أمام", "لدى", "إزاء", "نحو", "باتجاه", "قرب", "فوق"}
)
POS = frozenset({"verb", "noun", "phrase"})
_CAMEO = re.compile(r"\d{2,4}")
_NONE = "-"


@dataclass(frozen=True, slots=True)
class EventType:
    """A PLOVER event type and its default quad class (1–4, GDELT numbering)."""

    name: str
    quad_class: int
    category: str
    description: str


@dataclass(frozen=True, slots=True)
class Mode:
    """A mode of a PLOVER type (``name`` None: the type's default) with its CAMEO code."""

    type: str
    name: str | None
    cameo: str
    goldstein: float
    quad_class: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code, its Goldstein score and the PLOVER type/mode it maps to.

    ``plover_type`` is None for the CAMEO 01 statements, which PLOVER drops.
    """

    code: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    """An Arabic word or phrase that signals an event, with its bare surface forms."""

    lemma: str
    pos: str
    forms: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    frame: tuple[str, ...]
    negated: bool
    note: str = ""

    @property
    def needs(self) -> tuple[str, ...]:
        """Context words the row requires (a note starting ``needs: w1|w2 —``), else ()."""
        if not self.note.startswith("needs:"):
            return ()
        words = self.note[len("needs:") :].split("—", 1)[0]
        return tuple(w.strip() for w in words.split("|") if w.strip())


@dataclass(frozen=True, slots=True)
class _Row:
    file: str
    line: int
    fields: tuple[str, ...]

    def fail(self, message: str) -> InputError:
        return InputError(f"{self.file}, line {self.line}: {message}")

    def float(self, index: int, low: float, high: float) -> float:
        try:
            value = float(self.fields[index])
        except ValueError:
            raise self.fail(f"not a number: {self.fields[index]!r}") from None
        if not low <= value <= high:
            raise self.fail(f"{value} is outside [{low}, {high}]")
        return value

    def quad(self, index: int) -> int:
        if self.fields[index] not in {"1", "2", "3", "4"}:
            raise self.fail(f"quad class must be 1-4, not {self.fields[index]!r}")
        return int(self.fields[index])

    def cameo(self, index: int) -> str:
        if not _CAMEO.fullmatch(self.fields[index]):
            raise self.fail(f"CAMEO code must be 2-4 digits, not {self.fields[index]!r}")
        return self.fields[index]

    def optional(self, index: int) -> str | None:
        value = self.fields[index]
        return None if value in ("", _NONE) else value


def _rows(text: str, file: str, columns: Sequence[str]) -> Iterator[_Row]:
    """The data rows of a TSV text: ``#`` lines skipped, then a column-name line."""
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(field.strip() for field in line.split("\t"))
        row = _Row(file, number, fields)
        if not header_seen:
            if fields != tuple(columns):
                raise row.fail(f"expected the column names {'/'.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise row.fail(f"expected {len(columns)} tab-separated fields, found {len(fields)}")
        yield row
    if not header_seen:
        raise InputError(f"{file}: no column-name line")


class Ontology:
    """PLOVER event types, their modes, CAMEO codes and the Arabic trigger lexicon."""

    FILES = ("plover.tsv", "modes.tsv", "cameo.tsv", "triggers.tsv")

    def __init__(
        self,
        types: Mapping[str, EventType],
        modes: Sequence[Mode],
        cameo: Mapping[str, CameoCode],
        triggers: Sequence[Trigger],
    ) -> None:
        self.types: Mapping[str, EventType] = dict(types)
        self.modes: tuple[Mode, ...] = tuple(modes)
        self.cameo_codes: Mapping[str, CameoCode] = dict(cameo)
        self.triggers: tuple[Trigger, ...] = tuple(triggers)
        self._modes = {(m.type, m.name): m for m in self.modes}

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Ontology:
        """Read and check the four data files (the package's own when ``data_dir`` is None)."""
        texts = {name: _read(data_dir, name) for name in cls.FILES}
        types = _load_types(texts["plover.tsv"])
        cameo = _load_cameo(texts["cameo.tsv"], types)
        modes = _load_modes(texts["modes.tsv"], types, cameo)
        known = {(m.type, m.name) for m in modes}
        _check_cameo_modes(cameo, known, texts["cameo.tsv"][1])
        triggers = _load_triggers(texts["triggers.tsv"], types, known, cameo)
        return cls(types, modes, cameo, triggers)

    def mode(self, type: str, mode: str | None) -> Mode | None:
        """The mode ``mode`` of ``type``; ``mode`` None gives the type's default row."""
        return self._modes.get((type, mode or None))

    def cameo(self, code: str) -> CameoCode | None:
        """A CAMEO code, or its nearest listed parent (3-, then 2-digit)."""
        for length in (len(code), 3, 2):
            if length <= len(code) and (found := self.cameo_codes.get(code[:length])):
                return found
        return None

    def goldstein(
        self, type: str, mode: str | None = None, cameo: str | None = None
    ) -> float | None:
        """The Goldstein score: of the CAMEO code if given, else of the mode or type default."""
        if cameo and (code := self.cameo(cameo)):
            return code.goldstein
        found = self.mode(type, mode) or self.mode(type, None)
        return found.goldstein if found else None

    def quad_class(self, type: str, mode: str | None = None) -> int:
        """The quad class of a type, or of one of its modes where the mode has its own."""
        found = self.mode(type, mode) if mode else None
        if found:
            return found.quad_class
        if type not in self.types:
            raise KeyError(f"unknown PLOVER event type {type!r}")
        return self.types[type].quad_class

    def triggers_of(self, type: str) -> tuple[Trigger, ...]:
        """The triggers of one event type, in file order."""
        return tuple(t for t in self.triggers if t.type == type)


def _read(data_dir: Path | None, name: str) -> tuple[str, str]:
    if data_dir is None:
        resource = resources.files("marsad.events").joinpath("data", name)
        return resource.read_text("utf-8"), f"marsad/events/data/{name}"
    path = Path(data_dir) / name
    try:
        return path.read_text("utf-8"), str(path)
    except FileNotFoundError:
        raise InputError(f"{path}: missing ontology data file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def _load_types(source: tuple[str, str]) -> dict[str, EventType]:
    types: dict[str, EventType] = {}
    for row in _rows(*source, ("type", "quad_class", "category", "description")):
        name, _, category, description = row.fields
        if name in types:
            raise row.fail(f"duplicate event type {name}")
        types[name] = EventType(name, row.quad(1), category, description)
    return types


def _load_cameo(source: tuple[str, str], types: Mapping[str, EventType]) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    columns = ("cameo", "name", "goldstein", "plover_type", "plover_mode")
    for row in _rows(*source, columns):
        code = row.cameo(0)
        if code in codes:
            raise row.fail(f"duplicate CAMEO code {code}")
        plover_type = row.optional(3)
        if plover_type is not None and plover_type not in types:
            raise row.fail(f"unknown PLOVER type {plover_type!r}")
        goldstein = row.float(2, -10.0, 10.0)
        codes[code] = CameoCode(code, row.fields[1], goldstein, plover_type, row.optional(4))
    return codes


def _check_cameo_modes(
    cameo: Mapping[str, CameoCode], modes: set[tuple[str, str | None]], file: str
) -> None:
    for code in cameo.values():
        if (
            code.plover_type
            and code.plover_mode
            and (code.plover_type, code.plover_mode) not in modes
        ):
            raise InputError(
                f"{file}: code {code.code} maps to {code.plover_type}/{code.plover_mode},"
                " which modes.tsv does not list"
            )


def _load_modes(
    source: tuple[str, str], types: Mapping[str, EventType], cameo: Mapping[str, CameoCode]
) -> list[Mode]:
    modes: list[Mode] = []
    seen: set[tuple[str, str | None]] = set()
    columns = ("type", "mode", "cameo", "goldstein", "quad_class", "description")
    for row in _rows(*source, columns):
        type_, name = row.fields[0], row.optional(1)
        if type_ not in types:
            raise row.fail(f"unknown PLOVER type {type_!r}")
        if (type_, name) in seen:
            raise row.fail(f"duplicate mode {type_}/{name}")
        code = row.cameo(2)
        if code not in cameo:
            raise row.fail(f"CAMEO code {code} is not in cameo.tsv")
        seen.add((type_, name))
        goldstein = row.float(3, -10.0, 10.0)
        modes.append(Mode(type_, name, code, goldstein, row.quad(4), row.fields[5]))
    return modes


def _load_triggers(
    source: tuple[str, str],
    types: Mapping[str, EventType],
    modes: set[tuple[str, str | None]],
    cameo: Mapping[str, CameoCode],
) -> list[Trigger]:
    triggers: list[Trigger] = []
    columns = ("lemma", "pos", "forms", "type", "mode", "cameo", "frame", "negated", "note")
    for row in _rows(*source, columns):
        lemma, pos, forms, type_ = row.fields[:4]
        mode = row.optional(4)
        if pos not in POS:
            raise row.fail(f"pos must be one of {sorted(POS)}, not {pos!r}")
        if type_ not in types:
            raise row.fail(f"unknown PLOVER type {type_!r}")
        if mode is not None and (type_, mode) not in modes:
            raise row.fail(f"unknown mode {type_}/{mode}")
        code = row.cameo(5)
        if code not in cameo:
            raise row.fail(f"CAMEO code {code} is not in cameo.tsv")
        surface = tuple(f.strip() for f in forms.split("|") if f.strip())
        if not lemma or not surface:
            raise row.fail("a trigger needs a lemma and at least one form")
        frame = tuple(f.strip() for f in row.fields[6].split("|") if f.strip()) or (_NONE,)
        if bad := [f for f in frame if f not in FRAMES]:
            raise row.fail(f"unknown frame marker(s) {bad}")
        if row.fields[7] not in ("yes", "no", ""):
            raise row.fail(f"negated must be yes/no, not {row.fields[7]!r}")
        negated = row.fields[7] == "yes"
        triggers.append(
            Trigger(lemma, pos, surface, type_, mode, code, frame, negated, row.fields[8])
        )
    return triggers
