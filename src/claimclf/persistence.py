"""Model files: saving them, and the one loader that checks every file's sha256 before using it.

A model is three files: ``claimclf.joblib`` (the fitted scikit-learn pipeline, a pickle, for
retraining and MLflow), ``claimclf.scoring.npz`` (the same model as plain arrays, which
scoring and evaluation read without scikit-learn, see :mod:`claimclf.scoring.engine`) and
``claimclf.joblib.json`` (the sidecar, which records the other two files' sha256). Pickles
run code when loaded, so nothing is unpickled or read before its sha256 matches the
sidecar; a registered model (``models:/claimclf/3``) is checked the same way against the
digests recorded in the registry when it was logged.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf import __version__
from claimclf.errors import ClaimError
from claimclf.files import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

    from claimclf.scoring.engine import Engine

SIDECAR_FORMAT = 1
SERIALIZATION = "pickle+zlib"  # older sidecars without this field: a joblib file
LIBRARIES = ("scikit-learn", "jieba", "opencc", "joblib", "numpy", "scipy", "pandas")
REGISTRY_PREFIX = "models:/"
# Modules renamed since older models were pickled: unpickling maps them to where the classes live now.
MOVED = {("claimclf.calibration", "PlattCalibrated"): ("claimclf.decision", "PlattCalibrated")}


def sidecar_path(model_path: Path) -> Path:
    model_path = Path(model_path)
    return model_path.with_name(model_path.name + ".json")


def scoring_path(model_path: Path) -> Path:
    """``models/claimclf.joblib`` -> ``models/claimclf.scoring.npz``."""
    model_path = Path(model_path)
    return model_path.with_name(model_path.stem + ".scoring.npz")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "claimclf": __version__}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


# ---------------------------------------------------------------- saving


def pipeline_bytes(pipeline: Pipeline) -> bytes:
    """A zlib-compressed standard pickle: joblib.load still reads it, and pickle's C unpickler
    loads it ten times faster than joblib's pure-Python one."""
    import pickle
    import zlib

    return zlib.compress(pickle.dumps(pipeline, protocol=5), 6)


def save_model(pipeline: Pipeline, path: Path, meta: dict[str, Any], presumed_cosmetic: tuple[str, ...]) -> dict[str, Any]:
    """Write the model, its scoring arrays (with the doubt rules' names) and its sidecar; returns the sidecar."""
    from claimclf.scoring.engine import to_bytes

    path = Path(path)
    data = pipeline_bytes(pipeline)
    arrays = to_bytes(pipeline, presumed_cosmetic)
    created = datetime.now(timezone.utc)
    sidecar = {
        "format": SIDECAR_FORMAT,
        "model_version": created.strftime("%Y%m%dT%H%M%SZ"),
        "model_file": path.name,
        "model_sha256": sha256(data),
        "model_bytes": len(data),
        "serialization": SERIALIZATION,
        "scoring_file": scoring_path(path).name,
        "scoring_sha256": sha256(arrays),
        "scoring_bytes": len(arrays),
        "created_at": created.isoformat(timespec="seconds"),
        "libraries": library_versions(),
        **meta,
    }
    atomic_write_bytes(path, data)
    atomic_write_bytes(scoring_path(path), arrays)
    atomic_write_text(sidecar_path(path), sidecar_json(sidecar))
    return sidecar


def sidecar_json(sidecar: dict[str, Any]) -> str:
    return json.dumps(sidecar, indent=2, ensure_ascii=False, default=_jsonable) + "\n"


