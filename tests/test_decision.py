import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression

from claimclf.decision import (
    Doubt,
    PlattCalibrated,
    Policy,
    apply_platt,
    bound_confidence,
    choose_band,
    fit_platt,
    parse_band,
    shipped_presumed_cosmetic,
    shrink,
)
from claimclf.errors import ClaimError


def test_platt_matches_the_formula_on_the_positive_class():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = np.where(X[:, 0] + rng.normal(scale=0.5, size=200) > 0, "cosmetic", "therapeutic")
    base = LogisticRegression().fit(X, y)
    p_cos = base.predict_proba(X)[:, list(base.classes_).index("cosmetic")]
    wrapped = PlattCalibrated(LogisticRegression(), a=1.7, b=0.4).fit(X, y)
    got = wrapped.predict_proba(X)[:, list(wrapped.classes_).index("cosmetic")]
    assert np.allclose(got, apply_platt(p_cos, 1.7, 0.4), atol=1e-6)
    # coefficients stay linear: decision = coef.x + intercept
    assert np.allclose(wrapped.decision_function(X), X @ wrapped.coef_[0] + wrapped.intercept_[0])


def test_fit_platt_recovers_a_known_distortion():
    rng = np.random.default_rng(1)
    true_p = rng.uniform(0.01, 0.99, 5000)
    y = np.where(rng.uniform(size=5000) < true_p, "cosmetic", "therapeutic")
    overconfident = apply_platt(true_p, 3.0, 0.0)
    a, b = fit_platt(y, overconfident)
    assert abs(a - 1 / 3) < 0.05 and abs(b) < 0.1


def test_choose_band_reaches_the_target_precision():
    rng = np.random.default_rng(2)
    p = rng.uniform(size=4000)
    y = np.where(rng.uniform(size=4000) < p, "cosmetic", "therapeutic")
    band = choose_band(y, p, 0.9)
    hi, lo = band["review_high"], band["review_low"]
    assert lo <= 0.5 <= hi
    assert (y[p >= hi] == "cosmetic").mean() >= 0.9
    assert (y[p <= lo] == "therapeutic").mean() >= 0.9
    assert 0 < band["cv_review_share"] < 1


def doubt_reason(text: str) -> str:
    from claimclf.text import normalize

    return Doubt(shipped_presumed_cosmetic()).reason(text, normalize(text))


def test_bare_name_of_a_procedure_that_needs_a_reason_is_doubted():
    assert "too short" in doubt_reason("Septoplasty")
    assert "too short" in doubt_reason("鼻中隔矫正")


def test_presumed_cosmetic_names_are_not_doubted():
    assert doubt_reason("双眼皮") == ""
    assert doubt_reason("Botox forehead") == ""


def test_no_english_or_chinese():
    assert "no English or Chinese" in doubt_reason("!!! ??? 123")
    assert "no English or Chinese" in doubt_reason("ادعاء تأمين")


def test_another_latin_language_is_named():
    assert "French" in doubt_reason("le patient souhaite une chirurgie du nez esthétique")
    assert "German" in doubt_reason("Der Patient möchte eine Nasenkorrektur aus ästhetischen Gründen")
    assert "Japanese" in doubt_reason("まぶたが下がって視界が狭くなりました")


def test_english_full_of_words_no_corpus_uses_is_english():
    """Known words are judged against a general English vocabulary, not the training vocabulary."""
    note = ("PREOPERATIVE DIAGNOSIS: Phimosis. POSTOPERATIVE DIAGNOSIS: Same. ANESTHESIA: LMA. The patient was "
            "prepped and draped in the usual sterile fashion; hemostasis was obtained with bipolar cautery and the "
            "wound was closed with interrupted chromic sutures. Estimated blood loss minimal.")
    assert doubt_reason(note) == ""
    assert doubt_reason("pt c/o nasal obstruction s/p trauma, failed Flonase x 8 wks") == ""


def test_a_real_justification_is_not_doubted():
    assert doubt_reason("Upper lid skin rests on the lashes; superior field 22 degrees, 45 taped.") == ""


def test_shrink_pulls_to_the_middle():
    assert shrink(1.0) == 0.625 and shrink(0.0) == 0.375 and shrink(0.5) == 0.5


def test_policy_decides_inside_and_outside_the_band():
    policy = Policy(0.5, 0.2, 0.8)
    assert [policy.decide(p) for p in (0.1, 0.2, 0.5, 0.79, 0.8, 0.95)] == [
        "therapeutic", "therapeutic", "review", "review", "cosmetic", "cosmetic"]
    assert policy.label(0.49) == "therapeutic" and policy.label(0.5) == "cosmetic"


def test_a_band_that_excludes_the_threshold_is_refused():
    with pytest.raises(ClaimError, match="must lie in 0..1"):
        Policy(0.5, 0.6, 0.9)


def test_parse_band():
    assert parse_band("0.3,0.7") == (0.3, 0.7)
    assert parse_band(None) is None
    for bad in ("0.7,0.3", "x,y", "0.5"):
        with pytest.raises(ClaimError, match="--review-band"):
            parse_band(bad)


def test_platt_calibrated_pickles_by_reference_and_scoring_does_not_build_it():
    import pickle
    import subprocess
    import sys

    from sklearn.linear_model import LogisticRegression

    wrapped = PlattCalibrated(LogisticRegression(), a=2.0, b=0.1)
    assert b"claimclf.decision" in pickle.dumps(wrapped)
    code = "import sys, claimclf.decision; print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@given(st.floats(0.0, 1.0), st.integers(0, 6))
def test_a_handful_of_words_never_reads_as_certain(p, n_words):
    bounded = bound_confidence(p, n_words)
    assert 0.0005 < bounded < 0.9995
    assert (bounded - 0.5) * (p - 0.5) >= 0  # never crosses to the other side


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.integers(0, 400))
def test_bounding_keeps_the_order_of_scores_of_texts_of_a_length(p, q, n_words):
    if p < q:
        assert bound_confidence(p, n_words) <= bound_confidence(q, n_words)


def test_a_long_text_keeps_its_score_and_moderate_scores_barely_move():
    assert bound_confidence(0.999999, 300) == pytest.approx(0.999999, abs=1e-7)
    assert bound_confidence(0.9, 8) == pytest.approx(0.9, abs=0.01)
    assert bound_confidence(0.5, 0) == pytest.approx(0.5)


def test_cross_fitted_platt_calibrates_rows_it_did_not_see():
    from claimclf.decision import cross_fit_platt

    rng = np.random.default_rng(1)
    z = rng.normal(scale=3, size=600)
    y = np.where(rng.random(600) < 1 / (1 + np.exp(-z / 3)), "cosmetic", "therapeutic")  # true slope 1/3
    p_overconfident = 1 / (1 + np.exp(-z))
    held = cross_fit_platt(y, p_overconfident, folds=5)
    assert not np.isnan(held).any()
    from claimclf.evaluate import expected_calibration_error

    assert expected_calibration_error(y == "cosmetic", held) < expected_calibration_error(y == "cosmetic", p_overconfident) / 2


@given(st.lists(st.sampled_from(["|", "3", "3.5", "1.2.3", "ptosis", "眼睑", " ", "", "°", "mm", "..", "x2"]), max_size=90),
       st.integers(min_value=0, max_value=70))
def test_content_tokens_are_counted_up_to_the_limit(tokens, limit):
    from claimclf.decision import count_content_tokens
    from claimclf.text import BOUNDARY

    content = [t for t in tokens if t != BOUNDARY and not t.replace(".", "").isdigit() and t.strip()]
    assert count_content_tokens(tuple(tokens), limit) == min(limit, len(content))
