"""Atomic, exclusive writes on real file systems: a run never replaces a file that appeared after it began."""

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from claimclf.errors import CannotWrite, DiskFull
from claimclf.files import atomic_write_bytes, claim, temporary_beside


def _finished(path: Path, data: bytes) -> str:
    fd, tmp = temporary_beside(path, ".partial")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return tmp


def test_claim_moves_a_finished_file_into_place_with_the_umask_mode(tmp_path):
    mask = os.umask(0o027)
    try:
        tmp = _finished(tmp_path / "out.csv", b"a,b\n")
    finally:
        os.umask(mask)
    claim(tmp, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == b"a,b\n" and not os.path.exists(tmp)
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o640


def test_claim_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    target = tmp_path / "out.csv"
    tmp = _finished(target, b"mine\n")
    target.write_bytes(b"theirs\n")  # another run finished first
    with pytest.raises(FileExistsError):
        claim(tmp, target)
    assert target.read_bytes() == b"theirs\n" and Path(tmp).read_bytes() == b"mine\n"
    claim(tmp, target, overwrite=True)
    assert target.read_bytes() == b"mine\n" and not os.path.exists(tmp)


def test_of_many_writers_racing_to_one_name_exactly_one_wins(tmp_path):
    target = tmp_path / "out.csv"
    n = 8
    tmps = [_finished(target, f"writer {i}\n".encode() * 1000) for i in range(n)]
    start, won, lost = threading.Barrier(n), [], []

    def race(i: int) -> None:
        start.wait()
        try:
            claim(tmps[i], target)
            won.append(i)
        except FileExistsError:
            lost.append(i)

    threads = [threading.Thread(target=race, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(lost) == n - 1
    assert target.read_bytes() == f"writer {won[0]}\n".encode() * 1000


@pytest.mark.parametrize("err", [errno.EPERM, errno.EOPNOTSUPP])
def test_without_hard_links_the_claim_is_still_exclusive(tmp_path, monkeypatch, err):
    """FAT and some network mounts refuse link(); no such file system can be mounted in a test, so link() fails here."""
    def no_links(src, dst, *args, **kwargs):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.csv"
    first, second = _finished(target, b"first\n"), _finished(target, b"second\n")
    claim(first, target)
    with pytest.raises(FileExistsError):
        claim(second, target)
    assert target.read_bytes() == b"first\n" and not os.path.exists(first)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_atomic_write_on_a_full_disk_names_the_file_and_leaves_nothing(tmpfs):
    disk = tmpfs("32k")
    with pytest.raises(DiskFull, match=rf"cannot write {disk / 'model.joblib'}: No space left on device") as info:
        atomic_write_bytes(disk / "model.joblib", b"x" * 200_000)
    assert info.value.exit_code == 6 and list(disk.iterdir()) == []


def test_atomic_write_on_a_read_only_file_system_names_the_file(tmpfs):
    disk = tmpfs(read_only=True)
    with pytest.raises(CannotWrite, match=rf"cannot write {disk / 'report.json'}: Read-only file system") as info:
        atomic_write_bytes(disk / "report.json", b"{}")
    assert info.value.exit_code == 5
