"""Labelled data: loading, checks before training, and its fingerprint.

``claimclf data validate`` prints these checks; training runs the blocking ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS

if TYPE_CHECKING:
    import pandas as pd

REQUIRED = ("id", "text", "label", "lang")
BALANCE_TOLERANCE = 0.15  # a language whose cosmetic share is outside 0.5 ± this is flagged


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
    labels = df["label"].astype(str).str.strip()
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
    from claimclf.persistence import sha256_file

    out: dict[str, Any] = {"path": str(path), "sha256": sha256_file(Path(path)), "rows": int(len(df))}
    for column in ("lang", "label"):
        if column in df.columns:
            out[f"rows_by_{column}"] = {str(k): int(v) for k, v in df[column].value_counts().sort_index().items()}
    return out
