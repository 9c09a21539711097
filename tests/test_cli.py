"""End-to-end: the real CLI on real files, as a user runs it."""

import json
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimclf.cli import app

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_help_lists_commands():
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("train", "evaluate", "score", "predict", "data"):
        assert cmd in r.output


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from typer.testing import CliRunner; from claimclf.cli import app; "
        "CliRunner().invoke(app, ['--help']); "
        "print(sorted(m for m in ('sklearn','pandas','jieba','mlflow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_generate_validate_train_evaluate(tmp_path):
    data = tmp_path / "corpus.csv"
    assert run("data", "generate", "--out", data, "--rows", 400, "--seed", 5).exit_code == 0
    r = run("data", "validate", data)
    assert r.exit_code == 0 and "valid" in r.output
    model = tmp_path / "m.joblib"
    r = run("train", "--data", data, "--model", model, "--no-search", "-q")
    assert r.exit_code == 0, r.output
    assert "macro_f1" in r.output and model.exists()
    report = tmp_path / "rep"
    r = run("evaluate", "--data", data, "--model", model, "--report", report)
    assert r.exit_code == 0, r.output
    saved = json.loads((report / "report.json").read_text())
    assert saved["overall"]["n"] == 400 and set(saved["by_lang"]) == {"en", "zh", "mixed"}
    assert "by_slice" in saved
    for name in ("confusion_matrix.png", "roc.png", "precision_recall.png", "calibration.png"):
        assert (report / name).stat().st_size > 1000


def test_score_csv_keeps_every_row_in_order(tmp_path, small_model):
    src = tmp_path / "in.csv"
    texts = ["想做双眼皮，眼睛大一点", "", "Burn scar contracture limits elbow extension to 90 degrees", "x" * 10]
    pd.DataFrame({"claim_id": ["007", "002", "010", "001"], "text": texts, "amount": ["1", "2", "3", "4"]}).to_csv(
        src, index=False)
    out = tmp_path / "out.csv"
    r = run("score", src, "-o", out, "--model", small_model, "--id-col", "claim_id", "-q")
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert df["claim_id"].tolist() == ["007", "002", "010", "001"]
    assert list(df.columns) == ["claim_id", "text", "amount", "predicted_label", "p_cosmetic", "decision", "evidence",
                                "reason"]
    assert df.loc[1, "decision"] == "review" and df.loc[1, "reason"] == "empty text"
    assert set(df.loc[[0, 2], "predicted_label"]) <= {"therapeutic", "cosmetic"}
    # an existing output is never silently replaced
    r = run("score", src, "-o", out, "--model", small_model, "-q")
    assert r.exit_code != 0 and "--overwrite" in r.output
    assert run("score", src, "-o", out, "--model", small_model, "-q", "--overwrite").exit_code == 0


@pytest.mark.parametrize("fmt", ["tsv", "jsonl", "parquet"])
def test_score_other_formats(tmp_path, small_model, fmt):
    src = tmp_path / f"in.{fmt}"
    df = pd.DataFrame({"id": ["a", "b"], "text": ["要求隆鼻，鼻子更挺", "Septal deviation with obstruction"]})
    if fmt == "tsv":
        df.to_csv(src, sep="\t", index=False)
    elif fmt == "jsonl":
        df.to_json(src, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(src)
    out = tmp_path / f"out.{fmt}"
    assert run("score", src, "-o", out, "--model", small_model, "-q").exit_code == 0
    back = {"tsv": lambda p: pd.read_csv(p, sep="\t"), "jsonl": lambda p: pd.read_json(p, lines=True),
            "parquet": pd.read_parquet}[fmt](out)
    assert back["id"].tolist() == ["a", "b"] and {"p_cosmetic", "decision", "evidence"} <= set(back.columns)


def test_score_stdin_to_stdout(small_model):
    r = run("score", "-", "--model", small_model, input="id,text\n1,wants fuller lips\n2,\n")
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("id,text,predicted_label") and len(lines) == 3


def test_predict_shows_evidence(small_model):
    r = run("predict", "Upper lid skin rests on the lashes; superior field 20 degrees, 45 taped", "--model", small_model)
    assert r.exit_code == 0 and "decision:" in r.output and "evidence" in r.output
    r = run("predict", "想瘦脸，脸小一点", "--model", small_model, "--json")
    payload = json.loads(r.stdout)
    assert payload["predicted_label"] in ("therapeutic", "cosmetic") and isinstance(payload["evidence"], list)


def one_line_error(r, *needles):
    assert r.exit_code != 0
    text = r.output.strip()
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    assert "Traceback" not in text and len(errors) == 1 and text.splitlines()[-1] == errors[0], text
    for n in needles:
        assert n in errors[0], text


def test_bad_inputs_give_one_line_errors(tmp_path, small_model):
    one_line_error(run("score", tmp_path / "nope.csv", "--model", small_model), "not found")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    one_line_error(run("score", empty, "--model", small_model), "empty")
    notext = tmp_path / "notext.csv"
    notext.write_text("id,narrative\n1,hello\n")
    one_line_error(run("score", notext, "--model", small_model), "--text-col")
    one_line_error(run("score", notext, "--model", tmp_path / "none.joblib"), "claimclf train")
    badlabel = tmp_path / "bad.csv"
    badlabel.write_text("text,label\n" + "a,cosmetic\nb,therapeutic\n" * 6 + "c,maybe\n")
    one_line_error(run("train", "--data", badlabel, "--model", tmp_path / "m.joblib"), "maybe")
    single = tmp_path / "single.csv"
    single.write_text("text,label\n" + "".join(f"t{i},cosmetic\n" for i in range(20)))
    one_line_error(run("train", "--data", single, "--model", tmp_path / "m.joblib"), "one class")
    gb = tmp_path / "gb.csv"
    gb.write_bytes("id,text\n1,上睑皮肤松弛\n".encode("gb18030"))
    one_line_error(run("score", gb, "--model", small_model), "gb18030")
    one_line_error(run("score", notext, "--model", small_model, "--review-band", "0.9,0.1"), "review-band")


def test_installed_console_script_runs():
    exe = subprocess.run([sys.executable, "-m", "claimclf.cli", "--help"], capture_output=True, text=True)
    assert exe.returncode == 0 and "score" in exe.stdout
