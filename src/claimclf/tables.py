"""Reading and writing claim tables: formats, encodings, chunks and atomic writes.

Conventions follow sqlite-utils: ``-`` is stdin or stdout, the format comes from the
extension unless given, and an existing output is never replaced unless asked.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from claimclf.errors import ClaimError
from claimclf.files import remove_quietly, temporary_beside
from claimclf.text import has_cjk

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "tsv", "jsonl", "parquet")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
DEFAULT_ENCODING = "utf-8-sig"  # reads UTF-8 with or without a byte-order mark
UNREADABLE = "claimclf_unreadable"  # frame.attrs key: {position in the chunk: why the row cannot be scored}


def infer_format(path: str, explicit: str | None = None) -> str:
    """The table format: ``explicit`` if given, else from the extension, else CSV for ``-``."""
    if explicit:
        fmt = explicit.lower().lstrip(".")
        if fmt not in FORMATS:
            raise ClaimError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
        return fmt
    if path == "-":
        return "csv"
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ClaimError(
            f"cannot tell the format of {path!r} from its extension: pass --format {'/'.join(FORMATS)}"
        )
    return fmt


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8", "u8")


def _encoding_error(path: str, encoding: str, exc: UnicodeDecodeError, where: str = "", gb18030: bool = False) -> ClaimError:
    hint = "--encoding gb18030" if _is_utf8(encoding) else "another --encoding (utf-8, gb18030, big5)"
    looks = " it reads as GB18030, so" if gb18030 else " if it was exported from a Chinese system,"
    where = f"{where}: " if where else ""
    return ClaimError(f"{path} is not valid {encoding} ({where}{exc.reason});{looks} try {hint}")


SNIFF_BYTES = 1 << 20


def _sniff_encoding(handle: IO[bytes], path: str, encoding: str) -> None:
    """Fail in a second, not an hour in, when a file is not in the expected encoding.

    Only the first MiB is checked (a later bad byte still stops the run, naming the row).
    GB18030 is not guessed silently: it decodes most byte sequences, so a wrong guess
    would score garbled text; the error names it when the sample reads as GB18030.
    """
    import codecs

    sample = handle.read(SNIFF_BYTES)
    handle.seek(0)
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) < SNIFF_BYTES)
    except LookupError:
        raise ClaimError(f"unknown encoding {encoding!r}: try utf-8, gb18030 or big5") from None
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
        gb18030 = False
        if _is_utf8(encoding):
            try:
                decoded = codecs.getincrementaldecoder("gb18030")().decode(sample, final=len(sample) < SNIFF_BYTES)
                gb18030 = has_cjk(decoded)
            except UnicodeDecodeError:
                pass
        raise _encoding_error(path, encoding, exc, f"line {line}", gb18030) from None


class ReadMeter:
    """How far a reader has got through its input, so a progress bar can show an ETA.

    The total is exact for Parquet (row count in the footer) and extrapolated from bytes
    read for text formats: rows so far times file size over bytes so far.
    """

    def __init__(self) -> None:
        self.total_bytes: int | None = None
        self.total_rows: int | None = None
        self._position = None

    def _watch(self, handle: IO[bytes], total_bytes: int | None) -> None:
        self._position, self.total_bytes = handle.tell, total_bytes

    def estimated_rows(self, rows_read: int) -> int | None:
        """Expected total rows given ``rows_read`` so far; None when it cannot be told."""
        if self.total_rows is not None:
            return self.total_rows
        if self._position is None or not self.total_bytes:
            return None
        try:
            done = self._position()
        except (OSError, ValueError):  # closed at the end of the file
            return rows_read
        if done <= 0 or rows_read <= 0:
            return None
        return max(rows_read, round(rows_read * self.total_bytes / min(done, self.total_bytes)))


def _check_readable(path: str) -> None:
    if path == "-":
        return
    p = Path(path)
    if not p.exists():
        raise ClaimError(f"input file not found: {path}")
    if p.is_dir():
        raise ClaimError(f"{path} is a directory: give a file")
    if p.stat().st_size == 0:
        raise ClaimError(f"input file is empty: {path} (expected a header row and claims)")


def iter_table(
    path: str,
    fmt: str | None = None,
    encoding: str = DEFAULT_ENCODING,
    batch_size: int = 10_000,
    stdin: IO[bytes] | None = None,
    meter: ReadMeter | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield the table in chunks of at most ``batch_size`` rows, CSV/TSV cells as strings.

    A file with a header and no rows yields one empty frame, so callers still see the columns.
    Memory stays bounded: files are read a chunk at a time, and standard input is spooled to
    a temporary file past 16 MiB. ``meter``, if given, follows how far the reading has got.
    """
    import contextlib

    fmt = infer_format(path, fmt)
    _check_readable(path)
    with contextlib.ExitStack() as stack:
        if path == "-":
            handle: IO[bytes] = _spool(stdin or sys.stdin.buffer, stack)
            size = handle.tell()
            if not size:
                raise ClaimError("standard input is empty: pipe a table with a header row into the command")
            handle.seek(0)
        else:
            handle = stack.enter_context(open(path, "rb"))
            size = os.fstat(handle.fileno()).st_size
        if meter is not None:
            meter._watch(handle, size)
        if fmt != "parquet":
            _sniff_encoding(handle, "standard input" if path == "-" else path, encoding)
        source = path if fmt == "parquet" and path != "-" else handle  # pyarrow reads files natively
        yield from _iter_handle(source, path, fmt, encoding, batch_size, meter)


