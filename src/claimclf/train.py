"""Build the pipeline, choose its hyperparameters by grouped cross-validation, calibrate, fit it.

Cross-validation is grouped by generation scenario when the data says which
scenario a row came from, so that near-duplicate texts never sit on both sides
of a split; the ungrouped number is computed too, to show the gap.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimclf.config import POSITIVE

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from sklearn.pipeline import Pipeline

DEFAULT_PARAMS = {
    "C": 32.0, "ngram_max": 2, "negation": True, "measurements": True, "stopwords": True, "function_words": True,
    "lexicon": True, "risk": True, "char_ngram": (1, 4), "boilerplate": True,
    "char_text": "chinese",
}
SEARCH_GRID = [{"C": c} for c in (8.0, 32.0, 128.0)]
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
    oof_p: np.ndarray | None = None  # the chosen candidate's held-out p_cosmetic, calibrated like the model
    cv_procedure: CVResult | None = None  # whole procedures held out: how the model does on one it never saw
    started_ms: int | None = None  # when training began (epoch ms): a tracked run spans the training, not its logging


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


def cross_validate(texts: list[str], y, params: dict, groups=None, n_splits: int = 5, weights=None) -> CVResult:
    """Out-of-fold probabilities and metrics (mean and spread over folds); ``weights`` weigh rows in each fit."""
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
        pipe.fit(list(texts_arr[train_idx]), y[train_idx], **_weight_kwargs(weights, train_idx))
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


def _weight_kwargs(weights, idx=None) -> dict:
    if weights is None:
        return {}
    import numpy as np

    w = np.asarray(weights, dtype=float)
    return {"clf__sample_weight": w if idx is None else w[idx]}


def cv_groups(df: pd.DataFrame, group_col: str = "scenario"):
    """Cross-validation groups: generation scenarios, kept apart per source file when several files are merged.

    Rows of a file that has no scenario column are each their own group within the file.
    """
    if group_col not in df.columns and "source_file" not in df.columns:
        return None
    import pandas as pd

    scenario = df[group_col].astype("string") if group_col in df.columns else pd.Series(pd.NA, index=df.index, dtype="string")
    scenario = scenario.fillna(pd.Series(df.index.astype(str), index=df.index).radd("row "))
    if "source_file" in df.columns:
        scenario = df["source_file"].astype(str) + " / " + scenario
    return scenario.to_numpy()


def train(
    df: pd.DataFrame,
    search: bool = True,
    params: dict | None = None,
    group_col: str = "scenario",
    progress=None,
    calibrate: bool = True,
    target_precision: float = 0.99,
    diagnostics: bool = True,
) -> TrainResult:
    """Choose hyperparameters by grouped CV (if ``search``), calibrate, pick thresholds, refit on everything.

    ``df`` is labelled data as :func:`claimclf.dataset.read_labelled` returns it; an optional
    ``weight`` column weighs rows and an optional ``source_file`` column keeps files apart in the folds.
    ``diagnostics`` runs the two cross-validations that only describe the model (ungrouped, and
    whole procedures held out); turning them off leaves the model, its calibration and band unchanged.
    """
    started_ms = int(time.time() * 1000)
    texts = df["text"].astype(str).tolist()
    y = df["label"].to_numpy()
    groups = cv_groups(df, group_col)
    weights = df["weight"].to_numpy(dtype=float) if "weight" in df.columns else None
    base = dict(DEFAULT_PARAMS, **(params or {}))
    say = progress or (lambda msg: None)

    candidates = [dict(base, **c) for c in SEARCH_GRID] if search else [base]
    results: list[tuple[dict, CVResult]] = []
    for cand in candidates:
        say(f"cross-validating C={cand['C']:g} ...")
        results.append((cand, cross_validate(texts, y, cand, groups=groups, weights=weights)))
    best_params, best_cv = max(results, key=lambda r: r[1].metrics["macro_f1"]["mean"])
    ungrouped = None
    if diagnostics and best_cv.grouped:
        say("cross-validating without groups, for comparison ...")
        ungrouped = cross_validate(texts, y, best_params, groups=None, weights=weights)
    by_procedure = None
    if diagnostics and "procedure" in df.columns and df["procedure"].notna().all() and df["procedure"].nunique() >= 10:
        say("cross-validating with whole procedures held out ...")
        by_procedure = cross_validate(texts, y, best_params, groups=df["procedure"].astype(str).to_numpy(), weights=weights)
    from claimclf.decision import apply_platt, choose_band, fit_platt
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
    from claimclf.decision import bound_confidences
    from claimclf.features import reading
    from claimclf.text import normalize

    # The band is chosen on what scoring will report: probabilities bounded by each text's words.
    read = reading(build_pipeline(**best_params))
    oof = bound_confidences(oof, [read(normalize(t)) for t in texts])
    policy = choose_band(y, oof, target_precision)
    from claimclf.evaluate import breakdown

    cv_breakdown = {
        column: breakdown(df.assign(label=y), oof, column) for column in ("lang", "slice", "source_file")
        if column in df.columns
    }
    say("fitting the final model on all rows ...")
    pipeline = build_pipeline(**best_params)
    if calibration:
        from claimclf.decision import PlattCalibrated

        pipeline.set_params(clf=PlattCalibrated(pipeline.named_steps["clf"], calibration["a"], calibration["b"]))
    pipeline.fit(texts, y, **_weight_kwargs(weights))
    search_log = [{"params": p, "metrics": r.metrics, "grouped": r.grouped} for p, r in results]
    return TrainResult(pipeline=pipeline, params=best_params, cv=best_cv, cv_ungrouped=ungrouped, search=search_log,
                       calibration=calibration, policy=policy, cv_breakdown=cv_breakdown, oof_p=oof,
                       cv_procedure=by_procedure, started_ms=started_ms)
