"""Normalisation and the bilingual tokenizer.

Everything here is module-level so that a fitted pipeline that refers to these
functions pickles by reference and loads in a fresh process.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources

BOUNDARY = "|"  # clause boundary marker inside token streams; never a real token

_SPACE = re.compile(r"\s+")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of Chinese characters, a word/number (with units and decimals), or one boundary punctuation mark.
_RUN = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<word>[a-z][a-z0-9'\-]*[a-z0-9]|[a-z])"
    r"|(?P<sym>[°%/])"
    r"|(?P<bound>[.,;:!?()\n]|\s-\s)"
)
_jieba_lock = threading.Lock()
_jieba = None


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Traditional to simplified Chinese, character by character (claims from Taiwan and Hong Kong)."""
    table: dict[int, str] = {}
    path = resources.files("claimclf") / "resources" / "t2s_chars.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = simp
    return table


def normalize(text: object) -> str:
    """NFKC (full-width to half-width), traditional to simplified, lower case, one space between words."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_t2s_table())
    text = text.replace("\u3002", ".").replace("\u3001", ",")
    return _SPACE.sub(" ", text).strip().lower()


def user_dictionary_path() -> str:
    return str(resources.files("claimclf") / "resources" / "jieba_user_dict.txt")


def _segmenter():
    """A jieba Tokenizer with the domain dictionary, built once per process."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                tok.load_userdict(user_dictionary_path())
                _jieba = tok
    return _jieba


def segment_chinese(run: str) -> list[str]:
    """jieba's segmentation of one run of Chinese characters (HMM off: stable, dictionary-driven)."""
    return [w for w in _segmenter().lcut(run, HMM=False) if w.strip()]


@lru_cache(maxsize=200_000)
def tokenize(text: str) -> tuple[str, ...]:
    """Tokens of normalised text, with :data:`BOUNDARY` where a clause ends.

    Chinese runs go through jieba, Latin runs split into words, numbers stay whole.
    Cached because cross-validation tokenizes the same texts many times.
    """
    tokens: list[str] = []
    for m in _RUN.finditer(normalize(text)):
        kind = m.lastgroup
        if kind == "cjk":
            tokens.extend(segment_chinese(m.group()))
        elif kind == "bound":
            if not tokens or tokens[-1] != BOUNDARY:
                tokens.append(BOUNDARY)
        else:
            tokens.append(m.group())
    return tuple(tokens)


def detect_lang(text: object) -> str:
    """'zh', 'en', 'mixed' or 'unknown', from the share of Chinese and Latin letters."""
    if not isinstance(text, str):
        return "unknown"
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if cjk == 0 and latin == 0:
        return "unknown"
    if cjk < 2:
        return "en" if latin else "unknown"
    return "mixed" if latin >= 4 else "zh"
