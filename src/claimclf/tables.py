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
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from claimclf.errors import ClaimError, OutputClosed, environment_error
from claimclf.files import claim, remove_quietly, temporary_beside

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
RAW_LINES = "claimclf_raw_lines"  # frame.attrs key of text formats: {position of a broken row: its line(s) as read}
RAW_LINE = "raw_line"  # the output column that carries them


@dataclass
class Table:
    """A chunk of a CSV or TSV file as read: its column names and rows of strings, without pandas.

    Scoring CSV or TSV into CSV or TSV needs nothing more, and pandas takes the reading process
    about a second to import, a second a core could spend scoring. ``attrs`` holds what a
    DataFrame's ``attrs`` would (:func:`unreadable_rows`, :func:`raw_lines`).
    """

    columns: list[str]
    rows: list[list[object]]
    attrs: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[object]:
        at = self.columns.index(name)
        return [row[at] for row in self.rows]

    def with_columns(self, added: dict[str, list[object]]) -> Table:
        """This table with ``added`` appended, replacing any column of the same name (attrs not kept)."""
        keep = [i for i, name in enumerate(self.columns) if name not in added]
        columns = [self.columns[i] for i in keep] + list(added)
        new = list(zip(*added.values(), strict=True)) if added else [()] * len(self.rows)
        if len(keep) == len(self.columns):
            rows = [row + list(extra) for row, extra in zip(self.rows, new, strict=True)]
        else:
            rows = [[row[i] for i in keep] + list(extra) for row, extra in zip(self.rows, new, strict=True)]
        return Table(columns, rows)


def infer_format(path: str, explicit: str | None = None, option: str = "--format") -> str:
    """The table format: ``explicit`` if given, else from the extension, else CSV for ``-``.

    ``option`` is the option that would say it (``--output-format`` for an output), named in the error.
    """
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
            f"cannot tell the format of {path!r} from its extension: pass {option} {'/'.join(FORMATS)}"
        )
    return fmt


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8", "u8")


# Display names for the encodings charset detection names most often in claim exports.
_ENCODING_NAMES = {
    "gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS", "cp950": "Big5 (cp950)",
    "cp932": "Shift-JIS (cp932)", "shift_jis": "Shift-JIS", "euc_jp": "EUC-JP", "cp949": "Korean (cp949)",
    "euc_kr": "EUC-KR", "utf-16": "UTF-16", "utf-32": "UTF-32", "utf-16-le": "UTF-16 (little-endian, no BOM)",
    "utf-16-be": "UTF-16 (big-endian, no BOM)", "cp1252": "Windows-1252", "cp1250": "Windows-1250",
    "cp1251": "Windows-1251", "iso8859-1": "Latin-1",
}
# GB2312 and GBK are subsets of GB18030: suggest the superset, which reads every file they do.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932"}


# The encodings claim exports come in; detection among all of Python's codecs picks exotic cousins
# (shift_jis_2004 for a line of GB18030) when a sample is short.
DETECT_BYTES = 1 << 16  # enough text to tell encodings apart, little enough to take milliseconds
_CANDIDATES = ["utf_16", "utf_32", "gb18030", "big5", "cp932", "euc_jp", "cp949", "cp1252", "cp1250", "cp1251", "latin_1"]


def likely_encodings(sample: bytes) -> list[str]:
    """Python codec names charset detection finds likely for ``sample``, best first; several when it cannot tell.

    A hint only: claimclf never switches encoding by itself, since a wrong guess scores garbled text.
    """
    import codecs

    from charset_normalizer import from_bytes

    head = sample[:DETECT_BYTES]
    lines = head[: head.rfind(b"\n") + 1] or head  # whole lines: a character cut in two matches no encoding
    matches = list(from_bytes(lines, cp_isolation=_CANDIDATES)) or list(from_bytes(head, cp_isolation=_CANDIDATES))
    if not matches:
        return _bomless_utf16(sample)
    best = matches[0].chaos
    names: list[str] = []
    for match in matches:
        name = codecs.lookup(match.encoding).name
        name = _SUPERSETS.get(name, name)
        if match.chaos <= best + 0.1 and name not in names:  # as plausible as the best: too close to call
            names.append(name)
    return names[:3]


