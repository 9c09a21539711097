"""The fitted model as plain arrays, scored with numpy alone.

Unpickling the scikit-learn pipeline imports scikit-learn and SciPy, which costs about a
second before the first claim is scored, in every process that scores. Scoring needs only
what the pipeline learnt: the two vocabularies with their idf weights, the coefficients and
the calibration. :class:`Engine` keeps those in an ``.npz`` file (arrays and one JSON
string, no pickle, so loading it runs no code), with the presumed-cosmetic names the doubt
rules were trained with, and repeats the pipeline's arithmetic on them: TF-IDF values in
float32 as the vectorizers make them, sums in float64 in the order the linear model makes
them. ``tests/test_engine.py`` checks that the probabilities and the evidence are the
pipeline's, to the last bit on the corpus. It takes normalised text (:func:`claimclf.text.normalize`).
"""

from __future__ import annotations

import io
import json
import sys
from array import array
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from claimclf.boilerplate import Boilerplate
from claimclf.config import POSITIVE
from claimclf.errors import ClaimError
from claimclf.features import ChineseRuns, WordAnalyzer
from claimclf.lexicon import Lexicon
from claimclf.measurements import measurement_tokens
from claimclf.scoring.chargrams import CharGrams, count_cells
from claimclf.scoring.wordgrams import Stream, WordGrams
from claimclf.text import chinese_runs

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

FORMAT = 1
_sizeof = sys.getsizeof
# Word feature ids as int32 bytes: array's type code for 4-byte ints ("i" on every common platform).
_ID_CODE = next(code for code in "ilq" if array(code).itemsize == 4)
_ID_BYTES = 4
SUB_BATCH = 1024  # texts whose features are held at once
WORD_CACHE = 20_000  # distinct words whose character n-gram ids are kept by the fallback (a few MB)
CLAUSE_CACHE_BYTES = 16 << 20  # memory the word feature ids of distinct clauses may take, per process


class ClauseCache:
    """Word feature ids per clause, bounded by the memory the entries take rather than by their number.

    A count is no bound on memory: 100,000 clauses take 30 MB when short and several times
    that when long, in every worker, and a file of distinct claims fills any count. Entries
    go into a young generation; when its estimated size reaches half the budget, it becomes
    the old one and the previous old one is dropped. A hit in the old generation moves the
    entry back to the young one, so clauses that keep coming back stay, as with an LRU, at the
    cost of one more lookup on a miss. A clause is keyed by its tokens joined with spaces (no token
    holds one, so the key is exact): one string takes a fraction of a tuple of strings.
    """

    __slots__ = ("budget", "young", "old", "used")

    def __init__(self, budget: int = CLAUSE_CACHE_BYTES) -> None:
        self.budget = budget
        self.young: dict[str, bytes] = {}
        self.old: dict[str, bytes] = {}
        self.used = 0

    def get(self, clause: str) -> bytes | None:
        ids = self.young.get(clause)
        if ids is None:
            ids = self.old.get(clause)
            if ids is not None:
                self.put(clause, ids)
        return ids

    def put(self, clause: str, ids: bytes) -> None:
        # Bytes the entry takes, about: the key, the ids, a dict slot.
        size = _sizeof(clause) + _sizeof(ids) + 64
        if self.used + size > self.budget // 2:
            self.old, self.young, self.used = self.young, {}, 0
        self.young[clause] = ids
        self.used += size

    def __len__(self) -> int:
        return len(self.young) + len(self.old)

    def clear(self) -> None:
        self.young, self.old, self.used = {}, {}, 0


