"""Chinese word segmentation: jieba with the domain dictionary, or jieba's route on jieba_fast_dat's trie.

Built once per process and memoised per run of Chinese characters; tokens are jieba's either way.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources

_jieba_lock = threading.Lock()
_jieba = None


def user_dictionary_path() -> str:
    return str(resources.files("claimclf") / "resources" / "jieba_user_dict.txt")


SEGMENTER_ENV = "CLAIMCLF_SEGMENTER"  # auto (default), jieba or jieba_fast_dat
_segmenter_name = ""


def segmenter_name() -> str:
    """The segmenter this process uses: ``jieba_fast_dat`` (the ``fast`` extra) or ``jieba``."""
    _segmenter()
    return _segmenter_name


def _segmenter():
    """A segmenter with jieba's tokens and the domain dictionary, built once per process.

    jieba's route over jieba_fast_dat's C++ dictionary trie when that is installed (the ``fast``
    extra; tests/test_segmenter.py checks the tokens), else jieba itself;
    ``CLAIMCLF_SEGMENTER=jieba`` forces plain jieba.
    """
    global _jieba, _segmenter_name
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import os

                from claimclf.errors import ClaimError

                choice = os.environ.get(SEGMENTER_ENV, "auto").strip().lower().replace("-", "_") or "auto"
                if choice not in ("auto", "jieba", "jieba_fast_dat"):
                    raise ClaimError(f"{SEGMENTER_ENV}={choice!r} is not a segmenter: use auto, jieba or jieba_fast_dat")
                tok, name = None, "jieba"
                if choice != "jieba":
                    try:
                        tok, name = _fast_dat_segmenter(), "jieba_fast_dat"
                    except ImportError:
                        if choice == "jieba_fast_dat":
                            raise ClaimError(
                                f"{SEGMENTER_ENV}=jieba_fast_dat but it is not installed: pip install 'claimclf[fast]'"
                            ) from None
                if tok is None:
                    tok = _jieba_segmenter()
                _jieba, _segmenter_name = tok, name
    return _jieba


def _jieba_segmenter():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(user_dictionary_path())
    return tok


def _jieba_dictionary() -> str:
    """jieba's main dictionary file, found without importing jieba (its import is slow)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("jieba is not installed")
    return os.path.join(os.path.dirname(spec.origin), "dict.txt")


# jieba 0.42.1's dict.txt by SHA-256, and its total: summing its 349,046 lines costs every scoring
# worker a tenth of a second, hashing it a hundredth. Any other dictionary is summed.
_KNOWN_TOTALS = {"7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8": 60_101_967}


def _dictionary_total(path: str) -> int:
    """The total frequency jieba computes for a dictionary: every line counts, duplicates too."""
    import hashlib

    with open(path, "rb") as fh:
        data = fh.read()
    known = _KNOWN_TOTALS.get(hashlib.sha256(data).hexdigest())
    return known if known is not None else _sum_frequencies(data)


def _sum_frequencies(data: bytes) -> int:
    return sum(int(line.split(b" ", 2)[1]) for line in data.splitlines() if line.strip())


