"""Quality on text written outside the team: a model trained on the shipped corpus, measured on the dev set.

Trained exactly as `claimclf train` trains (search, calibration, review band); never trained on the dev set.
"""

import pandas as pd
import pytest

from claimclf import config
from claimclf.evaluate import evaluate_frame
from claimclf.model import predict_p_cosmetic, train
from claimclf.scoring import Policy

from .conftest import DEV_SET, require_shared


@pytest.fixture(scope="module")
def dev_report():
    dev_path = require_shared(DEV_SET)
    corpus = pd.read_csv(config.default_corpus(), dtype=str, keep_default_na=False)
    dev = pd.read_csv(dev_path, dtype=str, keep_default_na=False)
    # the dev set's sentences must never be in the training data
    assert not set(dev["text"]) & set(corpus["text"])
    result = train(corpus)
    p = predict_p_cosmetic(result.pipeline, dev["text"].tolist())
    policy = Policy(0.5, result.policy["review_low"], result.policy["review_high"])
    return evaluate_frame(dev, p, policy)


@pytest.mark.slow
def test_floor_macro_f1(dev_report):
    assert dev_report["overall"]["macro_f1"] >= 0.85, dev_report["overall"]


@pytest.mark.slow
def test_targets_on_text_written_outside_the_team(dev_report):
    overall = dev_report["overall"]
    assert overall["macro_f1"] >= 0.92, overall
    assert overall["ece"] <= 0.05, overall
    by_lang = dev_report["by_lang"]
    assert abs(by_lang["en"]["accuracy"] - by_lang["zh"]["accuracy"]) <= 0.03, by_lang
    for name, m in dev_report["by_slice"].items():
        assert m["accuracy"] >= 0.85, (name, m)
