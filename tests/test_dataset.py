import pandas as pd
import pytest

from claimclf.dataset import read_labelled, validate
from claimclf.errors import ClaimError


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


def write(tmp_path, labels, texts=None, name="data.csv"):
    texts = texts or [f"text number {i} {'younger' if lab == 'cosmetic' else 'pain'}" for i, lab in enumerate(labels)]
    path = tmp_path / name
    pd.DataFrame({"text": texts, "label": labels}).to_csv(path, index=False)
    return path


def test_unknown_label_is_named_with_its_line(tmp_path):
    with pytest.raises(ClaimError, match="'maybe' \\(file line 4"):
        read_labelled(write(tmp_path, ["cosmetic", "therapeutic", "maybe"] * 5))


def test_single_class_is_refused_for_training_but_evaluates(tmp_path):
    path = write(tmp_path, ["cosmetic"] * 20)
    with pytest.raises(ClaimError, match="only one class"):
        read_labelled(path, for_training=True)
    assert len(read_labelled(path)) == 20


def test_missing_column_names_the_option(tmp_path):
    path = tmp_path / "x.csv"
    pd.DataFrame({"text": ["a"] * 20}).to_csv(path, index=False)
    with pytest.raises(ClaimError, match="'label'.*--label-col"):
        read_labelled(path)


def test_other_column_names_become_text_and_label(tmp_path):
    path = tmp_path / "named.csv"
    pd.DataFrame({"note": ["pain", "younger"] * 6, "y": ["therapeutic", "cosmetic"] * 6}).to_csv(path, index=False)
    df = read_labelled(path, text_col="note", label_col="y", for_training=True)
    assert list(df.columns) == ["text", "label"] and len(df) == 12


def test_labels_are_cleaned_and_empty_texts_dropped(tmp_path):
    texts = [f"text {i}" for i in range(20)]
    texts[0] = "  "
    out = read_labelled(write(tmp_path, [" Cosmetic", "THERAPEUTIC "] * 10, texts), for_training=True)
    assert set(out["label"]) == {"cosmetic", "therapeutic"} and len(out) == 19


def test_validate_and_training_agree_on_label_case():
    df = good()
    df["label"] = ["Cosmetic", "therapeutic ", "COSMETIC", "Therapeutic"]
    assert validate(df).ok


def test_several_training_files_are_marked_and_weighed(tmp_path):
    from claimclf.dataset import fingerprint_files, parse_weights, read_training_files

    a, b = tmp_path / "corpus.csv", tmp_path / "ours.csv"
    rows = "".join(f"Ptosis blocks the upper field at {i} degrees,therapeutic\nWants fuller lips {i},cosmetic\n" for i in range(6))
    a.write_text("text,label\n" + rows)
    b.write_text("justification,label\n" + rows.replace("Ptosis", "Droop"))
    with pytest.raises(ClaimError, match="--text-col"):
        read_training_files([a, b], {})
    b.write_text("text,label\n" + rows.replace("Ptosis", "Droop"))
    df = read_training_files([a, b], parse_weights(["ours.csv=3"]))
    assert df.groupby("source_file")["weight"].first().to_dict() == {"corpus.csv": 1.0, "ours.csv": 3.0}
    card = fingerprint_files([a, b], df)
    assert card["rows"] == 24 and [f["weight"] for f in card["files"]] == [1.0, 3.0]
    with pytest.raises(ClaimError, match="not a --data file"):
        read_training_files([a, b], {"other.csv": 2.0})
    for bad in (["ours.csv"], ["ours.csv=0"], ["ours.csv=x"]):
        with pytest.raises(ClaimError, match="FILE=WEIGHT"):
            parse_weights(bad)
