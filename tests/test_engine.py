"""The scoring engine must be the fitted pipeline: same features, same probabilities, same evidence."""

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimclf.decision import WORDS_COUNTED, bound_confidence, count_content_tokens
from claimclf.errors import ClaimError
from claimclf.persistence import load
from claimclf.scoring.engine import Engine, char_wb_ngrams, to_bytes
from claimclf.text import normalize, tokenize
from claimclf.train import predict_p_cosmetic

EDGE_TEXTS = [
    "x",
    "   ",
    "zzqx vorpal snicker-snack",  # nothing the model knows
    "视野检查上方仅20度，提起上睑后改善",
    "Pt requests 双眼皮 to look younger, no ptosis, VF full",
    "wants to look younger " * 500,
    "é\u0301 ﬁ ｆｕｌｌ－ｗｉｄｔｈ 臉部 疤痕\tand\n\nnewlines",
    # Long notes: their anaesthesia, prep and closure clauses are left out by both the pipeline and the engine.
    "General endotracheal anesthesia was induced. The face was prepped and draped in the usual sterile fashion. "
    "Bilateral ptosis covering the pupil, superior field 20 degrees. The incisions were closed with 6-0 Prolene. "
    "A sterile dressing was applied. Estimated blood loss was minimal. The patient tolerated the procedure well. "
    "A time-out was performed. Counts were correct. The patient was transferred to the recovery room.",
    "患者入手术室,取仰卧位,常规消毒铺巾。局部麻醉成功后核对手术部位。求美者要求双眼皮,无上睑下垂。"
    "术中出血少,彻底止血后逐层缝合,无菌敷料包扎。术程顺利,患者安返病房,生命体征平稳。" * 2,
]


@pytest.fixture(scope="module")
def pipeline(small_model):
    return load(small_model).pipeline()


def normalized(texts):
    return [normalize(t) for t in texts]


@pytest.fixture(scope="module")
def compact(pipeline):
    return Engine.from_bytes(to_bytes(pipeline))


@pytest.fixture(scope="module")
def texts(small_corpus):
    return pd.read_csv(small_corpus)["text"].tolist() + EDGE_TEXTS


def test_probabilities_are_the_pipelines_to_the_bit(pipeline, compact, texts):
    _, p = compact.transform(normalized(texts))
    np.testing.assert_array_equal(p, predict_p_cosmetic(pipeline, texts))


def test_word_block_is_the_pipelines(pipeline, compact, texts):
    words = dict(pipeline.named_steps["features"].transformer_list)["words"]
    expected = words.transform(texts).tocsr()
    got = compact.word_rows(normalized(texts))
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_array_equal(got.data, expected.data)


def test_evidence_weights_are_the_pipelines(pipeline, compact):
    """Evidence is word value times signed coefficient: with the word block equal (above), equal coefficients
    make the evidence the pipeline's."""
    clf = pipeline.named_steps["clf"]
    sign = 1.0 if clf.classes_[1] == "cosmetic" else -1.0
    np.testing.assert_array_equal(compact.word_coef(), sign * np.asarray(clf.coef_[0][: compact.n_words]))
    words = dict(pipeline.named_steps["features"].transformer_list)["words"]
    assert list(compact.word_names()) == sorted(words.vocabulary_, key=words.vocabulary_.get)


def test_an_empty_batch_gives_no_rows(compact):
    words, p = compact.transform([])
    assert p.shape == (0,) and words.indptr.tolist() == [0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120), st.integers(1, 3), st.integers(0, 3))
def test_character_ngrams_are_scikit_learns(text, min_n, extra):
    from sklearn.feature_extraction.text import TfidfVectorizer

    max_n = min_n + extra
    analyze = TfidfVectorizer(analyzer="char_wb", preprocessor=normalize, ngram_range=(min_n, max_n)).build_analyzer()
    assert char_wb_ngrams(normalize(text), min_n, max_n) == analyze(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=200), min_size=1, max_size=4))
def test_any_text_scores_as_the_pipeline_does(pipeline, compact, batch):
    np.testing.assert_array_equal(compact.p_cosmetic(normalized(batch)), predict_p_cosmetic(pipeline, batch))


