"""Choosing claims to label: uncertain first, every language, one per group of similar claims, no near-copies."""

import numpy as np
import pandas as pd

from claimclf.labelling.suggest import _quotas, choose, suggest, uncertainty


def test_uncertainty_peaks_at_the_threshold():
    u = uncertainty(np.array([0.0, 0.25, 0.5, 0.75, 1.0]))
    assert list(u) == [0.0, 0.5, 1.0, 0.5, 0.0]
    assert uncertainty(np.array([0.2]), threshold=0.2)[0] == 1.0


def test_quotas_give_each_language_a_share():
    assert _quotas({"en": 90, "zh": 9, "mixed": 1}, 10) == {"en": 7, "zh": 2, "mixed": 1}
    assert sum(_quotas({"en": 5, "zh": 5}, 7).values()) == 7
    assert _quotas({"en": 2}, 5) == {"en": 2}  # never more than there are


def test_near_copies_are_passed_over_and_languages_covered():
    base = "upper eyelid skin rests on the lashes, superior visual field 20 degrees, improves to 45 when taped"
    norms = [base, base + " .", base.replace("20", "25"),
             "wants a smaller nose tip for photos, breathing is fine",
             "想做双眼皮，眼睛大一点，没有不舒服",
             "鼻中隔偏曲伴鼻塞，药物治疗三个月无效"]
    langs = ["en", "en", "en", "en", "zh", "zh"]
    p = np.array([0.50, 0.51, 0.49, 0.9, 0.3, 0.05])
    picked = choose(norms, langs, p, (p > 0.35) & (p < 0.65), 3)
    positions = [i for i, _ in picked]
    assert len(positions) == 3
    assert len({0, 1, 2} & set(positions)) == 1  # one of the three near-copies
    assert {4} <= set(positions)  # Chinese has its share: its most uncertain claim
    assert positions[0] in (0, 2)  # most uncertain first
    assert all("p_cosmetic" in why and "group" in why for _, why in picked)
    assert "review band" in dict(picked)[positions[0]]


def test_only_near_copies_left_gives_fewer():
    norms = ["wants fuller lips for the wedding photos please"] * 5
    picked = choose(norms, ["en"] * 5, np.full(5, 0.5), np.ones(5, dtype=bool), 3)
    assert len(picked) == 1


def test_suggest_skips_labelled_and_unjudged_rows():
    frame = pd.DataFrame({"id": list("abcde"), "text": ["x one two three", "y", "", "z four five six", "w seven eight"]})
    scored = pd.DataFrame({
        "predicted_label": ["cosmetic", "", "", "therapeutic", "cosmetic"],
        "p_cosmetic": [0.55, 0.5, float("nan"), 0.4, 0.52],
        "decision": ["review"] * 5,
        "evidence": ["e1", "", "", "e3", "e4"],
        "reason": ["", "too short to judge", "empty text", "", ""],
    })
    out, counts = suggest(frame, scored, 5, (0.35, 0.65), skip=np.array([False, False, False, False, True]))
    assert out["id"].tolist() == ["a", "d"]
    assert list(out.columns) == ["id", "text", "label", "predicted_label", "p_cosmetic", "evidence", "why_chosen"]
    assert (out["label"] == "").all()
    assert counts == {"rows": 5, "already_labelled": 1, "not_judged": 2, "candidates": 2, "chosen": 2}
