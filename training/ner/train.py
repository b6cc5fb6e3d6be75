"""Train the shipped NER model reproducibly (CPU only, a few minutes).

    .venv/bin/python training/ner/train.py \\
        --anercorp ../shared/data/ner/anercorp \\
        --news ../shared/data/news/antcorpus/antcorpus_v1.1_articles.tar.gz \\
        --gazetteers ../shared/data/gazetteers \\
        --petrarch ../shared/data/events/universalpetrarch_arabic/dictionaries \\
        --wojood ../shared/data/ner/wojood_sample \\
        --out src/marsad/entities/models/ [--compare]

Steps: build the gazetteer (src/marsad/entities/data/gazetteer.tsv) and the word clusters
(OUT/ner_clusters.tsv); with ``--compare`` train each feature configuration on the training
part and score it on the dev part (whole documents from the end of the training file), and
(``--dev-document-pass``) the document pass on dev; then train the chosen configuration on
train+dev: the first pass (OUT/ner.crfsuite) and, unless ``--no-document-pass``, the
document pass (OUT/ner_doc.crfsuite, trained on first-pass tags jackknifed over the
training articles, see ``docpass.py``); score it once on the test file (each article
tagged as a whole) and write OUT/ner_manifest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load_conll, news_sentences, split_dev
from docpass import documents, jackknife, score_documents, train_second
from lexicons import build_clusters, build_gazetteer

from marsad.entities.features import FeatureConfig, FeatureExtractor, Lexicon
from marsad.entities.lexicon import load_lexicon
from marsad.entities.ner import (
    CLUSTERS_FILE,
    DOC_MODEL_FILE,
    MANIFEST_FILE,
    MODEL_FILE,
    NerTagger,
)
from marsad.evaluation.ner import NerReport, Sentence, score_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "src" / "marsad" / "entities" / "data"

CONFIGS: dict[str, FeatureConfig] = {
    "words+shape": FeatureConfig(
        affixes=False, clitics=False, clusters=False, gazetteers=False, news_stats=False
    ),
    "+affixes": FeatureConfig(clitics=False, clusters=False, gazetteers=False, news_stats=False),
    "+clitics": FeatureConfig(clusters=False, gazetteers=False, news_stats=False),
    "+clusters": FeatureConfig(gazetteers=False, news_stats=False),
    "+gazetteers": FeatureConfig(news_stats=False),
    "+news-stats (all)": FeatureConfig(),
    "+window 3": FeatureConfig(window=3),
}
FINAL = "+window 3"
Params = dict[str, float | int]


def wojood_sentences(directory: Path) -> list[Sentence]:
    """The Wojood sample's sentences with PER/ORG/LOC kept (GPE→LOC) and other types as O."""
    out: list[Sentence] = []
    for path in sorted(directory.glob("*.txt")):
        for sentence in load_conll(path):
            out.append(
                [(tok, tag if tag[2:] in ("PER", "ORG", "LOC") else "O") for tok, tag in sentence]
            )
    return out


def train_crf(
    sentences: list[Sentence],
    extractor: FeatureExtractor,
    model_path: Path,
    params: dict[str, float | int],
) -> float:
    """Train a CRF on ``sentences`` into ``model_path``; returns seconds taken."""
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        trainer.append(extractor.sentence(tokens), [tag for _, tag in sentence])
    trainer.select("lbfgs")
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(str(model_path))
    return time.perf_counter() - started


def evaluate(model_dir: Path, sentences: list[Sentence]) -> NerReport:
    return score_sentences(sentences, NerTagger.load(model_dir))


def write_manifest(model_dir: Path, config: FeatureConfig, extra: dict[str, object]) -> None:
    manifest = {"features": config.as_dict(), **extra}
    (model_dir / MANIFEST_FILE).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )


