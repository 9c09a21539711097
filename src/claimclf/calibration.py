"""Platt scaling that keeps the model linear, so calibrated scores stay explainable term by term."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin


class PlattCalibrated(ClassifierMixin, BaseEstimator):
    """A fitted-in-place linear classifier whose scores are rescaled ``a * score + b`` (Platt scaling).

    ``a`` and ``b`` are learnt from out-of-fold predictions of grouped cross-validation, so the
    probabilities reflect how the model does on scenarios it has not seen. The model stays linear:
    ``coef_`` is the rescaled coefficient vector, so per-feature evidence remains exact.
    """

    def __init__(self, estimator, a: float = 1.0, b: float = 0.0, positive: str = "cosmetic") -> None:
        self.estimator = estimator
        self.a = a
        self.b = b
        self.positive = positive

    def _b(self) -> float:
        """``b`` is fitted on the log-odds of ``positive``; the estimator scores ``classes_[1]``."""
        return self.b if self.estimator.classes_[1] == self.positive else -self.b

    def fit(self, X, y) -> PlattCalibrated:
        self.estimator.fit(X, y)
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
