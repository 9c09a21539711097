"""The quality floor: a model trained on the shipped corpus, measured on the outside development set."""

import pandas as pd
import pytest

from claimclf import config
from claimclf.evaluate import metrics
from claimclf.model import predict_p_cosmetic, train

from .conftest import DEV_SET, require_shared


@pytest.mark.slow
def test_shipped_corpus_model_reaches_the_floor_on_the_dev_set():
    dev_path = require_shared(DEV_SET)
    corpus = pd.read_csv(config.default_corpus(), dtype=str, keep_default_na=False)
    result = train(corpus, search=False)
    dev = pd.read_csv(dev_path, dtype=str, keep_default_na=False)
    m = metrics(dev["label"].to_numpy(), predict_p_cosmetic(result.pipeline, dev["text"].tolist()))
    assert m["macro_f1"] >= 0.85, m
    # the dev set's sentences must never be in the training data
    assert not set(dev["text"]) & set(corpus["text"])
