import numpy as np
import pandas as pd
import pytest

from claimclf.errors import ClaimError
from claimclf.model import build_pipeline, check_training_frame, cross_validate, positive_index


def frame(labels, texts=None):
    texts = texts or [f"text number {i} {'younger' if lab == 'cosmetic' else 'pain'}" for i, lab in enumerate(labels)]
    return pd.DataFrame({"text": texts, "label": labels})


def test_unknown_label_is_named():
    with pytest.raises(ClaimError, match="'maybe'"):
        check_training_frame(frame(["cosmetic", "therapeutic", "maybe"] * 5))


def test_single_class_is_refused():
    with pytest.raises(ClaimError, match="only one class"):
        check_training_frame(frame(["cosmetic"] * 20))


def test_missing_column_is_named():
    with pytest.raises(ClaimError, match="'label'"):
        check_training_frame(pd.DataFrame({"text": ["a"] * 20}))


def test_labels_are_cleaned_and_empty_texts_dropped():
    df = frame([" Cosmetic", "THERAPEUTIC "] * 10)
    df.loc[0, "text"] = "  "
    out = check_training_frame(df)
    assert set(out["label"]) == {"cosmetic", "therapeutic"} and len(out) == 19


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
