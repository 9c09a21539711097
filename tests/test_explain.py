import pytest

from claimclf.persistence import load
from claimclf.scoring.explain import Evidence, Explainer, format_evidence, readable
from claimclf.text import normalize


def test_readable_forms():
    assert readable("denies not:visual not:obstruction") == "denies NOT visual obstruction"
    assert readable("无 not:视物障碍") == "无 NOT 视物障碍"
    assert readable("视野 检查") == "视野检查"
    assert readable("superior field") == "superior field"


def test_format_groups_by_direction():
    s = format_evidence([Evidence("look younger", 0.5), Evidence("pain", -0.3), Evidence("NOT pain", 0.2)])
    assert s == "cosmetic: look younger (+0.50), NOT pain (+0.20); therapeutic: pain (-0.30)"


@pytest.fixture(scope="module")
def explainer(small_model):
    return Explainer.from_engine(load(small_model).engine())


def test_evidence_terms_come_from_the_text_and_point_the_right_way(explainer):
    text = "Patient wants to look younger and refreshed; no visual complaints, fields full."
    ev = explainer.explain([normalize(text)], k=4)[0]
    assert 0 < len(ev) <= 4
    assert sum(e.weight for e in ev) > 0  # towards cosmetic
    words = set(text.lower().replace(";", " ").replace(",", " ").replace(".", " ").split())
    for e in ev:
        named = e.term.lower().replace("not ", "").removeprefix("condition: ").removeprefix("goal: ")
        assert set(named.split()) <= words, e.term


def test_top_features_per_class(explainer):
    top = explainer.top_features(5)
    assert len(top["cosmetic"]) == 5 and all(w > 0 for _, w in top["cosmetic"])
    assert all(w < 0 for _, w in top["therapeutic"])
