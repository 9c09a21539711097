"""The procedures added for the guide's uncovered rows: languages, voices, labels and presumption as intended."""

import pytest

from claimclf.corpus.procedures import all_procedures

BOTH = {"therapeutic", "cosmetic"}

# procedure key -> (labels it may carry, presumed cosmetic). Every procedure needs both labels in both
# languages (the generator fills each cell); for a procedure the guide gives one label, the other label's
# scenarios are keyword traps from neighbouring cosmetic procedures (see each module's docstring).
NEW_PROCEDURES = {
    "photorejuvenation": (BOTH, False),
    "skin_booster": (BOTH, True),  # ◆ in the guide's fillers row (水光针)
    "spot_removal": (BOTH, False),
    "acne_treatment": (BOTH, False),
    "acne_scar_resurfacing": (BOTH, False),
    "vitiligo_treatment": (BOTH, False),
    "birthmark_treatment": (BOTH, False),
    "cosmetic_tattooing": (BOTH, False),
    "body_piercing": (BOTH, False),
    "teeth_whitening": (BOTH, False),
    "dental_restoration": (BOTH, False),
    "weight_loss_treatment": (BOTH, False),
    "growth_hormone": (BOTH, False),
    "strabismus_surgery": (BOTH, False),
    "trichiasis_repair": (BOTH, False),
    "nasal_polyps": (BOTH, False),
    "hernia_repair": (BOTH, False),
    "circumcision": (BOTH, False),
    "axillary_osmidrosis": (BOTH, False),
}

# Procedures whose guide row has one label: most of their scenarios carry it.
MAINLY_THERAPEUTIC = {"strabismus_surgery", "trichiasis_repair", "nasal_polyps", "axillary_osmidrosis"}


@pytest.fixture(scope="module")
def procedures():
    return {p.key: p for p in all_procedures()}


def test_every_new_procedure_is_registered(procedures):
    assert set(NEW_PROCEDURES) <= set(procedures)


@pytest.mark.parametrize("key", sorted(NEW_PROCEDURES))
def test_labels_languages_and_presumption_are_as_intended(procedures, key):
    proc = procedures[key]
    allowed, presumed = NEW_PROCEDURES[key]
    assert {s.label for s in proc.scenarios} <= allowed
    assert {(s.lang, s.label) for s in proc.scenarios} == {(lang, label) for lang in ("en", "zh") for label in BOTH}
    assert proc.presumed_cosmetic is presumed
    assert proc.names_en and proc.names_zh


@pytest.mark.parametrize("key", sorted(NEW_PROCEDURES))
def test_each_new_procedure_has_patient_clinical_and_question_voices_in_both_languages(procedures, key):
    scenarios = procedures[key].scenarios
    for lang in ("en", "zh"):
        for label in BOTH:
            voices = {s.voice for s in scenarios if s.lang == lang and s.label == label}
            assert {"clinical", "patient"} <= voices, (lang, label)
        assert any(s.voice == "question" for s in scenarios if s.lang == lang), lang


@pytest.mark.parametrize("key", sorted(NEW_PROCEDURES))
def test_each_new_procedure_has_hard_cases(procedures, key):
    slices = {s.slice for s in procedures[key].scenarios}
    assert {"keyword_trap", "negation"} <= slices


@pytest.mark.parametrize("key", sorted(MAINLY_THERAPEUTIC))
def test_single_label_procedures_are_mostly_therapeutic(procedures, key):
    labels = [s.label for s in procedures[key].scenarios]
    assert labels.count("therapeutic") > labels.count("cosmetic")


def test_chinese_questions_are_short():
    from claimclf.corpus.generator import generate

    keys = set(NEW_PROCEDURES)
    rows = [r for r in generate(n_rows=800, seed=11, procedures=[p for p in all_procedures() if p.key in keys])
            if r.register == "zh_question"]
    assert rows
    assert all(5 <= len(r.text) <= 30 for r in rows), [r.text for r in rows if not 5 <= len(r.text) <= 30]


def test_new_modules_stay_small():
    from pathlib import Path

    import claimclf.corpus.procedures as package

    folder = Path(package.__file__).parent
    for name in ("skin_rejuvenation", "acne", "skin_conditions", "tattoo_piercing", "dental", "weight_height",
                 "eye_nose", "hernia_foreskin_axilla"):
        assert len((folder / f"{name}.py").read_text(encoding="utf-8").splitlines()) < 700, name
