import json

import numpy as np
import pandas as pd
import pytest

from claimclf.decision import Policy
from claimclf.evaluate import evaluate_predictions, expected_calibration_error, metrics, write_report
from claimclf.plots import PLOTS


def test_ece_perfect_and_worst():
    y = np.array([1, 0, 1, 0])
    assert expected_calibration_error(y, y.astype(float)) == 0.0
    assert expected_calibration_error(y, 1 - y.astype(float)) == pytest.approx(1.0)
    assert expected_calibration_error(np.array([1, 0]), np.array([0.5, 0.5])) == pytest.approx(0.0)


def test_metrics_values():
    y = np.array(["cosmetic", "cosmetic", "therapeutic", "therapeutic"])
    m = metrics(y, np.array([0.9, 0.4, 0.1, 0.2]))
    assert m["accuracy"] == 0.75
    assert m["confusion_matrix"]["matrix"] == [[2, 0], [1, 1]]
    assert m["per_class"]["cosmetic"]["recall"] == 0.5
    assert m["roc_auc"] == 1.0


def test_report_and_plots_written(tmp_path):
    df = pd.DataFrame({
        "label": ["cosmetic", "therapeutic"] * 10,
        "lang": ["en", "zh"] * 10,
        "slice": ["clear"] * 20,
    })
    p = np.linspace(0.05, 0.95, 20)[::-1]
    report = evaluate_predictions(df, p, Policy())
    paths = write_report(report, df, p, tmp_path)
    assert {x.name for x in paths} == {"report.json", *PLOTS}
    for x in paths[1:]:
        assert x.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    saved = json.loads((tmp_path / "report.json").read_text())
    assert set(saved["by_lang"]) == {"en", "zh"} and "by_slice" in saved
    assert 0 <= saved["decisions"]["review_share"] <= 1


def test_leakage_flags_numbers_letters_and_punctuation_not_words():
    from claimclf.evaluate import leakage_flags

    top = {"cosmetic": [("u", 3.0), ("i want", 2.0), ("15823", 1.5), ("°", 1.0), ("m:field_le30", 1.0)],
           "therapeutic": [("pain", -2.0), ("not:pain", -1.0), ("c00123", -1.0)]}
    flagged = {f["term"] for f in leakage_flags(top)}
    assert flagged == {"u", "15823", "°", "c00123"}


def test_evaluate_model_decides_as_scoring_does(small_model, small_corpus):
    """The review share a report shows is the one `claimclf score` produces: band and doubt rules alike."""
    from claimclf.evaluate import evaluate_model
    from claimclf.persistence import load
    from claimclf.scoring.scorer import Scorer

    model = load(small_model)
    df = pd.read_csv(small_corpus, dtype=str).head(150)
    df.loc[0, "text"] = "Septoplasty"  # a bare procedure name: doubted
    policy = Policy.from_sidecar(model.sidecar)
    report, _ = evaluate_model(model.engine(), df, policy)
    scored = Scorer(model.engine(), policy, evidence_terms=0).score_texts(df["text"].tolist())
    review = np.mean([r["decision"] == "review" for r in scored])
    assert report["decisions"]["review_share"] == pytest.approx(review)
    assert report["decisions"]["doubted_share"] >= 1 / 150


def test_confidence_is_reported_by_length_of_text():
    df = pd.DataFrame({"text": ["想做双眼皮", "短", "x" * 50, "y" * 1500],
                       "label": ["cosmetic", "therapeutic", "cosmetic", "therapeutic"]})
    report = evaluate_predictions(df, np.array([1.0, 0.2, 0.7, 0.0001]), Policy())
    bands = report["by_length"]
    assert list(bands) == ["up to 30 characters", "31 to 1,000 characters", "over 1,000 characters"]
    assert bands["up to 30 characters"]["n"] == 2
    assert bands["up to 30 characters"]["certain_share"] == 0.5
    assert bands["over 1,000 characters"]["certain_share"] == 1.0
    assert bands["31 to 1,000 characters"]["ece"] == pytest.approx(0.3)


def test_evaluate_model_bounds_confidence_like_scoring(small_model):
    """A report measures the probabilities scoring reports (bounded by the words given), not the raw ones."""
    from claimclf.evaluate import evaluate_model
    from claimclf.persistence import load
    from claimclf.scoring.scorer import Scorer

    model = load(small_model)
    df = pd.DataFrame({"text": ["She wants bigger breasts for her wedding photos",
                                "Ptosis blocks the upper visual field; taping the lids restores it"], "label": ["cosmetic", "therapeutic"]})
    policy = Policy.from_sidecar(model.sidecar)
    _, p = evaluate_model(model.engine(), df, policy)
    scored = Scorer(model.engine(), policy, evidence_terms=0).score_texts(df["text"].tolist())
    assert [r["reason"] for r in scored] == ["", ""]
    assert p.tolist() == pytest.approx([r["p_cosmetic"] for r in scored], abs=1e-6)
    assert all(0.0005 < x < 0.9995 for x in p)
