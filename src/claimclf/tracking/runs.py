"""What a tracked run records: parameters, metrics, the dataset (never its text), the report, the model.

Tracking records what training and evaluation produced; it computes none of it. Privacy: no
claim text reaches MLflow. A dataset input is built from the language and label columns only
(the file's sha256 as digest, its path as source), the logged model's input example is
invented, and parameters and tags hold settings, hashes and counts. The logged model itself,
like the local model file, holds its TF-IDF vocabulary (words and character n-grams seen in
several training claims).
"""

from __future__ import annotations

import json
import re
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf import config
from claimclf.tracking.store import Tracker, retry

if TYPE_CHECKING:
    import pandas as pd
    from sklearn.pipeline import Pipeline

    from claimclf.train import TrainResult

MAX_DIGEST = 36  # MLflow's limit on a dataset digest: the first 36 hex digits of the sha256
# Readable run parameter names for the pipeline settings in ``TrainResult.params``.
PARAM_NAMES = {
    "C": "C",
    "ngram_max": "word_ngram_max",
    "negation": "negation_scope",
    "measurements": "measurement_features",
    "char_ngram": "char_ngram_range",
}


def git_commit(root: Path | None = None) -> str | None:
    """The checked-out commit, read from ``.git`` without running git (None outside a checkout)."""
    root = root or config.project_root()
    git = root / ".git"
    try:
        if git.is_file():  # a worktree: "gitdir: <path>"
            git = (root / git.read_text().split(":", 1)[1].strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head or None
        ref = head.split(":", 1)[1].strip()
        bases = [git]
        if (git / "commondir").is_file():  # a worktree keeps its branches in the main .git
            bases.append((git / (git / "commondir").read_text().strip()).resolve())
        for base in bases:
            if (base / ref).is_file():
                return (base / ref).read_text().strip()
            packed = base / "packed-refs"
            if packed.is_file():
                for line in packed.read_text().splitlines():
                    if line.endswith(" " + ref):
                        return line.split(" ", 1)[0]
    except (OSError, IndexError):
        return None
    return None


def _library_tags() -> dict[str, str]:
    from importlib import metadata

    from claimclf.persistence import library_versions

    versions = library_versions()
    try:
        versions["mlflow"] = metadata.version("mlflow")
    except metadata.PackageNotFoundError:
        pass
    return {f"lib.{k}": str(v) for k, v in versions.items()}


def _param_value(value: Any) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return f"{value[0]}-{value[1]}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def pipeline_params(params: dict[str, Any], pipeline: Pipeline | None = None) -> dict[str, str]:
    """The settings that made the model, by readable name (not a dump of ``get_params()``)."""
    out = {PARAM_NAMES.get(k, k): _param_value(v) for k, v in params.items()}
    if pipeline is None:
        return out
    steps = dict(getattr(pipeline, "named_steps", {}))
    clf = steps.get("clf")
    base = getattr(clf, "estimator", clf)
    for attr in ("class_weight", "solver", "max_iter"):
        if hasattr(base, attr):
            out[attr] = _param_value(getattr(base, attr))
    union = steps.get("features")
    for name, vec in getattr(union, "transformer_list", []):
        for attr in ("min_df", "max_features", "sublinear_tf"):
            if getattr(vec, attr, None) is not None:
                out[f"{name}_{attr}"] = _param_value(getattr(vec, attr))
    return out


def cv_metrics(metrics: dict[str, dict[str, float]], prefix: str = "cv") -> dict[str, float]:
    """``{"macro_f1": {"mean", "std"}}`` as ``cv_macro_f1_mean`` and ``cv_macro_f1_std`` (the spread)."""
    return {f"{prefix}_{name}_{stat}": float(v) for name, m in metrics.items() for stat, v in m.items()}


def report_metrics(report: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """Overall, per-language and per-slice numbers of an evaluation report, flat for MLflow."""
    out: dict[str, float] = {}
    for key in ("accuracy", "macro_f1", "roc_auc", "ece"):
        value = report.get("overall", {}).get(key)
        if value is not None:
            out[f"{prefix}{key}"] = float(value)
    for column in ("lang", "slice", "source_file"):
        for value, m in report.get(f"by_{column}", {}).items():
            safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(value))
            for key in ("accuracy", "macro_f1"):
                if m.get(key) is not None:
                    out[f"{prefix}{column}_{safe}_{key}"] = float(m[key])
    d = report.get("decisions", {})
    if d.get("review_share") is not None:
        out[f"{prefix}review_share"] = float(d["review_share"])
    if d.get("auto_accuracy") is not None:
        out[f"{prefix}auto_accuracy"] = float(d["auto_accuracy"])
    return out


def metadata_frame(df: pd.DataFrame, label_col: str = "label") -> pd.DataFrame:
    """What MLflow may see of a labelled file: language and label per row, never the text."""
    cols = {c: c for c in ("lang",) if c in df.columns}
    if label_col in df.columns:
        cols[label_col] = "label"
    return df[list(cols)].rename(columns=cols).astype(str).reset_index(drop=True)


def dataset_input(path: Path, df: pd.DataFrame, label_col: str = "label"):
    """An MLflow dataset for ``path``: metadata-only frame, sha256 digest, counts as tags."""
    import mlflow.data

    from claimclf.files import sha256_file

    sha = sha256_file(Path(path))
    meta = metadata_frame(df, label_col)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # MLflow registers two local sources and says so
        ds = mlflow.data.from_pandas(
            meta,
            source=str(Path(path).resolve()),
            name=Path(path).name,
            digest=sha[:MAX_DIGEST],
            targets="label" if "label" in meta.columns else None,
        )
    tags = {"sha256": sha, "rows": str(len(df))}
    for column in meta.columns:
        counts = meta[column].value_counts().sort_index()
        tags[f"rows_by_{column}"] = ", ".join(f"{k} {v}" for k, v in counts.items())
    return ds, tags, sha


def log_training(
    tracker: Tracker,
    result: TrainResult,
    df: pd.DataFrame,
    data_path: Path | list[Path],
    model_path: Path,
    sidecar: dict[str, Any],
    search: bool,
    oof_report: dict[str, Any] | None = None,
    oof_paths: list[Path] | None = None,
    text_col: str = "text",
    label_col: str = "label",
) -> dict[str, Any]:
    """One run (a parent with a child per candidate when ``search``), the model logged and registered.

    ``oof_report`` and ``oof_paths`` are the evaluation of the held-out predictions, as written by training.
    """
    from claimclf.tracking.registry import REGISTERED_MODEL, crown_if_first, log_model

    paths = [Path(p) for p in data_path] if isinstance(data_path, (list, tuple)) else [Path(data_path)]
    data_path = paths[0]
    with tracker.session() as mlflow:
        if len(paths) == 1:
            inputs = [dataset_input(data_path, df, "label")]
        else:  # each file its own dataset input, counted on its own rows
            inputs = []
            for p in paths:
                rows = df[df["source_file"] == p.name]
                ds_, tags_, sha_ = dataset_input(p, rows, "label")
                inputs.append((ds_, dict(tags_, weight=f"{rows['weight'].iloc[0]:g}"), sha_))
        ds, ds_tags, sha = inputs[0]
        if len(paths) > 1:
            sha = str(sidecar.get("training_data", {}).get("sha256", sha))
        params = pipeline_params(result.params, result.pipeline)
        params.update(
            {
                "search": str(bool(search)),
                "search_candidates": str(len(result.search) if search else 1),
                "cv_strategy": "grouped by scenario" if result.cv.grouped else "stratified",
                "cv_folds": str(result.cv.n_splits),
                "train_data": " + ".join(p.name for p in paths),
                "train_rows": str(len(df)),
                "text_col": text_col,
                "label_col": label_col,
            }
        )
        for key, value in (sidecar.get("decision_policy") or {}).items():
            if isinstance(value, (int, float, str)) and not str(key).startswith("cv_"):
                params[f"policy_{key}"] = _param_value(value)
        calibration = getattr(result, "calibration", None) or {}
        for key in ("method", "a", "b"):
            if key in calibration:
                params[f"calibration_{key}"] = _param_value(calibration[key])
        metrics = cv_metrics(result.cv.metrics)
        if result.cv_ungrouped:
            metrics.update(cv_metrics(result.cv_ungrouped.metrics, "cv_ungrouped"))
        if result.cv_procedure:
            metrics.update(cv_metrics(result.cv_procedure.metrics, "cv_leave_procedure_out"))
        for key in ("cv_ece_before", "cv_ece_after"):
            if calibration.get(key) is not None:
                metrics[f"calibration_{key}"] = float(calibration[key])
        for key, value in (sidecar.get("decision_policy") or {}).items():
            if str(key).startswith("cv_") and isinstance(value, (int, float)):
                metrics[f"policy_{key}"] = float(value)
        if oof_report:
            metrics.update(report_metrics(oof_report, prefix="oof_"))
        metrics["train_rows"] = float(len(df))
        tags = {
            "claimclf.kind": "train",
            "claimclf.model_path": str(Path(model_path).resolve()),
            "claimclf.model_version": str(sidecar.get("model_version")),
            "claimclf.model_sha256": str(sidecar.get("model_sha256")),
            "data.sha256": sha,
            "jieba_user_dict_sha256": str(sidecar.get("jieba_user_dict_sha256") or ""),
            **_library_tags(),
        }
        commit = git_commit()
        if commit:
            tags["mlflow.source.git.commit"] = commit
        best = _best_candidate(result) if search and len(result.search) > 1 else None
        cv = result.cv.metrics.get("macro_f1", {})
        tags["mlflow.note.content"] = (
            f"Trained on {' + '.join(p.name for p in paths)} ({len(df)} rows, sha256 {sha[:12]}…). "
            f"Cross-validated macro-F1 {cv.get('mean', float('nan')):.3f} ± {cv.get('std', float('nan')):.3f}"
            + (f"; best of {len(result.search)} candidates (child runs)." if best is not None else ".")
        )
        exp_id = tracker.experiment_id(mlflow)
        c = result.params.get("C")
        run_name = f"train {' + '.join(p.stem for p in paths)}" + (f" C={c:g}" if isinstance(c, (int, float)) else "")
        # Created with training's start time, so the UI's duration is the training's, not the logging's.
        from mlflow.tracking.context.registry import resolve_tags  # the source and user tags start_run would add

        created = retry(mlflow.MlflowClient().create_run, exp_id, start_time=result.started_ms,
                        tags=resolve_tags(tags), run_name=run_name)
        with mlflow.start_run(run_id=created.info.run_id) as run:
            retry(mlflow.log_params, params)
            retry(mlflow.log_metrics, metrics)
            for ds_, tags_, _ in inputs:
                retry(mlflow.log_input, ds_, context="training", tags=tags_)
            if best is not None:
                best_child = _log_children(mlflow, exp_id, result, best)
                retry(mlflow.set_tag, "claimclf.best_child_run_id", best_child)
            with tempfile.TemporaryDirectory() as tmp:
                side = Path(tmp) / "sidecar.json"
                side.write_text(json.dumps(sidecar, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
                retry(mlflow.log_artifact, str(side))
            for path in oof_paths or []:
                retry(mlflow.log_artifact, str(path), "evaluation")
            info, digests = log_model(mlflow, result.pipeline, Path(model_path), sidecar)
            # the cross-validated numbers, also on the logged model's page, against the training data
            retry(mlflow.log_metrics, {k: v for k, v in metrics.items() if k.startswith("cv_")},
                  model_id=info.model_id, dataset=ds)
            version = info.registered_model_version
            client = mlflow.MlflowClient()
            champion = False
            if version is not None:
                for key, value in {
                    "train_run_id": run.info.run_id,
                    "data.sha256": sha,
                    "cv_macro_f1": f"{cv.get('mean', float('nan')):.4f}",
                    "claimclf.model_version": str(sidecar.get("model_version")),
                    **digests,
                }.items():
                    retry(client.set_model_version_tag, REGISTERED_MODEL, str(version), key, value)
                retry(mlflow.set_tag, "claimclf.registered_version", str(version))
                champion = crown_if_first(client, str(version))
        return {"run_id": run.info.run_id, "experiment_id": exp_id, "version": version, "model_uri": info.model_uri,
                "uri": tracker.uri, "champion": champion}

def log_recalibration(tracker: Tracker, pipeline: Pipeline, df: pd.DataFrame, data_path: Path, model_path: Path,
                      sidecar: dict[str, Any], source_ref: str, source_sidecar: dict[str, Any]) -> dict[str, Any]:
    """A run for ``claimclf calibrate``: the new slope, intercept and band, the sample as dataset, a new version."""
    from claimclf.tracking.registry import REGISTERED_MODEL, log_model, registered_version

    with tracker.session() as mlflow:
        client = mlflow.MlflowClient()
        ds, ds_tags, sha = dataset_input(data_path, df, "label")
        source = registered_version(client, source_ref, source_sidecar)
        calibration, policy = sidecar["calibration"], sidecar["decision_policy"]
        params = {"calibration_data": data_path.name, "calibration_rows": str(len(df)),
                  "calibration_method": calibration["method"], "calibration_a": _param_value(calibration["a"]),
                  "calibration_b": _param_value(calibration["b"]), "recalibrated_from": source_ref,
                  **{f"policy_{k}": _param_value(policy[k]) for k in ("review_low", "review_high", "target_precision")}}
        metrics = {"calibration_ece_before": float(calibration["ece_before"]),
                   "calibration_ece_after": float(calibration["ece_after"]),
                   "policy_cv_review_share": float(policy["cv_review_share"])}
        tags = {"claimclf.kind": "calibrate", "claimclf.model_version": str(sidecar.get("model_version")),
                "claimclf.model_sha256": str(sidecar.get("model_sha256")), "data.sha256": sha, **_library_tags()}
        name = f"calibrate {data_path.stem}" + (f" · from v{source.version}" if source is not None else "")
        with mlflow.start_run(experiment_id=tracker.experiment_id(mlflow), run_name=name, tags=tags) as run:
            retry(mlflow.log_params, params)
            retry(mlflow.log_metrics, metrics)
            retry(mlflow.log_input, ds, context="calibration", tags=ds_tags)
            info, digests = log_model(mlflow, pipeline, Path(model_path), sidecar)
            version = info.registered_model_version
            if version is not None:
                for key, value in {"train_run_id": run.info.run_id, "data.sha256": sha,
                                   "claimclf.model_version": str(sidecar.get("model_version")),
                                   "recalibrated_from": f"v{source.version}" if source is not None else source_ref,
                                   **digests}.items():
                    retry(client.set_model_version_tag, REGISTERED_MODEL, str(version), key, value)
        return {"run_id": run.info.run_id, "experiment_id": tracker.experiment_id(mlflow), "version": version,
                "uri": tracker.uri}


def _log_children(mlflow, exp_id: str, result: TrainResult, best: int) -> str:
    """One child run per search candidate, params and CV metrics, the best one tagged."""
    best_id = ""
    for i, cand in enumerate(result.search):
        is_best = i == best
        name = " ".join(f"{PARAM_NAMES.get(k, k)}={_param_value(v)}" for k, v in cand["params"].items()
                        if v != result.search[0]["params"].get(k) or k == "C")
        with mlflow.start_run(experiment_id=exp_id, run_name=name + (" (best)" if is_best else ""), nested=True,
                              tags={"claimclf.kind": "search-candidate", "claimclf.best": str(is_best).lower()}) as child:
            retry(mlflow.log_params, pipeline_params(cand["params"]))
            retry(mlflow.log_metrics, cv_metrics(cand["metrics"]))
            if is_best:
                best_id = child.info.run_id
    return best_id


def log_evaluation(
    tracker: Tracker,
    report: dict[str, Any],
    df: pd.DataFrame,
    data_path: Path,
    model_ref: str,
    sidecar: dict[str, Any],
    paths: list[Path],
) -> dict[str, Any]:
    """A run for ``claimclf evaluate``: metrics by language and slice, the report and plots.

    When the model is a registered version (named, or a local file with the same scoring arrays),
    the run is named after it, takes the logged model as input, and its metrics are recorded
    against that model and dataset, so the version's model page lists every evaluation.
    """
    from mlflow.entities import LoggedModelInput

    from claimclf.tracking.registry import logged_model_id, registered_version

    data_path = Path(data_path)
    with tracker.session() as mlflow:
        ds, ds_tags, sha = dataset_input(data_path, df, "label")
        version = registered_version(mlflow.MlflowClient(), str(model_ref), sidecar)
        model_id = logged_model_id(version) if version is not None else None
        policy = sidecar.get("decision_policy") or {}
        params = {
            "model": str(model_ref),
            "model_version": str(sidecar.get("model_version")),
            "eval_data": data_path.name,
            "eval_rows": str(len(df)),
            **{f"policy_{k}": _param_value(v) for k, v in policy.items()
               if k in ("threshold", "review_low", "review_high")},
        }
        tags = {
            "claimclf.kind": "evaluate",
            "claimclf.model_sha256": str(sidecar.get("model_sha256")),
            "data.sha256": sha,
            **_library_tags(),
        }
        commit = git_commit()
        if commit:
            tags["mlflow.source.git.commit"] = commit
        run_name = f"evaluate {data_path.stem}"
        if version is not None:
            run_name += f" · v{version.version}"
            tags["claimclf.registered_version"] = str(version.version)
            params["registered_version"] = str(version.version)
        exp_id = tracker.experiment_id(mlflow)
        with mlflow.start_run(experiment_id=exp_id, run_name=run_name, tags=tags) as run:
            retry(mlflow.log_params, params)
            retry(mlflow.log_input, ds, context="evaluation", tags=ds_tags)
            if model_id:
                retry(mlflow.log_input, model=LoggedModelInput(model_id))
            retry(mlflow.log_metrics, report_metrics(report), model_id=model_id, dataset=ds)
            for path in paths:
                retry(mlflow.log_artifact, str(path), "evaluation")
        return {"run_id": run.info.run_id, "experiment_id": exp_id, "uri": tracker.uri,
                "version": str(version.version) if version is not None else None, "evaluated": True}


def _best_candidate(result: TrainResult) -> int:
    for i, cand in enumerate(result.search):
        if cand["params"] == result.params:
            return i
    return max(range(len(result.search)), key=lambda i: result.search[i]["metrics"]["macro_f1"]["mean"])


LEARNING_CURVE_EXPERIMENT = "claimclf-learning-curve"


def log_learning_curve(tracker: Tracker, data: dict[str, Any], paths: list[Path]) -> dict[str, Any]:
    """The learning curve (:mod:`claimclf.labelling.curve`) as runs: one per strategy, seed and weight.

    Each run's metrics are its points' test numbers, logged with step = the number of labels (point 0,
    the shipped model, at step 0 of every run), so the UI draws the curves. Parameters hold the split
    rule, the seeds and the settings; no claim text and no id. ``paths`` (the results file, the plot)
    go with the run of the suggested labels.
    """
    settings = data["settings"]
    points = data["points"]
    runs: dict[tuple[str, Any, Any], list[dict[str, Any]]] = {}
    for point in points.values():
        if point["strategy"] != "shipped":
            runs.setdefault((point["strategy"], point["seed"], point["weight"]), []).append(point)
    chosen = (data.get("weight") or {}).get("chosen")
    common = {
        "split_rule": settings["split_rule"],
        "labelled_data": settings["labelled"]["name"],
        "labelled_sha256": settings["labelled"]["sha256"],
        "corpus": settings["corpus"]["name"],
        "corpus_sha256": settings["corpus"]["sha256"],
        "pool_rows": str(settings["pool"]["rows"]),
        "test_rows": str(settings["test"]["rows"]),
        "budgets": ", ".join(map(str, settings["budgets"])),
        "seeds": ", ".join(map(str, settings["seeds"])),
        "weights_compared": ", ".join(f"{w:g}" for w in settings["weights"]),
        "weight_chosen": "none yet" if chosen is None else f"{chosen:g}",
        "search": str(settings["search"]),
        "selection": settings["selection"],
        **pipeline_params(settings["params"]),
    }
    tags = {"claimclf.kind": "learning-curve", "claimclf.curve_complete": str(bool(data.get("complete"))).lower(),
            "data.sha256": settings["labelled"]["sha256"], **_library_tags()}
    commit = git_commit()
    if commit:
        tags["mlflow.source.git.commit"] = commit
    zero = points.get("shipped")
    done = []
    with tracker.session() as mlflow:
        exp_id = tracker.experiment_id(mlflow)
        for (strategy, seed, weight), members in sorted(runs.items(), key=lambda r: (r[0][0] != "suggested", str(r[0][1:]))):
            name = "learning curve · " + strategy + (f" seed {seed}" if seed is not None else "")
            if weight != chosen:
                name += f" · weight {weight:g} (weight check)"
            with mlflow.start_run(experiment_id=exp_id, run_name=name, tags=tags) as run:
                retry(mlflow.log_params, {**common, "strategy": strategy, "seed": str(seed), "weight": f"{weight:g}"})
                for point in ([zero] if zero else []) + sorted(members, key=lambda p: p["labels"]):
                    values = {f"test_{k}": float(point[k]) for k in ("macro_f1", "ece", "accuracy", "roc_auc", "review_share")
                              if point.get(k) is not None}
                    for lang, m in point.get("by_lang", {}).items():
                        values[f"test_lang_{lang}_macro_f1"] = float(m["macro_f1"])
                    retry(mlflow.log_metrics, values, step=int(point["labels"]))
                if strategy == "suggested" and weight == chosen:
                    for path in paths:
                        retry(mlflow.log_artifact, str(path), "learning_curve")
            done.append(run.info.run_id)
        return {"run_ids": done, "experiment_id": exp_id, "uri": tracker.uri}
