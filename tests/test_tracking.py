"""MLflow tracking and registry against a real SQLite store in a temporary folder (no mocks)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimclf.cli import app
from claimclf.corpus.generator import write_corpus
from claimclf.files import sha256_file
from claimclf.persistence import load
from claimclf.tracking.registry import REGISTERED_MODEL
from claimclf.tracking.store import artifact_root, default_tracking_uri, resolve_tracking_uri, using

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def tracked(output: str) -> tuple[str, str | None]:
    """Run id and registered version from the CLI's ``tracked:`` line."""
    m = re.search(r"^tracked: run (\w+) (.*)$", output, re.M)
    assert m, output
    version = re.search(r"registered as claimclf version (\d+)", m.group(2))
    return m.group(1), version.group(1) if version else None


def client(uri: str):
    from mlflow import MlflowClient

    return MlflowClient(tracking_uri=uri, registry_uri=uri)


def claim_texts(path: Path, min_len: int = 25) -> list[str]:
    return [t for t in pd.read_csv(path)["text"].astype(str) if len(t) >= min_len]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Two tracked trainings in one store: a good model found by search (v1) and a deliberately
    bad one trained on shuffled labels (v2), plus held-out evaluation data."""
    root = tmp_path_factory.mktemp("tracking")
    uri = f"sqlite:///{root / 'store' / 'mlflow.db'}"
    good_data, bad_data, eval_data = root / "good.csv", root / "shuffled.csv", root / "eval.csv"
    write_corpus(good_data, n_rows=300, seed=21)
    write_corpus(eval_data, n_rows=200, seed=22)
    df = pd.read_csv(good_data)
    df["label"] = df["label"].sample(frac=1.0, random_state=3).to_numpy()
    df.to_csv(bad_data, index=False)

    good_model, bad_model = root / "good.joblib", root / "bad.joblib"
    env_before = os.environ.get("MLFLOW_TRACKING_URI")
    r = run("train", "--data", good_data, "--model", good_model, "--search", "--tracking-uri", uri, "-q")
    assert r.exit_code == 0, r.output
    good_run, good_version = tracked(r.output)
    r = run("train", "--data", bad_data, "--model", bad_model, "--no-search", "--tracking-uri", uri, "-q")
    assert r.exit_code == 0, r.output
    bad_run, bad_version = tracked(r.output)
    assert os.environ.get("MLFLOW_TRACKING_URI") == env_before  # --tracking-uri does not leak (mlflow sets it)
    return SimpleNamespace(root=root, uri=uri, good_data=good_data, eval_data=eval_data, good_model=good_model,
                           bad_model=bad_model, good_run=good_run, bad_run=bad_run,
                           good_version=good_version, bad_version=bad_version)


def test_default_store_is_the_project_sqlite_file(monkeypatch):
    from claimclf import config

    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    db = config.experiments_dir() / "mlflow.db"
    assert resolve_tracking_uri() == default_tracking_uri() == f"sqlite:///{db}"
    assert artifact_root(default_tracking_uri()) == (config.experiments_dir() / "artifacts").as_uri()
    assert resolve_tracking_uri("http://mlflow.example:5000") == "http://mlflow.example:5000"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "postgresql://u:p@db/mlflow")
    assert resolve_tracking_uri() == "postgresql://u:p@db/mlflow"


def test_training_run_shows_params_metrics_dataset_and_artifacts(store):
    c = client(store.uri)
    exp = c.get_experiment_by_name("claimclf")
    assert exp.artifact_location == (store.root / "store" / "artifacts" / "claimclf").as_uri()
    parent = c.get_run(store.good_run)
    assert parent.info.status == "FINISHED"
    p, m, t = parent.data.params, parent.data.metrics, parent.data.tags
    for name in ("C", "word_ngram_max", "char_ngram_range", "negation_scope", "class_weight", "cv_strategy", "cv_folds"):
        assert name in p, name
    rows = len(pd.read_csv(store.good_data))
    assert p["search"] == "True" and p["train_rows"] == str(rows)
    for name in ("accuracy", "macro_f1", "roc_auc"):
        assert 0 <= m[f"cv_{name}_mean"] <= 1 and m[f"cv_{name}_std"] >= 0
    assert {"oof_lang_en_accuracy", "oof_lang_zh_accuracy", "oof_macro_f1"} <= set(m)
    sha = sha256_file(store.good_data)
    assert t["data.sha256"] == sha and t["claimclf.kind"] == "train" and t["lib.scikit-learn"]
    assert len(t["jieba_user_dict_sha256"]) == 64
    if (Path(__file__).resolve().parents[1] / ".git").exists():
        assert re.fullmatch(r"[0-9a-f]{40}", t["mlflow.source.git.commit"])

    (ds_input,) = parent.inputs.dataset_inputs
    ds = ds_input.dataset
    assert ds.digest == sha[:36] and json.loads(ds.source)["uri"] == str(store.good_data.resolve())
    assert json.loads(ds.profile)["num_rows"] == rows
    assert {c["name"] for c in json.loads(ds.schema)["mlflow_colspec"]} == {"lang", "label"}  # no text column
    tags = {tag.key: tag.value for tag in ds_input.tags}
    assert tags["mlflow.data.context"] == "training" and tags["sha256"] == sha
    assert "en" in tags["rows_by_lang"] and "cosmetic" in tags["rows_by_label"]

    arts = {a.path for a in c.list_artifacts(parent.info.run_id, "evaluation")}
    assert {f"evaluation/{n}" for n in ("report.json", "roc.png", "confusion_matrix.png", "calibration.png",
                                         "precision_recall.png")} <= arts
    assert "sidecar.json" in {a.path for a in c.list_artifacts(parent.info.run_id)}

    children = c.search_runs([exp.experiment_id], f"tags.mlflow.parentRunId = '{store.good_run}'")
    assert len(children) == 3
    best = [r for r in children if r.data.tags["claimclf.best"] == "true"]
    assert len(best) == 1 and t["claimclf.best_child_run_id"] == best[0].info.run_id
    assert best[0].data.params["C"] == p["C"]
    assert all("cv_macro_f1_mean" in r.data.metrics for r in children)


def test_no_claim_text_reaches_mlflow(store, tmp_path):
    """Params, tags, dataset input, run artifacts and the logged model's files (all but the pickle,
    which like the joblib file holds the TF-IDF vocabulary) contain no training text."""
    c = client(store.uri)
    got = c.get_run(store.good_run)
    blobs = [json.dumps(got.data.params, ensure_ascii=False), json.dumps(got.data.tags, ensure_ascii=False),
             json.dumps([d.dataset.to_dictionary() for d in got.inputs.dataset_inputs], ensure_ascii=False)]
    run_dir = Path(c.download_artifacts(store.good_run, "", str(tmp_path / "run")))
    with using(store.uri) as mlflow:
        model_dir = Path(mlflow.artifacts.download_artifacts(f"models:/{REGISTERED_MODEL}/{store.good_version}",
                                                             dst_path=str(tmp_path / "model")))
    files = [f for d in (run_dir, model_dir) for f in d.rglob("*") if f.is_file() and f.suffix != ".pkl"]
    assert any(f.name == "input_example.json" for f in files) and any(f.name == "report.json" for f in files)
    blobs += [f.read_text(encoding="utf-8", errors="replace") for f in files if f.suffix != ".png"]
    joined = "\n".join(blobs)
    leaked = [t for t in claim_texts(store.good_data) if t in joined]
    assert not leaked, leaked[:1]


def test_registry_champion_and_refused_promotion(store):
    c = client(store.uri)
    versions = {v.version for v in c.search_model_versions(f"name='{REGISTERED_MODEL}'")}
    assert {store.good_version, store.bad_version} <= {str(v) for v in versions}
    assert c.get_model_version(REGISTERED_MODEL, store.good_version).tags["train_run_id"] == store.good_run

    # the first version trained into the empty registry became champion by itself
    assert str(c.get_model_version_by_alias(REGISTERED_MODEL, "champion").version) == store.good_version
    assert c.get_model_version(REGISTERED_MODEL, store.good_version).tags["promotion.status"] == "first"
    assert "promotion.status" not in c.get_model_version(REGISTERED_MODEL, store.bad_version).tags
    r = run("promote", store.good_version, "--data", store.eval_data, "--tracking-uri", store.uri)
    assert r.exit_code == 0, r.output
    assert "already the champion" in r.output

    r = run("promote", store.bad_version, "--data", store.eval_data, "--tracking-uri", store.uri)
    assert r.exit_code == 4, r.output
    assert "FAILS" in r.output and "not promoted" in r.output and "--force" in r.output
    assert str(c.get_model_version_by_alias(REGISTERED_MODEL, "champion").version) == store.good_version
    tags = c.get_model_version(REGISTERED_MODEL, store.bad_version).tags
    assert tags["promotion.status"] == "refused" and tags["promotion.compared_to"] == f"v{store.good_version}"
    assert tags["promotion.data_sha256"] == sha256_file(store.eval_data)
    promotions = c.search_runs([c.get_experiment_by_name("claimclf-promotions").experiment_id])
    assert "refused" in {r.data.tags["promotion.status"] for r in promotions}
    refused = next(r for r in promotions if r.data.tags["promotion.status"] == "refused")
    comparison = json.loads((Path(c.download_artifacts(refused.info.run_id, "comparison.json"))).read_text())
    assert comparison["candidate_version"] == store.bad_version and comparison["champion_version"] == store.good_version
    first = comparison["rows"][0]
    assert first["metric"] == "macro-F1" and first["rule"] == "not lower" and first["passed"] is False
    assert first["candidate"] < first["champion"]
    assert {row["metric"] for row in comparison["rows"]} >= {"accuracy en", "accuracy zh"}

    r = run("promote", store.bad_version, "--data", store.eval_data, "--tracking-uri", store.uri, "--force")
    assert r.exit_code == 0, r.output
    assert str(c.get_model_version_by_alias(REGISTERED_MODEL, "champion").version) == store.bad_version
    assert c.get_model_version(REGISTERED_MODEL, store.bad_version).tags["promotion.status"] == "forced"
    # put the good model back, so that the other tests see it as champion
    r = run("promote", store.good_version, "--data", store.eval_data, "--tracking-uri", store.uri)
    assert r.exit_code == 0, r.output

    r = run("promote", "99", "--data", store.eval_data, "--tracking-uri", store.uri)
    assert r.exit_code != 0 and "no version 99" in r.output


def test_pyfunc_and_registered_scoring_match_the_joblib_model(store, tmp_path, monkeypatch):
    texts = claim_texts(store.eval_data)[:40] + ["", "双眼皮", "x"]
    pipeline = load(store.good_model).pipeline()
    with using(store.uri) as mlflow:
        model = mlflow.pyfunc.load_model(f"models:/{REGISTERED_MODEL}/{store.good_version}")
    got = model.predict(pd.DataFrame({"text": texts}))
    assert got.shape == (len(texts), 2)
    assert abs(got - pipeline.predict_proba(texts)).max() < 1e-12

    monkeypatch.setenv("MLFLOW_TRACKING_URI", store.uri)  # what `score --model models:/...` reads
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": texts}).to_csv(src, index=False)
    a, b = tmp_path / "local.csv", tmp_path / "registered.csv"
    assert run("score", src, "-o", a, "--model", store.good_model, "-q").exit_code == 0
    r = run("score", src, "-o", b, "--model", f"models:/{REGISTERED_MODEL}@champion", "-q")
    assert r.exit_code == 0, r.output
    assert a.read_bytes() == b.read_bytes()
    r = run("score", src, "-o", tmp_path / "none.csv", "--model", f"models:/{REGISTERED_MODEL}@nosuchalias")
    assert r.exit_code != 0 and "cannot load" in r.output


def _logged_files(store, version: str) -> Path:
    """Where the artifact store keeps a registered version's files."""
    import urllib.parse

    c = client(store.uri)
    source = c.get_model_version(REGISTERED_MODEL, version).source  # models:/m-<logged model id>
    return Path(urllib.parse.urlparse(c.get_logged_model(source.rsplit("/", 1)[-1]).artifact_location).path)