SPOOL_IN_MEMORY = 16 << 20


def _spool(stream: IO[bytes], stack) -> IO[bytes]:
    """Standard input copied to memory, or to a temporary file past 16 MiB, so it can be read twice.

    (tempfile.SpooledTemporaryFile would do, but before Python 3.11 it cannot be wrapped for text.)
    """
    spooled: IO[bytes] = io.BytesIO()
    while block := stream.read(1 << 20):
        spooled.write(block)
        if isinstance(spooled, io.BytesIO) and spooled.tell() > SPOOL_IN_MEMORY:
            on_disk = stack.enter_context(tempfile.TemporaryFile())
            on_disk.write(spooled.getbuffer())
            spooled = on_disk
    return spooled


def _iter_handle(
    source: str | IO[bytes], path: str, fmt: str, encoding: str, batch_size: int, meter: ReadMeter | None
) -> Iterator[pd.DataFrame]:
    import csv

    rows = 0
    try:
        if fmt in ("csv", "tsv"):
            for chunk in _iter_delimited(source, str(path), fmt, encoding, batch_size):
                rows += len(chunk)
                yield chunk
        elif fmt == "jsonl":
            for chunk in _iter_jsonl(source, encoding, batch_size):
                rows += len(chunk)
                yield chunk
        else:
            yield from _iter_parquet(source, batch_size, meter)
    except UnicodeDecodeError as exc:
        raise _encoding_error(str(path), encoding, exc, f"after row {rows}") from None
    except LookupError:
        raise ClaimError(f"unknown encoding {encoding!r}: try utf-8, gb18030 or big5") from None
    except csv.Error as exc:
        raise ClaimError(f"{path} is not well-formed {fmt.upper()} after row {rows} ({exc}); check the quoting "
                         "or pass --format") from None


@dataclass(frozen=True)
class Unreadable:
    """Stands in for the text of a row the reader could not split into the header's columns.

    The row itself is kept (its fields go out with the scored file); the scorer sends it to review
    with ``reason``.
    """

    reason: str


def unreadable_rows(frame: pd.DataFrame) -> dict[int, str]:
    """Positions in ``frame`` of the rows the reader could not parse, and why."""
    return frame.attrs.get(UNREADABLE, {})


def _mark(frame: pd.DataFrame, unreadable: dict[int, str]) -> pd.DataFrame:
    if unreadable:
        frame.attrs[UNREADABLE] = unreadable
    return frame


