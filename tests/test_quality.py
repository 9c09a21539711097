"""Quality on text written outside the team: a model trained on the shipped corpus, measured on held-out sets.

Trained exactly as `claimclf train` trains (search, calibration, review band); never trained on the
development sets, which are read from ../shared when it is there.
"""

import pytest

from claimclf import config
from claimclf.dataset import read_labelled
from claimclf.decision import Policy
from claimclf.evaluate import evaluate_model
from claimclf.function_words import NOT_FEATURES
from claimclf.scoring.engine import Engine
from claimclf.scoring.explain import Explainer
from claimclf.train import train

from .conftest import DEV_SET, REAL_DEV_SET, require_shared


@pytest.fixture(scope="module")
def shipped():
    """The model `claimclf train` makes from the shipped corpus, as scoring reads it."""
    corpus = read_labelled(config.default_corpus(), for_training=True)
    result = train(corpus)
    policy = Policy(0.5, result.policy["review_low"], result.policy["review_high"])
    return corpus, Engine.from_pipeline(result.pipeline), policy


def held_out(shipped, path):
    corpus, engine, policy = shipped
    data = read_labelled(require_shared(path))
    # a held-out set's texts must never be in the training data
    assert not set(data["text"]) & set(corpus["text"])
    return evaluate_model(engine, data, policy)[0]


@pytest.mark.slow
def test_the_strongest_features_are_reasons_not_function_words(shipped):
    explainer = Explainer.from_engine(shipped[1])
    for lang in ("en", "zh"):
        for label, items in explainer.top_features(30, lang, raw=True).items():
            words = {w.removeprefix("not:") for term, _ in items for w in term.split(" ")}
            assert not words & NOT_FEATURES, (lang, label, sorted(words & NOT_FEATURES))


@pytest.mark.slow
def test_targets_on_claims_written_outside_the_team(shipped):
    report = held_out(shipped, DEV_SET)
    overall = report["overall"]
    assert overall["macro_f1"] >= 0.95, overall
    assert overall["ece"] <= 0.05, overall
    by_lang = report["by_lang"]
    assert abs(by_lang["en"]["accuracy"] - by_lang["zh"]["accuracy"]) <= 0.03, by_lang
    for name, m in report["by_slice"].items():
        assert m["accuracy"] >= 0.85, (name, m)


@pytest.mark.slow
def test_targets_on_real_text(shipped):
    """Real text is where claimclf is judged (real_dev: real patient questions and clinical notes)."""
    report = held_out(shipped, REAL_DEV_SET)
    overall, decisions, by_lang = report["overall"], report["decisions"], report["by_lang"]
    assert overall["macro_f1"] >= 0.90, overall
    assert overall["roc_auc"] >= 0.95, overall
    assert overall["ece"] <= 0.05, overall
    assert by_lang["en"]["accuracy"] >= 0.90 and by_lang["zh"]["accuracy"] >= 0.88, by_lang
    assert decisions["review_share"] <= 0.25, decisions
    assert decisions["auto_accuracy"] >= 0.97, decisions


@pytest.mark.slow
def test_short_real_texts_are_not_read_as_certain(shipped):
    """A one-line question is not 0.000 or 1.000: its confidence is earned word by word, and it is calibrated."""
    short = held_out(shipped, REAL_DEV_SET)["by_length"]["up to 30 characters"]
    assert short["n"] >= 100, short
    assert short["certain_share"] <= 0.15, short
    assert short["ece"] <= 0.08, short


@pytest.mark.slow
def test_no_english_or_chinese_real_text_is_called_another_language(shipped):
    from claimclf.scoring.scorer import Scorer

    _, engine, policy = shipped
    real = read_labelled(require_shared(REAL_DEV_SET))
    rows = Scorer(engine, policy, evidence_terms=0).score_texts(real["text"].tolist())
    assert not [r["reason"] for r in rows if "another language" in r["reason"] or "English or Chinese" in r["reason"]]


@pytest.mark.slow
def test_evidence_leads_with_a_reason_not_a_function_word(shipped):
    """The first evidence term of a correct decision on the dev set is never a function word."""
    from claimclf.scoring.scorer import Scorer

    _, engine, policy = shipped
    dev = read_labelled(require_shared(DEV_SET))
    rows = Scorer(engine, policy, evidence_terms=1).score_texts(dev["text"].tolist())
    leading = [r["evidence"].split(": ", 1)[1].rsplit(" (", 1)[0] for r, label in zip(rows, dev["label"], strict=True)
               if r["decision"] == label and r["evidence"]]
    assert len(leading) >= 0.9 * len(dev)
    function_led = [t for t in leading if set(t.lower().removeprefix("not ").split()) & NOT_FEATURES]
    assert len(function_led) <= 0.05 * len(leading), function_led[:5]
