"""From a model's score to a decision: Platt calibration (fit and apply), the review band, and doubt.

Calibration is folded into the linear model so that evidence stays exact term by term. The
review band is chosen on held-out predictions. Doubt rules send text that carries no
justification (a bare procedure name, no English or Chinese, unknown words) to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from claimclf.config import POSITIVE, REVIEW_BAND
from claimclf.errors import ClaimError
from claimclf.text import BOUNDARY, TokenMemo, detect_lang, has_cjk, tokenize

if TYPE_CHECKING:
    import numpy as np

PRESUMED_COSMETIC_FILE = "presumed_cosmetic.txt"
_KANA = re.compile("[\u3040-\u30ff]")
MIN_CONTENT_TOKENS = 4
SHRINK = 0.25  # doubted texts keep a quarter of their distance from 0.5
# A text earns confidence word by word: |log-odds| < BASE + PER_WORD x (content words), so a handful
# of words can never read as certain (four words: below 0.993; 0.9995 needs at least seven).
LOGODDS_BASE = 1.0
LOGODDS_PER_WORD = 1.0
WORDS_COUNTED = 64  # past this many words the bound moves no printed probability


# ---------------------------------------------------------------- calibration


def fit_platt(y, p) -> tuple[float, float]:
    """Slope and intercept mapping logit(p) of the positive class to calibrated log-odds."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    logit = np.log(p / (1 - p)).reshape(-1, 1)
    lr = LogisticRegression(C=1e4).fit(logit, np.asarray(y) == POSITIVE)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def cross_fit_platt(y, p, folds: int = 5, seed: int = 0) -> np.ndarray:
    """Each row's p calibrated by a Platt fit on the other folds: honest probabilities to choose a band on."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    out = np.full(len(y), np.nan)
    for fit_idx, held_idx in StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(p, y):
        a, b = fit_platt(y[fit_idx], np.asarray(p)[fit_idx])
        out[held_idx] = apply_platt(np.asarray(p)[held_idx], a, b)
    return out


def apply_platt(p, a: float, b: float) -> np.ndarray:
    import numpy as np

    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return 1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b)))


def __getattr__(name: str):
    """``PlattCalibrated`` is built on first use: scoring imports this module and must not import scikit-learn."""
    if name == "PlattCalibrated":
        cls = globals()["PlattCalibrated"] = _define_platt_calibrated()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _define_platt_calibrated():
    import numpy as np
    from sklearn.base import BaseEstimator, ClassifierMixin

    class PlattCalibrated(ClassifierMixin, BaseEstimator):
        """A linear classifier whose scores are rescaled ``a * score + b`` (Platt scaling).

        ``a`` and ``b`` are learnt from out-of-fold predictions of grouped cross-validation, so the
        probabilities reflect how the model does on scenarios it has not seen. The model stays
        linear: ``coef_`` is the rescaled coefficient vector, so per-feature evidence remains exact.
        """

        def __init__(self, estimator, a: float = 1.0, b: float = 0.0, positive: str = "cosmetic") -> None:
            self.estimator = estimator
            self.a = a
            self.b = b
            self.positive = positive

        def _b(self) -> float:
            """``b`` is fitted on the log-odds of ``positive``; the estimator scores ``classes_[1]``."""
            return self.b if self.estimator.classes_[1] == self.positive else -self.b

        def fit(self, X, y, sample_weight=None):
            self.estimator.fit(X, y, sample_weight=sample_weight)
            return self

        def __sklearn_is_fitted__(self) -> bool:
            return hasattr(self.estimator, "coef_")

        @property
        def classes_(self):
            return self.estimator.classes_

        @property
        def coef_(self):
            return self.a * self.estimator.coef_

        @property
        def intercept_(self):
            return self.a * self.estimator.intercept_ + self._b()

        def decision_function(self, X):
            return self.a * self.estimator.decision_function(X) + self._b()

        def predict_proba(self, X):
            p1 = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
            return np.column_stack([1.0 - p1, p1])

        def predict(self, X):
            return np.asarray(self.classes_)[(self.decision_function(X) > 0).astype(int)]

    PlattCalibrated.__module__ = __name__  # pickled by reference as claimclf.decision.PlattCalibrated
    PlattCalibrated.__qualname__ = "PlattCalibrated"
    return PlattCalibrated


# ---------------------------------------------------------------- review band


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


def parse_band(band: str | None) -> tuple[float, float] | None:
    """``"0.35,0.65"`` as a (low, high) pair, for ``--review-band``."""
    if band is None:
        return None
    try:
        low, high = (float(x) for x in band.split(","))
    except ValueError:
        raise ClaimError(f"--review-band {band!r} must be two numbers like 0.35,0.65") from None
    if not 0 <= low <= high <= 1:
        raise ClaimError(f"--review-band {band!r}: need 0 ≤ low ≤ high ≤ 1")
    return low, high


@dataclass(frozen=True)
class Policy:
    """Turns ``p_cosmetic`` into a decision: ``review`` inside the band, else the side it falls on."""

    threshold: float = 0.5
    review_low: float = REVIEW_BAND[0]
    review_high: float = REVIEW_BAND[1]

    def __post_init__(self) -> None:
        if not (0.0 <= self.review_low <= self.threshold <= self.review_high <= 1.0):
            raise ClaimError(
                f"review band {self.review_low:g}..{self.review_high:g} must lie in 0..1 and contain the "
                f"threshold {self.threshold:g}"
            )

    def label(self, p: float) -> str:
        return POSITIVE if p >= self.threshold else "therapeutic"

    def decide(self, p: float) -> str:
        if p >= self.review_high:
            return POSITIVE
        if p <= self.review_low:
            return "therapeutic"
        return "review"

    @classmethod
    def from_sidecar(cls, sidecar: dict, band: tuple[float, float] | None = None) -> Policy:
        stored = sidecar.get("decision_policy", {})
        threshold = float(stored.get("threshold", 0.5))
        low, high = band or (stored.get("review_low", REVIEW_BAND[0]), stored.get("review_high", REVIEW_BAND[1]))
        return cls(threshold=threshold, review_low=float(low), review_high=float(high))


# ---------------------------------------------------------------- doubt


def shipped_presumed_cosmetic() -> tuple[str, ...]:
    """The names in ``resources/presumed_cosmetic.txt`` (written by ``claimclf data generate``)."""
    path = resources.files("claimclf") / "resources" / PRESUMED_COSMETIC_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


def presumed_cosmetic_bytes() -> bytes:
    return (resources.files("claimclf") / "resources" / PRESUMED_COSMETIC_FILE).read_bytes()


@dataclass(frozen=True)
class Doubt:
    """Why the model should not decide a text alone.

    ``presumed_cosmetic`` travels with the model (its scoring arrays), so regenerating the
    corpus never changes what an already-trained model decides.
    """

    presumed_cosmetic: tuple[str, ...]

    def reason(self, raw: str, norm: str, tokens: tuple[str, ...] | None = None, content: int | None = None,
               votes: tuple[str, ...] | None = None) -> str:
        """The reason for review, or ``""``: ``raw`` as given, ``norm`` its normalised form, ``tokens``
        its tokens (:func:`claimclf.text.tokenize`), ``content`` their content tokens counted (up to at
        least :data:`MIN_CONTENT_TOKENS`) and ``votes`` their Latin words' languages
        (:func:`claimclf.languages.token_votes`) when already known.

        "Another language" is judged against general vocabularies (:mod:`claimclf.languages`),
        never against the words the model was trained on.
        """
        lang = detect_lang(raw)
        if lang == "unknown":
            return "no English or Chinese text to judge"
        if lang == "zh" and _KANA.search(raw) and len(_KANA.findall(raw)) >= 0.2 * len(raw.strip()):
            return "written in Japanese (another language), not English or Chinese"
        if lang in ("en", "mixed"):
            from claimclf.languages import other_language_of_votes, token_votes

            if votes is None:
                votes = token_votes(tokenize(norm) if tokens is None else tokens)
            other = other_language_of_votes(votes)
            if other and (lang == "en" or not has_cjk(norm)):
                return f"written in {other} (another language), not English or Chinese"
        if content is None:
            content = count_content_tokens(tokenize(norm) if tokens is None else tokens, MIN_CONTENT_TOKENS)
        too_short = content < MIN_CONTENT_TOKENS
        if too_short and not any(name in norm for name in self.presumed_cosmetic):
            return "too short to judge: no reason given for the procedure"
        return ""


def content_tokens(norm: str) -> list[str]:
    return [t for t in tokenize(norm) if _is_content(t)]


def _is_content(token: str) -> bool:
    """Not a boundary, a number or blank."""
    return token != BOUNDARY and not token.replace(".", "").isdigit() and len(token.strip()) > 0


_CONTENT = TokenMemo(_is_content)  # claims reuse a small vocabulary, and this runs for every token


def is_content_token(token: str) -> bool:
    """Whether one token counts as content (memoised): for reading many clauses' tokens in one pass."""
    return _CONTENT[token]


