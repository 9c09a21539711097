import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimclf.measurements import measurement_tokens, readable
from claimclf.text import normalize


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Superior visual field 24° untaped", "m:field_le30"),
        ("视野检查上方仅20°", "m:field_le30"),
        ("fields 55 degrees, full", "m:field_gt30"),
        ("estimated resection 850 g per side", "m:resection_ge500g"),
        ("预计切除 350 克", "m:resection_lt500g"),
        ("BMI 38 with type 2 diabetes", "m:bmi_high_comorbid"),
        ("BMI 33, no comorbidity", "m:bmi_mid"),
        ("BMI 33，合并2型糖尿病", "m:bmi_high_comorbid"),  # Chinese threshold 32.5
        ("体重指数29，无糖尿病", "m:bmi_mid"),
        ("GSV reflux 800 ms, diameter 5.5 mm", "m:reflux_ge500ms"),
        ("great saphenous vein 3.8 mm", "m:vein_lt4.5mm"),
        ("reverse overjet 4 mm", "m:overjet_outside"),
        ("overjet 3 mm", "m:overjet_within"),
        ("18 headache days/month", "m:headache_ge15"),
        ("每月头痛8天", "m:headache_lt15"),
    ],
)
def test_threshold_tokens(text, token):
    assert token in measurement_tokens(normalize(text))


def test_readable_in_both_languages():
    assert readable("m:field_le30") == "visual field ≤ 30°"
    assert readable("m:field_le30", chinese=True) == "视野 ≤ 30°"


def test_the_words_a_pattern_needs_decide_nothing_but_whether_it_runs():
    """Each pattern runs only on text holding what it cannot match without, and a BMI's comorbidity is
    looked for only when the band counts it: the same tokens as running every pattern on every text."""
    import random

    from claimclf import measurements as m
    from claimclf.text import has_cjk

    def every_pattern(text: str) -> list[str]:
        found = [("field_le30" if float(x.group(1)) <= 30 else "field_gt30") for x in m._FIELD.finditer(text)
                 if 0 < float(x.group(1)) <= 90]
        found += [("resection_ge500g" if float(x.group(1)) >= 500 else "resection_lt500g")
                  for x in m._GRAMS.finditer(text) if 100 <= float(x.group(1)) <= 3000]
        comorbid = any(not m._NEGATED.search(text[max(0, c.start() - 12) : c.start()]) for c in m._COMORBID.finditer(text))
        high, mid = (32.5, 27.5) if has_cjk(text) else (35.0, 30.0)
        for x in m._BMI.finditer(text):
            v = float(x.group(1))
            band = "high" if v >= high else ("mid" if v >= mid else "low")
            found.append(f"bmi_{band}_comorbid" if comorbid and band != "low" else f"bmi_{band}")
        found += [("reflux_ge500ms" if m._first_number(x) >= 500 else "reflux_lt500ms") for x in m._REFLUX.finditer(text)]
        found += [("vein_ge4.5mm" if float(x.group(1)) >= 4.5 else "vein_lt4.5mm")
                  for x in m._VEIN.finditer(text) if float(x.group(1)) < 30]
        for x in m._OVERJET.finditer(text):
            v = -abs(float(x.group(2))) if x.group(1) else float(x.group(2))
            found.append("overjet_outside" if v >= 5 or v <= 0 else "overjet_within")
        found += [("headache_ge15" if m._first_number(x) >= 15 else "headache_lt15") for x in m._HEADACHE.finditer(text)]
        return [m.PREFIX + t for t in dict.fromkeys(found)]

    rng = random.Random(17)
    pieces = ["bmi", "体重指数", "38", "31", "22", "33.5", "diabetes", "no diabetes", "高血压", "无糖尿病", "osa",
              "field", "视野", "24°", "55 deg", "850 g", "350 克", "reflux", "600 ms", "gsv", "5.5 mm", "overjet",
              "reverse", "oj", "18", "days/month", "day per month", "每月", "头痛", "天", "month", " ", ", ", ". "]
    for _ in range(5000):
        text = normalize(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))))
        assert measurement_tokens(text) == every_pattern(text), text


PIECES = ["100", "650", "5", "2.", ".", " ", "  ", "\t", "\n", "\x0b", "\x1f", "g", "grams", "gram", "gx", "克", "x", "٣٣٣"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_quick_check_never_skips_a_weight_the_pattern_finds(text):
    from claimclf.measurements import _GRAMS, _may_weigh

    assert _may_weigh(text) or _GRAMS.search(text) is None


def test_the_quick_check_skips_text_without_a_weight():
    from claimclf.measurements import _may_weigh

    assert not _may_weigh("superior field 20 degrees, taped 45, age 52, keen on surgery going well")
    assert _may_weigh("resected 650 g of tissue") and _may_weigh("resected 650g") and _may_weigh("切除650克")
