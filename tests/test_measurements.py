import pytest

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
