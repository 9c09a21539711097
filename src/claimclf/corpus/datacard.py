"""The data card (data/README.md), written from the corpus itself so its counts never drift."""

from __future__ import annotations

from collections import Counter

from claimclf.corpus.function_words import MIN_DOC_FREQ, RATIO_LIMITS, balances
from claimclf.corpus.generator import DEFAULT_SEED, QUESTION_SHARE, Row
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.registers import FORMS, form_of

INTRO = """# The shipped corpus: `claims_labelled.csv`

Synthetic, labelled justifications of medical-insurance claims in English, Chinese and
code-switched Chinese, for training and testing claimclf. Every row is generated; none is a
real claim and none contains information about a real person.

This file is written by `claimclf data generate` together with the corpus; do not edit it by hand.

## How it was made

- **Scenarios.** For each procedure, `src/claimclf/corpus/procedures/` holds hand-written
  *scenarios*: one clinical situation, one label, written as clause templates with many
  alternative wordings, numbers drawn from ranges, optional clauses and slots
  (`src/claimclf/corpus/template.py`). Labels follow the project's labelling rules:
  a procedure is **therapeutic** when it treats disease or injury, restores a documented function,
  or reconstructs after a congenital anomaly, trauma, burn, infection or tumour (including
  restoring appearance after such an event); it is **cosmetic** when it only changes how normal
  anatomy looks, whatever words ("medically necessary", distress) are attached to the request.
- **Forms.** Text arrives in three forms, and the corpus has all three:
  - *questions*: short questions a patient types into a search box or a forum (cost, recovery,
    risks, whether a condition can be treated, which hospital, pain, age), 5–30 characters in
    Chinese, one line in English, with no claim framing. Every procedure has question scenarios
    for both labels; the ask part comes from pools shared by both labels (`registers.QUESTION_ASKS`).
    Questions take a fixed share of each procedure's rows (generator `QUESTION_SHARE`: {qshare});
  - *claims*: a letter of medical necessity, a surgeon's pre-op note, an EMR assessment and plan,
    an adjuster's summary, prior-authorisation free text, the patient's own appeal; 病历摘要,
    理赔/报销申请, 患者口语, and short operative and consultation notes;
  - *long notes*: a full operative (or procedure) note and a new-patient consultation in English,
    an 入院记录 with its operative record in Chinese (lengths under *By form*; `long_notes.py`).
    Their boilerplate (anaesthesia, prep and drape, time-out, technique,
    closure, dressings, history, review of systems, examination) depends on the procedure's site
    only, never on the label, and never states a reason; the scenario's clauses go into the
    indications, the history of present illness and the assessment.
  Frames are label-neutral: the same boilerplate appears for both labels.
- **Neutral history.** Most clinical and patient texts also carry one or two sentences of
  history and logistics drawn from one pool for both labels (allergies, smoking, referrals,
  dates, scheduling: `registers.COLOUR`), so that negators, request, time and facility words
  appear in both classes (see *Function words* below).
- **Noise.** Abbreviations (pt, hx, b/l, w/o, s/p), typos, upper/lower case, half- and full-width
  punctuation and digits (`noise.py`), independent of the label.
- **Code-switching.** `mixed` rows are Chinese scenarios in which drug names, scores,
  abbreviations and codes are written in English (BMI, T2DM, OSA, Botox, HA, CPT/ICD codes).
- **Mixed register.** A few rows join a clinician's text and the patient's own words about the
  same case (slice `mixed_register`).
- **Quotas.** Every procedure gets a fixed number of rows in each language (the row count over
  38, rounded up or down by a hash), the same for both labels, spread over its own scenarios (the
  question scenarios share their fixed part, the others the rest): labels are balanced within each
  language and no procedure's share depends on another procedure.
- **Determinism.** Each scenario draws its rows from its own `random.Random`, seeded from the
  corpus seed, the procedure and the scenario id: `claimclf data generate` rebuilds the file
  byte for byte (a test checks it), and a change to one procedure changes only that procedure's
  rows. Rows are sorted by procedure, scenario and counter, so a regenerated file diffs locally.
  A scenario id ends in a hash of the scenario's clauses and slots, not its place in a list; a
  mixed-register row carries the id of its clinical scenario. How to add a procedure:
  `docs/adding-a-procedure.md`.

## Columns

| column | meaning |
|---|---|
| `id` | row id, `<procedure>-<scenario digest>-<output language><counter>`, e.g. `rhinoplasty-1a2b3c4d-zh007` |
| `text` | the claim justification |
| `label` | `therapeutic` or `cosmetic` |
| `lang` | `en`, `zh` or `mixed` (Chinese with English terms) |
| `procedure` | procedure key, e.g. `upper_blepharoplasty` |
| `register` | the register the text is written in |
| `slice` | `clear`; `negation` (a cue is denied); `keyword_trap` (words point the wrong way); `threshold`; `mixed_register` |
| `scenario` | the scenario behind the row, `<procedure>/<lang>-<label>-<slice>-<digest>`: the group for grouped cross-validation |
"""

LIMITS = """## Limits

- **Synthetic text.** The wording comes from templates written by the team. However varied, it
  is narrower than real claims: real letters ramble, cite history the templates do not know,
  and mix several procedures. Cross-validation on this corpus overstates accuracy on real claims;
  grouped cross-validation (by scenario) is the more honest of the two numbers, and the only
  trustworthy one is a measurement on text written outside the team.
- **One label per text.** Narratives that justify two procedures with different labels (a
  septoplasty with a hump reduction) are left out rather than split.
- **Insufficient texts are absent.** A bare procedure name with no reason is labelled only for
  procedures presumed cosmetic (double eyelid, rhinoplasty, augmentation, cosmetic toxin,
  fillers, face-lift); anything else without a reason is not in the data, and the model
  should not be trusted on it.
- **Thresholds by jurisdiction.** English rows follow US payer criteria, Chinese rows Chinese
  ones (e.g. bariatric BMI ≥ 32.5, or 27.5–32.5 with type 2 diabetes).
- **Label is not payment.** A therapeutic label says what the procedure is for, not that a
  policy pays for it.
- **No traditional Chinese, no other languages.**
"""


