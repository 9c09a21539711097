"""The learning curve: how a team's own labels, chosen by `label suggest` or at random, change the model.

A labelled set of the team's claims is split once into a *pool* (claims the team could label) and
a *test* part (never trained on, never chosen from), by :func:`split`: a fixed rule on a hash of
each id, within each (language, label) group, so both parts hold both languages and both labels.

Each point of the curve is the model a user gets from the product's own training path: the
pipeline of :func:`claimclf.train.train`, fitted on the shipped corpus plus the chosen labels as a
second file with a weight (as ``claimclf train --data corpus --data ours --weight ours=W`` reads
them), with the shipped model's parameters and no search. It is measured by
:func:`claimclf.evaluate.evaluate_model` on the test part. Point 0 is the corpus alone. The
suggested labels are those :func:`claimclf.labelling.suggest.suggest` chooses from the pool with
the point-0 model (``claimclf label suggest pool -n N``); the random ones are the first N of a
seeded permutation of the pool.

Each point is written to the results file as soon as it is measured, so a run that stops resumes
where it was.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf.errors import ClaimError
from claimclf.files import atomic_write_text

if TYPE_CHECKING:
    import pandas as pd

SALT = "claimclf-learning-curve"
TEST_SHARE = 1 / 3
STRATA = ("lang", "label")
BUDGETS = (25, 50, 100, 200)
SEEDS = (0, 1, 2)
WEIGHTS = (3.0, 1.0)  # the team's rows weigh this much against a corpus row; the first wins a tie
CHECK_BUDGET = 100  # the budget at which the weights are compared (suggested labels)
TARGET_BUDGET = 100
TARGET_GAIN = 0.05  # macro-F1 over the shipped model's, or TARGET_F1
TARGET_F1 = 0.95
LABELS_FILE = "team_labels.csv"  # the name the chosen labels train under (a second --data file)
SPLIT_RULE = (f"sha256 of '{SALT}:' + id; within each (lang, label) group the round(n/3) rows with the smallest "
              "hashes (at least one, never all) are the test part, the others the pool")

Say = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


# ---------------------------------------------------------------- the split


def id_hash(value: object) -> str:
    return hashlib.sha256(f"{SALT}:{value}".encode()).hexdigest()


def split(df: pd.DataFrame, id_col: str = "id", test_share: float = TEST_SHARE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(pool, test): disjoint, together all of ``df``, each (lang, label) group cut by :data:`SPLIT_RULE`.

    The rule reads only ids, languages and labels, so it gives the same parts whatever the row order.
    """
    if id_col not in df.columns:
        raise ClaimError(f"the labelled set has no {id_col!r} column: the split is by id")
    ids = df[id_col].astype(str)
    if ids.duplicated().any():
        raise ClaimError(f"{int(ids.duplicated().sum())} repeated id(s): the split needs one row per id")
    keys = ids.map(id_hash)
    test = []
    for _, group in df.groupby(list(STRATA), sort=True):
        n = len(group)
        k = 0 if n < 2 else min(max(round(n * test_share), 1), n - 1)
        test += keys.loc[group.index].sort_values(kind="stable").index[:k].tolist()
    ordered = df.assign(_key=keys).sort_values("_key", kind="stable")  # an order independent of the file's
    in_test = ordered.index.isin(test)
    ordered = ordered.drop(columns="_key")
    return ordered[~in_test].reset_index(drop=True), ordered[in_test].reset_index(drop=True)


def counts(df: pd.DataFrame) -> dict[str, dict[str, int]]:
    return {col: {str(k): int(v) for k, v in df[col].value_counts().sort_index().items()}
            for col in STRATA if col in df.columns}


# ---------------------------------------------------------------- choosing labels


