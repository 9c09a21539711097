"""The form a model takes in MLflow: the pipeline behind a step that takes a ``text`` column.

pyfunc, ``mlflow models serve`` and Spark pass a DataFrame; :class:`TextColumn` picks the text
out of it. This module imports scikit-learn, so only what logs or serves a model imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sklearn.base import BaseEstimator, TransformerMixin

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline


def served_model(pipeline: Pipeline) -> Pipeline:
    """The fitted pipeline behind a step that accepts a ``text`` column; plain lists of texts still work."""
    from sklearn.pipeline import Pipeline

    return Pipeline([("text", TextColumn("text")), *pipeline.steps])


def unwrap(model: Any) -> Any:
    """The claimclf pipeline inside a model loaded from MLflow (drops the ``text`` column step)."""
    steps = getattr(model, "steps", None)
    if steps and isinstance(steps[0][1], TextColumn):
        return model[1:]
    return model


class TextColumn(TransformerMixin, BaseEstimator):
    """Selects the text column of a DataFrame (or passes a list of texts through) as a list of str."""

    def __init__(self, column: str = "text") -> None:
        self.column = column

    def fit(self, X: Any, y: Any = None) -> TextColumn:
        return self

    def transform(self, X: Any) -> list[str]:
        if hasattr(X, "columns"):
            X = X[self.column] if self.column in X.columns else X.iloc[:, 0]
        elif hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
            X = X[:, 0]
        return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in X]

    def __sklearn_is_fitted__(self) -> bool:
        return True
