"""Shared fixtures: a small generated corpus and a model trained on it, real files throughout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "dev" / "dev.csv"
REAL_DEV_SET = SHARED / "real" / "real_dev.csv"
GUIDE = SHARED / "labelling-guide.md"


def require_shared(path: Path) -> Path:
    """The ../shared file, or skip saying why (a user's clone has no ../shared/)."""
    if not path.is_file():
        pytest.skip(f"{path} is not here: it sits beside the project only in the team's checkout")
    return path


@pytest.fixture(scope="session", autouse=True)
def mlflow_store_in_tmp(tmp_path_factory) -> Iterator[str]:
    """Tracking is on by default: every test's train/evaluate runs (and subprocesses, which inherit
    the environment) go to a throwaway SQLite store, never the project's experiments/ store."""
    import os

    uri = f"sqlite:///{tmp_path_factory.mktemp('mlflow') / 'mlflow.db'}"
    saved = {k: os.environ.get(k) for k in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI")}
    os.environ["MLFLOW_TRACKING_URI"] = uri
    os.environ.pop("MLFLOW_REGISTRY_URI", None)
    yield uri
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    from claimclf.corpus.generator import write_corpus

    path = tmp_path_factory.mktemp("corpus") / "small.csv"
    write_corpus(path, n_rows=600, seed=11)
    return path


@pytest.fixture(scope="session")
def small_model(tmp_path_factory, small_corpus) -> Path:
    """A model trained through the real CLI on the small corpus (no search, to stay quick)."""
    from typer.testing import CliRunner

    from claimclf.cli import app

    path = tmp_path_factory.mktemp("model") / "model.joblib"
    result = CliRunner().invoke(app, ["train", "--data", str(small_corpus), "--model", str(path), "--no-search", "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def tmpfs(tmp_path) -> Iterator:
    """``tmpfs(size, read_only=False)`` mounts a small RAM file system and gives its path, so a full disk
    (ENOSPC) or a read-only one (EROFS) is real, not injected. Skips where mounting is not allowed."""
    import subprocess

    mounted: list[Path] = []

    def mount(size: str = "64k", read_only: bool = False) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        options = f"size={size},mode=0777" + (",ro" if read_only else "")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)")
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture(scope="session")
def scoring_engine(small_model):
    """The small model's scoring arrays, as every scoring process loads them."""
    from claimclf.persistence import load
    from claimclf.scoring.engine import Engine, to_bytes

    return Engine.from_bytes(to_bytes(load(small_model).pipeline()))


@pytest.fixture(scope="session")
def corpus_and_dev_texts(small_corpus) -> list[str]:
    """The small corpus's texts, and the development sets' where they are here (the corpus alone in a user's clone)."""
    import pandas as pd

    found = pd.read_csv(small_corpus)["text"].tolist()
    for path in (DEV_SET, REAL_DEV_SET):
        if path.is_file():
            found += pd.read_csv(path)["text"].astype(str).tolist()
    return found
