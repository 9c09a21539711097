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


def test_groups_never_span_two_training_files():
    import pandas as pd

    from claimclf.train import cv_groups

    df = pd.DataFrame({"scenario": ["s1", "s1", None, None], "source_file": ["corpus.csv", "ours.csv", "ours.csv", "ours.csv"]})
    groups = cv_groups(df)
    assert groups[0] != groups[1]  # the same scenario id in two files is two groups
    assert len(set(groups[2:])) == 2  # a row with no scenario is its own group
    assert cv_groups(pd.DataFrame({"text": ["a"]})) is None


def test_row_weights_change_the_fit():
    from claimclf.train import _weight_kwargs

    texts = ["lid skin blocks vision", "wants a prettier nose", "ptosis covers the pupil", "bigger lips for photos"] * 5
    y = np.array(["therapeutic", "cosmetic"] * 10)
    plain = build_pipeline(C=1.0).fit(texts, y)
    weights = np.where(np.arange(20) % 4 == 1, 20.0, 1.0)  # "wants a prettier nose" weighs 20
    weighted = build_pipeline(C=1.0).fit(texts, y, **_weight_kwargs(weights))
    i = positive_index(plain)
    assert weighted.predict_proba(["a prettier nose"])[0, i] > plain.predict_proba(["a prettier nose"])[0, i]


def test_without_diagnostics_the_model_is_the_same(small_corpus):
    """The ungrouped and leave-procedure-out cross-validations describe the model; skipping them changes nothing."""
    from claimclf.dataset import read_labelled
    from claimclf.train import train

    df = read_labelled(small_corpus, for_training=True)
    full = train(df, search=False, diagnostics=True)
    quick = train(df, search=False, diagnostics=False)
    assert full.cv_ungrouped is not None and quick.cv_ungrouped is None and quick.cv_procedure is None
    assert quick.policy == full.policy and quick.calibration == full.calibration
    texts = df["text"].astype(str).tolist()[:50]
    assert np.allclose(quick.pipeline.predict_proba(texts), full.pipeline.predict_proba(texts))