def _user_words() -> list[tuple[str, int | None]]:
    """The domain dictionary as jieba's load_userdict reads it: word, optional frequency (tags ignored)."""
    pattern = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")
    words: list[tuple[str, int | None]] = []
    with open(user_dictionary_path(), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().lstrip("\ufeff")
            if line:
                word, freq, _ = pattern.match(line).groups()
                words.append((word, int(freq) if freq else None))
    return words


class _DatSegmenter:
    """jieba's segmentation (HMM off) computed on jieba_fast_dat's C++ dictionary trie.

    The trie gives each position's candidate words (jieba's DAG) and their frequencies fast; the
    best route is then chosen exactly as jieba does, ties included (jieba takes the longer word).
    jieba_fast_dat's own C++ route breaks ties the other way, which cuts e.g. 一一一 or 丁税政
    differently from jieba, so only its dictionary is used. Takes runs of Chinese characters only
    (what :func:`claimclf.text.tokenize` passes), not arbitrary text.
    """

    _HAN = re.compile("([\u4e00-\u9fd5]+)")  # jieba's Chinese block; other ideographs come out one by one
    _HAN_RUN = re.compile("[\u4e00-\u9fd5]+")

    def __init__(self, tok) -> None:
        import math

        self._get_dag, self._get_freq = tok.get_DAG, tok.get_freq
        self._logtotal = math.log(tok.total)
        self._logp: dict[str, float] = {}
        self.total = tok.total

    def _word_logp(self, word: str) -> float:
        import math

        lp = self._logp.get(word)
        if lp is None:
            if len(self._logp) > 200_000:  # bounded: the words of real extracts are far fewer
                self._logp.clear()
            lp = self._logp[word] = math.log(self._get_freq(word) or 1) - self._logtotal
        return lp

    def lcut(self, run: str, HMM: bool = False) -> list[str]:  # noqa: N803 - jieba's signature
        words: list[str] = []
        logp, word_logp = self._logp, self._word_logp
        for block in (run,) if self._HAN_RUN.fullmatch(run) else self._HAN.split(run):
            if not block:
                continue
            if not self._HAN_RUN.fullmatch(block):
                words.extend(block)
                continue
            dag = self._get_dag(block)
            n = len(block)
            best = [0.0] * (n + 1)
            choice = list(range(n + 1))
            for i in range(n - 1, -1, -1):
                top, pick = None, i
                for x in dag[i]:
                    word = block[i : x + 1]
                    lp = logp.get(word)  # the method only on a miss: this runs for every candidate word
                    score = (word_logp(word) if lp is None else lp) + best[x + 1]
                    if top is None or score > top or (score == top and x > pick):
                        top, pick = score, x
                best[i], choice[i] = top, pick
            i = 0
            while i < n:
                words.append(block[i : choice[i] + 1])
                i = choice[i] + 1
        return words


def _fast_dat_segmenter() -> _DatSegmenter:
    """jieba_fast_dat's trie of jieba's own dictionary, with jieba's total frequency so that routes score alike.

    jieba_fast_dat drops duplicate dictionary lines from its total where jieba counts them; the total
    weighs every word of a route, so it is set to jieba's. User words go in through ``add_word``, as
    jieba's ``load_userdict`` does, which also avoids jieba_fast_dat's cache of user dictionaries.
    """
    import logging

    import jieba_fast_dat

    jieba_fast_dat.setLogLevel(logging.WARNING)
    main_dict = _jieba_dictionary()
    total = _dictionary_total(main_dict)
    tok = jieba_fast_dat.Tokenizer(main_dict)
    with _cache_build_lock():
        tok.initialize()
        if abs(tok.total - total) > 1e-4 * total:  # a damaged cache file: rebuild it
            tok.initialized = False
            tok.initialize(force_rebuild=True)
    tok.total = total
    for word, freq in _user_words():
        tok.add_word(word, freq)
    return _DatSegmenter(tok)


def _cache_build_lock():
    """An exclusive lock while jieba_fast_dat loads or writes its dictionary cache in the temp dir.

    Its cache file is written in place, so worker processes starting together on a fresh
    machine could read each other's half-written file.
    """
    import contextlib
    import os
    import tempfile

    @contextlib.contextmanager
    def lock():
        try:
            import fcntl

            fh = open(os.path.join(tempfile.gettempdir(), f"claimclf-segmenter-{os.getuid()}.lock"), "a+b")  # noqa: SIM115
        except (ImportError, OSError, AttributeError):  # no fcntl (Windows) or no writable temp dir
            yield
            return
        with fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    return lock()


@lru_cache(maxsize=65_536)
def segment_run(run: str) -> tuple[str, ...]:
    """Memoised segmentation: claim texts repeat the same clauses, and a run is cut the same way every time.

    Bounded, so memory stays flat however many claims are scored.
    """
    return tuple(w for w in _segmenter().lcut(run, HMM=False) if w.strip())


def reset_segmenter() -> None:
    """Forget the segmenter and every cached segmentation (after changing ``CLAIMCLF_SEGMENTER``)."""
    global _jieba, _segmenter_name
    with _jieba_lock:
        _jieba, _segmenter_name = None, ""
    segment_run.cache_clear()
    from claimclf.text import tokenize

    tokenize.cache_clear()
