"""Print the README's quality tables from the model sidecar and an evaluation report.

Usage: python scripts/quality_table.py models/claimclf.joblib.json reports/dev/report.json
"""

from __future__ import annotations

import json
import sys


def pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def main(sidecar_path: str, report_path: str) -> None:
    side = json.load(open(sidecar_path, encoding="utf-8"))
    rep = json.load(open(report_path, encoding="utf-8"))
    cv, ung = side["cv"]["metrics"], side.get("cv_ungrouped") or {}
    print("Cross-validation on the shipped corpus (5 folds; grouped = whole scenarios held out):\n")
    print("| | accuracy | macro-F1 | ROC-AUC |")
    print("|---|---:|---:|---:|")
    print("| grouped by scenario | " + " | ".join(f"{cv[m]['mean']:.3f} ± {cv[m]['std']:.3f}" for m in
                                           ("accuracy", "macro_f1", "roc_auc")) + " |")
    if ung:
        print("| ungrouped (near-duplicates on both sides) | " + " | ".join(
            f"{ung[m]['mean']:.3f} ± {ung[m]['std']:.3f}" for m in ("accuracy", "macro_f1", "roc_auc")) + " |")
    o = rep["overall"]
    kw, maj = rep["baselines"]["keyword_rule"], rep["baselines"]["majority"]
    print(f"\nDevelopment set written outside the team ({o['n']} claims), model trained only on the shipped corpus:\n")
    print("| | claimclf | keyword rule | majority class | grouped CV (corpus) |")
    print("|---|---:|---:|---:|---:|")
    print(f"| macro-F1 | {o['macro_f1']:.3f} | {kw['overall']['macro_f1']:.3f} | {maj['overall']['macro_f1']:.3f} | "
          f"{cv['macro_f1']['mean']:.3f} |")
    print(f"| accuracy | {o['accuracy']:.3f} | {kw['overall']['accuracy']:.3f} | {maj['overall']['accuracy']:.3f} | "
          f"{cv['accuracy']['mean']:.3f} |")
    print(f"| ROC-AUC | {pct(o['roc_auc'])} | {pct(kw['overall']['roc_auc'])} | {pct(maj['overall']['roc_auc'])} | "
          f"{cv['roc_auc']['mean']:.3f} |")
    cal = side.get("calibration") or {}
    print(f"| ECE (10 bins) | {o['ece']:.3f} | – | – | {pct(cal.get('cv_ece_after'))} |")
    cvb = side.get("cv_breakdown") or {}
    for column in ("lang", "slice"):
        for value, m in rep.get(f"by_{column}", {}).items():
            k = kw.get(f"by_{column}", {}).get(value, {})
            mj = maj.get(f"by_{column}", {}).get(value, {})
            c = cvb.get(column, {}).get(value, {})
            print(f"| accuracy, {column} = {value} (n={m['n']}) | {m['accuracy']:.3f} | {pct(k.get('accuracy'))} | "
                  f"{pct(mj.get('accuracy'))} | {pct(c.get('accuracy'))} |")
    d = rep["decisions"]
    print(f"\nDecisions: review band {d['review_band'][0]:.3f} – {d['review_band'][1]:.3f} (target precision "
          f"{side['decision_policy'].get('target_precision')}); {d['review_share']:.1%} of the development claims go to "
          f"review, accuracy on the rest {pct(d['auto_accuracy'])}.")


if __name__ == "__main__":
    main(*sys.argv[1:3])