def _bomless_utf16(sample: bytes) -> list[str]:
    """UTF-16 without a byte-order mark, told by its zero bytes: Latin text puts one in every other byte."""
    head = sample[:4096]
    if len(head) < 8:
        return []
    even, odd = head[0::2].count(0) / len(head[0::2]), head[1::2].count(0) / len(head[1::2])
    if odd > 0.3 > even:
        return ["utf-16-le"]
    if even > 0.3 > odd:
        return ["utf-16-be"]
    return []


def _encoding_error(path: str, encoding: str, exc: UnicodeDecodeError, where: str = "", likely: list[str] | None = None
                    ) -> ClaimError:
    where = f"{where}: " if where else ""
    likely = [n for n in likely or [] if n.replace("-", "_") != encoding.lower().replace("-", "_")]
    if likely:
        shown = [_ENCODING_NAMES.get(n, n) for n in likely]
        also = f" (or {', '.join(shown[1:])})" if len(shown) > 1 else ""
        hint = f" it reads as {shown[0]}{also}, so try --encoding {likely[0]}"
    elif _is_utf8(encoding):
        hint = " if it was exported from a Chinese system, try --encoding gb18030 (or big5, cp932)"
    else:
        hint = " try another --encoding (utf-8, gb18030, big5, cp932)"
    return ClaimError(f"{path} is not valid {encoding} ({where}{exc.reason});{hint}")


SNIFF_BYTES = 1 << 20
# Byte-order marks that make the encoding unambiguous (UTF-32 first: its LE mark starts with UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def bom_encoding(handle: IO[bytes], encoding: str) -> str:
    """UTF-16 or UTF-32 when the input starts with their byte-order mark and UTF-8 was expected, else ``encoding``.

    Not a guess: those marks are not valid UTF-8, so a file starting with one can only be read one way.
    """
    if not _is_utf8(encoding):
        return encoding
    head = handle.read(4)
    handle.seek(0)
    return next((name for mark, name in _BOMS if head.startswith(mark)), encoding)


def _sniff_encoding(handle: IO[bytes], path: str, encoding: str) -> None:
    """Fail in a second, not an hour in, when a file is not in the expected encoding.

    Only the first MiB is checked (a later bad byte still stops the run, naming the row). The error
    names the encoding charset detection finds likely; it is not used silently: GB18030 in
    particular decodes most byte sequences, so a wrong guess would score garbled text.
    """
    import codecs

    sample = handle.read(SNIFF_BYTES)
    handle.seek(0)
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) < SNIFF_BYTES)
    except LookupError:
        raise ClaimError(f"unknown encoding {encoding!r}: try utf-8, gb18030, big5 or cp932") from None
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
        raise _encoding_error(path, encoding, exc, f"line {line}", likely_encodings(sample)) from None
    if _is_utf8(encoding) and (utf16 := _bomless_utf16(sample)):  # zero bytes are valid UTF-8, garbled columns are not
        raise ClaimError(f"{path} looks like {_ENCODING_NAMES[utf16[0]]}: pass --encoding {utf16[0]}")


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
    plain: bool = False,
) -> Iterator[pd.DataFrame | Table]:
    """Yield the table in chunks of at most ``batch_size`` rows, CSV/TSV cells as strings.

    ``plain`` reads CSV and TSV into :class:`Table` chunks rather than DataFrames (other formats
    are DataFrames whatever it says).

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
            encoding = bom_encoding(handle, encoding)
            _sniff_encoding(handle, "standard input" if path == "-" else path, encoding)
        source = path if fmt == "parquet" and path != "-" else handle  # pyarrow reads files natively
        yield from _iter_handle(source, path, fmt, encoding, batch_size, meter, plain)


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
    source: str | IO[bytes], path: str, fmt: str, encoding: str, batch_size: int, meter: ReadMeter | None,
    plain: bool = False,
) -> Iterator[pd.DataFrame | Table]:
    import csv

    rows = 0
    try:
        if fmt in ("csv", "tsv"):
            for chunk in _iter_delimited(source, str(path), fmt, encoding, batch_size, plain):
                rows += len(chunk)
                yield chunk
        elif fmt == "jsonl":
            for chunk in _iter_jsonl(source, encoding, batch_size):
                rows += len(chunk)
                yield chunk
        else:
            yield from _iter_parquet(source, str(path), batch_size, meter)
    except UnicodeDecodeError as exc:
        raise _encoding_error(str(path), encoding, exc, f"after row {rows}") from None
    except LookupError:
        raise ClaimError(f"unknown encoding {encoding!r}: try utf-8, gb18030, big5 or cp932") from None
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


def raw_lines(frame: pd.DataFrame) -> dict[int, str] | None:
    """The broken rows' lines as read, by position; None for a format whose rows cannot break (Parquet)."""
    return frame.attrs.get(RAW_LINES)


