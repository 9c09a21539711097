"""Word feature ids of a chunk's new clauses at once: n-grams and named reasons found by walking tries with numpy.

Tokens hold no space, so a vocabulary term splits into its tokens one way only, and the walk finds
exactly the terms the analyzer's joined n-grams would; reasons are matched as
:meth:`claimclf.lexicon.Lexicon.features` matches them. ``tests/test_wordgrams.py`` checks both
against the analyzer clause by clause.
"""

from __future__ import annotations

from functools import cached_property
from itertools import chain, compress, repeat
from typing import NamedTuple

import numpy as np

from claimclf.features import PREFIXES, SCOPE_OPENERS, WordAnalyzer, keeps
from claimclf.lexicon import ANY
from claimclf.text import BOUNDARY, TokenMemo, has_cjk, tokenize

UNKNOWN, SEPARATOR, DROPPED = -1, -2, -3  # a kept token no term holds; between parts; filtered out
_SEPARATE = (BOUNDARY,)
_NOT_A_TOKEN = frozenset({"", BOUNDARY})  # what no token is: a term holding one is never an n-gram
_EMPTY = np.zeros(0, dtype=np.int64)


class _Trie:
    """Token sequences as a trie of numbers: a node's child by a token is one lookup of ``node * base + token``.

    Walking every window of a token stream one token further is then one sorted-array search for the
    whole stream, exact for sequences of any length (no number grows with it).
    """

    def __init__(self, tokens: list[str], lengths: np.ndarray) -> None:
        """The trie of sequences given as their tokens end to end and the length of each (at least one)."""
        self.numbers = {t: i for i, t in enumerate(dict.fromkeys(tokens))}
        self.base = len(self.numbers) + 1
        numbers = np.fromiter(map(self.numbers.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        starts = np.cumsum(lengths) - lengths
        node = np.zeros(len(lengths), dtype=np.int64)
        keys, children = [_EMPTY], [_EMPTY]
        made = 1  # the root is node 0
        self.longest = int(lengths.max()) if len(lengths) else 0
        for depth in range(self.longest):  # one level of the trie at a time, every sequence at once
            active = np.flatnonzero(lengths > depth)
            key = node[active] * self.base + numbers[starts[active] + depth]
            distinct, which = np.unique(key, return_inverse=True)
            node[active] = made + which
            keys.append(distinct)
            children.append(np.arange(made, made + len(distinct), dtype=np.int64))
            made += len(distinct)
        # A parent's number is unique across levels, so every key is too.
        key, child = np.concatenate(keys), np.concatenate(children)
        order = np.argsort(key)
        self.keys, self.children = key[order], child[order]
        first = np.full(made, len(lengths), dtype=np.int64)
        np.minimum.at(first, node, np.arange(len(lengths), dtype=np.int64))  # of equal sequences, the first
        self.ending = np.where(first < len(lengths), first, -1)

    @classmethod
    def of(cls, sequences: list[tuple[str, ...]]) -> _Trie:
        lengths = np.fromiter(map(len, sequences), dtype=np.int64, count=len(sequences))
        return cls(list(chain.from_iterable(sequences)), lengths)

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
        self.trie = _Trie.of(sequences)
        features = self.features = [terms[s] for s in sequences]
        get = index.get
        self.ids = np.array([get(f, -1) for f in features], dtype=np.int64)
        self.any_ids = np.array([get(f.split("=", 1)[0] + "=" + ANY, -1) for f in features], dtype=np.int64)
        self.sizes = np.array(list(map(len, sequences)), dtype=np.int64)
        numbers = self.trie.numbers
        self.codes = TokenMemo(lambda t: numbers.get(t, UNKNOWN))

    def match(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where the reasons plain tokens name start, and which terms (their numbers here) they are; ``codes`` are
        the tokens' numbers (:attr:`codes`)."""
        trie = self.trie
        best = np.full(len(codes), -1, dtype=np.int64)  # the longest term starting at each token
        nodes = trie.start(codes)
        for size in range(1, min(trie.longest, len(codes)) + 1):
            nodes, at, term = trie.step(nodes, codes, size)
            best[at] = term  # longer sizes come later and win
            if not len(at) and not np.any(nodes >= 0):
                break
        starts = np.flatnonzero(best >= 0)
        terms = best[starts]
        if len(starts) > 1:
            ends = starts + self.sizes[terms]
            if bool(np.any(starts[1:] < ends[:-1])):  # overlaps: the earlier match takes its tokens
                taken, free_from = [], 0
                for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
                    taken.append(s >= free_from)
                    if taken[-1]:
                        free_from = e
                starts, terms = starts[taken], terms[taken]
        return starts, terms

    def scoped_ids(self, term: int, prefix: str, index: dict[str, int]) -> list[int]:
        """The ids of a reason named inside a scope (``prefix``), as :meth:`claimclf.lexicon.Lexicon.features`
        names it: the scope's prefix before the reason and before its kind."""
        feature = self.features[term]
        found = (index.get(prefix + feature), index.get(prefix + feature.split("=", 1)[0] + "=" + ANY))
        return [i for i in found if i is not None]


class WordGrams:
    """A word vocabulary as a trie of token numbers, with the analyzer whose features it counts."""

    def __init__(self, terms: list[str], index: dict[str, int], analyzer: WordAnalyzer) -> None:
        self.analyzer, self.index = analyzer, index
        self.n = analyzer.ngram_max
        # Every term's tokens end to end: one split of the terms joined, as many tokens per term as it has spaces + 1.
        tokens = " ".join(terms).split(" ") if terms else []
        lengths = np.fromiter(map(str.count, terms, repeat(" ")), dtype=np.int64, count=len(terms)) + 1
        odd = np.fromiter(map(_NOT_A_TOKEN.__contains__, tokens), dtype=np.int64, count=len(tokens))
        starts = np.cumsum(lengths) - lengths
        usable = (lengths <= self.n) & (np.add.reduceat(odd, starts) == 0 if len(terms) else True)
        self.trie = _Trie(list(compress(tokens, np.repeat(usable, lengths).tolist())), lengths[usable])
        self.ids = np.flatnonzero(usable)
        numbers = self.trie.numbers
        keep = keeps(analyzer.function_words, analyzer.stopwords)
        self.codes = TokenMemo(lambda t: SEPARATOR if t == BOUNDARY else numbers.get(t, UNKNOWN) if keep[t] else DROPPED)
        self._packed: dict[bool, TokenMemo] = {}

    @cached_property
    def _latin_reasons(self) -> _Reasons:
        return _Reasons(self.analyzer.lexicon.by_first_token(chinese=False), self.index)

    @cached_property
    def _all_reasons(self) -> _Reasons:
        return _Reasons(self.analyzer.lexicon.by_first_token(chinese=True), self.index)

    def _both_codes(self, chinese: bool) -> TokenMemo:
        """A token's n-gram number and its number among the reasons' tokens, packed in one number: one lookup a
        token instead of two."""
        memo = self._packed.get(chinese)
        if memo is None:
            reasons = (self._all_reasons if chinese else self._latin_reasons).codes
            codes = self.codes
            memo = self._packed[chinese] = TokenMemo(lambda t: (codes[t] - DROPPED) | (reasons[t] - UNKNOWN) << 32)
        return memo

    def clause_ids(self, clauses: list[str], stream: Stream | None = None) -> list[bytes]:
        """The word feature ids of each clause (normalised text between closing marks), int32 bytes, one per
        occurrence: the ids of the analyzer's features of its parts, in another order. ``stream`` is the
        clauses' :class:`Stream` when already made. Only the marking of scopes runs per clause."""
        analyzer, lexicon = self.analyzer, self.analyzer.lexicon
        stream = Stream.of(clauses) if stream is None else stream
        tokens, flat, owner, starts = stream
        if lexicon is not None:
            chinese = has_cjk("".join(clauses))
            packed = np.fromiter(map(self._both_codes(chinese).__getitem__, flat), dtype=np.int64, count=len(flat))
            codes, reason_codes = (packed & 0xFFFFFFFF) + DROPPED, (packed >> 32) + UNKNOWN
        else:
            codes = np.fromiter(map(self.codes.__getitem__, flat), dtype=np.int64, count=len(flat))
        found_owner: list[np.ndarray] = []
        found_ids: list[np.ndarray] = []
        scoped: list[int] = []
        if analyzer.negation:
            opens = SCOPE_OPENERS[analyzer.risk]
            scoped = [i for i, clause in enumerate(tokens) if not opens.isdisjoint(clause)]
        marked: dict[int, list[str]] = {}
        for i in scoped:  # a scope marks the tokens it covers: the analyzer's own code, clause by clause
            parts = [analyzer.marked(p) for p in analyzer.raw_clauses(clauses[i])]
            marked[i] = marked_in_place(tokens[i], parts)
            codes[starts[i] : starts[i] + len(marked[i])] = list(map(self.codes.__getitem__, marked[i]))
        if lexicon is not None:
            # Marking only prefixes tokens, so reasons start where they do in the plain tokens; one named inside
            # a scope takes the scope's prefix when all its tokens share it (the lexicon's rule).
            reasons = self._all_reasons if chinese else self._latin_reasons
            at, terms = reasons.match(reason_codes)
            who = owner[at]
            plain = np.ones(len(at), dtype=bool)
            if scoped:
                plain = ~np.isin(who, scoped)
                named, named_owner = [], []
                for k in np.flatnonzero(~plain).tolist():
                    i, term = int(who[k]), int(terms[k])
                    a = int(at[k] - starts[i])
                    scopes = {_scope_of(t) for t in marked[i][a : a + int(reasons.sizes[term])]}
                    ids = reasons.scoped_ids(term, scopes.pop() if len(scopes) == 1 else "", self.index)
                    named += ids
                    named_owner += [i] * len(ids)
                found_owner.append(np.array(named_owner, dtype=np.int64))
                found_ids.append(np.array(named, dtype=np.int64))
            ids = np.stack([reasons.ids[terms[plain]], reasons.any_ids[terms[plain]]], axis=1).ravel()
            known = ids >= 0
            found_owner.append(np.repeat(who[plain], 2)[known])
            found_ids.append(ids[known])
        kept = codes != DROPPED
        codes, kept_owner = codes[kept], owner[kept]
        nodes = self.trie.start(codes)
        for size in range(1, min(self.n, len(codes)) + 1):
            nodes, at, term = self.trie.step(nodes, codes, size)
            found_owner.append(kept_owner[at])
            found_ids.append(self.ids[term])
        return split_by_owner(found_owner, found_ids, len(clauses))


class Stream(NamedTuple):
    """Clauses' tokens laid end to end, a boundary after each: what the per-token lookups run over in C."""

    tokens: list[tuple[str, ...]]  # each clause's tokens
    flat: list[str]  # every clause's tokens and the boundary after it
    owner: np.ndarray  # the clause of each entry of ``flat``
    starts: np.ndarray  # where each clause starts in ``flat``, and the length of ``flat`` last

    @classmethod
    def of(cls, clauses: list[str]) -> Stream:
        tokens = list(map(tokenize, clauses))
        flat = list(chain.from_iterable(chain.from_iterable(zip(tokens, repeat(_SEPARATE)))))
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)) + 1
        starts = np.zeros(len(tokens) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        return cls(tokens, flat, np.repeat(np.arange(len(tokens), dtype=np.int64), lengths), starts)


def _scope_of(token: str) -> str:
    """The scope prefix a marked token carries, or ""."""
    for prefix in PREFIXES:
        if token.startswith(prefix):
            return prefix
    return ""


def marked_in_place(tokens: tuple[str, ...], parts: list[list[str]]) -> list[str]:
    """``tokens`` with each part between boundaries replaced by its marked form (``parts``, the non-empty
    parts in order, each as long as it was): the same length, boundaries where they were."""
    marked = iter(chain.from_iterable(parts))
    return [t if t == BOUNDARY else next(marked) for t in tokens]


def split_by_owner(owners: list[np.ndarray], ids: list[np.ndarray], n: int) -> list[bytes]:
    """Ids gathered with the clause each belongs to, as each clause's int32 bytes."""
    owner = np.concatenate(owners) if owners else _EMPTY
    order = np.argsort(owner, kind="stable")  # a few sorted runs: a merge sort joins them in a pass or two
    data = np.concatenate(ids)[order].astype(np.int32).tobytes()
    bounds = (np.searchsorted(owner[order], np.arange(n + 1)) * 4).tolist()
    return [data[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
