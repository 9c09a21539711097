"""Measured values turned into threshold tokens, so a linear model can read "22° field" as "field ≤ 30°".

The cut-offs are the ones the labelling rules decide by. English narratives follow US payer
criteria and Chinese ones the Chinese values (bariatric BMI); a token names the side of the
threshold a value falls on, never the value itself.
"""

from __future__ import annotations

import re

from claimclf.text import has_cjk

PREFIX = "m:"
_NUM = r"(-?\d+(?:\.\d+)?)"

_DIGIT = re.compile(r"\d")
_DIGITS_AS_0 = bytes.maketrans(b"123456789", b"000000000")
_FIELD = re.compile(r"(?:field|视野|vf)[^0-9。;.\n]{0,30}?" + _NUM + r"\s*(?:°|度|deg)")
# Not after a digit or a point; the check follows the first digit, so the search can skip to digits.
_GRAMS = re.compile(r"(\d(?<![\d.]\d)\d{2,3})\s*(?:g|grams?|克)(?![a-z])")
_BMI = re.compile(r"(?:bmi|体重指数)\D{0,8}?(\d{2}(?:\.\d+)?)")
_REFLUX = re.compile(
    r"(?:reflux|返流|反流)[^。;\n]{0,40}?(\d{3,4})\s*(?:ms|毫秒)"
    r"|(\d{3,4})\s*(?:ms|毫秒)[^。;\n]{0,20}?(?:reflux|返流|反流)"
)
_VEIN_WORDS = ("vein", "gsv", "ssv", "saphenous", "静脉", "大隐", "小隐")
_VEIN_LATIN = tuple(w for w in _VEIN_WORDS if w.isascii())
_VEIN = re.compile(f"(?:{'|'.join(_VEIN_WORDS)})" + r"[^。;\n]{0,40}?(\d+(?:\.\d+)?)\s*mm")
_OVERJET = re.compile(r"(reverse\s+|反)?(?:overjet|覆盖|oj)[^0-9。;\n]{0,20}?" + _NUM + r"\s*mm")
_HEADACHE = re.compile(r"(\d{1,2})\s*(?:headache\s+)?days?\s*(?:/|per|a|each)\s*month|每月(?:头痛|发作)?\s*(\d{1,2})\s*天")
# What an English headache count cannot match without; it starts with a word, so the search skips to it.
_DAYS_PER_MONTH = re.compile(r"days?\s*(?:/|per|a|each)\s*month")
_COMORBID = re.compile(
    r"diabet|t2dm|\bdm\b|sleep apn|\bosa\b|hypertension|\bhtn\b|nash|fatty liver|糖尿病|睡眠呼吸暂停|高血压|脂肪肝|血糖"
)

_NEGATED = re.compile(r"\bno\b|\bnot\b|denies|without|\bw/o\b|negative|无|未|否认|没有|不伴")

READABLE = {
    "field_le30": ("visual field ≤ 30°", "视野 ≤ 30°"),
    "field_gt30": ("visual field > 30°", "视野 > 30°"),
    "resection_ge500g": ("resection ≥ 500 g", "切除量 ≥ 500 g"),
    "resection_lt500g": ("resection < 500 g", "切除量 < 500 g"),
    "bmi_high_comorbid": ("BMI over threshold + comorbidity", "BMI 达标 + 合并症"),
    "bmi_high": ("BMI over threshold", "BMI 达标"),
    "bmi_mid_comorbid": ("BMI borderline + comorbidity", "BMI 临界 + 合并症"),
    "bmi_mid": ("BMI borderline, no comorbidity", "BMI 临界，无合并症"),
    "bmi_low": ("BMI below threshold", "BMI 未达标"),
    "reflux_ge500ms": ("reflux ≥ 500 ms", "反流 ≥ 500 ms"),
    "reflux_lt500ms": ("reflux < 500 ms", "反流 < 500 ms"),
    "vein_ge4.5mm": ("vein ≥ 4.5 mm", "静脉 ≥ 4.5 mm"),
    "vein_lt4.5mm": ("vein < 4.5 mm", "静脉 < 4.5 mm"),
    "overjet_outside": ("overjet ≥ 5 mm or ≤ 0", "覆盖 ≥ 5 mm 或 ≤ 0"),
    "overjet_within": ("overjet 0–5 mm", "覆盖 0–5 mm"),
    "headache_ge15": ("headache days ≥ 15/month", "头痛 ≥ 15 天/月"),
    "headache_lt15": ("headache days < 15/month", "头痛 < 15 天/月"),
}


