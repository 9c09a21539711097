"""The scikit-learn pipeline a user would write first, as the yardstick claimclf's scoring is compared with.

jieba words (1- and 2-grams) and ``char_wb`` 1..3-grams, TF-IDF each, side by side, into a logistic
regression; one process, no cache, no worker. ``fit`` trains it on the same corpus as claimclf's
model; ``score`` is what the benchmark times: a fresh process that loads it, reads the CSV, and
writes every row with its probability, start-up included, as ``claimclf score`` is timed.

    python bench/naive.py fit CORPUS MODEL
    python bench/naive.py score MODEL IN.csv OUT.csv
"""

from __future__ import annotations

import sys


def jieba_words(text: str) -> list[str]:
    """jieba's default cut (HMM on), spaces dropped: the tokenizer a first pipeline passes to scikit-learn."""
    import jieba

    return [w for w in jieba.lcut(text) if w.strip()]


def build():
    """The first pipeline: word and character TF-IDF into a logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    words = TfidfVectorizer(tokenizer=jieba_words, token_pattern=None, ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), min_df=3, sublinear_tf=True)
    return Pipeline([("features", FeatureUnion([("words", words), ("chars", chars)])),
                     ("clf", LogisticRegression(max_iter=1000))])


def fit(corpus: str, model: str) -> None:
    import logging

    import jieba
    import joblib
    import pandas as pd

    jieba.setLogLevel(logging.WARNING)
    df = pd.read_csv(corpus)
    pipeline = build().fit(df["text"].astype(str), df["label"])
    joblib.dump(pipeline, model)


def score(model: str, src: str, out: str) -> None:
    import logging

    import jieba
    import joblib
    import pandas as pd

    jieba.setLogLevel(logging.WARNING)
    pipeline = joblib.load(model)
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    classes = list(pipeline.classes_)
    p = pipeline.predict_proba(df["text"])[:, classes.index("cosmetic")]  # one pass of features, as claimclf
    df["predicted_label"] = ["cosmetic" if v >= 0.5 else "therapeutic" for v in p]
    df["p_cosmetic"] = p.round(6)
    df.to_csv(out, index=False)


if __name__ == "__main__":
    import os

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import naive  # the pickled tokenizer must be naive.jieba_words, not __main__'s

    command, *rest = sys.argv[1:]
    {"fit": naive.fit, "score": naive.score}[command](*rest)
