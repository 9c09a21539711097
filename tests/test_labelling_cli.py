"""End-to-end: `claimclf label suggest / import / issues` through the real CLI on real files."""

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimclf.cli import app
from claimclf.dataset import read_labelled
from claimclf.labelling.issues import flip_labels
from claimclf.labelling.studio import FROM_NAME, TO_NAME
from tests.test_cli import one_line_error

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def unlabelled(tmp_path, small_corpus):
    """Claims without labels, as a team exports them: an id, the text, and a column of their own."""
    df = pd.read_csv(small_corpus, dtype=str).head(160)
    path = tmp_path / "claims.csv"
    df[["id", "text"]].assign(amount="100").to_csv(path, index=False)
    return path


def test_suggest_writes_a_sheet_to_fill(tmp_path, unlabelled, small_model):
    done = tmp_path / "done.csv"
    pd.read_csv(unlabelled, dtype=str).head(40).assign(label="cosmetic").to_csv(done, index=False)
    out = tmp_path / "to_label.csv"
    r = run("label", "suggest", unlabelled, "-n", 12, "-o", out, "--model", small_model, "--exclude", done)
    assert r.exit_code == 0, r.output
    assert "12 of 120 candidate claims chosen (40 already labelled" in r.output
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(sheet.columns) == ["id", "text", "amount", "label", "predicted_label", "p_cosmetic", "evidence", "why_chosen"]
    assert len(sheet) == 12 and (sheet["label"] == "").all() and sheet["id"].is_unique
    assert not set(sheet["id"]) & set(pd.read_csv(done, dtype=str)["id"])
    assert sheet["why_chosen"].str.contains("p_cosmetic").all()
    # the most uncertain claim of those offered comes first
    p = sheet["p_cosmetic"].astype(float)
    assert abs(p.iloc[0] - 0.5) <= abs(p - 0.5).max()
    one_line_error(run("label", "suggest", unlabelled, "-n", 3, "-o", out, "--model", small_model), "--overwrite")
    r = run("label", "suggest", unlabelled, "-n", 3, "--model", small_model)  # stdout
    assert r.exit_code == 0 and r.stdout.startswith("id,text,amount,label,")


def test_label_studio_round_trip(tmp_path, unlabelled, small_model):
    tasks_path = tmp_path / "tasks.json"
    r = run("label", "suggest", unlabelled, "-n", 6, "-o", tasks_path, "--format", "label-studio", "--model", small_model)
    assert r.exit_code == 0, r.output
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert len(tasks) == 6 and all(set(t) == {"data"} and t["data"]["text"] and t["data"]["id"] for t in tasks)
    assert {"amount", "predicted_label", "p_cosmetic", "why_chosen"} <= set(tasks[0]["data"])
    # What Label Studio exports after labelling (JSON export: tasks with data and annotations).
    export = []
    for n, t in enumerate(tasks):
        choice = "cosmetic" if n % 2 else "therapeutic"
        result = [{"id": f"r{n}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "choices",
                   "value": {"choices": [choice]}}]
        annotations = [{"id": n, "result": result, "was_cancelled": n == 5, "ground_truth": False, "completed_by": 1}]
        export.append({"id": 100 + n, "data": t["data"], "annotations": annotations, "predictions": []})
    export_path = tmp_path / "export.json"
    export_path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    labelled = tmp_path / "labelled.csv"
    r = run("label", "import", export_path, "-o", labelled)
    assert r.exit_code == 0, r.output
    assert "6 task(s) read, 5 labelled row(s) written" in r.output and "1 task(s) only skipped" in r.output
    back = read_labelled(labelled)  # trainable as it is
    assert len(back) == 5 and back["label"].tolist() == ["therapeutic", "cosmetic"] * 2 + ["therapeutic"]
    assert back["id"].tolist() == [t["data"]["id"] for t in tasks[:5]]
    assert {"amount", "label_votes"} <= set(back.columns)
    one_line_error(run("label", "import", export_path, "-o", labelled), "--overwrite")


