"""Document context for the NER tagger's second pass: how a first pass tagged the article.

A name is often introduced once with a title or in full ("الرئيس الفنزويلي هوغو شافيز") and
then repeated bare ("شافيز"). These functions take, for every sentence of one document, the
tokens' matching keys (folded clitic-free stems of words; other tokens: ``""``, or with
``fallback`` their folded form, see :meth:`marsad.entities.features.FeatureExtractor.stems`)
and the first pass's BIO tags:

- :func:`document_features`: CRF attributes saying how the same stem was tagged elsewhere in
  the document, and whether a multi-word mention found elsewhere starts or continues here;
- :func:`propagate_mentions`: a last step that tags untagged exact repeats of multi-word
  mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Keys = Sequence[Sequence[str]]
Tags = Sequence[Sequence[str]]


def document_features(keys: Keys, forms: Keys, tags: Tags) -> list[list[list[str]]]:
    """Attributes of every token: first-pass tags around it and its stem's other taggings.

    ``keys`` are the stems (``""`` for non-words), ``forms`` the same with the fallback,
    used to match multi-word mentions.
    """
    tally = _tally_stems(keys, tags)
    phrases = _tally_phrases(forms, tags)
    longest = max((len(p) for p in phrases), default=0)
    out: list[list[list[str]]] = []
    for sent_keys, sent_forms, sent_tags in zip(keys, forms, tags, strict=True):
        n = len(sent_keys)
        matched = _match_phrases(sent_forms, sent_tags, phrases, longest)
        own = [
            _stem_context(tally[key], _role(sent_tags, i)) if key else []
            for i, key in enumerate(sent_keys)
        ]
        rows: list[list[str]] = []
        for i in range(n):
            feats = ["p1=" + sent_tags[i], *own[i]]
            feats.extend(f"{f}|{sent_tags[i]}" for f in own[i] if f.startswith("dt="))
            if i:
                feats.extend("-1" + f for f in own[i - 1] if f.startswith("dr="))
            if i + 1 < n:
                feats.extend("+1" + f for f in own[i + 1] if f.startswith("dr="))
            feats.append("p1-1=" + (sent_tags[i - 1] if i else "BOS"))
            feats.append("p1+1=" + (sent_tags[i + 1] if i + 1 < n else "EOS"))
            if i:
                feats.extend("-1" + f for f in own[i - 1] if f.startswith("dt="))
            if i + 1 < n:
                feats.extend("+1" + f for f in own[i + 1] if f.startswith("dt="))
            if matched[i]:
                feats.append("dm=" + matched[i])
                feats.append("dm=" + matched[i] + "|" + sent_tags[i])
            rows.append(feats)
        out.append(rows)
    return out


def propagate_mentions(keys: Keys, tags: Tags) -> list[list[str]]:
    """Tag untagged repeats of the document's multi-word mentions with their majority type.

    A repeat counts when its keys match a mention of two words or more exactly and neither
    it nor the tokens on either side are inside a mention already. Single words are left
    alone: on the dev split, propagating them cost more precision than it gained recall.
    """
    kinds: dict[tuple[str, ...], dict[str, int]] = {}
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for start, end, kind in spans(sent_tags):
            if end - start >= 2:
                found = kinds.setdefault(tuple(sent_keys[start:end]), {})
                found[kind] = found.get(kind, 0) + 1
    longest = max((len(p) for p in kinds), default=0)
    out: list[list[str]] = []
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        new = list(sent_tags)
        n, i = len(new), 0
        while i < n:
            step = 1
            for length in range(min(longest, n - i), 1, -1):
                counts = kinds.get(tuple(sent_keys[i : i + length]))
                if counts is None or any(t != "O" for t in new[max(0, i - 1) : i + length + 1]):
                    continue
                kind = max(sorted(counts), key=counts.__getitem__)
                new[i : i + length] = ["B-" + kind] + ["I-" + kind] * (length - 1)
                step = length
                break
            i += step
        out.append(new)
    return out


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, type) of the BIO mentions in ``tags``."""
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate((*tags, "O")):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            found.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return found


def _role(tags: Sequence[str], i: int) -> str:
    """Where token ``i`` stands in its first-pass mention: ``T:only/first/mid/last`` or ``O``."""
    tag = tags[i]
    if tag == "O":
        return "O"
    kind = tag[2:]
    continues = i + 1 < len(tags) and tags[i + 1] == "I-" + kind
    if tag.startswith("B-"):
        return f"{kind}:{'first' if continues else 'only'}"
    return f"{kind}:{'mid' if continues else 'last'}"


def _tally_stems(keys: Keys, tags: Tags) -> dict[str, dict[str, int]]:
    """Per key: how many of its occurrences the first pass put in each role (and in total)."""
    tally: dict[str, dict[str, int]] = {}
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for i, key in enumerate(sent_keys):
            if not key:
                continue
            counts = tally.setdefault(key, {})
            role = _role(sent_tags, i)
            counts[role] = counts.get(role, 0) + 1
            if role != "O":
                kind = role.split(":")[0]
                counts[kind] = counts.get(kind, 0) + 1
            counts[""] = counts.get("", 0) + 1
    return tally


def _stem_context(counts: Mapping[str, int], own_role: str) -> list[str]:
    """Features from the other occurrences of a key (this token's own role taken out)."""
    others = counts[""] - 1
    if others <= 0:
        return ["d=alone"]
    own_kind = own_role.split(":")[0]
    feats: list[str] = []
    for name, count in counts.items():
        if not name or name == "O":
            continue
        left = count - (name in (own_role, own_kind))
        if left <= 0:
            continue
        if ":" in name:
            feats.append("dr=" + name)
        else:
            share = "all" if left == others else "most" if 2 * left >= others else "some"
            feats.append(f"dt={name}:{share}")
    if not feats:
        feats.append("dt=O")
    return feats


def _tally_phrases(keys: Keys, tags: Tags) -> dict[tuple[str, ...], tuple[str, int]]:
    """Multi-word first-pass mentions as key tuples → (type, how many times found)."""
    found: dict[tuple[str, ...], tuple[str, int]] = {}
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for start, end, kind in spans(sent_tags):
            if end - start < 2:
                continue
            phrase = tuple(sent_keys[start:end])
            _, count = found.get(phrase, (kind, 0))
            found[phrase] = (kind, count + 1)
    return found


def _match_phrases(
    keys: Sequence[str],
    tags: Sequence[str],
    phrases: Mapping[tuple[str, ...], tuple[str, int]],
    longest: int,
) -> list[str]:
    """BIO tags of the longest document mentions matched here, counting only other finds."""
    n = len(keys)
    out = [""] * n
    i = 0
    while i < n:
        step = 1
        for length in range(min(longest, n - i), 1, -1):
            hit = phrases.get(tuple(keys[i : i + length]))
            if hit is None:
                continue
            kind, count = hit
            here = tags[i] == "B-" + kind and all(
                t == "I-" + kind for t in tags[i + 1 : i + length]
            )
            if count - here > 0:
                out[i] = "B-" + kind
                for k in range(i + 1, i + length):
                    out[k] = "I-" + kind
                step = length
                break
        i += step
    return out