def test_a_tampered_registry_artifact_is_refused(store, tmp_path, monkeypatch):
    """A file replaced in the artifact store is refused before use: its sha256 was recorded in the registry."""
    import pickle

    monkeypatch.setenv("MLFLOW_TRACKING_URI", store.uri)
    tags = client(store.uri).get_model_version(REGISTERED_MODEL, store.bad_version).tags
    assert all(len(tags[k]) == 64 for k in ("claimclf.model_pkl_sha256", "claimclf.scoring_sha256",
                                            "claimclf.sidecar_sha256"))
    root = _logged_files(store, store.bad_version)
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": ["Upper lid skin on the lashes, field 20 degrees"]}).to_csv(src, index=False)
    ref = f"models:/{REGISTERED_MODEL}/{store.bad_version}"
    assert run("score", src, "-o", tmp_path / "ok.csv", "--model", ref, "-q").exit_code == 0

    marker = tmp_path / "the-pickle-ran"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for path, bad in ((next(root.rglob("*.npz")), None), (next(root.rglob("model.pkl")), pickle.dumps(Payload()))):
        original = path.read_bytes()
        path.write_bytes(bad if bad is not None else original + b"x")
        try:
            r = run("score", src, "-o", tmp_path / f"{path.suffix[1:]}.csv", "--model", ref, "-q")
            assert r.exit_code == 2, r.output
            assert "does not match its recorded sha256" in r.output and len(r.output.strip().splitlines()) == 1
            assert not (tmp_path / f"{path.suffix[1:]}.csv").exists()
        finally:
            path.write_bytes(original)
    assert not marker.exists()


