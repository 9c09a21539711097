"""A long note's boilerplate carries no weight; its reasons and every short text are read whole."""

import pickle

import pytest

from claimclf.boilerplate import _CJK, LONG_NOTE, Boilerplate, shipped_markers
from claimclf.function_words import NOT_FEATURES
from claimclf.lexicon import Lexicon
from claimclf.lexicon import shipped as shipped_lexicon
from claimclf.text import normalize

LEX = Lexicon([("condition", "ptosis", "ptosis"), ("condition", "上睑下垂", "ptosis"), ("goal", "look younger", "look younger")])
SKIP = Boilerplate(shipped_markers(), LEX)

PRE = ("The patient was brought to the operating room and placed supine. General endotracheal anesthesia was induced. "
       "The face was prepped and draped in the usual sterile fashion. A time-out was performed. ")
POST = (" Hemostasis was obtained with bipolar cautery. The incisions were closed with 6-0 Prolene sutures. "
        "A sterile dressing was applied. Estimated blood loss was minimal. The patient tolerated the procedure well.")
ZH_PRE = "患者入手术室,取仰卧位,常规消毒铺巾。局部麻醉成功后核对手术部位。"
ZH_POST = "术中出血少,彻底止血后逐层缝合,无菌敷料包扎。术程顺利,患者安返病房,生命体征平稳。" * 3


def strip(text: str) -> str:
    return SKIP.strip(normalize(text))


def test_a_short_text_is_read_whole_even_with_markers():
    text = "Ptosis repair under local anesthesia. Sutures removed at one week."
    assert len(normalize(text)) < LONG_NOTE
    assert strip(text) == normalize(text)


def test_a_long_notes_procedural_sentences_go_and_its_reasons_stay():
    claim = "Wants to look younger before her daughter's wedding. She dislikes the folds of her upper lids."
    assert strip(PRE + claim + POST) == normalize(claim)


def test_a_marker_beside_a_named_reason_keeps_its_sentence():
    note = PRE + "Bilateral ptosis was repaired under local anesthesia." + POST
    assert strip(note) == "bilateral ptosis was repaired under local anesthesia."


def test_chinese_notes_too():
    claim = "双侧上睑下垂遮挡视野,提上睑肌肌力4mm。"
    assert strip(ZH_PRE + claim + ZH_POST) == normalize(claim)


def test_a_note_of_boilerplate_only_is_read_whole():
    note = PRE + POST + POST
    assert len(normalize(note)) >= LONG_NOTE
    assert strip(note) == normalize(note)


def test_numbers_with_a_point_do_not_end_a_sentence():
    note = PRE + "Levator function 4.5 mm with ptosis covering the pupil." + POST
    assert "levator function 4.5 mm with ptosis covering the pupil." == strip(note)


@pytest.mark.parametrize("text", [PRE + "No reason. Ptosis 2.5 mm." + POST, ZH_PRE + "上睑下垂。" + ZH_POST, PRE * 3, "short"])
def test_stripping_twice_changes_nothing(text):
    once = strip(text)
    assert SKIP.strip(once) == once
    assert SKIP(once) == once  # as the character vectorizer's preprocessor, on text already stripped


def test_the_markers_travel_with_the_model():
    restored = pickle.loads(pickle.dumps(SKIP))
    assert restored == SKIP and hash(restored) == hash(SKIP)
    assert restored.strip(normalize(PRE + "Ptosis." + POST)) == "ptosis."


def test_no_marker_is_a_reason_or_a_function_word():
    """A marker that named a reason would throw reasons away; the lexicon vouches for reasons, not markers."""
    terms = {term for _, term, _ in shipped_lexicon().entries}
    markers = shipped_markers()
    assert len(markers) == len(set(markers))
    assert not set(markers) & terms
    assert all(m == normalize(m) for m in markers)
    # Function words are dropped from features anyway; a marker must say something about technique.
    assert not set(markers) & NOT_FEATURES


ENDS = ("。", ".", "!", "?", "！", "？")


def shell(claim: str) -> str:
    """The claim inside an operative note's anaesthesia, prep and closure, in the claim's language."""
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in claim)
    end = "" if claim.rstrip().endswith(ENDS) else ("。" if chinese else ".")
    pre, post = (ZH_PRE + "心电监护,吸氧,建立静脉通道。", ZH_POST) if chinese else (PRE, POST)
    return pre + claim.rstrip() + end + post


def test_a_claim_in_a_boilerplate_shell_scores_as_the_claim_alone(small_model, small_corpus):
    """The shell carries no weight: the note reads back to the claim (less the claim's own technique
    clauses, such as "no problems with anaesthesia") and p_cosmetic is the same to the bit."""
    import pandas as pd

    from claimclf.decision import Policy
    from claimclf.persistence import load
    from claimclf.scoring.scorer import Scorer

    model = load(small_model)
    engine = model.engine()
    scorer = Scorer(engine, Policy.from_sidecar(model.sidecar), evidence_terms=0)
    claims = [c.rstrip() for c in pd.read_csv(small_corpus)["text"].astype(str).head(300)]
    wrapped = [shell(c) for c in claims]
    ended = [normalize(c) + ("" if c.endswith(ENDS) else ".") for c in claims]
    alone = [engine.words.boilerplate.strip(c, short_too=True) for c in ended]
    assert [engine.focus(normalize(w)) for w in wrapped] == alone
    assert sum(a == c for a, c in zip(alone, ended, strict=True)) >= 0.6 * len(claims)
    plain, shelled = scorer.score_texts(alone), scorer.score_texts(wrapped)
    assert [(r["p_cosmetic"], r["decision"], r["reason"]) for r in plain] == [
        (r["p_cosmetic"], r["decision"], r["reason"]) for r in shelled]


