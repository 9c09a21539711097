import numpy as np

from claimclf.train import build_pipeline, cross_validate, positive_index


def test_pipeline_learns_and_reports_p_cosmetic_column():
    texts = ["wants to look younger", "severe pain and infection"] * 20
    y = np.array(["cosmetic", "therapeutic"] * 20)
    pipe = build_pipeline(C=4.0, char_ngram=(1, 3)).fit(texts, y)
    p = pipe.predict_proba(["look younger please", "infection with pain"])[:, positive_index(pipe)]
    assert p[0] > 0.5 > p[1]


def test_grouped_cv_never_splits_a_group():
    rng = np.random.default_rng(0)
    texts = [f"{'younger smoother' if i % 2 else 'pain infection'} w{rng.integers(1000)}" for i in range(80)]
    y = np.array(["cosmetic" if i % 2 else "therapeutic" for i in range(80)])
    groups = [f"g{i % 16}" for i in range(80)]
    res = cross_validate(texts, y, {"C": 4.0, "char_ngram": (1, 3)}, groups=groups, n_splits=4)
    assert res.grouped and res.n_splits == 4
    assert not np.isnan(res.oof_p).any()
    assert res.metrics["macro_f1"]["mean"] > 0.9
