"""The character block's vectorizer: scikit-learn's TF-IDF, learning no feature rather than failing when none is frequent.

Read from Chinese runs only, data with little or no Chinese (English claims alone) has no
character n-gram in ``min_df`` texts; the words still carry the model. Imported by training
only: scoring reads the fitted arrays (:mod:`claimclf.scoring.engine`).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


class CharTfidfVectorizer(TfidfVectorizer):
    """``TfidfVectorizer`` whose fit on texts without a frequent enough n-gram gives an empty vocabulary."""

    def fit(self, raw_documents, y=None):
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents, y=None):
        docs = list(raw_documents)
        try:
            return super().fit_transform(docs, y)
        except ValueError as exc:
            if "empty vocabulary" not in str(exc):
                raise
        self.vocabulary_ = {}
        self.idf_ = np.zeros(0, dtype=np.float64)
        return self._empty(len(docs))

    def transform(self, raw_documents):
        if getattr(self, "vocabulary_", None) == {}:
            return self._empty(len(list(raw_documents)))
        return super().transform(raw_documents)

    def get_feature_names_out(self, input_features=None):
        if getattr(self, "vocabulary_", None) == {}:
            return np.zeros(0, dtype=object)
        return super().get_feature_names_out(input_features)

    def _empty(self, n: int) -> sparse.csr_matrix:
        return sparse.csr_matrix((n, 0), dtype=self.dtype)
