"""Saving and loading models: the joblib file, its JSON sidecar, and the integrity check.

joblib files are pickles and run code when loaded, so the sidecar's sha256 is
checked before a file is unpickled: a changed or foreign file is refused.
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


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "claimclf": __version__}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def save_model(pipeline: Pipeline, path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Write the model and its sidecar; returns the sidecar as written."""
    import pickle
    import zlib

    path = Path(path)
    # A zlib-compressed standard pickle: joblib.load still reads it, and pickle's C unpickler
    # loads it ten times faster than joblib's pure-Python one (see load_model).
    data = zlib.compress(pickle.dumps(pipeline, protocol=5), 6)
    created = datetime.now(timezone.utc)
    sidecar = {
        "format": SIDECAR_FORMAT,
        "model_version": created.strftime("%Y%m%dT%H%M%SZ"),
        "model_file": path.name,
        "model_sha256": hashlib.sha256(data).hexdigest(),
        "model_bytes": len(data),
        "serialization": SERIALIZATION,
        "created_at": created.isoformat(timespec="seconds"),
        "libraries": library_versions(),
        **meta,
    }
    atomic_write_bytes(path, data)
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
    if not path.is_file():
        raise ClaimError(f"no model at {path}: run `claimclf train` first (or pass --model)")
    sidecar = read_sidecar(path)
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != sidecar.get("model_sha256"):
        raise ClaimError(
            f"{path} does not match its sidecar (sha256 {actual[:12]}… != {str(sidecar.get('model_sha256'))[:12]}…): "
            "the file was changed or replaced; retrain with `claimclf train`"
        )
    trained_with = sidecar.get("libraries", {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if trained_with and trained_with != installed:
        (warn or _stderr)(
            f"warning: model trained with scikit-learn {trained_with}, installed is {installed}; "
            "predictions may differ, retrain with `claimclf train` to be safe"
        )
    return data, sidecar


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
