"""What each clause of a text gives scoring, worked out once per distinct clause and then only looked up.

Claims and notes repeat their clauses far more than whole texts. A clause (normalised text up to a
closing mark, :func:`claimclf.boilerplate.split_clauses`) gives the same tokens wherever it stands,
since no token runs across a closing mark, so its feature ids, content words and language votes
are its own; a text's are its kept clauses' put together, plus its measurements, which read the
whole text. ``tests/test_clauses.py`` checks this against reading each text whole.
"""

from __future__ import annotations

import sys
from itertools import chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from claimclf.boilerplate import is_long_note, kept_text, split_clauses
from claimclf.decision import content_flags
from claimclf.languages import each_tokens_vote
from claimclf.scoring.wordgrams import Stream

if TYPE_CHECKING:
    from claimclf.scoring.engine import Engine

MEMO_BYTES = 24 << 20  # memory the clauses' parts may take, per process
_sizeof = sys.getsizeof
_WORDS, _CHARS, _CONTENT, _VOTES = (itemgetter(k) for k in range(4))


class Reading(NamedTuple):
    """What the model and the doubt rules read of one normalised text."""

    read: str  # the text without its boilerplate (the text itself when nothing is left out)
    word_ids: bytes  # word feature ids, int32, one per occurrence, measurements included
    char_ids: bytes  # character n-gram ids, int32, one per occurrence
    content: int  # content tokens, not capped
    votes: tuple[str, ...]  # the languages its Latin words vote for, in order


class Clauses:
    """Each distinct clause's parts (word ids, character ids, content tokens, votes), bounded by memory.

    Entries go into a young generation; when it takes half the budget it becomes the old one and
    the previous old one is dropped; a hit in the old generation moves the entry back.
    """

    def __init__(self, engine: Engine, budget: int = MEMO_BYTES) -> None:
        if not engine.by_clause:
            raise ValueError("this model's character n-grams read across clauses: score whole texts")
        self.engine = engine
        self.budget = budget
        self.young: dict[str, tuple] = {}
        self.old: dict[str, tuple] = {}
        self.used = 0

    def __len__(self) -> int:
        return len(self.young) + len(self.old)

    def read(self, norms: list[str]) -> list[Reading]:
        """The reading of each normalised text, in order."""
        boilerplate = self.engine.words.boilerplate
        readings: list[tuple[str, list[str]]] = []
        for norm in norms:
            pieces = split_clauses(norm)
            keep = None
            read = norm
            if boilerplate is not None and is_long_note(norm):
                read, keep = kept_text(norm, pieces, boilerplate.dropped(norm, pieces))
            clauses = pieces[::2]
            readings.append((read, clauses if keep is None else list(compress(clauses, keep))))
        parts = self._parts([clauses for _, clauses in readings])
        measured = self.engine.measured_ids
        out: list[Reading] = []
        for (read, _), found in zip(readings, parts, strict=True):
            out.append(Reading(
                read,
                b"".join(map(_WORDS, found)) + measured(read),
                b"".join(map(_CHARS, found)),
                sum(map(_CONTENT, found)),
                tuple(chain.from_iterable(map(_VOTES, found))),
            ))
        return out

    def _parts(self, texts: list[list[str]]) -> list[list[tuple]]:
        """Each text's clauses' parts, the clauses not seen before worked out together."""
        young = self.young
        found = [list(map(young.get, clauses)) for clauses in texts]  # the common case, in C
        new: dict[str, tuple | None] = {}
        for clauses, parts in zip(texts, found, strict=True):
            if None in parts:
                for clause, part in zip(clauses, parts, strict=True):
                    if part is None and clause not in new:
                        new[clause] = self._from_old(clause)
        todo = [clause for clause, part in new.items() if part is None]
        if todo:
            stream = Stream.of(todo)
            word_ids, char_ids = self.engine.clause_ids(todo, stream)
            content, votes = stream.sums(content_flags(stream.flat)), stream.picks(each_tokens_vote(stream.flat))
            put = self._put
            for part in zip(todo, word_ids, char_ids, content, votes, strict=True):
                new[part[0]] = put(part[0], part[1:])
        if new:
            for clauses, parts in zip(texts, found, strict=True):
                if None in parts:
                    parts[:] = [new[c] if p is None else p for c, p in zip(clauses, parts, strict=True)]
        return found

    def _from_old(self, clause: str) -> tuple | None:
        part = self.old.get(clause)
        return self._put(clause, part) if part is not None else None

    def _put(self, clause: str, part: tuple) -> tuple:
        # Bytes the entry takes, about: the key, the id bytes, the votes, the tuple and a dict slot.
        size = _sizeof(clause) + _sizeof(part[0]) + _sizeof(part[1]) + _sizeof(part[3]) + 160
        if self.used + size > self.budget // 2:
            self.old, self.young, self.used = self.young, {}, 0
        self.young[clause] = part
        self.used += size
        return part
