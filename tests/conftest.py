"""Shared fixtures: a small generated corpus and a model trained on it, real files throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "dev" / "dev.csv"
GUIDE = SHARED / "labelling-guide.md"


def require_shared(path: Path) -> Path:
    """The ../shared file, or skip saying why (a user's clone has no ../shared/)."""
    if not path.is_file():
        pytest.skip(f"{path} is not here: it sits beside the project only in the team's checkout")
    return path


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
