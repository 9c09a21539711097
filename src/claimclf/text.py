"""Normalisation, the one definition of Chinese characters, language detection and the bilingual tokenizer.

Text is normalised once where it enters (scoring, or each vectorizer of the pipeline); everything
downstream takes normalised text. Functions are module-level so a fitted pipeline pickles by reference.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from claimclf.segmenter import segment_run

BOUNDARY = "|"  # clause boundary marker inside token streams; never a real token

# Chinese characters: CJK unified ideographs, extension A and the compatibility block.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
# A run of Chinese characters, a word/number (with units and decimals), a symbol, or one boundary mark
# (punctuation, or a dash between spaces). No group: :func:`tokenize` tells them apart by their first character.
_RUN = re.compile(
    rf"[{CJK}]+"
    r"|\d+(?:\.\d+)?"
    r"|[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]"
    r"|[°%/]"
    r"|[.,;:!?()\n]|\s-\s"
)
_BOUNDS = frozenset(".,;:!?()\n")
_BEFORE_CJK = "\u33ff"  # every string above it starts with a Chinese character, as no other run does
_LATIN_LETTER = re.compile("[A-Za-z]")
_NOT_CJK = re.compile(f"[^{CJK}]+")


def has_cjk(text: str) -> bool:
    return not text.isascii() and CJK_CHAR.search(text) is not None  # ASCII text, most English, is not scanned


def chinese_runs(norm: str) -> str:
    """The runs of Chinese characters of normalised text, one space between them.

    What the character n-grams read: in Chinese they stand in for words the segmenter splits
    differently; in English they learnt how the corpus is written rather than why.
    """
    return "" if norm.isascii() else _NOT_CJK.sub(" ", norm).strip()


# OpenCC's Hong Kong -> simplified: phrases first, then characters (瞭解 -> 了解, 答覆 -> 答复, 乾隆 stays).
# It is OpenCC's generic t2s plus Hong Kong variant characters (衞 -> 卫, 粧 -> 妆, 枱 -> 台, 衹 -> 只,
# 敍 -> 叙, 糭 -> 粽, 潀 -> 潨: the only characters where the two differ). Not tw2s or tw2sp: they change
# text that is already simplified, as most claims are (么 -> 幺, 显著 -> 显着; tw2sp also 影像 -> 图像).
T2S_CONFIG = "hk2s"
_T2S_MAX_PASSES = 4
_t2s_lock = threading.Lock()
_t2s_convert = None


def _t2s():
    """OpenCC's converter, built once per process (its dictionaries ship in the ``opencc`` wheel).

    Kept in this module, never in a fitted pipeline, so pipelines still pickle :func:`normalize` by reference.
    """
    global _t2s_convert
    if _t2s_convert is None:
        with _t2s_lock:
            if _t2s_convert is None:
                import opencc

                _t2s_convert = opencc.OpenCC(T2S_CONFIG).convert
    return _t2s_convert


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese (claims from Taiwan and Hong Kong), converted until nothing changes.

    One pass leaves a few names and classical phrases half converted (畢昇 -> 毕昇, which a second pass
    makes 毕升); scoring normalises text that the pipeline's vectorizers normalise again, so
    :func:`normalize` must be idempotent. Simplified text takes a single pass.
    """
    convert = _t2s()
    for _ in range(_T2S_MAX_PASSES):
        converted = convert(text)
        if converted == text:
            break
        text = converted
    return text


def normalize(text: object) -> str:
    """NFKC (full-width to half-width), traditional to simplified, lower case, one space between words."""
    if not isinstance(text, str):
        return ""
    if "\x00" in text:  # a NUL would end the text for OpenCC and numpy's strings: it reads as a space
        text = text.replace("\x00", " ")
    if not text.isascii():  # NFKC and the Chinese conversion leave ASCII as it is
        text = to_simplified(unicodedata.normalize("NFKC", text))
        text = text.replace("\u3002", ".").replace("\u3001", ",")
    return " ".join(text.split()).lower()  # str.split's white space is the same as the pattern's \s


@lru_cache(maxsize=200_000)
def tokenize(norm: str) -> tuple[str, ...]:
    """Tokens of normalised text (see :func:`normalize`), with :data:`BOUNDARY` where a clause ends.

    Chinese runs go through jieba, Latin runs split into words, numbers stay whole.
    Cached because cross-validation tokenizes the same texts many times.
    """
    tokens: list[str] = []
    for run in _RUN.findall(norm):
        if run > _BEFORE_CJK:
            tokens.extend(segment_run(run))
        elif run in _BOUNDS or run[0].isspace():
            if not tokens or tokens[-1] != BOUNDARY:
                tokens.append(BOUNDARY)
        else:
            tokens.append(run)
    return tuple(tokens)


class TokenMemo(dict):
    """A function's answer per token, worked out once: ``sum(map(memo.__getitem__, tokens))`` runs in C,
    three times faster than an ``lru_cache`` or a loop; emptied when it holds ``limit`` tokens."""

    def __init__(self, fn: Callable[[str], object], limit: int = 100_000) -> None:
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, token: str) -> object:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = self.fn(token)
        return value


def detect_lang(text: object) -> str:
    """'zh', 'en', 'mixed' or 'unknown', from the share of Chinese and Latin letters."""
    if not isinstance(text, str):
        return "unknown"
    if text.isascii():  # no Chinese: one Latin letter decides, without scanning for Chinese characters
        return "en" if _LATIN_LETTER.search(text) else "unknown"
    # Only "none, one, more" of Chinese and "fewer than four" of Latin letters matter: stop counting there.
    cjk = _count_up_to(CJK_CHAR, text, 2)
    latin = _count_up_to(_LATIN_LETTER, text, 4)
    if cjk == 0 and latin == 0:
        return "unknown"
    if cjk < 2:
        return "en" if latin else "unknown"
    return "mixed" if latin >= 4 else "zh"


def _count_up_to(pattern: re.Pattern, text: str, limit: int) -> int:
    """Matches of ``pattern`` in ``text``, counted no further than ``limit``."""
    found = 0
    for _ in pattern.finditer(text):
        found += 1
        if found >= limit:
            break
    return found
