import pandas as pd

from claimclf.dataset import validate


def good():
    return pd.DataFrame({
        "id": ["1", "2", "3", "4"],
        "text": ["a", "b", "c", "d"],
        "label": ["cosmetic", "therapeutic", "cosmetic", "therapeutic"],
        "lang": ["en", "en", "zh", "zh"],
    })


def test_clean_data_passes():
    assert validate(good()).ok


def test_each_problem_is_caught():
    df = good()
    df.loc[1, "text"] = "a"  # same text as row 0 with the other label
    df.loc[2, "label"] = "aesthetic"
    df.loc[3, "text"] = " "
    report = validate(df)
    failed = {c.name for c in report.checks if not c.ok}
    assert {"one text, two labels", "label values", "empty texts"} <= failed
    assert not report.ok


def test_missing_columns_fail():
    report = validate(pd.DataFrame({"text": ["a"]}))
    assert not report.ok and "missing column" in report.lines()[1]


def test_imbalance_is_a_warning_not_a_failure():
    df = pd.DataFrame({"id": list("abcde"), "text": list("abcde"), "label": ["cosmetic"] * 4 + ["therapeutic"],
                       "lang": ["en"] * 5})
    report = validate(df)
    assert report.ok and any(c.name == "class balance by language" and not c.ok for c in report.checks)
