"""A text read clause by clause must be the text read whole: same features, probabilities, content words, votes."""

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimclf.boilerplate import split_clauses
from claimclf.decision import count_content_tokens
from claimclf.features import WordAnalyzer
from claimclf.languages import token_votes
from claimclf.persistence import load
from claimclf.scoring.clauses import Clauses
from claimclf.scoring.engine import Engine, to_bytes
from claimclf.text import chinese_runs, normalize, tokenize

from .test_engine import EDGE_TEXTS

# Characters that make clause and token boundaries interesting: marks, digits around points, dashes, Chinese.
TRICKY = st.text(alphabet="ab z09.,;:!?()-–/%°\n 视野上睑下垂，。；！？、", max_size=80)


@pytest.fixture(scope="module")
def engine(scoring_engine):
    return scoring_engine


@pytest.fixture(scope="module")
def texts(corpus_and_dev_texts):
    return [normalize(t) for t in corpus_and_dev_texts + EDGE_TEXTS]


def ids(data: bytes) -> Counter:
    return Counter(np.frombuffer(data, dtype=np.int32).tolist())


def check_readings(engine: Engine, clauses: Clauses, norms: list[str]) -> None:
    readings = clauses.read(norms)
    for norm, reading in zip(norms, readings, strict=True):
        read = engine.focus(norm)
        tokens = tokenize(read)
        assert reading.read == read
        assert ids(reading.word_ids) == ids(engine.words.feature_ids(read))
        expected_chars = engine.chars.occurrences([chinese_runs(read)])[1].tolist()
        assert ids(reading.char_ids) == Counter(expected_chars)
        assert reading.content == count_content_tokens(tokens)
        assert reading.votes == token_votes(tokens)


@given(st.lists(TRICKY, min_size=1, max_size=6))
def test_a_texts_token_clauses_are_its_clauses_token_clauses(parts):
    analyzer = WordAnalyzer()
    norm = normalize(" ".join(parts))
    by_clause = [line for clause in split_clauses(norm)[::2] for line in analyzer.clause_lines(clause)]
    assert by_clause == analyzer.clause_lines(norm)


def test_each_text_reads_as_it_does_whole(engine, texts):
    clauses = Clauses(engine)
    check_readings(engine, clauses, texts)
    check_readings(engine, clauses, texts[::-1])  # the second time from what was kept


def test_probabilities_and_word_block_are_those_of_whole_texts_to_the_bit(engine, texts):
    readings = Clauses(engine).read(texts)
    words, p = engine.transform_ids([r.word_ids for r in readings], [r.char_ids for r in readings])
    whole_words, whole_p = engine.transform(texts)
    np.testing.assert_array_equal(p, whole_p)
    for got, expected in ((words.indptr, whole_words.indptr), (words.indices, whole_words.indices),
                          (words.data, whole_words.data)):
        np.testing.assert_array_equal(got, expected)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(TRICKY, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=4))
def test_any_text_reads_as_it_does_whole(engine, batch):
    norms = [normalize(t) for t in batch]
    check_readings(engine, Clauses(engine), norms)
    readings = Clauses(engine).read(norms)
    p = engine.transform_ids([r.word_ids for r in readings], [r.char_ids for r in readings])[1]
    np.testing.assert_array_equal(p, engine.transform(norms)[1])


def test_memory_stays_within_the_budget_and_readings_stay_right(engine, texts):
    clauses = Clauses(engine, budget=20_000)
    check_readings(engine, clauses, texts[:400])
    assert clauses.used <= clauses.budget // 2
    assert 0 < len(clauses) < len({c for t in texts[:400] for c in split_clauses(t)[::2]})


def test_a_model_whose_characters_read_all_the_text_is_read_whole(small_corpus):
    from claimclf.decision import Policy
    from claimclf.scoring.scorer import Scorer
    from claimclf.train import build_pipeline

    df = pd.read_csv(small_corpus)
    engine = Engine.from_bytes(to_bytes(build_pipeline(char_text="all").fit(df["text"], df["label"])))
    assert not engine.by_clause
    with pytest.raises(ValueError, match="score whole texts"):
        Clauses(engine)
    scorer = Scorer(engine, Policy())
    assert scorer.clauses is None
    rows = scorer.score_texts(df["text"].tolist()[:50])
    np.testing.assert_allclose([r["p_cosmetic"] for r in rows],
                               [round(scorer.decide(t, normalize(t), p).p, 6)
                                for t, p in zip(df["text"][:50], engine.p_cosmetic([normalize(t) for t in df["text"][:50]]),
                                                strict=True)])


def test_scoring_by_clause_writes_what_scoring_whole_texts_writes(small_model, texts):
    from claimclf.scoring.workers import ScorerSpec

    spec = ScorerSpec.from_model(load(small_model), None, 5)
    by_clause, whole = spec.build(), spec.build()
    assert by_clause.clauses is not None
    whole.clauses = None
    raw = texts + ["", None, "Dr. Müller: Lidstraffung gewünscht, keine Sehstörung, nur Optik bitte", "双眼皮"]
    assert _same_but_nan(by_clause._score(raw), whole._score(raw))


def _same_but_nan(a: dict, b: dict) -> bool:
    """Equal columns, a missing p (NaN) counting as equal to itself."""
    return a.keys() == b.keys() and all(
        len(a[k]) == len(b[k]) and all(x == y or (x != x and y != y) for x, y in zip(a[k], b[k], strict=True)) for k in a)
