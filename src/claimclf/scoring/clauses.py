"""What each clause of a text gives scoring, worked out once per distinct clause and then only looked up.

Claims and notes repeat their clauses far more than whole texts. A clause (normalised text up to a
closing mark, :func:`claimclf.boilerplate.split_clauses`) gives the same tokens wherever it stands,
since no token runs across a closing mark, so its feature ids, content words and language votes
are its own; a text's are its kept clauses' put together, plus its measurements, which read the
whole text. ``tests/test_clauses.py`` checks this against reading each text whole.
"""

from __future__ import annotations

from itertools import chain, compress, repeat
from operator import is_, itemgetter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from claimclf.boilerplate import is_long_note, kept_text, split_clauses
from claimclf.decision import is_content_token
from claimclf.languages import VOTING, token_vote
from claimclf.scoring.wordgrams import Stream
from claimclf.text import TokenMemo

if TYPE_CHECKING:
    from claimclf.scoring.engine import Engine

MEMO_BYTES = 24 << 20  # memory the clauses' parts may take, per process
ENTRY_BYTES = 330  # an entry's size beyond its key, ids and votes: the objects' headers, the tuple, a dict slot
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
        parts = self._parts(list(chain.from_iterable(clauses for _, clauses in readings)))
        measured = self.engine.measured_ids
        out: list[Reading] = []
        end = 0
        for read, clauses in readings:
            start, end = end, end + len(clauses)
            found = parts[start:end]
            out.append(Reading(
                read,
                b"".join(map(_WORDS, found)) + measured(read),
                b"".join(map(_CHARS, found)),
                sum(map(_CONTENT, found)),
                tuple(chain.from_iterable(map(_VOTES, found))),
            ))
        return out

    def _parts(self, clauses: list[str]) -> list[tuple]:
        """Each clause's parts (the chunk's clauses end to end), those not seen before worked out together."""
        found = list(map(self.young.get, clauses))  # the common case, in C
        if None not in found:
            return found
        # The clauses not in the young generation, once each, in order; then those the old one holds.
        missing = list(dict.fromkeys(compress(clauses, map(is_, found, repeat(None)))))
        new = dict(zip(missing, map(self.old.get, missing), strict=True))
        todo = [clause for clause, part in new.items() if part is None]
        if todo:
            stream = Stream.of(todo)
            word_ids, char_ids = self.engine.clause_ids(todo, stream)
            content, votes = _content_and_votes(stream)
            new.update(zip(todo, zip(word_ids, char_ids, content, votes, strict=True), strict=True))
        if self._keep(new):  # every clause of the chunk is now in the young generation
            return list(map(self.young.get, clauses))
        return [new[c] if p is None else p for c, p in zip(clauses, found, strict=True)]

    def _keep(self, parts: dict[str, tuple]) -> bool:
        """Put ``parts`` in the young generation, which becomes the old one when it takes half the budget;
        whether the young generation kept what it held before."""
        # Bytes the entries take, about: the keys (ASCII or not), the id bytes, the votes, the tuples, dict slots.
        size = (2 * sum(map(len, parts)) + sum(map(len, map(_WORDS, parts.values())))
                + sum(map(len, map(_CHARS, parts.values()))) + 8 * sum(map(len, map(_VOTES, parts.values())))
                + ENTRY_BYTES * len(parts))
        if self.used + size <= self.budget // 2:
            self.young.update(parts)
            self.used += size
            return True
        for clause, part in parts.items():  # the young generation fills on the way: an entry at a time
            size = 2 * len(clause) + len(part[0]) + len(part[1]) + 8 * len(part[3]) + ENTRY_BYTES
            if self.used + size > self.budget // 2:
                self.old, self.young, self.used = self.young, {}, 0
            self.young[clause] = part
            self.used += size
        return False


_VOTE_NAMES = np.array([None, *VOTING], dtype=object)
_VOTE_CODE = {lang: k for k, lang in enumerate(_VOTE_NAMES.tolist())}
# What a token tells the doubt rules, in one number: whether it is content (bit 0), the language it votes for (above).
_FACTS = TokenMemo(lambda token: is_content_token(token) | _VOTE_CODE[token_vote(token)] << 1)


def _content_and_votes(stream: Stream) -> tuple[list[int], list[tuple[str, ...]]]:
    """Each clause's content tokens and its tokens' votes, in order, from one lookup per token."""
    facts = np.fromiter(map(_FACTS.__getitem__, stream.flat), dtype=np.int64, count=len(stream.flat))
    if not len(stream.tokens):
        return [], []
    content = np.add.reduceat(facts & 1, stream.starts[:-1]).tolist()
    voting = np.flatnonzero(facts >> 1)
    names = _VOTE_NAMES[facts[voting] >> 1].tolist()
    bounds = np.searchsorted(stream.owner[voting], np.arange(len(stream.tokens) + 1)).tolist()
    return content, [tuple(names[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
