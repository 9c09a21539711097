"""Build the pipeline, choose its hyperparameters by cross-validation, fit it.

Cross-validation is grouped by generation scenario when the data says which
scenario a row came from, so that near-duplicate texts never sit on both sides
of a split; the ungrouped number is computed too, to show the gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimclf.config import LABELS, POSITIVE
from claimclf.errors import ClaimError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from sklearn.pipeline import Pipeline

DEFAULT_PARAMS = {
    "C": 32.0, "ngram_max": 2, "negation": True, "measurements": True, "stopwords": True, "char_ngram": (1, 4)
}
SEARCH_GRID = [{"C": c} for c in (8.0, 32.0, 128.0)]
MIN_ROWS = 10
SEED = 0


def build_pipeline(C: float = 32.0, **feature_params) -> Pipeline:
    """Word + character TF-IDF (see :func:`claimclf.features.build_features`) into a logistic regression."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    from claimclf.features import build_features

    if "char_ngram" in feature_params:
        feature_params["char_ngram"] = tuple(feature_params["char_ngram"])
    return Pipeline(
        [
            ("features", build_features(**feature_params)),
            ("clf", LogisticRegression(C=C, max_iter=3000, class_weight="balanced", solver="liblinear", random_state=0)),
        ]
    )


def fit_platt(y, p) -> tuple[float, float]:
    """Slope and intercept mapping logit(p) of the positive class to calibrated log-odds."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    logit = np.log(p / (1 - p)).reshape(-1, 1)
    lr = LogisticRegression(C=1e4).fit(logit, np.asarray(y) == POSITIVE)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def apply_platt(p, a: float, b: float):
    import numpy as np

    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return 1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b)))


def choose_band(y, p, target_precision: float) -> dict:
    """Thresholds at which automatic decisions reach ``target_precision`` on held-out predictions.

    ``p >= high`` is decided cosmetic and ``p <= low`` therapeutic, each side right at least
    ``target_precision`` of the time on the cross-validated predictions; between them is review.
    """
    import numpy as np

    y_pos = np.asarray(y) == POSITIVE
    p = np.asarray(p, dtype=float)
    order = np.sort(np.unique(p))
    high = 1.0
    for t in order:
        sel = p >= t
        if sel.sum() and y_pos[sel].mean() >= target_precision:
            high = float(t)
            break
    low = 0.0
    for t in order[::-1]:
        sel = p <= t
        if sel.sum() and (~y_pos[sel]).mean() >= target_precision:
            low = float(t)
            break
    high, low = max(high, 0.5), min(low, 0.5)
    decided = (p >= high) | (p <= low)
    correct = np.where(p >= high, y_pos, ~y_pos)
    return {
        "target_precision": target_precision,
        "threshold": 0.5,
        "review_low": low,
        "review_high": high,
        "cv_review_share": float(1 - decided.mean()),
        "cv_auto_accuracy": float(correct[decided].mean()) if decided.any() else None,
    }


def positive_index(pipeline: Pipeline) -> int:
    """Column of ``predict_proba`` that holds p(cosmetic)."""
    classes = list(pipeline.classes_)
    return classes.index(POSITIVE)


def predict_p_cosmetic(pipeline: Pipeline, texts: list[str]) -> np.ndarray:
    return pipeline.predict_proba(texts)[:, positive_index(pipeline)]


@dataclass
class CVResult:
    grouped: bool
    n_splits: int
    metrics: dict[str, dict[str, float]]  # metric -> {"mean", "std"}
    oof_p: np.ndarray | None = None


@dataclass
class TrainResult:
    pipeline: Pipeline
    params: dict
    cv: CVResult
    cv_ungrouped: CVResult | None
    search: list[dict] = field(default_factory=list)  # one entry per candidate: params + cv metrics
    calibration: dict | None = None  # Platt a, b and the ECE of the held-out predictions before/after
    policy: dict | None = None  # thresholds chosen for the target precision
    cv_breakdown: dict | None = None  # held-out accuracy by language and slice


def check_training_frame(df: pd.DataFrame, text_col: str = "text", label_col: str = "label") -> pd.DataFrame:
    """Clean labels and refuse data that cannot train a two-class model, with a message that says why."""
    for col in (text_col, label_col):
        if col not in df.columns:
            raise ClaimError(
                f"training data has no {col!r} column (columns: {', '.join(map(str, df.columns))}); "
                f"it needs {text_col!r} and {label_col!r}"
            )
    df = df.copy()
    df[label_col] = df[label_col].astype(str).str.strip().str.lower()
    bad = df.loc[~df[label_col].isin(LABELS), label_col]
    if len(bad):
        examples = ", ".join(repr(v) for v in bad.unique()[:3])
        rows = ", ".join(str(i + 2) for i in bad.index[:3])
        raise ClaimError(
            f"unknown label {examples} (file line {rows}); labels must be 'therapeutic' or 'cosmetic'"
        )
    texts = df[text_col].astype(str).str.strip()
    df = df.loc[(texts != "") & df[text_col].notna()]
    if len(df) < MIN_ROWS:
        raise ClaimError(f"only {len(df)} labelled rows with text: training needs at least {MIN_ROWS}")
    counts = df[label_col].value_counts()
    if len(counts) < 2:
        raise ClaimError(
            f"training data has only one class ({counts.index[0]!r}): add rows labelled "
            f"{'cosmetic' if counts.index[0] == 'therapeutic' else 'therapeutic'}"
        )
    if counts.min() < 2:
        raise ClaimError(f"class {counts.idxmin()!r} has a single row: cross-validation needs at least two per class")
    return df.reset_index(drop=True)


def _splitter(y, groups, n_splits: int):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    if groups is not None:
        return StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=SEED)


def _n_splits(y, groups, wanted: int = 5) -> int:
    import pandas as pd

    per_class = pd.Series(y).value_counts().min()
    n = min(wanted, int(per_class))
    if groups is not None:
        frame = pd.DataFrame({"y": y, "g": groups})
        n = min(n, int(frame.groupby("y")["g"].nunique().min()))
    return max(n, 2)


def cross_validate(texts: list[str], y, params: dict, groups=None, n_splits: int = 5) -> CVResult:
    """Out-of-fold probabilities and metrics (mean and spread over folds)."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    y = np.asarray(y)
    use_groups = groups is not None and len(set(groups)) >= 4
    groups = np.asarray(groups) if use_groups else None
    k = _n_splits(y, groups, n_splits)
    texts_arr = np.asarray(texts, dtype=object)
    oof = np.full(len(y), np.nan)
    folds: dict[str, list[float]] = {"accuracy": [], "macro_f1": [], "roc_auc": []}
    for train_idx, test_idx in _splitter(y, groups, k).split(texts_arr, y, groups):
        pipe = build_pipeline(**params)
        pipe.fit(list(texts_arr[train_idx]), y[train_idx])
        p = predict_p_cosmetic(pipe, list(texts_arr[test_idx]))
        oof[test_idx] = p
        pred = np.where(p >= 0.5, POSITIVE, "therapeutic")
        folds["accuracy"].append(accuracy_score(y[test_idx], pred))
        folds["macro_f1"].append(f1_score(y[test_idx], pred, average="macro"))
        if len(set(y[test_idx])) == 2:
            folds["roc_auc"].append(roc_auc_score(y[test_idx] == POSITIVE, p))
    metrics = {
        name: {"mean": float(np.mean(v)), "std": float(np.std(v))} for name, v in folds.items() if v
    }
    return CVResult(grouped=use_groups, n_splits=k, metrics=metrics, oof_p=oof)


