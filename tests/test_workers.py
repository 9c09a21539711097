"""Scoring in worker processes: same output as one process, nothing left behind when a run is stopped."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pandas as pd
import pytest
from bench.procmem import tree_rss_kb

from claimclf.errors import ClaimError
from claimclf.persistence import load
from claimclf.scoring.workers import ScorerSpec, default_jobs, score_stream

CLI = [sys.executable, "-m", "claimclf.cli"]


def claims_file(path: Path, n: int, seed: int = 4, odd_rows: bool = True, distinct: bool = False) -> Path:
    """``n`` generated claims (all three languages) with unique ids, plus rows that cannot be scored.

    ``distinct`` makes every text different (a reference number appended), as in a real extract,
    so that anything cached per text would show up as memory growing with the file.
    """
    from claimclf.corpus.generator import generate

    texts = [r.text for r in generate(n_rows=min(n, 800), seed=seed)]
    rows = [texts[i % len(texts)] + (f" ref {i}" if distinct else "") for i in range(n)]
    if odd_rows and n >= 10:
        rows[3], rows[5], rows[7] = "", "   ", "pain " * 30_000  # empty, blank, truncated
    pd.DataFrame({"claim_id": [f"c{i:07d}" for i in range(n)], "text": rows}).to_csv(path, index=False)
    return path


def test_default_jobs_is_the_core_count():
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


def test_two_jobs_give_byte_identical_output(tmp_path, small_model):
    src = claims_file(tmp_path / "in.csv", 1_200)
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.csv"
        r = subprocess.run([*CLI, "score", str(src), "-o", str(out), "--model", str(small_model), "--jobs", str(jobs),
                            "--batch-size", "100", "-q"], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    df = pd.read_csv(tmp_path / "out2.csv", dtype=str, keep_default_na=False)
    assert df["claim_id"].tolist() == [f"c{i:07d}" for i in range(1_200)]
    assert df.loc[3, "reason"] == "empty text" and df.loc[7, "reason"].startswith("truncated")


def test_workers_keep_order_in_process(small_model):
    frames = [pd.DataFrame({"id": [f"{k}-{i}" for i in range(30)], "text": ["想做双眼皮", "", "burn scar contracture"] * 10})
              for k in range(7)]
    spec = ScorerSpec.from_model(load(small_model), None, 2)
    one = pd.concat(score_stream(spec, iter(frames), jobs=1))
    two = pd.concat(score_stream(spec, iter(frames), jobs=2))
    pd.testing.assert_frame_equal(one, two)
    assert one["id"].tolist() == [f"{k}-{i}" for k in range(7) for i in range(30)]


def test_a_worker_that_cannot_load_the_model_gives_one_clear_error(small_model):
    spec = ScorerSpec.from_model(load(small_model), None, 0)
    broken = ScorerSpec(b"not an npz file", spec.sidecar, None, 0, "broken.joblib")
    frames = [pd.DataFrame({"text": ["a"]}), pd.DataFrame({"text": ["b"]})]
    with pytest.raises(ClaimError, match="cannot read the scoring arrays of broken.joblib"):
        list(score_stream(broken, iter(frames), jobs=2))


def _processes_with(marker: str) -> list[int]:
    """Pids of live processes whose environment holds ``marker`` (the run and its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    status = (entry / "status").read_text()
                    if "State:\tZ" not in status:
                        found.append(int(entry.name))
            except OSError:
                continue
    return found


def _start_scoring(src: Path, out: Path, model: Path, jobs: int, marker: str) -> subprocess.Popen:
    env = dict(os.environ, CLAIMCLF_TEST_MARKER=marker)
    return subprocess.Popen([*CLI, "score", str(src), "-o", str(out), "--model", str(model), "--jobs", str(jobs),
                             "--batch-size", "200", "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_partial(directory: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the run has written part of its output (so it is stopped midway, not before it began)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        partial = [p for p in directory.iterdir() if p.name.endswith(".partial")]
        if partial and partial[0].stat().st_size > 0:
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError("the run never started writing")


def _wait_gone(marker: str, timeout: float = 10) -> list[int]:
    deadline = time.monotonic() + timeout
    while (left := _processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@pytest.fixture(scope="module")
def long_file(tmp_path_factory) -> Path:
    return claims_file(tmp_path_factory.mktemp("long") / "in.csv", 30_000, odd_rows=False)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_run_leaves_nothing_under_the_final_name(tmp_path, small_model, long_file, jobs):
    """SIGKILL cannot be caught: the output must still never appear half-written, and workers must not linger."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    marker = uuid.uuid4().hex
    proc = _start_scoring(long_file, out_dir / "scored.csv", small_model, jobs, marker)
    _wait_for_partial(out_dir, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert not (out_dir / "scored.csv").exists()
    assert _wait_gone(marker) == [], "worker processes outlived a killed run"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("sig, jobs", [(signal.SIGTERM, 2), (signal.SIGINT, 2), (signal.SIGTERM, 1)])
def test_terminated_run_removes_its_temporary_file(tmp_path, small_model, long_file, sig, jobs):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    marker = uuid.uuid4().hex
    proc = _start_scoring(long_file, out_dir / "scored.csv", small_model, jobs, marker)
    _wait_for_partial(out_dir, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "Interrupted" in err.decode() and "Traceback" not in err.decode()
    assert list(out_dir.iterdir()) == []
    assert _wait_gone(marker) == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to measure memory")
def test_200k_rows_scored_with_bounded_memory(tmp_path, small_model):
    """A 200,000-row file: every row out in order, and the memory of the whole process tree stays flat.

    The peak is compared with an absolute bound and with a 20,000-row run: streaming means a
    file ten times longer costs no more memory (scoring it in one piece would need gigabytes).
    """
    def run(n: int) -> tuple[int, int, Path]:
        src = claims_file(tmp_path / f"in{n}.csv", n, distinct=True)
        out = tmp_path / f"out{n}.csv"
        # A fresh Python between us and the run, so its RUSAGE_CHILDREN holds this run only.
        wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
        proc = subprocess.Popen([sys.executable, "-c", wrapper, *CLI, "score", str(src), "-o", str(out),
                                 "--model", str(small_model), "--jobs", "2", "--evidence", "0", "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak_tree = 0
        while proc.poll() is None:
            peak_tree = max(peak_tree, tree_rss_kb(proc.pid))
            time.sleep(0.1)
        stdout, stderr = proc.communicate()
        assert proc.returncode == 0, stderr.decode()
        return peak_tree, int(stdout.split()[-1]), out

    small_tree, small_one, _ = run(20_000)
    big_tree, big_one, out = run(200_000)
    ids = pd.read_csv(out, usecols=["claim_id"], dtype=str)["claim_id"]
    assert len(ids) == 200_000 and ids.is_monotonic_increasing
    assert big_tree < 1_000_000, f"process tree peaked at {big_tree / 1024:.0f} MiB"
    assert big_one < small_one + 100_000, f"largest process: {big_one / 1024:.0f} MiB vs {small_one / 1024:.0f} MiB"
    assert big_tree < small_tree + 150_000, f"tree: {big_tree / 1024:.0f} MiB vs {small_tree / 1024:.0f} MiB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to find the worker processes")
def test_a_killed_run_leaves_no_semaphores_to_warn_about(tmp_path, small_model, long_file):
    """Workers talk over pipes, not queues with named semaphores: SIGKILL leaves the resource tracker nothing to clean."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    marker = uuid.uuid4().hex
    proc = _start_scoring(long_file, out_dir / "scored.csv", small_model, 2, marker)
    _wait_for_partial(out_dir, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _wait_gone(marker) == []
    assert "leaked" not in proc.stderr.read().decode()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to find the worker processes")
def test_a_worker_killed_midway_ends_the_run_in_one_line(tmp_path, small_model, long_file):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    marker = uuid.uuid4().hex
    proc = _start_scoring(long_file, out_dir / "scored.csv", small_model, 2, marker)
    _wait_for_partial(out_dir, proc)
    worker = next(pid for pid in _processes_with(marker) if pid != proc.pid
                  and b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes())
    os.kill(worker, signal.SIGKILL)
    assert proc.wait(timeout=60) == 2
    err = proc.stderr.read().decode().strip()
    assert err == "Error: a scoring worker process died (out of memory?): try fewer --jobs or a smaller --batch-size", err
    assert list(out_dir.iterdir()) == [] and _wait_gone(marker) == []


def test_a_batch_collects_garbage_less_often_and_leaves_the_settings_as_they_were(tmp_path, small_model, monkeypatch):
    import gc

    from claimclf.scoring.workers import BATCH_GC_THRESHOLD, batch_collection
    from claimclf.workflows import score_file

    before = gc.get_threshold()
    assert before != BATCH_GC_THRESHOLD
    with pytest.raises(RuntimeError), batch_collection():
        assert gc.get_threshold() == BATCH_GC_THRESHOLD
        raise RuntimeError("a failed batch")
    assert gc.get_threshold() == before
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": ["Ptosis blocks vision", "wants botox"]}).to_csv(src, index=False)
    seen = []
    real = ScorerSpec.build

    def build(self):  # what the collector is set to while the batch is scored
        seen.append(gc.get_threshold())
        return real(self)

    monkeypatch.setattr(ScorerSpec, "build", build)
    score_file(str(src), str(tmp_path / "out.csv"), model=small_model, jobs=1)
    assert seen == [BATCH_GC_THRESHOLD] and gc.get_threshold() == before
