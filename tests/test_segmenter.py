"""The fast segmenter is adopted only because its tokens are jieba's: checked on the corpus and on random text."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimclf import config, segmenter, text
from claimclf.errors import ClaimError

HAS_FAST = importlib.util.find_spec("jieba_fast_dat") is not None
needs_fast = pytest.mark.skipif(not HAS_FAST, reason="jieba_fast_dat is not installed (pip install '.[fast]')")

TOKENS_OF_CORPUS = """
import hashlib, json, sys
import pandas as pd
from claimclf.segmenter import segmenter_name
from claimclf.text import normalize, tokenize
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
digest = hashlib.sha256()
for t in df["text"]:
    digest.update(json.dumps(tokenize(normalize(t)), ensure_ascii=False).encode())
print(segmenter_name(), len(df), digest.hexdigest())
"""


def _corpus_tokens(segmenter: str) -> list[str]:
    env = dict(os.environ, CLAIMCLF_SEGMENTER=segmenter)
    out = subprocess.run([sys.executable, "-c", TOKENS_OF_CORPUS, str(config.default_corpus())], env=env,
                         capture_output=True, text=True, check=True)
    return out.stdout.split()


@needs_fast
def test_fast_segmenter_tokens_equal_jieba_on_the_shipped_corpus():
    if not config.default_corpus().is_file():
        pytest.skip("data/claims_labelled.csv is missing: run `claimclf data generate`")
    slow, fast = _corpus_tokens("jieba"), _corpus_tokens("jieba_fast_dat")
    assert slow[0] == "jieba" and fast[0] == "jieba_fast_dat"
    assert int(slow[1]) > 1000
    assert fast[1:] == slow[1:], "jieba_fast_dat cuts the corpus differently from jieba: do not adopt it"


@pytest.fixture(scope="module")
def both():
    if not HAS_FAST:
        pytest.skip("jieba_fast_dat is not installed (pip install '.[fast]')")
    return segmenter._jieba_segmenter(), segmenter._fast_dat_segmenter()


def _dictionary_words() -> list[str]:
    """Words a run of Chinese characters can hold (tokenize never passes Latin letters to the segmenter)."""
    user = [w for w, _ in segmenter._user_words() if all("\u4e00" <= ch <= "\u9fff" for ch in w)]
    return user + ["上睑", "下垂", "视野", "遮挡", "患者", "要求", "美容", "手术", "疼痛", "治疗", "无明显", "瘢痕", "挛缩",
                   "功能", "障碍", "鼻中隔", "偏曲"]


chinese_runs = st.lists(
    st.one_of(
        st.sampled_from(_dictionary_words()),
        st.sampled_from(["一", "一一", "二十", "十六", "哈", "一十六枚", "一分钱", "税政", "丁税", "政"]),  # tie-prone
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=4),
        st.text(alphabet=st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF), min_size=1, max_size=2),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(chinese_runs)
def test_fast_segmenter_agrees_with_jieba_on_random_runs(both, run):
    slow, fast = both
    assert fast.lcut(run, HMM=False) == slow.lcut(run, HMM=False)


@pytest.mark.parametrize("run", ["一一一", "丁税政", "义国公", "争长圆", "一发破的一多一两多", "一二十天一分钱一十六枚一色一元函数一百余位",
                                 "哈哈哈哈哈", "視野", "\u9fd6\u4e00\u4e00\u3400上睑"])
def test_fast_segmenter_breaks_ties_as_jieba_does(both, run):
    """Routes of equal score: jieba_fast_dat's own C++ route picks the other one, claimclf's follows jieba."""
    slow, fast = both
    assert fast.lcut(run, HMM=False) == slow.lcut(run, HMM=False)


def test_unknown_segmenter_name_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(segmenter.SEGMENTER_ENV, "stanza")
    segmenter.reset_segmenter()
    try:
        with pytest.raises(ClaimError, match="auto, jieba or jieba_fast_dat"):
            segmenter.segmenter_name()
    finally:
        monkeypatch.undo()
        segmenter.reset_segmenter()
    assert text.tokenize("视野遮挡") == ("视野遮挡",)


def test_plain_jieba_still_works_without_the_fast_extra():
    code = ("import sys; sys.modules['jieba_fast_dat'] = None\n"
            "from claimclf.segmenter import segmenter_name; from claimclf.text import normalize, tokenize\n"
            "print(segmenter_name(), '/'.join(tokenize(normalize('无视物障碍，视野检查正常'))))")
    env = dict(os.environ, CLAIMCLF_SEGMENTER="auto")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["jieba", "无/视物障碍/|/视野/检查/正常"]


def test_dictionary_total_is_jiebas_sum_whether_known_or_not(tmp_path):
    """The remembered total of jieba's dictionary is the sum jieba makes; another file is summed."""
    path = segmenter._jieba_dictionary()
    with open(path, "rb") as fh:
        data = fh.read()
    assert segmenter._dictionary_total(path) == segmenter._sum_frequencies(data)
    if data.count(b"\n") == 349_046:  # jieba 0.42.1's file: the remembered total is what is used
        assert segmenter._dictionary_total(path) in segmenter._KNOWN_TOTALS.values()
    other = tmp_path / "dict.txt"
    other.write_bytes("上睑 3 n\n下垂 4\n\n上睑 5 n\n".encode())
    assert segmenter._dictionary_total(str(other)) == 12
