"""Normalisation, the one definition of Chinese characters, language detection and the bilingual tokenizer.

Text is normalised once where it enters (scoring, or each vectorizer of the pipeline); everything
downstream takes normalised text. Functions are module-level so a fitted pipeline pickles by reference.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from claimclf.segmenter import segment_run

BOUNDARY = "|"  # clause boundary marker inside token streams; never a real token

# Chinese characters: CJK unified ideographs, extension A and the compatibility block.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
_SPACE = re.compile(r"\s+")
# A run of Chinese characters, a word/number (with units and decimals), or one boundary punctuation mark.
_RUN = re.compile(
    rf"(?P<cjk>[{CJK}]+)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<word>[a-z][a-z0-9'\-]*[a-z0-9]|[a-z])"
    r"|(?P<sym>[°%/])"
    r"|(?P<bound>[.,;:!?()\n]|\s-\s)"
)
_LATIN_LETTER = re.compile("[A-Za-z]")


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


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


@lru_cache(maxsize=200_000)
def tokenize(norm: str) -> tuple[str, ...]:
    """Tokens of normalised text (see :func:`normalize`), with :data:`BOUNDARY` where a clause ends.

    Chinese runs go through jieba, Latin runs split into words, numbers stay whole.
    Cached because cross-validation tokenizes the same texts many times.
    """
    tokens: list[str] = []
    for m in _RUN.finditer(norm):
        kind = m.lastgroup
        if kind == "cjk":
            tokens.extend(segment_run(m.group()))
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
    cjk = len(CJK_CHAR.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if cjk == 0 and latin == 0:
        return "unknown"
    if cjk < 2:
        return "en" if latin else "unknown"
    return "mixed" if latin >= 4 else "zh"
