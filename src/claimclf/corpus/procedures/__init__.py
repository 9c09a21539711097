"""Procedure modules, grouped by body region; each exports ``PROCEDURES``."""

from __future__ import annotations

import importlib

from claimclf.corpus.spec import Procedure

MODULES = ("eyelid", "nose_ear_face", "breast", "body", "scars_lesions", "skin_laser", "hair", "injectables", "other",
           "skin_rejuvenation", "acne", "skin_conditions", "tattoo_piercing", "dental", "weight_height", "eye_nose",
           "hernia_foreskin_axilla")


def all_procedures() -> list[Procedure]:
    """Every procedure, in a fixed order (the generator's determinism depends on it)."""
    procedures: list[Procedure] = []
    for name in MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        procedures.extend(module.PROCEDURES)
    keys = [p.key for p in procedures]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"procedure keys defined twice: {duplicates}")
    return procedures