def count_content_tokens(tokens: tuple[str, ...], limit: int | None = None) -> int:
    """How many content tokens ``tokens`` hold, counted no further than ``limit`` when given."""
    found = sum(map(_CONTENT.__getitem__, tokens))
    return found if limit is None else min(limit, found)


def bound_confidence(p: float, n_words: int) -> float:
    """``p`` with its log-odds squashed to what ``n_words`` content words can carry.

    The training corpus states its reasons more plainly than real claims, so a linear model
    learns word weights that make a three-word question look certain. The squash
    (``cap * tanh(z / cap)``) keeps the order of scores and hardly moves moderate ones.
    """
    import math

    p = min(1.0 - 1e-16, max(1e-300, float(p)))  # finite log-odds
    cap = LOGODDS_BASE + LOGODDS_PER_WORD * n_words
    z = math.log(p) - math.log1p(-p)
    return 1.0 / (1.0 + math.exp(-cap * math.tanh(z / cap)))


def bound_confidences(p, norms: list[str]) -> np.ndarray:
    """:func:`bound_confidence` for many texts (normalised), e.g. held-out predictions in training."""
    import numpy as np

    counts = [count_content_tokens(tokenize(n), WORDS_COUNTED) for n in norms]
    return np.array([bound_confidence(x, k) for x, k in zip(p, counts, strict=True)])


def shrink(p: float) -> float:
    """Pull a probability towards 0.5 for a text the model should doubt."""
    return 0.5 + (p - 0.5) * SHRINK
