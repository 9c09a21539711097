"""Labels that are probably wrong: cross-validated probabilities, ranked by cleanlab.

Each labelled row is scored by a model that never saw it (out-of-fold predictions of
:func:`claimclf.train.cross_validate`, the same folds and pipeline as training), so a wrong
label cannot vouch for itself. cleanlab's confident learning then names the rows whose given
label the held-out model contradicts beyond its per-class confidence, and scores every row's
label quality (self-confidence: the held-out probability of the given label).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimclf.config import LABELS, POSITIVE

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

ISSUE_COLUMNS = ["given_label", "suggested_label", "label_quality", "label_issue", "rank"]
FOLDS = 5


def out_of_fold(df: pd.DataFrame, corpus: pd.DataFrame | None = None, folds: int = FOLDS,
                params: dict | None = None) -> np.ndarray:
    """p(cosmetic) for each row of ``df`` from a pipeline fitted on the other folds.

    With ``corpus``, its rows join every training fold (kept in their scenario groups, so
    near-duplicates never straddle a split) and only ``df``'s held-out probabilities are returned.
    Corpus rows with the text of a row of ``df`` are left out: that row would be scored by a model
    that had seen it.
    """
    import pandas as pd

    from claimclf.train import DEFAULT_PARAMS, cross_validate, cv_groups

    params = dict(DEFAULT_PARAMS, **(params or {}))
    mine = df[["text", "label"] + [c for c in ("scenario",) if c in df.columns]].assign(source_file="data")
    if corpus is None:
        merged = mine
    else:
        theirs = without_texts_of(corpus[["text", "label"] + [c for c in ("scenario",) if c in corpus.columns]], df)
        merged = pd.concat([mine, theirs.assign(source_file="corpus")], ignore_index=True)
    result = cross_validate(merged["text"].astype(str).tolist(), merged["label"].to_numpy(), params,
                            groups=cv_groups(merged), n_splits=folds)
    return result.oof_p[: len(df)]


def without_texts_of(corpus: pd.DataFrame, df: pd.DataFrame) -> pd.DataFrame:
    """``corpus`` without the rows whose text (stripped) is that of a row of ``df``."""
    texts = set(df["text"].astype(str).str.strip())
    return corpus[~corpus["text"].astype(str).str.strip().isin(texts)]


def rank_issues(df: pd.DataFrame, p_cosmetic: np.ndarray) -> pd.DataFrame:
    """``df`` with :data:`ISSUE_COLUMNS`, most suspicious label first.

    ``label_quality`` is cleanlab's self-confidence score (0: the held-out model is sure the label is
    wrong, 1: sure it is right); ``label_issue`` marks the rows cleanlab's ``find_label_issues``
    flags (confident learning, pruned by noise rate); ``rank`` 1 is the likeliest wrong label.
    """
    import numpy as np
    from cleanlab.filter import find_label_issues
    from cleanlab.rank import get_label_quality_scores

    labels = (df["label"].to_numpy() == POSITIVE).astype(int)  # LABELS order: 0 therapeutic, 1 cosmetic
    p = np.clip(np.asarray(p_cosmetic, dtype=float), 0.0, 1.0)
    pred_probs = np.column_stack([1.0 - p, p])
    quality = get_label_quality_scores(labels, pred_probs, method="self_confidence")
    flagged = find_label_issues(labels, pred_probs, filter_by="prune_by_noise_rate")
    order = np.argsort(quality, kind="stable")  # ties keep the file's order
    out = df.assign(
        given_label=df["label"].to_numpy(),
        suggested_label=np.asarray(LABELS)[(p >= 0.5).astype(int)],
        label_quality=np.round(quality, 6),
        label_issue=flagged,
    )
    out = out.iloc[order].reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def recall_at(ranked: pd.DataFrame, wrong_ids: set, id_col: str = "id", factor: int = 2) -> float:
    """Share of the rows in ``wrong_ids`` that rank within the top ``factor`` x their number."""
    top = set(ranked[id_col].head(factor * len(wrong_ids)))
    return len(top & wrong_ids) / len(wrong_ids) if wrong_ids else 1.0


def flip_labels(df: pd.DataFrame, share: float = 0.05, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """``df`` with ``share`` of its labels flipped at random (seeded), and the positions flipped: for measuring."""
    import numpy as np

    rng = np.random.default_rng(seed)
    where = rng.choice(len(df), max(1, round(share * len(df))), replace=False)
    y = df["label"].to_numpy().copy()
    y[where] = np.where(y[where] == POSITIVE, LABELS[0], POSITIVE)
    return df.assign(label=y), np.sort(where)
