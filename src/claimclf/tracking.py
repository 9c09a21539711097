"""MLflow experiment tracking and the ``claimclf`` model registry.

Everything MLflow lives here, and ``mlflow`` is imported only inside functions: the commands that
do not track (``score`` with a local model, ``predict``, ``--help``) never pay for it.

Privacy: no claim text reaches MLflow. The dataset input is built from a frame with the language and
label columns only (the file's sha256 as digest, its path as source), the input example is invented,
and parameters and tags hold settings, hashes and counts. The logged model itself, like the joblib
file, holds its TF-IDF vocabulary (words and character n-grams seen in several training claims).

Concurrency: SQLite allows one writer at a time. Training happens before MLflow is touched; then a
file lock beside the database serialises run creation, logging and registry writes between claimclf
processes, and calls that still meet "database is locked" (another tool writing) are retried with backoff.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sklearn.base import BaseEstimator, TransformerMixin

from claimclf import config
from claimclf.errors import ClaimError

if TYPE_CHECKING:
    import pandas as pd
    from sklearn.pipeline import Pipeline

    from claimclf.model import TrainResult

DEFAULT_EXPERIMENT = "claimclf"
PROMOTION_EXPERIMENT = "claimclf-promotions"
REGISTERED_MODEL = "claimclf"
CHAMPION = "champion"
MODEL_URI_PREFIX = "models:/"
LOCK_TIMEOUT_S = 900  # a training's logging takes seconds; waiting longer means something is stuck
PROBE_TIMEOUT_S = 5
MAX_DIGEST = 36  # MLflow's limit on a dataset digest: the first 36 hex digits of the sha256
# Settings only take effect if the user has not set them: a dead server fails in seconds, not minutes.
HTTP_DEFAULTS = {
    "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "2",
    "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR": "1",
    "MLFLOW_HTTP_REQUEST_TIMEOUT": "30",
}
# Invented claims, never taken from data: the model's input example and the serving smoke test.
SYNTHETIC_EXAMPLES = [
    "Upper eyelid skin rests on the lashes; superior visual field 20 degrees, 40 degrees with lids taped.",
    "Would like a smaller nose tip for photos; breathing is fine and there was no injury.",
    "烧伤后颈部瘢痕挛缩，颈部后伸受限约30度，影响日常活动，申请瘢痕松解术。",
]
# Readable run parameter names for the pipeline settings in ``TrainResult.params``.
PARAM_NAMES = {
    "C": "C",
    "ngram_max": "word_ngram_max",
    "negation": "negation_scope",
    "measurements": "measurement_features",
    "char_ngram": "char_ngram_range",
}


class TrackingError(ClaimError):
    """The tracking store cannot be used: unreachable, unwritable, or a write failed."""

    exit_code = 3


class PromotionRefused(ClaimError):
    """The candidate is worse than the champion on the evaluation data (``--force`` overrides)."""

    exit_code = 4


# ---------------------------------------------------------------- where runs go


def default_tracking_uri() -> str:
    """The embedded store: ``experiments/mlflow.db`` under the project root, whatever the working directory."""
    return f"sqlite:///{config.experiments_dir() / 'mlflow.db'}"


def resolve_tracking_uri(uri: str | None = None) -> str:
    """``--tracking-uri``, else ``MLFLOW_TRACKING_URI``, else the project's SQLite store."""
    return uri or os.environ.get("MLFLOW_TRACKING_URI") or default_tracking_uri()


def sqlite_path(uri: str) -> Path | None:
    """The database file of a ``sqlite:///`` URI (None for any other store or an in-memory one)."""
    if not uri.startswith("sqlite:///"):
        return None
    raw = urllib.parse.unquote(uri[len("sqlite:///"):].split("?", 1)[0])
    if raw in ("", ":memory:"):
        return None
    return Path(raw).expanduser().resolve()


