import pickle

from claimclf.features import WordAnalyzer, mark_negation


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
    feats = WordAnalyzer(ngram_max=2, negation=False)("wants smaller. breasts hurt")
    assert "wants smaller" in feats and "smaller breasts" not in feats


def test_analyzer_pickles():
    a = pickle.loads(pickle.dumps(WordAnalyzer(ngram_max=3)))
    assert a.ngram_max == 3 and a("no rash") == ["no", "not:rash", "no not:rash"]


def test_function_words_are_dropped_but_negators_kept():
    feats = WordAnalyzer(ngram_max=1)("I have no pain. And the lid is heavy")
    assert "the" not in feats and "i" not in feats and "and" not in feats
    assert "no" in feats and "not:pain" in feats and "heavy" in feats
    zh = WordAnalyzer(ngram_max=1)("我的眼皮有点松了，没有视物障碍")
    assert "了" not in zh and "我" not in zh and "没有" in zh and "not:视物障碍" in zh


def test_stopwords_can_be_kept():
    assert "the" in WordAnalyzer(ngram_max=1, stopwords=False)("the lid")


def test_measurement_tokens_join_the_word_features():
    assert "m:field_le30" in WordAnalyzer()("superior field 22°, 45° taped")