def _frame(rows: list, columns: list[str], unreadable: dict[int, str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns, dtype=str) if rows else pd.DataFrame(columns=columns, dtype=str)
    return _mark(frame, unreadable)


def _unique_names(header: list[str]) -> list[str]:
    """Column names as pandas makes them: a repeated name gets ``.1``, ``.2``, ..."""
    seen: dict[str, int] = {}
    names = []
    for name in header:
        n = seen.get(name, 0)
        candidate = name if n == 0 else f"{name}.{n}"
        while candidate in seen:
            n += 1
            candidate = f"{name}.{n}"
        seen[name] = n + 1
        seen.setdefault(candidate, 1)
        names.append(candidate)
    return names


def _iter_delimited(source: IO[bytes], path: str, fmt: str, encoding: str, batch_size: int) -> Iterator[pd.DataFrame]:
    """CSV or TSV in chunks of strings; a row with the wrong number of fields is kept and marked, never dropped.

    Exports often hold rows broken by an unquoted delimiter or a lost field. Such a row keeps its
    fields (extra ones joined into the last column, so nothing is lost; missing ones empty) and is
    marked :class:`Unreadable`, since its text may sit in the wrong column. Blank lines are not rows.
    """
    import csv

    csv.field_size_limit(2**31 - 1)  # a claim may be megabytes long; the scorer truncates, the reader must not
    sep = "," if fmt == "csv" else "\t"
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    try:
        reader = csv.reader(text, delimiter=sep, strict=True)
        header = next((row for row in reader if row), None)
        if header is None:
            raise ClaimError(f"{path} has no header row: expected column names on the first line")
        columns = _unique_names(header)
        width = len(columns)
        batch: list[list[str]] = []
        unreadable: dict[int, str] = {}
        yielded = False
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "end of data" in str(exc):  # every later line would be swallowed into one field
                    raise ClaimError(f"{path}: a quoted field is never closed (opened before line {reader.line_num}); "
                                     "fix the quoting") from None
                unreadable[len(batch)] = f"line {reader.line_num} could not be parsed ({exc})"
                row = [""] * width
            if not row:
                continue
            if len(row) != width:
                unreadable[len(batch)] = (
                    f"malformed row ending on line {reader.line_num}: {len(row)} field{'s' if len(row) > 1 else ''} "
                    f"where the header has {width}" + ("; the extra fields are kept in the last column" if len(row) > width else "")
                )
                row = row[: width - 1] + [sep.join(row[width - 1 :])] if len(row) > width else row + [""] * (width - len(row))
            batch.append(row)
            if len(batch) >= batch_size:
                yield _frame(batch, columns, unreadable)
                yielded, batch, unreadable = True, [], {}
        if batch or not yielded:
            yield _frame(batch, columns, unreadable)
    finally:
        text.detach()  # the byte handle belongs to the caller


def _iter_jsonl(source: str | IO[bytes], encoding: str, batch_size: int) -> Iterator[pd.DataFrame]:
    import json

    handle = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
    try:
        batch: list[dict] = []
        unreadable: dict[int, str] = {}
        yielded = False
        for lineno, raw in enumerate(handle, start=1):
            line = raw.decode(encoding).strip()
            if not line:
                continue
            try:
                record = json.loads(line)
                why = "" if isinstance(record, dict) else f"is a JSON {type(record).__name__}, not an object"
            except json.JSONDecodeError as exc:
                why = f"is not valid JSON ({exc.msg})"
            if why:  # kept as an empty record, so the output still has one row per input line
                unreadable[len(batch)] = f"line {lineno} {why}"
                record = {}
            batch.append(record)
            if len(batch) >= batch_size:
                yield _records(batch, unreadable)
                yielded, batch, unreadable = True, [], {}
        if batch or not yielded:
            yield _records(batch, unreadable)
    finally:
        if isinstance(source, str):
            handle.close()


def _records(batch: list[dict], unreadable: dict[int, str]) -> pd.DataFrame:
    import pandas as pd

    # object columns: a field missing from one record must not turn the others' ids 1, 2 into 1.0, 2.0
    frame = pd.DataFrame(batch, dtype=object) if batch else pd.DataFrame()
    if len(frame) < len(batch):  # only empty records: the constructor gives no rows
        frame = pd.DataFrame(index=range(len(batch)))
    return _mark(frame, unreadable)


def _iter_parquet(source: str | IO[bytes], batch_size: int, meter: ReadMeter | None = None) -> Iterator[pd.DataFrame]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ClaimError(f"not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    if meter is not None:
        meter.total_rows = pf.metadata.num_rows
    yielded = False
    for batch in pf.iter_batches(batch_size=batch_size):
        yielded = True
        yield batch.to_pandas()
    if not yielded:
        yield pf.schema_arrow.empty_table().to_pandas()


def read_table(path: str, fmt: str | None = None, encoding: str = DEFAULT_ENCODING) -> pd.DataFrame:
    """The whole table in memory (for training and evaluation data)."""
    import pandas as pd

    chunks = list(iter_table(path, fmt=fmt, encoding=encoding, batch_size=100_000))
    for chunk in chunks:
        for reason in unreadable_rows(chunk).values():
            raise ClaimError(f"{path}: {reason}; fix the file (labelled data must parse cleanly)")
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


class TableWriter:
    """Appends frames to a table; on success renames the temporary file into place.

    ``-`` writes to stdout as it goes. Anything else is written next to its final
    name and only appears there when :meth:`close` succeeds; a failure or an
    interruption removes the temporary file.
    """

    def __init__(self, path: str, fmt: str, overwrite: bool = False, stdout: IO[bytes] | None = None) -> None:
        self.path, self.fmt = path, fmt
        self._tmp: str | None = None
        self._parquet = None
        self._schema = None
        self._first = True
        self._columns: list | None = None
        if path == "-":
            if fmt == "parquet":
                self._stdout = stdout or sys.stdout.buffer
                self._handle = io.BytesIO()
            else:
                self._handle = stdout or sys.stdout.buffer
        else:
            target = Path(path)
            if target.exists() and not overwrite:
                raise ClaimError(f"output {path} already exists: pass --overwrite to replace it, or choose another -o")
            if target.is_dir():
                raise ClaimError(f"output {path} is a directory: give a file name")
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = temporary_beside(target, ".partial")
            self._handle = os.fdopen(fd, "wb")

    def write(self, frame: pd.DataFrame) -> None:
        if self.fmt != "jsonl":
            frame = self._conform(frame)
        if self.fmt in ("csv", "tsv"):
            text = frame.to_csv(index=False, header=self._first, sep="," if self.fmt == "csv" else "\t",
                                lineterminator="\n")
            self._handle.write(text.encode("utf-8"))
        elif self.fmt == "jsonl":
            if len(frame):
                text = frame.to_json(orient="records", lines=True, force_ascii=False)
                self._handle.write(text.encode("utf-8"))
                if not text.endswith("\n"):
                    self._handle.write(b"\n")
        else:
            self._write_parquet(frame)
        self._first = False
        if self.path == "-" and self.fmt != "parquet":
            self._handle.flush()

    def _conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Later chunks in the first chunk's columns: a CSV header or Parquet schema is written once.

        JSONL input can add a field halfway through; dropping it would lose data, so that is an error.
        """
        if self._columns is None:
            self._columns = list(frame.columns)
            return frame
        if list(frame.columns) == self._columns:
            return frame
        extra = [str(c) for c in frame.columns if c not in self._columns]
        if extra:
            raise ClaimError(
                f"field {extra[0]!r} first appears after the first rows, so a {self.fmt.upper()} header cannot hold it: "
                "write JSONL instead (-o NAME.jsonl), which keeps every field"
            )
        return frame.reindex(columns=self._columns)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self._handle, self._schema)
        else:
            table = table.cast(self._schema)
        self._parquet.write_table(table)

    def close(self) -> None:
        """Finish the table and move it into place."""
        if self._parquet is not None:
            self._parquet.close()
        if self.path == "-":
            if self.fmt == "parquet":
                self._stdout.write(self._handle.getvalue())
                self._stdout.flush()
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Drop the partial output; the final name is left as it was."""
        if self.path == "-":
            return
        try:
            self._handle.close()
        except Exception:  # noqa: BLE001 - closing a broken handle must not hide the original error
            pass
        if self._tmp:
            remove_quietly(self._tmp)
            self._tmp = None

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
