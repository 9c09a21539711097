"""Character n-grams of a whole chunk of texts, looked up in the vocabulary with numpy alone.

A Python loop per n-gram costs about a microsecond; a chunk holds a million of them. Here each
character becomes a digit (its rank in the vocabulary's alphabet, 1..A; any other character the
digit A+1), and an n-gram the number its digits spell in base A+2. The spelling is unique (no
digit is 0, so lengths cannot be confused), so one sorted-array lookup against the vocabulary's
numbers finds exactly the n-grams scikit-learn's ``char_wb`` analyzer would find: equal by
construction, not by hashing. An n-gram holding a character outside the alphabet spells a number
no vocabulary term spells. The lookup is an open-addressing table keyed by those numbers (a
multiplicative hash picks the first slot, the number itself is compared): a probe or two per n-gram
where a binary search of the sorted numbers costs seventeen scattered reads.
"""

from __future__ import annotations

import numpy as np

BMP = 0x10000  # code points below this go through one table; the rest (rare) through a search
MAX_CHARS = 1 << 14  # characters turned into arrays at once: small enough that the temporaries stay in cache
EMPTY = -1  # a free slot of the table: no n-gram spells a negative number
FIBONACCI = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio, odd: spreads nearby numbers over the table


class CharGrams:
    """The vocabulary of a ``char_wb`` vectorizer as a table of n-gram numbers, and the chunk lookup.

    Numbers are written with ``width`` digits, shorter n-grams padded on the right with 0, so they
    sort as the strings do (``in_order``: scikit-learn numbers its vocabulary in string order). The
    table maps a number to its term id whatever the order, so the counts never depend on it.
    """

    def __init__(self, terms: np.ndarray, min_n: int, max_n: int) -> None:
        units = _code_points(terms)
        self.min_n, self.max_n = min_n, max_n
        self.width = max(max_n, units.shape[1])
        alphabet = np.unique(units[units != 0])
        self.base = len(alphabet) + 2
        self.unknown = self.base - 1
        self.alphabet = alphabet.astype(np.int64)
        table = np.full(BMP, self.unknown, dtype=np.int64)
        small = self.alphabet < BMP
        table[self.alphabet[small]] = np.flatnonzero(small) + 1
        self.table = table
        self.powers = np.array([self.base ** (self.width - 1 - k) for k in range(self.width)], dtype=np.int64)
        digits = np.searchsorted(self.alphabet, units.astype(np.int64)) + 1
        digits[units == 0] = 0
        keys = (digits[:, : units.shape[1]] * self.powers[: units.shape[1]]).sum(axis=1) if len(units) else \
            np.zeros(0, np.int64)
        # A NUL inside a term (not at its end) cannot be told apart from padding: such a term never matches.
        lengths = np.count_nonzero(units, axis=1)
        keys[((np.arange(units.shape[1]) < lengths[:, None]) != (units != 0)).any(axis=1)] = -1
        self.in_order = bool(np.all(np.diff(keys) > 0))  # True for every vocabulary scikit-learn fits
        self.n_terms = len(keys)
        self._build_table(keys)

    @classmethod
    def fits(cls, terms: np.ndarray, max_n: int) -> bool:
        """Whether every n-gram number fits in 63 bits (it does unless the alphabet has ~50,000 characters)."""
        units = _code_points(terms)
        alphabet = np.unique(units[units != 0])
        return (len(alphabet) + 2) ** max(max_n, units.shape[1]) < 2**63

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(text index, vocabulary id, count) of the n-grams of ``texts`` the vocabulary holds, by text then id."""
        out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        start = 0
        while start < len(texts):
            end, chars = start, 0
            while end < len(texts) and (end == start or chars + len(texts[end]) <= MAX_CHARS):
                chars += len(texts[end])
                end += 1
            rows, cols, counts = self._chunk(texts[start:end])
            out.append((rows + start, cols, counts))
            start = end
        if not out:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        return tuple(np.concatenate(a) for a in zip(*out, strict=True))

    def _chunk(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        empty = np.zeros(0, np.int64)
        # scikit-learn's char_wb pads each white-space-separated word with one space on either side;
        # words are laid end to end, so two spaces in a row mark where a padded word starts.
        splits = [t.split() for t in texts]
        joined = "".join([" " + "  ".join(words) + " " for words in splits if words])
        if not joined:
            return empty, empty, empty
        cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        digits = self._digits(cp)
        space = cp == 32
        starts = np.empty(len(cp), dtype=bool)
        starts[0] = True
        np.logical_and(space[1:], space[:-1], out=starts[1:])
        word = np.cumsum(starts) - 1
        word_row = np.repeat(np.arange(len(texts), dtype=np.int64), [len(w) for w in splits])
        row_of = word_row[word]
        found_rows: list[np.ndarray] = []
        found_ids: list[np.ndarray] = []
        code = np.zeros(len(cp), dtype=np.int64)
        for n in range(1, self.max_n + 1):
            if n > len(cp):
                break
            code = code[: len(cp) - n + 1] + digits[n - 1 :] * self.powers[n - 1]
            if n < self.min_n:
                continue
            inside = word[: len(code)] == word[n - 1 :]  # the n-gram does not leave its padded word
            self._look_up(code[inside], row_of[: len(code)][inside], found_rows, found_ids)
        if self.min_n > 3:  # a padded word shorter than min_n counts once, whole (never with min_n <= 3)
            self._look_up(*self._short_words(digits, starts, row_of), found_rows, found_ids)
        if not found_ids:
            return empty, empty, empty
        return count_cells(np.concatenate(found_rows), np.concatenate(found_ids), len(texts), self.n_terms)

    def _build_table(self, keys: np.ndarray) -> None:
        """Every valid term number in a slot of a power-of-two table at most a quarter full, by linear probing."""
        bits = max(4, int(2 * len(keys)).bit_length() + 1)
        self.shift = np.uint64(64 - bits)
        self.mask = (1 << bits) - 1
        self.slot_keys = np.full(1 << bits, EMPTY, dtype=np.int64)
        self.slot_ids = np.zeros(1 << bits, dtype=np.int64)
        todo = np.flatnonzero(keys >= 0)  # a term that can never match (-1) takes no slot
        slot = self._slots(keys[todo])
        while len(todo):
            free = self.slot_keys[slot] == EMPTY
            # Of the terms wanting one free slot, the first takes it; the others move on one slot.
            taken, first = np.unique(slot[free], return_index=True)
            winners = todo[free][first]
            self.slot_keys[taken] = keys[winners]
            self.slot_ids[taken] = winners
            placed = np.zeros(len(todo), dtype=bool)
            placed[np.flatnonzero(free)[first]] = True
            todo, slot = todo[~placed], (slot[~placed] + 1) & self.mask

    def _slots(self, codes: np.ndarray) -> np.ndarray:
        return ((codes.astype(np.uint64) * FIBONACCI) >> self.shift).astype(np.int64)

    def _look_up(self, codes: np.ndarray, rows: np.ndarray, found_rows: list, found_ids: list) -> None:
        slot = self._slots(codes)
        held = self.slot_keys[slot]
        hit = held == codes
        # Misses that did not reach a free slot probe on; at a quarter full few do, and fewer each round.
        pending = np.flatnonzero(~hit & (held != EMPTY))
        while len(pending):
            slot[pending] = (slot[pending] + 1) & self.mask
            held = self.slot_keys[slot[pending]]
            found = held == codes[pending]
            hit[pending[found]] = True
            pending = pending[~found & (held != EMPTY)]
        found_rows.append(rows[hit])
        found_ids.append(self.slot_ids[slot[hit]])

    def _digits(self, cp: np.ndarray) -> np.ndarray:
        digits = self.table[np.minimum(cp, BMP - 1)]
        wide = np.flatnonzero(cp >= BMP)
        if len(wide):
            at = np.searchsorted(self.alphabet, cp[wide])
            at_ok = np.minimum(at, len(self.alphabet) - 1)
            digits[wide] = np.where(self.alphabet[at_ok] == cp[wide], at_ok + 1, self.unknown)
        return digits

    def _short_words(self, digits: np.ndarray, starts: np.ndarray, row_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        first = np.flatnonzero(starts)
        lengths = np.diff(np.append(first, len(digits)))
        short = np.flatnonzero(lengths < self.min_n)
        codes = [int((digits[first[w] : first[w] + lengths[w]] * self.powers[: lengths[w]]).sum()) for w in short]
        return np.array(codes, dtype=np.int64), row_of[first[short]]


def count_cells(rows: np.ndarray, cols: np.ndarray, n_rows: int, width: int,
                runs: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct (row, column) pair once with how often it occurs, sorted by row then column.

    One sort of ``row * width + column``, in 32 bits when the numbers fit: half the sorting of 64.
    ``runs`` says the pairs come as a few sorted runs per row (each clause's ids in order), which a
    merge sort joins two to three times faster than a quicksort sorts them.
    """
    cells = rows * width + cols
    if n_rows * width < 2**31:
        cells = cells.astype(np.int32)
    cells.sort(kind="stable" if runs else None)
    first = np.flatnonzero(np.concatenate(([len(cells) > 0], cells[1:] != cells[:-1])))
    counts = np.diff(np.append(first, len(cells)))
    out_rows, out_cols = np.divmod(cells[first].astype(np.int64), width)
    return out_rows, out_cols, counts


def _code_points(terms: np.ndarray) -> np.ndarray:
    """Fixed-width terms as a (terms, width) array of code points, 0 where a shorter term ends."""
    terms = np.asarray(terms, dtype=np.str_)
    width = max(1, terms.dtype.itemsize // 4)
    return np.ascontiguousarray(terms).view(np.uint32).reshape(len(terms), width) if len(terms) else \
        np.zeros((0, width), np.uint32)
