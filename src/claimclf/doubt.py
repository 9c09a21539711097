"""Text the model should not answer confidently: no reason given, or a language it does not know.

The model is trained on justifications. A bare procedure name, an empty field or text in
another language carries no justification, and a linear model would still put out a
confident number. These checks send such claims to review and pull ``p_cosmetic`` towards
0.5, except for procedures presumed cosmetic when no reason is given (a bare "double eyelid"
is cosmetic by the labelling rules).
"""

from __future__ import annotations

from functools import lru_cache

from claimclf.text import BOUNDARY, detect_lang, normalize, tokenize

MIN_CONTENT_TOKENS = 4
MIN_KNOWN_SHARE = 0.5
SHRINK = 0.25  # flagged texts keep a quarter of their distance from 0.5


@lru_cache(maxsize=1)
def presumed_cosmetic_names() -> tuple[str, ...]:
    """Normalised names of the procedures presumed cosmetic, from the corpus vocabularies."""
    from claimclf.corpus.procedures import all_procedures

    names = {normalize(n) for p in all_procedures() if p.presumed_cosmetic for n in (*p.names_en, *p.names_zh)}
    names |= {"botox", "dysport", "filler", "fillers", "facelift", "face lift", "thread lift", "双眼皮", "隆鼻", "隆胸",
              "瘦脸针", "玻尿酸", "水光针", "除皱", "线雕", "拉皮", "breast augmentation", "rhinoplasty", "nose job"}
    return tuple(sorted(names))


def content_tokens(text: str) -> list[str]:
    return [t for t in tokenize(text) if t != BOUNDARY and not t.replace(".", "").isdigit() and len(t.strip()) > 0]


def doubt_reason(text: str, vocabulary: dict | set | None = None) -> str:
    """Why the model should not decide this text alone, or ``""``."""
    if detect_lang(text) == "unknown":
        return "no English or Chinese text to judge"
    tokens = content_tokens(text)
    if vocabulary is not None and len(tokens) >= 3:
        known = sum(1 for t in tokens if t in vocabulary)
        if known / len(tokens) < MIN_KNOWN_SHARE:
            return "mostly words the model does not know (another language?)"
    if len(tokens) < MIN_CONTENT_TOKENS:
        norm = normalize(text)
        if not any(name in norm for name in presumed_cosmetic_names()):
            return "too short to judge: no reason given for the procedure"
    return ""


def shrink(p: float) -> float:
    """Pull a probability towards 0.5 for a text the model should doubt."""
    return 0.5 + (p - 0.5) * SHRINK