def random_ids(pool: pd.DataFrame, n: int, seed: int, id_col: str = "id") -> list[str]:
    """The first ``n`` ids of a seeded permutation of the pool (so 25 random labels are inside the 50)."""
    import numpy as np

    order = np.random.default_rng(seed).permutation(len(pool))
    return pool[id_col].astype(str).to_numpy()[order[:n]].tolist()


def suggested_ids(pool: pd.DataFrame, engine, policy, n: int, id_col: str = "id") -> list[str]:
    """The ids ``claimclf label suggest`` chooses from the pool (labels hidden) with ``engine``."""
    import pandas as pd

    from claimclf.config import EVIDENCE_TERMS
    from claimclf.labelling.suggest import suggest
    from claimclf.scoring.scorer import Scorer, text_values

    frame = pool.drop(columns=["label"])
    scorer = Scorer(engine, policy, evidence_terms=EVIDENCE_TERMS)
    scored = pd.DataFrame(scorer.score_columns(text_values(frame, "text")))
    chosen, _ = suggest(frame, scored, n, (policy.review_low, policy.review_high), policy.threshold)
    return chosen[id_col].astype(str).tolist()


# ---------------------------------------------------------------- one point


def training_frame(corpus: Path, labels: pd.DataFrame | None, weight: float) -> pd.DataFrame:
    """The corpus alone, or the corpus and ``labels`` as two training files, read as ``claimclf train`` reads them."""
    from claimclf.dataset import read_labelled, read_training_files

    if labels is None or not len(labels):
        return read_labelled(corpus, for_training=True)
    with tempfile.TemporaryDirectory(prefix="claimclf-curve-") as tmp:
        path = Path(tmp) / LABELS_FILE
        labels.to_csv(path, index=False)
        return read_training_files([Path(corpus), path], {LABELS_FILE: weight})


def fit(df: pd.DataFrame, params: dict[str, Any]):
    """The trained model as scoring uses it: (engine, policy, train result)."""
    from claimclf.decision import Policy, shipped_presumed_cosmetic
    from claimclf.scoring.engine import Engine
    from claimclf.train import train

    result = train(df, search=False, params=params, diagnostics=False)
    engine = Engine.from_pipeline(result.pipeline, shipped_presumed_cosmetic())
    return engine, Policy.from_sidecar({"decision_policy": result.policy}), result


def measure(engine, policy, test: pd.DataFrame) -> dict[str, Any]:
    """The numbers of a point: :func:`claimclf.evaluate.evaluate_model` on the test part."""
    from claimclf.evaluate import evaluate_model

    report, _ = evaluate_model(engine, test, policy)
    o = report["overall"]
    return {
        "macro_f1": o["macro_f1"], "ece": o["ece"], "accuracy": o["accuracy"], "roc_auc": o["roc_auc"],
        "review_share": report["decisions"]["review_share"],
        "by_lang": {k: {"n": m["n"], "macro_f1": m["macro_f1"], "accuracy": m["accuracy"]}
                    for k, m in report.get("by_lang", {}).items()},
    }


# ---------------------------------------------------------------- the curve


def point_key(strategy: str, n: int, weight: float | None = None, seed: int | None = None) -> str:
    if strategy == "shipped":
        return "shipped"
    return "/".join([strategy, *([f"seed{seed}"] if seed is not None else []), f"w{weight:g}", str(n)])


def fingerprint(path: Path, df: pd.DataFrame) -> dict[str, Any]:
    from claimclf.files import sha256_file

    return {"name": Path(path).name, "sha256": sha256_file(Path(path)), "rows": int(len(df))}


