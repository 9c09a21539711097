"""Where runs go and how claimclf writes there safely: URIs, the store lock, retries, the reachability probe.

``mlflow`` is imported only inside functions: commands that do not track never pay for it.
SQLite allows one writer at a time: a file lock beside the database serialises claimclf
processes, and calls that still meet "database is locked" (another tool writing) are retried
with backoff.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimclf import config
from claimclf.errors import ClaimError

DEFAULT_EXPERIMENT = "claimclf"
# MLflow 3's UI opens an experiment without a kind on its GenAI overview; this kind opens "Model training".
EXPERIMENT_KIND = "mlflow.experimentKind"
EXPERIMENT_TAGS = {EXPERIMENT_KIND: "custom_model_development"}
LOCK_TIMEOUT_S = 900  # a training's logging takes seconds; waiting longer means something is stuck
PROBE_TIMEOUT_S = 5
# Settings only take effect if the user has not set them: a dead server fails in seconds, not minutes.
HTTP_DEFAULTS = {
    "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "2",
    "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR": "1",
    "MLFLOW_HTTP_REQUEST_TIMEOUT": "30",
}
# With tqdm installed (cleanlab needs it), MLflow draws download bars on stderr; claimclf's stderr is its own.
QUIET_DEFAULTS = {"MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false"}


class TrackingError(ClaimError):
    """The tracking store cannot be used: unreachable, unwritable, or a write failed."""

    exit_code = 3


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

    for name, value in {**HTTP_DEFAULTS, **QUIET_DEFAULTS}.items():
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


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


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
                return retry(client.create_experiment, name, artifact_location=location, tags=EXPERIMENT_TAGS)
            except MlflowException:  # created meanwhile by a process we do not lock against
                exp = retry(client.get_experiment_by_name, name)
                if exp is None:
                    raise
        if exp.lifecycle_stage == "deleted":
            raise TrackingError(
                f"experiment {name!r} is deleted in {display_uri(self.uri)}: restore it in the UI or pass --experiment"
            )
        if EXPERIMENT_KIND not in (exp.tags or {}):  # made by an older claimclf, or by hand
            retry(client.set_experiment_tag, exp.experiment_id, EXPERIMENT_KIND, EXPERIMENT_TAGS[EXPERIMENT_KIND])
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
                    f"recording in MLflow ({display_uri(self.uri)}) failed: {type(exc).__name__}: {first_line(exc)}"
                ) from None


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
