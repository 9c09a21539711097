"""Scoring a stream of chunks on every core: worker processes, output in input order, bounded memory.

Each worker reads the model's checked scoring arrays and builds the segmenter once (in its initializer), then
scores one chunk's text column per task and sends back only the output columns. At most
``2 * jobs`` chunks are in flight, so memory does not grow with the file. A chunk is
scored by the same :meth:`Scorer.score_columns` whatever ``jobs`` is, so the output is
identical to ``--jobs 1``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimclf.errors import ClaimError

if TYPE_CHECKING:
    import pandas as pd

    from claimclf.persistence import LoadedModel
    from claimclf.scoring.scorer import Scorer

IN_FLIGHT_PER_JOB = 2


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ScorerSpec:
    """Everything a worker needs to build the same Scorer: the verified scoring arrays, not a path.

    Bytes (the ``.scoring.npz`` file, see :mod:`claimclf.scoring.engine`) rather than a path so
    every worker scores with exactly the model the parent checked, even if the file is replaced
    while the run goes on; reading them needs numpy, not scikit-learn.
    """

    model_bytes: bytes
    sidecar: dict[str, Any]
    band: tuple[float, float] | None
    evidence_terms: int
    name: str = "the model"

    @classmethod
    def from_model(cls, model: LoadedModel, band, evidence_terms: int) -> ScorerSpec:
        return cls(model.scoring_bytes, model.sidecar, band, evidence_terms, model.name)

    def build(self) -> Scorer:
        from claimclf.decision import Policy
        from claimclf.scoring.engine import Engine
        from claimclf.scoring.scorer import Scorer

        engine = Engine.from_bytes(self.model_bytes, self.name)
        return Scorer(engine, Policy.from_sidecar(self.sidecar, self.band), evidence_terms=self.evidence_terms)


def score_stream(
    spec: ScorerSpec,
    chunks: Iterable[pd.DataFrame],
    text_col: str = "text",
    jobs: int = 1,
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[pd.DataFrame]:
    """Scored chunks in input order: in this process for ``jobs == 1`` or a single chunk, else in workers."""
    import itertools

    chunks = iter(chunks)
    if jobs <= 1:
        yield from _score_here(spec.build(), chunks, text_col, on_chunk)
        return
    head = list(itertools.islice(chunks, 2))
    if len(head) < 2:  # a single chunk: starting workers would cost more than it saves
        yield from _score_here(spec.build(), head, text_col, on_chunk)
    else:
        yield from _score_in_workers(spec, itertools.chain(head, chunks), text_col, jobs, on_chunk)


def _score_here(scorer: Scorer, chunks: Iterable[pd.DataFrame], text_col: str, on_chunk) -> Iterator[pd.DataFrame]:
    from claimclf.scoring.scorer import attach_results, text_values

    for chunk in chunks:
        out = attach_results(chunk, scorer.score_columns(text_values(chunk, text_col)))
        if on_chunk:
            on_chunk(len(out))
        yield out


def _score_in_workers(
    spec: ScorerSpec, chunks: Iterable[pd.DataFrame], text_col: str, jobs: int, on_chunk
) -> Iterator[pd.DataFrame]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from claimclf.scoring.scorer import attach_results, text_values

    # spawn, not fork: the parent may hold threads (pyarrow, pandas) that fork would copy mid-lock.
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(spec, os.getpid()),
    )
    pending: deque = deque()

    def finish():
        chunk, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            raise ClaimError(
                "a scoring worker process died (out of memory?): try fewer --jobs or a smaller --batch-size"
            ) from None
        out = attach_results(chunk, results)
        if on_chunk:
            on_chunk(len(out))
        return out

    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_score_in_worker, text_values(chunk, text_col))))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield finish()
        while pending:
            yield finish()
    except BaseException:  # an error, Ctrl-C, SIGTERM or the consumer closing us: stop the workers now
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool) -> None:
    """Cancel what is queued and end the workers without waiting for their current chunk."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.join(timeout=5)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass


# --- in the worker process -------------------------------------------------------------------

_scorer: Scorer | None = None
_startup_error: str | None = None


def _init_worker(spec: ScorerSpec, parent_pid: int) -> None:
    """Load the model and the segmenter dictionary once for all the chunks this worker will score."""
    global _scorer, _startup_error
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    _exit_with_parent(parent_pid)
    try:
        from claimclf.segmenter import segmenter_name

        _scorer = spec.build()
        segmenter_name()  # builds the segmenter now rather than in the first chunk
    except ClaimError as exc:
        _startup_error = str(exc)
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        _startup_error = f"a scoring worker could not start ({type(exc).__name__}: {exc}); try --jobs 1"


def _score_in_worker(values: list[object]) -> dict[str, list[object]]:
    if _scorer is None:
        raise ClaimError(_startup_error or "a scoring worker could not start: try --jobs 1")
    return _scorer.score_columns(values)


def _exit_with_parent(parent_pid: int) -> None:
    """End this worker if the parent dies (even by SIGKILL), instead of lingering as an orphan."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="claimclf-parent-watch", daemon=True).start()
