"""The learning curve: the split rule, a whole curve on generated data, resuming, and its MLflow runs."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from claimclf.errors import ClaimError
from claimclf.labelling import curve
from tests.conftest import REAL_DEV_SET, ROOT, require_shared

CURVE_JSON = ROOT / "docs" / "learning_curve.json"


@pytest.fixture(scope="module")
def team_claims(tmp_path_factory):
    """Labelled claims of a 'team': another generator seed than the corpus, written like theirs would be."""
    from claimclf.corpus.generator import write_corpus

    path = tmp_path_factory.mktemp("team") / "ours.csv"
    write_corpus(path, n_rows=150, seed=5)
    return path


def _check_split(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    pool, test = curve.split(df)
    assert set(pool["id"]).isdisjoint(test["id"])
    assert sorted(pool["id"].tolist() + test["id"].tolist()) == sorted(df["id"].tolist())
    for (lang, label), group in df.groupby(["lang", "label"]):
        in_test = test[(test["lang"] == lang) & (test["label"] == label)]
        if len(group) >= 2:  # both parts hold every language and label present twice or more
            assert 0 < len(in_test) < len(group), (lang, label)
            assert len(in_test) == min(max(round(len(group) / 3), 1), len(group) - 1)
    return pool, test


def test_split_is_disjoint_stratified_and_independent_of_row_order(team_claims):
    df = pd.read_csv(team_claims)
    pool, test = _check_split(df)
    again_pool, again_test = curve.split(df.sample(frac=1.0, random_state=3))
    assert again_test["id"].tolist() == test["id"].tolist()
    assert again_pool["id"].tolist() == pool["id"].tolist()
    # The rule is the stated one: the smallest hashes of each group are the test part.
    group = df[(df["lang"] == "en") & (df["label"] == "cosmetic")]
    k = round(len(group) / 3)
    expected = sorted(group["id"], key=curve.id_hash)[:k]
    assert sorted(test.loc[(test["lang"] == "en") & (test["label"] == "cosmetic"), "id"]) == sorted(expected)


def test_split_needs_unique_ids():
    df = pd.DataFrame({"id": ["a", "a", "b"], "text": ["x", "y", "z"], "label": ["cosmetic"] * 3, "lang": ["en"] * 3})
    with pytest.raises(ClaimError, match="repeated id"):
        curve.split(df)


def test_split_of_real_dev_holds_both_languages_and_labels():
    df = pd.read_csv(require_shared(REAL_DEV_SET))
    pool, test = _check_split(df)
    for part in (pool, test):
        assert set(part["lang"]) == set(df["lang"]) and set(part["label"]) == set(df["label"])
    recorded = json.loads(CURVE_JSON.read_text(encoding="utf-8"))
    assert recorded["settings"]["test"]["rows"] == len(test)
    assert recorded["settings"]["pool"]["rows"] == len(pool)


def test_random_labels_are_nested_and_seeded(team_claims):
    pool, _ = curve.split(pd.read_csv(team_claims))
    assert curve.random_ids(pool, 20, 0)[:10] == curve.random_ids(pool, 10, 0)
    assert curve.random_ids(pool, 10, 0) != curve.random_ids(pool, 10, 1)


def test_a_small_curve_end_to_end_resumes_and_is_tracked(tmp_path, small_corpus, team_claims, monkeypatch,
                                                         mlflow_store_in_tmp):
    out = tmp_path / "curve.json"
    params = {"C": 32.0}
    said: list[str] = []
    data = curve.run_curve(team_claims, small_corpus, out, params=params, budgets=[10, 20], seeds=[0, 1],
                           weights=(3.0, 1.0), check_budget=10, say=said.append)
    assert data["complete"] and data["summary"]["measured"] is False  # no 100-label point in this curve
    assert json.loads(out.read_text(encoding="utf-8")) == data
    weight = data["weight"]["chosen"]
    assert weight in (3.0, 1.0)
    keys = {"shipped", "suggested/w3/10", "suggested/w1/10", *(curve.point_key("random", n, weight, s)
                                                               for n in (10, 20) for s in (0, 1)),
            curve.point_key("suggested", 20, weight)}
    assert set(data["points"]) == keys
    for point in data["points"].values():
        assert 0.0 <= point["macro_f1"] <= 1.0 and 0.0 <= point["ece"] <= 1.0
    assert data["points"]["suggested/w3/10"]["labels"] == 10
    assert curve.n_points(data) == (len(keys), len(keys))
    table = curve.render(data)
    assert table.splitlines()[0].startswith("| labels |") and len(table.splitlines()) == 5
    assert "PARTIAL" not in table
    assert curve.plot(data, tmp_path / "curve.png").stat().st_size > 0

    # A rerun measures nothing: every point is read back from the file.
    monkeypatch.setattr(curve, "fit", lambda *a, **k: pytest.fail("a cached point was trained again"))
    assert curve.run_curve(team_claims, small_corpus, out, params=params, budgets=[10, 20], seeds=[0, 1],
                           weights=(3.0, 1.0), check_budget=10)["points"] == data["points"]
    with pytest.raises(ClaimError, match="other settings"):
        curve.run_curve(team_claims, small_corpus, out, params={"C": 8.0}, budgets=[10, 20], seeds=[0, 1],
                        weights=(3.0, 1.0), check_budget=10)

    # A partial file renders as partial.
    partial = dict(data, complete=False, points={k: v for k, v in data["points"].items() if "random" not in k})
    assert "PARTIAL: 4 of 8 points" in curve.render(partial)

    from mlflow import MlflowClient

    from claimclf.tracking.runs import log_learning_curve
    from claimclf.tracking.store import Tracker

    tracker = Tracker(uri=mlflow_store_in_tmp, experiment="curve-test")
    info = log_learning_curve(tracker, data, [out])
    assert len(info["run_ids"]) == 1 + 2 + 1  # suggested, random seeds 0 and 1, the weight check
    client = MlflowClient(mlflow_store_in_tmp)
    runs = {r.info.run_name: r for r in (client.get_run(i) for i in info["run_ids"])}
    assert "learning curve · suggested" in runs and "learning curve · random seed 1" in runs
    history = client.get_metric_history(runs["learning curve · random seed 1"].info.run_id, "test_macro_f1")
    assert sorted(m.step for m in history) == [0, 10, 20]
    params_logged = runs["learning curve · suggested"].data.params
    assert params_logged["split_rule"] == curve.SPLIT_RULE and params_logged["seeds"] == "0, 1"
    texts = set(pd.read_csv(team_claims)["text"])
    for run in runs.values():
        assert not texts & set(run.data.params.values())
