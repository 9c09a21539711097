from claimclf.baselines import keyword_p_cosmetic, keyword_score, training_majority


def test_keyword_rule_counts_cues_without_reading_negation():
    assert keyword_score("Severe pain and infection after trauma")[0] >= 3
    assert keyword_score("想变美，改善外观")[1] == 2
    # the rule cannot read negation: this is why it is a baseline
    p = keyword_p_cosmetic(["denies pain, wants to look younger", "no pain, no infection, wants smaller nose"])
    assert p[0] > 0.5 and p[1] < 0.5  # "no pain, no infection" still counts as therapeutic
    assert keyword_p_cosmetic(["septoplasty"]) == [0.499]


def test_majority_from_sidecar():
    assert training_majority({"training_data": {"rows_by_label": {"cosmetic": 5, "therapeutic": 7}}}) == "therapeutic"
    assert training_majority({}) == "therapeutic"
