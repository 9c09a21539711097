"""One procedure's rows do not depend on any other procedure, and scenario ids do not depend on list positions."""

import collections
import dataclasses

import pytest

from claimclf.corpus.generator import COLUMNS, generate, to_csv
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.spec import en, procedure, zh

N_ROWS, SEED = 1200, 5
TARGET = "rhinoplasty"

NEW_SCENARIO = en(
    "therapeutic",
    "clear",
    "!{Saddle nose|Collapsed dorsum} after {a septal abscess|a sports injury} <n:2-9> years ago",
    "!{nasal obstruction|blocked breathing} on both sides, {NOSE score|NOSE} <n:55-90>",
    "plan <proc>",
)


def _lines(rows, procedure_key=None):
    """The CSV lines of ``rows`` (of one procedure, or all), in their order."""
    picked = [r.as_dict() for r in rows if procedure_key is None or r.procedure == procedure_key]
    return to_csv(picked, COLUMNS).decode("utf-8").splitlines()[1:]


def _with(procs, key, scenarios):
    return [dataclasses.replace(p, scenarios=tuple(scenarios)) if p.key == key else p for p in procs]


@pytest.fixture(scope="module")
def procs():
    return all_procedures()


@pytest.fixture(scope="module")
def base_rows(procs):
    return generate(n_rows=N_ROWS, seed=SEED, procedures=procs)


def test_default_procedure_list_is_the_one_given_explicitly(procs, base_rows):
    assert generate(n_rows=N_ROWS, seed=SEED) == base_rows


def test_adding_a_scenario_changes_only_that_procedures_rows(procs, base_rows):
    target = next(p for p in procs if p.key == TARGET)
    changed = generate(n_rows=N_ROWS, seed=SEED, procedures=_with(procs, TARGET, [*target.scenarios, NEW_SCENARIO]))

    new_id = NEW_SCENARIO.id_in(TARGET)
    assert any(r.scenario == new_id for r in changed) and not any(r.scenario == new_id for r in base_rows)
    assert _lines(changed, TARGET) != _lines(base_rows, TARGET)
    # The procedure's quota per (language, label) is its own: the new scenario takes rows from its siblings only.
    cells = lambda rows: collections.Counter((r.lang, r.label) for r in rows if r.procedure == TARGET)  # noqa: E731
    assert cells(changed) == cells(base_rows)

    others = sorted({p.key for p in procs} - {TARGET})
    assert len(others) == len(procs) - 1
    for key in others:
        assert _lines(changed, key) == _lines(base_rows, key), key  # same bytes, same order
    # And in the whole file, every other row keeps its place relative to the other rows.
    assert _lines([r for r in changed if r.procedure != TARGET]) == _lines([r for r in base_rows if r.procedure != TARGET])


def test_adding_a_procedure_leaves_the_others_alone(procs, base_rows):
    extra = procedure(
        "aaa_test_procedure",  # sorts first, so it would take rows from the others if quotas were shared
        ["test procedure"], ["测试手术"],
        [en("therapeutic", "clear", "!<proc> for pain"), en("cosmetic", "clear", "!<proc> for looks"),
         zh("therapeutic", "clear", "!<proc>治疗疼痛"), zh("cosmetic", "clear", "!<proc>改善外观")],
    )
    with_extra = generate(n_rows=N_ROWS, seed=SEED, procedures=[*procs, extra])
    assert _lines([r for r in with_extra if r.procedure != extra.key]) == _lines(base_rows)
    assert any(r.procedure == extra.key for r in with_extra)


def test_scenario_ids_do_not_change_when_a_scenario_is_inserted_before_them(procs, base_rows):
    target = next(p for p in procs if p.key == TARGET)
    before = [s.id_in(TARGET) for s in target.scenarios]
    inserted = dataclasses.replace(target, scenarios=(NEW_SCENARIO, *target.scenarios))
    assert [s.id_in(TARGET) for s in inserted.scenarios][1:] == before
    assert len(set(before)) == len(before)

    rows = generate(n_rows=N_ROWS, seed=SEED, procedures=_with(procs, TARGET, inserted.scenarios))
    old_ids = {r.scenario for r in base_rows if r.procedure == TARGET}
    new_ids = {r.scenario for r in rows if r.procedure == TARGET}
    assert old_ids <= new_ids and new_ids - old_ids == {NEW_SCENARIO.id_in(TARGET)}


def test_reordering_scenarios_changes_nothing(procs, base_rows):
    target = next(p for p in procs if p.key == TARGET)
    rows = generate(n_rows=N_ROWS, seed=SEED, procedures=_with(procs, TARGET, reversed(target.scenarios)))
    assert _lines(rows) == _lines(base_rows)


def test_scenario_id_names_the_scenario_not_its_position():
    s = en("cosmetic", "negation", "!no pain", "wants <proc>", slots={"x": ["a"]})
    assert s.id_in("fillers").startswith("fillers/en-cosmetic-negation-")
    assert s.id_in("fillers") == en("cosmetic", "negation", "!no pain", "wants <proc>", slots={"x": ["a"]}).id_in("fillers")
    assert s.digest != en("cosmetic", "negation", "!no pain", "wants <proc>", slots={"x": ["b"]}).digest
    assert s.digest != en("cosmetic", "negation", "!no pain", "wants <proc>").digest


def test_identical_scenarios_are_refused():
    s = en("cosmetic", "clear", "!wants <proc>")
    with pytest.raises(ValueError, match="identical"):
        procedure("x", ["x"], ["x"], [s, s])


def _tiny(key):
    """A procedure with so few wordings that two copies of it draw some of the same texts."""
    return procedure(key, ["lid surgery"], ["眼睑手术"], [
        en("therapeutic", "clear", "!pain", voice="patient"), en("cosmetic", "clear", "!looks", voice="patient"),
        zh("therapeutic", "clear", "!疼痛", voice="patient"), zh("cosmetic", "clear", "!好看", voice="patient")])


def test_a_text_drawn_by_two_procedures_is_redrawn_in_the_later_one_only():
    first, second = _tiny("a_first"), _tiny("b_second")
    # Enough rows that the plainest wordings (no history added) meet in both procedures.
    alone_first = generate(n_rows=6080, seed=1, procedures=[first])
    alone_second = generate(n_rows=6080, seed=1, procedures=[second])
    both = generate(n_rows=6080, seed=1, procedures=[second, first])

    texts = [r.text for r in both]
    assert len(set(texts)) == len(texts)
    assert [r for r in both if r.procedure == first.key] == alone_first
    second_rows = [r for r in both if r.procedure == second.key]
    assert [r.id for r in second_rows] == [r.id for r in alone_second]  # no row lost, none moved
    redrawn = [(a, b) for a, b in zip(alone_second, second_rows, strict=True) if a != b]
    first_texts = {r.text for r in alone_first}
    assert redrawn and all(a.text in first_texts and b.text not in first_texts for a, b in redrawn)
    assert all(a.id == b.id and a.scenario == b.scenario for a, b in redrawn)
