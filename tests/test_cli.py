"""End-to-end: the real CLI on real files, as a user runs it."""

import json
import os
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


def test_cli_only_parses_calls_one_workflow_and_prints():
    """cli.py imports no data or metrics library and reaches the work through claimclf.workflows."""
    import ast
    from pathlib import Path

    import claimclf.cli

    tree = ast.parse(Path(claimclf.cli.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    allowed = {"__future__", "functools", "json", "os", "sys", "pathlib", "typing", "typer", "typer.core", "claimclf.errors",
               "claimclf.workflows", "claimclf.decision", "claimclf.evaluate", "claimclf.progress"}
    assert imported <= allowed, imported - allowed
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and node.module == "claimclf.evaluate" for alias in node.names}
    assert names <= {"summary_lines"}, names


def test_generate_validate_train_evaluate(tmp_path):
    data = tmp_path / "corpus.csv"
    assert run("data", "generate", "--out", data, "--rows", 400, "--seed", 5).exit_code == 0
    r = run("data", "validate", data)
    assert r.exit_code == 0 and "valid" in r.output
    model = tmp_path / "m.joblib"
    r = run("train", "--data", data, "--model", model, "--no-search", "-q")
    assert r.exit_code == 0, r.output
    assert "macro_f1" in r.output and model.exists()
    assert "whole procedures held out" in r.output  # the corpus says which procedure each row is about
    assert json.loads(model.with_name("m.joblib.json").read_text())["cv_leave_procedure_out"]["macro_f1"]["mean"] > 0.5
    report = tmp_path / "rep"
    r = run("evaluate", "--data", data, "--model", model, "--report", report)
    assert r.exit_code == 0, r.output
    saved = json.loads((report / "report.json").read_text())
    assert saved["overall"]["n"] == len(pd.read_csv(data)) and set(saved["by_lang"]) == {"en", "zh", "mixed"}
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
                                "reason", "raw_line"]
    assert (df["raw_line"] == "").all()
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


# --- batch scoring: encodings, edge files, progress, imports --------------------------------

@pytest.mark.parametrize("encoding, args", [("utf-8-sig", []), ("gb18030", ["--encoding", "gb18030"])])
def test_score_bom_and_gb18030_files_keep_ids(tmp_path, small_model, encoding, args):
    src = tmp_path / "in.csv"
    rows = [("A-1", "上睑皮肤松弛遮挡视线，视野检查上方仅20度"), ("A-2", ""), ("A-3", "想做双眼皮，拍照好看"), ("A-4", "Burn scar")]
    src.write_bytes(("claim_id,text\n" + "".join(f"{i},{t}\n" for i, t in rows)).encode(encoding))
    out = tmp_path / "out.csv"
    r = run("score", src, "-o", out, "--model", small_model, "--id-col", "claim_id", "-q", *args)
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert df["claim_id"].tolist() == ["A-1", "A-2", "A-3", "A-4"]
    assert df["text"].tolist() == [t for _, t in rows]
    assert df.loc[1, "reason"] == "empty text"


def test_score_gb18030_without_the_option_suggests_it(tmp_path, small_model):
    src = tmp_path / "gb.csv"
    src.write_bytes("claim_id,text\n1,上睑皮肤松弛遮挡视线\n".encode("gb18030"))
    one_line_error(run("score", src, "-o", tmp_path / "o.csv", "--model", small_model), "--encoding gb18030", "GB18030")
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_score_header_only_file_gives_header_only_output(tmp_path, small_model, fmt):
    src = tmp_path / f"in.{fmt}"
    src.write_text("claim_id,text\n" if fmt == "csv" else "\n")
    out = tmp_path / f"out.{fmt}"
    r = run("score", src, "-o", out, "--model", small_model, "-q", "--text-col", "text")
    if fmt == "csv":
        assert r.exit_code == 0, r.output
        assert out.read_text().strip() == "claim_id,text,predicted_label,p_cosmetic,decision,evidence,reason,raw_line"
    else:  # a JSONL file with no records has no columns at all
        one_line_error(r, "--text-col")


