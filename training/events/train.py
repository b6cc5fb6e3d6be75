"""Train the event coder's trigger and role classifiers from the event training set.

    .venv/bin/python training/events/train.py \\
        --gold eval/data/events/train.jsonl --home-country TUN \\
        --out src/marsad/events/models [--check eval/data/events/dev.jsonl]

Every training sentence is analysed with its context sentence (sentences, times, entities)
exactly as at run time; every trigger the lexicon finds becomes one example for the
trigger model (``yes`` when the gold has an event of its type there), and, for triggers
that are events, every (trigger, actor mention) pair one example for the role model
(``source``/``target`` when the actor's key is among the gold's, else ``none``). Both are
maximum-entropy classifiers (python-crfsuite, L-BFGS, one-item sequences). ``--check``
scores the coder with the new models on a development file, in the same run.
Never train on eval/data/events/dev.jsonl or heldout.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from marsad.analysis import STAGES
from marsad.arabic.normalize import fold
from marsad.evaluation.events import GoldEvent, GoldSentence, load_gold, pipeline_coder, score
from marsad.events.coder import Candidate, Coder
from marsad.events.learned import ROLE_MODEL, TRIGGER_MODEL, role_features, trigger_features
from marsad.events.participants import main_state
from marsad.model import AnalyzedArticle, Article, Block
from marsad.pipeline import Pipeline

PARAMS = {"c1": 0.05, "c2": 0.5, "max_iterations": 200}


def _analysed(pipeline: Pipeline, gold: GoldSentence) -> tuple[AnalyzedArticle, int] | None:
    blocks = tuple(Block("paragraph", b) for b in (gold.context, gold.sentence) if b.strip())
    article = Article(input=gold.id, blocks=blocks, published=gold.published, language="ar")
    result = pipeline.process(AnalyzedArticle(article=article))
    if not isinstance(result, AnalyzedArticle):
        return None
    return result, len(article.text) - len(gold.sentence.strip())


def _matching(candidate: Candidate, events: list[GoldEvent]) -> GoldEvent | None:
    """The gold event a trigger hit stands for: same type, preferably the same words."""
    tokens = candidate.view.tokens
    words = fold(" ".join(t.text for t in tokens[candidate.hit.first : candidate.hit.last + 1]))
    same_type = [e for e in events if e.type == candidate.hit.trigger.type]
    for event in same_type:
        gold_words = fold(event.trigger)
        if gold_words and (gold_words in words or words in gold_words):
            return event
    return same_type[0] if same_type else None


def examples(
    coder: Coder, pipeline: Pipeline, gold: list[GoldSentence], home_country: str | None
) -> Iterator[tuple[str, list[str], str]]:
    """(model, features, label) for every trigger and every pair of the gold sentences."""
    for sentence_gold in gold:
        analysed = _analysed(pipeline, sentence_gold)
        if analysed is None:
            continue
        article, start = analysed
        home = main_state(article.entities) or home_country
        left = list(sentence_gold.events)
        for sentence in article.sentences:
            if sentence.start < start:
                continue
            for candidate in coder.candidates(sentence, article, home):
                event = _matching(candidate, left)
                features = trigger_features(candidate.hit, candidate.view, candidate.rules)
                yield "trigger", features, "yes" if event else "no"
                if event is None:
                    continue
                left.remove(event)
                for actor in candidate.view.actors:
                    label = (
                        "source"
                        if actor.key in event.source
                        else "target"
                        if actor.key in event.target
                        else "none"
                    )
                    pair = role_features(candidate.hit, actor, candidate.view, candidate.rules)
                    yield "role", pair, label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True, help="training JSONL")
    parser.add_argument("--out", type=Path, required=True, help="model directory")
    parser.add_argument("--home-country", default=None)
    parser.add_argument("--check", type=Path, default=None, help="development JSONL to score")
    parser.add_argument(
        "--with-roles",
        action="store_true",
        help="also keep the role model (measured worse than the rules: not shipped)",
    )
    args = parser.parse_args()
    if args.gold.name in ("dev.jsonl", "heldout.jsonl"):
        sys.exit("refusing to train on an evaluation set")

    names = ["sentences", "times", "entities"]
    pipeline = Pipeline([STAGES[n]() for n in names], initial=frozenset({"record"}))
    coder = Coder.load(home_country=args.home_country)
    coder.models = None  # features must see the rules alone
    trainers = {name: pycrfsuite.Trainer(verbose=False) for name in ("trigger", "role")}
    counts: dict[str, Counter[str]] = {"trigger": Counter(), "role": Counter()}
    gold = load_gold(args.gold)
    for model, features, label in examples(coder, pipeline, gold, args.home_country):
        trainers[model].append([features], [label])
        counts[model][label] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, file in (("trigger", TRIGGER_MODEL), ("role", ROLE_MODEL)):
        trainers[name].set_params(PARAMS)
        trainers[name].train(str(args.out / file))
    if not args.with_roles:
        (args.out / ROLE_MODEL).unlink()
    manifest = {
        "gold": args.gold.name,
        "sentences": len(gold),
        "examples": {k: dict(v) for k, v in counts.items()},
        "params": PARAMS,
        "home_country": args.home_country,
        "role_model": args.with_roles,
    }
    (args.out / "events_manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest, indent=2))
    if args.check is not None:
        report = score(pipeline_coder(args.home_country, args.out), load_gold(args.check))
        print(report.format())


if __name__ == "__main__":
    main()