def _mark(frame: pd.DataFrame | Table, unreadable: dict[int, str], raw: dict[int, str]) -> pd.DataFrame | Table:
    if unreadable:
        frame.attrs[UNREADABLE] = unreadable
    frame.attrs[RAW_LINES] = raw  # set even when empty: the output has the column whether or not a row broke
    return frame


def _frame(rows: list, columns: list[str], unreadable: dict[int, str], raw: dict[int, str],
           plain: bool = False) -> pd.DataFrame | Table:
    if plain:
        return _mark(Table(columns, rows), unreadable, raw)
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns, dtype=str) if rows else pd.DataFrame(columns=columns, dtype=str)
    return _mark(frame, unreadable, raw)


def _check_unique(header: list[str], path: str) -> list[str]:
    """The header as given, refusing a repeated name: which of two ``text`` columns to score, and which to carry?"""
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if name in seen:
            shown = repr(name) if name else "an unnamed column (empty header cell)"
            raise ClaimError(f"{path}: the header names {shown} twice (again as column {position}): "
                             "rename one so every column has its own name")
        seen.add(name)
    return header


def _fields_before_damage(raw: str, sep: str, width: int) -> list[str]:
    """The fields of a record that cannot be parsed which end before the damage, e.g. the id of ``002,"abc"def``.

    The record is cut at each delimiter in turn; the longest cut that parses strictly as one
    record holds only whole fields. Only the first 10,000 characters are tried: ids come first.
    """
    import csv

    kept: list[str] = []
    for cut, char in enumerate(raw[:10_000]):
        if char != sep:
            continue
        try:
            rows = list(csv.reader(io.StringIO(raw[:cut], newline=""), delimiter=sep, strict=True))
        except csv.Error:
            continue
        if len(rows) == 1:
            kept = rows[0]
            if len(kept) >= width:
                break
    return kept[:width]


def _iter_delimited(source: IO[bytes], path: str, fmt: str, encoding: str, batch_size: int,
                    plain: bool = False) -> Iterator[pd.DataFrame | Table]:
    """CSV or TSV in chunks of strings; a row with the wrong number of fields is kept and marked, never dropped.

    Exports often hold rows broken by an unquoted delimiter or a lost field. Such a row keeps its
    fields (extra ones joined into the last column, so nothing is lost; missing ones empty) and is
    marked :class:`Unreadable`, since its text may sit in the wrong column. Blank lines are not rows.
    """
    import csv

    csv.field_size_limit(2**31 - 1)  # a claim may be megabytes long; the scorer truncates, the reader must not
    sep = "," if fmt == "csv" else "\t"
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    taken: list[str] = []  # the lines of the record being read, kept for it if it turns out broken

    def tapped() -> Iterator[str]:
        for line in text:
            taken.append(line)
            yield line

    try:
        reader = csv.reader(tapped(), delimiter=sep, strict=True)
        header = next((row for row in reader if row), None)
        if header is None:
            raise ClaimError(f"{path} has no header row: expected column names on the first line")
        columns = _check_unique(header, path)
        width = len(columns)
        batch: list[list[str]] = []
        unreadable: dict[int, str] = {}
        raw: dict[int, str] = {}
        yielded = False
        while True:
            taken.clear()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "end of data" in str(exc):  # every later line would be swallowed into one field
                    raise ClaimError(f"{path}: a quoted field is never closed (opened before line {reader.line_num}); "
                                     "fix the quoting") from None
                line = _strip_newline("".join(taken))
                row = _fields_before_damage(line, sep, width)
                unreadable[len(batch)] = (f"line {reader.line_num} could not be parsed ({exc}); "
                                          f"{'the fields before the damage are kept, ' if row else ''}the line is in {RAW_LINE}")
                raw[len(batch)] = line
                row = row + [""] * (width - len(row))
            if not row:
                continue
            if len(row) != width:
                unreadable[len(batch)] = (
                    f"malformed row ending on line {reader.line_num}: {len(row)} field{'s' if len(row) > 1 else ''} "
                    f"where the header has {width}" + ("; the extra fields are kept in the last column" if len(row) > width else "")
                )
                raw[len(batch)] = _strip_newline("".join(taken))
                row = row[: width - 1] + [sep.join(row[width - 1 :])] if len(row) > width else row + [""] * (width - len(row))
            batch.append(row)
            if len(batch) >= batch_size:
                yield _frame(batch, columns, unreadable, raw, plain)
                yielded, batch, unreadable, raw = True, [], {}, {}
        if batch or not yielded:
            yield _frame(batch, columns, unreadable, raw, plain)
    finally:
        text.detach()  # the byte handle belongs to the caller