def summary(report: NerReport) -> dict[str, object]:
    return report.as_dict()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--anercorp", type=Path, required=True)
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--gazetteers", type=Path)
    parser.add_argument("--petrarch", type=Path)
    parser.add_argument("--wojood", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scratch", type=Path, help="work directory (default: a temporary one)")
    parser.add_argument("--dev-share", type=float, default=0.12)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=250)
    parser.add_argument("--folds", type=int, default=4, help="jackknife folds, document pass")
    parser.add_argument("--fold-iterations", type=int, default=150)
    parser.add_argument("--doc-c1", type=float, default=0.02, help="document pass L1")
    parser.add_argument("--doc-c2", type=float, default=0.2, help="document pass L2")
    parser.add_argument(
        "--pieces", type=int, default=0, help="document pass: also train on runs of N sentences"
    )
    parser.add_argument("--no-document-pass", action="store_true", help="first pass only")
    parser.add_argument("--compare", action="store_true", help="score every configuration on dev")
    parser.add_argument("--only", action="append", help="compare only these configurations")
    parser.add_argument(
        "--dev-document-pass", action="store_true", help="score the document pass on dev"
    )
    parser.add_argument(
        "--extra-wojood",
        action="store_true",
        help="add the Wojood sample (PER/ORG/LOC) to training",
    )
    parser.add_argument("--no-final", action="store_true", help="stop after --compare")
    parser.add_argument("--skip-lexicons", action="store_true", help="reuse built lexicons")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="reuse the first pass in OUT and the fold models in --scratch if present",
    )
    parser.add_argument("--results", type=Path, default=ROOT / "training" / "ner" / "results.json")
    return parser.parse_args(argv)


def build_lexicons(args: argparse.Namespace, train: list[Sentence], clusters_path: Path) -> None:
    """The gazetteer (package data) and the clusters file (model directory)."""
    cities = args.gazetteers / "world_cities_ar" / "world-cities.csv" if args.gazetteers else None
    actors = args.petrarch / "actor_dict_ar_v4.txt" if args.petrarch else None
    rows = build_gazetteer(cities, actors, args.wojood, DATA_DIR / "gazetteer.tsv")
    print(f"gazetteer: {rows} rows")
    # Clusters see the news and the unlabelled training part only (not dev, not test).
    started = time.perf_counter()
    raw = list(news_sentences(args.news)) + [[t for t, _ in s] for s in train]
    words = build_clusters(raw, load_lexicon(None, DATA_DIR), clusters_path)
    print(
        f"clusters: {words} words from {len(raw)} sentences, {time.perf_counter() - started:.0f}s"
    )


def model_dir(scratch: Path, name: str, clusters_path: Path) -> Path:
    directory = scratch / name
    directory.mkdir(parents=True, exist_ok=True)
    (directory / CLUSTERS_FILE).write_bytes(clusters_path.read_bytes())
    return directory


def compare(
    args: argparse.Namespace,
    train: list[Sentence],
    dev: list[Sentence],
    lexicon: Lexicon,
    scratch: Path,
    params: Params,
) -> dict[str, object]:
    """Train each configuration on the training part, score it on dev (no test)."""
    found: dict[str, object] = {}
    directory = model_dir(scratch, "compare", args.out / CLUSTERS_FILE)
    for name, config in CONFIGS.items():
        if args.only and name not in args.only:
            continue
        extractor = FeatureExtractor(lexicon, config)
        seconds = train_crf(train, extractor, directory / MODEL_FILE, params)
        write_manifest(directory, config, {})
        report = evaluate(directory, dev)
        print(
            f"{name:<22} dev P {report.precision:.3f} R {report.recall:.3f} "
            f"F1 {report.f1:.3f} ({seconds:.0f}s)"
        )
        found[name] = summary(report)
        if args.dev_document_pass and name == FINAL:
            train_document_pass(args, train, extractor, directory, scratch / "dev", params)
            report = score_documents(documents(dev), NerTagger.load(directory))
            print(
                f"{name + ' + document pass':<22} dev P {report.precision:.3f} "
                f"R {report.recall:.3f} F1 {report.f1:.3f}"
            )
            found[name + " + document pass"] = summary(report)
    return found


