"""Per-claim evidence: the word features that moved this claim's score most.

For a linear model a feature's contribution is its TF-IDF value times its
coefficient, so evidence is exact for the word part of the model. Character
n-grams also contribute but are not readable, so they are left out of the list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from claimclf.features import NEGATION_PREFIX, RISK_PREFIX
from claimclf.lexicon import ANY
from claimclf.lexicon import readable as readable_reason
from claimclf.measurements import PREFIX as MEASUREMENT_PREFIX
from claimclf.measurements import readable as readable_measurement
from claimclf.text import has_cjk

if TYPE_CHECKING:
    from claimclf.scoring.engine import Engine


GENERIC = "=" + ANY
CANDIDATES_BEYOND_K = 4  # cells read per row past k, for generic names and repeated terms; more only when needed
SCOPE_WORDS = {"": "", NEGATION_PREFIX: "NOT ", RISK_PREFIX: "RISK OF "}


class Evidence(NamedTuple):
    """One feature's part in a score; a tuple, as thousands are made per chunk."""

    term: str  # readable form
    weight: float  # > 0 pushes towards cosmetic, < 0 towards therapeutic

    @property
    def direction(self) -> str:
        return "cosmetic" if self.weight > 0 else "therapeutic"


@lru_cache(maxsize=50_000)
def readable(feature: str, chinese: bool = False) -> str:
    """``"denies not:pain"`` -> ``"denies NOT pain"``; threshold tokens spelled out; Chinese joined without spaces."""
    if feature.startswith(MEASUREMENT_PREFIX):
        return readable_measurement(feature, chinese=chinese)
    scope = next((p for p in (NEGATION_PREFIX, RISK_PREFIX) if feature.startswith(p)), "")
    reason = readable_reason(feature[len(scope):])
    if reason is not None:
        return f"{SCOPE_WORDS[scope]}{reason}"
    out: list[str] = []
    open_scope = ""
    for tok in feature.split(" "):
        scope = next((p for p in (NEGATION_PREFIX, RISK_PREFIX) if tok.startswith(p)), "")
        if scope and scope != open_scope:
            out.append(SCOPE_WORDS[scope].strip())
        open_scope = scope
        out.append(tok[len(scope):])
    text = ""
    for tok in out:
        if text and not (has_cjk(tok) and has_cjk(text[-1])):
            text += " "
        text += tok
    return text


class Explainer:
    """The word features' names and signed coefficients, and a way to compute a text's word block."""

    def __init__(self, names, coef, word_rows: Callable[[list[str]], Any]) -> None:
        self.names = names
        self.coef = coef
        self.word_rows = word_rows

    @classmethod
    def from_engine(cls, engine: Engine) -> Explainer:
        return cls(engine.word_names(), engine.word_coef(), engine.word_rows)

    @cached_property
    def name_list(self) -> list[str]:
        """The names as a list: indexing one is several times quicker than indexing an array of objects."""
        return list(self.names)

    @cached_property
    def fewer_words(self):
        """Per feature, minus the spaces in its name (one fewer than its words): of equal weights, phrases first."""
        import numpy as np

        return -np.fromiter((min(n.count(" "), 99) for n in self.name_list), dtype=np.int8, count=len(self.name_list))

    @property
    def n_words(self) -> int:
        return len(self.coef)

    def explain(self, texts: list[str], k: int = 4, word_matrix=None) -> list[list[Evidence]]:
        """The ``k`` strongest word features of each text, strongest first.

        ``texts`` are normalised; ``word_matrix``, the word block of features already computed
        for scoring, saves analysing them a second time.
        """
        import numpy as np

        X = self.word_rows(texts) if word_matrix is None else word_matrix
        n = X.shape[0]
        contrib = X.data * self.coef[X.indices]
        lengths = np.diff(X.indptr)
        order = strongest_first(X.indptr, np.abs(contrib), self.fewer_words[X.indices])
        # Each row's first few cells in that order, read as Python numbers; the rest only when a row needs it.
        take = np.minimum(lengths, k + CANDIDATES_BEYOND_K)
        offsets = np.cumsum(take) - take
        first = order[np.arange(int(take.sum())) - np.repeat(offsets - X.indptr[:-1], take)]
        values, cols = contrib[first].tolist(), X.indices[first].tolist()
        bounds = [*offsets.tolist(), int(take.sum())]
        indptr, lengths, take = X.indptr.tolist(), lengths.tolist(), take.tolist()
        names = self.name_list
        result: list[list[Evidence]] = []
        for i in range(n):
            items: list[Evidence] = []
            if lengths[i]:
                chinese = has_cjk(texts[i])
                seen: set[str] = set()
                a, b = bounds[i], bounds[i + 1]
                done = _pick(items, seen, values[a:b], cols[a:b], names, k, chinese)
                if not done and lengths[i] > take[i]:
                    rest = order[indptr[i] + take[i] : indptr[i + 1]]
                    _pick(items, seen, contrib[rest].tolist(), X.indices[rest].tolist(), names, k, chinese)
            result.append(items)
        return result

    def top_features(
        self, n: int = 20, language: str | None = None, raw: bool = False
    ) -> dict[str, list[tuple[str, float]]]:
        """The strongest word features of the model for each class, optionally only Chinese or only Latin ones."""
        order = self.coef.argsort()
        if language == "zh":
            order = [i for i in order if has_cjk(self.names[i])]
        elif language == "en":
            order = [i for i in order if not has_cjk(self.names[i])]
        chinese = language == "zh"

        def name(i: int) -> str:
            return self.names[i] if raw else readable(self.names[i], chinese)

        return {
            "cosmetic": [(name(i), float(self.coef[i])) for i in list(order)[::-1][:n]],
            "therapeutic": [(name(i), float(self.coef[i])) for i in list(order)[:n]],
        }


