"""Label Studio in and out: suggested claims as import tasks, an annotated export back as a labelled table.

Import format (Label Studio's basic JSON): a list of tasks ``{"data": {...}}``; the labelling
config (:data:`LABEL_CONFIG`) shows ``$text`` and asks one ``Choices`` question. Export format
(Label Studio's JSON export): a list of tasks, each with ``data`` as imported and ``annotations``,
each annotation with ``was_cancelled`` (skipped) and ``result``, a list of regions whose
``value.choices`` holds the chosen label. docs/labelling.md shows both.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimclf.config import LABELS
from claimclf.errors import ClaimError

if TYPE_CHECKING:
    import pandas as pd

FROM_NAME = "label"  # the Choices control's name
TO_NAME = "text"  # the Text object's name
LABEL_CONFIG = f"""<View>
  <Header value="Is the claimed procedure therapeutic or cosmetic?"/>
  <Text name="{TO_NAME}" value="$text"/>
  <Choices name="{FROM_NAME}" toName="{TO_NAME}" choice="single" showInLine="true" required="true">
    <Choice value="therapeutic"/>
    <Choice value="cosmetic"/>
  </Choices>
</View>
"""


def _plain(value: Any) -> Any:
    """A cell as JSON: missing values (NaN, None, NA) as null, numpy scalars as Python ones."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return value


def to_tasks(frame: pd.DataFrame, text_col: str = "text") -> list[dict[str, Any]]:
    """One import task per row: every column under ``data``, the claim under ``data.text`` as the config reads it.

    No pre-annotation (``predictions``) is sent: a suggested answer on screen pulls labellers towards
    the model exactly where the model is least sure. The model's columns travel in ``data`` for reference.
    """
    tasks = []
    for record in frame.drop(columns=["label"], errors="ignore").to_dict(orient="records"):
        data = {str(k): _plain(v) for k, v in record.items()}
        if text_col != "text":
            if "text" in data:
                raise ClaimError(f"the input has both {text_col!r} and 'text' columns: Label Studio reads the claim "
                                 "from data.text, so rename the 'text' column")
            data["text"] = data.pop(text_col)
        tasks.append({"data": data})
    return tasks


def tasks_json(frame: pd.DataFrame, text_col: str = "text") -> bytes:
    return (json.dumps(to_tasks(frame, text_col), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@dataclass
class Imported:
    """An export read back: the labelled rows, and what was left out or resolved, with why."""

    rows: list[dict[str, Any]]
    tasks: int = 0
    unannotated: int = 0  # no annotation at all
    skipped: int = 0  # every annotation skipped (was_cancelled)
    ties: list[str] = field(default_factory=list)  # ids whose annotators split evenly: left out
    disagreements: int = 0  # ids labelled by majority over a dissent
    ground_truth: int = 0  # ids settled by an annotation marked ground truth
    missing_ids: int = 0  # tasks without the id field: named by Label Studio's task id instead
    merged: int = 0  # ids on several tasks: their annotations pooled

    def lines(self) -> list[str]:
        out = [f"{self.tasks} task(s) read, {len(self.rows)} labelled row(s) written"]
        if self.unannotated:
            out.append(f"{self.unannotated} task(s) without any annotation: left out")
        if self.skipped:
            out.append(f"{self.skipped} task(s) only skipped (cancelled) by annotators: left out")
        if self.ties:
            shown = ", ".join(self.ties[:5]) + (" …" if len(self.ties) > 5 else "")
            out.append(f"{len(self.ties)} claim(s) split evenly between annotators: left out, settle them ({shown})")
        if self.disagreements:
            out.append(f"{self.disagreements} claim(s) with dissenting annotators: labelled by majority vote "
                       "(label_votes shows the split)")
        if self.ground_truth:
            out.append(f"{self.ground_truth} claim(s) settled by an annotation marked ground truth")
        if self.missing_ids:
            out.append(f"{self.missing_ids} task(s) without an id in their data: id set to ls-<Label Studio task id>")
        if self.merged:
            out.append(f"{self.merged} id(s) found on several tasks: their annotations were pooled")
        return out


def _choice(annotation: dict[str, Any], from_name: str | None) -> str | None:
    """The label an annotation chose, lower-cased; None when it chose none."""
    found = []
    for region in annotation.get("result") or []:
        if not isinstance(region, dict):
            continue
        if from_name and region.get("from_name") != from_name:
            continue
        choices = (region.get("value") or {}).get("choices")
        if isinstance(choices, list):
            found.extend(str(c).strip().lower() for c in choices)
    if not found:
        return None
    bad = [c for c in found if c not in LABELS]
    if bad or len(set(found)) > 1:
        what = f"choice {bad[0]!r}" if bad else f"both {sorted(set(found))}"
        raise ClaimError(f"annotation {annotation.get('id', '?')} has {what}: the Choices must be "
                         f"{' / '.join(LABELS)}, one per claim (see docs/labelling.md for the labelling config)")
    return found[0]


def read_export(payload: Any, id_col: str = "id", from_name: str | None = None) -> Imported:
    """The labelled rows of a Label Studio JSON export (``payload`` parsed), with the counts of what was left out.

    Per claim: skipped (cancelled) annotations and annotations without a choice do not count; an
    annotation marked ``ground_truth`` decides; otherwise the majority of annotators does, and an
    even split leaves the claim out. Each row carries the task's data, ``label``, and ``label_votes``
    (e.g. ``cosmetic 2, therapeutic 1``).
    """
    if isinstance(payload, dict) and "data" in payload:
        payload = [payload]
    if not isinstance(payload, list):
        raise ClaimError("not a Label Studio JSON export: expected a list of tasks (export the project as JSON)")
    done = Imported(rows=[], tasks=len(payload))
    votes: dict[str, Counter] = {}
    skipped: set[str] = set()
    truth: dict[str, set[str]] = {}
    data_of: dict[str, dict[str, Any]] = {}
    for task in payload:
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise ClaimError("not a Label Studio JSON export: a task has no 'data' object (JSON-MIN and CSV exports "
                             "are not read: export the project as JSON)")
        data = task["data"]
        key = data.get(id_col)
        if key is None or str(key).strip() == "":
            done.missing_ids += 1
            key = f"ls-{task.get('id', done.missing_ids)}"
            data = dict(data, **{id_col: key})
        key = str(key)
        if key in data_of:
            done.merged += 1
        data_of.setdefault(key, data)
        counter = votes.setdefault(key, Counter())
        annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict)]
        if not annotations:
            continue
        for annotation in annotations:
            if annotation.get("was_cancelled"):
                skipped.add(key)
                continue
            label = _choice(annotation, from_name)
            if label is None:
                continue
            counter[label] += 1
            if annotation.get("ground_truth"):
                truth.setdefault(key, set()).add(label)
    for key, data in data_of.items():
        counter = votes[key]
        if not counter:
            if key in skipped:
                done.skipped += 1
            else:
                done.unannotated += 1
            continue
        settled = truth.get(key, set())
        ranked = counter.most_common()
        if len(settled) == 1:
            label = next(iter(settled))
            done.ground_truth += 1
        elif len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            done.ties.append(key)
            continue
        else:
            label = ranked[0][0]
            done.disagreements += len(ranked) > 1
        row = dict(data)
        row["label"] = label
        row["label_votes"] = ", ".join(f"{name} {count}" for name, count in ranked)
        done.rows.append(row)
    return done
