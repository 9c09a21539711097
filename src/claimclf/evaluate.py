"""Evaluating a model on labelled data: metrics, breakdowns, decisions, baselines, and the report.

:func:`evaluate_model` is the one place a model is measured (``claimclf evaluate``, promotion,
the quality tests); :func:`evaluate_predictions` measures held-out predictions the same way.
Breakdowns by language and (when the data has it) slice are part of every report: an overall
number can hide a slice the model gets wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS, POSITIVE
from claimclf.files import atomic_write_text

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from claimclf.decision import Policy
    from claimclf.scoring.engine import Engine



def calibration_bins(y_pos: np.ndarray, p: np.ndarray, bins: int = 10) -> list[tuple[int, float, float]]:
    """(count, mean predicted p, observed share positive) for each non-empty equal-width bin."""
    import numpy as np

    y_pos = np.asarray(y_pos, dtype=float)
    p = np.asarray(p, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1], right=True), 0, bins - 1)
    out = []
    for b in range(bins):
        mask = idx == b
        if mask.any():
            out.append((int(mask.sum()), float(p[mask].mean()), float(y_pos[mask].mean())))
    return out


def expected_calibration_error(y_pos: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width probability bins, weighted by bin size."""
    n = len(p)
    return float(sum(count / n * abs(observed - mean) for count, mean, observed in calibration_bins(y_pos, p, bins)))


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


CERTAIN = 0.0005  # p_cosmetic below this, or above 1 - this, prints as 0.000 or 1.000
LENGTH_BANDS = ((30, "up to 30 characters"), (1000, "31 to 1,000 characters"), (None, "over 1,000 characters"))


def breakdown(df: pd.DataFrame, p: np.ndarray, column: str, threshold: float = 0.5) -> dict[str, dict[str, Any]]:
    """Accuracy, macro-F1, ROC-AUC, ECE and the share that reads as certain, for each value of ``column``."""
    import numpy as np

    out = {}
    p = np.asarray(p, dtype=float)
    for value, idx in df.groupby(column, sort=True).indices.items():
        y = df["label"].to_numpy()[idx]
        m = metrics(y, p[idx], threshold)
        certain = float(((p[idx] < CERTAIN) | (p[idx] > 1 - CERTAIN)).mean())
        out[str(value)] = {"n": m["n"], "accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "roc_auc": m["roc_auc"],
                           "ece": m["ece"], "certain_share": certain}
    return out


def length_band(text: str) -> str:
    """Which of :data:`LENGTH_BANDS` a text falls in: confidence is checked separately for short texts."""
    n = len(text)
    return next(name for limit, name in LENGTH_BANDS if limit is None or n <= limit)


def decision_summary(decisions: list[str], y_true: np.ndarray, policy: Policy) -> dict[str, Any]:
    """What share goes to review, and how accurate the automatic decisions are."""
    import numpy as np

    decisions = np.asarray(decisions, dtype=object)
    auto = decisions != "review"
    return {
        "review_band": [policy.review_low, policy.review_high],
        "review_share": float((~auto).mean()) if len(decisions) else 0.0,
        "auto_accuracy": float((decisions[auto] == np.asarray(y_true)[auto]).mean()) if auto.any() else None,
    }


def evaluate_model(engine: Engine, df: pd.DataFrame, policy: Policy) -> tuple[dict[str, Any], np.ndarray]:
    """The report of ``engine`` on labelled ``df`` (``text``, ``label``, optional ``lang``/``source``/``slice``),
    and the model's p_cosmetic.

    Metrics are of the model's probabilities as scoring bounds them (by the words a text gives), before
    doubt pulls them towards 0.5; the decisions are the ones scoring makes (review band and doubt
    rules), so the review share is what a claims team would see.
    """
    import numpy as np

    from claimclf.scoring.scorer import Scorer
    from claimclf.text import normalize

    texts = df["text"].astype(str).tolist()
    norms = [normalize(t) for t in texts]
    scorer = Scorer(engine, policy, evidence_terms=0)
    reads = [engine.focus(n) for n in norms]  # once, as scoring does: the features and the doubt rules read the same
    probs = engine.transform(reads, focused=True)[1]
    decided = [scorer.decide(t, n, x, read=r) for t, n, r, x in zip(texts, norms, reads, probs, strict=True)]
    p = np.array([d.p_model for d in decided], dtype=float)
    report = evaluate_predictions(df, p, policy, [d.decision for d in decided])
    report["decisions"]["doubted_share"] = float(np.mean([bool(d.doubt) for d in decided])) if decided else 0.0
    return report, p


