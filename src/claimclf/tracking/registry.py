"""The ``claimclf`` registered model: logging a version, loading one (checked), and the promotion rule.

A logged version carries the local model's three files: the served pipeline (``model.pkl``,
for pyfunc and Spark) and, as extra files, the scoring arrays and the sidecar. The sha256 of
each is recorded as a tag of the registered version, in the tracking database, when it is
logged; loading a version checks every file it reads against those tags before using it, so a
file replaced in the artifact store is refused, never unpickled.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.errors import ClaimError
from claimclf.tracking.store import display_uri, first_line, resolve_tracking_uri, retry, sqlite_path, using

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

    from claimclf.persistence import LoadedModel

REGISTERED_MODEL = "claimclf"
CHAMPION = "champion"
PROMOTION_EXPERIMENT = "claimclf-promotions"
ARTIFACT = "model"
PICKLE_FILE = "model.pkl"
EXTRA_DIR = "extra_files"
# Version tags holding the sha256 of each file of a logged version.
DIGEST_TAGS = {"model.pkl": "claimclf.model_pkl_sha256", "scoring": "claimclf.scoring_sha256",
               "sidecar": "claimclf.sidecar_sha256"}
# Invented claims, never taken from data: the model's input example.
SYNTHETIC_EXAMPLES = [
    "Upper eyelid skin rests on the lashes; superior visual field 20 degrees, 40 degrees with lids taped.",
    "Would like a smaller nose tip for photos; breathing is fine and there was no injury.",
    "烧伤后颈部瘢痕挛缩，颈部后伸受限约30度，影响日常活动，申请瘢痕松解术。",
]


class PromotionRefused(ClaimError):
    """The candidate is worse than the champion on the evaluation data (``--force`` overrides)."""

    exit_code = 4


# ---------------------------------------------------------------- logging a version


def _pip_requirements() -> list[str]:
    from importlib import metadata

    reqs = []
    for name in ("mlflow", "scikit-learn", "jieba", "numpy", "scipy", "pandas", "cloudpickle"):
        try:
            reqs.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            reqs.append(name)
    return reqs


def log_model(mlflow, pipeline: Pipeline, model_path: Path, sidecar: dict[str, Any], register: bool = True):
    """Log the served pipeline with the scoring arrays and sidecar as extra files; returns (ModelInfo, digest tags).

    The digests are of the files as stored, read back from the artifact store after logging.
    """
    import json

    import pandas as pd
    from mlflow.models import infer_signature

    from claimclf.files import sha256_file
    from claimclf.persistence import scoring_path, sidecar_path
    from claimclf.tracking.served import served_model

    model = served_model(pipeline)
    example = pd.DataFrame({"text": SYNTHETIC_EXAMPLES})
    signature = infer_signature(example, model.predict_proba(example))
    keep = ("model_version", "model_sha256", "scoring_sha256", "decision_policy", "calibration", "params")
    meta = json.loads(json.dumps({k: sidecar[k] for k in keep if k in sidecar}, default=str))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the pickle-format caution: claimclf models are pickles by design
        info = retry(
            mlflow.sklearn.log_model,
            sk_model=model,
            name=ARTIFACT,
            signature=signature,
            input_example=example,
            pyfunc_predict_fn="predict_proba",
            serialization_format="cloudpickle",  # skops takes minutes and ~100 MB for the TF-IDF vocabularies
            pip_requirements=_pip_requirements(),
            metadata={"claimclf": meta},
            extra_files=[str(scoring_path(model_path)), str(sidecar_path(model_path))],
            registered_model_name=REGISTERED_MODEL if register else None,
        )
    with tempfile.TemporaryDirectory() as tmp:
        stored = Path(mlflow.artifacts.download_artifacts(artifact_uri=info.model_uri, dst_path=tmp))
        digests = {
            DIGEST_TAGS["model.pkl"]: sha256_file(stored / PICKLE_FILE),
            DIGEST_TAGS["scoring"]: sha256_file(stored / EXTRA_DIR / scoring_path(model_path).name),
            DIGEST_TAGS["sidecar"]: sha256_file(stored / EXTRA_DIR / sidecar_path(model_path).name),
        }
    return info, digests


# ---------------------------------------------------------------- which version a model is


def logged_model_id(version) -> str | None:
    """The MLflow 3 logged model behind a registered version: where its evaluations are recorded."""
    model_id = getattr(version, "model_id", None)
    if model_id:
        return model_id
    source = version.source or ""
    return source[len("models:/"):] if source.startswith("models:/m-") else None


def registered_version(client, model_ref: str, sidecar: dict[str, Any]):
    """The registered version ``model_ref`` is: the one a ``models:/`` URI names, or for a local model
    file the latest version logged with the same scoring arrays (None when it was never registered)."""
    from mlflow.exceptions import MlflowException

    if str(model_ref).startswith("models:/"):
        try:
            return _version(client, str(model_ref))
        except MlflowException:
            return None
    digest = sidecar.get("scoring_sha256")
    if not digest:
        return None
    try:
        found = retry(client.search_model_versions, f"name = '{REGISTERED_MODEL}'")
    except MlflowException:
        return None
    same = [v for v in found if (v.tags or {}).get(DIGEST_TAGS["scoring"]) == digest]
    # identical arrays can come from two trainings; the sidecar's timestamp tells them apart
    exact = [v for v in same if (v.tags or {}).get("claimclf.model_version") == str(sidecar.get("model_version"))]
    chosen = exact or same
    return max(chosen, key=lambda v: int(v.version)) if chosen else None


def crown_if_first(client, version: str) -> bool:
    """Make ``version`` the champion when it is the first version in an empty registry.

    So that ``models:/claimclf@champion`` works after the first training; later versions become
    champion only through ``claimclf promote``.
    """
    from datetime import datetime, timezone

    from mlflow.exceptions import MlflowException

    try:
        retry(client.get_model_version_by_alias, REGISTERED_MODEL, CHAMPION)
        return False
    except MlflowException:
        pass
    if len(retry(client.search_model_versions, f"name = '{REGISTERED_MODEL}'")) != 1:
        return False  # a registry whose champion was removed: promotion decides
    retry(client.set_registered_model_alias, REGISTERED_MODEL, CHAMPION, version)
    record = {"promotion.status": "first", "promotion.compared_to": "none",
              "promotion.at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "promotion.rule": "the first version in an empty registry"}
    for key, value in record.items():
        retry(client.set_model_version_tag, REGISTERED_MODEL, version, key, value)
    return True


# ---------------------------------------------------------------- loading a version


def _version(client, model_uri: str):
    """The registered version a ``models:/claimclf/3`` or ``models:/claimclf@alias`` URI names."""
    ref = model_uri[len("models:/"):]
    name, sep, alias = ref.partition("@")
    if sep:
        return retry(client.get_model_version_by_alias, name, alias)
    name, sep, number = ref.partition("/")
    if not sep or not number.isdigit():
        raise ClaimError(f"{model_uri} is not a registered version: use models:/{REGISTERED_MODEL}/3 or "
                         f"models:/{REGISTERED_MODEL}@{CHAMPION}")
    return retry(client.get_model_version, name, number)


def load_registered(model_uri: str, tracking_uri: str | None = None,
                    warn: Callable[[str], None] | None = None) -> LoadedModel:
    """A registered version, each of its files checked against the digests recorded when it was logged."""
    from claimclf.persistence import LoadedModel, checked_bytes, parse_sidecar

    uri = resolve_tracking_uri(tracking_uri)
    db = sqlite_path(uri)
    if db is not None and not db.is_file():
        raise ClaimError(f"cannot load {model_uri}: no tracking store at {db} (train with tracking on, or set "
                         "MLFLOW_TRACKING_URI)")
    tmp = tempfile.TemporaryDirectory(prefix="claimclf-model-")
    try:
        with using(uri) as mlflow:
            version = _version(mlflow.MlflowClient(), model_uri)
            tags = dict(version.tags or {})
            missing = [tag for tag in (DIGEST_TAGS["scoring"], DIGEST_TAGS["sidecar"]) if not tags.get(tag)]
            if missing:
                raise ClaimError(f"{model_uri} (version {version.version}) records no sha256 of its files, so it "
                                 "cannot be checked: retrain it with `claimclf train` to register a new version")
            stored = Path(mlflow.artifacts.download_artifacts(artifact_uri=version.source, dst_path=tmp.name))
    except ClaimError:
        tmp.cleanup()
        raise
    except Exception as exc:  # noqa: BLE001 - MlflowException, OSError, store errors: one line for the user
        tmp.cleanup()
        if os.environ.get("CLAIMCLF_DEBUG"):
            raise
        raise ClaimError(f"cannot load {model_uri} from {display_uri(uri)}: {first_line(exc)}") from None
    try:
        extra = stored / EXTRA_DIR
        sidecar_file = next(extra.glob("*.json"), extra / "sidecar.json")
        scoring_file = next(extra.glob("*.npz"), extra / "scoring.npz")
        for path in (sidecar_file, scoring_file):
            if not path.is_file():
                raise ClaimError(f"{model_uri} (version {version.version}) has no {path.name} in the artifact store: "
                                 "retrain with `claimclf train`")
        sidecar = parse_sidecar(checked_bytes(sidecar_file, tags[DIGEST_TAGS["sidecar"]]), f"of {model_uri}")
        arrays = checked_bytes(scoring_file, tags[DIGEST_TAGS["scoring"]])
        pickle_data = None
        if (stored / PICKLE_FILE).is_file() and tags.get(DIGEST_TAGS["model.pkl"]):
            pickle_data = checked_bytes(stored / PICKLE_FILE, tags[DIGEST_TAGS["model.pkl"]])
    finally:
        tmp.cleanup()
    sidecar["registered_version"] = str(version.version)

    def load_pipeline() -> Pipeline:
        from claimclf.persistence import check_versions, unpickle_pipeline
        from claimclf.tracking.served import unwrap

        if pickle_data is None:
            raise ClaimError(f"{model_uri} has no checked {PICKLE_FILE}: retrain with `claimclf train`")
        check_versions(sidecar, model_uri, warn)
        return unwrap(unpickle_pipeline(pickle_data, "pickle", model_uri))

    return LoadedModel(model_uri, sidecar, arrays, load_pipeline)


# ---------------------------------------------------------------- promotion


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


def comparison_record(result: Comparison, status: str) -> dict[str, Any]:
    """``comparison.json``: each rule as named fields, so it reads without the code that wrote it."""
    return {
        "status": status,
        "candidate_version": result.candidate,
        "champion_version": result.champion,
        "data": str(result.data),
        "data_sha256": result.data_sha256,
        "n": result.n,
        "tolerance": result.tolerance,
        "rows": [{"metric": name, "champion": old, "candidate": new, "rule": rule, "passed": ok}
                 for name, old, new, rule, ok in result.rows],
    }


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


def versions(tracker, version: str) -> str | None:
    """Check ``version`` is registered; the current champion's version (None when there is none)."""
    with tracker.session() as mlflow:  # locked: the first access may create the database
        from mlflow.exceptions import MlflowException

        client = mlflow.MlflowClient()
        try:
            retry(client.get_model_version, REGISTERED_MODEL, version)
        except MlflowException:
            raise ClaimError(
                f"no version {version} of registered model {REGISTERED_MODEL!r} in {display_uri(tracker.uri)}: "
                "train with tracking on first (see the versions in the MLflow UI, Models tab)"
            ) from None
        try:
            return str(retry(client.get_model_version_by_alias, REGISTERED_MODEL, CHAMPION).version)
        except MlflowException:
            return None