def train(
    df: pd.DataFrame,
    search: bool = True,
    params: dict | None = None,
    group_col: str = "scenario",
    text_col: str = "text",
    label_col: str = "label",
    progress=None,
    calibrate: bool = True,
    target_precision: float = 0.99,
) -> TrainResult:
    """Choose hyperparameters by grouped CV (if ``search``), calibrate, pick thresholds, refit on everything."""
    df = check_training_frame(df, text_col=text_col, label_col=label_col)
    texts = df[text_col].astype(str).tolist()
    y = df[label_col].to_numpy()
    groups = df[group_col].astype(str).to_numpy() if group_col in df.columns else None
    base = dict(DEFAULT_PARAMS, **(params or {}))
    say = progress or (lambda msg: None)

    candidates = [dict(base, **c) for c in SEARCH_GRID] if search else [base]
    results: list[tuple[dict, CVResult]] = []
    for cand in candidates:
        say(f"cross-validating C={cand['C']:g} ...")
        results.append((cand, cross_validate(texts, y, cand, groups=groups)))
    best_params, best_cv = max(results, key=lambda r: r[1].metrics["macro_f1"]["mean"])
    ungrouped = None
    if best_cv.grouped:
        say("cross-validating without groups, for comparison ...")
        ungrouped = cross_validate(texts, y, best_params, groups=None)
    from claimclf.evaluate import expected_calibration_error

    oof = best_cv.oof_p
    calibration = None
    if calibrate:
        a, b = fit_platt(y, oof)
        calibrated = apply_platt(oof, a, b)
        calibration = {
            "method": "platt on grouped out-of-fold predictions" if best_cv.grouped else "platt on out-of-fold predictions",
            "a": a,
            "b": b,
            "cv_ece_before": expected_calibration_error(y == POSITIVE, oof),
            "cv_ece_after": expected_calibration_error(y == POSITIVE, calibrated),
        }
        oof = calibrated
    policy = choose_band(y, oof, target_precision)
    from claimclf.evaluate import breakdown

    cv_breakdown = {
        column: breakdown(df.assign(label=y), oof, column) for column in ("lang", "slice") if column in df.columns
    }
    say("fitting the final model on all rows ...")
    pipeline = build_pipeline(**best_params)
    if calibration:
        from claimclf.calibration import PlattCalibrated

        pipeline.set_params(clf=PlattCalibrated(pipeline.named_steps["clf"], calibration["a"], calibration["b"]))
    pipeline.fit(texts, y)
    search_log = [{"params": p, "metrics": r.metrics, "grouped": r.grouped} for p, r in results]
    return TrainResult(pipeline=pipeline, params=best_params, cv=best_cv, cv_ungrouped=ungrouped, search=search_log,
                       calibration=calibration, policy=policy, cv_breakdown=cv_breakdown)
