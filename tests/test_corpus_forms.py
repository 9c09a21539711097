"""The forms text arrives in (questions, claims, long notes) and the label-neutral function words."""

import collections
import csv
import random
import re

import pytest

from claimclf import config
from claimclf.corpus import function_words, long_notes
from claimclf.corpus.generator import QUESTION_SHARE, generate
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.registers import QUESTION_ASKS, REGISTERS, form_of
from claimclf.text import normalize, tokenize


@pytest.fixture(scope="module")
def rows():
    return generate(n_rows=3000, seed=4)


def _shipped():
    path = config.default_corpus()
    if not path.is_file():
        pytest.skip(f"{path} not present")
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_procedure_asks_questions_in_both_languages_and_labels():
    for p in all_procedures():
        have = {(s.lang, s.label) for s in p.scenarios if s.voice == "question"}
        assert have == {("en", "therapeutic"), ("en", "cosmetic"), ("zh", "therapeutic"), ("zh", "cosmetic")}, p.key


def test_questions_take_their_share_of_each_language(rows):
    for lang in ("en", "zh", "mixed"):
        in_lang = [r for r in rows if r.lang == lang]
        share = sum(form_of(r.register) == "question" for r in in_lang) / len(in_lang)
        assert abs(share - QUESTION_SHARE[lang]) < 0.03, (lang, share)
        for label in ("therapeutic", "cosmetic"):
            q = [r for r in in_lang if r.label == label and form_of(r.register) == "question"]
            assert abs(len(q) / max(len(in_lang) / 2, 1) - QUESTION_SHARE[lang]) < 0.04, (lang, label)


CLAIM_FRAMING = re.compile(r"报销|理赔|保险|申请|\bclaim|insur|authori[sz]|coverage|\bcovered|reimburse|CPT|ICD", re.I)


def test_questions_are_short_and_carry_no_claim_framing(rows):
    questions = [r for r in rows if form_of(r.register) == "question"]
    assert questions
    for r in questions:
        assert not CLAIM_FRAMING.search(r.text), r.text
        assert r.slice != "mixed_register"
        if r.lang == "zh":
            assert 5 <= len(r.text) <= 36, r.text
        else:
            assert len(r.text) <= 200 and "\n" not in r.text, r.text
    zh_lengths = sorted(len(r.text) for r in questions if r.lang == "zh")
    assert zh_lengths[int(0.95 * len(zh_lengths))] <= 30


def test_question_asks_are_shared_by_both_labels():
    """Both labels ask in the same words: an ask slot never belongs to one label."""
    used = collections.defaultdict(set)
    for p in all_procedures():
        for s in p.scenarios:
            if s.voice == "question":
                for part in s.parts:
                    for slot in re.findall(r"<(ask_[a-z]+)>", part):
                        used[slot].add(s.label)
    assert used["ask_any"] == {"therapeutic", "cosmetic"}
    for lang in ("en", "zh"):
        assert set(QUESTION_ASKS[lang]) >= set(used)


def test_long_notes_are_long_and_a_real_share_of_english_clinical_rows(rows):
    long_rows = [r for r in rows if form_of(r.register) == "long note"]
    assert {r.label for r in long_rows} == {"therapeutic", "cosmetic"}
    for r in long_rows:
        if r.lang == "en":
            assert 1000 <= len(r.text) <= 6000, len(r.text)
        else:
            assert len(r.text) >= 500, len(r.text)
    clinical_en = [r for r in rows if r.lang == "en" and r.register not in ("patient_appeal", "question", "mixed_register")]
    share = sum(form_of(r.register) == "long note" for r in clinical_en) / len(clinical_en)
    assert 0.13 <= share <= 0.23, share
    by_label = collections.Counter(r.label for r in long_rows if r.lang == "en")
    assert 0.8 <= by_label["therapeutic"] / by_label["cosmetic"] <= 1.25


@pytest.mark.parametrize("register", [r for r in REGISTERS if r.form == "long note"], ids=lambda r: r.name)
@pytest.mark.parametrize("site", sorted(long_notes.SITES))
def test_long_note_boilerplate_does_not_depend_on_the_clauses(register, site):
    """Same random stream, different reasons: everything but the reason is the same text."""
    slots = {"proc": ["the procedure"], "code": ["00000"], "pt": ["the patient"], "age": ["40"], "month": ["May"],
             long_notes.SITE_SLOT: [site]}
    a = ["alpha reason one", "alpha reason two", "alpha reason three"]
    b = ["omega cause one", "omega cause two", "omega cause three"]
    text_a = register.render(random.Random(3), a, slots)
    text_b = register.render(random.Random(3), b, slots)
    for x, y in zip(a, b, strict=True):
        text_b = text_b.replace(y, x).replace(y[:1].upper() + y[1:], x[:1].upper() + x[1:])
    assert text_a == text_b
    assert "alpha reason one" in text_a.lower()


def test_label_balance_reports_each_listed_word():
    sample = [{"text": "Pt wants surgery, no pain. 要求手术，无疼痛吗", "label": "cosmetic"},
              {"text": "3 months after the burn, hospital clinic. 烧伤后3个月", "label": "therapeutic"}]
    table = {w: (t, c) for w, _, t, c in function_words.label_balance(sample)}
    assert table["wants"] == (0.0, 1.0) and table["no"] == (0.0, 1.0) and table["无"] == (0.0, 1.0)
    assert table["months"] == (1.0, 0.0) and table["after"] == (1.0, 0.0) and table["后"] == (1.0, 0.0)
    assert table["hospital"] == (1.0, 0.0)
    assert len(table) == len(function_words.entries())
    # Multi-token entries match as a run of tokens; a word inside a longer token does not match.
    more = [{"text": "she would like it done; 功能正常", "label": "cosmetic"}, {"text": "x", "label": "therapeutic"}]
    table = {w: c for w, _, _, c in function_words.label_balance(more)}
    assert table["would like"] == 1.0 and table["能"] == 0.0


def test_every_function_word_entry_tokenises_to_something():
    for word, _, _ in function_words.entries():
        assert tokenize(normalize(word)), word


def test_shipped_corpus_uses_function_words_alike_in_both_classes():
    bad = function_words.imbalanced(_shipped())
    assert not bad, [(b.word, round(b.ratio, 2), round(b.doc_freq, 3)) for b in bad]


def test_cosmetic_cue_words_state_the_goal_in_cosmetic_rows_at_least_as_often():
    """美容/医美/cosmetic appear negated in therapeutic rows ("not for cosmetic reasons"); cosmetic rows state them as the goal."""
    shipped = _shipped()
    for word in ("美容", "医美", "cosmetic"):
        counts = collections.Counter(r["label"] for r in shipped if word in tokenize(normalize(r["text"])))
        assert counts["cosmetic"] >= counts["therapeutic"] > 0, (word, counts)
