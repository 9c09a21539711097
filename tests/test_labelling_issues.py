"""Likely wrong labels: cleanlab on out-of-fold probabilities; the flipped-label target on the dev set."""

import numpy as np
import pandas as pd
import pytest

from claimclf.dataset import read_labelled
from claimclf.labelling.issues import flip_labels, out_of_fold, rank_issues, recall_at, without_texts_of
from tests.conftest import DEV_SET, ROOT, require_shared


def test_rank_puts_contradicted_labels_first():
    df = pd.DataFrame({"id": list("abcdef"), "text": list("uvwxyz"),
                       "label": ["cosmetic", "cosmetic", "therapeutic", "therapeutic", "cosmetic", "therapeutic"]})
    p = np.array([0.95, 0.10, 0.05, 0.60, 0.80, 0.02])  # b: cosmetic at 0.10; d: therapeutic at 0.60
    ranked = rank_issues(df, p)
    assert ranked["id"].tolist()[:2] == ["b", "d"]
    assert ranked["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert ranked.loc[0, "suggested_label"] == "therapeutic" and ranked.loc[0, "given_label"] == "cosmetic"
    assert ranked.loc[0, "label_quality"] == pytest.approx(0.10)  # self-confidence: p of the given label
    assert ranked["label_quality"].between(0, 1).all()
    assert bool(ranked.loc[0, "label_issue"]) and not ranked.loc[ranked["id"] == "a", "label_issue"].item()


def test_flips_are_seeded_and_counted():
    df = pd.DataFrame({"label": ["cosmetic", "therapeutic"] * 50})
    a, where = flip_labels(df, 0.05, seed=3)
    b, again = flip_labels(df, 0.05, seed=3)
    assert list(where) == list(again) and len(where) == 5 and (a["label"] == b["label"]).all()
    assert (a["label"] != df["label"]).sum() == 5
    assert recall_at(pd.DataFrame({"id": [1, 2, 3, 4]}), {1, 3}) == 1.0
    assert recall_at(pd.DataFrame({"id": [1, 2, 3, 4]}), {2, 4}, factor=1) == 0.5


@pytest.mark.slow
def test_flipped_dev_labels_rank_near_the_top():
    """The target: 5% of dev's labels flipped (seed 0), >= 80% of them within the top 2 x their number.

    Out-of-fold probabilities as `label issues` makes them by default: 5 folds of dev, each fold's
    model also trained on the shipped corpus (about two minutes on two cores).
    """
    dev = read_labelled(require_shared(DEV_SET))
    corpus_path = ROOT / "data" / "claims_labelled.csv"
    if not corpus_path.is_file():
        pytest.skip("the shipped corpus is not generated (claimclf data generate)")
    flipped, where = flip_labels(dev, 0.05, seed=0)
    ranked = rank_issues(flipped, out_of_fold(flipped, read_labelled(corpus_path)))
    assert len(where) == 6
    assert recall_at(ranked, set(dev["id"].iloc[where])) >= 0.8


def test_corpus_copies_of_a_row_do_not_score_it(small_corpus):
    """A row also in the corpus would be scored by a model trained on it: such corpus rows are left out."""
    corpus = read_labelled(small_corpus)
    data = corpus.sample(60, random_state=1).reset_index(drop=True).assign(text=lambda d: " " + d["text"])
    kept = without_texts_of(corpus, data)
    assert len(kept) == len(corpus) - corpus["text"].isin(set(data["text"].str.strip())).sum()
    assert not set(kept["text"]) & set(data["text"].str.strip())
    flipped, _ = flip_labels(data, 0.1, seed=0)
    p = out_of_fold(flipped, corpus, folds=3)
    assert p.shape == (60,) and not np.isnan(p).any()
