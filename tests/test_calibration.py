import numpy as np
from sklearn.linear_model import LogisticRegression

from claimclf.calibration import PlattCalibrated
from claimclf.model import apply_platt, choose_band, fit_platt


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
