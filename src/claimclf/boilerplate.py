"""Boilerplate of long notes: clauses that only tell how a procedure was done (anaesthesia, prep, closure).

Such clauses say nothing about why the procedure is done, yet in a long note they outnumber the
few that do, so features skip them. A clause is boilerplate when it holds one of the markers in
``resources/boilerplate.txt`` and no reason the lexicon knows; only notes of :data:`LONG_NOTE`
characters or more are filtered, so a short claim or question always reads whole.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from importlib import resources

from claimclf.lexicon import Lexicon
from claimclf.text import CJK, normalize, tokenize

RESOURCE = "boilerplate.txt"
# Normalised characters, a Chinese character counting as three (about an English word with its space):
# one-line questions and most claims stay below, operative and admission notes are far above.
LONG_NOTE = 400
# A clause runs to its closing marks (normalize turns 。 and ， into '.' and ','), as the word features'
# clauses do; a point or comma inside a number ends nothing.
_CLAUSE = re.compile(r"(?:[^.,;!?]|[.,](?=\d))+[.,;!?]*\s*|[.,;!?]+\s*")
_CJK = re.compile(f"[{CJK}]")


class Boilerplate:
    """Markers of procedural clauses and the lexicon that vouches for a reason; hashable by content.

    Called on raw text it normalises first, so a fitted vectorizer can use it as its preprocessor,
    and a model carries the markers it was trained with.
    """

    def __init__(self, markers, lexicon: Lexicon | None) -> None:
        self.markers = tuple(sorted(set(markers)))
        self.lexicon = lexicon
        self._hash = int(hashlib.sha256(repr((self.markers, hash(lexicon))).encode("utf-8")).hexdigest()[:16], 16)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Boilerplate) and self.markers == other.markers and self.lexicon == other.lexicon

    def __getstate__(self) -> dict:
        return {"markers": self.markers, "lexicon": self.lexicon}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["markers"], state["lexicon"])

    def __repr__(self) -> str:
        return f"Boilerplate({len(self.markers)} markers)"

    def __call__(self, text: object) -> str:
        return self.strip(normalize(text))

    @cached_property
    def _pattern(self) -> re.Pattern:
        latin = sorted((m for m in self.markers if not _CJK.search(m)), key=len, reverse=True)
        chinese = sorted((m for m in self.markers if _CJK.search(m)), key=len, reverse=True)
        parts = []
        if latin:
            parts.append(r"(?<![a-z0-9\-])(?:" + "|".join(map(re.escape, latin)) + r")(?![a-z0-9\-])")
        if chinese:
            parts.append("|".join(map(re.escape, chinese)))
        return re.compile("|".join(parts) or r"(?!x)x")

    def strip(self, norm: str, short_too: bool = False) -> str:
        """Normalised text without its boilerplate clauses; the text itself when short (unless ``short_too``)
        or when nothing else is left."""
        if not short_too and (len(norm) * 3 < LONG_NOTE or len(norm) + 2 * len(_CJK.findall(norm)) < LONG_NOTE):
            return norm  # the first test spares the count on most claims: no character counts more than three
        if self._pattern.search(norm) is None:
            return norm
        spans = _CLAUSE.findall(norm)
        kept = [s for s in spans if not self.is_boilerplate(s)]
        if len(kept) == len(spans) or not any(s.strip(" .;!?") for s in kept):
            return norm
        return "".join(kept).strip()

    def is_boilerplate(self, clause: str) -> bool:
        """A marker and no reason named outside it: "closed in layers" and 术中出血少 go (出血 is the
        marker's own word), "ptosis repaired under local anaesthesia" stays."""
        rest = self._pattern.sub(" . ", clause)  # a boundary where the marker was: no reason spans it
        if rest == clause:
            return False
        if self.lexicon is None:
            return True
        return not self.lexicon.features(list(tokenize(rest)))


def shipped_markers() -> tuple[str, ...]:
    """The markers in ``resources/boilerplate.txt`` (one per line, already normalised; ``#`` starts a comment)."""
    text = (resources.files("claimclf") / "resources" / RESOURCE).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
