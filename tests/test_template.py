import random

import pytest

from claimclf.corpus.template import TemplateError, expand


def test_alternatives_options_and_numbers_are_all_reachable():
    rng = random.Random(0)
    seen = {expand("{a|b|c}[!] <n:1-3>", rng) for _ in range(300)}
    assert {s[0] for s in seen} == {"a", "b", "c"}
    assert any("!" in s for s in seen) and any("!" not in s for s in seen)
    assert {s.split()[-1] for s in seen} == {"1", "2", "3"}


def test_nested_and_slots():
    rng = random.Random(1)
    out = {expand("{x <s>|y [z]}", rng, {"s": ["{p|q}"]}) for _ in range(200)}
    assert out == {"x p", "x q", "y ", "y z"}


def test_same_seed_same_text():
    t = "{a|b|c|d} <f:1-9> [e {f|g}]"
    assert [expand(t, random.Random(5)) for _ in range(3)] == [expand(t, random.Random(5))] * 3


def test_callable_slot():
    assert expand("<k>", random.Random(0), {"k": lambda r: "called"}) == "called"


@pytest.mark.parametrize("bad", ["{a|b", "<nope>", "[open"])
def test_bad_templates_raise(bad):
    with pytest.raises(TemplateError):
        expand(bad, random.Random(0))
