"""The README's quality tables: numbers gathered from the model sidecar and evaluation reports, then rendered.

``make eval`` runs it after evaluating the default model:

    python scripts/quality_table.py --sidecar models/claimclf.joblib.json \\
        --report dev=reports/dev/report.json --report real_dev=reports/real_dev/report.json --write

``--write`` keeps the numbers in docs/quality.json (aggregates only, never a claim's text) and rewrites
the README between its quality markers; tests/test_readme.py checks the README block is the rendering
of docs/quality.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUALITY_JSON = ROOT / "docs" / "quality.json"
README_START = "<!-- quality:start (written by make eval from docs/quality.json) -->"
README_END = "<!-- quality:end -->"
DESCRIPTIONS = {
    "dev": "claims written outside the team, in claim style",
    "real_dev": "real public texts: Chinese patient questions and English clinical notes",
}
BREAKDOWNS = ("lang", "source", "slice")
SHORT = "up to 30 characters"  # a band of evaluate.LENGTH_BANDS: one-line questions
MIN_SHORT = 20  # fewer short texts than this say nothing about their calibration


def _short(report: dict) -> dict:
    m = report.get("by_length", {}).get(SHORT)
    if not m or m["n"] < MIN_SHORT:
        return {}
    return {"short_ece": m["ece"], "short_certain_share": m["certain_share"]}


def _overall(report: dict) -> dict:
    o, d = report["overall"], report.get("decisions", {})
    return {"n": o["n"], "macro_f1": o["macro_f1"], "accuracy": o["accuracy"], "roc_auc": o["roc_auc"], "ece": o["ece"],
            "review_share": d.get("review_share"), "doubted_share": d.get("doubted_share"),
            "auto_accuracy": d.get("auto_accuracy"), **_short(report)}


def collect(sidecar: dict, reports: dict[str, dict]) -> dict:
    """What the tables show, and nothing else: aggregate numbers per data set, baseline and breakdown."""
    out = {
        "model_version": sidecar.get("model_version"),
        "cv": sidecar["cv"]["metrics"],
        "cv_ungrouped": sidecar.get("cv_ungrouped"),
        "cv_leave_procedure_out": sidecar.get("cv_leave_procedure_out"),
        "cv_ece": (sidecar.get("calibration") or {}).get("cv_ece_after"),
        "review_band": [sidecar["decision_policy"]["review_low"], sidecar["decision_policy"]["review_high"]],
        "target_precision": sidecar["decision_policy"].get("target_precision"),
        "sets": {},
    }
    for name, rep in reports.items():
        entry = {"model": _overall(rep), "baselines": {b: _overall(r) for b, r in rep.get("baselines", {}).items()},
                 "by": {}}
        for column in BREAKDOWNS:
            for value, m in rep.get(f"by_{column}", {}).items():
                kw = rep.get("baselines", {}).get("keyword_rule", {}).get(f"by_{column}", {}).get(value, {})
                entry["by"][f"{column} = {value}"] = {"n": m["n"], "accuracy": m["accuracy"],
                                                     "keyword_rule": kw.get("accuracy")}
        out["sets"][name] = entry
    return out


KEYWORD_ROWS = ("macro_f1", "accuracy", "roc_auc", "ece", "short_ece", "short_certain_share")


def _f(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "–"
    return f"{x:.1%}" if pct else f"{x:.3f}"


def render(q: dict) -> str:
    cv, ung = q["cv"], q.get("cv_ungrouped") or {}
    lines = ["Cross-validation on the shipped corpus (5 folds; grouped = whole scenarios held out):", "",
             "| | accuracy | macro-F1 | ROC-AUC |", "|---|---:|---:|---:|",
             "| grouped by scenario | " + " | ".join(f"{cv[m]['mean']:.3f} ± {cv[m]['std']:.3f}"
                                                    for m in ("accuracy", "macro_f1", "roc_auc")) + " |"]
    lpo = q.get("cv_leave_procedure_out") or {}
    if lpo:
        lines.append("| whole procedures held out (a procedure never seen) | " + " | ".join(
            f"{lpo[m]['mean']:.3f} ± {lpo[m]['std']:.3f}" for m in ("accuracy", "macro_f1", "roc_auc")) + " |")
    if ung:
        lines.append("| ungrouped (near-duplicates on both sides) | " + " | ".join(
            f"{ung[m]['mean']:.3f} ± {ung[m]['std']:.3f}" for m in ("accuracy", "macro_f1", "roc_auc")) + " |")
    sets = q["sets"]
    if sets:
        lines += ["", "Held-out data the model never trains on (" + "; ".join(
            f"`{name}`: {sets[name]['model']['n']} {DESCRIPTIONS.get(name, 'labelled claims')}" for name in sets) + "):", ""]
        head = "| |" + "".join(f" {name} | {name}, keyword rule |" for name in sets) + " corpus, grouped CV |"
        lines += [head, "|---|" + "---:|" * (2 * len(sets) + 1)]
        rows = (("macro-F1", "macro_f1", False), ("accuracy", "accuracy", False), ("ROC-AUC", "roc_auc", False),
                ("ECE (10 bins)", "ece", False), ("sent to review", "review_share", True),
                ("of which by the doubt rules", "doubted_share", True),
                ("accuracy of automatic decisions", "auto_accuracy", False),
                (f"ECE, texts {SHORT}", "short_ece", False),
                (f"printed as 0.000 or 1.000, texts {SHORT}", "short_certain_share", True))
        cv_column = {"macro_f1": cv["macro_f1"]["mean"], "accuracy": cv["accuracy"]["mean"],
                     "roc_auc": cv["roc_auc"]["mean"], "ece": q.get("cv_ece")}
        for label, key, pct in rows:
            cells = []
            for name in sets:
                model, kw = sets[name]["model"], sets[name]["baselines"].get("keyword_rule", {})
                cells += [_f(model.get(key), pct), _f(kw.get(key), pct) if key in KEYWORD_ROWS else "–"]
            lines.append(f"| {label} | " + " | ".join(cells) + f" | {_f(cv_column.get(key))} |")
        lines += ["", "Accuracy by language, source and slice (keyword rule in brackets):", "",
                  "| data | breakdown | n | claimclf | keyword rule |", "|---|---|---:|---:|---:|"]
        for name in sets:
            for key, m in sets[name]["by"].items():
                lines.append(f"| {name} | {key} | {m['n']} | {m['accuracy']:.3f} | {_f(m['keyword_rule'])} |")
    low, high = q["review_band"]
    lines += ["", f"Review band {low:.3f} – {high:.3f}, chosen for a target precision of {q['target_precision']} on "
              f"grouped cross-validated predictions (model {q['model_version']})."]
    return "\n".join(lines)


def readme_block(text: str) -> str:
    from claimclf.generated_blocks import read_block

    return read_block(text, README_START, README_END, "quality")


def write_readme(path: Path, block: str) -> None:
    from claimclf.generated_blocks import write_block

    write_block(path, README_START, README_END, block, "quality")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sidecar", type=Path, default=ROOT / "models" / "claimclf.joblib.json")
    ap.add_argument("--report", action="append", default=[], metavar="NAME=PATH",
                    help="an evaluation report.json, named (repeatable); missing files are skipped")
    ap.add_argument("--write", action="store_true", help="write docs/quality.json and the README block")
    args = ap.parse_args()
    reports = {}
    for item in args.report:
        name, _, path = item.partition("=")
        if Path(path).is_file():
            reports[name] = json.loads(Path(path).read_text(encoding="utf-8"))
    quality = collect(json.loads(args.sidecar.read_text(encoding="utf-8")), reports)
    if args.write:
        QUALITY_JSON.write_text(json.dumps(quality, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        write_readme(ROOT / "README.md", render(quality))
        print(f"wrote {QUALITY_JSON.relative_to(ROOT)} and the README's quality tables")
    else:
        print(render(quality))
    return 0


if __name__ == "__main__":
    sys.exit(main())