def record_promotion(tracker, result: Comparison, status: str, force: bool, new: dict[str, Any],
                     old: dict[str, Any] | None, move_alias: bool) -> None:
    """Tags on the candidate version, a run in the promotions experiment, and the alias when it moves."""
    from datetime import datetime, timezone

    from claimclf.tracking.runs import report_metrics

    version, champion = result.candidate, result.champion
    record = {
        "promotion.status": status,
        "promotion.at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "promotion.compared_to": f"v{champion}" if champion else "none",
        "promotion.data": str(result.data),
        "promotion.data_sha256": result.data_sha256,
        "promotion.tolerance": f"{result.tolerance:g}",
        "promotion.macro_f1": f"{new['overall']['macro_f1']:.4f}",
    }
    if old is not None:
        record["promotion.champion_macro_f1"] = f"{old['overall']['macro_f1']:.4f}"
    with tracker.session() as mlflow:
        client = mlflow.MlflowClient()
        for key, value in record.items():
            retry(client.set_model_version_tag, REGISTERED_MODEL, version, key, value)
        exp_id = tracker.experiment_id(mlflow)
        with mlflow.start_run(experiment_id=exp_id, run_name=f"promote v{version}",
                              tags={"claimclf.kind": "promotion", **record}):
            retry(mlflow.log_params, {"candidate_version": version, "champion_version": str(champion),
                                      "tolerance": f"{result.tolerance:g}", "eval_data": result.data.name,
                                      "force": str(force)})
            retry(mlflow.log_metrics, {**report_metrics(new, "candidate_"),
                                       **(report_metrics(old, "champion_") if old else {})})
            retry(mlflow.log_dict, comparison_record(result, status), "comparison.json")
        if move_alias:
            retry(client.set_registered_model_alias, REGISTERED_MODEL, CHAMPION, version)