def test_label_errors_are_one_line(tmp_path, unlabelled, small_model):
    one_line_error(run("label", "import", tmp_path / "none.json"), "not found")
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    one_line_error(run("label", "import", bad), "not valid JSON")
    flat = tmp_path / "min.json"
    flat.write_text('[{"id": 1, "text": "x", "label": "cosmetic"}]', encoding="utf-8")
    one_line_error(run("label", "import", flat), "export the project as JSON")
    noid = tmp_path / "noid.csv"
    noid.write_text("text\nwants fuller lips for photos\n", encoding="utf-8")
    one_line_error(run("label", "suggest", noid, "--model", small_model, "--exclude", unlabelled), "--id-col")
    one_line_error(run("label", "import", bad, "--format", "label-studio"), "label suggest")
    one_line_error(run("label", "issues", tmp_path / "none.csv"), "not found")


@pytest.fixture(scope="module")
def team_labels(tmp_path_factory):
    """A team's labelled claims: generated with another seed than the corpus, no scenario column."""
    from claimclf.corpus.generator import write_corpus

    path = tmp_path_factory.mktemp("team") / "team.csv"
    write_corpus(path, n_rows=200, seed=11)
    pd.read_csv(path, dtype=str).drop(columns=["scenario", "procedure"]).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def corpus_1500(tmp_path_factory):
    """A generated corpus of about 1,500 rows to train the folds on (the shipped one takes minutes)."""
    from claimclf.corpus.generator import write_corpus

    path = tmp_path_factory.mktemp("corpus") / "corpus.csv"
    write_corpus(path, n_rows=1000, seed=5)
    return path


@pytest.mark.slow
def test_issues_finds_flipped_labels_with_the_corpus(tmp_path, team_labels, corpus_1500):
    """5% of the labels flipped (seed 0): at least 80% of them rank within the top 2 x their number."""
    df = read_labelled(team_labels)
    flipped, where = flip_labels(df, 0.05, seed=0)
    data = tmp_path / "flipped.csv"
    flipped.to_csv(data, index=False)
    out = tmp_path / "issues.csv"
    r = run("label", "issues", data, "-o", out, "--corpus", corpus_1500)
    assert r.exit_code == 0, r.output
    ranked = pd.read_csv(out, dtype={"id": str})
    assert list(ranked.columns) == [*flipped.columns, "given_label", "suggested_label", "label_quality", "label_issue", "rank"]
    assert ranked["rank"].tolist() == list(range(1, len(df) + 1))
    assert ranked["label_quality"].between(0, 1).all() and ranked["label_quality"].is_monotonic_increasing
    assert (ranked["given_label"] == ranked["label"]).all()
    wrong = set(df["id"].iloc[where])
    found = len(wrong & set(ranked["id"].head(2 * len(wrong)))) / len(wrong)
    assert found >= 0.8, found
    assert ranked.loc[ranked["id"].isin(wrong), "label_issue"].mean() >= 0.8


def test_issues_without_corpus_keeps_column_names(tmp_path, team_labels):
    df = read_labelled(team_labels).rename(columns={"text": "note", "label": "verdict"})
    data = tmp_path / "team.tsv"
    df.to_csv(data, sep="\t", index=False)
    r = run("label", "issues", data, "--without-corpus", "--text-col", "note", "--label-col", "verdict", "--folds", 3)
    assert r.exit_code == 0, r.output
    ranked = pd.read_csv(io.StringIO(r.stdout), dtype=str)
    assert list(ranked.columns) == [*df.columns, "given_label", "suggested_label", "label_quality", "label_issue", "rank"]
    assert len(ranked) == len(df) and set(ranked["id"]) == set(df["id"])
    one_line_error(run("label", "issues", data, "--text-col", "note", "--label-col", "verdict", "--corpus",
                       tmp_path / "none.csv"), "--without-corpus")


def test_suggest_reads_stdin_and_writes_tasks_to_stdout(unlabelled, small_model):
    r = run("label", "suggest", "-", "-n", 2, "--format", "label-studio", "--model", small_model,
            input=unlabelled.read_text(encoding="utf-8"))
    assert r.exit_code == 0, r.output
    tasks = json.loads(r.stdout)
    assert len(tasks) == 2 and all(t["data"]["text"] for t in tasks)