def strongest_first(indptr, strength, fewer_words):
    """The cells of a block sorted by row, then strongest first; of equal strengths (a word and a phrase that only
    appear together learn the same weight) the longer phrase first (``fewer_words`` lower), then column order.

    One sort of 64-bit keys (row, strength as a float32, words, place in the row) that are all distinct, so the
    fast unstable sort gives the one order; the rows where two different strengths round to the same float32
    are sorted again exactly. Keys too wide for 64 bits (rows of tens of thousands of cells) take the exact
    sort throughout.
    """
    import numpy as np

    lengths = np.diff(indptr)
    n, cells = len(lengths), len(strength)
    if not cells:
        return np.zeros(0, dtype=np.int64)
    row_of = np.repeat(np.arange(n, dtype=np.int64), lengths)
    place = np.arange(cells, dtype=np.int64) - indptr[:-1][row_of]
    words = (fewer_words - fewer_words.min()).astype(np.int64)
    row_bits, word_bits = max(1, (n - 1).bit_length()), max(1, int(words.max()).bit_length())
    place_bits = max(1, int(lengths.max() - 1).bit_length())
    if row_bits + 31 + word_bits + place_bits > 64:
        return _strongest_first_exactly(row_of, strength, fewer_words)
    rounded = strength.astype(np.float32)
    # A non-negative float32's bits sort as its value; subtracted from the largest, strongest comes first.
    weaker = (np.uint32(0x7FFFFFFF) - rounded.view(np.uint32)).astype(np.uint64)
    key = ((row_of.astype(np.uint64) << np.uint64(31 + word_bits + place_bits))
           | (weaker << np.uint64(word_bits + place_bits))
           | (words.astype(np.uint64) << np.uint64(place_bits)) | place.astype(np.uint64))
    key.sort()
    row = (key >> np.uint64(31 + word_bits + place_bits)).astype(np.int64)
    order = indptr[:-1][row] + (key & np.uint64((1 << place_bits) - 1)).astype(np.int64)
    ranked = rounded[order]
    clash = (ranked[1:] == ranked[:-1]) & (strength[order][1:] != strength[order][:-1]) & (row[1:] == row[:-1])
    for r in np.unique(row[1:][clash]).tolist():  # float32 could not tell two strengths apart: exactly, this row
        a, b = int(indptr[r]), int(indptr[r + 1])
        order[a:b] = a + _strongest_first_exactly(np.zeros(b - a, dtype=np.int64), strength[a:b], fewer_words[a:b])
    return order


def _strongest_first_exactly(row_of, strength, fewer_words):
    """:func:`strongest_first` by three stable sorts, from the last key to the first."""
    import numpy as np

    by_words = np.argsort(fewer_words, kind="stable")
    by_strength = by_words[np.argsort(-strength[by_words], kind="stable")]
    return by_strength[np.argsort(row_of[by_strength], kind="stable")]


def _pick(items: list[Evidence], seen: set[str], values: list[float], cols: list[int], names: list[str], k: int,
          chinese: bool) -> bool:
    """Add evidence from (value, column) pairs in order, strongest first; True once ``k`` are in or weights reach 0."""
    for value, col in zip(values, cols, strict=True):
        if len(items) >= k or value == 0:
            return True
        name = names[col]
        if name.endswith(GENERIC):  # "a condition named": its named reason says more
            continue
        term = readable(name, chinese)  # positional: the cache keys keyword calls more slowly
        if term in seen:
            continue
        seen.add(term)
        items.append(Evidence(term, value))
    return len(items) >= k


def format_evidence(items: list[Evidence]) -> str:
    """One cell: ``cosmetic: look younger (+0.52), NOT pain (+0.31); therapeutic: field (-0.40)``."""
    # Evidence.direction spelt out inline: this runs for every scored row.
    cosmetic = ", ".join([f"{term} ({weight:+.2f})" for term, weight in items if weight > 0])
    therapeutic = ", ".join([f"{term} ({weight:+.2f})" for term, weight in items if not weight > 0])
    if cosmetic and therapeutic:
        return f"cosmetic: {cosmetic}; therapeutic: {therapeutic}"
    return f"cosmetic: {cosmetic}" if cosmetic else f"therapeutic: {therapeutic}" if therapeutic else ""