class Curve:
    """The results file: settings, then one entry per measured point, rewritten after each point."""

    def __init__(self, path: Path, settings: dict[str, Any], fresh: bool = False) -> None:
        self.path = Path(path)
        self.data: dict[str, Any] = {"settings": settings, "points": {}, "weight": None, "complete": False}
        if self.path.is_file() and not fresh:
            old = json.loads(self.path.read_text(encoding="utf-8"))
            if old.get("settings") != settings:
                changed = sorted(k for k in set(settings) | set(old.get("settings", {}))
                                 if settings.get(k) != old.get("settings", {}).get(k))
                raise ClaimError(f"{self.path} was measured with other settings ({', '.join(changed)}): "
                                 "pass --fresh to measure again from the start")
            self.data.update(points=old.get("points", {}), weight=old.get("weight"))

    @property
    def points(self) -> dict[str, dict[str, Any]]:
        return self.data["points"]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(self.data, indent=2, ensure_ascii=False) + "\n")


def plan(budgets, seeds, weight: float) -> list[tuple[str, int, float, int | None]]:
    """The points still to measure once the weight is chosen, the ones the target needs first."""
    first = [b for b in budgets if b == TARGET_BUDGET]
    rest = [b for b in budgets if b != TARGET_BUDGET]
    out = [("suggested", b, weight, None) for b in first] + [("random", b, weight, s) for b in first for s in seeds]
    out += [("suggested", b, weight, None) for b in rest]
    return out + [("random", b, weight, s) for b in rest for s in seeds]


