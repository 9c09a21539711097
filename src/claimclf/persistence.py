"""Saving and loading models: the joblib file, its scoring arrays, its JSON sidecar, and the integrity checks.

A model is three files: ``claimclf.joblib`` (the fitted scikit-learn pipeline, for
evaluation, tracking and retraining), ``claimclf.scoring.npz`` (the same model as plain
arrays, see :mod:`claimclf.compact`, which scoring loads without importing scikit-learn)
and ``claimclf.joblib.json`` (the sidecar). joblib files are pickles and run code when
loaded, so the sidecar's sha256 is checked before a file is unpickled: a changed or
foreign file is refused. The scoring arrays are checked the same way.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf import __version__
from claimclf.errors import ClaimError
from claimclf.io import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

    from claimclf.compact import CompactModel

SIDECAR_FORMAT = 1
SERIALIZATION = "pickle+zlib"  # older sidecars without this field: a joblib file
LIBRARIES = ("scikit-learn", "jieba", "joblib", "numpy", "scipy", "pandas")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sidecar_path(model_path: Path) -> Path:
    model_path = Path(model_path)
    return model_path.with_name(model_path.name + ".json")


def scoring_path(model_path: Path) -> Path:
    """``models/claimclf.joblib`` -> ``models/claimclf.scoring.npz``."""
    model_path = Path(model_path)
    return model_path.with_name(model_path.stem + ".scoring.npz")


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "claimclf": __version__}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def save_model(pipeline: Pipeline, path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Write the model, its scoring arrays and its sidecar; returns the sidecar as written."""
    import pickle
    import zlib

    from claimclf.compact import to_bytes

    path = Path(path)
    # A zlib-compressed standard pickle: joblib.load still reads it, and pickle's C unpickler
    # loads it ten times faster than joblib's pure-Python one (see load_model).
    data = zlib.compress(pickle.dumps(pipeline, protocol=5), 6)
    arrays = to_bytes(pipeline)
    created = datetime.now(timezone.utc)
    sidecar = {
        "format": SIDECAR_FORMAT,
        "model_version": created.strftime("%Y%m%dT%H%M%SZ"),
        "model_file": path.name,
        "model_sha256": hashlib.sha256(data).hexdigest(),
        "model_bytes": len(data),
        "serialization": SERIALIZATION,
        "scoring_file": scoring_path(path).name,
        "scoring_sha256": hashlib.sha256(arrays).hexdigest(),
        "scoring_bytes": len(arrays),
        "created_at": created.isoformat(timespec="seconds"),
        "libraries": library_versions(),
        **meta,
    }
    atomic_write_bytes(path, data)
    atomic_write_bytes(scoring_path(path), arrays)
    atomic_write_text(sidecar_path(path), json.dumps(sidecar, indent=2, ensure_ascii=False, default=_jsonable) + "\n")
    return sidecar


def _jsonable(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return str(value)


def read_sidecar(path: Path) -> dict[str, Any]:
    side = sidecar_path(path)
    if not side.is_file():
        raise ClaimError(
            f"{path} has no sidecar {side.name}: refusing to load a model file claimclf did not write "
            "(retrain with `claimclf train`)"
        )
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ClaimError(f"sidecar {side} is not valid JSON: retrain with `claimclf train`") from None


def load_model(path: Path, warn=None) -> tuple[Pipeline, dict[str, Any]]:
    """The fitted pipeline and its sidecar, after the integrity and version checks."""
    path = Path(path)
    data, sidecar = verify_model(path, warn)
    return model_from_bytes(data, sidecar, str(path)), sidecar


def load_scoring_model(path: Path, warn=None) -> tuple[CompactModel, dict[str, Any]]:
    """The model as scoring uses it (:class:`claimclf.compact.CompactModel`) and its sidecar."""
    from claimclf.compact import CompactModel

    data, sidecar = verify_scoring(path, warn)
    return CompactModel.from_bytes(data, str(path)), sidecar


def model_from_bytes(data: bytes, sidecar: dict[str, Any], name: str = "the model") -> Pipeline:
    """Unpickle bytes that :func:`verify_model` checked (worker processes get the bytes, not the path)."""
    try:
        pipeline = _unpickle(data, sidecar.get("serialization"))
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means the same thing to the user
        raise ClaimError(f"cannot load {name} ({type(exc).__name__}): retrain with `claimclf train`") from None
    if not hasattr(pipeline, "predict_proba"):
        raise ClaimError(f"{name} does not hold a claimclf model: retrain with `claimclf train`")
    return pipeline


def verify_model(path: Path, warn=None) -> tuple[bytes, dict[str, Any]]:
    """The model file's bytes and its sidecar, checked but not unpickled (so without importing scikit-learn).

    The bytes are hashed and later unpickled from memory: nothing can swap the file in between.
    """
    path = Path(path)
    sidecar = _model_sidecar(path)
    data = _checked_bytes(path, sidecar.get("model_sha256"))
    trained_with = sidecar.get("libraries", {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if trained_with and trained_with != installed:
        (warn or _stderr)(
            f"warning: model trained with scikit-learn {trained_with}, installed is {installed}; "
            "predictions may differ, retrain with `claimclf train` to be safe"
        )
    return data, sidecar


def verify_scoring(path: Path, warn=None) -> tuple[bytes, dict[str, Any]]:
    """The checked bytes of the model's scoring arrays and its sidecar, without importing scikit-learn.

    A model saved before scoring arrays existed is unpickled and converted here, once, at the
    old speed.
    """
    path = Path(path)
    sidecar = _model_sidecar(path)
    if not sidecar.get("scoring_sha256"):
        from claimclf.compact import to_bytes

        data, sidecar = verify_model(path, warn)
        return to_bytes(model_from_bytes(data, sidecar, str(path))), sidecar
    arrays_path = path.with_name(str(sidecar.get("scoring_file") or scoring_path(path).name))
    if not arrays_path.is_file():
        raise ClaimError(f"{path} has no scoring arrays {arrays_path.name} beside it: copy the model's three files "
                         "together (.joblib, .scoring.npz, .joblib.json) or retrain with `claimclf train`")
    return _checked_bytes(arrays_path, sidecar["scoring_sha256"]), sidecar


def _model_sidecar(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ClaimError(f"no model at {path}: run `claimclf train` first (or pass --model)")
    return read_sidecar(path)


def _checked_bytes(path: Path, expected: object) -> bytes:
    """The file's bytes, once their sha256 is the one the sidecar recorded."""
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ClaimError(
            f"{path} does not match its sidecar (sha256 {actual[:12]}… != {str(expected)[:12]}…): "
            "the file was changed or replaced; retrain with `claimclf train`"
        )
    return data


def _unpickle(data: bytes, serialization: str | None) -> Any:
    if serialization == SERIALIZATION:
        import pickle
        import zlib

        return pickle.loads(zlib.decompress(data))
    import io

    import joblib

    return joblib.load(io.BytesIO(data))


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