def _first_number(match: re.Match) -> float:
    return float(next(g for g in match.groups() if g is not None and re.fullmatch(_NUM, g)))


def _may_weigh(text: str) -> bool:
    """Whether :data:`_GRAMS` may match: in ASCII text only if a digit meets a g once spaces are gone, which bytes
    show five times faster than the pattern's search (it tries every digit)."""
    if not text.isascii():
        return True
    return b"0g" in text.encode("ascii").translate(_DIGITS_AS_0, b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")


def measurement_tokens(text: str) -> list[str]:
    """Threshold tokens for the measurements in normalised ``text`` (see :func:`claimclf.text.normalize`)."""
    if not _DIGIT.search(text):  # every measurement has a number: most clauses end here
        return []
    found: list[str] = []
    # Each pattern runs only on text holding the words it cannot match without; ASCII text holds no Chinese one.
    chinese = not text.isascii()
    if "field" in text or "vf" in text or (chinese and "视野" in text):
        for m in _FIELD.finditer(text):
            v = float(m.group(1))
            if 0 < v <= 90:
                found.append("field_le30" if v <= 30 else "field_gt30")
    if _may_weigh(text):
        for m in _GRAMS.finditer(text):
            v = float(m.group(1))
            if 100 <= v <= 3000:
                found.append("resection_ge500g" if v >= 500 else "resection_lt500g")
    if "bmi" in text or (chinese and "体重指数" in text):
        bmis = list(_BMI.finditer(text))
        if bmis:
            high, mid = (32.5, 27.5) if has_cjk(text) else (35.0, 30.0)
            comorbid = None  # searched for only when a BMI reaches a band where it counts
        for m in bmis:
            v = float(m.group(1))
            band = "high" if v >= high else ("mid" if v >= mid else "low")
            if band != "low" and comorbid is None:
                comorbid = any(not _NEGATED.search(text[max(0, c.start() - 12) : c.start()])
                               for c in _COMORBID.finditer(text))
            found.append(f"bmi_{band}_comorbid" if band != "low" and comorbid else f"bmi_{band}")
    if ("ms" in text or (chinese and "毫秒" in text)) and (
            "reflux" in text or (chinese and ("返流" in text or "反流" in text))):
        for m in _REFLUX.finditer(text):
            found.append("reflux_ge500ms" if _first_number(m) >= 500 else "reflux_lt500ms")
    if "mm" in text:
        if any(word in text for word in (_VEIN_WORDS if chinese else _VEIN_LATIN)):
            for m in _VEIN.finditer(text):
                v = float(m.group(1))
                if v < 30:
                    found.append("vein_ge4.5mm" if v >= 4.5 else "vein_lt4.5mm")
        if "oj" in text or "overjet" in text or (chinese and "覆盖" in text):
            for m in _OVERJET.finditer(text):
                v = float(m.group(2))
                if m.group(1):
                    v = -abs(v)
                found.append("overjet_outside" if v >= 5 or v <= 0 else "overjet_within")
    if (chinese and "每月" in text) or ("month" in text and _DAYS_PER_MONTH.search(text)):
        for m in _HEADACHE.finditer(text):
            v = _first_number(m)
            found.append("headache_ge15" if v >= 15 else "headache_lt15")
    return [PREFIX + t for t in dict.fromkeys(found)] if found else []


def readable(token: str, chinese: bool = False) -> str:
    """``m:field_le30`` -> ``visual field ≤ 30°`` (or the Chinese form)."""
    key = token[len(PREFIX) :] if token.startswith(PREFIX) else token
    forms = READABLE.get(key)
    return forms[1 if chinese else 0] if forms else key
