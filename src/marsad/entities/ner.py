"""The named-entity tagger: a CRF (python-crfsuite) over the features of ``features.py``.

``NerTagger.load()`` reads the model shipped in ``marsad/entities/models`` (or a directory
given as ``path``); ``tag(tokens)`` returns BIO tags (PER, ORG, LOC, MISC) and
``spans(text)`` returns mentions with character offsets into ``text``. When the model has
a document pass (``ner_doc.crfsuite``), a second CRF re-tags each sentence knowing how the
first pass tagged the same words elsewhere in the text (a name met once after a title is
then found again on its own): ``spans(text)`` and ``tag_document(sentences)`` treat their
input as one document (of at least ``MIN_DOCUMENT_SENTENCES`` sentences for the second pass
to run); ``tag(tokens)`` tags one sentence with the first pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite

from marsad.entities.features import FeatureConfig, FeatureExtractor
from marsad.entities.lexicon import load_lexicon, read_clusters
from marsad.entities.tokens import TextToken, tokenize
from marsad.errors import InputError

MODEL_FILE = "ner.crfsuite"
#: The optional second pass, which sees how the first pass tagged the rest of the document.
DOC_MODEL_FILE = "ner_doc.crfsuite"
CLUSTERS_FILE = "ner_clusters.tsv"
MANIFEST_FILE = "ner_manifest.json"
#: The document pass runs on texts of at least this many sentences: with less context it
#: scores below the first pass alone (dev split: 0.675 on single sentences, 0.687 on pieces
#: of 2 or 3, 0.703 on pieces of 5, 0.696 for the first pass).
MIN_DOCUMENT_SENTENCES = 5
#: Longer runs of tokens without sentence punctuation are tagged in pieces of this size.
MAX_CHUNK = 250
_SENTENCE_END = frozenset(".!?؟…")
_PARAGRAPH = re.compile(r"\n\s*\n")


class EntitySpan(NamedTuple):
    """A mention found in text: ``text[start:end] == mention``."""

    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True, slots=True)
class _ModelFiles:
    model: bytes
    clusters: str
    manifest: dict[str, Any]
    doc_model: bytes | None


def _read_model_files(path: Path | None) -> _ModelFiles:
    try:
        if path is None:
            root = resources.files("marsad.entities").joinpath("models")
            model = root.joinpath(MODEL_FILE).read_bytes()
            clusters = root.joinpath(CLUSTERS_FILE).read_text("utf-8")
            manifest = root.joinpath(MANIFEST_FILE).read_text("utf-8")
            doc_file = root.joinpath(DOC_MODEL_FILE)
            doc_model = doc_file.read_bytes() if doc_file.is_file() else None
        else:
            model = (path / MODEL_FILE).read_bytes()
            clusters = (path / CLUSTERS_FILE).read_text("utf-8")
            manifest = (path / MANIFEST_FILE).read_text("utf-8")
            doc_path = path / DOC_MODEL_FILE
            doc_model = doc_path.read_bytes() if doc_path.is_file() else None
    except (OSError, UnicodeDecodeError) as exc:
        where = path or "the installed package"
        raise InputError(
            f"cannot read the NER model in {where}: {exc}; "
            "train one with training/ner/train.py or reinstall marsad"
        ) from exc
    try:
        parsed = json.loads(manifest)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the NER model manifest {MANIFEST_FILE} is not valid JSON: {exc}"
        ) from exc
    if not isinstance(parsed, dict):
        raise InputError(f"the NER model manifest {MANIFEST_FILE} must be a JSON object")
    if not parsed.get("document_pass", False):
        doc_model = None
    return _ModelFiles(model, clusters, parsed, doc_model)


class NerTagger:
    """Tags Arabic tokens with PER/ORG/LOC/MISC in BIO. Build it with :meth:`load`."""

    def __init__(
        self,
        crf: pycrfsuite.Tagger,
        extractor: FeatureExtractor,
        source: Path | None,
        model_bytes: bytes = b"",
        doc_crf: pycrfsuite.Tagger | None = None,
        doc_model_bytes: bytes = b"",
    ):
        # crfsuite reads an in-memory model in place: the bytes must live as long as the tagger.
        self._model_bytes = model_bytes
        self._doc_model_bytes = doc_model_bytes
        self._crf = crf
        self._doc_crf = doc_crf
        self._extractor = extractor
        self._source = source
        self.labels: tuple[str, ...] = tuple(crf.labels())

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerTagger:
        """Load a model directory (crfsuite model, clusters, manifest); default: the shipped one."""
        source = Path(path) if path is not None else None
        files = _read_model_files(source)
        clusters, stats = read_clusters(files.clusters.splitlines(), CLUSTERS_FILE)
        lexicon = load_lexicon(None)
        lexicon = type(lexicon)(
            words=lexicon.words,
            phrases=lexicon.phrases,
            clusters=clusters,
            stats=stats,
            max_phrase=lexicon.max_phrase,
        )
        config = FeatureConfig.from_dict(files.manifest.get("features", {}))
        crf = _open_crf(files.model, MODEL_FILE)
        doc_crf = None if files.doc_model is None else _open_crf(files.doc_model, DOC_MODEL_FILE)
        return cls(
            crf,
            FeatureExtractor(lexicon, config),
            source,
            files.model,
            doc_crf,
            files.doc_model or b"",
        )

    @property
    def has_document_pass(self) -> bool:
        """Whether a second pass uses document context (see the module docstring)."""
        return self._doc_crf is not None

    def __getstate__(self) -> dict[str, Any]:
        # The CRF handle cannot be pickled; a copy (e.g. in a Spark executor) reloads the model.
        return {"source": self._source}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = NerTagger.load(state["source"])
        self._crf, self._extractor, self._source = other._crf, other._extractor, other._source
        self._model_bytes = other._model_bytes
        self._doc_crf, self._doc_model_bytes = other._doc_crf, other._doc_model_bytes
        self.labels = other.labels

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO tag per token (``O``, ``B-PER``, ``I-PER``, … ORG, LOC, MISC).

        The tokens are one sentence, tagged without document context (first pass only).
        """
        if isinstance(tokens, str):
            raise InputError("NerTagger.tag takes a list of tokens; use spans() for text")
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document.

        With a document pass and at least ``MIN_DOCUMENT_SENTENCES`` sentences, a second
        CRF re-tags every sentence knowing how the first pass tagged the whole document.
        """
        chunks: list[list[str]] = []
        owners: list[int] = []
        for index, tokens in enumerate(sentences):
            if isinstance(tokens, str):
                raise InputError("NerTagger.tag_document takes lists of tokens")
            for start in range(0, len(tokens), MAX_CHUNK):
                chunks.append([t if t.strip() else "_" for t in tokens[start : start + MAX_CHUNK]])
                owners.append(index)
        features = [self._extractor.sentence(chunk) for chunk in chunks]
        tagged = [_repair(self._crf.tag(f)) for f in features]
        if self._doc_crf is not None and len(sentences) >= MIN_DOCUMENT_SENTENCES:
            context = self._extractor.document(chunks, tagged)
            if self._extractor.config.document_window:
                base = features
            else:
                base = [self._extractor.local(chunk) for chunk in chunks]
            for rows, extra in zip(base, context, strict=True):
                for row, more in zip(rows, extra, strict=True):
                    row.extend(more)
            tagged = [_repair(self._doc_crf.tag(rows)) for rows in base]
            tagged = self._extractor.propagate(chunks, tagged)
        out: list[list[str]] = [[] for _ in sentences]
        for owner, tags in zip(owners, tagged, strict=True):
            out[owner].extend(tags)
        return out

    def spans(self, text: str) -> list[EntitySpan]:
        """The mentions in ``text`` (one document), in order, with offsets into it."""
        if not isinstance(text, str):
            raise InputError(f"NerTagger.spans takes text (str), not {type(text).__name__}")
        found: list[EntitySpan] = []
        sentences = _sentences(text, tokenize(text))
        tagged = self.tag_document([[t.text for t in sentence] for sentence in sentences])
        for sentence, tags in zip(sentences, tagged, strict=True):
            for start, end, kind in _mentions(tags):
                s, e = sentence[start].start, sentence[end - 1].end
                found.append(EntitySpan(s, e, kind, text[s:e]))
        return found


def _open_crf(model: bytes, name: str) -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    try:
        crf.open_inmemory(model)
    except (ValueError, OSError) as exc:
        raise InputError(f"the NER model file {name} cannot be opened: {exc}") from exc
    return crf


def _sentences(text: str, tokens: list[TextToken]) -> list[list[TextToken]]:
    """Group tokens into sentences at sentence punctuation and blank lines."""
    breaks = {m.start() for m in _PARAGRAPH.finditer(text)}
    paragraph_starts = sorted(breaks)
    out: list[list[TextToken]] = []
    current: list[TextToken] = []
    next_break = 0
    for token in tokens:
        while next_break < len(paragraph_starts) and paragraph_starts[next_break] < token.start:
            if current:
                out.append(current)
                current = []
            next_break += 1
        current.append(token)
        if token.text in _SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _repair(tags: list[str]) -> list[str]:
    """Make the sequence valid BIO: an I- tag that continues nothing becomes B-."""
    previous = "O"
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tags[i] = "B-" + tag[2:]
        previous = tags[i]
    return tags


def _mentions(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, type) of each BIO mention, in order."""
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate((*tags, "O")):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            found.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return found
