"""Word feature ids of many clauses at once: tokens as numbers, each n-gram and each named reason one number.

Each token of the word vocabulary's terms gets a number, and the terms' token sequences make a
trie whose steps are found by one sorted-array search for a whole stream. Tokens hold no space, so
a term splits into its tokens one way only, and the walk finds exactly the terms joining an
n-gram's tokens would: equal by construction. The lexicon's terms make a trie too, matched as
:meth:`claimclf.lexicon.Lexicon.features` does (longest term first at each token, matches never overlapping). Only clauses that open a
negation or risk scope go through the analyzer in Python; ``tests/test_wordgrams.py`` checks the
result against the analyzer clause by clause.
"""

from __future__ import annotations

from functools import cached_property
from itertools import chain, repeat

import numpy as np

from claimclf.features import PREFIXES, SCOPE_OPENERS, WordAnalyzer, keeps
from claimclf.lexicon import ANY
from claimclf.text import BOUNDARY, TokenMemo, has_cjk, tokenize

UNKNOWN, SEPARATOR, DROPPED = -1, -2, -3  # a kept token no term holds; between parts; filtered out
_SEPARATE = (BOUNDARY,)
_EMPTY = np.zeros(0, dtype=np.int64)


class _Trie:
    """Token sequences as a trie of numbers: a node's child by a token is one lookup of ``node * base + token``.

    Walking every window of a token stream one token further is then one sorted-array search for the
    whole stream, exact for sequences of any length (no number grows with it).
    """

    def __init__(self, sequences: list[tuple[str, ...]]) -> None:
        self.numbers: dict[str, int] = {}
        for s in sequences:
            for t in s:
                self.numbers.setdefault(t, len(self.numbers))
        self.base = len(self.numbers) + 1
        children: dict[int, int] = {}
        ends: dict[int, int] = {}  # node -> the first sequence ending there
        for rank, s in enumerate(sequences):
            node = 0
            for t in s:
                node = children.setdefault(node * self.base + self.numbers[t], len(children) + 1)
            ends.setdefault(node, rank)
        self.keys = np.array(sorted(children), dtype=np.int64)
        self.children = np.array([children[k] for k in self.keys.tolist()], dtype=np.int64)
        self.ending = np.full(len(children) + 1, -1, dtype=np.int64)
        self.ending[list(ends)] = list(ends.values())
        self.longest = max(map(len, sequences), default=0)

    def start(self, codes: np.ndarray) -> np.ndarray:
        """The node of every position before any token is read: the root where the token is one the trie
        holds, -1 elsewhere."""
        return np.where(codes >= 0, 0, -1)

    def step(self, nodes: np.ndarray, codes: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nodes of windows of ``size`` tokens from those of ``size - 1`` tokens; the windows that spell
        a whole sequence (their positions and the sequences' numbers)."""
        end = len(codes) - size + 1
        token = codes[size - 1 :]
        at = np.flatnonzero((nodes[:end] >= 0) & (token >= 0))
        key = nodes[at] * self.base + token[at]
        slot = np.minimum(np.searchsorted(self.keys, key), max(0, len(self.keys) - 1))
        hit = self.keys[slot] == key if len(self.keys) else np.zeros(len(at), dtype=bool)
        at, child = at[hit], self.children[slot[hit]]
        nodes = np.full(end, -1, dtype=np.int64)
        nodes[at] = child
        whole = self.ending[child]
        done = whole >= 0
        return nodes, at[done], whole[done]


class _Reasons:
    """A lexicon's terms (all, or those without Chinese) as spelt numbers, each with its two feature ids."""

    def __init__(self, by_first: dict[str, list[tuple[tuple[str, ...], str]]], index: dict[str, int]) -> None:
        terms: dict[tuple[str, ...], str] = {}
        for candidates in by_first.values():
            for tokens, feature in candidates:
                terms.setdefault(tokens, feature)  # of terms with the same tokens, the first listed is matched
        sequences = list(terms)
        self.trie = _Trie(sequences)
        features = [terms[s] for s in sequences]
        get = index.get
        self.ids = np.array([get(f, -1) for f in features], dtype=np.int64)
        self.any_ids = np.array([get(f.split("=", 1)[0] + "=" + ANY, -1) for f in features], dtype=np.int64)
        self.sizes = np.array(list(map(len, sequences)), dtype=np.int64)
        numbers = self.trie.numbers
        self.codes = TokenMemo(lambda t: numbers.get(t, UNKNOWN))

    def match(self, tokens: list[str], owner: np.ndarray, skip: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """(owner, feature id) of the reasons unscoped ``tokens`` name, owners ``skip`` left out."""
        trie = self.trie
        codes = np.fromiter(map(self.codes.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        if skip is not None:
            codes[skip] = UNKNOWN
        best = np.full(len(codes), -1, dtype=np.int64)  # the longest term starting at each token
        nodes = trie.start(codes)
        for size in range(1, min(trie.longest, len(codes)) + 1):
            nodes, at, term = trie.step(nodes, codes, size)
            best[at] = term  # longer sizes come later and win
            if not len(at) and not np.any(nodes >= 0):
                break
        starts = np.flatnonzero(best >= 0)
        if not len(starts):
            return _EMPTY, _EMPTY
        ranks = best[starts]
        ends = starts + self.sizes[ranks]
        if len(starts) > 1 and bool(np.any(starts[1:] < ends[:-1])):  # overlaps: the earlier match takes its tokens
            taken, free_from = [], 0
            for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
                taken.append(s >= free_from)
                if taken[-1]:
                    free_from = e
            ranks, starts = ranks[taken], starts[taken]
        who = owner[starts]
        ids = np.stack([self.ids[ranks], self.any_ids[ranks]], axis=1).ravel()
        who = np.repeat(who, 2)
        known = ids >= 0
        return who[known], ids[known]


class WordGrams:
    """A word vocabulary as spelt n-gram numbers, with the analyzer whose features it counts."""

    def __init__(self, terms: list[str], index: dict[str, int], analyzer: WordAnalyzer) -> None:
        self.analyzer, self.index = analyzer, index
        self.n = analyzer.ngram_max
        grams = [(tuple(term.split(" ")), term_id) for term_id, term in enumerate(terms)]
        grams = [(tokens, term_id) for tokens, term_id in grams
                 if len(tokens) <= self.n and "" not in tokens and BOUNDARY not in tokens]
        self.trie = _Trie([tokens for tokens, _ in grams])
        self.ids = np.array([term_id for _, term_id in grams], dtype=np.int64)
        numbers = self.trie.numbers
        keep = keeps(analyzer.function_words, analyzer.stopwords)
        self.codes = TokenMemo(lambda t: SEPARATOR if t == BOUNDARY else numbers.get(t, UNKNOWN) if keep[t] else DROPPED)

    @cached_property
    def _latin_reasons(self) -> _Reasons:
        return _Reasons(self.analyzer.lexicon.by_first_token(chinese=False), self.index)

    @cached_property
    def _all_reasons(self) -> _Reasons:
        return _Reasons(self.analyzer.lexicon.by_first_token(chinese=True), self.index)

    def clause_ids(self, clauses: list[str]) -> list[bytes]:
        """The word feature ids of each clause (normalised text between closing marks), int32 bytes, one per
        occurrence: what :meth:`claimclf.scoring.engine._WordBlock.clause_ids_of_new` gives, in another order."""
        analyzer, lexicon = self.analyzer, self.analyzer.lexicon
        streams = list(map(tokenize, clauses))
        found_owner: list[np.ndarray] = []
        found_ids: list[np.ndarray] = []
        scoped: list[int] = []
        if analyzer.negation:
            opens = SCOPE_OPENERS[analyzer.risk]
            scoped = [i for i, tokens in enumerate(streams) if not opens.isdisjoint(tokens)]
        extra: list[int] = []
        for i in scoped:  # a scope marks the tokens it covers: the analyzer's own code, clause by clause
            parts = [analyzer.marked(p) for p in analyzer.raw_clauses(clauses[i])]
            streams[i] = tuple(chain.from_iterable(chain.from_iterable(zip(parts, repeat(_SEPARATE)))))
            if lexicon is not None:
                named = [t for p in parts for t in map(self.index.get, lexicon.features(p, PREFIXES)) if t is not None]
                extra += named
                found_owner.append(np.full(len(named), i, dtype=np.int64))
        found_ids.append(np.array(extra, dtype=np.int64))
        lengths = np.fromiter(map(len, streams), dtype=np.int64, count=len(streams)) + 1
        flat = list(chain.from_iterable(chain.from_iterable(zip(streams, repeat(_SEPARATE)))))
        owner = np.repeat(np.arange(len(streams), dtype=np.int64), lengths)
        if lexicon is not None:
            reasons = self._all_reasons if has_cjk("".join(clauses)) else self._latin_reasons
            skip = np.isin(owner, scoped) if scoped else None
            who, ids = reasons.match(flat, owner, skip)
            found_owner.append(who)
            found_ids.append(ids)
        codes = np.fromiter(map(self.codes.__getitem__, flat), dtype=np.int64, count=len(flat))
        kept = codes != DROPPED
        codes, owner = codes[kept], owner[kept]
        nodes = self.trie.start(codes)
        for size in range(1, min(self.n, len(codes)) + 1):
            nodes, at, term = self.trie.step(nodes, codes, size)
            found_owner.append(owner[at])
            found_ids.append(self.ids[term])
        owners = np.concatenate(found_owner) if found_owner else _EMPTY
        order = np.argsort(owners, kind="stable")
        data = np.concatenate(found_ids)[order].astype(np.int32).tobytes()
        bounds = np.searchsorted(owners[order], np.arange(len(clauses) + 1)) * 4
        return [data[a:b] for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)]
