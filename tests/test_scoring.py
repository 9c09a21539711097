import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimclf.errors import ClaimError
from claimclf.persistence import load_model
from claimclf.scoring import OUTPUT_COLUMNS, Policy, Scorer


@pytest.fixture(scope="module")
def scorer(small_model):
    pipeline, sidecar = load_model(small_model)
    return Scorer(pipeline, Policy.from_sidecar(sidecar))


def test_policy_band():
    pol = Policy(0.5, 0.4, 0.6)
    assert [pol.decide(p) for p in (0.1, 0.4, 0.45, 0.59, 0.6)] == ["therapeutic", "therapeutic", "review", "review", "cosmetic"]
    with pytest.raises(ClaimError):
        Policy(0.5, 0.7, 0.9)


def test_unscorable_rows_go_to_review_with_a_reason(scorer):
    out = scorer.score_texts([None, "", "   ", 42, float("nan"), "upper lid skin rests on lashes, field 20 degrees"])
    assert [r["decision"] for r in out[:5]] == ["review"] * 5
    assert [r["reason"] for r in out[:5]] == ["missing text", "empty text", "empty text", "text is not a string (int)",
                                              "missing text"]
    assert all(math.isnan(r["p_cosmetic"]) for r in out[:5])
    assert out[5]["predicted_label"] in ("therapeutic", "cosmetic") and 0 <= out[5]["p_cosmetic"] <= 1


def test_frame_keeps_rows_order_and_columns(scorer):
    df = pd.DataFrame({"claim": ["z", "a", "m"], "text": ["wants smaller nose", "", "烧伤后瘢痕挛缩，活动受限"]})
    out = scorer.score_frame(df)
    assert out["claim"].tolist() == ["z", "a", "m"]
    assert list(out.columns) == ["claim", "text", *OUTPUT_COLUMNS]


def test_very_long_text_is_truncated_and_flagged(scorer):
    out = scorer.score_texts(["pain " * 30_000])[0]
    assert out["reason"].startswith("truncated") and out["predicted_label"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=300), st.none(), st.integers()), min_size=1, max_size=5))
def test_any_input_gives_one_row_each(scorer, values):
    out = scorer.score_texts(values)
    assert len(out) == len(values)
    for r in out:
        assert r["decision"] in ("therapeutic", "cosmetic", "review")
        assert math.isnan(r["p_cosmetic"]) or 0 <= r["p_cosmetic"] <= 1
