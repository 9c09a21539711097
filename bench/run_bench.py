"""Benchmark of batch scoring: throughput, the segmenter's floor, memory, start-up, model load, training.

Run it with ``make bench`` (not a test: timings belong to a machine, not to a pass/fail). It writes
bench/results.json and, from the same numbers, the table in the README between its benchmark markers;
docs/bench.md explains the method and is written by hand. Every timing is the median of ``--repeats``
runs, and every ratio is taken between medians measured in this same invocation.
Generated inputs go to bench/tmp/, which git ignores: nothing big is ever committed.

    python bench/run_bench.py            # the full benchmark (about 25 minutes on 2 cores)
    python bench/run_bench.py --quick    # a smoke run on small files (what tests/test_bench.py does)
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from procmem import tree_rss_kb  # bench/ is on sys.path when this script runs

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "claimclf.cli"]
NAIVE = Path(__file__).resolve().parent / "naive.py"
SEED = 20261130
LANGS = ("en", "zh", "mixed")
LONG_ZH_CHARS = 175  # the length of real Chinese claims the segmentation reference figure was measured on
FILES = (*LANGS, "zh_long")


def median_time(fn, repeats: int) -> tuple[float, list[float]]:
    times = [fn() for _ in range(repeats)]
    return statistics.median(times), times


def timed_run(args: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr[-2000:]}")
    return elapsed


def claim_texts(per_lang: int) -> dict[str, list[str]]:
    """``per_lang`` distinct generated claims for each language, and all of them, in a seeded random order.

    Distinct, so that no cache (the tokenizer's, the segmenter's) sees a text twice and flatters a rate;
    the generator's registers give realistic lengths and wording. Shuffled, because the generator
    writes its rows procedure by procedure and a partial take must still mix procedures.
    """
    import random

    from claimclf.corpus.generator import generate

    by_lang: dict[str, dict[str, None]] = {lang: {} for lang in LANGS}
    everything: dict[str, None] = {}
    for batch in itertools.count():
        rows = generate(n_rows=20_000, seed=SEED + batch)
        random.Random(SEED + batch).shuffle(rows)
        for r in rows:
            everything.setdefault(r.text)
            if len(by_lang[r.lang]) < per_lang:
                by_lang[r.lang].setdefault(r.text)
        if all(len(v) >= per_lang for v in by_lang.values()) or batch >= 60:
            break
    return {lang: list(v) for lang, v in by_lang.items()} | {"all": list(everything),
                                                             "zh_long": long_chinese(list(by_lang["zh"]), per_lang)}


def long_chinese(texts: list[str], n: int, target: int = LONG_ZH_CHARS) -> list[str]:
    """``n`` distinct Chinese narratives of about ``target`` characters, each joining generated claims.

    Generated Chinese claims are as short as the development set's (about 70 characters); real
    claims run longer, so this file measures scoring at that length too.
    """
    out: dict[str, None] = {}
    k = len(texts)
    for i in itertools.count():
        parts, j = [], i
        while sum(map(len, parts)) < target - 45:
            parts.append(texts[j % k].rstrip("。. "))
            j = j * 7 + 13  # a different companion for every start, so the narratives stay distinct
        out.setdefault("。".join(parts) + "。")
        if len(out) >= n or i > 50 * n:
            return list(out)


def write_claims(path: Path, texts: list[str], n: int, encoding: str = "utf-8") -> Path:
    """``n`` rows cycling through ``texts``, with unique ids, written a block at a time (never all in memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["claim_id", "text"])
        cycle = itertools.cycle(texts)
        for start in range(0, n, 50_000):
            out.writerows((f"c{i:08d}", next(cycle)) for i in range(start, min(n, start + 50_000)))
    return path


def peak_memory_run(args: list[str]) -> dict:
    """Run ``args``; the peak RSS of the whole process tree (sampled) and of its largest process (kernel-counted)."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", wrapper, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        if Path("/proc").is_dir():
            peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.2)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{stderr.decode()[-2000:]}")
    return {"seconds": elapsed, "peak_tree_mib": peak / 1024, "peak_largest_process_mib": int(stdout.split()[-1]) / 1024}


SEGMENT_ONLY = """
import json, sys, time
from claimclf import segmenter as S, text as T
texts = json.load(open(sys.argv[1], encoding="utf-8"))
S.segmenter_name()  # build the dictionary first: start-up is measured elsewhere
cached = S.segment_run
if sys.argv[3] == "nocache":
    T.segment_run = cached.__wrapped__  # the tokenizer as it was before the clause cache
