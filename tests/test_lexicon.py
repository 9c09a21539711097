import pickle

from claimclf.features import WordAnalyzer
from claimclf.lexicon import Lexicon, readable
from claimclf.scoring.explain import readable as readable_feature
from claimclf.text import normalize

LEX = Lexicon([("condition", "白癜风", "vitiligo"), ("condition", "vitiligo", "vitiligo"),
               ("condition", "nasal obstruction", "nasal obstruction"), ("goal", "look younger", "look younger"),
               ("goal", "显年轻", "look younger")])


def features(text: str) -> list[str]:
    return list(WordAnalyzer(ngram_max=1, lexicon=LEX).analyze(normalize(text)))


def test_a_named_reason_gives_its_own_feature_and_its_kind():
    assert {"cond=vitiligo", "cond=*"} <= set(features("白癜风能治好吗"))
    assert {"cond=vitiligo", "cond=*"} <= set(features("Vitiligo on both hands, failed topical steroids"))
    assert {"goal=look_younger", "goal=*"} <= set(features("Wants to look younger for the wedding"))
    assert {"cond=nasal_obstruction", "cond=*"} <= set(features("Nasal obstruction despite 6 weeks of sprays"))


def test_a_negated_reason_is_a_different_feature():
    got = features("No nasal obstruction, breathing is fine")
    assert "not:cond=nasal_obstruction" in got and "cond=nasal_obstruction" not in got


def test_reasons_read_as_words_in_the_evidence():
    assert readable("cond=nasal_obstruction") == "condition: nasal obstruction"
    assert readable("goal=*") == "a goal named"
    assert readable_feature("not:cond=vitiligo") == "NOT condition: vitiligo"
    assert readable("m:field_le30") is None


def test_the_lexicon_travels_with_the_analyzer():
    restored = pickle.loads(pickle.dumps(WordAnalyzer(lexicon=LEX)))
    assert restored.lexicon == LEX and hash(restored.lexicon) == hash(LEX)
    assert "cond=vitiligo" in restored("白癜风")


def test_a_condition_asked_about_as_a_risk_is_a_different_feature():
    lex = Lexicon([("condition", "乳腺癌", "breast cancer"), ("condition", "infection", "infection")])
    analyzer = WordAnalyzer(ngram_max=1, lexicon=lex)
    assert "risk:cond=breast_cancer" in analyzer.analyze(normalize("隆胸以后会得乳腺癌吗"))
    assert "cond=breast_cancer" in analyzer.analyze(normalize("乳腺癌术后乳房再造"))
    assert "risk:cond=infection" in analyzer.analyze(normalize("What is the risk of infection after a nose job?"))
    assert readable_feature("risk:cond=infection") == "RISK OF condition: infection"


def test_names_any_is_whether_features_finds_a_reason():
    from claimclf.lexicon import shipped
    from claimclf.text import tokenize

    lex = shipped()
    for text in ["ptosis blocks her vision", "wants to look younger", "closed in layers", "the 上睑下垂 is severe",
                 "sutures removed", "", "deviated septum and nasal obstruction"]:
        tokens = list(tokenize(text))
        assert lex.names_any(tokens) == bool(lex.features(tokens)), text


def test_a_clause_without_chinese_finds_what_the_whole_lexicon_finds(small_corpus):
    """English clauses are matched against the terms without Chinese only: the same features, the same answers."""
    import pandas as pd

    from claimclf.features import PREFIXES
    from claimclf.lexicon import shipped

    from .conftest import DEV_SET, REAL_DEV_SET

    texts = pd.read_csv(small_corpus)["text"].tolist()
    for path in (DEV_SET, REAL_DEV_SET):
        if path.is_file():
            texts += pd.read_csv(path)["text"].astype(str).tolist()
    texts += ["ptosis 上睑下垂, no vitiligo; 无白癜风 nasal obstruction", "wants to look younger 显年轻 without 鼻塞"]
    analyzer = WordAnalyzer(lexicon=shipped())
    clauses = [c for t in texts for c in analyzer.marked_clauses(normalize(t))]
    split, whole = shipped(), shipped()
    whole._index_for = lambda joined: whole._index  # the reference: every term, whatever the clause holds
    found = 0
    for clause in clauses:
        expected = whole.features(clause, PREFIXES)
        assert split.features(clause, PREFIXES) == expected, clause
        assert split.names_any([t for t in clause if ":" not in t]) == whole.names_any([t for t in clause if ":" not in t])
        found += bool(expected)
    assert found > 100  # the check saw clauses that name reasons, in both languages


def test_english_text_never_starts_the_segmenter(small_model):
    """Scoring English builds no Chinese dictionary (about 0.1-0.2 s of every English-only run)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from claimclf.cli import main\n"
        "import claimclf.segmenter as S\n"
        f"sys.argv = ['claimclf', 'predict', '--model', {str(small_model)!r}, "
        "'Upper lid skin rests on the lashes; superior field 22 degrees, no vitiligo.']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('segmenter built:', S._jieba is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("segmenter built: False"), out
