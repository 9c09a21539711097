"""The vocabulary the procedure modules use to describe claims.

A :class:`Procedure` holds the ways a procedure is named and a list of
:class:`Scenario` objects. A scenario is one clinical situation with one label:
an ordered list of clause templates (see :mod:`claimclf.corpus.template`). A
clause starting with ``!`` always stays; other clauses may be dropped or
reordered by the generator, so every clause that is not marked ``!`` must be
safe to drop without changing the label.

A scenario's id (:meth:`Scenario.id_in`) is a hash of its content, so it does not
change when other scenarios are added, removed or reordered; editing a scenario
gives it a new id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property

LABELS = ("therapeutic", "cosmetic")
SLICES = ("clear", "negation", "keyword_trap", "threshold")
LANGS = ("en", "zh")
# "question": a short question a patient types into a search box or forum (cost, recovery, risks,
# "can it be treated"), rendered without any claim framing.
VOICES = ("clinical", "patient", "question")


@dataclass(frozen=True)
class Scenario:
    label: str
    slice: str
    lang: str
    voice: str
    parts: tuple[str, ...]
    slots: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"label {self.label!r} not in {LABELS}")
        if self.slice not in SLICES:
            raise ValueError(f"slice {self.slice!r} not in {SLICES}")
        if self.lang not in LANGS:
            raise ValueError(f"lang {self.lang!r} not in {LANGS}")
        if self.voice not in VOICES:
            raise ValueError(f"voice {self.voice!r} not in {VOICES}")
        if not self.parts:
            raise ValueError("a scenario needs at least one clause")

    @cached_property
    def digest(self) -> str:
        """8 hex digits of a sha256 of everything that defines the scenario (not of its place in a list)."""
        content = [self.lang, self.label, self.slice, self.voice, list(self.parts),
                   [[k, list(v)] for k, v in self.slots]]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()[:8]

    def id_in(self, procedure_key: str) -> str:
        """The stable scenario id: ``<procedure key>/<lang>-<label>-<slice>-<digest>``."""
        return f"{procedure_key}/{self.lang}-{self.label}-{self.slice}-{self.digest}"


@dataclass(frozen=True)
class Procedure:
    key: str
    names_en: tuple[str, ...]
    names_zh: tuple[str, ...]
    codes: tuple[str, ...] = ()
    presumed_cosmetic: bool = False
    scenarios: tuple[Scenario, ...] = field(default_factory=tuple)
    # Chinese term -> English alternatives used when writing code-switched text.
    codeswitch: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Where on the body the procedure is done (see ``registers.SITES``): picks the technique, anaesthesia and
    # dressing sentences of a long note, the same for both labels. "" falls back to generic wording.
    site: str = ""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for s in self.scenarios:
            if s.digest in seen:
                raise ValueError(f"{self.key}: two scenarios have the id {s.id_in(self.key)} (identical?); remove one")
            seen.add(s.digest)


def _scenario(lang: str, label: str, slice_: str, parts: tuple[str, ...], voice: str, slots: dict | None) -> Scenario:
    frozen_slots = tuple((k, tuple(v)) for k, v in (slots or {}).items())
    return Scenario(label=label, slice=slice_, lang=lang, voice=voice, parts=tuple(parts), slots=frozen_slots)


def en(label: str, slice_: str, *parts: str, voice: str = "clinical", slots: dict | None = None) -> Scenario:
    """An English scenario."""
    return _scenario("en", label, slice_, parts, voice, slots)


def zh(label: str, slice_: str, *parts: str, voice: str = "clinical", slots: dict | None = None) -> Scenario:
    """A Chinese scenario (also the source of code-switched rows)."""
    return _scenario("zh", label, slice_, parts, voice, slots)


def qen(label: str, slice_: str, *parts: str, slots: dict | None = None) -> Scenario:
    """An English question (``voice="question"``): a short forum-style question, no claim framing.

    Usually a topic clause that carries the reason and an ask clause from the shared ``<ask_*>`` slots
    (``registers.QUESTION_ASKS``: cost, recovery, risk, where, fix, age, pain, result, care, any), so
    that both labels ask in the same words; mark both ``!``.
    """
    return _scenario("en", label, slice_, parts, "question", slots)


def qzh(label: str, slice_: str, *parts: str, slots: dict | None = None) -> Scenario:
    """A Chinese question (``voice="question"``), 5 to 30 characters: a topic and an ``<ask_*>`` clause, as :func:`qen`."""
    return _scenario("zh", label, slice_, parts, "question", slots)


def procedure(
    key: str,
    names_en: list[str] | tuple[str, ...],
    names_zh: list[str] | tuple[str, ...],
    scenarios: list[Scenario],
    codes: list[str] | tuple[str, ...] = (),
    presumed_cosmetic: bool = False,
    codeswitch: dict[str, list[str]] | None = None,
    site: str = "",
) -> Procedure:
    return Procedure(
        key=key,
        names_en=tuple(names_en),
        names_zh=tuple(names_zh),
        codes=tuple(codes),
        presumed_cosmetic=presumed_cosmetic,
        scenarios=tuple(scenarios),
        codeswitch=tuple((k, tuple(v)) for k, v in (codeswitch or {}).items()),
        site=site,
    )
