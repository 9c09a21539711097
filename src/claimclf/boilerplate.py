"""Boilerplate of long notes: clauses that only tell how a procedure was done (anaesthesia, prep, closure).

Such clauses say nothing about why the procedure is done, yet in a long note they outnumber the
few that do, so features skip them. A clause is boilerplate when it holds one of the markers in
``resources/boilerplate.txt`` and no reason the lexicon knows; only notes of :data:`LONG_NOTE`
characters or more are filtered, so a short claim or question always reads whole.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from functools import cached_property
from importlib import resources
from itertools import accumulate, compress

from claimclf.lexicon import Lexicon
from claimclf.text import CJK, normalize, tokenize

RESOURCE = "boilerplate.txt"
# Normalised characters, a Chinese character counting as three (about an English word with its space):
# one-line questions and most claims stay below, operative and admission notes are far above.
LONG_NOTE = 400
CLAUSE_MEMO = 50_000  # clauses whose verdict is kept: a few MB
NEW_CLAUSES_FOR_ONE_SCAN = 3  # one scan of the whole text when a third or more of its clauses are new
_CJK = re.compile(f"[{CJK}]")
_CJK_RUN = re.compile(f"[{CJK}]+")
# A clause runs to its closing marks (normalize turns 。 and ， into '.' and ','), as the word features'
# clauses do, with the marks and spaces after them; a point or comma inside a number ends nothing.
CLAUSE_END = r"(?:[;!?]|[.,](?!\d))[.,;!?]*\s*"
# The same, written so that the search skips to the next mark (one character class first): twice as fast.
_CLAUSE_SPLIT = re.compile(r"([.,;!?](?<![.,](?=\d))[.,;!?]*\s*)")
_CLOSING = re.compile(r"[.,;!?]")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")  # what may not touch a Latin marker


class Boilerplate:
    """Markers of procedural clauses and the lexicon that vouches for a reason; hashable by content.

    Called on raw text it normalises first, so a fitted vectorizer can use it as its preprocessor,
    and a model carries the markers it was trained with.
    """

    def __init__(self, markers, lexicon: Lexicon | None) -> None:
        self.markers = tuple(sorted(set(markers)))
        if any(_CLOSING.search(m) for m in self.markers):  # clauses are judged one at a time (strip)
            raise ValueError("a boilerplate marker may not hold a closing mark (. , ; ! ?)")
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
    def _latin(self) -> tuple[str, ...]:
        return tuple(sorted((m for m in self.markers if not _CJK.search(m)), key=len, reverse=True))

    @cached_property
    def _chinese(self) -> tuple[str, ...]:
        return tuple(sorted((m for m in self.markers if _CJK.search(m)), key=len, reverse=True))

    @cached_property
    def _pattern(self) -> re.Pattern:
        return _marker_pattern(self._latin, self._chinese)

    @cached_property
    def _order(self) -> tuple[tuple[str, bool], ...]:
        """Markers in the order :attr:`_pattern` tries them, each with whether it must stand as a whole word."""
        return tuple((m, True) for m in self._latin) + tuple((m, False) for m in self._chinese)

    @cached_property
    def _automaton(self):
        """Every marker in one Aho-Corasick automaton, each with its rank in :attr:`_order`, its length and
        whether it must stand as a whole word; None without markers."""
        if not self._order:
            return None
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for rank, (marker, whole_word) in enumerate(self._order):
            automaton.add_word(marker, (rank, len(marker), whole_word))
        automaton.make_automaton()
        return automaton

    def hits(self, text: str) -> list[tuple[int, int]]:
        """The spans :attr:`_pattern` matches in ``text``, from one pass of :attr:`_automaton` over it.

        The same spans as ``_pattern.finditer`` (at each place the first marker in the pattern's order
        that fits wins, and the search goes on after it), several times faster on a long note:
        a regular expression of 136 alternatives tries them at every place.
        """
        if self._automaton is None:
            return []
        found: dict[int, tuple[int, int]] = {}  # start -> (rank, end) of the first fitting marker there
        size = len(text)
        for last, (rank, length, whole_word) in self._automaton.iter(text):
            end = last + 1
            at = end - length
            if whole_word and not ((at == 0 or text[at - 1] not in _WORD_CHARS)
                                   and (end == size or text[end] not in _WORD_CHARS)):
                continue
            best = found.get(at)
            if best is None or rank < best[0]:
                found[at] = (rank, end)
        spans: list[tuple[int, int]] = []
        cursor = 0
        for start in sorted(found):
            if start >= cursor:
                cursor = found[start][1]
                spans.append((start, cursor))
        return spans

    def strip(self, norm: str, short_too: bool = False) -> str:
        """Normalised text without its boilerplate clauses; the text itself when short (unless ``short_too``)
        or when nothing else is left."""
        if not short_too and not is_long_note(norm):
            return norm
        pieces = split_clauses(norm)
        return kept_text(norm, pieces, self.dropped(norm, pieces))[0]

    def dropped(self, norm: str, pieces: list[str]) -> list[bool]:
        """Whether each clause of ``norm`` (``pieces``, from :func:`split_clauses`) is boilerplate."""
        dropped = list(map(self._dropped.get, pieces[::2]))  # notes repeat their procedural clauses: each is judged once
        if None in dropped:
            self._judge(norm, pieces, dropped)
        return dropped

    def _judge(self, norm: str, pieces: list[str], dropped: list[bool | None]) -> None:
        """Fill in ``dropped`` for the clauses not judged before, and remember them.

        No marker holds a closing mark, so every match lies inside one clause and sees the same
        neighbours as in the clause alone: a clause is boilerplate by itself, wherever it stands, and
        one scan of the whole text or a scan of each new clause finds the same markers.
        """
        inside: dict[int, list[tuple[int, int]]] = {}
        if dropped.count(None) * NEW_CLAUSES_FOR_ONE_SCAN > len(dropped):
            starts = [0, *accumulate(map(len, pieces))][::2]  # where each clause starts
            for a, b in self.hits(norm):
                k = bisect_right(starts, a) - 1
                inside.setdefault(k, []).append((a - starts[k], b - starts[k]))
        else:  # a few new clauses among known ones: a scan of each costs less than one of the whole text
            for k, known in enumerate(dropped):
                if known is None:
                    inside[k] = self.hits(pieces[2 * k])
        memo = self._dropped
        if len(memo) > CLAUSE_MEMO:
            memo.clear()
        for k, known in enumerate(dropped):
            if known is None:
                clause = pieces[2 * k]
                found = inside.get(k)
                dropped[k] = memo[clause] = bool(found) and not self._names_reason(clause, 0, len(clause), found)

    @cached_property
    def _dropped(self) -> dict[str, bool]:
        """Whether a clause (without its closing marks) is boilerplate, by the clause."""
        return {}

    def _names_reason(self, text: str, start: int, end: int, hits: list[tuple[int, int]]) -> bool:
        """Whether ``text[start:end]`` names a lexicon reason once its marker ``hits`` are cut out: "closed in
        layers" and 术中出血少 name none (出血 is the marker's own word), "ptosis repaired under local
        anaesthesia" does."""
        if self.lexicon is None:
            return False
        parts, at = [], start
        for a, b in hits:  # a boundary where the marker was: no reason spans it
            parts += [text[at:a], " . "]
            at = b
        parts.append(text[at:end])
        return self.lexicon.names_any(tokenize("".join(parts)))