def test_score_missing_id_column_is_one_line(tmp_path, small_model):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,hello\n")
    one_line_error(run("score", src, "--model", small_model, "--id-col", "claim_id"), "claim_id")


def test_score_jsonl_rows_without_text_go_to_review(tmp_path, small_model):
    src = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": "想隆鼻"}, {"id": 2}, {"id": 3, "text": None}, {"id": 4, "text": ["a"]}, {"id": 5, "text": 7}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    out = tmp_path / "out.jsonl"
    r = run("score", src, "-o", out, "--model", small_model, "-q", "--batch-size", "2")
    assert r.exit_code == 0, r.output
    back = [json.loads(line) for line in out.read_text().splitlines()]
    assert [b["id"] for b in back] == [1, 2, 3, 4, 5]
    assert [b["decision"] == "review" for b in back] == [back[0]["decision"] == "review", True, True, True, True]
    assert back[1]["reason"] == "missing text" and back[3]["reason"].startswith("text is not a string")


def _with_stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    import os
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            seen += data
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(), seen.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_only_and_never_with_quiet_or_stdout(tmp_path, small_model):
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": range(3000), "text": ["Upper lid skin rests on the lashes; superior field 20 degrees"] * 3000}).to_csv(
        src, index=False)
    base = [sys.executable, "-m", "claimclf.cli", "score", str(src), "--model", str(small_model), "--batch-size", "100",
            "--jobs", "1"]
    code, seen = _with_stderr_on_a_terminal([*base, "-o", str(tmp_path / "a.csv")])
    assert code == 0 and "rows/s" in seen and "ETA" in seen and "\r" in seen
    assert "3000 rows scored" in seen
    code, seen = _with_stderr_on_a_terminal([*base, "-o", str(tmp_path / "b.csv"), "-q"])
    assert code == 0 and seen.strip() == ""
    code, seen = _with_stderr_on_a_terminal([*base, "-o", "-"])
    assert code == 0 and "rows/s" not in seen and "ETA" not in seen
    r = subprocess.run([*base, "-o", str(tmp_path / "c.csv")], capture_output=True, text=True)  # stderr not a terminal
    assert r.returncode == 0 and "ETA" not in r.stderr and "3000 rows scored" in r.stderr


