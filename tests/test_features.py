import pickle

import pytest

from claimclf.features import ChineseRuns, WordAnalyzer, build_features, mark_negation
from claimclf.text import normalize


def test_english_negation_scope_ends_at_contrast():
    assert mark_negation(["denies", "visual", "obstruction", "but", "has", "pain"]) == [
        "denies", "not:visual", "not:obstruction", "but", "has", "pain"
    ]


def test_chinese_negation_passes_conjunctions():
    out = mark_negation(["无", "咀嚼", "痛", "及", "张口受限"])
    assert out == ["无", "not:咀嚼", "not:痛", "及", "not:张口受限"]


def test_scope_ends_at_clause_boundary():
    analyzer = WordAnalyzer(ngram_max=1)
    feats = analyzer("No pain. Pain in the neck")
    assert "not:pain" in feats and "pain" in feats


def test_bigrams_stay_inside_a_clause():
    feats = WordAnalyzer(ngram_max=2, negation=False)("nose smaller. breasts hurt")
    assert "nose smaller" in feats and "smaller breasts" not in feats


def test_analyzer_pickles():
    a = pickle.loads(pickle.dumps(WordAnalyzer(ngram_max=3)))
    assert a.ngram_max == 3 and a("no rash") == ["not:rash"]


def test_an_analyzer_pickled_before_function_words_keeps_its_behaviour():
    old = WordAnalyzer(ngram_max=2, function_words=False)
    state = dict(old.__dict__)
    del state["function_words"]
    restored = WordAnalyzer.__new__(WordAnalyzer)
    restored.__setstate__(state)
    assert restored("no rash") == ["no", "not:rash", "no not:rash"]


def test_function_words_are_never_features_but_negators_still_mark_scope():
    feats = WordAnalyzer(ngram_max=1)("I have no pain since 3 months. And the lid is heavy, wants it fixed")
    for word in ("the", "i", "and", "no", "since", "months", "wants"):
        assert word not in feats
    assert "not:pain" in feats and "heavy" in feats
    zh = WordAnalyzer(ngram_max=1)("我想问一下，烧伤后没有视物障碍，医院哪家好")
    for word in ("我", "想", "后", "没有", "医院", "哪家", "好"):
        assert word not in zh, word
    assert "烧伤" in zh and "not:视物障碍" in zh


def test_function_words_can_be_kept():
    assert "the" in WordAnalyzer(ngram_max=1, stopwords=False, function_words=False)("the lid")


def test_measurement_tokens_join_the_word_features():
    assert "m:field_le30" in WordAnalyzer()("superior field 22°, 45° taped")


def test_clause_lines_are_the_raw_clauses_joined():
    import random

    from claimclf.text import normalize

    analyzer = WordAnalyzer()
    rng = random.Random(2)
    pieces = ["ptosis", " ", ".", ",", " - ", "3.5", "mm", "上睑下垂", "。", "不", "(", ")", "no", "|", "\n", "°"]
    for _ in range(3000):
        norm = normalize("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))))
        assert analyzer.clause_lines(norm) == [" ".join(c) for c in analyzer.raw_clauses(norm)], norm


def test_the_character_block_reads_chinese_runs_by_default_and_pickles():
    chars = dict(build_features().transformer_list)["chars"]
    assert isinstance(chars.preprocessor, ChineseRuns)
    again = pickle.loads(pickle.dumps(chars.preprocessor))
    assert again == chars.preprocessor and hash(again) == hash(chars.preprocessor)
    assert again("Ptosis, 遮挡视线 20°") == "遮挡视线"
    assert dict(build_features(char_text="all").transformer_list)["chars"].preprocessor("Ptosis") == "ptosis"
    assert ChineseRuns(normalize) != ChineseRuns(str.lower)
    with pytest.raises(ValueError, match="char_text"):
        build_features(char_text="latin")
