import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimclf.decision import Policy
from claimclf.persistence import load
from claimclf.scoring.scorer import OUTPUT_COLUMNS, Scorer, attach_results, text_values


@pytest.fixture(scope="module")
def scorer(small_model):
    model = load(small_model)
    return Scorer(model.engine(), Policy.from_sidecar(model.sidecar))


def test_unscorable_rows_go_to_review_with_a_reason(scorer):
    out = scorer.score_texts([None, "", "   ", 42, float("nan"), "upper lid skin rests on lashes, field 20 degrees"])
    assert [r["decision"] for r in out[:5]] == ["review"] * 5
    assert [r["reason"] for r in out[:5]] == ["missing text", "empty text", "empty text", "text is not a string (int)",
                                              "missing text"]
    assert all(math.isnan(r["p_cosmetic"]) for r in out[:5])
    assert out[5]["predicted_label"] in ("therapeutic", "cosmetic") and 0 <= out[5]["p_cosmetic"] <= 1


def test_frame_keeps_rows_order_and_columns(scorer):
    df = pd.DataFrame({"claim": ["z", "a", "m"], "text": ["wants smaller nose", "", "烧伤后瘢痕挛缩，活动受限"]})
    out = attach_results(df, scorer.score_column(text_values(df, "text")))
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


# --- arbitrary Unicode never crashes a chunk (batch scoring) --------------------------------

_SCRIPTS = st.one_of(
    st.characters(codec="utf-8"),  # anything, surrogates aside: control characters, private use, combining marks
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.sampled_from(["\x00", "\x1b", "\r", "\n", "\t", "\u200b", "\ufeff", "\u202e", "\u3000", "。", "、", "\ufffd"]),
    st.sampled_from(list("ąéßЖжעבرسभ한글ｱﾟ")),
)
_TEXTS = st.one_of(
    st.text(_SCRIPTS, max_size=400),
    # huge strings, built by repetition so that Hypothesis stays fast
    st.builds(lambda s, n: s * n, st.text(_SCRIPTS, min_size=1, max_size=12), st.integers(1_000, 40_000)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_TEXTS, st.none(), st.floats(allow_nan=True), st.binary(max_size=8), st.booleans()),
                min_size=1, max_size=6))
def test_arbitrary_unicode_always_yields_exactly_one_row_each(scorer, values):
    from claimclf.scoring.scorer import MAX_CHARS

    out = scorer.score_column(values)
    assert len(out) == len(values) and list(out.columns) == OUTPUT_COLUMNS
    for value, (_, row) in zip(values, out.iterrows(), strict=True):
        assert row["decision"] in ("therapeutic", "cosmetic", "review")
        assert math.isnan(row["p_cosmetic"]) or 0 <= row["p_cosmetic"] <= 1
        if isinstance(value, str) and len(value) > MAX_CHARS and value.strip():
            assert row["reason"].startswith("truncated")
        if not isinstance(value, str):
            assert row["decision"] == "review" and row["reason"]


def test_a_chunk_leaves_no_per_text_cache_behind(scorer):
    """Caches keyed by whole texts are emptied after each chunk: kept, they grow with every distinct claim."""
    from claimclf import features
    from claimclf.text import tokenize

    scorer.score_column([f"upper lid skin on lashes {i}" for i in range(50)])
    assert tokenize.cache_info().currsize == 0
    if hasattr(getattr(features, "_analyze", None), "cache_info"):
        assert features._analyze.cache_info().currsize == 0


def test_a_one_megabyte_claim_is_scored_with_a_flag(scorer):
    out = scorer.score_column(["上睑皮肤松弛遮挡视线 " * 100_000])
    assert out.loc[0, "reason"].startswith("truncated") and out.loc[0, "predicted_label"] in ("therapeutic", "cosmetic")


def test_rows_the_reader_could_not_parse_go_to_review_unscored(scorer):
    from claimclf.tables import Unreadable

    out = scorer.score_texts([Unreadable("malformed row ending on line 3"), "burn scar contracture, cannot extend elbow"])
    assert out[0]["decision"] == "review" and out[0]["reason"] == "malformed row ending on line 3"
    assert math.isnan(out[0]["p_cosmetic"]) and out[0]["predicted_label"] == ""
    assert out[1]["predicted_label"] == "therapeutic"
