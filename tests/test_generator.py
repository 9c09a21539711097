import collections
import csv

import pytest

from claimclf import config
from claimclf.corpus import datacard
from claimclf.corpus.generator import COLUMNS, NOMINAL_PROCEDURES, generate, generate_sample, to_csv
from claimclf.corpus.procedures import all_procedures


@pytest.fixture(scope="module")
def rows():
    return generate(n_rows=2000, seed=3)


def test_same_seed_same_bytes():
    a = to_csv([r.as_dict() for r in generate(300, seed=9)], COLUMNS)
    b = to_csv([r.as_dict() for r in generate(300, seed=9)], COLUMNS)
    assert a == b
    assert a != to_csv([r.as_dict() for r in generate(300, seed=10)], COLUMNS)


def test_language_shares_and_label_balance(rows):
    # Quotas are spread over NOMINAL_PROCEDURES, so each procedure beyond them adds its own rows.
    expected = 2000 * len(all_procedures()) / NOMINAL_PROCEDURES
    assert abs(len(rows) - expected) <= 60
    by_lang = collections.Counter(r.lang for r in rows)
    for lang, share in (("en", 0.45), ("zh", 0.45), ("mixed", 0.10)):
        assert abs(by_lang[lang] / len(rows) - share) < 0.02, by_lang
        labels = collections.Counter(r.label for r in rows if r.lang == lang)
        assert labels["therapeutic"] == labels["cosmetic"]


def test_rows_are_sorted_by_procedure_and_scenario_with_unique_ids(rows):
    keys = [(r.procedure, r.scenario) for r in rows]
    assert keys == sorted(keys)
    assert len({r.id for r in rows}) == len(rows)
    for r in rows:
        assert r.scenario.startswith(f"{r.procedure}/") and r.id.startswith(f"{r.procedure}-")
        assert r.id.split("-")[1] == r.scenario.rsplit("-", 1)[1]  # the scenario's digest


def test_texts_unique_and_non_empty(rows):
    texts = [r.text for r in rows]
    assert all(t.strip() for t in texts) and len(set(texts)) == len(texts)


def test_mixed_rows_switch_code(rows):
    mixed = [r.text for r in rows if r.lang == "mixed"]
    assert all(any(ch.isascii() and ch.isalpha() for ch in t) for t in mixed)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in mixed)


def test_every_procedure_has_both_labels_in_both_languages():
    procs = all_procedures()
    assert len(procs) >= 35
    for p in procs:
        have = {(s.lang, s.label) for s in p.scenarios}
        assert have == {("en", "therapeutic"), ("en", "cosmetic"), ("zh", "therapeutic"), ("zh", "cosmetic")}, p.key


def test_hard_cases_are_plentiful(rows):
    slices = collections.Counter(r.slice for r in rows)
    for s in ("negation", "keyword_trap", "threshold"):
        assert slices[s] >= 0.08 * len(rows), slices
    registers = {r.register for r in rows}
    assert len(registers) >= 9


def test_sample_is_unlabelled_and_mixes_languages():
    sample = generate_sample(40)
    assert list(sample[0]) == ["claim_id", "text"] and len(sample) == 40
    assert sample == generate_sample(40)
    assert len({r["text"] for r in sample}) == 40
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in r["text"]) for r in sample[:10])


def test_shipped_corpus_is_what_the_generator_writes():
    path = config.default_corpus()
    if not path.is_file():
        pytest.skip(f"{path} not present")
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == COLUMNS
    shipped = path.read_bytes()
    rows = generate()
    assert shipped == to_csv([r.as_dict() for r in rows], COLUMNS), "run `claimclf data generate` and commit"
    card = path.with_name("README.md").read_text(encoding="utf-8")
    assert card == datacard.render(rows), "data/README.md is stale: run `claimclf data generate`"
    assert len(shipped.splitlines()) - 1 >= 6000
