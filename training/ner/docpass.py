"""Training the document pass: a second CRF over the first pass's tags of the whole article.

The second CRF's features include how the first pass tagged the same stem elsewhere in the
document (``FeatureExtractor.document``). Its training data must see first-pass tags with
realistic errors, so the training documents are tagged by first-pass models trained on the
other folds (jackknifing); at run time the shipped first pass tags the document.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pycrfsuite
from corpus import document_starts

from marsad.entities.features import FeatureExtractor
from marsad.entities.ner import CLUSTERS_FILE, MANIFEST_FILE, MODEL_FILE, NerTagger
from marsad.evaluation.ner import NerReport, Sentence

Params = dict[str, float | int]


def documents(sentences: list[Sentence]) -> list[list[Sentence]]:
    """The articles of an ANERcorp file (cut at datelines, see ``corpus.document_starts``)."""
    starts = [*document_starts(sentences), len(sentences)]
    return [sentences[a:b] for a, b in pairwise(starts) if b > a]


def _tokens(doc: Sequence[Sentence]) -> list[list[str]]:
    return [[t for t, _ in sentence] for sentence in doc]


def train_first(
    sentences: Sequence[Sentence], extractor: FeatureExtractor, model_path: Path, params: Params
) -> float:
    """Train a sentence-level CRF; returns seconds taken."""
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.sentence([t for t, _ in sentence]), [g for _, g in sentence])
    trainer.select("lbfgs")
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(str(model_path))
    return time.perf_counter() - started


def _model_dir(scratch: Path, name: str, clusters: Path, manifest: Path) -> Path:
    directory = scratch / name
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clusters, directory / CLUSTERS_FILE)
    shutil.copyfile(manifest, directory / MANIFEST_FILE)
    return directory


def jackknife(
    docs: list[list[Sentence]],
    extractor: FeatureExtractor,
    params: Params,
    scratch: Path,
    manifest: Path,
    clusters: Path,
    folds: int,
    reuse: bool = False,
) -> list[list[list[str]]]:
    """First-pass tags of every training document from a model that did not see it.

    With ``reuse``, fold models already in ``scratch`` (from an interrupted run with the
    same data and settings) are used instead of trained again.
    """
    tagged: list[list[list[str]]] = [[] for _ in docs]
    size = -(-len(docs) // folds)
    for fold in range(folds):
        held = range(fold * size, min(len(docs), (fold + 1) * size))
        rest = [s for i, d in enumerate(docs) if i not in held for s in d]
        directory = _model_dir(scratch, f"fold{fold}", clusters, manifest)
        seconds = 0.0
        if not (reuse and (directory / MODEL_FILE).is_file()):
            seconds = train_first(rest, extractor, directory / MODEL_FILE, params)
        tagger = NerTagger.load(directory)
        for i in held:
            tagged[i] = tagger.tag_document(_tokens(docs[i]))
        print(f"  fold {fold + 1}/{folds}: {len(held)} documents held out ({seconds:.0f}s)")
    return tagged


def train_second(
    docs: list[list[Sentence]],
    first_tags: list[list[list[str]]],
    extractor: FeatureExtractor,
    model_path: Path,
    params: Params,
    pieces: int = 0,
) -> float:
    """Train the document-pass CRF on jackknifed first-pass tags; returns seconds taken.

    With ``pieces``, every article is also added cut into runs of that many sentences, so
    that the second pass learns what little context looks like (short articles).
    """
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    units = list(zip(docs, first_tags, strict=True))
    if pieces:
        units += [
            (doc[a : a + pieces], tags[a : a + pieces])
            for doc, tags in zip(docs, first_tags, strict=True)
            for a in range(0, len(doc), pieces)
            if len(doc) > pieces
        ]
    for doc, tags in units:
        tokens = _tokens(doc)
        context = extractor.document(tokens, tags)
        for sentence, words, extra in zip(doc, tokens, context, strict=True):
            base = extractor.second(words)
            features = [a + b for a, b in zip(base, extra, strict=True)]
            trainer.append(features, [g for _, g in sentence])
    trainer.select("lbfgs")
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(str(model_path))
    return time.perf_counter() - started


def score_documents(docs: list[list[Sentence]], tagger: NerTagger) -> NerReport:
    """Entity-level scores with each document tagged as a whole."""
    report = NerReport()
    for doc in docs:
        for sentence, tags in zip(doc, tagger.tag_document(_tokens(doc)), strict=True):
            report.add([g for _, g in sentence], tags)
    return report
