"""The benchmark script still runs (a smoke run on small files): its numbers are for `make bench`, not for tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run_bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return run_bench


@pytest.mark.slow
def test_quick_benchmark_writes_results_and_table(tmp_path):
    run_bench = _run_bench()
    out, readme = tmp_path / "results.json", tmp_path / "README.md"
    readme.write_text(f"# title\n\n{run_bench.README_START}\nold\n{run_bench.README_END}\n\nafter\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run_bench.py"), "--quick", "--tmp", str(tmp_path / "tmp"),
                        "--out", str(out), "--readme", str(readme)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    results = json.loads(out.read_text())
    assert set(results["throughput"]) == {"en", "zh", "mixed", "zh_long"}
    assert results["throughput"]["zh_long"]["mean_chars"] > 2 * results["throughput"]["zh"]["mean_chars"]
    for entry in results["throughput"].values():
        assert entry["jobs_1"]["rows_per_s"] > 0 and entry["segmenter_active"]["rows_per_s"] > 0
        assert 0 < entry["scoring_over_segmenter"] < 1
    assert results["memory_file"]["rows_out"] == results["memory_file"]["rows"]
    naive = results["against_naive"]
    assert naive["claimclf"]["seconds"] > 0 and naive["naive"]["seconds"] > 0 and naive["speedup"] > 0
    assert results["memory_file"]["peak_tree_mib"] > 0
    assert results["startup_help_seconds"]["median"] > 0 and results["training"]["options"] == "--no-search"
    assert set(results["model_load_seconds"]) == {"scoring", "pipeline"}
    assert results["predict_one_claim_seconds"]["median"] > 0
    text = readme.read_text(encoding="utf-8")
    assert text == f"# title\n\n{run_bench.README_START}\n{run_bench.readme_block(results)}\n{run_bench.README_END}\n\nafter\n"
    assert "| en |" in text and "peak resident memory" in text


def test_readme_quotes_the_last_benchmark_run():
    """The README's table is the one make bench wrote from bench/results.json, not numbers typed by hand."""
    run_bench = _run_bench()
    results = json.loads((ROOT / "bench" / "results.json").read_text())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(run_bench.README_START, 1)[1].split(run_bench.README_END, 1)[0]
    assert block.strip("\n") == run_bench.readme_block(results)


def test_the_benchmark_doc_explains_the_method_without_a_copy_of_the_table():
    """docs/bench.md is written by hand and points to the README's table; a copy of the rows would go stale."""
    run_bench = _run_bench()
    rows = [line for line in run_bench.readme_block(json.loads((ROOT / "bench" / "results.json").read_text())).splitlines()
            if line.startswith("|") and line.strip("|-: ")]
    assert len(rows) > 10
    doc = (ROOT / "docs" / "bench.md").read_text(encoding="utf-8")
    lines = {line.strip() for line in doc.splitlines()}
    assert not [row for row in rows if row.strip() in lines]
    assert "../README.md" in doc
