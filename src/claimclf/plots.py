"""The evaluation report's four plots: confusion matrix, ROC, precision-recall and calibration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS, POSITIVE

if TYPE_CHECKING:
    import numpy as np

PLOTS = ("confusion_matrix.png", "roc.png", "precision_recall.png", "calibration.png")


def write_plots(y_true: np.ndarray, p: np.ndarray, report: dict[str, Any], out_dir: Path, subject: str = "") -> list[Path]:
    """The four plots; ``subject`` (data, model, n) goes under every title, so a plot says what it shows."""
    import matplotlib

    from claimclf.evaluate import calibration_bins

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.metrics import precision_recall_curve, roc_curve

    y_pos = np.asarray(y_true) == POSITIVE
    paths = []

    def title(ax, text: str) -> None:
        ax.set_title(f"{text}\n{subject}" if subject else text, fontsize=9 if subject else None)

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
    title(ax, "Confusion matrix")
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
    title(ax, "ROC, positive = cosmetic")
    save(fig, "roc.png")

    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    if both:
        prec, rec, _ = precision_recall_curve(y_pos, p)
        ax.plot(rec, prec)
    ax.set_xlabel("recall (cosmetic)")
    ax.set_ylabel("precision (cosmetic)")
    ax.set_ylim(0, 1.02)
    title(ax, "Precision-recall, positive = cosmetic")
    save(fig, "precision_recall.png")

    fig, ax = plt.subplots(figsize=(4.2, 3.8))
    bins = calibration_bins(y_pos, p, 10)
    xs, ys = [b[1] for b in bins], [b[2] for b in bins]
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect")
    ax.plot(xs, ys, "o-", label=f"model (ECE {report['overall']['ece']:.3f})")
    for count, x, y in bins:  # a bin of 3 claims says less than a bin of 300
        ax.annotate(f"n={count}", (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7, color="dimgrey")
    ax.set_xlabel("mean predicted p_cosmetic")
    ax.set_ylabel("observed share cosmetic")
    title(ax, "Calibration (10 bins)")
    ax.legend(loc="lower right")
    save(fig, "calibration.png")
    return paths