@dataclass(frozen=True)
class Rows:
    """A block of sparse rows in CSR form, the shape the explainer reads."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    n_cols: int

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.indptr) - 1, self.n_cols)


def char_wb_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """Character n-grams inside words, each word padded with a space: scikit-learn's ``char_wb``.

    scikit-learn first squeezes runs of white space; splitting on white space does the same.
    """
    grams: list[str] = []
    for w in text.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            if n >= w_len:  # a word shorter than n counts once, whole, and ends the sizes
                grams.append(w)
                break
            grams += [w[i : i + n] for i in range(w_len - n + 1)]
    return grams


class _Block:
    """One TF-IDF vectorizer: vocabulary, idf, sublinear tf, l2 norm, and its weight in the union.

    ``occurrences`` maps texts to the vocabulary ids of their features, one per occurrence.
    """

    clause_ids_sorted = False  # whether each clause's ids come in increasing order (a text's are then sorted runs)

    def __init__(self, terms: list[str], idf: np.ndarray, settings: dict[str, Any]) -> None:
        self.terms = terms
        self.idf = idf
        self.dtype = np.dtype(settings["dtype"])
        self.sublinear = bool(settings["sublinear_tf"])
        self.norm = settings["norm"]
        self.weight = float(settings["weight"])

    @cached_property
    def index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms)}

    def occurrences(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, vocabulary id) of every feature occurrence the vocabulary holds, texts in order."""
        raise NotImplementedError

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row ids, column indices and counts, rows in order and columns sorted within a row."""
        occ_rows, cols = self.occurrences(texts)
        return count_cells(occ_rows, cols, len(texts), len(self.terms))

    def rows(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row ids, column indices and TF-IDF values, as the vectorizer makes them."""
        return self.weigh(*self.counts(texts), len(texts))

    def rows_of_ids(self, parts: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`rows` of texts given as their feature ids (int32 bytes, one id per occurrence)."""
        return self.weigh(*count_cells(*id_occurrences(parts), len(parts), len(self.terms), runs=self.clause_ids_sorted),
                          len(parts))

    def weigh(self, rows: np.ndarray, indices: np.ndarray, counts: np.ndarray, n: int) -> tuple[np.ndarray, ...]:
        """TF-IDF values of counted cells, as the vectorizer makes them."""
        data = counts.astype(self.dtype)
        if self.sublinear:
            np.log(data, data)
            data += 1.0
        data *= self.idf[indices]
        if self.norm == "l2":
            squares = (data * data).astype(np.float64)
            norms = np.sqrt(np.bincount(rows, weights=squares, minlength=n))
            scale = norms[rows]
            nonzero = scale != 0.0
            data[nonzero] = (data[nonzero].astype(np.float64) / scale[nonzero]).astype(data.dtype)
        if self.weight != 1.0:
            data = data * data.dtype.type(self.weight)
        return rows, indices, data


class _WordBlock(_Block):
    """Word features, worked out once per distinct clause: claims repeat clauses far more than whole texts."""

    def __init__(self, terms: list[str], idf: np.ndarray, settings: dict[str, Any]) -> None:
        super().__init__(terms, idf, settings)
        # Arrays written before function_words existed came from analyzers without it.
        analyzer = {"function_words": False, "risk": False, **settings["analyzer"]}
        if analyzer.get("lexicon") is not None:
            analyzer["lexicon"] = Lexicon(analyzer["lexicon"])
        markers = analyzer.pop("boilerplate", None)
        # The engine leaves out boilerplate once for both blocks (Engine.focus), never again per block.
        self.boilerplate = Boilerplate(markers, analyzer["lexicon"]) if markers is not None else None
        self.analyzer = WordAnalyzer(**analyzer)
        self._clause_ids = ClauseCache()

    def occurrences(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        return id_occurrences([self.feature_ids(text) for text in texts])

    def feature_ids(self, norm: str) -> bytes:
        """Vocabulary ids of the features of normalised text, one per occurrence, unknown features left out,
        as int32 bytes: a clause's ids are kept so and a text's are joined in C, never a Python int at a time."""
        return self.clause_ids(norm) + self.measured_ids(norm)

    def clause_ids(self, norm: str) -> bytes:
        """:meth:`feature_ids` of the clauses alone: the n-grams and named reasons, no measurement."""
        index, cache = self.index, self._clause_ids
        found: list[bytes] = []
        for key in self.analyzer.clause_lines(norm):
            known = cache.young.get(key)  # the common case without a method call; the old generation next
            if known is None:
                known = cache.get(key)
            if known is None:
                features = self.analyzer.clause_features(tuple(key.split(" ")))
                known = array(_ID_CODE, [i for i in map(index.get, features) if i is not None]).tobytes()
                cache.put(key, known)
            found.append(known)
        return b"".join(found)

    @cached_property
    def grams(self) -> WordGrams:
        """The vocabulary as numbers, for the clauses :mod:`claimclf.scoring.clauses` has not seen, a chunk at once."""
        return WordGrams(self.terms, self.index, self.analyzer)

    def measured_ids(self, norm: str) -> bytes:
        """The ids of the measurement tokens of normalised text: they read the whole text, not a clause."""
        if not self.analyzer.measurements:
            return b""
        measured = [i for i in map(self.index.get, measurement_tokens(norm)) if i is not None]
        return array(_ID_CODE, measured).tobytes() if measured else b""


class _CharBlock(_Block):
    """Character n-grams of a whole chunk at once (:mod:`claimclf.scoring.chargrams`)."""

    clause_ids_sorted = True  # CharGrams counts by row, then id

    def __init__(self, terms: np.ndarray, idf: np.ndarray, settings: dict[str, Any]) -> None:
        super().__init__(terms, idf, settings)
        self.min_n, self.max_n = settings["ngram_range"]
        # An alphabet too large for 63-bit n-gram numbers (never seen) falls back to a loop per word.
        self.grams = CharGrams(terms, self.min_n, self.max_n) if CharGrams.fits(terms, self.max_n) else None
        self._word_ids: dict[str, tuple[int, ...]] = {}
        # Arrays written before the setting travelled with the model read all the text.
        self.chinese_only = settings.get("text", "all") == "chinese"

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.chinese_only:
            texts = [chinese_runs(t) for t in texts]
        return self.grams.counts(texts) if self.grams is not None else super().counts(texts)

    def clause_ids(self, clauses: list[str]) -> list[bytes]:
        """The n-gram ids of each clause's Chinese runs, one per occurrence, as int32 bytes (Chinese-only blocks:
        a run never leaves its clause, so a text's n-grams are its clauses')."""
        texts = [chinese_runs(c) for c in clauses]
        if self.grams is None:
            return [array(_ID_CODE, self.feature_ids(t)).tobytes() for t in texts]
        rows, cols, counts = self.grams.counts(texts)
        data = np.repeat(cols, counts).astype(np.int32).tobytes()
        # Where each row's occurrences start, in bytes: the cumulative counts before each row's first cell.
        bounds = np.concatenate(([0], np.cumsum(counts)))[np.searchsorted(rows, np.arange(len(texts) + 1))] * _ID_BYTES
        return [data[a:b] for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)]

    def occurrences(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        ids: list[int] = []
        sizes: list[int] = []
        for text in texts:
            before = len(ids)
            ids += self.feature_ids(text)
            sizes.append(len(ids) - before)
        return np.repeat(np.arange(len(texts), dtype=np.int64), sizes), np.asarray(ids, dtype=np.int64)

    def feature_ids(self, norm: str) -> list[int]:
        """The n-gram ids of one text, a word at a time (the fallback, and the reference the tests compare with)."""
        ids: list[int] = []
        cache, index = self._word_ids, self.index
        for word in norm.split():
            known = cache.get(word)
            if known is None:
                grams = char_wb_ngrams(word, self.min_n, self.max_n)
                known = tuple(i for i in map(index.get, grams) if i is not None)
                if len(cache) >= WORD_CACHE:
                    cache.clear()
                cache[word] = known
            ids += known
        return ids


class Engine:
    """The word and character TF-IDF blocks, the linear model and its Platt scaling, as arrays."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        settings = json.loads(str(arrays["settings"][()]))
        if settings.get("format") != FORMAT:
            raise ClaimError(f"compact model format {settings.get('format')!r} is not {FORMAT}: retrain with "
                             "`claimclf train`")
        self.settings = settings
        words, chars = settings["words"], settings["chars"]
        self.words = _WordBlock(arrays["word_terms"].tolist(), arrays["word_idf"], words)
        self.chars = _CharBlock(arrays["char_terms"], arrays["char_idf"], chars)
        self.coef = arrays["coef"]
        self.intercept = float(arrays["intercept"][()])
        self.a = float(settings["platt_a"])
        self.b = float(settings["platt_b"])
        self.positive_is_second = settings["classes"][1] == POSITIVE
        self.n_words = len(self.words.terms)
        # None for arrays written before the names travelled with the model: the shipped list is used.
        names = arrays.get("presumed_cosmetic")
        self.presumed_cosmetic = tuple(names.tolist()) if names is not None else None

    # ------------------------------------------------------------------ building and files

    @classmethod
    def from_pipeline(cls, pipeline: Pipeline, presumed_cosmetic: tuple[str, ...] | None = None) -> Engine:
        """The arrays of a fitted claimclf pipeline; refuses a pipeline of another shape."""
        return cls(_arrays_from_pipeline(pipeline, presumed_cosmetic))

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "the model") -> Engine:
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                arrays = {key: npz[key] for key in npz.files}
            return cls(arrays)
        except ClaimError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged file means the same to the user whatever broke
            raise ClaimError(f"cannot read the scoring arrays of {name} ({type(exc).__name__}): retrain with "
                             "`claimclf train`") from None

    # ------------------------------------------------------------------ scoring

    def word_names(self) -> np.ndarray:
        names = np.empty(self.n_words, dtype=object)
        names[:] = self.words.terms
        return names

    def word_coef(self) -> np.ndarray:
        """Coefficients of the word block, signed so that > 0 points to cosmetic, as the explainer wants them."""
        sign = 1.0 if self.positive_is_second else -1.0
        return sign * (self.a * self.coef)[: self.n_words]

    def focus(self, norm: str) -> str:
        """What the model reads of normalised text: all of it, or a long note without its boilerplate."""
        return self.words.boilerplate.strip(norm) if self.words.boilerplate is not None else norm

    def word_rows(self, texts: list[str]) -> Rows:
        texts = [self.focus(t) for t in texts]
        rows, indices, data = self.words.rows(texts)
        return _csr(rows, indices, data, len(texts), self.n_words)

    @property
    def by_clause(self) -> bool:
        """Whether a text's features are its clauses' plus its measurements (:mod:`claimclf.scoring.clauses`):
        not for character n-grams of all the text, whose words run across clause marks."""
        return self.chars.chinese_only

    def clause_ids(self, clauses: list[str], stream: Stream | None = None) -> tuple[list[bytes], list[bytes]]:
        """The word and character feature ids of each clause (normalised text between closing marks); ``stream``
        their tokens when already laid out."""
        return self.words.grams.clause_ids(clauses, stream), self.chars.clause_ids(clauses)

    def measured_ids(self, read: str) -> bytes:
        return self.words.measured_ids(read)

    def transform_ids(self, word_ids: list[bytes], char_ids: list[bytes]) -> tuple[Rows, np.ndarray]:
        """:meth:`transform` of texts given as their word and character feature ids (int32 bytes)."""
        return self._combine(len(word_ids), lambda a, b: (self.words.rows_of_ids(word_ids[a:b]),
                                                           self.chars.rows_of_ids(char_ids[a:b])))

    def transform(self, texts: list[str], focused: bool = False) -> tuple[Rows, np.ndarray]:
        """The word block (for evidence) and p(cosmetic) of each normalised text, from one pass of feature extraction.

        A few hundred texts at a time: the character block of a chunk holds about a thousand
        entries per English claim, and only its contribution to the score is kept. ``focused``
        says the texts are already what the model reads (:meth:`focus`), as the scorer passes them.
        """
        if not focused:
            texts = [self.focus(t) for t in texts]
        return self._combine(len(texts), lambda a, b: (self.words.rows(texts[a:b]), self.chars.rows(texts[a:b])))

    def _combine(self, n: int, blocks) -> tuple[Rows, np.ndarray]:
        """The word block and p(cosmetic) of ``n`` texts, ``blocks(a, b)`` giving both blocks' rows of texts a..b."""
        words: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        scores: list[np.ndarray] = []
        for start in range(0, n, SUB_BATCH):
            end = min(n, start + SUB_BATCH)
            (w_rows, w_cols, w_data), (c_rows, c_cols, c_data) = blocks(start, end)
            # The linear model sums each row's words, then its characters, in column order, in float64.
            rows = np.concatenate([w_rows, c_rows])
            cols = np.concatenate([w_cols, c_cols + self.n_words])
            values = np.concatenate([w_data, c_data]).astype(np.float64)
            scores.append(np.bincount(rows, weights=values * self.coef[cols], minlength=end - start))
            words.append((w_rows + start, w_cols, w_data))
        decision = (np.concatenate(scores) if scores else np.zeros(0)) + self.intercept
        z = self.a * decision + (self.b if self.positive_is_second else -self.b)
        p_second = 1.0 / (1.0 + np.exp(-z))
        p = p_second if self.positive_is_second else 1.0 - p_second
        if not words:
            return _csr(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, self.words.dtype), 0, self.n_words), p
        w_rows, w_cols, w_data = (np.concatenate(a) for a in zip(*words, strict=True))
        return _csr(w_rows, w_cols, w_data, n, self.n_words), p

    def p_cosmetic(self, texts: list[str]) -> np.ndarray:
        return self.transform(texts)[1]