def is_http(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def artifact_root(uri: str) -> str | None:
    """Where new experiments keep artifacts: beside a SQLite file, else ``experiments/artifacts``.

    MLflow's own default for a database store is ``./mlruns`` in the working directory, which would
    scatter artifacts wherever claimclf happens to run. A tracking server decides for itself (None).
    """
    db = sqlite_path(uri)
    if db is not None:
        return (db.parent / "artifacts").as_uri()
    if is_http(uri) or uri.startswith(("databricks", "file:")) or "://" not in uri:
        return None
    return (config.experiments_dir() / "artifacts").as_uri()


def display_uri(uri: str) -> str:
    """The URI without any password, for messages."""
    return re.sub(r"://([^:/@]+):[^@/]+@", r"://\1:***@", uri)


# ---------------------------------------------------------------- robustness


@contextlib.contextmanager
def store_lock(uri: str, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Serialise writers of one SQLite store across processes (a no-op for servers and other databases)."""
    db = sqlite_path(uri)
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's busy timeout and the retries below still apply
        fcntl = None  # type: ignore[assignment]
    if db is None or fcntl is None:
        yield
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(db.name + ".lock"), "a") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TrackingError(
                        f"waited {timeout:.0f}s for another claimclf process writing to {db}: is one stuck?"
                    ) from None
                time.sleep(0.1 + random.random() * 0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _is_locked(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen).lower()
        if "database is locked" in text or "database table is locked" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry(fn: Callable[..., Any], *args: Any, attempts: int = 8, **kwargs: Any) -> Any:
    """Call ``fn``, retrying with jittered exponential backoff while SQLite reports a lock."""
    delay = 0.2
    for attempt in range(attempts):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - only lock errors are retried, the rest re-raised
            if attempt == attempts - 1 or not _is_locked(exc):
                raise
            time.sleep(delay + random.random() * delay)
            delay = min(delay * 2, 5.0)
    raise AssertionError("unreachable")


def probe(uri: str) -> None:
    """Fail fast, before any training, when the store cannot be used; raises :class:`TrackingError`."""
    db = sqlite_path(uri)
    if db is not None:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TrackingError(f"cannot create the tracking folder {db.parent}: {exc.strerror}") from None
        if not os.access(db.parent, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
            raise TrackingError(f"tracking store {db} is not writable")
        return
    if is_http(uri):
        for name, value in HTTP_DEFAULTS.items():
            os.environ.setdefault(name, value)
        # A real REST endpoint rather than /health: something else listening there must not pass for MLflow.
        url = uri.rstrip("/") + "/api/2.0/mlflow/experiments/search?max_results=1"
        try:
            with urllib.request.urlopen(url, timeout=PROBE_TIMEOUT_S) as response:
                json.loads(response.read(1 << 20) or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                return  # an MLflow server behind authentication: MLflow sends the credentials itself
            raise TrackingError(
                f"{display_uri(uri)} does not answer as an MLflow tracking server (HTTP {exc.code})"
            ) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TrackingError(f"tracking server {display_uri(uri)} is unreachable ({reason})") from None


@contextlib.contextmanager
def using(uri: str) -> Iterator[Any]:
    """mlflow pointed at ``uri`` (registry too, unless ``MLFLOW_REGISTRY_URI`` says otherwise), log lines
    kept to warnings. ``mlflow.set_tracking_uri`` also writes ``os.environ``; the previous values are put
    back on exit so that one command's ``--tracking-uri`` never leaks into the next call in the process."""
    import logging

    for name, value in HTTP_DEFAULTS.items():
        os.environ.setdefault(name, value)
    import mlflow

    for name in ("mlflow", "alembic"):  # after the import, which sets mlflow's own levels
        logging.getLogger(name).setLevel(logging.WARNING)
    # log_model's caution about pickles: claimclf models are pickles by design (see persistence.py).
    logging.getLogger("mlflow.sklearn").setLevel(logging.ERROR)
    saved = {k: os.environ.get(k) for k in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI")}
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(saved["MLFLOW_REGISTRY_URI"] or uri)
    try:
        yield mlflow
    finally:
        mlflow.set_tracking_uri(saved["MLFLOW_TRACKING_URI"])
        mlflow.set_registry_uri(saved["MLFLOW_REGISTRY_URI"])
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


# ---------------------------------------------------------------- what a run records


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
    for column in ("lang", "slice"):
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

    from claimclf.persistence import sha256_file

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


def served_model(pipeline: Pipeline) -> Pipeline:
    """The fitted pipeline behind a step that accepts a ``text`` column, which is what pyfunc and
    ``mlflow models serve`` pass in; plain lists of texts still work. Nothing is refitted."""
    from sklearn.pipeline import Pipeline

    return Pipeline([("text", TextColumn("text")), *pipeline.steps])


def unwrap(model: Any) -> Any:
    """The claimclf pipeline inside a model loaded from MLflow (drops the ``text`` column step)."""
    steps = getattr(model, "steps", None)
    if steps and isinstance(steps[0][1], TextColumn):
        return model[1:]
    return model


class TextColumn(TransformerMixin, BaseEstimator):
    """Selects the text column of a DataFrame (or passes a list of texts through) as a list of str."""

    def __init__(self, column: str = "text") -> None:
        self.column = column

    def fit(self, X: Any, y: Any = None) -> TextColumn:
        return self

    def transform(self, X: Any) -> list[str]:
        if hasattr(X, "columns"):
            X = X[self.column] if self.column in X.columns else X.iloc[:, 0]
        elif hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
            X = X[:, 0]
        return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in X]

    def __sklearn_is_fitted__(self) -> bool:
        return True


def _jsonable(value: Any) -> Any:
    from claimclf.persistence import _jsonable as default

    return json.loads(json.dumps(value, default=default))


def _model_metadata(sidecar: dict[str, Any], pipeline: Pipeline) -> dict[str, Any]:
    """What claimclf needs back when scoring with a registered model (no text)."""
    keep = ("model_version", "model_sha256", "decision_policy", "calibration", "params", "training_data",
            "jieba_user_dict_sha256", "libraries")
    meta = {k: sidecar[k] for k in keep if k in sidecar}
    meta["proba_columns"] = [str(c) for c in pipeline.classes_]
    return {"claimclf": _jsonable(meta)}


def _pip_requirements() -> list[str]:
    from importlib import metadata

    reqs = []
    for name in ("mlflow", "scikit-learn", "jieba", "numpy", "scipy", "pandas", "cloudpickle"):
        try:
            reqs.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            reqs.append(name)
    return reqs


def log_sklearn_model(mlflow, pipeline: Pipeline, sidecar: dict[str, Any], register: bool = True):
    """Log the pipeline with ``mlflow.sklearn`` (signature, synthetic example, ``predict_proba`` for pyfunc)."""
    import pandas as pd
    from mlflow.models import infer_signature

    model = served_model(pipeline)
    example = pd.DataFrame({"text": SYNTHETIC_EXAMPLES})
    signature = infer_signature(example, model.predict_proba(example))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the pickle-format caution: claimclf models are pickles by design
        return retry(
            mlflow.sklearn.log_model,
            sk_model=model,
            name="model",
            signature=signature,
            input_example=example,
            pyfunc_predict_fn="predict_proba",
            serialization_format="cloudpickle",  # skops takes minutes and ~100 MB for the TF-IDF vocabularies
            pip_requirements=_pip_requirements(),
            metadata=_model_metadata(sidecar, pipeline),
            registered_model_name=REGISTERED_MODEL if register else None,
        )


# ---------------------------------------------------------------- the tracker


@dataclass
class Tracker:
    """One tracking store and one experiment, probed already (see :func:`prepare`)."""

    uri: str
    experiment: str = DEFAULT_EXPERIMENT

    def experiment_id(self, mlflow, name: str | None = None) -> str:
        """The experiment's id, creating it with artifacts under the store's artifact root."""
        from mlflow.exceptions import MlflowException

        name = name or self.experiment
        client = mlflow.MlflowClient()
        exp = retry(client.get_experiment_by_name, name)
        if exp is None:
            root = artifact_root(self.uri)
            location = f"{root}/{re.sub(r'[^A-Za-z0-9._-]+', '_', name)}" if root else None
            try:
                return retry(client.create_experiment, name, artifact_location=location)
            except MlflowException:  # created meanwhile by a process we do not lock against
                exp = retry(client.get_experiment_by_name, name)
                if exp is None:
                    raise
        if exp.lifecycle_stage == "deleted":
            raise TrackingError(
                f"experiment {name!r} is deleted in {display_uri(self.uri)}: restore it in the UI or pass --experiment"
            )
        return exp.experiment_id

    @contextlib.contextmanager
    def session(self) -> Iterator[Any]:
        """mlflow, ready and locked; MLflow failures become one-line :class:`TrackingError` messages."""
        with store_lock(self.uri):
            try:
                with using(self.uri) as mlflow:
                    yield mlflow
            except ClaimError:
                raise
            except Exception as exc:  # noqa: BLE001 - any store failure ends as one line
                if os.environ.get("CLAIMCLF_DEBUG"):
                    raise
                raise TrackingError(
                    f"recording in MLflow ({display_uri(self.uri)}) failed: {type(exc).__name__}: {_first_line(exc)}"
                ) from None

    def log_training(
        self,
        result: TrainResult,
        df: pd.DataFrame,
        data_path: Path,
        model_path: Path,
        sidecar: dict[str, Any],
        search: bool,
        text_col: str = "text",
        label_col: str = "label",
    ) -> dict[str, Any]:
        """One run (a parent with a child per candidate when ``search``), the model logged and registered."""
        from claimclf.text import user_dictionary_path

        data_path = Path(data_path)
        evaluation = _oof_report(result, df, sidecar, text_col, label_col)
        with self.session() as mlflow:
            ds, ds_tags, sha = dataset_input(data_path, df, label_col)
            params = pipeline_params(result.params, result.pipeline)
            params.update(
                {
                    "search": str(bool(search)),
                    "search_candidates": str(len(result.search) if search else 1),
                    "cv_strategy": "grouped by scenario" if result.cv.grouped else "stratified",
                    "cv_folds": str(result.cv.n_splits),
                    "train_data": data_path.name,
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
            for key in ("cv_ece_before", "cv_ece_after"):
                if calibration.get(key) is not None:
                    metrics[f"calibration_{key}"] = float(calibration[key])
            for key, value in (sidecar.get("decision_policy") or {}).items():
                if str(key).startswith("cv_") and isinstance(value, (int, float)):
                    metrics[f"policy_{key}"] = float(value)
            if evaluation:
                metrics.update(report_metrics(evaluation["report"], prefix="oof_"))
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
            if not tags["jieba_user_dict_sha256"]:
                from claimclf.persistence import sha256_file

                tags["jieba_user_dict_sha256"] = sha256_file(Path(user_dictionary_path()))
            commit = git_commit()
            if commit:
                tags["mlflow.source.git.commit"] = commit
            best = _best_candidate(result) if search and len(result.search) > 1 else None
            cv = result.cv.metrics.get("macro_f1", {})
            tags["mlflow.note.content"] = (
                f"Trained on {data_path.name} ({len(df)} rows, sha256 {sha[:12]}…). "
                f"Cross-validated macro-F1 {cv.get('mean', float('nan')):.3f} ± {cv.get('std', float('nan')):.3f}"
                + (f"; best of {len(result.search)} candidates (child runs)." if best is not None else ".")
            )
            exp_id = self.experiment_id(mlflow)
            c = result.params.get("C")
            run_name = f"train {data_path.stem}" + (f" C={c:g}" if isinstance(c, (int, float)) else "")
            with mlflow.start_run(experiment_id=exp_id, run_name=run_name, tags=tags) as run:
                retry(mlflow.log_params, params)
                retry(mlflow.log_metrics, metrics)
                retry(mlflow.log_input, ds, context="training", tags=ds_tags)
                if best is not None:
                    best_child = self._log_children(mlflow, exp_id, result, best)
                    retry(mlflow.set_tag, "claimclf.best_child_run_id", best_child)
                with tempfile.TemporaryDirectory() as tmp:
                    side = Path(tmp) / "sidecar.json"
                    side.write_text(json.dumps(_jsonable(sidecar), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
                    retry(mlflow.log_artifact, str(side))
                    if evaluation:
                        from claimclf.evaluate import write_report

                        out = Path(tmp) / "evaluation"
                        write_report(evaluation["report"], evaluation["frame"], evaluation["p"], out)
                        retry(mlflow.log_artifacts, str(out), "evaluation")
                info = log_sklearn_model(mlflow, result.pipeline, sidecar)
                version = info.registered_model_version
                client = mlflow.MlflowClient()
                if version is not None:
                    for key, value in {
                        "train_run_id": run.info.run_id,
                        "data.sha256": sha,
                        "cv_macro_f1": f"{cv.get('mean', float('nan')):.4f}",
                        "model_sha256": str(sidecar.get("model_sha256")),
                    }.items():
                        retry(client.set_model_version_tag, REGISTERED_MODEL, str(version), key, value)
                    retry(mlflow.set_tag, "claimclf.registered_version", str(version))
            return {"run_id": run.info.run_id, "experiment_id": exp_id, "version": version, "model_uri": info.model_uri,
                    "uri": self.uri}

    def _log_children(self, mlflow, exp_id: str, result: TrainResult, best: int) -> str:
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
        self,
        report: dict[str, Any],
        df: pd.DataFrame,
        data_path: Path,
        model_ref: str,
        sidecar: dict[str, Any],
        paths: list[Path],
    ) -> dict[str, Any]:
        """A run for ``claimclf evaluate``: metrics by language and slice, the report and plots."""
        data_path = Path(data_path)
        with self.session() as mlflow:
            ds, ds_tags, sha = dataset_input(data_path, df, "label")
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
            exp_id = self.experiment_id(mlflow)
            with mlflow.start_run(experiment_id=exp_id, run_name=f"evaluate {data_path.stem}", tags=tags) as run:
                retry(mlflow.log_params, params)
                retry(mlflow.log_metrics, report_metrics(report))
                retry(mlflow.log_input, ds, context="evaluation", tags=ds_tags)
                for path in paths:
                    retry(mlflow.log_artifact, str(path), "evaluation")
            return {"run_id": run.info.run_id, "experiment_id": exp_id, "uri": self.uri}


def _best_candidate(result: TrainResult) -> int:
    for i, cand in enumerate(result.search):
        if cand["params"] == result.params:
            return i
    return max(range(len(result.search)), key=lambda i: result.search[i]["metrics"]["macro_f1"]["mean"])


def _oof_report(result: TrainResult, df: pd.DataFrame, sidecar: dict[str, Any], text_col: str,
                label_col: str) -> dict[str, Any] | None:
    """The evaluation report of the cross-validated (out-of-fold) predictions on the training data."""
    import numpy as np

    from claimclf.evaluate import evaluate_frame
    from claimclf.model import check_training_frame
    from claimclf.scoring import Policy

    p = getattr(result.cv, "oof_p", None)
    if p is None:
        return None
    frame = check_training_frame(df, text_col=text_col, label_col=label_col).rename(
        columns={text_col: "text", label_col: "label"}
    )
    p = np.asarray(p, dtype=float)
    if len(frame) != len(p) or np.isnan(p).any():
        return None
    calibration = getattr(result, "calibration", None)
    if calibration and {"a", "b"} <= set(calibration):
        from claimclf import model as model_mod

        if hasattr(model_mod, "apply_platt"):
            p = model_mod.apply_platt(p, calibration["a"], calibration["b"])
    report = evaluate_frame(frame, p, Policy.from_sidecar(sidecar))
    report["note"] = "out-of-fold (cross-validated) predictions on the training data"
    return {"report": report, "frame": frame.drop(columns=["text"]), "p": p}


def prepare(
    enabled: bool,
    uri: str | None,
    experiment: str,
    optional: bool,
    say: Callable[[str], None],
) -> Tracker | None:
    """A :class:`Tracker` when tracking is on and the store answers; None with a notice when it is
    optional and does not; :class:`TrackingError` otherwise. Runs before training so failures are quick."""
    if not enabled:
        return None
    resolved = resolve_tracking_uri(uri)
    try:
        probe(resolved)
    except TrackingError as exc:
        if not optional:
            raise TrackingError(
                f"{exc}: start it or pass another --tracking-uri; --no-track turns tracking off, "
                "--track-optional goes on without it"
            ) from None
        say(f"warning: {exc}; going on WITHOUT tracking (--track-optional)")
        return None
    return Tracker(uri=resolved, experiment=experiment)


# ---------------------------------------------------------------- registered models


def load_registered(model_uri: str, tracking_uri: str | None = None, warn: Callable[[str], None] | None = None):
    """The pipeline and a sidecar-like dict for ``models:/claimclf@champion`` or ``models:/claimclf/3``."""
    uri = resolve_tracking_uri(tracking_uri)
    db = sqlite_path(uri)
    if db is not None and not db.is_file():
        raise ClaimError(f"cannot load {model_uri}: no tracking store at {db} (train with tracking on, or set "
                         "MLFLOW_TRACKING_URI)")
    try:
        with using(uri) as mlflow:
            info = mlflow.models.get_model_info(str(model_uri))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = mlflow.sklearn.load_model(str(model_uri))
    except Exception as exc:  # noqa: BLE001 - MlflowException, OSError, store errors: one line for the user
        if os.environ.get("CLAIMCLF_DEBUG"):
            raise
        raise ClaimError(f"cannot load {model_uri} from {display_uri(uri)}: {_first_line(exc)}") from None
    pipeline = unwrap(model)
    if not hasattr(pipeline, "predict_proba"):
        raise ClaimError(f"{model_uri} does not hold a claimclf model")
    sidecar = dict((info.metadata or {}).get("claimclf", {}))
    sidecar.setdefault("model_version", str(model_uri))
    trained_with = (sidecar.get("libraries") or {}).get("scikit-learn")
    from claimclf.persistence import library_versions

    installed = library_versions()["scikit-learn"]
    if trained_with and trained_with != installed and warn:
        warn(f"warning: {model_uri} was trained with scikit-learn {trained_with}, installed is {installed}")
    return pipeline, sidecar


def default_promotion_data() -> Path:
    """The team's dev set beside the project when present, else the shipped corpus."""
    dev = config.project_root().parent / "shared" / "dev" / "dev.csv"
    return dev if dev.is_file() else config.default_corpus()


@dataclass
class Comparison:
    """Candidate vs champion on one evaluation file; ``rows`` are (name, champion, candidate, rule, ok)."""

    candidate: str
    champion: str | None
    data: Path
    data_sha256: str
    n: int
    tolerance: float
    rows: list[tuple[str, float | None, float, str, bool]]

    @property
    def passed(self) -> bool:
        return all(ok for *_, ok in self.rows)

    def lines(self) -> list[str]:
        head = f"claimclf v{self.candidate} vs champion v{self.champion}" if self.champion else f"claimclf v{self.candidate}"
        out = [f"{head} on {self.data} (n={self.n}, sha256 {self.data_sha256[:12]}…):",
               f"  {'':<18} {'champion':>9} {'candidate':>10} {'change':>8}  rule"]
        for name, old, new, rule, ok in self.rows:
            if old is None:
                out.append(f"  {name:<18} {'-':>9} {new:>10.3f} {'':>8}  {rule}")
            else:
                out.append(f"  {name:<18} {old:>9.3f} {new:>10.3f} {new - old:>+8.3f}  {rule}: {'ok' if ok else 'FAILS'}")
        return out


def _evaluate_version(uri: str, version: str, df: pd.DataFrame) -> dict[str, Any]:
    from claimclf.evaluate import evaluate_frame
    from claimclf.model import predict_p_cosmetic
    from claimclf.scoring import Policy

    pipeline, sidecar = load_registered(f"{MODEL_URI_PREFIX}{REGISTERED_MODEL}/{version}", uri)
    p = predict_p_cosmetic(pipeline, df["text"].astype(str).tolist())
    return evaluate_frame(df, p, Policy.from_sidecar(sidecar))


def compare(candidate: dict[str, Any], champion: dict[str, Any] | None, tolerance: float) -> list[tuple]:
    """The promotion rules: macro-F1 not lower; no language's accuracy lower by more than ``tolerance``."""
    eps = 1e-9
    new_f1 = candidate["overall"]["macro_f1"]
    if champion is None:
        rows = [("macro-F1", None, new_f1, "no champion yet", True)]
        rows += [(f"accuracy {lang}", None, m["accuracy"], "", True) for lang, m in candidate.get("by_lang", {}).items()]
        return rows
    old_f1 = champion["overall"]["macro_f1"]
    rows = [("macro-F1", old_f1, new_f1, "not lower", new_f1 >= old_f1 - eps)]
    for lang, m in candidate.get("by_lang", {}).items():
        old = champion.get("by_lang", {}).get(lang, {}).get("accuracy")
        if old is None:
            continue
        rows.append((f"accuracy {lang}", old, m["accuracy"], f"drop <= {tolerance:g}", m["accuracy"] >= old - tolerance - eps))
    return rows


def promote(
    version: str,
    data: Path | None = None,
    tolerance: float = 0.02,
    force: bool = False,
    tracking_uri: str | None = None,
    text_col: str = "text",
    label_col: str = "label",
    echo: Callable[[str], None] = print,
) -> Comparison:
    """Point the ``champion`` alias at ``version`` if it is at least as good as the current champion.

    The comparison is printed, kept as tags on the candidate version and as a run in the
    ``claimclf-promotions`` experiment; a refusal raises :class:`PromotionRefused` unless ``force``.
    """
    from claimclf.io import read_table
    from claimclf.model import check_training_frame
    from claimclf.persistence import sha256_file

    version = str(version).lstrip("vV")
    if not version.isdigit():
        raise ClaimError(f"VERSION must be a registered version number like 3, not {version!r}")
    uri = resolve_tracking_uri(tracking_uri)
    probe(uri)
    data = Path(data) if data else default_promotion_data()
    if not data.is_file():
        raise ClaimError(f"evaluation data {data} not found: pass --data")
    tracker = Tracker(uri=uri, experiment=PROMOTION_EXPERIMENT)
    with tracker.session() as mlflow:  # locked: the first access may create the database
        from mlflow.exceptions import MlflowException

        client = mlflow.MlflowClient()
        try:
            retry(client.get_model_version, REGISTERED_MODEL, version)
        except MlflowException:
            raise ClaimError(
                f"no version {version} of registered model {REGISTERED_MODEL!r} in {display_uri(uri)}: "
                "train with tracking on first (see the versions in the MLflow UI, Models tab)"
            ) from None
        try:
            champion = retry(client.get_model_version_by_alias, REGISTERED_MODEL, CHAMPION).version
        except MlflowException:
            champion = None
    if champion is not None and str(champion) == version:
        echo(f"claimclf v{version} is already the champion: nothing to do")
        return Comparison(version, champion, data, "", 0, tolerance, [])
    df = check_training_frame(read_table(str(data)), text_col=text_col, label_col=label_col).rename(
        columns={text_col: "text", label_col: "label"}
    )
    sha = sha256_file(data)
    new = _evaluate_version(uri, version, df)
    old = _evaluate_version(uri, str(champion), df) if champion is not None else None
    result = Comparison(version, str(champion) if champion else None, data, sha, len(df), tolerance,
                        compare(new, old, tolerance))
    for line in result.lines():
        echo(line)
    status = "first" if champion is None else ("passed" if result.passed else ("forced" if force else "refused"))
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with tracker.session() as mlflow:
        client = mlflow.MlflowClient()
        record = {
            "promotion.status": status,
            "promotion.at": stamp,
            "promotion.compared_to": f"v{champion}" if champion else "none",
            "promotion.data": str(data),
            "promotion.data_sha256": sha,
            "promotion.tolerance": f"{tolerance:g}",
            "promotion.macro_f1": f"{new['overall']['macro_f1']:.4f}",
        }
        if old is not None:
            record["promotion.champion_macro_f1"] = f"{old['overall']['macro_f1']:.4f}"
        for key, value in record.items():
            retry(client.set_model_version_tag, REGISTERED_MODEL, version, key, value)
        exp_id = tracker.experiment_id(mlflow)
        with mlflow.start_run(experiment_id=exp_id, run_name=f"promote v{version}",
                              tags={"claimclf.kind": "promotion", **record}):
            retry(mlflow.log_params, {"candidate_version": version, "champion_version": str(champion),
                                      "tolerance": f"{tolerance:g}", "eval_data": data.name, "force": str(force)})
            retry(mlflow.log_metrics, {**report_metrics(new, "candidate_"),
                                       **(report_metrics(old, "champion_") if old else {})})
            retry(mlflow.log_dict, {"status": status, "rows": [list(r) for r in result.rows]}, "comparison.json")
        if result.passed or force:
            retry(client.set_registered_model_alias, REGISTERED_MODEL, CHAMPION, version)
    if status == "refused":
        raise PromotionRefused(
            f"not promoted: v{version} is worse than champion v{champion} on {data.name} "
            "(see the FAILS lines above); pass --force to promote anyway"
        )
    if status == "forced":
        echo(f"forced: champion is now v{version} although the comparison failed (recorded as promotion.status=forced)")
    elif champion is None:
        echo(f"no champion before: champion is now v{version}")
    else:
        echo(f"promoted: champion is now v{version} (was v{champion})")
    return result
