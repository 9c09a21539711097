"""Which language a text's Latin-script words are in, from wordfreq's general word-frequency lists.

claimclf reads English and Chinese. Whether a Latin-script text is English is judged against a
general vocabulary of each language, never against the model's training vocabulary, which a
generated corpus keeps small: real clinical English is full of words the corpus never used.
Each word votes for the language in which it is most frequent; words no list knows (drug
names, Latin anatomy, typos) do not vote.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from claimclf.text import TokenMemo

# Latin-script languages claims are most often mistaken for English in; English must win the vote.
OTHERS = ("fr", "es", "de", "it", "pt", "nl", "id", "tr", "pl")
NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch", "id": "Indonesian", "tr": "Turkish", "pl": "Polish"}
MIN_VOTES = 3
MIN_LENGTH = 3  # "pt", "c/o", "s/p": abbreviations and letters vote for no language
ENGLISH_MARGIN = 50  # English keeps a word unless another language uses it 10^0.5 times more often
_lock = threading.Lock()
_ranks: dict[str, dict[str, int]] = {}


def _data_dir() -> str:
    """wordfreq's data folder, found without importing wordfreq (its import takes a second)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.origin:
        raise ImportError("wordfreq is not installed")
    return os.path.join(os.path.dirname(spec.origin), "data")


def _load(lang: str) -> dict[str, int]:
    """word -> frequency bin (0 = most frequent) of wordfreq's small list for ``lang``: about 30,000 words."""
    import msgpack

    with gzip.open(os.path.join(_data_dir(), f"small_{lang}.msgpack.gz"), "rb") as fh:
        packed = msgpack.load(fh, raw=False)
    header, bins = packed[0], packed[1:]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"wordfreq's list for {lang} is not in the expected format")
    return {word: i for i, words in enumerate(bins) for word in words}


def ranks() -> dict[str, dict[str, int]]:
    """The word lists of English and :data:`OTHERS`, loaded once per process (about 0.1 s)."""
    if not _ranks:
        with _lock:
            if not _ranks:
                loaded = {lang: _load(lang) for lang in ("en", *OTHERS)}
                _ranks.update(loaded)
    return _ranks


def latin_language(words: Iterable[str], vote: Callable[[str], str | None] | None = None) -> tuple[str, int, int]:
    """(the language most words vote for, its votes, English votes) for lower-case Latin-script words."""
    return _top(Counter(map(vote or _vote, words)))  # counted in C; first-seen order kept, as ties are broken by it


def _top(votes: Counter) -> tuple[str, int, int]:
    votes.pop(None, None)
    if not votes:
        return "en", 0, 0
    top = max(votes, key=lambda lang: (votes[lang], lang == "en"))
    return top, votes[top], votes.get("en", 0)


@lru_cache(maxsize=100_000)
def _vote(word: str) -> str | None:
    """The language one word votes for, or None: cached, since claims reuse a small vocabulary."""
    if len(word) < MIN_LENGTH:
        return None
    lists = ranks()
    en_bin = lists["en"].get(word)
    best, best_bin = ("en", en_bin - ENGLISH_MARGIN) if en_bin is not None else (None, None)
    for lang in OTHERS:
        b = lists[lang].get(word)
        if b is not None and (best_bin is None or b < best_bin):
            best, best_bin = lang, b
    return best


def _token_vote(token: str) -> str | None:
    """The vote of any token: only Latin-script words vote."""
    return _vote(token) if token.isascii() and token.isalpha() else None


_TOKEN_VOTES = TokenMemo(_token_vote)


def other_language_of_tokens(tokens: Iterable[str]) -> str:
    """:func:`other_language` of a token stream, its Latin-script words picked out in the same pass."""
    return other_language_of_votes(token_votes(tokens))


VOTING = ("en", *OTHERS)  # every language a token can vote for


def token_vote(token: str) -> str | None:
    """The language one token votes for, or None (memoised): for reading many clauses' tokens in one pass."""
    return _TOKEN_VOTES[token]


def token_votes(tokens: Iterable[str]) -> tuple[str, ...]:
    """The languages a token stream's Latin-script words vote for, in order: a text's votes are its clauses'."""
    return tuple(filter(None, map(_TOKEN_VOTES.__getitem__, tokens)))  # a vote is a language code or None


def other_language_of_votes(votes: Iterable[str]) -> str:
    """:func:`other_language_of_tokens` from the tokens' :func:`token_votes`."""
    if isinstance(votes, tuple):
        english = votes.count("en")
        # Another language needs MIN_VOTES votes and more than twice English's; the others together may not have
        # them (most English text), which two counts in C show without counting every language.
        if len(votes) - english < max(MIN_VOTES, 2 * english + 1):
            return ""
    return _named_other(*_top(Counter(votes)))


def other_language(words: Iterable[str], vote: Callable[[str], str | None] | None = None) -> str:
    """The name of the language the words are written in when it is clearly not English, else ``""``."""
    return _named_other(*latin_language(words, vote))


def _named_other(top: str, top_votes: int, english: int) -> str:
    if top != "en" and top_votes >= MIN_VOTES and top_votes > 2 * english:
        return NAMES.get(top, top)
    return ""