@pytest.mark.parametrize("text", [
    PRE + POST, ZH_PRE + ZH_POST, "pre-anesthesia anesthesia-free anesthesia2 xanesthesia anesthesia",
    "prepped and draped, prepped and, draped and prepped. time-out time out timeout-",
    "general endotracheal anesthesia under general endotracheal, lma lmax 局部麻醉成功后麻醉",
    "under iv sedation sedation iv. supine supine-position prone position,prone",
])
def test_the_quick_marker_search_finds_what_the_pattern_finds(text):
    norm = normalize(text)
    assert SKIP.hits(norm) == [m.span() for m in SKIP._pattern.finditer(norm)]


def test_the_quick_marker_search_agrees_on_generated_notes():
    import random

    rng = random.Random(7)
    pieces = [*SKIP.markers, "ptosis", "-", " ", ".", ",", "2", "x", "look younger", "上睑下垂", "后"]
    for _ in range(2000):
        norm = normalize("".join(rng.choice(pieces) + rng.choice(["", " ", "-", "a", "。"]) for _ in range(rng.randint(1, 30))))
        assert SKIP.hits(norm) == [m.span() for m in SKIP._pattern.finditer(norm)], norm


def test_clauses_end_after_their_closing_marks():
    import random
    import re

    from claimclf.boilerplate import CLAUSE_END, split_clauses

    # The definition: a run of anything but closing marks (a point or comma before a digit is no closing mark),
    # then its marks and spaces; or marks alone.
    clause = re.compile(r"(?:[^.,;!?]|[.,](?=\d))+[.,;!?]*\s*|[.,;!?]+\s*")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("ab 5.,;!?。") for _ in range(rng.randint(0, 25)))
        pieces = split_clauses(text)
        clauses = [c + marks for c, marks in zip(pieces[::2], [*pieces[1::2], ""], strict=True)]
        assert [c for c in clauses if c] == clause.findall(text), text
        assert "".join(pieces) == text
        assert pieces == re.split(f"({CLAUSE_END})", text)  # the quick pattern is the readable one


def test_a_long_note_is_told_from_a_short_one_as_the_definition_says():
    import random

    from claimclf.boilerplate import is_long_note

    def by_definition(norm: str) -> bool:  # every character counts one, a Chinese one three
        return sum(3 if _CJK.match(c) else 1 for c in norm) >= LONG_NOTE

    rng = random.Random(11)
    pieces = ["a", " ", "眼", "睑", "é", "—", "°", "\u3400", "\uf900", "\U00020000", "。"]
    for _ in range(3000):
        norm = "".join(rng.choice(pieces) for _ in range(rng.randint(LONG_NOTE // 3 - 20, LONG_NOTE + 5)))
        assert is_long_note(norm) == by_definition(norm), norm
    assert is_long_note("a" * LONG_NOTE) and not is_long_note("a" * (LONG_NOTE - 1))
    assert is_long_note("眼" * 134) and not is_long_note("眼" * 133)


def test_each_clause_is_judged_alone_and_once_whatever_came_before():
    """Clauses are remembered between notes: the result must be what judging each clause alone gives,
    in any order of the notes (by the marker pattern itself, not the quick search)."""
    import random
    import re

    rng = random.Random(13)
    pieces = [*SKIP.markers[:40], "ptosis", "上睑下垂", "look younger", "x", "2", "3.5", "-", " "]
    ends = [". ", ", ", "; ", "。", "! ", "", " "]
    notes = [normalize("".join(rng.choice(pieces) + rng.choice(ends) for _ in range(rng.randint(20, 60))))
             for _ in range(300)]
    notes += notes[:50]  # seen before, whole

    def by_definition(norm: str) -> str:
        split = re.split(r"((?:[;!?]|[.,](?!\d))[.,;!?]*\s*)", norm)
        for k in range(0, len(split), 2):
            clause = split[k]
            hits = [m.span() for m in SKIP._pattern.finditer(clause)]
            if hits and not SKIP._names_reason(clause, 0, len(clause), hits):
                split[k] = ""
                if k + 1 < len(split):
                    split[k + 1] = ""
        rest = "".join(split)
        return rest.strip() if rest.strip(" .;!?") else norm

    expected = [by_definition(n) for n in notes]
    shared = Boilerplate(SKIP.markers, LEX)
    assert [shared.strip(n, short_too=True) for n in notes] == expected
    order = list(range(len(notes)))
    rng.shuffle(order)
    assert [shared.strip(notes[i], short_too=True) for i in order] == [expected[i] for i in order]
    assert [Boilerplate(SKIP.markers, LEX).strip(n, short_too=True) for n in notes] == expected


def test_a_marker_holding_a_closing_mark_is_refused():
    with pytest.raises(ValueError, match="closing mark"):
        Boilerplate(["e.g. draped"], LEX)