def test_a_model_whose_characters_read_all_the_text_scores_as_its_pipeline(small_corpus, texts):
    from claimclf.train import build_pipeline

    df = pd.read_csv(small_corpus)
    whole = build_pipeline(char_text="all").fit(df["text"], df["label"])
    engine = Engine.from_bytes(to_bytes(whole))
    assert engine.settings["chars"]["text"] == "all"
    # An uncalibrated pipeline: scikit-learn's expit and the engine's logistic may part in the last bit.
    np.testing.assert_allclose(engine.p_cosmetic(normalized(texts)), predict_p_cosmetic(whole, texts), rtol=0, atol=1e-12)
    # Arrays written before the setting travelled with the model read all the text too.
    older = Engine.from_pipeline(whole)
    older.settings["chars"].pop("text")
    older.chars = type(older.chars)(older.chars.terms, older.chars.idf, older.settings["chars"])
    np.testing.assert_array_equal(older.p_cosmetic(normalized(texts)), engine.p_cosmetic(normalized(texts)))


def test_english_moves_no_character_ngram_of_the_shipped_kind(compact):
    assert compact.settings["chars"]["text"] == "chinese"
    rows, _, _ = compact.chars.rows(normalized(["Bilateral ptosis covering the pupil, field 20 degrees",
                                                "视野检查上方仅20度 with ptosis"]))
    assert set(rows.tolist()) == {1}  # the English claim has none; the mixed one has its Chinese run's


def test_a_pipeline_of_another_shape_is_refused():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    other = Pipeline([("features", CountVectorizer()), ("clf", LogisticRegression())])
    other.fit(["eyelid ptosis", "look younger", "field loss", "want beauty"], ["therapeutic", "cosmetic"] * 2)
    with pytest.raises(ClaimError, match="cannot be scored without scikit-learn"):
        Engine.from_pipeline(other)


def test_damaged_arrays_give_one_clear_error():
    with pytest.raises(ClaimError, match="cannot read the scoring arrays of m.joblib"):
        Engine.from_bytes(b"PK\x03\x04 not really a zip", "m.joblib")


def test_the_file_holds_no_pickles(small_model):
    """np.load(allow_pickle=False) refuses object arrays, so loading the scoring file runs no code."""
    from claimclf.persistence import scoring_path

    with np.load(scoring_path(small_model), allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)
        assert json.loads(str(npz["settings"][()]))["format"] == 1


def test_scoring_in_a_fresh_process_imports_neither_sklearn_nor_scipy(small_model, pipeline):
    code = (
        "import sys, json; from claimclf.persistence import load; "
        "from claimclf.decision import Policy; from claimclf.scoring.scorer import Scorer; "
        "m = load(sys.argv[1]); "
        "rows = Scorer(m.engine(), Policy.from_sidecar(m.sidecar)).score_texts(json.loads(sys.argv[2])); "
        "print(json.dumps({'p': [r['p_cosmetic'] for r in rows], "
        "'heavy': sorted(k for k in ('sklearn', 'scipy', 'pandas', 'mlflow') if k in sys.modules)}))"
    )
    claims = ["视野检查上方仅20度，提起上睑后改善", "wants to look younger before the wedding, no complaints"]
    out = subprocess.run([sys.executable, "-c", code, str(small_model), json.dumps(claims, ensure_ascii=False)],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["heavy"] == []
    # the pipeline's probabilities, bounded by each text's words as scoring reports them
    words = [count_content_tokens(tokenize(normalize(c)), WORDS_COUNTED) for c in claims]
    expected = [round(bound_confidence(float(p), k), 6) for p, k in zip(predict_p_cosmetic(pipeline, claims), words, strict=True)]
    assert got["p"] == expected


def test_the_saved_engine_matches_the_saved_pipeline(small_model, pipeline):
    model = load(small_model)
    assert model.sidecar["scoring_sha256"]
    claims = ["burn scar contracture limits elbow extension", "想做双眼皮，变漂亮"]
    np.testing.assert_array_equal(model.engine().p_cosmetic(normalized(claims)), predict_p_cosmetic(pipeline, claims))


def test_the_presumed_cosmetic_names_travel_with_the_model(small_model):
    from claimclf.decision import shipped_presumed_cosmetic

    assert load(small_model).engine().presumed_cosmetic == shipped_presumed_cosmetic()


def test_normalising_twice_changes_nothing(texts):
    """Scoring normalises once and the pipeline's vectorizers normalise again: the same only if idempotent."""
    once = normalized(texts)
    assert normalized(once) == once


def test_long_notes_lose_their_boilerplate_before_features(compact):
    """The edge texts above are long enough to be filtered, so the equality tests cover the filter too."""
    for note in EDGE_TEXTS[-2:]:
        read = compact.focus(normalize(note))
        assert read != normalize(note) and ("ptosis" in read or "双眼皮" in read)
        assert "anesthesia" not in read and "缝合" not in read
