"""Check that a code change leaves ``claimclf score`` output byte-identical.

Trains one model with the code at ``--base`` (a git ref, checked out in a temporary worktree) and
one with the working tree, on the same corpus file, then scores the sample file and a generated
file of ``--rows`` mixed claims with each and compares the outputs byte for byte.

    .venv/bin/python scripts/check_same_scores.py --base HEAD~3
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIXED_SEED = 20261203

MAKE_FILE = """
import csv, sys
from claimclf.corpus.generator import generate
rows = generate(n_rows=int(sys.argv[2]), seed=int(sys.argv[3]))
with open(sys.argv[1], "w", encoding="utf-8", newline="") as fh:
    out = csv.writer(fh, lineterminator="\\n")
    out.writerow(["claim_id", "text"])
    out.writerows((f"m{i:06d}", r.text) for i, r in enumerate(rows))
"""


def run(args: list[str], src: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src), CLAIMCLF_HOME=str(src.parent))
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr[-3000:]}")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git ref of the code to compare with")
    parser.add_argument("--rows", type=int, default=30_000, help="rows of the generated mixed file")
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="claimclf-same-") as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(base), args.base], check=True)
        try:
            corpus = base / "data" / "claims_labelled.csv"
            sample = base / "data" / "sample" / "claims.csv"
            mixed = tmp / "mixed.csv"
            run([py, "-c", MAKE_FILE, str(mixed), str(args.rows), str(MIXED_SEED)], base / "src")
            outputs: dict[str, dict[str, str]] = {}
            for name, src in (("base", base / "src"), ("new", ROOT / "src")):
                model = tmp / name / "model.joblib"
                run([py, "-m", "claimclf.cli", "train", "--data", str(corpus), "--model", str(model), "--no-search",
                     "--no-track", "-q"], src)
                outputs[name] = {}
                for label, path in (("sample", sample), ("mixed", mixed)):
                    out = tmp / name / f"{label}.scored.csv"
                    run([py, "-m", "claimclf.cli", "score", str(path), "-o", str(out), "--model", str(model), "-q"], src)
                    outputs[name][label] = sha(out)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    same = True
    for label in ("sample", "mixed"):
        a, b = outputs["base"][label], outputs["new"][label]
        same &= a == b
        print(f"{label:<7} base {a[:16]}  new {b[:16]}  {'identical' if a == b else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
