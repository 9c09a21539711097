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
