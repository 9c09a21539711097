"""Label Studio tasks out and exports back in, against the documented JSON formats (docs/labelling.md)."""

import json
import math

import pandas as pd
import pytest

from claimclf.errors import ClaimError
from claimclf.labelling.studio import FROM_NAME, LABEL_CONFIG, TO_NAME, read_export, to_tasks


def region(choice, from_name=FROM_NAME):
    """One result region as Label Studio's JSON export writes a Choices answer."""
    return {"id": "r1", "from_name": from_name, "to_name": TO_NAME, "type": "choices", "origin": "manual",
            "value": {"choices": [choice]}}


def annotation(choice=None, cancelled=False, ground_truth=False, ann_id=1):
    return {"id": ann_id, "completed_by": 1, "result": [] if choice is None else [region(choice)],
            "was_cancelled": cancelled, "ground_truth": ground_truth, "created_at": "2026-12-03T10:00:00.000000Z",
            "updated_at": "2026-12-03T10:00:00.000000Z", "lead_time": 4.2, "task": 1}


def task(claim_id, *annotations, task_id=1, text="claim"):
    data = {"text": text, "p_cosmetic": 0.5}
    if claim_id is not None:
        data["id"] = claim_id
    return {"id": task_id, "data": data, "annotations": list(annotations), "predictions": [], "project": 3,
            "created_at": "2026-12-03T09:00:00.000000Z", "updated_at": "2026-12-03T10:00:00.000000Z"}


def test_tasks_are_the_documented_import_format():
    frame = pd.DataFrame({"claim_id": ["a", "b"], "note": ["x", "y"], "amount": [1.5, float("nan")], "label": ["", ""]})
    tasks = to_tasks(frame, text_col="note")
    assert tasks == [{"data": {"claim_id": "a", "amount": 1.5, "text": "x"}},
                     {"data": {"claim_id": "b", "amount": None, "text": "y"}}]
    json.dumps(tasks, allow_nan=False)  # strict JSON: no NaN
    assert f'value="${TO_NAME}"' in LABEL_CONFIG and f'name="{FROM_NAME}"' in LABEL_CONFIG
    assert '<Choice value="therapeutic"/>' in LABEL_CONFIG and '<Choice value="cosmetic"/>' in LABEL_CONFIG


def test_tasks_refuse_two_text_columns():
    with pytest.raises(ClaimError, match="rename"):
        to_tasks(pd.DataFrame({"note": ["x"], "text": ["y"]}), text_col="note")


def test_export_read_back_with_skips_majorities_ties_and_ground_truth():
    export = [
        task("c1", annotation("cosmetic"), task_id=1),
        task("c2", annotation("Therapeutic"), annotation(cancelled=True, ann_id=2), task_id=2),
        task("c3", annotation(cancelled=True), task_id=3),  # only skipped
        task("c4", task_id=4),  # never annotated
        task("c5", annotation("cosmetic"), annotation("therapeutic", ann_id=2), task_id=5),  # even split
        task("c6", annotation("cosmetic"), annotation("cosmetic", ann_id=2), annotation("therapeutic", ann_id=3), task_id=6),
        task("c7", annotation("cosmetic"), annotation("therapeutic", ground_truth=True, ann_id=2), task_id=7),
        task(None, annotation("therapeutic"), task_id=8),  # imported without an id
        task("c1", annotation("cosmetic", ann_id=9), task_id=9),  # the same claim imported twice
    ]
    done = read_export(json.loads(json.dumps(export)))
    labels = {row["id"]: row["label"] for row in done.rows}
    assert labels == {"c1": "cosmetic", "c2": "therapeutic", "c6": "cosmetic", "c7": "therapeutic", "ls-8": "therapeutic"}
    votes = {row["id"]: row["label_votes"] for row in done.rows}
    assert votes["c6"] == "cosmetic 2, therapeutic 1" and votes["c1"] == "cosmetic 2"
    assert (done.tasks, done.skipped, done.unannotated, done.ties, done.disagreements, done.ground_truth,
            done.missing_ids, done.merged) == (9, 1, 1, ["c5"], 1, 1, 1, 1)
    text = "\n".join(done.lines())
    assert "split evenly" in text and "c5" in text and "majority" in text and "ls-<Label Studio task id>" in text


def test_export_choices_are_checked():
    with pytest.raises(ClaimError, match="'maybe'"):
        read_export([task("c1", annotation("maybe"))])
    other = task("c1", {"id": 1, "result": [region("cosmetic", from_name="quality")], "was_cancelled": False})
    assert read_export([other]).rows and not read_export([other], from_name=FROM_NAME).rows


@pytest.mark.parametrize("payload", [{"text": "x"}, [{"text": "x", "label": "cosmetic"}], "tasks"])
def test_not_an_export(payload):
    with pytest.raises(ClaimError, match="Label Studio JSON export"):
        read_export(payload)


def test_missing_values_become_null():
    tasks = to_tasks(pd.DataFrame({"text": ["a"], "x": [pd.NA], "y": [math.nan]}))
    assert tasks[0]["data"] == {"text": "a", "x": None, "y": None}


def test_docs_show_the_labelling_config_the_tasks_are_made_for():
    from tests.conftest import ROOT

    assert LABEL_CONFIG.strip() in (ROOT / "docs" / "labelling.md").read_text(encoding="utf-8")