def test_score_imports_no_mlflow(tmp_path, small_model):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,wants fuller lips\n")
    code = ("import sys; from typer.testing import CliRunner; from claimclf.cli import app; "
            f"r = CliRunner().invoke(app, ['score', {str(src)!r}, '-o', {str(tmp_path / 'o.csv')!r}, "
            f"'--model', {str(small_model)!r}, '-q']); "
            "assert r.exit_code == 0, r.output; print(sorted(m for m in ('mlflow', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_score_keeps_broken_rows_of_an_export(tmp_path, small_model, jobs):
    """Rows broken by an unquoted comma or a lost field come out in place, unscored, with the reason."""
    src = tmp_path / "export.csv"
    good = "Burn scar contracture limits elbow extension to 90 degrees"
    lines = ["claim_id,text"] + [f"c{i:03d},{good}" for i in range(12)]
    lines[4] = "c003,wants smaller nose, no breathing complaint"  # unquoted comma: 3 fields
    lines[9] = "c008"  # the text was lost
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    r = run("score", src, "-o", out, "--model", small_model, "--batch-size", "5", "--jobs", jobs, "-q")
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert df["claim_id"].tolist() == [f"c{i:03d}" for i in range(12)]
    assert df.loc[3, "text"] == "wants smaller nose, no breathing complaint"
    assert df.loc[3, "decision"] == "review" and df.loc[3, "reason"].startswith("malformed row ending on line 5: 3 fields")
    assert df.loc[8, "decision"] == "review" and df.loc[8, "reason"].startswith("malformed row ending on line 10: 1 field")
    assert df.loc[[3, 8], "p_cosmetic"].tolist() == ["", ""]
    others = df.drop(index=[3, 8])
    assert (others["predicted_label"] == "therapeutic").all() and (others["reason"] == "").all()


# --- reliability: exclusive outputs, kept ids, the machine's refusals, small things -------------

CLI = [sys.executable, "-m", "claimclf.cli"]


def _claims(path, n, text="Upper lid skin rests on the lashes; superior field 20 degrees"):
    pd.DataFrame({"id": [f"c{i:05d}" for i in range(n)], "text": [text] * n}).to_csv(path, index=False)
    return path


def test_two_runs_racing_to_one_output_never_overwrite_each_other(tmp_path, small_model):
    """As `score big.csv -o o.csv & score small.csv -o o.csv`: one wins, the other fails in one line, the file is whole."""
    big, small = _claims(tmp_path / "big.csv", 6000), _claims(tmp_path / "small.csv", 10)
    out = tmp_path / "o.csv"
    args = ["-o", str(out), "--model", str(small_model), "--jobs", "1", "-q"]
    slow = subprocess.Popen([*CLI, "score", str(big), "--batch-size", "500", *args], stderr=subprocess.PIPE, text=True)
    fast = subprocess.Popen([*CLI, "score", str(small), *args], stderr=subprocess.PIPE, text=True)
    codes = {"slow": slow.wait(timeout=300), "fast": fast.wait(timeout=300)}
    errors = {"slow": slow.stderr.read(), "fast": fast.stderr.read()}
    assert sorted(codes.values()) == [0, 2], (codes, errors)
    winner = "slow" if codes["slow"] == 0 else "fast"
    loser = "fast" if winner == "slow" else "slow"
    message = errors[loser].strip()
    assert message.count("\n") == 0 and message.startswith("Error: output") and "--overwrite" in message, message
    assert "appeared while this run was going" in message or "already exists" in message, message
    back = pd.read_csv(out, dtype=str)
    assert len(back) == (6000 if winner == "slow" else 10) and back["decision"].notna().all()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_issues_broken_row_keeps_its_id_and_line(tmp_path, small_model):
    src = tmp_path / "in.csv"
    src.write_bytes(b'id,text\n001,Ptosis blocks vision\n002,"abc"def\n003,wants botox\n')
    for extra in ([], ["--id-col", "id"]):
        out = tmp_path / f"out{len(extra)}.csv"
        r = run("score", src, "-o", out, "--model", small_model, "-q", *extra)
        assert r.exit_code == 0, r.output
        df = pd.read_csv(out, dtype=str, keep_default_na=False)
        assert df["id"].tolist() == ["001", "002", "003"]
        assert df["raw_line"].tolist() == ["", '002,"abc"def', ""]
        assert df.loc[1, "decision"] == "review" and df.loc[1, "reason"].startswith("line 3 could not be parsed")
        assert df.loc[[0, 2], "decision"].ne("").all() and df.loc[2, "predicted_label"] == "cosmetic"


def test_a_closed_stdout_ends_quietly(tmp_path, small_model):
    """`claimclf score in.csv -o - | head -1`: exit 141 as for any pipe writer, no message, no traceback."""
    src = _claims(tmp_path / "in.csv", 20_000)
    proc = subprocess.Popen([*CLI, "score", str(src), "-o", "-", "--model", str(small_model), "--batch-size", "500",
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"id,text,")
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read().decode() == ""


def test_a_full_stdout_is_named_with_its_exit_code(tmp_path, small_model):
    src = _claims(tmp_path / "in.csv", 50)
    with open("/dev/full", "wb") as full:
        r = subprocess.run([*CLI, "score", str(src), "--model", str(small_model)], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=120)
    assert r.returncode == 6
    assert r.stderr.strip() == "Error: cannot write standard output: No space left on device; free some space or write elsewhere"


def test_a_full_disk_and_a_read_only_one_are_named_with_their_exit_codes(tmp_path, small_model, tmpfs):
    src = _claims(tmp_path / "in.csv", 3000)
    full = tmpfs("64k")
    one_line_error(r := run("score", src, "-o", full / "o.csv", "--model", small_model, "-q"),
                   f"cannot write {full / 'o.csv'}: No space left on device", "nothing was left under the output name")
    assert r.exit_code == 6 and list(full.iterdir()) == []
    read_only = tmpfs(read_only=True)
    one_line_error(r := run("score", src, "-o", read_only / "o.csv", "--model", small_model, "-q"),
                   f"cannot write {read_only / 'o.csv'}: Read-only file system")
    assert r.exit_code == 5


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_directory_without_write_permission_is_named(tmp_path, small_model):
    """Root ignores permissions, so as root the run is made without the capability that lets it (setpriv)."""
    import shutil

    src = _claims(tmp_path / "in.csv", 5)
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be denied")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    try:
        r = subprocess.run([*prefix, *CLI, "score", str(src), "-o", str(locked / "o.csv"), "--model", str(small_model),
                            "-q"], capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(locked, 0o755)
    assert r.returncode == 5, r.stderr
    assert r.stderr.strip() == (f"Error: cannot write {locked / 'o.csv'}: Permission denied; "
                                "check its permissions or write elsewhere")
    assert list(locked.iterdir()) == []


def test_small_messages_name_the_right_option_and_thing(tmp_path, small_model):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,hello\n")
    one_line_error(run("score", src, "--model", small_model, "--id-col", "claim_id"),
                   "no column 'claim_id'", "pass --id-col NAME (did you mean --id-col id?)")
    one_line_error(run("score", src, "--model", small_model, "-o", tmp_path / "x.xlsx"), "pass --output-format")
    (tmp_path / "d").mkdir()
    one_line_error(run("score", src, "--model", small_model, "-o", tmp_path / "d"), "is a directory")
    one_line_error(run("score", src, "--model", small_model, "-o", tmp_path / "new" / "o.csv"),
                   f"the output's directory {tmp_path / 'new'} does not exist")
    assert not (tmp_path / "new").exists()
    dup = tmp_path / "dup.csv"
    dup.write_text("id,text,text\n1,a,b\n")
    one_line_error(run("score", dup, "--model", small_model), "the header names 'text' twice")


def test_predict_takes_text_that_starts_with_a_dash(small_model):
    """The whole text is scored (its words are in the evidence), never read as options such as -m."""
    plain = json.loads(run("predict", "--model", small_model, "--json", "lid skin rests on the lashes, superior field "
                           "20 degrees").output)
    for args in (["-5 mm of lid skin rests on the lashes, superior field 20 degrees", "--model", small_model, "--json"],
                 ["--model", small_model, "--json", "-m lid skin rests on the lashes, superior field 20 degrees"],
                 ["--model", small_model, "--json", "--", "-5 mm of lid skin rests on the lashes, superior field 20 degrees"]):
        r = run("predict", *args)
        assert r.exit_code == 0, r.output
        got = json.loads(r.output)
        assert {e["term"] for e in got["evidence"]} & {e["term"] for e in plain["evidence"]}, (args, got)
    assert "needs -- before it" in " ".join(run("predict", "--help").output.split())


def test_evaluate_on_a_one_class_file_evaluates_it(tmp_path, small_model):
    data = tmp_path / "one.csv"
    data.write_text("text,label\n" + "".join(f"Ptosis blocks the upper field at {i} degrees,therapeutic\n" for i in range(8)))
    r = run("evaluate", "--data", data, "--model", small_model, "--report", tmp_path / "rep", "--no-track")
    assert r.exit_code == 0, r.output
    assert "only one class" not in r.output and "therapeutic  precision" in r.output
