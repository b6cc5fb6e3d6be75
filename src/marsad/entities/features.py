"""Token features for the CRF named-entity tagger: shape, affixes, clitics, clusters, lexicons.

The same code computes features at training time (``training/ner/train.py``) and at run
time (:class:`marsad.entities.ner.NerTagger`), so the two cannot drift apart. Everything a
feature looks up (gazetteers, cue words, word clusters learned from raw news) arrives in a
:class:`Lexicon` built by the caller; nothing is loaded at import.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from marsad.entities.ner_context import document_features, propagate_mentions

# Alef and ya variants, tatweel, diacritics and direction marks: spelling noise in news.
_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ـ": None,
        "\u200e": None,
        "\u200f": None,
        "\u200c": None,
        "\u200d": None,
        **{chr(c): None for c in range(0x064B, 0x0653)},
        "\u0670": None,
    }
)

# Proclitic strings (conjunction + preposition + article), longest first. "لل" is ل + ال.
_PROCLITICS = (
    "وبال",
    "وكال",
    "فبال",
    "فال",
    "وال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
# Pronoun suffixes; the nisba/ya suffix is left alone because it marks names and adjectives.
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه")

_ARABIC_LO, _ARABIC_HI = 0x0600, 0x06FF
MISSING = "_"


def fold(word: str) -> str:
    """Fold spelling variants for matching (alef/ya forms, tatweel, diacritics); lowercase Latin."""
    return word.translate(_FOLD_TABLE).lower()


def split_clitics(folded: str, known: Container[str] | None = None) -> tuple[str, str, str]:
    """Split a folded word into (proclitics, stem, pronoun suffix) by surface rules.

    With ``known`` (a vocabulary), a conjunction or preposition letter and a pronoun suffix
    are only removed when the word itself is unknown or what is left is known, so that
    ``فرنسا`` keeps its ``ف`` while ``وقال`` loses its ``و``.
    """
    pre, stem, enc = "", folded, ""
    for clitic in _PROCLITICS:
        if stem.startswith(clitic):
            rest = stem[len(clitic) :]
            if clitic.endswith(("ال", "لل")):
                accept = len(rest) >= 2
            else:
                accept = len(rest) >= 3 and (known is None or rest in known or folded not in known)
            if accept:
                pre, stem = clitic, rest
                break
    for suffix in _ENCLITICS:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            rest = stem[: -len(suffix)]
            if rest.endswith("ت") and (known is None or rest[:-1] + "ة" in known):
                rest = rest[:-1] + "ة"
            if known is None or rest in known or stem not in known:
                stem, enc = rest, suffix
                break
    return pre, stem, enc


def clitic_candidates(folded: str) -> list[str]:
    """The word and every form left after removing a plausible proclitic, longest form first."""
    out = [folded]
    for clitic in _PROCLITICS:
        if folded.startswith(clitic):
            rest = folded[len(clitic) :]
            if len(rest) >= 2 and rest not in out:
                out.append(rest)
                if clitic.endswith(("ال", "لل")):
                    with_article = "ال" + rest
                    if with_article not in out:
                        out.append(with_article)
    return out


def shape(word: str) -> str:
    """A coarse class of the word's characters: A(rabic) L(atin) D(igit) P(unct) or a mix."""
    kinds: set[str] = set()
    for ch in word:
        code = ord(ch)
        if _ARABIC_LO <= code <= _ARABIC_HI and ch.isalpha():
            kinds.add("A")
        elif ch.isdigit():
            kinds.add("D")
        elif ch.isalpha():
            kinds.add("L")
        else:
            kinds.add("P")
    return "".join(sorted(kinds)) or "E"


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature families are on; stored with a model so run time matches training."""

    affixes: bool = True
    clitics: bool = True
    clusters: bool = True
    gazetteers: bool = True
    news_stats: bool = True
    window: int = 2
    #: Whether the document pass sees the neighbours' features too (or each token's own).
    document_window: bool = True

    def as_dict(self) -> dict[str, object]:
        return {
            "affixes": self.affixes,
            "clitics": self.clitics,
            "clusters": self.clusters,
            "gazetteers": self.gazetteers,
            "news_stats": self.news_stats,
            "window": self.window,
            "document_window": self.document_window,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> FeatureConfig:
        def flag(name: str) -> bool:
            return bool(data.get(name, True))

        window = data.get("window", 2)
        return cls(
            affixes=flag("affixes"),
            clitics=flag("clitics"),
            clusters=flag("clusters"),
            gazetteers=flag("gazetteers"),
            news_stats=flag("news_stats"),
            window=window if isinstance(window, int) else 2,
            document_window=flag("document_window"),
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What features look words up in. Keys are folded forms (see :func:`fold`).

    ``words`` maps a word to its classes (``PER_FIRST``, ``LOC``, ``TITLE``, ``ORG_CUE`` …);
    ``phrases`` maps multi-word names (tuples of folded words) to a type; ``clusters`` maps a
    word to cluster ids at several granularities plus news statistics (``fq``, ``al``, ``nm``).
    """

    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stats: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    max_phrase: int = 1