times = []
for _ in range(int(sys.argv[2])):
    cached.cache_clear(); T.tokenize.cache_clear()  # cold, as in a fresh scoring process
    start = time.perf_counter()
    for t in texts:
        T.tokenize(T.normalize(t))
    times.append(time.perf_counter() - start)
print(json.dumps({"segmenter": S.segmenter_name(), "times": times}))
"""


def segmenter_times(texts: list[str], tmp: Path, repeats: int, backend: str, cache: bool = True) -> tuple[str, list[float]]:
    """The segmenter's name and the seconds of each pass of claimclf's tokenizer alone over ``texts``
    (normalise, segment Chinese runs, split words), in a fresh process."""
    src = tmp / "segment_texts.json"
    src.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, CLAIMCLF_SEGMENTER=backend)
    out = subprocess.run([sys.executable, "-c", SEGMENT_ONLY, str(src), str(repeats), "cache" if cache else "nocache"],
                         capture_output=True, text=True, env=env, check=True)
    got = json.loads(out.stdout)
    return got["segmenter"], got["times"]


def segmenter_rates(texts: list[str], tmp: Path, repeats: int, backend: str, cache: bool = True) -> dict:
    """Rows per second through claimclf's tokenizer alone, the median of ``repeats`` passes."""
    name, times = segmenter_times(texts, tmp, repeats, backend, cache)
    return {"segmenter": name, "rows_per_s": len(texts) / statistics.median(times), "runs": times}


LOAD_MODEL = """
import sys, time
start = time.perf_counter()
from claimclf.persistence import load
def once():
    model = load(sys.argv[1])  # every file's sha256 checked
    if sys.argv[2] == "scoring":  # what score, predict and evaluate use: numpy arrays, no scikit-learn
        return model.engine()
    return model.pipeline()  # the fitted scikit-learn pipeline, as MLflow logging and Spark use it
once()
cold = time.perf_counter() - start
start = time.perf_counter()
once()
print(cold, time.perf_counter() - start)
"""


