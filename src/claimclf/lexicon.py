"""Reasons a text names: conditions (disease, injury, anomaly, symptom, deficit) and appearance goals.

A bilingual lexicon (``resources/lexicon.tsv``, following the labelling rules' cues and procedure
table) turns each match into two features: the named reason (``cond=vitiligo``, read "condition:
vitiligo") and its kind (``cond=*``). The kind's weight is learnt from every condition the corpus
names, so a condition the corpus never mentions still counts as one. A model carries the lexicon
it was trained with, so editing the file never changes what a trained model reads.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from importlib import resources
from itertools import compress

from claimclf.text import has_cjk

RESOURCE = "lexicon.tsv"
PREFIX = {"condition": "cond=", "goal": "goal="}
READABLE = {"cond=": "condition", "goal=": "goal"}
ANY = "*"


class Lexicon:
    """Entries (kind, normalised term, canonical name); hashable by content, so analyses can be cached."""

    def __init__(self, entries) -> None:
        self.entries = tuple(tuple(e) for e in entries)
        for kind, _, _ in self.entries:
            if kind not in PREFIX:
                raise ValueError(f"lexicon kind {kind!r} is not one of {', '.join(PREFIX)}")
        self._hash = int(hashlib.sha256(repr(self.entries).encode("utf-8")).hexdigest()[:16], 16)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and self.entries == other.entries

    def __getstate__(self) -> dict:
        return {"entries": self.entries}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["entries"])

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _index(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """First token -> (token sequence, feature), longest sequences first."""
        return _build_index(self.entries)

    @cached_property
    def _latin_index(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """:attr:`_index` of the terms without Chinese, the only ones a clause without Chinese can hold: built
        without the segmenter, so English text never starts it."""
        return _build_index(e for e in self.entries if not has_cjk(e[1]))

    def _index_for(self, joined: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """The index to match tokens against, ``joined`` being the tokens joined."""
        return self._index if has_cjk(joined) else self._latin_index

    def by_first_token(self, chinese: bool) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """First token -> (token sequence, feature), longest first, of all entries or (``chinese`` false) of those
        without Chinese: what :meth:`features` matches text with and without Chinese against."""
        return self._index if chinese else self._latin_index

    def features(self, clause: list[str], prefixes: tuple[str, ...] = ("not:",)) -> list[str]:
        """The reason features of one clause of tokens; a reason inside a scope (negation, risk) carries its prefix."""
        joined = "".join(clause)
        index = self._index_for(joined)
        # No token holds a colon, so none carries a scope prefix (every prefix holds one): the usual case.
        unscoped = ":" not in joined and all(":" in p for p in prefixes)
        if unscoped and index.keys().isdisjoint(clause):  # most clauses name no reason
            return []

        def split(token: str) -> tuple[str, str]:
            if not token.startswith(prefixes):  # most tokens: one call in C instead of a loop
                return "", token
            for prefix in prefixes:
                if token.startswith(prefix):
                    return prefix, token[len(prefix):]
            return "", token

        if unscoped:
            scopes, base = ("",) * len(clause), tuple(clause)
        else:
            scopes, base = zip(*map(split, clause), strict=True) if clause else ((), ())
        base = tuple(base)
        found: list[str] = []
        i = 0  # where the next entry may start: a matched entry's tokens start no other
        for j in compress(range(len(base)), map(index.__contains__, base)):  # the tokens that start an entry
            if j < i:
                continue
            for tokens, feature in index[base[j]]:
                n = len(tokens)
                if base[j : j + n] == tokens:
                    inside = set(scopes[j : j + n])
                    prefix = inside.pop() if len(inside) == 1 else ""
                    found += [prefix + feature, prefix + feature.split("=", 1)[0] + "=" + ANY]
                    i = j + n
                    break
        return found

    def names_any(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """Whether plain (unscoped) ``tokens`` name any reason: :meth:`features` is non-empty, without building it."""
        index = self._index_for("".join(tokens))
        for i, token in enumerate(tokens):
            for terms, _ in index.get(token, ()):
                if tuple(tokens[i : i + len(terms)]) == terms:
                    return True
        return False


def _build_index(entries) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First token -> (token sequence, feature) of ``entries``, longest sequences first."""
    from claimclf.text import BOUNDARY, tokenize

    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, term, canonical in entries:
        tokens = tuple(t for t in tokenize(term) if t != BOUNDARY)
        if tokens:
            index.setdefault(tokens[0], []).append((tokens, PREFIX[kind] + canonical.replace(" ", "_")))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


def shipped() -> Lexicon:
    """The lexicon in ``resources/lexicon.tsv``."""
    text = (resources.files("claimclf") / "resources" / RESOURCE).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _lang, term, canonical = line.split("\t")[:4]
            entries.append((kind.strip(), term.strip(), canonical.strip()))
    return Lexicon(entries)


def readable(feature: str) -> str | None:
    """``cond=vitiligo`` -> ``condition: vitiligo``; ``goal=*`` -> ``a goal named``; None for other features."""
    for prefix, name in READABLE.items():
        if feature.startswith(prefix):
            value = feature[len(prefix) :]
            return f"a {name} named" if value == ANY else f"{name}: {value.replace('_', ' ')}"
    return None