def _jsonable(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return str(value)


# ---------------------------------------------------------------- loading


@dataclass
class LoadedModel:
    """A model whose files were checked: its sidecar, its scoring arrays, and its pipeline on demand.

    ``scoring_bytes`` are the verified ``.npz`` bytes, which is what worker processes receive;
    :meth:`pipeline` unpickles only bytes whose sha256 matched.
    """

    name: str
    sidecar: dict[str, Any]
    scoring_bytes: bytes
    load_pipeline: Callable[[], Pipeline] = field(repr=False)

    def engine(self) -> Engine:
        from claimclf.scoring.engine import Engine

        return Engine.from_bytes(self.scoring_bytes, self.name)

    def pipeline(self) -> Pipeline:
        """The fitted pipeline (imports scikit-learn), unpickled from checked bytes only."""
        return self.load_pipeline()


def is_registered(ref: object) -> bool:
    return str(ref).startswith(REGISTRY_PREFIX)


def load(ref: str | Path, warn: Callable[[str], None] | None = None, tracking_uri: str | None = None) -> LoadedModel:
    """A local model file or a registered model (``models:/claimclf@champion``, ``models:/claimclf/3``), checked."""
    if is_registered(ref):
        from claimclf.tracking.registry import load_registered

        model = load_registered(str(ref), tracking_uri=tracking_uri, warn=warn)
    else:
        model = load_local(Path(ref), warn)
    check_segmenter_dictionary(model.sidecar, model.name, warn)
    return model


def load_local(path: Path, warn: Callable[[str], None] | None = None) -> LoadedModel:
    path = Path(path)
    if not path.is_file():
        raise ClaimError(f"no model at {path}: run `claimclf train` first (or pass --model)")
    sidecar = read_sidecar(path)

    def load_pipeline() -> Pipeline:
        data = checked_bytes(path, sidecar.get("model_sha256"))
        check_versions(sidecar, str(path), warn)
        return unpickle_pipeline(data, sidecar.get("serialization"), str(path))

    arrays_path = path.with_name(str(sidecar.get("scoring_file") or scoring_path(path).name))
    if sidecar.get("scoring_sha256"):
        if not arrays_path.is_file():
            raise ClaimError(f"{path} has no scoring arrays {arrays_path.name} beside it: copy the model's three files "
                             "together (.joblib, .scoring.npz, .joblib.json) or retrain with `claimclf train`")
        arrays = checked_bytes(arrays_path, sidecar["scoring_sha256"])
    else:  # saved before scoring arrays existed: converted once, at the old speed
        from claimclf.scoring.engine import to_bytes

        arrays = to_bytes(load_pipeline())
    return LoadedModel(str(path), sidecar, arrays, load_pipeline)


def read_sidecar(path: Path) -> dict[str, Any]:
    side = sidecar_path(path)
    if not side.is_file():
        raise ClaimError(
            f"{path} has no sidecar {side.name}: refusing to load a model file claimclf did not write "
            "(retrain with `claimclf train`)"
        )
    return parse_sidecar(side.read_bytes(), str(side))


def parse_sidecar(data: bytes, name: str) -> dict[str, Any]:
    try:
        sidecar = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ClaimError(f"sidecar {name} is not valid JSON: retrain with `claimclf train`") from None
    if not isinstance(sidecar, dict):
        raise ClaimError(f"sidecar {name} is not a claimclf sidecar: retrain with `claimclf train`")
    return sidecar


def checked_bytes(path: Path, expected: object) -> bytes:
    """The file's bytes, once their sha256 is the one recorded for it (read once: nothing can swap it after)."""
    data = Path(path).read_bytes()
    actual = sha256(data)
    if actual != expected:
        raise ClaimError(
            f"{path} does not match its recorded sha256 ({actual[:12]}… != {str(expected)[:12]}…): "
            "the file was changed or replaced; retrain with `claimclf train`"
        )
    return data


def check_segmenter_dictionary(sidecar: dict[str, Any], name: str, warn: Callable[[str], None] | None = None) -> None:
    """Warn when the domain dictionary that segments Chinese is not the one the model was trained with."""
    from claimclf.files import sha256_file
    from claimclf.segmenter import user_dictionary_path

    recorded = sidecar.get("jieba_user_dict_sha256")
    if recorded and recorded != sha256_file(Path(user_dictionary_path())):
        (warn or _stderr)(
            f"warning: {name} was trained with another Chinese segmentation dictionary; Chinese claims may score "
            "differently, retrain with `claimclf train` to be safe"
        )


def check_versions(sidecar: dict[str, Any], name: str, warn: Callable[[str], None] | None = None) -> None:
    """Warn when the installed scikit-learn is not the one that pickled the model."""
    trained_with = (sidecar.get("libraries") or {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if trained_with and trained_with != installed:
        (warn or _stderr)(
            f"warning: {name} was trained with scikit-learn {trained_with}, installed is {installed}; "
            "predictions may differ, retrain with `claimclf train` to be safe"
        )


def unpickle_pipeline(data: bytes, serialization: str | None, name: str = "the model") -> Pipeline:
    """Unpickle bytes whose sha256 was checked."""
    try:
        pipeline = _unpickle(data, serialization)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means the same thing to the user
        raise ClaimError(f"cannot load {name} ({type(exc).__name__}): retrain with `claimclf train`") from None
    if not hasattr(pipeline, "predict_proba"):
        raise ClaimError(f"{name} does not hold a claimclf model: retrain with `claimclf train`")
    return pipeline


def _unpickle(data: bytes, serialization: str | None) -> Any:
    import io
    import pickle

    if serialization == SERIALIZATION:
        import zlib

        data = zlib.decompress(data)
    elif serialization is None:  # a joblib file from before the pickle+zlib format
        import joblib

        return joblib.load(io.BytesIO(data))

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            return super().find_class(*MOVED.get((module, name), (module, name)))

    return Unpickler(io.BytesIO(data)).load()


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
