"""The exceptions the CLI turns into a one-line message and a non-zero exit, each with its exit code."""

from __future__ import annotations

import errno
import os


class ClaimError(Exception):
    """A problem the user can fix: the message says what happened and what to do."""

    exit_code = 2


class CannotWrite(ClaimError):
    """The output's place refuses writes (read-only file system, permission denied)."""

    exit_code = 5


class DiskFull(ClaimError):
    """No space (or quota) left where the output goes."""

    exit_code = 6


class OutputClosed(ClaimError):
    """Whoever read standard output went away (``| head``): the run ends quietly, as a killed pipe writer does."""

    exit_code = 141  # 128 + SIGPIPE: what a shell reports for `yes | head`


def environment_error(exc: OSError, path: object = None, action: str = "write") -> ClaimError | None:
    """The one-line error for an OSError the machine caused (disk full, read-only, closed pipe), or None.

    ``path`` names what was being written when the OSError itself carries no file name (a write
    to an open file never does); ``action`` says what was being done to it.
    """
    where = path if path is not None else exc.filename
    where = "standard output" if where in (None, "-") else str(where)
    cause = os.strerror(exc.errno) if exc.errno else str(exc)
    if exc.errno == errno.EPIPE:
        return OutputClosed(f"{where} was closed by the reader")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        left = "" if where == "standard output" else " (nothing was left under the output name)"
        return DiskFull(f"cannot {action} {where}: {cause}; free some space or write elsewhere{left}")
    if exc.errno == errno.EROFS:
        return CannotWrite(f"cannot {action} {where}: {cause}; write elsewhere")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return CannotWrite(f"cannot {action} {where}: {cause}; check its permissions or write elsewhere")
    return None
