"""Which unlabelled claims to label next: the uncertain ones, spread over languages and kinds of claim.

A claim teaches the model most when the model cannot yet tell (its p_cosmetic is near the
threshold or inside the review band), and a batch teaches most when its claims differ: ten
near-copies of one uncertain note teach about as much as one. So the most uncertain claims form
a pool, the pool is split by language (each language present gets its share) and into clusters
of similar texts (character n-grams, which read English and Chinese alike), and each cluster gives
its most uncertain claim; a claim too similar to one already chosen is passed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

POOL_FACTOR = 2  # the pool holds the N x this most uncertain claims (and every claim in the review band)
NEAR_DUPLICATE = 0.8  # cosine similarity of character n-gram TF-IDF at which two claims count as one


def uncertainty(p: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """1 at the threshold, 0 at certainty: how far p is from deciding, on each side's own scale."""
    import numpy as np

    p = np.asarray(p, dtype=float)
    below = 1.0 - (threshold - p) / threshold
    above = 1.0 - (p - threshold) / (1.0 - threshold)
    return np.clip(np.where(p < threshold, below, above), 0.0, 1.0)


def _vectors(norms: list[str]):
    """Row-normalised character n-gram TF-IDF: cosine similarity is a dot product."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=1, sublinear_tf=True).fit_transform(norms)


def _groups(vectors, k: int, seed: int) -> np.ndarray:
    """``k`` groups of similar claims (k-means on the TF-IDF rows; fewer when the claims are copies)."""
    import warnings

    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.exceptions import ConvergenceWarning

    if k <= 1:
        return np.zeros(vectors.shape[0], dtype=int)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # fewer distinct claims than k: some groups stay empty
        return KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(vectors)


def _quotas(counts: dict[str, int], n: int) -> dict[str, int]:
    """N shared among languages in proportion to their uncertain claims, each present language at least one."""
    present = {k: v for k, v in counts.items() if v > 0}
    if not present:
        return {}
    quotas = {k: 1 for k in present} if n >= len(present) else {}
    left = n - sum(quotas.values())
    total = sum(present.values())
    shares = {k: left * v / total for k, v in present.items()}
    for k in present:
        quotas[k] = quotas.get(k, 0) + int(shares[k])
    by_remainder = sorted(present, key=lambda k: shares[k] - int(shares[k]), reverse=True)
    for k in by_remainder[: n - sum(quotas.values())]:
        quotas[k] += 1
    return {k: min(v, present[k]) for k, v in quotas.items() if v > 0}


def _ordinal(k: int) -> str:
    return f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"


def choose(norms: list[str], langs: list[str], p: np.ndarray, in_band: np.ndarray, n: int,
           threshold: float = 0.5, seed: int = 0) -> list[tuple[int, str]]:
    """Positions of the ``n`` claims to label (most uncertain first), each with why it was chosen.

    ``norms`` are the candidates' normalised texts, ``langs`` their languages, ``p`` their
    p_cosmetic and ``in_band`` whether it lies in the review band. Fewer than ``n`` come back
    when the rest are near-copies of those chosen.
    """
    import numpy as np

    if n <= 0 or not len(norms):
        return []
    p, in_band = np.asarray(p, dtype=float), np.asarray(in_band, dtype=bool)
    u = uncertainty(p, threshold)
    order = np.lexsort((np.arange(len(u)), -u))  # most uncertain first, ties in file order
    pool = order[: max(int(POOL_FACTOR * n), int(in_band.sum()))]
    vectors = _vectors([norms[i] for i in pool])  # row j is the claim at pool[j]
    row = {int(i): j for j, i in enumerate(pool)}
    pool_langs = np.asarray(langs)[pool]
    quotas = _quotas({lang: int(np.sum(pool_langs == lang)) for lang in dict.fromkeys(pool_langs)}, n)
    chosen: list[int] = []
    why: dict[int, str] = {}

    def near_duplicate(i: int) -> bool:
        if not chosen:
            return False
        sims = vectors[[row[j] for j in chosen]] @ vectors[row[i]].T
        return bool(sims.max() >= NEAR_DUPLICATE) or any(norms[j] == norms[i] for j in chosen)

    place = np.empty(len(order), dtype=int)
    place[order] = np.arange(1, len(order) + 1)

    def reason(i: int) -> str:
        where = "in the review band" if in_band[i] else f"the {_ordinal(place[i])} least certain of {len(order)}"
        return f"p_cosmetic {p[i]:.3f}, {where}"

    for lang, quota in quotas.items():
        members = pool[pool_langs == lang]
        k = min(quota, len(members))
        labels = _groups(vectors[[row[int(i)] for i in members]], k, seed)
        groups = [c for c in range(k) if np.any(labels == c)]  # copies can leave a group empty
        for c in sorted(groups, key=lambda c: -u[members[labels == c]].max()):  # most uncertain group first
            inside = members[labels == c]
            for i in inside[np.lexsort((inside, -u[inside]))]:
                if not near_duplicate(int(i)):
                    chosen.append(int(i))
                    why[int(i)] = (f"{reason(i)}; most uncertain of a group of {len(inside)} similar {lang} claim(s) "
                                   f"(group {c + 1} of {k} in {lang})")
                    break
    for i in pool:  # slots left (a group held only near-copies): the next most uncertain, still no copies
        if len(chosen) >= n:
            break
        if int(i) not in why and not near_duplicate(int(i)):
            chosen.append(int(i))
            why[int(i)] = f"{reason(i)}; next most uncertain unlike those already chosen"
    chosen = sorted(chosen[:n], key=lambda i: (-u[i], i))
    return [(i, why[i]) for i in chosen]


def suggest(frame: pd.DataFrame, scored: pd.DataFrame, n: int, review_band: tuple[float, float],
            threshold: float = 0.5, skip: np.ndarray | None = None, text_col: str = "text",
            seed: int = 0) -> tuple[pd.DataFrame, dict[str, int]]:
    """The ``n`` rows of ``frame`` to label, with an empty ``label`` and the scoring columns, and counts of what was left out.

    ``scored`` holds the scorer's columns for every row of ``frame`` (same order); ``skip`` marks rows
    already labelled. Rows the scorer could not judge (no text, another language, too short) are not
    offered: a label for them would not teach the word weights.
    """
    import numpy as np

    from claimclf.text import detect_lang, normalize

    skip = np.zeros(len(frame), dtype=bool) if skip is None else np.asarray(skip, dtype=bool)
    p = scored["p_cosmetic"].to_numpy(dtype=float)
    judged = ~np.isnan(p) & (scored["reason"].fillna("").astype(str).to_numpy() == "")
    candidates = np.flatnonzero(judged & ~skip)
    counts = {"rows": len(frame), "already_labelled": int(skip.sum()), "not_judged": int((~judged & ~skip).sum()),
              "candidates": len(candidates)}
    texts = frame[text_col].iloc[candidates].astype(str).tolist() if len(candidates) else []
    norms = [normalize(t) for t in texts]
    langs = [detect_lang(t) for t in texts]
    pc = p[candidates]
    low, high = review_band
    picked = choose(norms, langs, pc, (pc > low) & (pc < high), n, threshold, seed)
    rows = [candidates[i] for i, _ in picked]
    out = frame.iloc[rows].copy()
    out["label"] = ""
    for col in ("predicted_label", "p_cosmetic", "evidence"):
        out[col] = scored[col].to_numpy()[rows]
    out["why_chosen"] = [w for _, w in picked]
    counts["chosen"] = len(out)
    return out.reset_index(drop=True), counts