def evaluate_predictions(df: pd.DataFrame, p: np.ndarray, policy: Policy, decisions: list[str] | None = None) -> dict[str, Any]:
    """Metrics of predictions ``p`` against ``df["label"]``, overall, by language and slice, and the decisions
    (``decisions`` as made, else the review band's on ``p``)."""
    if decisions is None:
        decisions = [policy.decide(float(x)) for x in p]
    report: dict[str, Any] = {"overall": metrics(df["label"].to_numpy(), p, policy.threshold)}
    for column in ("lang", "source", "slice", "procedure", "source_file"):
        if column in df.columns:
            report[f"by_{column}"] = breakdown(df, p, column, policy.threshold)
    if "text" in df.columns:
        lengths = df.assign(length=df["text"].astype(str).map(length_band))
        found = breakdown(lengths, p, "length", policy.threshold)
        report["by_length"] = {name: found[name] for _, name in LENGTH_BANDS if name in found}
    report["decisions"] = decision_summary(decisions, df["label"].to_numpy(), policy)
    return report


def leakage_flags(top: dict[str, list[tuple[str, float]]]) -> list[dict[str, Any]]:
    """Strong features (raw names) that are not reasons: numbers, lone letters, punctuation, ids.

    A model that leans on these has learnt how the training text was written, not why a
    procedure is therapeutic or cosmetic.
    """
    import re

    suspicious = re.compile(r"^(?:[\d.,%°/-]+|[b-hj-z]|[^\w]+|[a-z]*\d{3,}[a-z]*|c\d{4,})$")
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
    from claimclf.decision import Policy

    out = {}
    for name, p in (
        ("keyword_rule", keyword_p_cosmetic(df["text"].tolist())),
        ("majority", majority_p_cosmetic(len(df), majority)),
    ):
        rep = evaluate_predictions(df, np.asarray(p, dtype=float), Policy(0.5, 0.5, 0.5))
        rep.pop("decisions", None)
        rep.pop("by_procedure", None)
        out[name] = rep
    out["majority"]["label"] = majority
    return out


def write_report(report: dict[str, Any], df: pd.DataFrame, p: np.ndarray, out_dir: Path, subject: str = "") -> list[Path]:
    """``report.json`` and the four plots (``subject``, e.g. data · model · n, under their titles); the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    from claimclf.plots import write_plots

    report_path = out_dir / "report.json"
    atomic_write_text(report_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return [report_path, *write_plots(df["label"].to_numpy(), p, report, out_dir, subject)]


def summary_lines(report: dict[str, Any], data: str) -> list[str]:
    """The lines ``claimclf evaluate`` prints for a report."""
    o = report["overall"]
    auc = f"{o['roc_auc']:.3f}" if o["roc_auc"] is not None else "n/a"
    lines = [f"{data}: n={o['n']}  accuracy {o['accuracy']:.3f}  macro-F1 {o['macro_f1']:.3f}  ROC-AUC {auc}  ECE {o['ece']:.3f}"]
    for label, m in o["per_class"].items():
        lines.append(f"  {label:<12} precision {m['precision']:.3f}  recall {m['recall']:.3f}  n={m['support']}")
    lines.append(f"  confusion (rows true, cols predicted; therapeutic, cosmetic): {o['confusion_matrix']['matrix']}")
    for column in ("lang", "slice"):
        for value, m in report.get(f"by_{column}", {}).items():
            lines.append(f"  {column}={value:<14} n={m['n']:<5} accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
    for band, m in report.get("by_length", {}).items():
        lines.append(f"  {band:<22} n={m['n']:<5} accuracy {m['accuracy']:.3f}  ECE {m['ece']:.3f}  "
                     f"{m['certain_share']:.0%} read as certain (0.000 or 1.000)")
    for name, b in report.get("baselines", {}).items():
        lines.append(f"  baseline {name:<13} accuracy {b['overall']['accuracy']:.3f}  macro-F1 {b['overall']['macro_f1']:.3f}")
    d = report["decisions"]
    auto = f"{d['auto_accuracy']:.3f}" if d["auto_accuracy"] is not None else "n/a"
    doubted = f" ({d['doubted_share']:.1%} by the doubt rules)" if d.get("doubted_share") else ""
    lines.append(f"  review band {d['review_band']}: {d['review_share']:.1%} to review{doubted}, accuracy outside it {auto}")
    if report.get("leakage_flags"):
        shown = ", ".join(f"{f['term']!r}" for f in report["leakage_flags"][:6])
        lines.append(f"  possible leakage among the strongest features: {shown} (see report.json)")
    if report.get("data", {}).get("in_sample"):
        lines.append("  note: this is the model's own training data, so these numbers are in-sample; "
                     "the honest ones are the grouped cross-validation printed by `claimclf train`")
    return lines
