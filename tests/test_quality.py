"""Quality on text written outside the team: a model trained on the shipped corpus, measured on the dev set.

Trained exactly as `claimclf train` trains (search, calibration, review band); never trained on the dev set.
"""

import pytest

from claimclf import config
from claimclf.dataset import read_labelled
from claimclf.decision import Policy
from claimclf.evaluate import evaluate_model
from claimclf.scoring.engine import Engine
from claimclf.train import train

from .conftest import DEV_SET, require_shared


@pytest.fixture(scope="module")
def dev_report():
    dev_path = require_shared(DEV_SET)
    corpus = read_labelled(config.default_corpus(), for_training=True)
    dev = read_labelled(dev_path)
    # the dev set's sentences must never be in the training data
    assert not set(dev["text"]) & set(corpus["text"])
    result = train(corpus)
    policy = Policy(0.5, result.policy["review_low"], result.policy["review_high"])
    return evaluate_model(Engine.from_pipeline(result.pipeline), dev, policy)[0]


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