@dataclass(frozen=True, slots=True)
class _Word:
    """Per-word-type features, computed once per distinct token."""

    own: tuple[str, ...]
    context: tuple[tuple[str, ...], ...]  # as seen from each offset -window..window
    classes: tuple[str, ...]
    folded: str
    candidates: tuple[str, ...]
    key: str


_CACHE_LIMIT = 200_000


class FeatureExtractor:
    """Turns a sentence (a list of tokens) into CRF attribute lists, one list per token."""

    def __init__(self, lexicon: Lexicon, config: FeatureConfig | None = None) -> None:
        self.lexicon = lexicon
        self.config = config or FeatureConfig()
        self._words: dict[str, _Word] = {}
        # Phrase lengths by first word, so that most tokens skip the phrase lookups.
        lengths: dict[str, set[int]] = {}
        for phrase in lexicon.phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._phrase_lengths = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """The attributes of every token of one sentence."""
        words = [self._word(t) for t in tokens]
        n = len(words)
        phrase_tags = self._phrase_tags(words) if self.config.gazetteers else [None] * n
        window = self.config.window
        title_gap = [self._title_distance(words, i) for i in range(n)]
        out: list[list[str]] = []
        for i, word in enumerate(words):
            feats = ["b", *word.own]
            for d in range(-window, window + 1):
                if d == 0:
                    continue
                j = i + d
                if 0 <= j < n:
                    feats.extend(words[j].context[d + window])
                else:
                    feats.append(f"{d}BOUND")
            if i > 0:
                feats.append("ww=" + words[i - 1].folded + "|" + word.folded)
            else:
                feats.append("BOS")
            if i + 1 < n:
                feats.append("wn=" + word.folded + "|" + words[i + 1].folded)
            else:
                feats.append("EOS")
            tag = phrase_tags[i]
            if tag is not None:
                feats.append("ph=" + tag)
                feats.append("ph=" + tag[2:])
            for d in (-1, 1):
                j = i + d
                if 0 <= j < n and phrase_tags[j] is not None:
                    feats.append(f"{d}ph={phrase_tags[j]}")
            if title_gap[i]:
                feats.append(f"title-{title_gap[i]}")
            out.append(feats)
        return out

    def second(self, tokens: Sequence[str]) -> list[list[str]]:
        """The attributes the document pass starts from (see ``document_window``)."""
        return self.sentence(tokens) if self.config.document_window else self.local(tokens)

    def local(self, tokens: Sequence[str]) -> list[list[str]]:
        """The attributes of each token without its neighbours'."""
        words = [self._word(t) for t in tokens]
        n = len(words)
        phrase_tags = self._phrase_tags(words) if self.config.gazetteers else [None] * n
        out: list[list[str]] = []
        for i, word in enumerate(words):
            feats = ["b", *word.own]
            tag = phrase_tags[i]
            if tag is not None:
                feats.append("ph=" + tag)
            gap = self._title_distance(words, i)
            if gap:
                feats.append(f"title-{gap}")
            out.append(feats)
        return out

    def document(
        self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
    ) -> list[list[list[str]]]:
        """Document-context attributes of every token, from a first pass's ``tags``.

        See :func:`marsad.entities.ner_context.document_features`.
        """
        keys = [self.stems(s) for s in sentences]
        forms = [self.stems(s, fallback=True) for s in sentences]
        return document_features(keys, forms, tags)

    def propagate(
        self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """Tag untagged repeats of the document's multi-word mentions.

        See :func:`marsad.entities.ner_context.propagate_mentions`.
        """
        return propagate_mentions([self.stems(s, fallback=True) for s in sentences], tags)

    def stems(self, tokens: Sequence[str], *, fallback: bool = False) -> list[str]:
        """Each token's matching key: its folded clitic-free stem, ``""`` for punctuation and
        numbers (with ``fallback``, the folded token instead)."""
        words = [self._word(t) for t in tokens]
        return [w.key or (w.folded if fallback else "") for w in words]

    def _title_distance(self, words: Sequence[_Word], i: int) -> int:
        """How many tokens back (1..3) the nearest title word is, 0 if none."""
        if not self.config.gazetteers:
            return 0
        for d in (1, 2, 3):
            j = i - d
            if j < 0:
                return 0
            if "TITLE" in words[j].classes:
                return d
        return 0

    def _phrase_tags(self, words: Sequence[_Word]) -> list[str | None]:
        """BIO tags of the longest gazetteer phrases matched left to right."""
        phrases = self.lexicon.phrases
        n = len(words)
        tags: list[str | None] = [None] * n
        i = 0
        while i < n:
            matched = 0
            lengths: set[int] = set()
            for first in words[i].candidates:
                lengths.update(self._phrase_lengths.get(first, ()))
            for length in sorted((k for k in lengths if k <= n - i), reverse=True):
                rest = tuple(w.folded for w in words[i + 1 : i + length])
                for first in words[i].candidates:
                    kind = phrases.get((first, *rest))
                    if kind is not None:
                        tags[i] = "B-" + kind
                        for k in range(i + 1, i + length):
                            tags[k] = "I-" + kind
                        matched = length
                        break
                if matched:
                    break
            i += matched or 1
        return tags

    def _word(self, token: str) -> _Word:
        cached = self._words.get(token)
        if cached is None:
            if len(self._words) >= _CACHE_LIMIT:
                self._words.clear()
            cached = self._describe(token)
            self._words[token] = cached
        return cached

    def _describe(self, token: str) -> _Word:
        config, lexicon = self.config, self.lexicon
        w = fold(token)
        sh = shape(w)
        own = ["w=" + w, "sh=" + sh, "len=" + str(min(len(w), 8))]
        context = ["w=" + w, "sh=" + sh]
        candidates = tuple(clitic_candidates(w))
        pre, stem, enc = split_clitics(w, lexicon.clusters) if sh == "A" else ("", w, "")
        if config.affixes:
            own += ["p1=" + w[:1], "p2=" + w[:2], "p3=" + w[:3]]
            own += ["x1=" + w[-1:], "x2=" + w[-2:], "x3=" + w[-3:], "x4=" + w[-4:]]
        if config.clitics:
            own += ["s=" + stem, "pre=" + pre, "enc=" + enc]
            own += ["sp2=" + stem[:2], "sx2=" + stem[-2:], "sx3=" + stem[-3:]]
            context.append("s=" + stem)
        if config.clusters:
            ids = self._lookup(lexicon.clusters, candidates, stem)
            for level, cid in enumerate(ids):
                own.append(f"c{level}={cid}")
            if ids:
                context.append(f"c1={ids[min(1, len(ids) - 1)]}")
                context.append(f"c2={ids[-1]}")
            else:
                own.append("c=OOV")
                context.append("c=OOV")
        if config.news_stats:
            stats = self._lookup(lexicon.stats, candidates, stem)
            own.extend(stats)
            context.extend(s for s in stats if s.startswith("nm"))
        classes: tuple[str, ...] = ()
        if config.gazetteers:
            found: list[str] = []
            for form in (*candidates, stem):
                for cls in lexicon.words.get(form, ()):
                    if cls not in found:
                        found.append(cls)
            classes = tuple(found)
            own.extend("gz=" + c for c in classes)
            context.extend("gz=" + c for c in classes)
        key = stem if sh in ("A", "L", "AL") and len(stem) >= 2 else ""
        # Prefixed once per word type: "-1w=…" is what the token after this one sees.
        around = tuple(
            tuple(f"{d}{c}" for c in context) if d else ()
            for d in range(-config.window, config.window + 1)
        )
        return _Word(tuple(own), around, classes, w, candidates, key)

    @staticmethod
    def _lookup(
        table: Mapping[str, tuple[str, ...]], candidates: Iterable[str], stem: str
    ) -> tuple[str, ...]:
        for form in (*candidates, stem):
            found = table.get(form)
            if found is not None:
                return found
        return ()
