"""Feature extraction: the word analyzer with negation scope, and the vectorizers.

A negated cue becomes its own feature (``not:obstruction``), so "denies visual
obstruction" does not count as evidence of obstruction.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from claimclf.boilerplate import Boilerplate
from claimclf.boilerplate import shipped_markers as shipped_boilerplate
from claimclf.function_words import NEGATORS_EN, NEGATORS_ZH, NOT_FEATURES
from claimclf.lexicon import Lexicon
from claimclf.lexicon import shipped as shipped_lexicon
from claimclf.measurements import measurement_tokens
from claimclf.text import BOUNDARY, TokenMemo, chinese_runs, has_cjk, normalize, tokenize

NEGATION_PREFIX = "not:"
RISK_PREFIX = "risk:"
PREFIXES = (NEGATION_PREFIX, RISK_PREFIX)

# Words that end a negation's scope inside a clause.
SCOPE_BREAKERS = frozenset({"but", "however", "although", "except", "yet", "但", "但是", "然而", "可是", "却"})
MAX_SCOPE = {"en": 5, "zh": 4}
_BARE = re.compile(r"[\d.]+|[°%/]")
# The style words models before function_words=True dropped (kept as they were, so those models read
# text as they were trained to). function_words.NOT_FEATURES holds them all and more.
STOPWORDS = frozenset({
    "the", "a", "an", "and", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "i", "me", "my",
    "we", "our", "you", "your", "she", "he", "her", "his", "him", "they", "them", "their", "so", "just", "also",
    "very", "really", "then", "there", "which", "who", "would", "could", "can", "will", "do", "did", "does", "am",
    "的", "了", "是", "我", "就", "都", "有", "说", "也", "在", "和", "着", "吧", "啊", "呢", "吗", "个", "这", "那",
    "就是", "还", "又", "很", "把", "被", "给", "让", "到", "过", "我们", "他", "她", "您", "你", "其", "之", "于", "为",
    "现在", "已经", "一下", "一个", "这个", "那个", "什么", "啥", "嘛", "呀", "哦",
})
# A condition asked about as a risk ("will it cause cancer?", 会不会感染) is not the procedure's reason.
RISK_MARKERS = frozenset({
    "risk", "risks", "chance", "chances", "might", "may", "could", "worried", "worry", "afraid", "cause", "causes",
    "会", "会不会", "是否会", "可能", "会得", "担心", "怕", "害怕", "风险", "导致", "引起", "副作用", "后遗症",
})
# Conjunctions pass a negation on without using up its scope ("no pain or numbness", 无疼痛及麻木).
CONJUNCTIONS = frozenset({"and", "or", "nor", "及", "和", "或", "与", "或者", "、", "/"})


# What opens a scope, without and with risk scopes.
SCOPE_OPENERS = {False: NEGATORS_EN | NEGATORS_ZH, True: NEGATORS_EN | NEGATORS_ZH | RISK_MARKERS}


def mark_negation(tokens: tuple[str, ...] | list[str], risk: bool = False) -> list[str]:
    """Prefix tokens inside a negation's scope (and, with ``risk``, a risk's); drop clause boundaries.

    A scope runs from its marker to the next clause boundary, a contrastive word, or a few
    tokens, whichever comes first. Markers themselves are kept as tokens; negation wins over risk.
    """
    if SCOPE_OPENERS[risk].isdisjoint(tokens):  # no scope opens (most clauses): only boundaries go
        return [t for t in tokens if t != BOUNDARY] if BOUNDARY in tokens else list(tokens)
    out: list[str] = []
    left = risk_left = 0
    for tok in tokens:
        if tok == BOUNDARY:
            left = risk_left = 0
            continue
        if tok in SCOPE_BREAKERS:
            left = risk_left = 0
            out.append(tok)
            continue
        if tok in NEGATORS_EN or tok in NEGATORS_ZH:
            left = MAX_SCOPE["zh" if has_cjk(tok) else "en"]
            out.append(tok)
            continue
        if risk and tok in RISK_MARKERS:
            risk_left = MAX_SCOPE["zh" if has_cjk(tok) else "en"]
            out.append(tok)
            continue
        if (left > 0 or risk_left > 0) and tok in CONJUNCTIONS:
            out.append(tok)
        elif left > 0:
            out.append(NEGATION_PREFIX + tok)
            left -= 1
            risk_left = max(0, risk_left - 1)
        elif risk_left > 0:
            out.append(RISK_PREFIX + tok)
            risk_left -= 1
        else:
            out.append(tok)
    return out


def base(token: str) -> str:
    """A token without its scope prefix."""
    if not token.startswith(PREFIXES):  # most tokens: one call in C instead of a loop
        return token
    for prefix in PREFIXES:
        if token.startswith(prefix):
            return token[len(prefix):]
    return token


class WordAnalyzer:
    """Word 1..n-grams over the bilingual token stream, n-grams kept inside a clause.

    A class rather than a closure so that it pickles and so that its settings are
    visible as hyperparameters.
    """

    def __init__(
        self, ngram_max: int = 2, negation: bool = True, measurements: bool = True, stopwords: bool = True,
        function_words: bool = True, lexicon: Lexicon | None = None, risk: bool = True,
        boilerplate: Boilerplate | None = None,
    ) -> None:
        self.ngram_max = ngram_max
        self.negation = negation
        self.measurements = measurements
        self.stopwords = stopwords
        self.function_words = function_words
        self.lexicon = lexicon
        self.risk = risk
        self.boilerplate = boilerplate

    def __repr__(self) -> str:
        return (f"WordAnalyzer(ngram_max={self.ngram_max}, negation={self.negation}, "
                f"measurements={self.measurements}, stopwords={self.stopwords}, function_words={self.function_words}, "
                f"lexicon={len(self.lexicon) if self.lexicon else None} entries, risk={self.risk}, "
                f"boilerplate={self.boilerplate!r})")

    def __setstate__(self, state: dict) -> None:
        defaults = {"measurements": False, "stopwords": False, "function_words": False, "lexicon": None,
                    "risk": False, "boilerplate": None}
        self.__dict__.update({**defaults, **state})

    def raw_clauses(self, norm: str) -> list[tuple[str, ...]]:
        """The token stream of normalised text split into clauses at each boundary, empty clauses dropped."""
        clauses: list[tuple[str, ...]] = []
        tokens = tokenize(norm)
        start = 0
        for end, tok in enumerate(tokens):
            if tok == BOUNDARY:
                if end > start:
                    clauses.append(tokens[start:end])
                start = end + 1
        if len(tokens) > start:
            clauses.append(tokens[start:])
        return clauses

    def clause_lines(self, norm: str) -> list[str]:
        """:meth:`raw_clauses` with each clause's tokens joined by spaces, split by string operations alone:
        what scoring keys its per-clause cache on."""
        line = " ".join(tokenize(norm)).replace(BOUNDARY + " ", BOUNDARY).replace(" " + BOUNDARY, BOUNDARY)
        return [c for c in line.split(BOUNDARY) if c]

    def marked_clauses(self, norm: str) -> list[list[str]]:
        """The token stream of normalised text split into clauses, with negation marked if enabled."""
        return [self.marked(c) for c in self.raw_clauses(norm)]

    def marked(self, clause: tuple[str, ...]) -> list[str]:
        # A scope never crosses a clause boundary, so marking clause by clause is marking the whole stream.
        return mark_negation(clause, self.risk) if self.negation else list(clause)

    def clauses(self, norm: str) -> list[list[str]]:
        """The clauses whose words become n-grams: function words, bare numbers and symbols left out."""
        return self._filtered(self.marked_clauses(norm))

    def _filtered(self, clauses: list[list[str]]) -> list[list[str]]:
        keep = keeps(self.function_words, self.stopwords).__getitem__
        kept: list[list[str]] = []
        for clause in clauses:
            words = list(compress(clause, map(keep, clause)))
            if words:
                kept.append(words)
        return kept

    def __call__(self, text: str) -> list[str]:
        """The vectorizer's entry: raw text in, so the text is normalised here."""
        return list(self.analyze(normalize(text)))

    def analyze(self, norm: str) -> tuple[str, ...]:
        """Features of normalised text (what scoring calls, having normalised once), its boilerplate left out."""
        if self.boilerplate is not None:
            norm = self.boilerplate.strip(norm)
        return _analyze(norm, self.ngram_max, self.negation, self.measurements, self.stopwords, self.function_words,
                        self.lexicon, self.risk)

    def clause_features(self, clause: tuple[str, ...]) -> list[str]:
        """The features one clause gives (n-grams and named reasons): the same wherever the clause appears,
        so scoring caches them per clause."""
        marked = self.marked(clause)
        features: list[str] = []
        for kept in self._filtered([marked]):
            features += kept
            for n in range(2, self.ngram_max + 1):
                features += map(" ".join, zip(*(kept[i:] for i in range(n)), strict=False))  # shifted copies: n-grams
        if self.lexicon is not None:
            features.extend(self.lexicon.features(marked, PREFIXES))
        return features

    def features(self, norm: str) -> tuple[str, ...]:
        features = [f for clause in self.raw_clauses(norm) for f in self.clause_features(clause)]
        if self.measurements:
            features.extend(measurement_tokens(norm))
        return tuple(features)


