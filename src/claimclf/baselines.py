"""Two baselines every evaluation is compared with, on the same rows.

- ``keyword_rule``: what a claims desk does by hand today: count the therapeutic and the
  cosmetic cue words of the labelling rules and go with the larger count (ties: therapeutic,
  the benefit of the doubt). No negation, no measurements, no context.
- ``majority``: always the label most frequent in the model's training data.
"""

from __future__ import annotations

import re

from claimclf.text import normalize

THERAPEUTIC_CUES = (
    "diagnos", "dx", "pain", "obstruct", "infect", "ulcer", "bleed", "visual field", "field", "measured",
    "failed", "conservative", "trauma", "injur", "accident", "burn", "tumor", "tumour", "cancer", "carcinoma",
    "mastectomy", "malignan", "congenital", "cleft", "amblyopia", "hearing", "feeding", "speech", "contracture",
    "function", "apnea", "apnoea", "diabetes", "fracture", "reconstruct", "complication", "necrosis", "rupture",
    "功能障碍", "视野", "遮挡", "鼻塞", "通气", "挛缩", "受限", "外伤", "烧伤", "肿瘤", "癌", "先天", "唇腭裂",
    "感染", "糜烂", "疼痛", "痛", "保守治疗", "无效", "病理", "出血", "骨折", "再造", "重建", "并发症", "糖尿病",
)
COSMETIC_CUES = (
    "appearance", "look younger", "younger", "rejuvenat", "aesthetic", "cosmetic", "contour", "wishes", "wants",
    "would like", "dissatisf", "wrinkle", "lines", "self-conscious", "beauty", "prettier", "slimmer", "sculpt",
    "求美", "外观", "变美", "好看", "漂亮", "年轻", "抗衰", "嫩肤", "美白", "瘦脸", "v脸", "塑形", "轮廓", "医美",
    "自愿", "美容", "显老", "除皱", "想要", "希望",
)
_THER = re.compile("|".join(re.escape(c) for c in THERAPEUTIC_CUES))
_COS = re.compile("|".join(re.escape(c) for c in COSMETIC_CUES))


def keyword_score(text: object) -> tuple[int, int]:
    """(therapeutic cue count, cosmetic cue count)."""
    t = normalize(text)
    return len(_THER.findall(t)), len(_COS.findall(t))


def keyword_p_cosmetic(texts: list[object]) -> list[float]:
    """A pseudo-probability for the rule: 1 / (1 + exp(therapeutic - cosmetic)), 0.5 on a tie.

    Ties go to therapeutic in the label (p = 0.5 sits on the therapeutic side of a 0.5 threshold
    only if we nudge it), so the rule's decisions match its stated tie-break.
    """
    import math

    out = []
    for text in texts:
        ther, cos = keyword_score(text)
        diff = cos - ther
        out.append(0.499 if diff == 0 else 1.0 / (1.0 + math.exp(-diff)))
    return out


def majority_p_cosmetic(n: int, majority: str) -> list[float]:
    return [1.0 if majority == "cosmetic" else 0.0] * n


def training_majority(sidecar: dict) -> str:
    """The most frequent label of the model's training data, as recorded in its sidecar."""
    counts = sidecar.get("training_data", {}).get("rows_by_label", {})
    if not counts:
        return "therapeutic"
    return max(sorted(counts), key=lambda k: counts[k])
