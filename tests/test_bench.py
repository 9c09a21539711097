"""The benchmark script still runs (a smoke run on small files): its numbers are for `make bench`, not for tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_benchmark_writes_results_and_table(tmp_path):
    out, doc = tmp_path / "results.json", tmp_path / "bench.md"
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run_bench.py"), "--quick", "--tmp", str(tmp_path / "tmp"),
                        "--out", str(out), "--doc", str(doc)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    results = json.loads(out.read_text())
    assert set(results["throughput"]) == {"en", "zh", "mixed"}
    for entry in results["throughput"].values():
        assert entry["jobs_1"]["rows_per_s"] > 0 and entry["segmenter_active"]["rows_per_s"] > 0
        assert 0 < entry["scoring_over_segmenter"] < 1
    assert results["memory_file"]["rows_out"] == results["memory_file"]["rows"]
    assert results["memory_file"]["peak_tree_mib"] > 0
    assert results["startup_help_seconds"]["median"] > 0 and results["training"]["options"] == "--no-search"
    assert set(results["model_load_seconds"]) == {"scoring", "pipeline"}
    assert results["predict_one_claim_seconds"]["median"] > 0
    table = doc.read_text()
    assert "| en |" in table and "peak resident memory" in table
