"""Surface noise real claim text carries: abbreviations, typos, case and punctuation habits.

Applied after a text is written, label-independently, so that a model has to read
through it rather than key on clean spellings.
"""

from __future__ import annotations

import random
import re

ABBREVIATIONS_EN = {
    "patient": ["pt"],
    "history": ["hx"],
    "bilateral": ["b/l", "bilat"],
    "with": ["w/"],
    "without": ["w/o"],
    "diagnosis": ["dx"],
    "treatment": ["tx"],
    "months": ["mo", "mos"],
    "weeks": ["wks"],
    "years": ["yrs", "y"],
    "approximately": ["approx", "~"],
    "symptoms": ["sx"],
    "physical therapy": ["PT"],
    "right": ["R", "rt"],
    "left": ["L", "lt"],
    "because": ["b/c"],
    "status post": ["s/p"],
}

_WORD = re.compile(r"[A-Za-z]{5,}")


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def noisy_en(text: str, rng: random.Random, level: float) -> str:
    """Abbreviate, misspell and re-case ``text``; ``level`` in [0, 1] scales how much."""
    if level <= 0:
        return text
    for full, shorts in ABBREVIATIONS_EN.items():
        if full in text and rng.random() < level * 0.6:
            text = re.sub(rf"\b{re.escape(full)}\b", rng.choice(shorts), text)
    words = list(_WORD.finditer(text))
    n_typos = sum(1 for _ in words if rng.random() < level * 0.04)
    for m in rng.sample(words, k=min(n_typos, len(words))):
        text = text.replace(m.group(0), _typo(m.group(0), rng), 1)
    r = rng.random()
    if r < level * 0.08:
        text = text.lower()
    elif r < level * 0.1:
        text = text.upper()
    if rng.random() < level * 0.3:
        text = text.rstrip(".")
    return text


_FULLWIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_HALFWIDTH = {v: k for k, v in _FULLWIDTH.items()}


def noisy_zh(text: str, rng: random.Random, level: float) -> str:
    """Mix half- and full-width punctuation and digits, add stray spaces."""
    if level <= 0:
        return text
    if rng.random() < level * 0.4:
        text = "".join(_HALFWIDTH.get(ch, ch) for ch in text)
    if rng.random() < level * 0.2:
        text = "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() and ch.isascii() else ch for ch in text)
    if rng.random() < level * 0.2:
        text = text.replace("，", " ", 1)
    if rng.random() < level * 0.2:
        text = text.rstrip("。")
    return text
