import re

import pytest

from claimclf.text import BOUNDARY, chinese_runs, detect_lang, normalize, tokenize


def test_normalize_fullwidth_case_space():
    assert normalize("ＢＭＩ　３８，  Fields FULL") == "bmi 38, fields full"
    assert normalize(None) == ""
    assert normalize(3.5) == ""


def test_chinese_runs_use_jieba_with_the_domain_dictionary():
    tokens = tokenize(normalize("无视物障碍，视野检查正常"))
    # without the user dictionary jieba reads 无视 ("ignore") here
    assert tokens[:2] == ("无", "视物障碍")
    assert BOUNDARY in tokens


def test_mixed_text_keeps_english_words_and_numbers():
    tokens = tokenize(normalize("BMI 38，合并T2DM及OSA，拟行sleeve gastrectomy"))
    assert "bmi" in tokens and "38" in tokens and "t2dm" in tokens and "gastrectomy" in tokens
    assert "合并" in tokens


def test_boundaries_collapse():
    assert tokenize("a. . , b") == ("a", BOUNDARY, "b")


def test_detect_lang():
    assert detect_lang("Upper lid skin rests on the lashes") == "en"
    assert detect_lang("上睑皮肤松弛遮挡视线") == "zh"
    assert detect_lang("患者BMI 38，合并T2DM和OSA，failed metformin") == "mixed"
    assert detect_lang("12345 !!") == "unknown"


def test_traditional_chinese_is_read_as_simplified():
    assert normalize("經診斷為雄激素性脫髮，頭皮無外傷") == "经诊断为雄激素性脱发,头皮无外伤"
    assert tokenize(normalize("視野遮擋")) == tokenize(normalize("视野遮挡"))


def test_traditional_phrases_convert_as_phrases():
    """OpenCC converts phrases, not only characters: 瞭解 is 了解, while 乾隆 stays a name."""
    assert normalize("瞭解手術風險") == "了解手术风险"
    assert normalize("答覆藉口") == "答复借口"
    assert normalize("乾隆") == "乾隆"
    assert normalize("衞生署") == "卫生署"  # a Hong Kong variant character


def test_normalize_is_idempotent_where_one_conversion_pass_is_not():
    """Scoring normalises once and the pipeline's vectorizers again: both must see the same text."""
    for text in ("畢昇", "乾清宮", "蒐獵", "疗效显著", "ＢＭＩ　３８，視野遮擋"):
        once = normalize(text)
        assert normalize(once) == once, text


def test_counting_letters_up_to_a_limit_decides_as_counting_all():
    def counted(text: str) -> str:
        cjk, latin = len(re.findall("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", text)), len(re.findall("[A-Za-z]", text))
        if cjk == 0 and latin == 0:
            return "unknown"
        if cjk < 2:
            return "en" if latin else "unknown"
        return "mixed" if latin >= 4 else "zh"

    for text in ["", "a", "abc", "abcd", "视", "视野", "视野abc", "视野abcd", "视 x y z w", "123", "视野 ok"]:
        assert detect_lang(text) == counted(text)
    import random

    rng = random.Random(11)
    for _ in range(20_000):  # ASCII text takes a shorter way: it must decide the same
        text = "".join(rng.choice("ab Z1.,-视野é") for _ in range(rng.randint(0, 12)))
        assert detect_lang(text) == counted(text), text


def test_nothing_after_a_nul_is_lost():
    assert normalize("上睑下垂\x00 Blocks vision") == "上睑下垂 blocks vision"
    assert normalize("Ptosis\x00blocks vision") == "ptosis blocks vision"


@pytest.mark.parametrize("text", ["  Ptosis\t blocks\n\nVISION  ", "a\x1cb\x1fc\x0bd", "Ptosis, 2 mm; (left) 50%", ""])
def test_ascii_text_normalises_as_the_full_path_does(text):
    import re
    import unicodedata

    from claimclf.text import to_simplified

    full = re.sub(r"\s+", " ", to_simplified(unicodedata.normalize("NFKC", text))).strip().lower()
    assert normalize(text) == full


def test_a_token_memo_answers_as_its_function_and_stays_bounded():
    from claimclf.text import TokenMemo

    calls: list[str] = []
    memo = TokenMemo(lambda t: calls.append(t) or len(t), limit=3)
    assert [memo[t] for t in ["ab", "c", "ab", "dddd", "ab"]] == [2, 1, 2, 4, 2]
    assert calls == ["ab", "c", "dddd"]  # each token worked out once while it is kept
    memo["eeeee"]
    assert len(memo) <= 3 and memo["ab"] == 2


def test_chinese_runs_keep_only_chinese_characters():
    assert chinese_runs(normalize("Pt requests 双眼皮 to look younger, 无上睑下垂 (VF 30°)")) == "双眼皮 无上睑下垂"
    assert chinese_runs(normalize("視野缺損20度，提眉後改善")) == "视野缺损 度 提眉后改善"
    assert chinese_runs("ptosis covering the pupil") == ""
    assert chinese_runs("café ptosis") == ""