def _strip_newline(line: str) -> str:
    """A record's text without the line break that ends it (breaks inside a quoted field stay)."""
    for end in ("\r\n", "\n", "\r"):
        if line.endswith(end):
            return line[: -len(end)]
    return line


def _iter_jsonl(source: str | IO[bytes], encoding: str, batch_size: int) -> Iterator[pd.DataFrame]:
    import json

    handle = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
    # Decoded as a stream, not line by line: in UTF-16 a line break is two bytes.
    text = io.TextIOWrapper(handle, encoding=encoding, newline="\n")
    try:
        batch: list[dict] = []
        unreadable: dict[int, str] = {}
        raw: dict[int, str] = {}
        yielded = False
        for lineno, read in enumerate(text, start=1):
            line = read.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
                why = "" if isinstance(record, dict) else f"is a JSON {type(record).__name__}, not an object"
            except json.JSONDecodeError as exc:
                why = f"is not valid JSON ({exc.msg})"
            if why:  # kept as an empty record, so the output still has one row per input line
                unreadable[len(batch)] = f"line {lineno} {why}; the line is in {RAW_LINE}"
                raw[len(batch)] = line
                record = {}
            batch.append(record)
            if len(batch) >= batch_size:
                yield _records(batch, unreadable, raw)
                yielded, batch, unreadable, raw = True, [], {}, {}
        if batch or not yielded:
            yield _records(batch, unreadable, raw)
    finally:
        text.detach()
        if isinstance(source, str):
            handle.close()


def _records(batch: list[dict], unreadable: dict[int, str], raw: dict[int, str]) -> pd.DataFrame:
    import pandas as pd

    # object columns: a field missing from one record must not turn the others' ids 1, 2 into 1.0, 2.0
    frame = pd.DataFrame(batch, dtype=object) if batch else pd.DataFrame()
    if len(frame) < len(batch):  # only empty records: the constructor gives no rows
        frame = pd.DataFrame(index=range(len(batch)))
    return _mark(frame, unreadable, raw)


