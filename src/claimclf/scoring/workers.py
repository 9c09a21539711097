"""Scoring a stream of chunks on every core: worker processes, output in input order, bounded memory.

Each worker reads the model's checked scoring arrays and builds the segmenter once when it starts, then
scores one chunk's text column per task and sends back only the output columns. At most
``2 * jobs`` chunks are in flight, so memory does not grow with the file. A chunk is
scored by the same :meth:`Scorer.score_columns` whatever ``jobs`` is, so the output is
identical to ``--jobs 1``.
"""

from __future__ import annotations

import contextlib
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


# Scoring makes millions of short-lived lists and tuples and no cycles worth chasing: with the collector's
# default (a young-generation pass every 700 allocations, each older pass scanning the clause memo) a tenth
# of scoring's time went to it. Collected every 100,000 allocations, it takes about 1%.
BATCH_GC_THRESHOLD = (100_000, 20, 20)


@contextlib.contextmanager
def batch_collection() -> Iterator[None]:
    """The garbage collector tuned for a scoring batch while it runs; its settings as they were afterwards."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def score_stream(
    spec: ScorerSpec,
    chunks: Iterable[pd.DataFrame],
    text_col: str = "text",
    jobs: int = 1,
    on_chunk: Callable[[int], None] | None = None,
    pool: Pool | None = None,
) -> Iterator[pd.DataFrame]:
    """Scored chunks in input order: in this process for ``jobs == 1`` or a single chunk, else in workers.

    ``pool``, workers started beforehand (:meth:`Pool.start`) for this ``spec``, is used whatever the
    number of chunks; the stream owns it from then on.
    """
    import itertools

    chunks = iter(chunks)
    if pool is not None:
        yield from _score_in_workers(pool, chunks, text_col, on_chunk)
        return
    if jobs <= 1:
        yield from _score_here(spec.build(), chunks, text_col, on_chunk)
        return
    head = list(itertools.islice(chunks, 2))
    if len(head) < 2:  # a single chunk: starting workers would cost more than it saves
        yield from _score_here(spec.build(), head, text_col, on_chunk)
    else:
        yield from _score_in_workers(Pool.start(spec, jobs), itertools.chain(head, chunks), text_col, on_chunk)


class Pool:
    """Worker processes, each with its own pipe, started before the input is read.

    Started early, a worker's start-up (imports, model arrays, segmenter dictionary) runs while
    this process imports its readers and reads the first chunks, on a core that would wait.
    """

    def __init__(self, workers: list[tuple[Any, Any]]) -> None:
        self.workers = workers

    @classmethod
    def start(cls, spec: ScorerSpec, jobs: int) -> Pool:
        import multiprocessing

        # spawn, not fork: the parent may hold threads (pyarrow, pandas) that fork would copy mid-lock.
        ctx = multiprocessing.get_context("spawn")
        pool = cls([])
        try:
            for _ in range(jobs):
                mine, theirs = ctx.Pipe()
                proc = ctx.Process(target=_worker_main, args=(theirs, spec, os.getpid()), name="claimclf-scorer",
                                   daemon=True)
                proc.start()
                theirs.close()
                pool.workers.append((proc, mine))
        except BaseException:
            pool.close()
            raise
        return pool

    def close(self) -> None:
        """End the workers now, if any are left (after an error, or when the stream was never read)."""
        workers, self.workers = self.workers, []
        _stop(workers)


def _score_here(scorer: Scorer, chunks: Iterable[pd.DataFrame], text_col: str, on_chunk) -> Iterator[pd.DataFrame]:
    from claimclf.scoring.scorer import attach_results, text_values

    for chunk in chunks:
        out = attach_results(chunk, scorer.score_columns(text_values(chunk, text_col)))
        if on_chunk:
            on_chunk(len(out))
        yield out


class WorkerCrashed(ClaimError):
    """A scoring worker met an error nobody foresaw: reported as a bug, without the claim text."""

    exit_code = 1


def _score_in_workers(pool: Pool, chunks: Iterable[pd.DataFrame], text_col: str, on_chunk) -> Iterator[pd.DataFrame]:
    """Chunk i goes to worker i mod jobs over that worker's own pipe; results are read back in input order.

    Pipes, not a ProcessPoolExecutor: its queues hold named POSIX semaphores, which a run killed
    with SIGKILL can never release, so multiprocessing's resource tracker then printed a "leaked
    semaphore objects" warning. A pipe is closed by the kernel with its process.
    """
    from collections import deque

    from claimclf.scoring.scorer import attach_results, text_values

    workers = pool.workers
    jobs = len(workers)
    pending: deque = deque()

    def finish():
        chunk, conn = pending.popleft()
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            raise ClaimError(_DIED) from None
        if kind == "error":
            raise ClaimError(payload)
        if kind == "crash":
            raise WorkerCrashed(payload)
        out = attach_results(chunk, payload)
        if on_chunk:
            on_chunk(len(out))
        return out

    try:
        for i, chunk in enumerate(chunks):
            conn = workers[i % jobs][1]
            try:
                conn.send(text_values(chunk, text_col))
            except OSError:  # the worker is gone (BrokenPipeError): not the output's pipe
                raise ClaimError(_DIED) from None
            pending.append((chunk, conn))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield finish()
        while pending:
            yield finish()
        for _proc, conn in workers:
            conn.send(None)  # no more chunks: the worker ends
        for proc, conn in workers:
            proc.join(timeout=30)
            conn.close()
        pool.workers = []
    except BaseException:  # an error, Ctrl-C, SIGTERM or the consumer closing us: stop the workers now
        pool.close()
        raise


_DIED = "a scoring worker process died (out of memory?): try fewer --jobs or a smaller --batch-size"


def _stop(workers: list) -> None:
    """End the workers without waiting for their current chunk."""
    for proc, _conn in workers:
        try:
            proc.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for proc, conn in workers:
        try:
            proc.join(timeout=5)
            conn.close()
        except (OSError, ValueError, AttributeError, AssertionError):
            pass


# --- in the worker process -------------------------------------------------------------------


def _worker_main(conn, spec: ScorerSpec, parent_pid: int) -> None:
    """Load the model and the segmenter dictionary once, then score each chunk that arrives, in order.

    A thread takes chunks off the pipe as they come, so the parent never blocks sending the next
    chunk while this process blocks sending a result back.
    """
    import queue
    import signal
    import threading
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    _exit_with_parent(parent_pid)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                inbox.put(conn.recv())
            except (EOFError, OSError):  # the parent is gone
                os._exit(1)

    threading.Thread(target=receive, name="claimclf-inbox", daemon=True).start()
    import gc

    gc.set_threshold(*BATCH_GC_THRESHOLD)  # this process only scores
    scorer, startup_error = None, None
    try:
        from claimclf.segmenter import segmenter_name

        scorer = spec.build()
        segmenter_name()  # builds the segmenter now rather than in the first chunk
    except ClaimError as exc:
        startup_error = str(exc)
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        startup_error = f"a scoring worker could not start ({type(exc).__name__}: {exc}); try --jobs 1"
    while (values := inbox.get()) is not None:
        if scorer is None:
            conn.send(("error", startup_error))
            continue
        try:
            result = ("done", scorer.score_columns(values))
        except ClaimError as exc:
            result = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - the type and place only: the message may quote a claim
            last = traceback.extract_tb(exc.__traceback__)[-1]
            result = ("crash", f"unexpected {type(exc).__name__} at {os.path.basename(last.filename)}:{last.lineno} in a "
                               "scoring worker; run with --jobs 1 and CLAIMCLF_DEBUG=1 to see the traceback, and please report it")
        conn.send(result)
    conn.close()
    os._exit(0)  # every result is sent: tearing the interpreter down would only keep the parent waiting


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
