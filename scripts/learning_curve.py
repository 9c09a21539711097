"""The learning curve on the team's real texts: test macro-F1 and ECE after 0-200 labels, suggested or random.

``make learning-curve`` runs it (about an hour on two shared cores):

    python scripts/learning_curve.py

It measures every point not yet in docs/learning_curve.json (see :mod:`claimclf.labelling.curve`; a
stopped run resumes), then draws docs/learning-curve.png, rewrites the README's table between its
curve markers, and records the curve in MLflow (experiment ``claimclf-learning-curve``).
tests/test_readme.py checks that the README table is the rendering of docs/learning_curve.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CURVE_JSON = ROOT / "docs" / "learning_curve.json"
CURVE_PNG = ROOT / "docs" / "learning-curve.png"
REAL_DEV = ROOT.parent / "shared" / "real" / "real_dev.csv"
README_START = "<!-- curve:start (written by make learning-curve from docs/learning_curve.json) -->"
README_END = "<!-- curve:end -->"
SHIPPED_PARAMS = {"C": 128.0}  # the shipped model's search result (models/claimclf.joblib.json); the rest default


def readme_block(text: str) -> str:
    from claimclf.generated_blocks import read_block

    return read_block(text, README_START, README_END, "curve")


def write_readme(path: Path, block: str) -> None:
    from claimclf.generated_blocks import write_block

    write_block(path, README_START, README_END, block, "curve")


def main(argv: list[str] | None = None) -> int:
    from claimclf import config
    from claimclf.labelling import curve
    from claimclf.train import DEFAULT_PARAMS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REAL_DEV, help="the labelled real texts to split (default: %(default)s)")
    ap.add_argument("--corpus", type=Path, default=None, help="the shipped corpus (default: data/claims_labelled.csv)")
    ap.add_argument("--out", type=Path, default=CURVE_JSON, help="the results file, also the cache (default: %(default)s)")
    ap.add_argument("--plot", type=Path, default=CURVE_PNG)
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md", help="README to rewrite between the curve markers")
    ap.add_argument("--no-readme", action="store_true")
    ap.add_argument("--budgets", type=int, nargs="+", default=list(curve.BUDGETS))
    ap.add_argument("--seeds", type=int, nargs="+", default=list(curve.SEEDS))
    ap.add_argument("--weights", type=float, nargs="+", default=list(curve.WEIGHTS),
                    help="the team file's weights compared at --check-budget; the better one makes the curve")
    ap.add_argument("--check-budget", type=int, default=curve.CHECK_BUDGET)
    ap.add_argument("--fresh", action="store_true", help="measure every point again, ignoring the results file")
    ap.add_argument("--render-only", action="store_true", help="measure nothing: plot and README from the results file")
    ap.add_argument("--no-track", action="store_true", help="do not record the curve in MLflow")
    ap.add_argument("--tracking-uri", default=None)
    ap.add_argument("--experiment", default="claimclf-learning-curve")
    args = ap.parse_args(argv)

    def say(message: str) -> None:
        print(message, flush=True)

    if args.render_only:
        data = json.loads(args.out.read_text(encoding="utf-8"))
    else:
        if not args.data.is_file():
            raise SystemExit(f"{args.data} is not here: the learning curve needs the team's labelled real texts")
        params = dict(DEFAULT_PARAMS, **SHIPPED_PARAMS)
        params["char_ngram"] = list(params["char_ngram"])
        try:
            data = curve.run_curve(args.data, args.corpus or config.default_corpus(), args.out, params=params,
                                   budgets=args.budgets, seeds=args.seeds, weights=tuple(args.weights),
                                   check_budget=args.check_budget, fresh=args.fresh, say=say)
        except KeyboardInterrupt:
            print(f"stopped: the points measured so far are in {args.out}; run again to resume", file=sys.stderr)
            return 130
    curve.plot(data, args.plot)
    say(f"plot written to {args.plot}")
    if not args.no_readme:
        write_readme(args.readme, curve.render(data))
        say(f"README table rewritten ({args.readme})")
    say(curve.render(data))
    s = data.get("summary") or curve.summary(data)
    if s.get("measured"):
        say(f"target at {s['budget']} suggested labels: macro-F1 {s['shipped_macro_f1']:.3f} -> {s['suggested_macro_f1']:.3f} "
            f"({s['gain'] * 100:+.1f} points; random {s['random_macro_f1_mean']:.3f}): "
            f"{'met' if s['met'] else 'NOT met'}")
    if not args.no_track:
        from claimclf.tracking.runs import log_learning_curve
        from claimclf.tracking.store import prepare

        tracker = prepare(True, args.tracking_uri, args.experiment, False, say)
        info = log_learning_curve(tracker, data, [args.out, args.plot])
        say(f"recorded {len(info['run_ids'])} run(s) in experiment {args.experiment} ({info['uri']})")
    return 0


if __name__ == "__main__":
    from claimclf.errors import ClaimError

    try:
        sys.exit(main())
    except ClaimError as exc:  # a one-line message that says what to do, not a traceback
        sys.exit(f"error: {exc}")
