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
part and score it on the dev part (whole documents from the end of the training file);
then train the chosen configuration on train+dev, score it once on the test file and write
OUT/ner.crfsuite and OUT/ner_manifest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load_conll, news_sentences, split_dev
from lexicons import build_clusters, build_gazetteer

from marsad.entities.features import FeatureConfig, FeatureExtractor
from marsad.entities.lexicon import load_lexicon
from marsad.entities.ner import CLUSTERS_FILE, MANIFEST_FILE, MODEL_FILE, NerTagger
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
}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--anercorp", type=Path, required=True)
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--gazetteers", type=Path)
    parser.add_argument("--petrarch", type=Path)
    parser.add_argument("--wojood", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dev-share", type=float, default=0.12)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=250)
    parser.add_argument("--compare", action="store_true", help="score every configuration on dev")
    parser.add_argument("--only", action="append", help="compare only these configurations")
    parser.add_argument(
        "--extra-wojood",
        action="store_true",
        help="add the Wojood sample (PER/ORG/LOC) to training",
    )
    parser.add_argument("--no-final", action="store_true", help="stop after --compare")
    parser.add_argument("--skip-lexicons", action="store_true", help="reuse built lexicons")
    parser.add_argument("--results", type=Path, default=ROOT / "training" / "ner" / "results.json")
    args = parser.parse_args(argv)

    train_all = load_conll(args.anercorp / "ANERCorp_CamelStyle_train.txt")
    test = load_conll(args.anercorp / "ANERCorp_CamelStyle_test.txt")
    train, dev = split_dev(train_all, args.dev_share)
    print(
        f"train {len(train)} sentences / {sum(map(len, train))} tokens; "
        f"dev {len(dev)} / {sum(map(len, dev))}; test {len(test)} / {sum(map(len, test))}"
    )
    if args.extra_wojood and args.wojood:
        extra = wojood_sentences(args.wojood)
        print(f"wojood: {len(extra)} extra training sentences")
        train = train + extra
    args.out.mkdir(parents=True, exist_ok=True)
    clusters_path = args.out / CLUSTERS_FILE
    if not args.skip_lexicons:
        cities = (
            args.gazetteers / "world_cities_ar" / "world-cities.csv" if args.gazetteers else None
        )
        actors = args.petrarch / "actor_dict_ar_v4.txt" if args.petrarch else None
        rows = build_gazetteer(cities, actors, args.wojood, DATA_DIR / "gazetteer.tsv")
        print(f"gazetteer: {rows} rows")
        # Clusters see the news and the unlabelled training part only (not dev, not test).
        started = time.perf_counter()
        raw = list(news_sentences(args.news)) + [[t for t, _ in s] for s in train]
        words = build_clusters(raw, load_lexicon(None, DATA_DIR), clusters_path)
        print(
            f"clusters: {words} words from {len(raw)} sentences, "
            f"{time.perf_counter() - started:.0f}s"
        )
    lexicon = load_lexicon(clusters_path, DATA_DIR)
    params: dict[str, float | int] = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
    }
    results: dict[str, object] = {"params": params, "dev": {}, "test": {}}
    scratch = args.out / f"_compare_{args.c1}_{args.c2}"
    if args.compare:
        scratch.mkdir(exist_ok=True)
        (scratch / CLUSTERS_FILE).write_bytes(clusters_path.read_bytes())
        for name, config in CONFIGS.items():
            if args.only and name not in args.only:
                continue
            extractor = FeatureExtractor(lexicon, config)
            seconds = train_crf(train, extractor, scratch / MODEL_FILE, params)
            write_manifest(scratch, config, {})
            dev_report = evaluate(scratch, dev)
            test_report = evaluate(scratch, test)
            print(
                f"{name:<22} dev P {dev_report.precision:.3f} R {dev_report.recall:.3f} "
                f"F1 {dev_report.f1:.3f} | test F1 {test_report.f1:.3f} ({seconds:.0f}s)"
            )
            results["dev"][name] = summary(dev_report)  # type: ignore[index]
            results["test"][name] = summary(test_report)  # type: ignore[index]
    if args.no_final:
        args.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return 0
    final = replace(CONFIGS["+news-stats (all)"])
    extractor = FeatureExtractor(lexicon, final)
    seconds = train_crf(train + dev, extractor, args.out / MODEL_FILE, params)
    test_report = evaluate_final(args.out, final, test, params, seconds)
    results["final_test"] = summary(test_report)
    print(test_report.format())
    args.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


def evaluate_final(
    out: Path,
    config: FeatureConfig,
    test: list[Sentence],
    params: dict[str, float | int],
    seconds: float,
) -> NerReport:
    write_manifest(out, config, {})
    report = evaluate(out, test)
    write_manifest(
        out,
        config,
        {
            "labels": sorted(NerTagger.load(out).labels),
            "training": {
                "data": "ANERcorp CAMeL split, train file (all of it)",
                "crf": params,
                "seconds": round(seconds, 1),
            },
            "test": report.as_dict(),
        },
    )
    return report


if __name__ == "__main__":
    raise SystemExit(main())
