"""Paths resolved from the project root, and defaults shared by the commands."""

from __future__ import annotations

import os
from pathlib import Path

REVIEW_BAND = (0.35, 0.65)
EVIDENCE_TERMS = 4
LABELS = ("therapeutic", "cosmetic")  # index 1 is the positive class: p_cosmetic
POSITIVE = "cosmetic"


def project_root() -> Path:
    """``CLAIMCLF_HOME`` if set, else the source checkout this package runs from, else the working directory."""
    env = os.environ.get("CLAIMCLF_HOME")
    if env:
        return Path(env).expanduser().resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        pyproject = parent / "pyproject.toml"
        if pyproject.is_file() and 'name = "claimclf"' in pyproject.read_text(encoding="utf-8", errors="ignore"):
            return parent
    return Path.cwd()


def resources_dir() -> Path:
    """The package's data files (the jieba user dictionary, the presumed-cosmetic list)."""
    return Path(__file__).resolve().parent / "resources"


def data_dir() -> Path:
    return project_root() / "data"


def default_corpus() -> Path:
    return data_dir() / "claims_labelled.csv"


def default_sample() -> Path:
    return data_dir() / "sample" / "claims.csv"


def default_model() -> Path:
    return project_root() / "models" / "claimclf.joblib"


def default_report_dir() -> Path:
    return project_root() / "reports"


def experiments_dir() -> Path:
    return project_root() / "experiments"