def test_evaluate_records_a_run_and_its_report_has_no_claim_text(store, tmp_path):
    report = tmp_path / "rep"
    r = run("evaluate", "--data", store.eval_data, "--model", store.good_model, "--report", report,
            "--tracking-uri", store.uri)
    assert r.exit_code == 0, r.output
    run_id, _ = tracked(r.output)
    got = client(store.uri).get_run(run_id)
    assert got.data.tags["claimclf.kind"] == "evaluate"
    # the UI opens the experiment on "Model training", not on the GenAI overview
    assert client(store.uri).get_experiment(got.info.experiment_id).tags["mlflow.experimentKind"] == "custom_model_development"
    assert {"accuracy", "macro_f1", "lang_en_accuracy", "lang_zh_accuracy"} <= set(got.data.metrics)
    assert got.inputs.dataset_inputs[0].dataset.digest == sha256_file(store.eval_data)[:36]
    arts = {a.path for a in client(store.uri).list_artifacts(run_id, "evaluation")}
    assert "evaluation/report.json" in arts
    # the local file is the registered good version: the run says so, and the version's model page lists it
    assert got.info.run_name == f"evaluate eval · v{store.good_version}"
    assert got.data.tags["claimclf.registered_version"] == store.good_version
    c = client(store.uri)
    model_id = c.get_model_version(REGISTERED_MODEL, store.good_version).source.removeprefix("models:/")
    assert [i.model_id for i in got.inputs.model_inputs] == [model_id]
    on_model = {(m.key, m.dataset_name, m.run_id) for m in c.get_logged_model(model_id).metrics}
    assert ("macro_f1", "eval.csv", run_id) in on_model and ("lang_zh_accuracy", "eval.csv", run_id) in on_model
    saved = (report / "report.json").read_text(encoding="utf-8")
    assert not [t for t in claim_texts(store.eval_data) if t in saved]


