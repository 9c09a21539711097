"""The chunk-wide character n-gram counts must be scikit-learn's char_wb counts, whatever the text."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from claimclf.scoring.chargrams import CharGrams
from claimclf.text import normalize

WORDS = ["ptosis", "visual", "field", "双眼皮", "视野", "疤痕", "a", "x-ray", "😀", "ｆｕｌｌ", "é\u0301"]


def reference(texts: list[str], min_n: int, max_n: int, min_df: int = 1):
    """scikit-learn's vocabulary for ``texts`` and its count matrix of them (rows, cols, counts)."""
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer="char_wb", lowercase=False, ngram_range=(min_n, max_n), min_df=min_df)
    X = vec.fit_transform(texts).tocsr()
    X.sort_indices()
    terms = np.array(sorted(vec.vocabulary_, key=vec.vocabulary_.get), dtype=np.str_)
    rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    return vec, terms, (rows, X.indices, X.data)


def assert_counts_equal(got, expected):
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_array_equal(g, e)


texts_strategy = st.lists(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8)), max_size=12).map(" ".join),
    min_size=1, max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(texts_strategy, st.integers(1, 4), st.integers(0, 2))
def test_counts_are_scikit_learns_on_its_own_vocabulary(texts, min_n, extra):
    norms = [normalize(t) for t in texts]
    if not any(n.split() for n in norms):
        return
    vec, terms, expected = reference(norms, min_n, min_n + extra)
    grams = CharGrams(terms, min_n, min_n + extra)
    assert grams.in_order
    assert_counts_equal(grams.counts(norms), expected)


@settings(max_examples=100, deadline=None)
@given(texts_strategy, texts_strategy)
def test_n_grams_the_vocabulary_lacks_are_left_out(train, texts):
    """Characters and n-grams never seen in training (emoji, rare ideographs) must match nothing."""
    train_norms, norms = [normalize(t) for t in train], [normalize(t) for t in texts]
    if not any(n.split() for n in train_norms):
        return
    vec, terms, _ = reference(train_norms, 1, 4)
    X = vec.transform(norms).tocsr()
    X.sort_indices()
    expected = (np.repeat(np.arange(X.shape[0]), np.diff(X.indptr)), X.indices, X.data)
    assert_counts_equal(CharGrams(terms, 1, 4).counts(norms), expected)


def test_a_vocabulary_out_of_string_order_gives_the_same_counts():
    norms = [normalize(t) for t in ["Ptosis blocks the visual field", "想做双眼皮 wants", "x"]]
    vec, terms, expected = reference(norms, 1, 3)
    shuffled = np.random.default_rng(0).permutation(len(terms))
    grams = CharGrams(terms[shuffled], 1, 3)
    assert not grams.in_order
    rows, cols, counts = grams.counts(norms)
    order = np.lexsort((shuffled[cols], rows))
    assert_counts_equal((rows[order], shuffled[cols][order], counts[order]), expected)


def test_chunks_split_by_characters_count_the_same(monkeypatch):
    from claimclf.scoring import chargrams

    norms = [normalize(t) for t in ["upper lid rests on lashes", "想做双眼皮", "", "field 20 degrees"] * 5]
    _, terms, expected = reference(norms, 1, 4)
    monkeypatch.setattr(chargrams, "MAX_CHARS", 30)
    assert_counts_equal(CharGrams(terms, 1, 4).counts(norms), expected)


def test_texts_without_words_give_no_rows():
    grams = CharGrams(np.array(["a", " a", "a "], dtype=np.str_), 1, 2)
    assert all(len(a) == 0 for a in grams.counts(["", "   "]))
    assert all(len(a) == 0 for a in grams.counts([]))
