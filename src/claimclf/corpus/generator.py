"""Deterministic generator of the shipped labelled corpus and the unlabelled sample.

The same seed and code give the same bytes, and one procedure's rows do not depend on
any other procedure, so that the diff of a regenerated corpus shows only what changed:

- every procedure gets a fixed number of rows in each (output language, label) cell
  (:func:`quotas`), spread over its own scenarios of that cell;
- each scenario draws its rows from its own ``random.Random``, seeded by a sha256 of
  (corpus seed, procedure key, scenario id, output language), never by ``hash()``;
- row ids are ``<procedure>-<scenario digest>-<output language><counter>`` and the file is
  sorted by procedure, scenario and counter, so a change shows as a local diff.

Nothing depends on dict or set ordering that could vary between runs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimclf.corpus.long_notes import SITE_SLOT
from claimclf.corpus.noise import noisy_en, noisy_zh
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.registers import EN_PATIENT_REFS, QUESTION_ASKS, ZH_PATIENT_REFS, choose_register, colour
from claimclf.corpus.spec import Procedure, Scenario
from claimclf.corpus.template import expand

DEFAULT_SEED = 20261129
DEFAULT_ROWS = 8000
SAMPLE_SEED = 7
SAMPLE_ROWS = 200
COLUMNS = ["id", "text", "label", "lang", "procedure", "register", "slice", "scenario"]
LANG_SHARES = {"en": 0.45, "zh": 0.45, "mixed": 0.10}
MIXED_REGISTER_SHARE = 0.05
# The share of each (procedure, output language, label) cell given to the procedure's question scenarios, when
# it has some: real Chinese text often arrives as a short question, English rarely; code-switched never.
QUESTION_SHARE = {"en": 0.10, "zh": 0.28, "mixed": 0.0}
# ``n_rows`` is spread as if the corpus had this many procedures, so that a procedure's quota never
# depends on the others: with the 38 procedures of today the corpus has about ``n_rows`` rows, and
# a new procedure adds its own rows instead of taking rows from every other one.
NOMINAL_PROCEDURES = 38
ATTEMPTS_PER_ROW = 30  # draws allowed per wanted row before a scenario counts as out of new texts

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
    slots[SITE_SLOT] = [proc.site]
    if scenario.voice == "question":
        slots.update(QUESTION_ASKS[scenario.lang])
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
    register = choose_register(rng, scenario.lang, scenario.voice)
    clauses = _clauses(rng, scenario, slots)
    for extra in colour(rng, scenario.lang, scenario.voice, slots):  # neutral history, never before the first clause
        clauses.insert(rng.randint(1, len(clauses)), extra)
    text = register.render(rng, clauses, slots)
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


def _digest_int(*parts: object) -> int:
    """A stable 64-bit integer from ``parts`` (sha256; Python's ``hash()`` varies between runs)."""
    data = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big")


def _stream(*parts: object) -> random.Random:
    return random.Random(_digest_int(*parts))


def _unit(*parts: object) -> float:
    """A stable number in [0, 1) from ``parts``."""
    return _digest_int(*parts) / 2**64


def quotas(n_rows: int, seed: int, procedure_key: str) -> dict[str, int]:
    """Rows per label that one procedure gets in each output language.

    The same count for both labels, so labels stay balanced in every language; a fractional
    share is rounded up or down by a hash of (seed, procedure, language), never by the others.
    """
    out = {}
    for lang, share in LANG_SHARES.items():
        exact = n_rows * share / 2 / NOMINAL_PROCEDURES
        base = int(exact)
        out[lang] = base + (1 if _unit(seed, procedure_key, lang, "quota") < exact - base else 0)
    return out


def _plan(n_rows: int) -> list[tuple[str, str, int]]:
    """(output language, label, count) cells with balanced labels inside each language (for the sample)."""
    cells = []
    for lang, share in LANG_SHARES.items():
        per_label = round(n_rows * share / 2)
        cells += [(lang, "therapeutic", per_label), (lang, "cosmetic", per_label)]
    return cells


@dataclass
class _Draft:
    """A row before the cross-procedure duplicate check, with what it takes to draw it again."""

    proc: Procedure
    scenario: Scenario
    patient: Scenario | None  # the patient's scenario joined to a clinical one (mixed register)
    out_lang: str
    n: int
    text: str
    register: str

    @property
    def id(self) -> str:
        return f"{self.proc.key}-{self.scenario.digest}-{self.out_lang}{self.n:03d}"

    def redraw(self, rng: random.Random) -> tuple[str, str]:
        """Another (text, register) for the same scenario, language and register kind."""
        return _draw(rng, self.proc, self.scenario, self.patient, self.out_lang)

    def row(self) -> Row:
        slice_ = "mixed_register" if self.patient is not None else self.scenario.slice
        return Row(self.id, self.text, self.scenario.label, self.out_lang, self.proc.key, self.register, slice_,
                   self.scenario.id_in(self.proc.key))


def _draw(rng: random.Random, proc: Procedure, scenario: Scenario, patient: Scenario | None,
          out_lang: str) -> tuple[str, str]:
    if patient is not None:
        return _mixed_register(rng, proc, scenario, patient, out_lang).strip(), "mixed_register"
    text, register = _render(rng, proc, scenario, out_lang)
    return text.strip(), register


class _ScenarioRows:
    """The rows of one scenario in one output language, drawn from the scenario's own stream."""

    def __init__(self, seed: int, proc: Procedure, scenario: Scenario, patients: list[Scenario], out_lang: str):
        self.proc, self.scenario, self.out_lang = proc, scenario, out_lang
        self.patients = patients if scenario.voice == "clinical" else []
        self.rng = _stream(seed, proc.key, scenario.id_in(proc.key), out_lang)
        self.drafts: list[_Draft] = []
        self.exhausted = False

    def take(self, k: int, seen: set[str]) -> int:
        """Draw up to ``k`` rows whose texts are not in ``seen``; how many were made."""
        made, attempts = 0, 0
        while made < k and not self.exhausted:
            attempts += 1
            if attempts > k * ATTEMPTS_PER_ROW:
                self.exhausted = True
                break
            patient = None
            if self.patients and self.rng.random() < MIXED_REGISTER_SHARE:
                patient = self.rng.choice(self.patients)
            text, register = _draw(self.rng, self.proc, self.scenario, patient, self.out_lang)
            if not text or text in seen:
                continue
            seen.add(text)
            made += 1
            self.drafts.append(_Draft(self.proc, self.scenario, patient, self.out_lang, len(self.drafts) + 1, text,
                                      register))
        return made


def _cell(seed: int, proc: Procedure, out_lang: str, label: str, count: int, seen: set[str]) -> list[_Draft]:
    """``count`` rows of one procedure in one (output language, label) cell.

    The question scenarios share :data:`QUESTION_SHARE` of the cell, the others the rest; inside each
    group every scenario gets an equal share, the remainder going to the scenarios ranked first by a hash.
    """
    src_lang = "en" if out_lang == "en" else "zh"
    scenarios = sorted((s for s in proc.scenarios if s.lang == src_lang and s.label == label),
                       key=lambda s: s.digest)
    if not scenarios:
        raise ValueError(f"procedure {proc.key} has no {src_lang} {label} scenario")
    questions = [s for s in scenarios if s.voice == "question"]
    others = [s for s in scenarios if s.voice != "question"]
    if not others:
        n_questions = count
    elif not questions:
        n_questions = 0
    else:
        n_questions = round(count * QUESTION_SHARE[out_lang])
    patients = [s for s in scenarios if s.voice == "patient"]
    streams: list[_ScenarioRows] = []
    missing = 0
    for group, quota in ((questions, n_questions), (others, count - n_questions)):
        if not group or quota <= 0:
            continue
        group_streams = [_ScenarioRows(seed, proc, s, patients, out_lang) for s in group]
        streams += group_streams
        base, extra = divmod(quota, len(group))
        ranked = sorted(group, key=lambda s: _unit(seed, proc.key, s.digest, out_lang, "extra"))
        lucky = {s.digest for s in ranked[:extra]}
        for stream in group_streams:
            want = base + (1 if stream.scenario.digest in lucky else 0) + missing
            missing = want - stream.take(want, seen)
    while missing and not all(s.exhausted for s in streams):  # a scenario ran out of new texts: others fill in
        for stream in streams:
            if missing:
                missing -= stream.take(1, seen)
    return [d for stream in streams for d in stream.drafts]


def _procedure_drafts(seed: int, proc: Procedure, n_rows: int) -> list[_Draft]:
    seen: set[str] = set()
    drafts: list[_Draft] = []
    for out_lang, per_label in quotas(n_rows, seed, proc.key).items():
        for label in ("therapeutic", "cosmetic"):
            drafts += _cell(seed, proc, out_lang, label, per_label, seen)
    return drafts


def generate(n_rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED,
             procedures: Sequence[Procedure] | None = None) -> list[Row]:
    """The labelled corpus: about ``n_rows`` rows (see :data:`NOMINAL_PROCEDURES`), balanced by label in each language.

    ``procedures`` defaults to every procedure in :mod:`claimclf.corpus.procedures`. Rows come sorted by
    procedure key, scenario id, output language and counter.
    """
    procs = sorted(all_procedures() if procedures is None else procedures, key=lambda p: p.key)
    keys = [p.key for p in procs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"procedure keys defined twice: {sorted({k for k in keys if keys.count(k) > 1})}")
    taken: set[str] = set()
    drafts: list[_Draft] = []
    for proc in procs:
        own = _procedure_drafts(seed, proc, n_rows)
        texts = {d.text for d in own}
        for d in own:
            # A text already drawn by a procedure earlier in key order: only this row is drawn again,
            # from a stream of its own, so that no other row moves.
            for attempt in range(1, ATTEMPTS_PER_ROW + 1):
                if d.text not in taken:
                    break
                text, register = d.redraw(_stream(seed, d.id, "again", attempt))
                if text and text not in taken and text not in texts:
                    texts.discard(d.text)
                    texts.add(text)
                    d.text, d.register = text, register
            if d.text not in taken:
                drafts.append(d)
        taken |= texts
    order = {lang: i for i, lang in enumerate(LANG_SHARES)}
    drafts.sort(key=lambda d: (d.proc.key, d.scenario.id_in(d.proc.key), order[d.out_lang], d.n))
    return [d.row() for d in drafts]


def generate_sample(n_rows: int = SAMPLE_ROWS, seed: int = SAMPLE_SEED) -> list[dict[str, str]]:
    """Unlabelled claims for the demo: ``claim_id`` and ``text``, like an analyst's extract.

    Picked from a larger generated corpus, per (language, label) cell, by a hash of the row id, and
    shuffled the same way, so the sample keeps the corpus's shares and changes little when a procedure does.
    """
    pool = generate(n_rows=2 * n_rows + 400, seed=seed)
    chosen: list[Row] = []
    for lang, label, count in _plan(n_rows):
        cell = [r for r in pool if r.lang == lang and r.label == label]
        chosen += sorted(cell, key=lambda r: _digest_int(seed, "sample", r.id))[:count]
    chosen.sort(key=lambda r: _digest_int(seed, "order", r.id))
    return [{"claim_id": f"CLM-{seed:02d}-{i + 1:04d}", "text": r.text} for i, r in enumerate(chosen)]


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


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
