"""The machine's refusals each get their own message and exit code."""

import errno
import os

import pytest

from claimclf.errors import CannotWrite, DiskFull, OutputClosed, environment_error


@pytest.mark.parametrize("code, kind, exit_code, words", [
    (errno.ENOSPC, DiskFull, 6, "No space left on device; free some space"),
    (errno.EROFS, CannotWrite, 5, "Read-only file system; write elsewhere"),
    (errno.EACCES, CannotWrite, 5, "Permission denied; check its permissions"),
    (errno.EPIPE, OutputClosed, 141, "closed by the reader"),
])
def test_each_machine_error_has_its_own_kind_and_exit_code(code, kind, exit_code, words):
    error = environment_error(OSError(code, os.strerror(code)), "out/x.csv")
    assert isinstance(error, kind) and error.exit_code == exit_code and words in str(error)
    assert "\n" not in str(error)


def test_the_file_name_of_the_error_is_used_when_no_path_is_given():
    error = environment_error(OSError(errno.EROFS, "Read-only file system", "/mnt/ro/m.joblib"), action="use")
    assert str(error).startswith("cannot use /mnt/ro/m.joblib: Read-only file system")


def test_other_os_errors_are_not_the_machines():
    assert environment_error(OSError(errno.EINVAL, "Invalid argument")) is None