def _table(counter: Counter, title: str, key_name: str) -> str:
    lines = [f"### By {title}", "", f"| {key_name} | rows |", "|---|---:|"]
    for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| {key} | {n} |")
    return "\n".join(lines) + "\n"


def _forms(rows: list[Row]) -> list[str]:
    by = Counter((r.lang, form_of(r.register)) for r in rows)
    lines = ["### By form", "", "| lang | " + " | ".join(FORMS) + " |", "|---|" + "---:|" * len(FORMS)]
    for lang in ("en", "zh", "mixed"):
        total = sum(by[(lang, f)] for f in FORMS) or 1
        lines.append(f"| {lang} | " + " | ".join(f"{by[(lang, f)]} ({by[(lang, f)] / total:.0%})" for f in FORMS) + " |")
    lines += ["", "| lang | form | rows | shortest | median | longest (characters) |", "|---|---|---:|---:|---:|---:|"]
    for lang in ("en", "zh", "mixed"):
        for f in FORMS:
            lengths = sorted(len(r.text) for r in rows if r.lang == lang and form_of(r.register) == f)
            if lengths:
                lines.append(f"| {lang} | {f} | {len(lengths)} | {lengths[0]} | {lengths[len(lengths) // 2]} | {lengths[-1]} |")
    clinical_en = [r for r in rows if r.lang == "en" and r.register not in ("patient_appeal", "question", "mixed_register")]
    long_en = sum(1 for r in clinical_en if form_of(r.register) == "long note")
    lines += ["", f"Long notes are {long_en / max(len(clinical_en), 1):.0%} of the English clinician-written rows.", ""]
    return lines


def _coverage(rows: list[Row], procs: list) -> list[str]:
    by = Counter((r.procedure, form_of(r.register), r.label) for r in rows)
    head = " | ".join(f"{f} {lab[0].upper()}" for f in FORMS for lab in ("therapeutic", "cosmetic"))
    lines = ["### Coverage: procedure × form × label", "",
             "T therapeutic, C cosmetic; all languages.", "",
             f"| procedure | {head} |", "|---|" + "---:|" * (2 * len(FORMS))]
    for p in procs:
        cells = " | ".join(str(by[(p.key, f, lab)]) for f in FORMS for lab in ("therapeutic", "cosmetic"))
        lines.append(f"| {p.key} | {cells} |")
    lines.append("")
    return lines


def _function_words(rows: list[Row]) -> list[str]:
    lo, hi = RATIO_LIMITS
    lines = ["## Function words", "",
             "Words that say how a text is written, not why (`src/claimclf/corpus/function_words.py`): the share of",
             "rows of each class that contain each word, tokenised as the model tokenises. A word found in at least",
             f"{MIN_DOC_FREQ:.0%} of all rows must have a therapeutic/cosmetic ratio within {lo}–{hi} (a test checks it); rarer",
             "words are listed but not held to it.", "",
             "| category | lang | word | therapeutic | cosmetic | ratio | rows with it | held |", "|---|---|---|---:|---:|---:|---:|---|"]
    for b in balances(rows):
        ratio = "—" if b.ratio == float("inf") else f"{b.ratio:.2f}"
        held = ("yes" if b.balanced else "**no**") if b.held else "rare"
        lines.append(f"| {b.category} | {b.lang} | {b.word} | {b.rate_therapeutic:.1%} | {b.rate_cosmetic:.1%} | {ratio} | "
                     f"{b.doc_freq:.1%} | {held} |")
    lines.append("")
    return lines


def render(rows: list[Row], seed: int = DEFAULT_SEED) -> str:
    """The data card for ``rows``."""
    procs = all_procedures()
    n_scen = sum(len(p.scenarios) for p in procs)
    lang_label = Counter((r.lang, r.label) for r in rows)
    qshare = ", ".join(f"{lang} {share:.0%}" for lang, share in QUESTION_SHARE.items())
    lines = [INTRO.replace("{qshare}", qshare), "## Counts", "",
             f"{len(rows)} rows from {len(procs)} procedures and {n_scen} scenarios, seed {seed}.", "",
             "### By language and label", "", "| lang | therapeutic | cosmetic | share of rows |", "|---|---:|---:|---:|"]
    for lang in ("en", "zh", "mixed"):
        t, c = lang_label[(lang, "therapeutic")], lang_label[(lang, "cosmetic")]
        lines.append(f"| {lang} | {t} | {c} | {(t + c) / max(len(rows), 1):.0%} |")
    lines.append("")
    lines += _forms(rows)
    lines.append(_table(Counter(r.slice for r in rows), "slice", "slice"))
    lines.append(_table(Counter(r.register for r in rows), "register", "register"))
    by_proc = Counter((r.procedure, r.label) for r in rows)
    lines += ["### By procedure", "", "| procedure | therapeutic | cosmetic |", "|---|---:|---:|"]
    for p in procs:
        lines.append(f"| {p.key}{' ◆' if p.presumed_cosmetic else ''} | {by_proc[(p.key, 'therapeutic')]} | "
                     f"{by_proc[(p.key, 'cosmetic')]} |")
    lines += ["", "◆ presumed cosmetic when no reason is given.", ""]
    lines += _coverage(rows, procs)
    lines += _function_words(rows)
    lines.append(LIMITS)
    return "\n".join(lines)
