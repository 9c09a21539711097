"""Words that tell how a text is written, not why a procedure is done, and a check that they say nothing about the label.

A negator, a request verb, a time word, the name of a place or a person who treats, a question word:
each appears in a therapeutic text as naturally as in a cosmetic one ("no improvement after six
months", "wants the scar released"; "no visual complaints", "how long is the recovery"). If the
corpus uses them more in one class, a model learns the corpus's habits instead of the reasons.

:data:`FUNCTION_WORDS` is the maintained list, by category and language. :func:`label_balance`
measures, for each entry, the share of rows of each class that contain it, tokenised exactly as the
model tokenises (an entry of several tokens, like "would like" or 多少钱, matches where its tokens
appear in a row one after the other). :func:`imbalanced` lists the entries that a frequent word
must not fail: both rates within a factor of 1.5 of each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# category -> language -> entries. Keep entries short: a word, or a fixed phrase of two or three words.
FUNCTION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "negation": {
        "en": ("no", "not", "denies", "without", "never", "none"),
        "zh": ("无", "没有", "不", "未", "否认", "并非"),
    },
    "request": {
        "en": ("request", "requests", "wants", "would like", "asking", "hoping"),
        "zh": ("要求", "想", "希望", "要", "申请", "打算"),
    },
    "time": {
        "en": ("months", "weeks", "years", "after", "since", "ago"),
        "zh": ("后", "月", "年", "天", "多久", "以来"),
    },
    "facility": {
        "en": ("hospital", "clinic", "doctor", "surgeon", "office", "dr"),
        "zh": ("医院", "医生", "门诊", "科", "大夫", "三甲"),
    },
    "question": {
        "en": ("how", "what", "can", "is it", "should", "which"),
        "zh": ("吗", "多少钱", "怎么", "能", "哪家", "可以"),
    },
}

RATIO_LIMITS = (0.67, 1.5)
MIN_DOC_FREQ = 0.01  # entries rarer than this (share of all rows) are reported but not held to the limits


@dataclass(frozen=True)
class Balance:
    """One entry's presence in each class: the share of rows containing it, and the share of all rows."""

    word: str
    category: str
    lang: str
    rate_therapeutic: float
    rate_cosmetic: float
    doc_freq: float

    @property
    def ratio(self) -> float:
        """rate_therapeutic / rate_cosmetic (inf when absent from cosmetic rows, 1.0 when absent from both)."""
        if self.rate_cosmetic == 0:
            return 1.0 if self.rate_therapeutic == 0 else float("inf")
        return self.rate_therapeutic / self.rate_cosmetic

    @property
    def held(self) -> bool:
        """Whether the entry is frequent enough to be held to :data:`RATIO_LIMITS`."""
        return self.doc_freq >= MIN_DOC_FREQ

    @property
    def balanced(self) -> bool:
        return RATIO_LIMITS[0] <= self.ratio <= RATIO_LIMITS[1]

    def as_tuple(self) -> tuple[str, str, float, float]:
        return (self.word, self.category, self.rate_therapeutic, self.rate_cosmetic)


def entries() -> list[tuple[str, str, str]]:
    """(word, category, language) for every entry, in the list's order."""
    return [(w, cat, lang) for cat, by_lang in FUNCTION_WORDS.items() for lang, words in by_lang.items() for w in words]


def _pattern(word: str) -> tuple[str, ...]:
    from claimclf.text import BOUNDARY, normalize, tokenize

    return tuple(t for t in tokenize(normalize(word)) if t != BOUNDARY)


def _contains(tokens: Sequence[str], pattern: tuple[str, ...], first: dict[str, list[int]]) -> bool:
    n = len(pattern)
    for i in first.get(pattern[0], ()):
        if tuple(tokens[i : i + n]) == pattern:
            return True
    return False


def _text_label(row: object) -> tuple[str, str]:
    if isinstance(row, dict):
        return row["text"], row["label"]
    return row.text, row.label  # type: ignore[attr-defined]


def balances(rows: Iterable[object]) -> list[Balance]:
    """The :class:`Balance` of every entry over ``rows`` (Row objects or dicts with ``text`` and ``label``)."""
    from claimclf.text import normalize, tokenize

    items = entries()
    patterns = [_pattern(w) for w, _, _ in items]
    hits = {"therapeutic": [0] * len(items), "cosmetic": [0] * len(items)}
    totals = {"therapeutic": 0, "cosmetic": 0}
    for row in rows:
        text, label = _text_label(row)
        tokens = tokenize(normalize(text))
        first: dict[str, list[int]] = {}
        for i, tok in enumerate(tokens):
            first.setdefault(tok, []).append(i)
        totals[label] += 1
        for j, pattern in enumerate(patterns):
            if pattern and _contains(tokens, pattern, first):
                hits[label][j] += 1
    n = max(totals["therapeutic"] + totals["cosmetic"], 1)
    out = []
    for j, (word, cat, lang) in enumerate(items):
        t = hits["therapeutic"][j] / max(totals["therapeutic"], 1)
        c = hits["cosmetic"][j] / max(totals["cosmetic"], 1)
        out.append(Balance(word, cat, lang, t, c, (hits["therapeutic"][j] + hits["cosmetic"][j]) / n))
    return out


def label_balance(rows: Iterable[object]) -> list[tuple[str, str, float, float]]:
    """(word, category, rate_therapeutic, rate_cosmetic) for every listed word over ``rows``."""
    return [b.as_tuple() for b in balances(rows)]


def imbalanced(rows: Iterable[object]) -> list[Balance]:
    """The frequent entries (document frequency >= :data:`MIN_DOC_FREQ`) whose class ratio is outside :data:`RATIO_LIMITS`."""
    return [b for b in balances(rows) if b.held and not b.balanced]
