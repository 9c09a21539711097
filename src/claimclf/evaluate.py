"""Metrics on labelled data, the JSON report and the plots.

Breakdowns by language and (when the data has it) slice are part of every
report: an overall number can hide a slice the model gets wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS, POSITIVE
from claimclf.io import atomic_write_text

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

PLOTS = ("confusion_matrix.png", "roc.png", "precision_recall.png", "calibration.png")


def expected_calibration_error(y_pos: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width probability bins, weighted by bin size."""
    import numpy as np

    y_pos = np.asarray(y_pos, dtype=float)
    p = np.asarray(p, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            ece += mask.mean() * abs(y_pos[mask].mean() - p[mask].mean())
    return float(ece)


def metrics(y_true: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict[str, Any]:
    """Accuracy, macro-F1, ROC-AUC, ECE, per-class precision/recall and the confusion matrix."""
    import numpy as np
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    y_true = np.asarray(y_true)
    p = np.asarray(p, dtype=float)
    pred = np.where(p >= threshold, POSITIVE, "therapeutic")
    prec, rec, f1, support = precision_recall_fscore_support(y_true, pred, labels=list(LABELS), zero_division=0)
    both = len(set(y_true)) == 2
    return {
        "n": int(len(y_true)),
        "accuracy": float(accuracy_score(y_true, pred)),
        "macro_f1": float(f1_score(y_true, pred, labels=list(LABELS), average="macro", zero_division=0)),
        "roc_auc": float(roc_auc_score(y_true == POSITIVE, p)) if both else None,
        "ece": expected_calibration_error(y_true == POSITIVE, p),
        "per_class": {
            label: {"precision": float(prec[i]), "recall": float(rec[i]), "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(LABELS)
        },
        "confusion_matrix": {
            "labels": list(LABELS),
            "matrix": confusion_matrix(y_true, pred, labels=list(LABELS)).tolist(),
        },
    }


def breakdown(df: pd.DataFrame, p: np.ndarray, column: str, threshold: float = 0.5) -> dict[str, dict[str, Any]]:
    """Accuracy and macro-F1 for each value of ``column``."""
    import numpy as np

    out = {}
    for value, idx in df.groupby(column, sort=True).indices.items():
        y = df["label"].to_numpy()[idx]
        m = metrics(y, np.asarray(p)[idx], threshold)
        out[str(value)] = {"n": m["n"], "accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "roc_auc": m["roc_auc"]}
    return out


def decision_summary(p: np.ndarray, y_true: np.ndarray, policy) -> dict[str, Any]:
    """What share goes to review, and how accurate the automatic decisions are."""
    import numpy as np

    decisions = np.array([policy.decide(float(x)) for x in p])
    auto = decisions != "review"
    return {
        "review_band": [policy.review_low, policy.review_high],
        "review_share": float((~auto).mean()) if len(p) else 0.0,
        "auto_accuracy": float((decisions[auto] == np.asarray(y_true)[auto]).mean()) if auto.any() else None,
    }


def evaluate_frame(df: pd.DataFrame, p: np.ndarray, policy) -> dict[str, Any]:
    report: dict[str, Any] = {"overall": metrics(df["label"].to_numpy(), p, policy.threshold)}
    for column in ("lang", "slice", "procedure"):
        if column in df.columns:
            report[f"by_{column}"] = breakdown(df, p, column, policy.threshold)
    report["decisions"] = decision_summary(p, df["label"].to_numpy(), policy)
    return report


def leakage_flags(top: dict[str, list[tuple[str, float]]]) -> list[dict[str, Any]]:
    """Strong features (raw names) that are not reasons: numbers, lone letters, punctuation, ids.

    A model that leans on these has learnt how the training text was written, not why a
    procedure is therapeutic or cosmetic.
    """
    import re

    suspicious = re.compile(r"^(?:[\d.,%°/-]+|[b-hj-z]|[^\w\u4e00-\u9fff]+|[a-z]*\d{3,}[a-z]*|c\d{4,})$")
    flags = []
    for label, items in top.items():
        for term, weight in items:
            parts = [p.removeprefix("not:") for p in term.split(" ") if not p.startswith("m:")]
            if any(suspicious.match(part) for part in parts):
                flags.append({"class": label, "term": term, "weight": weight})
    return flags


def baseline_reports(df: pd.DataFrame, majority: str) -> dict[str, Any]:
    """The keyword rule and the majority class on the same rows, summarised like the model."""
    import numpy as np

    from claimclf.baselines import keyword_p_cosmetic, majority_p_cosmetic
    from claimclf.scoring import Policy

    out = {}
    for name, p in (
        ("keyword_rule", keyword_p_cosmetic(df["text"].tolist())),
        ("majority", majority_p_cosmetic(len(df), majority)),
    ):
        rep = evaluate_frame(df, np.asarray(p, dtype=float), Policy(0.5, 0.5, 0.5))
        rep.pop("decisions", None)
        rep.pop("by_procedure", None)
        out[name] = rep
    out["majority"]["label"] = majority
    return out


def write_report(report: dict[str, Any], df: pd.DataFrame, p: np.ndarray, out_dir: Path) -> list[Path]:
    """``report.json`` and the four plots; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report_path = out_dir / "report.json"
    atomic_write_text(report_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return [report_path, *write_plots(df["label"].to_numpy(), p, report, out_dir)]


def write_plots(y_true: np.ndarray, p: np.ndarray, report: dict[str, Any], out_dir: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.metrics import precision_recall_curve, roc_curve

    y_pos = np.asarray(y_true) == POSITIVE
    paths = []

    def save(fig, name: str) -> None:
        path = out_dir / name
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
        paths.append(path)

    cm = np.array(report["overall"]["confusion_matrix"]["matrix"])
    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    ax.imshow(cm, cmap="Blues")
    for (i, j), v in np.ndenumerate(cm):
        ax.text(j, i, str(v), ha="center", va="center", color="white" if v > cm.max() / 2 else "black")
    ax.set_xticks(range(len(LABELS)), LABELS)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("Confusion matrix")
    save(fig, "confusion_matrix.png")

    both = y_pos.any() and (~y_pos).any()
    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    if both:
        fpr, tpr, _ = roc_curve(y_pos, p)
        ax.plot(fpr, tpr, label=f"AUC {report['overall']['roc_auc']:.3f}")
        ax.legend(loc="lower right")
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.set_xlabel("false positive rate (therapeutic called cosmetic)")
    ax.set_ylabel("true positive rate")
    ax.set_title("ROC, positive = cosmetic")
    save(fig, "roc.png")

    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    if both:
        prec, rec, _ = precision_recall_curve(y_pos, p)
        ax.plot(rec, prec)
    ax.set_xlabel("recall (cosmetic)")
    ax.set_ylabel("precision (cosmetic)")
    ax.set_ylim(0, 1.02)
    ax.set_title("Precision-recall, positive = cosmetic")
    save(fig, "precision_recall.png")

    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    edges = np.linspace(0, 1, 11)
    idx = np.clip(np.digitize(p, edges[1:-1], right=True), 0, 9)
    xs, ys = [], []
    for b in range(10):
        mask = idx == b
        if mask.any():
            xs.append(float(np.mean(np.asarray(p)[mask])))
            ys.append(float(y_pos[mask].mean()))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect")
    ax.plot(xs, ys, "o-", label=f"model (ECE {report['overall']['ece']:.3f})")
    ax.set_xlabel("mean predicted p_cosmetic")
    ax.set_ylabel("observed share cosmetic")
    ax.set_title("Calibration (10 bins)")
    ax.legend(loc="upper left")
    save(fig, "calibration.png")
    return paths