def _iter_parquet(source: str | IO[bytes], path: str, batch_size: int, meter: ReadMeter | None = None) -> Iterator[pd.DataFrame]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ClaimError(f"not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    _check_unique(pf.schema_arrow.names, path)
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


def check_output_path(path: str, overwrite: bool = False) -> None:
    """Refuse, before any work, an output that is a directory, lies in a missing directory, or exists (without --overwrite)."""
    target = Path(path)
    if target.is_dir():
        raise ClaimError(f"output {path} is a directory: give a file name inside it, e.g. -o {target / 'scored.csv'}")
    parent = target.parent
    if not parent.is_dir():
        what = "is not a directory" if parent.exists() else "does not exist"
        raise ClaimError(f"the output's directory {parent} {what}: create it first, or choose another -o")
    if target.exists() and not overwrite:
        raise ClaimError(f"output {path} already exists: pass --overwrite to replace it, or choose another -o")


class TableWriter:
    """Appends frames to a table; on success moves the temporary file into place.

    ``-`` writes to stdout as it goes. Anything else is written next to its final name and only
    appears there when :meth:`close` succeeds, and then never over a file that appeared meanwhile
    unless ``overwrite`` (see :func:`claimclf.files.claim`); a failure or an interruption removes the
    temporary file. The machine's refusals (disk full, read-only, closed pipe) become one-line errors
    naming the output (:func:`claimclf.errors.environment_error`).
    """

    def __init__(self, path: str, fmt: str, overwrite: bool = False, stdout: IO[bytes] | None = None) -> None:
        self.path, self.fmt, self.overwrite = path, fmt, overwrite
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
            check_output_path(path, overwrite)
            try:
                fd, self._tmp = temporary_beside(Path(path), ".partial")
            except OSError as exc:
                raise self._environment(exc) from None
            self._handle = os.fdopen(fd, "wb")

    def _environment(self, exc: OSError) -> BaseException:
        """The one-line error for ``exc`` met while writing this output, or ``exc`` itself if it is not the machine's."""
        if isinstance(exc, BrokenPipeError) and self.path == "-":
            return OutputClosed("standard output was closed by the reader")
        return environment_error(exc, self.path) or exc

    def write(self, frame: pd.DataFrame) -> None:
        try:
            self._write(frame)
        except OSError as exc:
            raise self._environment(exc) from None

    def _write(self, frame: pd.DataFrame | Table) -> None:
        if self.fmt != "jsonl":
            frame = self._conform(frame)
        if isinstance(frame, Table):
            if self.fmt not in ("csv", "tsv"):
                raise ValueError(f"a plain Table is written as CSV or TSV, not {self.fmt}")
            self._handle.write(_delimited(frame, self._first, "," if self.fmt == "csv" else "\t").encode("utf-8"))
        elif self.fmt in ("csv", "tsv"):
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

    def _conform(self, frame: pd.DataFrame | Table) -> pd.DataFrame | Table:
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
        if isinstance(frame, Table):
            at = [frame.columns.index(c) if c in frame.columns else None for c in self._columns]
            return Table(self._columns, [[row[i] if i is not None else "" for i in at] for row in frame.rows])
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
        """Finish the table and move it into place; on any failure the temporary file is removed."""
        try:
            self._finish()
        except OSError as exc:
            self.abort()
            raise self._environment(exc) from None
        except BaseException:
            self.abort()
            raise

    def _finish(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self.path == "-":
            if self.fmt == "parquet":
                self._stdout.write(self._handle.getvalue())
            (self._stdout if self.fmt == "parquet" else self._handle).flush()
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        try:
            claim(self._tmp, Path(self.path), self.overwrite)
        except FileExistsError:
            raise ClaimError(f"output {self.path} appeared while this run was going (another run?) and was left as it "
                             "was; this run's result was not kept: pass --overwrite to replace it, or choose another -o"
                             ) from None
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


def _delimited(table: Table, header: bool, sep: str) -> str:
    """The rows as pandas' ``to_csv`` writes them (the csv module, minimal quoting, ``\n``): the same bytes.

    Floats as their shortest repr, as numpy and so pandas print them; a missing value (None, NaN) empty.
    Built a column at a time: a column none of whose cells needs quotes (ids, labels, scores) is
    joined as it is, and only the others are looked at cell by cell (``tests/test_tables.py`` checks
    the bytes against the csv module's).
    """
    rows = ([table.columns] if header else []) + table.rows
    if not rows:
        return ""
    if len(rows[0]) < 2:  # a record of one empty field is written "": the csv module's rule, kept by using it
        import csv

        out = io.StringIO()
        csv.writer(out, delimiter=sep, lineterminator="\n").writerows(
            [[v if type(v) is str else _cell(v) for v in row] for row in rows])
        return out.getvalue()
    columns = [_quoted(list(column), sep) for column in zip(*rows, strict=True)]
    return "\n".join(map(sep.join, zip(*columns, strict=True))) + "\n"


def _quoted(cells: list[object], sep: str) -> list[str]:
    """A column's cells as the csv module writes them with minimal quoting."""
    if not all(type(v) is str for v in cells):
        cells = [v if type(v) is str else _cell(v) for v in cells]
    joined = "".join(cells)
    if sep not in joined and '"' not in joined and "\n" not in joined and "\r" not in joined:
        return cells
    return [_quote(v, sep) if (sep in v or '"' in v or "\n" in v or "\r" in v) else v for v in cells]


def _quote(value: str, sep: str) -> str:
    if "\r" in value:  # whether a carriage return alone asks for quotes has changed between Pythons: ask this one
        import csv

        out = io.StringIO()
        csv.writer(out, delimiter=sep, lineterminator="\n").writerow([value, ""])
        return out.getvalue()[: -len(sep) - 1]
    return '"' + value.replace('"', '""') + '"'


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return repr(value) if isinstance(value, float) else str(value)