def test_no_track_writes_no_store(tmp_path, small_corpus):
    db = tmp_path / "never" / "mlflow.db"
    r = run("train", "--data", small_corpus, "--model", tmp_path / "m.joblib", "--no-search", "-q", "--no-track",
            "--tracking-uri", f"sqlite:///{db}")
    assert r.exit_code == 0, r.output
    assert "tracked:" not in r.output and not db.parent.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_fails_fast_or_trains_untracked(tmp_path):
    data = tmp_path / "tiny.csv"
    write_corpus(data, n_rows=120, seed=4)
    uri = f"http://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    r = run("train", "--data", data, "--model", tmp_path / "m.joblib", "--no-search", "-q", "--tracking-uri", uri)
    assert r.exit_code == 3 and time.monotonic() - started < 15
    assert "unreachable" in r.output and len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "m.joblib").exists()  # refused before training
    r = run("train", "--data", data, "--model", tmp_path / "m.joblib", "--no-search", "-q", "--tracking-uri", uri,
            "--track-optional")
    assert r.exit_code == 0, r.output
    assert "WITHOUT tracking" in r.output and (tmp_path / "m.joblib").exists()


def test_two_concurrent_trainings_are_both_recorded(tmp_path):
    data = tmp_path / "c.csv"
    write_corpus(data, n_rows=200, seed=8)
    uri = f"sqlite:///{tmp_path / 'fresh' / 'mlflow.db'}"  # fresh: both also race to create the schema
    env = dict(os.environ, MLFLOW_TRACKING_URI=uri)
    procs = [
        subprocess.Popen([sys.executable, "-m", "claimclf.cli", "train", "--data", str(data), "--model",
                          str(tmp_path / f"m{i}.joblib"), "--no-search", "-q"],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for i in range(2)
    ]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    c = client(uri)
    runs = c.search_runs([c.get_experiment_by_name("claimclf").experiment_id])
    assert len(runs) == 2 and all(r.info.status == "FINISHED" for r in runs)
    assert {tracked(o)[0] for o in outputs} == {r.info.run_id for r in runs}
    assert all((c.list_artifacts(r.info.run_id, "evaluation")) for r in runs)
    assert sorted(int(v.version) for v in c.search_model_versions(f"name='{REGISTERED_MODEL}'")) == [1, 2]


def test_score_with_a_local_model_imports_neither_mlflow_nor_sklearn_nor_the_corpus(small_model, tmp_path):
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": ["Upper lid skin on the lashes, field 20 degrees", "想做双眼皮"]}).to_csv(src, index=False)
    code = (
        "import sys; from typer.testing import CliRunner; from claimclf.cli import app; "
        f"r = CliRunner().invoke(app, ['score', {str(src)!r}, '-o', {str(tmp_path / 'o.csv')!r}, '--model', "
        f"{str(small_model)!r}, '-q']); assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in sys.modules if m in ('mlflow', 'sklearn', 'scipy', 'claimclf.corpus') "
        "or m.startswith(('mlflow.', 'sklearn.', 'claimclf.tracking', 'claimclf.corpus.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert (tmp_path / "o.csv").exists()


def test_evaluating_a_registered_version_is_recorded_on_that_version(store, tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", store.uri)  # where models:/ URIs are looked up
    r = run("evaluate", "--data", store.eval_data, "--model", f"models:/{REGISTERED_MODEL}/{store.bad_version}",
            "--report", tmp_path / "rep", "--tracking-uri", store.uri)
    assert r.exit_code == 0, r.output
    run_id, _ = tracked(r.output)
    assert f"evaluated claimclf version {store.bad_version}" in r.output
    c = client(store.uri)
    assert c.get_run(run_id).info.run_name == f"evaluate eval · v{store.bad_version}"
    bad_model = c.get_model_version(REGISTERED_MODEL, store.bad_version).source.removeprefix("models:/")
    good_model = c.get_model_version(REGISTERED_MODEL, store.good_version).source.removeprefix("models:/")
    assert ("macro_f1", "eval.csv") in {(m.key, m.dataset_name) for m in c.get_logged_model(bad_model).metrics}
    assert run_id not in {m.run_id for m in c.get_logged_model(good_model).metrics}


def test_training_on_several_files_records_each_as_a_dataset_and_measures_each(tmp_path):
    uri = f"sqlite:///{tmp_path / 'store' / 'mlflow.db'}"
    corpus, ours = tmp_path / "corpus.csv", tmp_path / "ours.csv"
    write_corpus(corpus, n_rows=200, seed=31)
    write_corpus(tmp_path / "more.csv", n_rows=60, seed=32)
    pd.read_csv(tmp_path / "more.csv")[["text", "label"]].to_csv(ours, index=False)  # a team's file: no scenario
    r = run("train", "--data", corpus, "--data", ours, "--weight", "ours.csv=3", "--model", tmp_path / "m.joblib",
            "--no-search", "--tracking-uri", uri)
    assert r.exit_code == 0, r.output
    assert "held out, corpus.csv" in r.output and "held out, ours.csv" in r.output
    run_id, version = tracked(r.output)
    got = client(uri).get_run(run_id)
    inputs = {i.dataset.name: {t.key: t.value for t in i.tags} for i in got.data and got.inputs.dataset_inputs}
    assert set(inputs) == {"corpus.csv", "ours.csv"}
    assert inputs["ours.csv"]["weight"] == "3" and inputs["corpus.csv"]["weight"] == "1"
    assert {"oof_source_file_corpus.csv_accuracy", "oof_source_file_ours.csv_accuracy"} <= set(got.data.metrics)
    assert got.data.params["train_data"] == "corpus.csv + ours.csv"
    sidecar = json.loads((tmp_path / "m.joblib.json").read_text())
    assert [f["weight"] for f in sidecar["training_data"]["files"]] == [1.0, 3.0]
    assert version == "1" and "the champion" in r.output  # the first version of an empty registry


def test_calibrate_refits_the_calibration_on_a_teams_sample_as_a_new_version(store, tmp_path):
    out = tmp_path / "recalibrated.joblib"
    r = run("calibrate", "--data", store.eval_data, "--model", store.good_model, "--out", out, "--tracking-uri", store.uri)
    assert r.exit_code == 0, r.output
    run_id, version = tracked(r.output)
    old, new = load(store.good_model), load(out)
    assert new.sidecar["calibration"]["method"].startswith("platt on eval.csv, cross-fitted")
    assert new.sidecar["calibration"]["a"] != old.sidecar["calibration"]["a"]
    assert new.sidecar["recalibrated_from"]["model_sha256"] == old.sidecar["model_sha256"]
    assert new.sidecar["params"] == old.sidecar["params"]  # the features and weights are the trained ones
    # the word weights are unchanged: the same ranking of claims, only rescaled
    texts = claim_texts(store.eval_data)[:50]
    from claimclf.text import normalize

    norms = [normalize(t) for t in texts]
    old_p, new_p = old.engine().p_cosmetic(norms), new.engine().p_cosmetic(norms)
    assert (pd.Series(old_p).rank() == pd.Series(new_p).rank()).all()
    c = client(store.uri)
    assert c.get_model_version(REGISTERED_MODEL, version).tags["recalibrated_from"] == f"v{store.good_version}"
    assert c.get_run(run_id).info.run_name == f"calibrate eval · from v{store.good_version}"
    again = run("calibrate", "--data", store.eval_data, "--model", store.good_model, "--out", out, "--no-track")
    assert again.exit_code != 0 and "--overwrite" in again.output