def id_occurrences(parts: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(text index, id) of every occurrence in texts' int32 id bytes, texts in order."""
    ids = np.frombuffer(b"".join(parts), dtype=np.int32).astype(np.int64)
    sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) // _ID_BYTES
    return np.repeat(np.arange(len(parts), dtype=np.int64), sizes), ids


def _csr(rows: np.ndarray, indices: np.ndarray, data: np.ndarray, n: int, n_cols: int) -> Rows:
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return Rows(indptr, indices, data, n_cols)


def to_bytes(pipeline: Pipeline, presumed_cosmetic: tuple[str, ...] | None = None) -> bytes:
    """The ``.npz`` bytes of a fitted pipeline's arrays (and the doubt rules' presumed-cosmetic names)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **_arrays_from_pipeline(pipeline, presumed_cosmetic))
    return buffer.getvalue()


def _arrays_from_pipeline(pipeline: Pipeline, presumed_cosmetic: tuple[str, ...] | None = None) -> dict[str, np.ndarray]:
    """Read what scoring needs off the fitted pipeline, checking it is the shape this module repeats."""
    from claimclf.text import normalize as normalize_fn

    steps = getattr(pipeline, "named_steps", {})
    union, clf = steps.get("features"), steps.get("clf")
    parts = dict(getattr(union, "transformer_list", []))
    words, chars = parts.get("words"), parts.get("chars")
    if union is None or clf is None or words is None or chars is None or len(parts) != 2:
        raise _unsupported("its steps are not claimclf's features (words, chars) and clf")
    weights = union.transformer_weights or {}
    for name, vec in (("words", words), ("chars", chars)):
        _check_vectorizer(name, vec)
    if not isinstance(words.analyzer, WordAnalyzer):
        raise _unsupported("the word vectorizer does not use claimclf's WordAnalyzer")
    skip = getattr(words.analyzer, "boilerplate", None)
    char_input = chars.preprocessor
    chinese_only = isinstance(char_input, ChineseRuns)
    if chinese_only:
        char_input = char_input.inner
    preprocessor_ok = char_input is normalize_fn if skip is None else char_input == skip
    if chars.analyzer != "char_wb" or not preprocessor_ok or chars.tokenizer is not None:
        raise _unsupported("the character vectorizer is not char_wb over claimclf's normalize (or its Chinese "
                           "runs), skipping the same boilerplate as the words")
    estimator = getattr(clf, "estimator", clf)
    classes = [str(c) for c in clf.classes_]
    coef = np.asarray(estimator.coef_, dtype=np.float64)
    if len(classes) != 2 or coef.shape[0] != 1 or POSITIVE not in classes:
        raise _unsupported(f"it is not a binary model with a {POSITIVE!r} class")
    if coef.shape[1] != len(words.vocabulary_) + len(chars.vocabulary_):
        raise _unsupported("its coefficients do not match its vocabularies")
    platt_b = clf._b() if hasattr(clf, "_b") else 0.0
    settings: dict[str, Any] = {
        "format": FORMAT,
        "classes": classes,
        "platt_a": float(getattr(clf, "a", 1.0)),
        # Stored the way the calibrated model adds it: on the log-odds of classes[1].
        "platt_b": float(platt_b if classes[1] == POSITIVE else -platt_b),
        "words": {
            "analyzer": {
                **{k: getattr(words.analyzer, k) for k in ("ngram_max", "negation", "measurements", "stopwords",
                                                              "function_words", "risk")},
                "lexicon": [list(e) for e in words.analyzer.lexicon.entries] if words.analyzer.lexicon else None,
                "boilerplate": list(skip.markers) if skip is not None else None,
            },
            "dtype": np.dtype(words.dtype).name, "sublinear_tf": bool(words.sublinear_tf), "norm": words.norm,
            "weight": float(weights.get("words", 1.0)),
        },
        "chars": {
            "ngram_range": list(chars.ngram_range),
            "text": "chinese" if chinese_only else "all",
            "dtype": np.dtype(chars.dtype).name, "sublinear_tf": bool(chars.sublinear_tf), "norm": chars.norm,
            "weight": float(weights.get("chars", 1.0)),
        },
    }
    arrays = {
        "settings": np.array(json.dumps(settings)),
        "word_terms": _terms(words.vocabulary_),
        "word_idf": np.asarray(words.idf_),
        "char_terms": _terms(chars.vocabulary_),
        "char_idf": np.asarray(chars.idf_),
        "coef": coef[0],
        "intercept": np.array(float(np.asarray(estimator.intercept_)[0])),
    }
    if presumed_cosmetic is not None:
        arrays["presumed_cosmetic"] = np.array(list(presumed_cosmetic), dtype=np.str_)
    return arrays


def _terms(vocabulary: dict[str, int]) -> np.ndarray:
    terms = [""] * len(vocabulary)
    for term, i in vocabulary.items():
        terms[i] = term
    return np.array(terms, dtype=np.str_)


def _check_vectorizer(name: str, vec: Any) -> None:
    expected = {"binary": False, "use_idf": True, "input": "content", "strip_accents": None, "stop_words": None}
    for attr, value in expected.items():
        if getattr(vec, attr, value) != value:
            raise _unsupported(f"its {name} vectorizer has {attr}={getattr(vec, attr)!r}")
    if vec.norm not in ("l2", None) or not hasattr(vec, "idf_"):
        raise _unsupported(f"its {name} vectorizer is not a fitted TF-IDF with l2 or no norm")


def _unsupported(why: str) -> ClaimError:
    return ClaimError(f"this model cannot be scored without scikit-learn: {why}; retrain with `claimclf train`")