def load_times(model: Path, kind: str, repeats: int) -> dict:
    """Median seconds to load ``kind`` in a fresh process (imports included) and again once imported."""
    runs = [subprocess.run([sys.executable, "-c", LOAD_MODEL, str(model), kind], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(repeats)]
    return {"fresh_process_with_imports": statistics.median(float(c) for c, _ in runs),
            "once_imported": statistics.median(float(w) for _, w in runs)}


def machine() -> dict:
    info = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["memory_gib"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small files and one repeat: checks the script, not the machine")
    ap.add_argument("--rows", type=int, help="rows per language file (default 30,000; quick 400)")
    ap.add_argument("--naive-rows", type=int, help="mixed rows scored by claimclf and by the naive pipeline "
                    "(default 40,000; quick 400)")
    ap.add_argument("--big-rows", type=int, help="rows of the memory file (default 1,000,000; quick 3,000)")
    ap.add_argument("--repeats", type=int, help="runs per timing, median reported (default 3; quick 1)")
    ap.add_argument("--tmp", type=Path, default=ROOT / "bench" / "tmp", help="where generated files go (git-ignored)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--readme", type=Path, help="README whose benchmark block to rewrite (default: the project's, "
                    "except with --quick)")
    args = ap.parse_args(argv)
    rows = args.rows or (400 if args.quick else 30_000)
    big_rows = args.big_rows or (3_000 if args.quick else 1_000_000)
    naive_rows = args.naive_rows or (400 if args.quick else 40_000)
    repeats = args.repeats or (1 if args.quick else 3)
    tmp = args.tmp
    tmp.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    from claimclf import __version__
    from claimclf.segmenter import segmenter_name

    results: dict = {"claimclf": __version__, "machine": machine(), "load_average_at_start": load_average(),
                     "settings": {"rows_per_file": rows, "memory_file_rows": big_rows, "naive_rows": naive_rows, "repeats": repeats,
                                  "jobs_all_cores": cores, "quick": args.quick},
                     "segmenter": segmenter_name()}

    # Training (also gives the model every later step uses, so the benchmark needs nothing prepared).
    corpus = ROOT / "data" / "claims_labelled.csv"
    if args.quick:
        from claimclf.corpus.generator import write_corpus

        corpus = tmp / "quick_corpus.csv"
        write_corpus(corpus, n_rows=300, seed=SEED)
    model = tmp / "model.joblib"
    help_text = subprocess.run([*CLI, "train", "--help"], capture_output=True, text=True).stdout
    train_args = [*CLI, "train", "--data", str(corpus), "--model", str(model), "--no-search", "-q"]
    if "--no-track" in help_text:
        train_args.append("--no-track")
    say(f"training on {corpus.name} ({repeats}x, --no-search) ...")
    med, runs = median_time(lambda: timed_run(train_args), repeats)
    results["training"] = {"corpus": str(corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus.name),
                           "options": "--no-search", "seconds": med, "runs": runs}

    # Start-up and model load.
    med, runs = median_time(lambda: timed_run([*CLI, "--help"]), max(5, repeats))
    results["startup_help_seconds"] = {"median": med, "runs": runs}
    results["model_load_seconds"] = {kind: load_times(model, kind, max(5, repeats)) for kind in ("scoring", "pipeline")}
    claim = "Ptosis covers the pupil; superior visual field 25 degrees, improves on taping the lid."
    med, runs = median_time(lambda: timed_run([*CLI, "predict", claim, "--model", str(model)]), max(5, repeats))
    results["predict_one_claim_seconds"] = {"median": med, "runs": runs}

    # Throughput by language, one job and all cores; the segmenter alone on the same texts.
    say("generating distinct claims ...")
    texts = claim_texts(rows)
    results["throughput"] = {}
    # Scoring with one job and the segmenter alone in turn: the load of a shared machine drifts in minutes,
    # and their ratio is the figure that matters, so each turn's pair is measured close together.
    turns = results["settings"]["turns"] = repeats if args.quick else max(5, repeats)
    for lang in FILES:
        src = write_claims(tmp / f"{lang}.csv", texts[lang], rows)
        entry: dict = {"rows": rows, "mean_chars": round(statistics.mean(map(len, texts[lang])), 1)}
        out = tmp / f"{lang}.scored.csv"

        def score(jobs: int, s: Path = src, o: Path = out) -> float:
            return timed_run([*CLI, "score", str(s), "-o", str(o), "--model", str(model), "--jobs", str(jobs),
                              "--overwrite", "-q"])

        cycled = list(itertools.islice(itertools.cycle(texts[lang]), rows))
        say(f"scoring {rows:,} {lang} rows with --jobs 1 and segmenting the same texts alone, in turn ({turns}x each) ...")
        score_runs, segment_runs = [], []
        for _ in range(turns):
            score_runs.append(score(1))
            name, times = segmenter_times(cycled, tmp, 1, "auto")
            segment_runs += times
        entry["jobs_1"] = {"rows_per_s": rows / statistics.median(score_runs), "seconds": statistics.median(score_runs),
                           "runs": score_runs}
        entry["segmenter_active"] = {"segmenter": name, "rows_per_s": rows / statistics.median(segment_runs),
                                     "runs": segment_runs}
        # The median of each turn's ratio of rates (segmenter seconds over scoring seconds).
        entry["scoring_over_segmenter"] = statistics.median(g / c for g, c in zip(segment_runs, score_runs, strict=True))
        entry["in_turn"] = True
        if cores != 1:
            say(f"scoring {rows:,} {lang} rows with --jobs {cores} ({repeats}x) ...")
            med, runs = median_time(lambda: score(cores), repeats)
            entry[f"jobs_{cores}"] = {"rows_per_s": rows / med, "seconds": med, "runs": runs}
        say(f"segmenting the same {rows:,} {lang} texts with plain jieba ...")
        entry["segmenter_plain_jieba"] = segmenter_rates(cycled, tmp, repeats, "jieba")
        entry["segmenter_plain_jieba_no_cache"] = segmenter_rates(cycled, tmp, repeats, "jieba", cache=False)
        entry["all_cores_speedup"] = entry[f"jobs_{cores}"]["rows_per_s"] / entry["jobs_1"]["rows_per_s"]
        entry["segmenter_speedup_over_plain_jieba"] = (entry["segmenter_active"]["rows_per_s"]
                                                       / entry["segmenter_plain_jieba_no_cache"]["rows_per_s"])
        results["throughput"][lang] = entry

    # claimclf against the first pipeline a user would write, on the same mixed rows, whole process each.
    say(f"training the naive pipeline on {corpus.name} ...")
    naive_model = tmp / "naive.joblib"
    timed_run([sys.executable, str(NAIVE), "fit", str(corpus), str(naive_model)])
    mixed = write_claims(tmp / "naive_mixed.csv", texts["all"], naive_rows)
    mixed_out = tmp / "naive_mixed.scored.csv"
    # In turn, so that a change in the machine's load falls on both alike; more runs, as one takes a minute at most.
    say(f"scoring {naive_rows:,} mixed rows with claimclf (default jobs) and the naive pipeline, in turn ({turns}x each) ...")
    ours_runs, naive_runs = [], []
    for _ in range(turns):
        ours_runs.append(timed_run(
            [*CLI, "score", str(mixed), "-o", str(mixed_out), "--model", str(model), "--overwrite", "-q"]))
        naive_runs.append(timed_run([sys.executable, str(NAIVE), "score", str(naive_model), str(mixed), str(mixed_out)]))
    ours, naive = statistics.median(ours_runs), statistics.median(naive_runs)
    results["against_naive"] = {
        "rows": naive_rows, "mean_chars": round(statistics.mean(map(len, texts["all"][:naive_rows])), 1),
        "claimclf": {"seconds": ours, "rows_per_s": naive_rows / ours, "runs": ours_runs},
        "naive": {"seconds": naive, "rows_per_s": naive_rows / naive, "runs": naive_runs},
        "speedup": naive / ours, "in_turn": True,
    }
    mixed_out.unlink()

    # Peak memory on a big mixed file, UTF-8 with a byte-order mark, all cores.
    say(f"writing {big_rows:,} mixed rows (UTF-8 with BOM) ...")
    big = write_claims(tmp / "big.csv", texts["all"], big_rows, encoding="utf-8-sig")
    say(f"scoring {big_rows:,} rows with --jobs {cores} (once) ...")
    big_out = tmp / "big.scored.csv"
    mem = peak_memory_run([*CLI, "score", str(big), "-o", str(big_out), "--model", str(model), "--jobs", str(cores),
                           "--overwrite", "-q"])
    with open(big_out, encoding="utf-8") as fh:
        out_rows = sum(1 for _ in csv.reader(fh)) - 1
    mem.update(rows=big_rows, rows_out=out_rows, rows_per_s=big_rows / mem["seconds"], file_mib=big.stat().st_size / 2**20)
    results["memory_file"] = mem
    big_out.unlink()
    results["load_average_at_end"] = load_average()

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    readme = args.readme or (None if args.quick else ROOT / "README.md")
    if readme is not None:
        update_readme(readme, results)
    print(readme_block(results))
    return results


README_START = "<!-- bench:start (written by make bench from bench/results.json) -->"
README_END = "<!-- bench:end -->"


def readme_block(r: dict) -> str:
    """The benchmark table as the README shows it between its markers (the only place it is written)."""
    m, s, t = r["machine"], r["settings"], r["throughput"]
    cores = s["jobs_all_cores"]
    lines = [
        f"Measured by `make bench` (bench/run_bench.py) on {m.get('cpu', 'an unknown CPU')}, {m['cores']} cores, "
        f"{m.get('memory_gib', '?')} GiB, Python {m['python']}; segmenter `{r['segmenter']}`. "
        f"Medians of {s['repeats']} runs"
        + (f", of {s['turns']} where two measures ran in turn" if "turns" in s else "")
        + "; ratios between medians of the same run. Numbers from bench/results.json.",
        "",
        f"Scoring is end to end: `claimclf score FILE -o OUT` as a user runs it, start-up and model load included, "
        f"{s['rows_per_file']:,} rows per file. The segmenter column is claimclf's tokenizer alone on the same texts "
        "(normalisation, Chinese segmentation, word split), the floor no pipeline can beat, with the segmenter "
        f"in use (`{r['segmenter']}`)"
        + ("; scoring with one job and the segmenter ran in turn, and scoring / segmenter is the median of "
           "the turns' ratios" if all(e.get("in_turn") for e in t.values()) else "")
        + "; the last column is plain jieba with and without the bounded cache of "
        "segmented clauses. Texts are distinct, but generated claims share clauses more than real ones may, "
        "which flatters the cache. Generated Chinese claims are as short as the development set's (about 70 "
        f"characters); `zh_long` joins them into distinct narratives of about {LONG_ZH_CHARS} characters, the length of "
        "longer real claims.",
        "",
        f"| file | mean chars | rows/s, --jobs 1 | rows/s, --jobs {cores} | speed-up | segmenter alone rows/s "
        "| scoring / segmenter | plain jieba, with / without clause cache |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for lang, e in t.items():
        lines.append(
            f"| {lang} | {e['mean_chars']:.0f} | {e['jobs_1']['rows_per_s']:,.0f} | {e[f'jobs_{cores}']['rows_per_s']:,.0f} "
            f"| {e['all_cores_speedup']:.2f}x | {e['segmenter_active']['rows_per_s']:,.0f} "
            f"| {e['scoring_over_segmenter']:.1%} | {e['segmenter_plain_jieba']['rows_per_s']:,.0f} / "
            f"{e['segmenter_plain_jieba_no_cache']['rows_per_s']:,.0f} |"
        )
    mem = r["memory_file"]
    load = r["model_load_seconds"]
    naive = r.get("against_naive")  # absent from results written before the comparison existed
    lines += ["", "| measure | value |", "| --- | ---: |"]
    if naive:
        lines.append(
            f"| {naive['rows']:,} mixed rows, whole process, default jobs: claimclf / naive scikit-learn pipeline "
            f"(jieba words 1–2 + char_wb 1–3 TF-IDF, logistic regression, one process)"
            + (f", medians of {len(naive['naive']['runs'])} runs in turn " if naive.get("in_turn") else " ")
            + f"| {naive['claimclf']['seconds']:.1f} s / {naive['naive']['seconds']:.1f} s: **{naive['speedup']:.1f}x** |")
    lines += [
        f"| peak resident memory, {mem['rows']:,}-row mixed CSV ({mem['file_mib']:.0f} MiB, UTF-8 with BOM), "
        f"--jobs {cores}, all processes | {mem['peak_tree_mib']:,.0f} MiB |",
        f"| the same, largest single process | {mem['peak_largest_process_mib']:,.0f} MiB |",
        f"| the same run: time, rows/s (one run) | {mem['seconds']:,.0f} s, {mem['rows_per_s']:,.0f} rows/s |",
        f"| start-up, `claimclf --help` | {r['startup_help_seconds']['median']:.2f} s |",
        f"| model load for scoring in a fresh process, imports included (numpy arrays) "
        f"| {load['scoring']['fresh_process_with_imports']:.2f} s |",
        f"| the same once imported | {load['scoring']['once_imported']:.3f} s |",
        f"| fitted pipeline load in a fresh process (imports scikit-learn; MLflow logging, Spark) "
        f"| {load['pipeline']['fresh_process_with_imports']:.2f} s |",
        f"| `claimclf predict` on one claim, whole command (start-up, load, segmenter, answer) "
        f"| {r['predict_one_claim_seconds']['median']:.2f} s |",
        f"| training on {r['training']['corpus']} with {r['training']['options']} | {r['training']['seconds']:.0f} s |",
        "",
        f"Load average when the run started: {_num(r['load_average_at_start'])}; at the end: {_num(r['load_average_at_end'])} "
        "(other work on the machine lowers every rate).",
    ]
    return "\n".join(lines)


def update_readme(path: Path, r: dict) -> None:
    """Rewrite the README between its benchmark markers, so its numbers are always the last run's."""
    from claimclf.generated_blocks import write_block

    write_block(path, README_START, README_END, readme_block(r), "benchmark")


def _num(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