_KEEPS: dict[tuple[bool, bool], TokenMemo] = {}


def keeps(function_words: bool, stopwords: bool) -> TokenMemo:
    """Whether each token becomes a feature under these settings, worked out once per token."""
    memo = _KEEPS.get((function_words, stopwords))
    if memo is None:
        dropped = NOT_FEATURES if function_words else STOPWORDS if stopwords else frozenset()

        def kept(token: str) -> bool:
            b = base(token)
            # Bare numbers and symbols go with function words: measurements speak through their threshold tokens.
            return not (b in dropped or (function_words and (b in RISK_MARKERS or _BARE.fullmatch(b))))

        memo = _KEEPS[(function_words, stopwords)] = TokenMemo(kept)
    return memo


@lru_cache(maxsize=100_000)
def _analyze(norm: str, ngram_max: int, negation: bool, measurements: bool, stopwords: bool,
             function_words: bool, lexicon: Lexicon | None, risk: bool) -> tuple[str, ...]:
    """Cached: cross-validation analyses the same texts many times."""
    return WordAnalyzer(ngram_max, negation, measurements, stopwords, function_words, lexicon, risk).features(norm)


CHAR_TEXTS = ("chinese", "all")  # what the character n-grams read: the Chinese runs, or all the text


class ChineseRuns:
    """The character block's preprocessor: what the words read (``inner``), Chinese runs only; comparable by content."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, text: object) -> str:
        return chinese_runs(self.inner(text))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChineseRuns) and self.inner == other.inner

    def __hash__(self) -> int:
        return hash((ChineseRuns, self.inner))

    def __repr__(self) -> str:
        return f"ChineseRuns({self.inner!r})"


def build_features(
    ngram_max: int = 2,
    negation: bool = True,
    char_ngram: tuple[int, int] = (1, 4),
    measurements: bool = True,
    stopwords: bool = True,
    function_words: bool = True,
    lexicon: bool = True,
    risk: bool = True,
    char_weight: float = 1.0,
    boilerplate: bool = True,
    char_text: str = "chinese",
):
    """Word and character n-gram TF-IDF side by side; ``char_weight`` scales the character block.

    ``char_text`` (:data:`CHAR_TEXTS`): the character n-grams of English leant therapeutic by the
    corpus's style, so by default they read the Chinese runs only.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    from claimclf.char_tfidf import CharTfidfVectorizer

    reasons = shipped_lexicon() if lexicon else None
    # Both blocks skip a long note's boilerplate sentences, judged against the model's own lexicon.
    skip = Boilerplate(shipped_boilerplate(), reasons) if boilerplate else None
    if char_text not in CHAR_TEXTS:
        raise ValueError(f"char_text must be one of {CHAR_TEXTS}, not {char_text!r}")
    char_input = skip or normalize
    words = TfidfVectorizer(
        analyzer=WordAnalyzer(ngram_max=ngram_max, negation=negation, measurements=measurements, stopwords=stopwords,
                              function_words=function_words, lexicon=reasons, risk=risk, boilerplate=skip),
        lowercase=False,
        min_df=2,
        sublinear_tf=True,
        dtype=_float32(),
    )
    chars = CharTfidfVectorizer(
        analyzer="char_wb",
        preprocessor=ChineseRuns(char_input) if char_text == "chinese" else char_input,
        ngram_range=char_ngram,
        min_df=3,
        max_features=200_000,
        sublinear_tf=True,
        dtype=_float32(),
    )
    return FeatureUnion([("words", words), ("chars", chars)], transformer_weights={"words": 1.0, "chars": char_weight})


def _float32():
    import numpy as np

    return np.float32


def reading(pipeline):
    """What a fitted pipeline reads of normalised text: all of it, or a long note without its boilerplate."""
    analyzer = dict(pipeline.named_steps["features"].transformer_list)["words"].analyzer
    skip = getattr(analyzer, "boilerplate", None)
    return skip.strip if skip is not None else _whole


def _whole(norm: str) -> str:
    return norm