def is_long_note(norm: str) -> bool:
    """Whether normalised text reaches :data:`LONG_NOTE`, a Chinese character counting as three."""
    if len(norm) >= LONG_NOTE:
        return True
    # No character counts more than three, nor more than its UTF-8 bytes: both spare the count on most claims.
    if len(norm) * 3 < LONG_NOTE or len(norm.encode("utf-8", "surrogatepass")) < LONG_NOTE:
        return False
    return len(norm) + 2 * sum(map(len, _CJK_RUN.findall(norm))) >= LONG_NOTE


def kept_text(norm: str, pieces: list[str], dropped: list[bool]) -> tuple[str, list[bool] | None]:
    """``norm`` (as ``pieces``) without its ``dropped`` clauses, and which clauses that keeps (None: all of
    them, ``norm`` itself, as when nothing but boilerplate would be left)."""
    if not any(dropped):
        return norm, None
    pieces = list(pieces)
    for k in compress(range(len(dropped)), dropped):
        pieces[2 * k] = ""
        if 2 * k + 1 < len(pieces):
            pieces[2 * k + 1] = ""
    rest = "".join(pieces)
    if not rest.strip(" .;!?"):  # nothing but boilerplate: read whole
        return norm, None
    return rest.strip(), [not d for d in dropped]


def split_clauses(norm: str) -> list[str]:
    """``norm`` as clause, its closing run, clause, ..., the last clause (maybe empty). A closing run is a
    closing mark (a point or comma not before a digit) with the marks and spaces that follow it."""
    return _CLAUSE_SPLIT.split(norm)


def _marker_pattern(latin: tuple[str, ...], chinese: tuple[str, ...]) -> re.Pattern:
    """Latin markers as whole words, then Chinese ones, each group longest first (the first that matches wins)."""
    parts = []
    if latin:
        parts.append(r"(?<![a-z0-9\-])(?:" + "|".join(map(re.escape, latin)) + r")(?![a-z0-9\-])")
    if chinese:
        parts.append("|".join(map(re.escape, chinese)))
    return re.compile("|".join(parts) or r"(?!x)x")


def shipped_markers() -> tuple[str, ...]:
    """The markers in ``resources/boilerplate.txt`` (one per line, already normalised; ``#`` starts a comment)."""
    text = (resources.files("claimclf") / "resources" / RESOURCE).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
