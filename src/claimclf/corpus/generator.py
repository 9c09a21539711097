"""Deterministic generator of the shipped labelled corpus and the unlabelled sample.

The same seed and code give the same bytes: every random choice is drawn from one
``random.Random`` in a fixed order, and nothing depends on dict or set ordering
that could vary between runs.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimclf.corpus.noise import noisy_en, noisy_zh
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.registers import EN_PATIENT_REFS, ZH_PATIENT_REFS, registers_for
from claimclf.corpus.spec import Procedure, Scenario
from claimclf.corpus.template import expand

DEFAULT_SEED = 20261129
DEFAULT_ROWS = 8000
SAMPLE_SEED = 7
SAMPLE_ROWS = 200
COLUMNS = ["id", "text", "label", "lang", "procedure", "register", "slice", "scenario"]
LANG_SHARES = {"en": 0.45, "zh": 0.45, "mixed": 0.10}
MIXED_REGISTER_SHARE = 0.05

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Code-switching common to all procedures: what Chinese clinicians write in English.
GLOBAL_CODESWITCH = {
    "体重指数": ["BMI"],
    "2型糖尿病": ["T2DM", "type 2 DM"],
    "糖尿病": ["DM"],
    "高血压": ["HTN"],
    "阻塞性睡眠呼吸暂停": ["OSA"],
    "睡眠呼吸暂停": ["OSA"],
    "布洛芬": ["ibuprofen", "NSAIDs"],
    "非甾体抗炎药": ["NSAIDs"],
    "磁共振": ["MRI"],
    "核磁共振": ["MRI"],
    "超声": ["B超", "ultrasound", "US"],
    "彩超": ["Doppler"],
    "病理": ["pathology"],
    "肉毒毒素": ["Botox", "BTX-A"],
    "玻尿酸": ["HA", "hyaluronic acid"],
    "激光": ["laser"],
    "物理治疗": ["PT"],
    "随访": ["follow-up", "f/u"],
    "诊断": ["Dx"],
    "手术": ["op"],
}
MIXED_TAGS = ["ICD-10 {L90.5|H02.831|J34.2|N62|E66.01|Q36.0|T21.2}", "CPT <code>", "Dx:", "F/U", "pt", "s/p", "Rx"]


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    label: str
    lang: str
    procedure: str
    register: str
    slice: str
    scenario: str

    def as_dict(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in COLUMNS}


def _row_slots(rng: random.Random, proc: Procedure, scenario: Scenario) -> dict:
    names = proc.names_en if scenario.lang == "en" else proc.names_zh
    slots: dict = {
        "proc": [rng.choice(names)],
        "code": [rng.choice(proc.codes)] if proc.codes else ["—"],
        "pt": EN_PATIENT_REFS if scenario.lang == "en" else ZH_PATIENT_REFS,
        "age": [str(rng.randint(19, 74))],
        "month": MONTHS,
    }
    slots["pt"] = [expand(rng.choice(slots["pt"]), rng, slots)]
    for key, values in scenario.slots:
        slots[key] = list(values)
    return slots


def _clauses(rng: random.Random, scenario: Scenario, slots: dict) -> list[str]:
    parts = list(scenario.parts)
    short = rng.random() < 0.12
    kept = [p for i, p in enumerate(parts) if p.startswith("!") or (not short and (i == 0 or rng.random() < 0.8))]
    if len(kept) > 2 and rng.random() < 0.3:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return [expand(p.lstrip("!"), rng, slots) for p in kept]


def _codeswitch(text: str, rng: random.Random, proc: Procedure, slots: dict) -> str:
    table = dict(GLOBAL_CODESWITCH)
    table.update({k: list(v) for k, v in proc.codeswitch})
    switched = False
    for zh_term in sorted(table, key=len, reverse=True):
        if zh_term in text and rng.random() < 0.75:
            text = text.replace(zh_term, rng.choice(table[zh_term]))
            switched = True
    if not switched or rng.random() < 0.3:
        tag = expand(rng.choice(MIXED_TAGS), rng, slots)
        text = f"{tag} {text}" if rng.random() < 0.5 else f"{text}（{tag}）"
    return text


def _render(rng: random.Random, proc: Procedure, scenario: Scenario, out_lang: str) -> tuple[str, str]:
    slots = _row_slots(rng, proc, scenario)
    register = rng.choice(registers_for(scenario.lang, scenario.voice))
    text = register.render(rng, _clauses(rng, scenario, slots), slots)
    level = rng.random() ** 2
    text = noisy_en(text, rng, level) if scenario.lang == "en" else noisy_zh(text, rng, level)
    if out_lang == "mixed":
        text = _codeswitch(text, rng, proc, slots)
    return text, register.name


def _mixed_register(rng: random.Random, proc: Procedure, clinical: Scenario, patient: Scenario, out_lang: str) -> str:
    first, _ = _render(rng, proc, clinical, out_lang)
    second, _ = _render(rng, proc, patient, out_lang)
    if clinical.lang == "en":
        joiner = rng.choice([" Pt states: \"{}\"", " Member's statement: {}", " Per patient: {}", "\n\nPatient letter: {}"])
    else:
        joiner = rng.choice(["患者自述：“{}”", "附患者说明：{}", "\n患者留言：{}"])
    return first + joiner.format(second)


def _plan(n_rows: int) -> list[tuple[str, str, int]]:
    """(output language, label, count) cells with balanced labels inside each language."""
    cells = []
    for lang, share in LANG_SHARES.items():
        per_label = round(n_rows * share / 2)
        cells += [(lang, "therapeutic", per_label), (lang, "cosmetic", per_label)]
    return cells


def generate(n_rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> list[Row]:
    """The labelled corpus: ``n_rows`` rows (within rounding), balanced by label in each language."""
    rng = random.Random(seed)
    procedures = all_procedures()
    rows: list[Row] = []
    seen: set[str] = set()
    for out_lang, label, count in _plan(n_rows):
        src_lang = "en" if out_lang == "en" else "zh"
        pool = [
            (p, i, s)
            for p in procedures
            for i, s in enumerate(p.scenarios)
            if s.lang == src_lang and s.label == label
        ]
        made, attempts = 0, 0
        while made < count and attempts < count * 30:
            attempts += 1
            proc, idx, scenario = pool[rng.randrange(len(pool))]
            slice_, register = scenario.slice, ""
            patients = [s for s in proc.scenarios if s.lang == src_lang and s.label == label and s.voice == "patient"]
            if scenario.voice == "clinical" and patients and rng.random() < MIXED_REGISTER_SHARE:
                text = _mixed_register(rng, proc, scenario, rng.choice(patients), out_lang)
                slice_, register = "mixed_register", "mixed_register"
            else:
                text, register = _render(rng, proc, scenario, out_lang)
            text = text.strip()
            if not text or text in seen:
                continue
            seen.add(text)
            made += 1
            rows.append(Row("", text, label, out_lang, proc.key, register, slice_, f"{proc.key}/{idx}"))
    rng.shuffle(rows)
    return [Row(f"C{i + 1:05d}", *[getattr(r, c) for c in COLUMNS[1:]]) for i, r in enumerate(rows)]


def generate_sample(n_rows: int = SAMPLE_ROWS, seed: int = SAMPLE_SEED) -> list[dict[str, str]]:
    """Unlabelled claims for the demo: ``claim_id`` and ``text``, like an analyst's extract."""
    rows = generate(n_rows=n_rows, seed=seed)
    return [{"claim_id": f"CLM-{seed:02d}-{i + 1:04d}", "text": r.text} for i, r in enumerate(rows)]


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def iter_counts(rows: list[Row], column: str) -> Iterator[tuple[str, int]]:
    counts: dict[str, int] = {}
    for r in rows:
        counts[getattr(r, column)] = counts.get(getattr(r, column), 0) + 1
    yield from sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def write_corpus(path: Path, n_rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> list[Row]:
    from claimclf.files import atomic_write_bytes

    rows = generate(n_rows=n_rows, seed=seed)
    atomic_write_bytes(path, to_csv([r.as_dict() for r in rows], COLUMNS))
    return rows


def write_sample(path: Path, n_rows: int = SAMPLE_ROWS, seed: int = SAMPLE_SEED) -> list[dict[str, str]]:
    from claimclf.files import atomic_write_bytes

    rows = generate_sample(n_rows=n_rows, seed=seed)
    atomic_write_bytes(path, to_csv(rows, ["claim_id", "text"]))
    return rows
