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


def reference_explain(explainer: Explainer, rows, k: int) -> list[list[Evidence]]:
    """The definition: each row's cells strongest first, of equal weights the longer phrase first, then column
    order; generic reasons and repeated terms skipped; stop at k or at a zero weight."""
    result = []
    for i in range(rows.shape[0]):
        start, end = rows.indptr[i], rows.indptr[i + 1]
        cells = [(float(rows.data[j] * explainer.coef[rows.indices[j]]), int(rows.indices[j])) for j in range(start, end)]
        items, seen = [], set()
        for value, col in sorted(cells, key=lambda c: (-abs(c[0]), -explainer.names[c[1]].count(" "), c[1])):
            if len(items) >= k or value == 0:
                break
            name = explainer.names[col]
            if name.endswith("=*"):
                continue
            term = readable(name, False)
            if term not in seen:
                seen.add(term)
                items.append(Evidence(term, value))
        result.append(items)
    return result


def test_evidence_is_the_definitions_with_ties_generic_names_and_repeats():
    """Rows where the first k + 4 cells are not enough (generic reasons, terms read alike), weights that tie."""
    import random

    import numpy as np

    from claimclf.scoring.engine import Rows

    generic = [f"{kind}{i}=*" for kind in ("cond", "goal") for i in range(4)]  # skipped, and the strongest
    names = np.array([*generic, "pain", "not:pain", "NOT pain", "field", "look younger", "cond=ptosis",
                      "swelling", "scar", "scar ", "redness", "itch", "bleeding wound"], dtype=object)
    coef = np.array([3.0, -3.0, 2.5, -2.5, 3.0, 2.0, -2.0, 2.0, 1.0, -1.0, 1.0, 0.5, 0.5, -0.5, 0.25, 0.25, 0.25, 2.0,
                     -2.0, 0.0])
    explainer = Explainer(names, coef, word_rows=None)
    rng = random.Random(5)
    indptr, indices, data = [0], [], []
    for _ in range(300):
        cols = sorted(rng.sample(range(len(names)), rng.randint(0, len(names))))
        indices += cols
        data += [rng.choice([0.5, 1.0, 1.0, 0.25, 0.25, 0.0]) for _ in cols]
        indptr.append(len(indices))
    rows = Rows(np.array(indptr), np.array(indices), np.array(data, dtype=np.float32), len(names))
    texts = ["claim"] * 300
    for k in (1, 2, 4, 6):
        assert explainer.explain(texts, k=k, word_matrix=rows) == reference_explain(explainer, rows, k)


def test_cells_sort_as_the_three_stable_sorts_define_even_where_float32_cannot_tell_strengths_apart():
    import numpy as np

    from claimclf.scoring.explain import _strongest_first_exactly, strongest_first

    rng = np.random.default_rng(3)
    for n_rows, longest in ((1, 1), (40, 12), (500, 60), (3, 3000)):
        lengths = rng.integers(0, longest + 1, n_rows)
        indptr = np.concatenate(([0], np.cumsum(lengths)))
        cells = int(indptr[-1])
        # Few distinct strengths (ties), some a hair apart (the same float32), zeros, and phrase lengths.
        base = rng.choice([0.0, 0.25, 0.5, 1.0, 1.0 + 1e-12, 1.0 - 1e-13, 0.3333333333333333, 1 / 3 + 1e-17], cells)
        strength = base * rng.choice([1.0, 1.0, 2.0], cells)
        fewer_words = -rng.integers(0, 3, cells).astype(np.int8)
        row_of = np.repeat(np.arange(n_rows), lengths)
        got = strongest_first(indptr, strength, fewer_words)
        assert got.tolist() == _strongest_first_exactly(row_of, strength, fewer_words).tolist()
    assert (np.float32(1.0 + 1e-12) == np.float32(1.0)) and 1.0 + 1e-12 != 1.0  # the case the exact pass mends
    # Keys too wide for 64 bits (many rows, a very long one, long phrases): the exact sorts throughout.
    lengths = np.ones(20_000, dtype=np.int64)
    lengths[7] = 9_000
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    strength = rng.choice([0.5, 1.0, 2.0], int(indptr[-1]))
    fewer_words = -rng.integers(0, 100, int(indptr[-1])).astype(np.int8)
    row_of = np.repeat(np.arange(len(lengths)), lengths)
    got = strongest_first(indptr, strength, fewer_words)
    assert got.tolist() == _strongest_first_exactly(row_of, strength, fewer_words).tolist()