def train_document_pass(
    args: argparse.Namespace,
    sentences: list[Sentence],
    extractor: FeatureExtractor,
    out: Path,
    scratch: Path,
    params: Params,
) -> float:
    """Jackknife the first pass over ``sentences``' articles, train OUT/ner_doc.crfsuite."""
    docs = documents(sentences)
    print(f"document pass: {len(docs)} articles, {args.folds} folds")
    fold_params = {**params, "max_iterations": args.fold_iterations}
    write_manifest(out, extractor.config, {})
    tags = jackknife(
        docs,
        extractor,
        fold_params,
        scratch / "folds",
        out / MANIFEST_FILE,
        out / CLUSTERS_FILE,
        args.folds,
        reuse=args.resume,
    )
    doc_params = {**params, "c1": args.doc_c1, "c2": args.doc_c2}
    seconds = train_second(
        docs, tags, extractor, out / DOC_MODEL_FILE, doc_params, pieces=args.pieces
    )
    write_manifest(out, extractor.config, {"document_pass": True})
    return seconds


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    train_all = load_conll(args.anercorp / "ANERCorp_CamelStyle_train.txt")
    test = load_conll(args.anercorp / "ANERCorp_CamelStyle_test.txt")
    train, dev = split_dev(train_all, args.dev_share)
    print(
        f"train {len(train)} sentences / {sum(map(len, train))} tokens; "
        f"dev {len(dev)} / {sum(map(len, dev))}; test {len(test)} / {sum(map(len, test))}"
    )
    extra: list[Sentence] = []
    if args.extra_wojood and args.wojood:
        extra = wojood_sentences(args.wojood)
        print(f"wojood: {len(extra)} extra training sentences")
    args.out.mkdir(parents=True, exist_ok=True)
    clusters_path = args.out / CLUSTERS_FILE
    if not args.skip_lexicons:
        build_lexicons(args, train, clusters_path)
    lexicon = load_lexicon(clusters_path, DATA_DIR)
    params: Params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    results: dict[str, object] = {"params": params, "dev": {}}
    with tempfile.TemporaryDirectory(prefix="ner-train-") as temporary:
        scratch = args.scratch or Path(temporary)
        if args.compare:
            results["dev"] = compare(args, train + extra, dev, lexicon, scratch, params)
        if not args.no_final:
            results.update(train_final(args, train_all + extra, test, lexicon, scratch, params))
    args.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


def train_final(
    args: argparse.Namespace,
    sentences: list[Sentence],
    test: list[Sentence],
    lexicon: Lexicon,
    scratch: Path,
    params: Params,
) -> dict[str, object]:
    """Train the shipped model on train+dev into OUT and score it once on the test file."""
    config = CONFIGS[FINAL]
    extractor = FeatureExtractor(lexicon, config)
    seconds = 0.0
    if not (args.resume and (args.out / MODEL_FILE).is_file()):
        seconds = train_crf(sentences, extractor, args.out / MODEL_FILE, params)
    (args.out / DOC_MODEL_FILE).unlink(missing_ok=True)
    write_manifest(args.out, config, {})
    # tag() is the first pass, sentence by sentence (what `marsad eval ner` measures).
    by_sentence = evaluate(args.out, test)
    print("first pass, sentence by sentence:\n" + by_sentence.format())
    found: dict[str, object] = {"first_pass_test": summary(by_sentence)}
    if args.no_document_pass:
        report = by_sentence
    else:
        seconds += train_document_pass(args, sentences, extractor, args.out, scratch, params)
        report = score_documents(documents(test), NerTagger.load(args.out))
        print("with the document pass, article by article:\n" + report.format())
    found["final_test"] = summary(report)
    training = {
        "data": "ANERcorp CAMeL split, train file (all of it)",
        "crf": params,
        "document_pass": not args.no_document_pass,
        "document_crf": {"c1": args.doc_c1, "c2": args.doc_c2, "pieces": args.pieces},
        "folds": args.folds,
        "fold_iterations": args.fold_iterations,
        "seconds": round(seconds, 1),
    }
    write_manifest(
        args.out,
        config,
        {
            "document_pass": not args.no_document_pass,
            "labels": sorted(NerTagger.load(args.out).labels),
            "training": training,
            "test": report.as_dict(),
            "test_sentence_by_sentence": by_sentence.as_dict(),
        },
    )
    return found


if __name__ == "__main__":
    raise SystemExit(main())
