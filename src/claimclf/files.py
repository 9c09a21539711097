"""Files written whole or not at all, with the permissions the user's umask gives, and their sha256."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from pathlib import Path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temporary_beside(path: Path, suffix: str = ".tmp") -> tuple[int, str]:
    """A new temporary file next to ``path`` (same file system, so a rename moves it into place).

    ``mkstemp`` creates it 0600; the final file should have the mode any new file of the user's
    gets (0644 under the usual umask), so the mode is set from the umask here.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
    except (AttributeError, OSError):  # no fchmod (Windows): the file keeps mkstemp's mode
        pass
    return fd, tmp


def remove_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


# link() fails this way where the file system has no hard links (FAT, exFAT, some network and FUSE mounts).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}


def claim(tmp: str | Path, path: Path, overwrite: bool = False) -> None:
    """Move the finished ``tmp`` to ``path``; without ``overwrite``, never over a file that is there now.

    A check made when a run starts is not enough: another run may write ``path`` meanwhile. A
    hard link fails with FileExistsError if ``path`` exists, atomically, and only then is the
    temporary name dropped. Where hard links are not supported, an empty file is first created
    exclusively under ``path`` (O_EXCL) and then replaced: a second writer still fails, though
    for that moment ``path`` is empty. Raises FileExistsError, leaving ``tmp`` for the caller.
    """
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except (AttributeError, NotImplementedError):  # no os.link on this platform
        _claim_by_placeholder(tmp, path)
        return
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        _claim_by_placeholder(tmp, path)
        return
    os.unlink(tmp)


def _claim_by_placeholder(tmp: str | Path, path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        remove_quietly(path)  # the empty placeholder is ours
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place (replacing what is there)."""
    from claimclf.errors import environment_error

    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temporary_beside(path)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp:
            remove_quietly(tmp)
        mapped = environment_error(exc, path) if isinstance(exc, OSError) else None
        if mapped is not None:
            raise mapped from None
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
