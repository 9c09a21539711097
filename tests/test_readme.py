"""The README is the front door: short, its links resolve, its quality tables are the ones `make eval` wrote."""

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def quality_table():
    spec = importlib.util.spec_from_file_location("quality_table", ROOT / "scripts" / "quality_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_is_short_and_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    commands = re.findall(r"^make (\w+)", text, re.M)
    assert commands[:2] == ["demo", "test"]


def test_links_into_the_project_resolve():
    for doc in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which does not exist"


def test_quality_tables_are_the_rendering_of_docs_quality_json():
    qt = quality_table()
    quality = json.loads(qt.QUALITY_JSON.read_text(encoding="utf-8"))
    assert qt.readme_block(README.read_text(encoding="utf-8")) == qt.render(quality)


def test_quality_json_holds_numbers_not_claims():
    """Aggregates only: no string in it is longer than a breakdown label."""

    def strings(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
        elif isinstance(value, str):
            yield value

    quality = json.loads(quality_table().QUALITY_JSON.read_text(encoding="utf-8"))
    assert max(len(s) for s in strings(quality)) < 60


def learning_curve_script():
    spec = importlib.util.spec_from_file_location("learning_curve", ROOT / "scripts" / "learning_curve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_learning_curve_table_is_the_rendering_of_docs_learning_curve_json():
    from claimclf.labelling.curve import render

    lc = learning_curve_script()
    data = json.loads(lc.CURVE_JSON.read_text(encoding="utf-8"))
    block = lc.readme_block(README.read_text(encoding="utf-8"))
    assert block == render(data)
    assert len(block.splitlines()) <= 8
    assert lc.CURVE_PNG.is_file()


def test_learning_curve_json_holds_no_claim_text():
    """Settings, counts and metrics: no string in it is a claim (or longer than the split rule and the settings)."""
    from tests.conftest import REAL_DEV_SET

    text = learning_curve_script().CURVE_JSON.read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) <= {"settings", "points", "weight", "complete", "summary"}
    for point in data["points"].values():
        assert "text" not in point and "ids" not in point
    if REAL_DEV_SET.is_file():
        import pandas as pd

        texts = pd.read_csv(REAL_DEV_SET)["text"].astype(str)
        assert not any(t in text for t in texts if len(t) >= 8)