def run_curve(
    labelled: Path,
    corpus: Path,
    out: Path,
    *,
    params: dict[str, Any],
    budgets=BUDGETS,
    seeds=SEEDS,
    weights=WEIGHTS,
    check_budget: int = CHECK_BUDGET,
    fresh: bool = False,
    id_col: str = "id",
    say: Say = _quiet,
) -> dict[str, Any]:
    """Measure every point not yet in ``out`` (the results file, rewritten after each point); the results."""
    from claimclf.dataset import read_labelled

    df = read_labelled(labelled)
    pool, test = split(df, id_col)
    corpus_df = read_labelled(corpus, for_training=True)
    budgets = sorted({int(b) for b in budgets})
    if max(budgets) > len(pool):
        raise ClaimError(f"a budget of {max(budgets)} labels is more than the pool's {len(pool)} claims")
    check_budget = check_budget if check_budget in budgets else budgets[len(budgets) // 2]
    settings = {
        "labelled": fingerprint(labelled, df), "corpus": fingerprint(corpus, corpus_df),
        "split_rule": SPLIT_RULE, "pool": dict(rows=len(pool), **counts(pool)), "test": dict(rows=len(test), **counts(test)),
        "budgets": budgets, "seeds": [int(s) for s in seeds], "weights": [float(w) for w in weights],
        "weight_check_budget": check_budget, "params": params, "search": False,
        "selection": "suggested: claimclf label suggest -n N on the pool with the point-0 model (seed 0); "
                     "random: the first N of numpy default_rng(seed).permutation(pool)",
    }
    curve = Curve(out, settings, fresh)
    del corpus_df
    labels_of = dict(zip(pool[id_col].astype(str), range(len(pool)), strict=True))
    base: dict[str, Any] = {}

    def shipped():
        if "engine" not in base:
            started = time.monotonic()
            say("point 0: training on the corpus alone ...")
            engine, policy, result = fit(training_frame(corpus, None, 1.0), params)
            base.update(engine=engine, policy=policy)
            if "shipped" not in curve.points:
                curve.points["shipped"] = dict(strategy="shipped", labels=0, weight=None, seed=None,
                                               **measure(engine, policy, test), cv_macro_f1=result.cv.metrics["macro_f1"]["mean"],
                                               seconds=round(time.monotonic() - started, 1))
                curve.save()
        return base["engine"], base["policy"]

    suggested_cache: dict[int, list[str]] = {}

    def ids_for(strategy: str, n: int, seed: int | None) -> list[str]:
        if strategy == "random":
            return random_ids(pool, n, int(seed), id_col)
        if n not in suggested_cache:
            engine, policy = shipped()
            suggested_cache[n] = suggested_ids(pool, engine, policy, n, id_col)
        return suggested_cache[n]

    def point(strategy: str, n: int, weight: float, seed: int | None) -> dict[str, Any]:
        key = point_key(strategy, n, weight, seed)
        if key in curve.points:
            return curve.points[key]
        ids = ids_for(strategy, n, seed)
        chosen = pool.iloc[[labels_of[i] for i in ids]]
        say(f"{key}: training on the corpus + {len(chosen)} labels (weight {weight:g}) ...")
        started = time.monotonic()
        engine, policy, result = fit(training_frame(corpus, chosen, weight), params)
        own = (result.cv_breakdown or {}).get("source_file", {}).get(LABELS_FILE, {})
        curve.points[key] = dict(
            strategy=strategy, labels=len(chosen), weight=weight, seed=seed, chosen=counts(chosen),
            **measure(engine, policy, test), cv_macro_f1=result.cv.metrics["macro_f1"]["mean"],
            cv_labels_macro_f1=own.get("macro_f1"), cv_labels_accuracy=own.get("accuracy"),
            seconds=round(time.monotonic() - started, 1))
        curve.save()
        m = curve.points[key]
        say(f"{key}: test macro-F1 {m['macro_f1']:.3f}, ECE {m['ece']:.3f} ({m['seconds']:.0f} s)")
        return m

    if "shipped" not in curve.points:
        shipped()
    # The weight: the one whose model reads the team's own labels best out of fold (the test part unseen).
    checked = [(w, point("suggested", check_budget, w, None)) for w in weights]
    best = max(checked, key=lambda wm: (wm[1]["cv_labels_macro_f1"] or 0.0, -weights.index(wm[0])))[0]
    curve.data["weight"] = {"chosen": best, "budget": check_budget,
                            "rule": "the higher cross-validated macro-F1 on the team's labels (out of fold, "
                                    "in training); the first of the weights on a tie"}
    curve.save()
    todo = [p for p in plan(budgets, seeds, best) if point_key(p[0], p[1], p[2], p[3]) not in curve.points]
    for strategy, n, weight, seed in todo:
        point(strategy, n, weight, seed)
    curve.data["complete"] = True
    curve.data["summary"] = summary(curve.data)
    curve.save()
    return curve.data


# ---------------------------------------------------------------- reading the results


def series(data: dict[str, Any]) -> dict[str, dict[int, dict[str, Any]]]:
    """{"suggested": {n: point}, "random": {n: {"mean", "min", "max", "seeds"} per metric}} at the chosen weight,
    point 0 in both."""
    import numpy as np

    points = data["points"]
    weight = (data.get("weight") or {}).get("chosen")
    out: dict[str, dict[int, dict[str, Any]]] = {"suggested": {}, "random": {}}
    if "shipped" in points:
        zero = points["shipped"]
        out["suggested"][0] = {m: zero[m] for m in ("macro_f1", "ece")}
        out["random"][0] = {m: {"mean": zero[m], "min": zero[m], "max": zero[m], "seeds": 1} for m in ("macro_f1", "ece")}
    if weight is None:
        return out
    seeds = data["settings"]["seeds"]
    for n in data["settings"]["budgets"]:
        s = points.get(point_key("suggested", n, weight))
        if s:
            out["suggested"][n] = {m: s[m] for m in ("macro_f1", "ece")}
        runs = [points[k] for k in (point_key("random", n, weight, seed) for seed in seeds) if k in points]
        if runs:
            out["random"][n] = {m: {"mean": float(np.mean([r[m] for r in runs])), "min": min(r[m] for r in runs),
                                    "max": max(r[m] for r in runs), "seeds": len(runs)} for m in ("macro_f1", "ece")}
    return out


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """The target, read off the results: at 100 suggested labels, +5 points of macro-F1 (or 0.95), and above random."""
    s = series(data)
    zero = s["suggested"].get(0, {}).get("macro_f1")
    sug = s["suggested"].get(TARGET_BUDGET, {}).get("macro_f1")
    rnd = s["random"].get(TARGET_BUDGET, {}).get("macro_f1", {})
    if zero is None or sug is None or not rnd:
        return {"measured": False}
    gain = sug - zero
    return {"measured": True, "budget": TARGET_BUDGET, "shipped_macro_f1": zero, "suggested_macro_f1": sug,
            "random_macro_f1_mean": rnd["mean"], "gain": gain,
            "rises_enough": bool(gain >= TARGET_GAIN - 1e-12 or sug >= TARGET_F1),
            "beats_random": bool(sug > rnd["mean"]),
            "met": bool((gain >= TARGET_GAIN - 1e-12 or sug >= TARGET_F1) and sug > rnd["mean"])}


def n_points(data: dict[str, Any]) -> tuple[int, int]:
    """(measured, planned) points of the curve at the chosen weight, plus the weight check."""
    st = data["settings"]
    planned = 1 + len(st["budgets"]) * (1 + len(st["seeds"])) + len(st["weights"]) - 1
    return len(data["points"]), planned


def render(data: dict[str, Any]) -> str:
    """The README's table: test macro-F1 and ECE per number of labels, suggested and random (mean, min–max)."""
    s = series(data)
    done, planned = n_points(data)
    first = "labels" if data.get("complete") else f"labels (PARTIAL: {done} of {planned} points)"

    def rand(n: int, m: str) -> str:
        r = s["random"].get(n, {}).get(m)
        if not r:
            return "–"
        return f"{r['mean']:.3f}" if r["min"] == r["max"] else f"{r['mean']:.3f} ({r['min']:.3f}–{r['max']:.3f})"

    def sug(n: int, m: str) -> str:
        v = s["suggested"].get(n, {}).get(m)
        return "–" if v is None else f"{v:.3f}"

    lines = [f"| {first} | macro-F1, suggested | macro-F1, random | ECE, suggested | ECE, random |",
             "|---|---:|---:|---:|---:|"]
    for n in [0, *data["settings"]["budgets"]]:
        name = "0 (shipped model)" if n == 0 else str(n)
        lines.append(f"| {name} | {sug(n, 'macro_f1')} | {rand(n, 'macro_f1')} | {sug(n, 'ece')} | {rand(n, 'ece')} |")
    return "\n".join(lines)


def plot(data: dict[str, Any], path: Path) -> Path:
    """macro-F1 and ECE against the number of labels: suggested, and random as its mean with the min–max band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = series(data)
    st = data["settings"]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.8))
    for ax, metric, name in ((axes[0], "macro_f1", "test macro-F1"), (axes[1], "ece", "test ECE (10 bins)")):
        xs = sorted(s["suggested"])
        ax.plot(xs, [s["suggested"][n][metric] for n in xs], "o-", color="tab:blue", label="suggested (label suggest)")
        xr = sorted(s["random"])
        mean = [s["random"][n][metric]["mean"] for n in xr]
        ax.plot(xr, mean, "s--", color="tab:orange", label=f"random, mean of {len(st['seeds'])} seeds")
        ax.fill_between(xr, [s["random"][n][metric]["min"] for n in xr], [s["random"][n][metric]["max"] for n in xr],
                        color="tab:orange", alpha=0.2, label="random, min–max")
        ax.set_xticks([0, *st["budgets"]])
        ax.set_xlabel(f"labels from the pool ({st['pool']['rows']} claims)")
        ax.set_title(name)
        ax.grid(alpha=0.3)
    axes[0].legend(loc="lower right", fontsize=8)
    weight = (data.get("weight") or {}).get("chosen")
    partial = "" if data.get("complete") else "  [PARTIAL]"
    fig.suptitle(f"{st['labelled']['name']}: test part n={st['test']['rows']} · corpus + labels "
                 f"(weight {weight if weight is None else f'{weight:g}'}), C={st['params'].get('C'):g}{partial}",
                 fontsize=9)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
