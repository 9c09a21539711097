"""Labelled data: the one way it comes in (:func:`read_labelled`), its checks, and its fingerprint.

Training, evaluation and promotion all read labelled files through :func:`read_labelled`;
``claimclf data validate`` prints the full report of :func:`validate`, with the same label rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS
from claimclf.errors import ClaimError

if TYPE_CHECKING:
    import pandas as pd

REQUIRED = ("id", "text", "label", "lang")
BALANCE_TOLERANCE = 0.15  # a language whose cosmetic share is outside 0.5 ± this is flagged
MIN_TRAINING_ROWS = 10


def clean_labels(labels: pd.Series) -> pd.Series:
    """Labels as claimclf compares them: ``" Cosmetic"`` is ``"cosmetic"``."""
    return labels.astype(str).str.strip().str.lower()


def read_labelled(
    path: str | Path,
    text_col: str = "text",
    label_col: str = "label",
    fmt: str | None = None,
    encoding: str = "utf-8-sig",
    for_training: bool = False,
) -> pd.DataFrame:
    """A labelled file as a frame with ``text`` and ``label`` columns (others kept), rows without text dropped.

    Refuses, with a message that says what to do, a missing column, an unknown label, and (for
    training) too few rows or a single class.
    """
    from claimclf.tables import read_table

    df = read_table(str(path), fmt=fmt, encoding=encoding)
    for col in (text_col, label_col):
        if col not in df.columns:
            option = "--text-col" if col == text_col else "--label-col"
            raise ClaimError(
                f"{path} has no {col!r} column (columns: {', '.join(map(str, df.columns))}): pass {option} NAME"
            )
    df = df.rename(columns={text_col: "text", label_col: "label"}) if (text_col, label_col) != ("text", "label") else df.copy()
    df["label"] = clean_labels(df["label"])
    bad = df.loc[~df["label"].isin(LABELS), "label"]
    if len(bad):
        examples = ", ".join(repr(v) for v in bad.unique()[:3])
        rows = ", ".join(str(i + 2) for i in bad.index[:3])
        raise ClaimError(f"{path}: unknown label {examples} (file line {rows}); labels must be 'therapeutic' or 'cosmetic'")
    texts = df["text"].astype(str).str.strip()
    df = df.loc[(texts != "") & df["text"].notna()].reset_index(drop=True)
    if not for_training:
        if df.empty:
            raise ClaimError(f"{path} has no labelled rows with text")
        return df
    check_trainable(df, str(path))
    return df


def check_trainable(df: pd.DataFrame, where: str) -> None:
    """Enough rows and both classes, or a message that says what to add."""
    if len(df) < MIN_TRAINING_ROWS:
        raise ClaimError(f"only {len(df)} labelled rows with text in {where}: training needs at least {MIN_TRAINING_ROWS}")
    counts = df["label"].value_counts()
    if len(counts) < 2:
        other = "cosmetic" if counts.index[0] == "therapeutic" else "therapeutic"
        raise ClaimError(f"training data {where} has only one class ({counts.index[0]!r}): add rows labelled {other}")
    if counts.min() < 2:
        raise ClaimError(f"class {counts.idxmin()!r} has a single row: cross-validation needs at least two per class")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    blocking: bool = True


@dataclass
class ValidationReport:
    rows: int
    checks: list[Check] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks if c.blocking)

    def lines(self) -> list[str]:
        out = [f"{self.rows} rows"]
        for c in self.checks:
            mark = "ok  " if c.ok else ("FAIL" if c.blocking else "warn")
            out.append(f"  [{mark}] {c.name}: {c.detail}")
        return out


def validate(df: pd.DataFrame) -> ValidationReport:
    """Schema, label values, empty and duplicate texts, conflicting labels, balance by language."""
    report = ValidationReport(rows=len(df))
    missing = [c for c in REQUIRED if c not in df.columns]
    report.checks.append(
        Check("schema", not missing, f"missing column(s): {', '.join(missing)}" if missing else
              f"columns {', '.join(map(str, df.columns))}")
    )
    if "text" not in df.columns or "label" not in df.columns:
        return report
    labels = clean_labels(df["label"])
    unknown = sorted(set(labels) - set(LABELS))
    report.checks.append(
        Check("label values", not unknown,
              f"unknown: {', '.join(repr(u) for u in unknown[:5])} (allowed: therapeutic, cosmetic)" if unknown
              else "therapeutic / cosmetic only")
    )
    text = df["text"].astype(str)
    empty = int((text.str.strip() == "").sum())
    report.checks.append(Check("empty texts", empty == 0, f"{empty} row(s) with no text"))
    dup_mask = text.duplicated(keep=False)
    conflicts = df.loc[dup_mask].assign(_t=text[dup_mask], _l=labels[dup_mask]).groupby("_t")["_l"].nunique()
    n_conflict = int((conflicts > 1).sum())
    report.checks.append(Check("one text, two labels", n_conflict == 0, f"{n_conflict} text(s) carry both labels"))
    n_dup = int(text.duplicated().sum())
    report.checks.append(Check("duplicate texts", n_dup == 0, f"{n_dup} repeated row(s)", blocking=False))
    if "id" in df.columns:
        n_dup_id = int(df["id"].astype(str).duplicated().sum())
        report.checks.append(Check("unique ids", n_dup_id == 0, f"{n_dup_id} repeated id(s)"))
    classes = sorted(set(labels) & set(LABELS))
    report.checks.append(Check("two classes", len(classes) == 2, f"classes present: {', '.join(classes) or 'none'}"))
    if "lang" in df.columns:
        flagged = []
        by_lang: dict[str, dict[str, int]] = {}
        for lang, group in df.assign(_l=labels).groupby("lang"):
            counts = group["_l"].value_counts().to_dict()
            by_lang[str(lang)] = {k: int(v) for k, v in counts.items()}
            share = counts.get("cosmetic", 0) / max(len(group), 1)
            if abs(share - 0.5) > BALANCE_TOLERANCE:
                flagged.append(f"{lang} {share:.0%} cosmetic")
        report.counts["by_lang_label"] = by_lang
        detail = "; ".join(f"{k}: " + ", ".join(f"{lab} {n}" for lab, n in sorted(v.items())) for k, v in by_lang.items())
        report.checks.append(
            Check("class balance by language", not flagged,
                  (f"unbalanced: {', '.join(flagged)}; " if flagged else "") + detail, blocking=False)
        )
    return report


def fingerprint(path: Path, df: pd.DataFrame) -> dict[str, Any]:
    """What identifies training data in a sidecar or an MLflow run: never any of its text."""
    from claimclf.files import sha256_file

    out: dict[str, Any] = {"path": str(path), "sha256": sha256_file(Path(path)), "rows": int(len(df))}
    for column in ("lang", "label"):
        if column in df.columns:
            out[f"rows_by_{column}"] = {str(k): int(v) for k, v in df[column].value_counts().sort_index().items()}
    return out


def read_training_files(paths: list[Path], weights: dict[str, float], text_col: str = "text",
                        label_col: str = "label") -> pd.DataFrame:
    """Several labelled files as one training frame, each row marked with its ``source_file`` and ``weight``.

    ``weights`` maps a file (as given, or its name) to the weight of each of its rows (default 1).
    """
    import pandas as pd

    names = [Path(p).name for p in paths]
    if len(set(names)) != len(names):
        raise ClaimError(f"two --data files share a name ({', '.join(sorted({n for n in names if names.count(n) > 1}))}): "
                         "rename one, so that results can say which file a row came from")
    unknown = set(weights) - {str(p) for p in paths} - set(names)
    if unknown:
        raise ClaimError(f"--weight names {', '.join(sorted(unknown))}, which is not a --data file: use FILE=WEIGHT "
                         "with a file given to --data")
    frames = []
    for path, name in zip(paths, names, strict=True):
        df = read_labelled(path, text_col, label_col, for_training=len(paths) == 1)
        weight = weights.get(str(path), weights.get(name, 1.0))
        frames.append(df.assign(source_file=name, weight=float(weight)))
    merged = pd.concat(frames, ignore_index=True)
    check_trainable(merged, ", ".join(names))
    return merged


def parse_weights(items: list[str] | None) -> dict[str, float]:
    """``["B.csv=3"]`` as ``{"B.csv": 3.0}``, for ``--weight``."""
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.rpartition("=")
        try:
            weight = float(value)
        except ValueError:
            weight = -1.0
        if not sep or not name or not weight > 0:
            raise ClaimError(f"--weight {item!r} must be FILE=WEIGHT with a positive weight, e.g. --weight ours.csv=3")
        out[name] = weight
    return out


def fingerprint_files(paths: list[Path], df: pd.DataFrame) -> dict[str, Any]:
    """:func:`fingerprint` of several training files: the totals, and each file with its weight."""
    import hashlib

    files = []
    for path in paths:
        part = df[df["source_file"] == Path(path).name]
        files.append(dict(fingerprint(path, part), weight=float(part["weight"].iloc[0]) if len(part) else 1.0))
    out: dict[str, Any] = {
        "path": ", ".join(str(p) for p in paths),
        "sha256": hashlib.sha256("".join(f["sha256"] for f in files).encode()).hexdigest(),
        "rows": int(len(df)),
    }
    for column in ("lang", "label"):
        if column in df.columns:
            out[f"rows_by_{column}"] = {str(k): int(v) for k, v in df[column].value_counts().sort_index().items()}
    out["files"] = files
    return out
