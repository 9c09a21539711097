"""Word feature ids of a chunk of clauses at once must be the analyzer's, clause by clause."""

import subprocess
import sys
from collections import Counter
from itertools import chain

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimclf.boilerplate import split_clauses
from claimclf.features import WordAnalyzer
from claimclf.lexicon import Lexicon, shipped
from claimclf.scoring.wordgrams import WordGrams
from claimclf.text import normalize

from .test_engine import EDGE_TEXTS

# Marks, digits, dashes, negators, risk words, conjunctions and lexicon words, in both languages.
WORDS = ["no", "not", "without", "denies", "risk", "may", "and", "or", "ptosis", "blocks", "vision", "upper", "eyelid",
         "wants", "to", "look", "younger", "double", "eyelid", "surgery", "scar", "burn", "cleft", "lip", "20", "degrees",
         "无", "没有", "担心", "会", "和", "上睑下垂", "视野", "双眼皮", "变美", "疤痕", "烧伤", "唇裂", "想", "1.5", "cm"]
MARKS = [" ", " ", " ", ", ", ". ", "; ", "，", "。", " - ", "/", "(", ")", ": "]
TRICKY = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=30).map(
    lambda pairs: "".join(w + m for w, m in pairs))


def clauses_of(texts: list[str]) -> list[str]:
    """The distinct clauses of ``texts``, as scoring splits them."""
    return list(dict.fromkeys(c for t in texts for c in split_clauses(normalize(t))[::2]))


def by_the_analyzer(analyzer: WordAnalyzer, index: dict[str, int], clause: str) -> Counter:
    """The definition: each part's features from the analyzer, those the vocabulary holds."""
    features = chain.from_iterable(analyzer.clause_features(p) for p in analyzer.raw_clauses(clause))
    return Counter(index[f] for f in features if f in index)


def ids(data: bytes) -> Counter:
    return Counter(np.frombuffer(data, dtype=np.int32).tolist())


@pytest.fixture(scope="module")
def engine(scoring_engine):
    return scoring_engine


@pytest.fixture(scope="module")
def texts(corpus_and_dev_texts):
    return corpus_and_dev_texts + EDGE_TEXTS


def test_the_models_clauses_get_the_analyzers_ids(engine, texts):
    words = engine.words
    clauses = clauses_of(texts)
    got = []
    for start in range(0, len(clauses), 700):  # chunks of mixed languages, as scoring passes them
        got += words.grams.clause_ids(clauses[start:start + 700])
    assert len(got) == len(clauses)
    for clause, found in zip(clauses, got, strict=True):
        assert ids(found) == by_the_analyzer(words.analyzer, words.index, clause), clause
    # The cases the fast path must not miss are there: scopes opened, reasons named, both.
    analyzer = words.analyzer
    named = [c for c in clauses if any(f.startswith(("cond=", "goal=")) for f in analyzer.features(c))]
    scoped = [c for c in clauses if any(f.startswith(("not:", "risk:")) for f in analyzer.features(c))]
    assert len(named) > 100 and len(scoped) > 100


# Every setting that changes what a clause gives, each with a vocabulary of all its features on the corpus.
ANALYZERS = {
    "shipped": {},
    "no negation": {"negation": False},
    "no risk": {"risk": False},
    "trigrams": {"ngram_max": 3},
    "no lexicon": {"lexicon": None},
    "stopwords only": {"function_words": False, "stopwords": True},
    "every token": {"function_words": False, "stopwords": False},
}


@pytest.mark.parametrize("name", ANALYZERS)
def test_every_setting_gives_the_analyzers_ids(name, texts):
    analyzer = WordAnalyzer(**{"lexicon": shipped(), **ANALYZERS[name]})
    clauses = clauses_of(texts[::3])
    vocabulary = sorted({f for c in clauses for p in analyzer.raw_clauses(c) for f in analyzer.clause_features(p)})
    vocabulary = vocabulary[::2]  # half of them unknown, as a fitted vocabulary leaves most n-grams out
    index = {t: i for i, t in enumerate(vocabulary)}
    got = WordGrams(vocabulary, index, analyzer).clause_ids(clauses)
    for clause, found in zip(clauses, got, strict=True):
        assert ids(found) == by_the_analyzer(analyzer, index, clause), clause


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TRICKY, min_size=1, max_size=8))
def test_tricky_clauses_get_the_analyzers_ids(engine, parts):
    words = engine.words
    clauses = clauses_of(parts)
    got = words.grams.clause_ids(clauses)
    assert len(got) == len(clauses)
    for clause, found in zip(clauses, got, strict=True):
        assert ids(found) == by_the_analyzer(words.analyzer, words.index, clause), clause


def test_long_overlapping_reasons_match_as_the_lexicon_does():
    # Terms of up to six tokens sharing tokens: the longest at each place wins, and a match takes its tokens.
    lexicon = Lexicon([
        ("condition", "a b c d e f", "six"), ("condition", "b c", "bc"), ("condition", "c d e", "cde"),
        ("goal", "e f", "ef"), ("goal", "f", "f"), ("condition", "a b", "ab"), ("goal", "a b", "ab_goal"),
    ])
    analyzer = WordAnalyzer(lexicon=lexicon, function_words=False, stopwords=False)
    # A scope covers five tokens: "no x x x x a b" scopes a but not b, so "a b" takes no prefix; "no a b" scopes both.
    clauses = ["a b c d e f", "a b c d e", "b c d e f", "c d e f", "x a b x", "no a b c", "f f e f", "no x x x x a b",
               "no x x x x a b c d e f", "no a b but c d e", "risk of e f and f"]
    vocabulary = sorted({f for c in clauses for p in analyzer.raw_clauses(c) for f in analyzer.clause_features(p)})
    index = {t: i for i, t in enumerate(vocabulary)}
    got = WordGrams(vocabulary, index, analyzer).clause_ids(clauses)
    for clause, found in zip(clauses, got, strict=True):
        assert ids(found) == by_the_analyzer(analyzer, index, clause), clause
    assert "cond=six" in vocabulary and "goal=ab_goal" not in vocabulary  # the first term listed wins
    assert {"cond=ab", "not:cond=ab", "cond=six", "risk:goal=ef", "cond=cde"} <= set(vocabulary)


def test_no_clause_and_empty_clauses(engine):
    assert engine.words.grams.clause_ids([]) == []
    assert engine.words.grams.clause_ids(["", " ", "."]) == [b"", b"", b""]


def test_english_clauses_never_start_the_segmenter(small_model):
    code = (
        "import sys; from claimclf.persistence import load; from claimclf.scoring.engine import Engine, to_bytes;"
        "import claimclf.segmenter as S;"
        f"e = Engine.from_bytes(to_bytes(load({str(small_model)!r}).pipeline()));"
        "e.words.grams.clause_ids(['no ptosis of the upper eyelid', 'wants a smaller nose', 'burn scar 3 cm']);"
        "print(S._jieba is not None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
