import json
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimclf.errors import ClaimError
from claimclf.files import atomic_write_bytes
from claimclf.tables import TableWriter, infer_format, iter_table, read_table


def test_infer_format():
    assert infer_format("a.CSV") == "csv"
    assert infer_format("a.tsv") == "tsv"
    assert infer_format("a.jsonl") == "jsonl"
    assert infer_format("a.parquet") == "parquet"
    assert infer_format("-") == "csv"
    assert infer_format("x.bin", "jsonl") == "jsonl"
    with pytest.raises(ClaimError, match="--format"):
        infer_format("x.bin")


def test_csv_cells_stay_strings(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,text\n007,NA\n008,\n", encoding="utf-8")
    df = read_table(str(p))
    assert df["id"].tolist() == ["007", "008"]
    assert df["text"].tolist() == ["NA", ""]


def test_bom_is_read(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes("id,text\n1,上睑\n".encode("utf-8-sig"))
    assert list(read_table(str(p)).columns) == ["id", "text"]


def test_gb18030_needs_the_encoding_and_says_so(tmp_path):
    p = tmp_path / "gb.csv"
    p.write_bytes("id,text\n1,上睑皮肤松弛遮挡视线\n".encode("gb18030"))
    with pytest.raises(ClaimError, match="--encoding gb18030"):
        read_table(str(p))
    assert read_table(str(p), encoding="gb18030")["text"][0] == "上睑皮肤松弛遮挡视线"


def test_empty_missing_and_header_only(tmp_path):
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    with pytest.raises(ClaimError, match="empty"):
        read_table(str(empty))
    with pytest.raises(ClaimError, match="not found"):
        read_table(str(tmp_path / "nope.csv"))
    header = tmp_path / "h.csv"
    header.write_text("id,text\n")
    df = read_table(str(header))
    assert list(df.columns) == ["id", "text"] and len(df) == 0


def test_chunks_cover_every_row(tmp_path):
    p = tmp_path / "c.csv"
    pd.DataFrame({"id": range(25), "text": ["x"] * 25}).to_csv(p, index=False)
    sizes = [len(c) for c in iter_table(str(p), batch_size=10)]
    assert sizes == [10, 10, 5]


def test_jsonl_errors_name_the_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "a"}\nnot json\n')
    with pytest.raises(ClaimError, match="line 2"):
        read_table(str(p))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_writer_round_trip(tmp_path, fmt):
    out = tmp_path / f"o.{fmt}"
    frames = [pd.DataFrame({"id": ["a", "b"], "text": ["x", "上睑"]}), pd.DataFrame({"id": ["c"], "text": ["z"]})]
    with TableWriter(str(out), fmt) as w:
        for f in frames:
            w.write(f)
    back = read_table(str(out))
    assert back["id"].tolist() == ["a", "b", "c"] and back["text"].tolist() == ["x", "上睑", "z"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_writer_refuses_existing_output(tmp_path):
    out = tmp_path / "o.csv"
    out.write_text("keep me")
    with pytest.raises(ClaimError, match="--overwrite"):
        TableWriter(str(out), "csv")
    assert out.read_text() == "keep me"


def test_failed_write_leaves_nothing_under_the_final_name(tmp_path):
    out = tmp_path / "o.csv"
    with pytest.raises(RuntimeError):
        with TableWriter(str(out), "csv") as w:
            w.write(pd.DataFrame({"a": [1]}))
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_bytes(tmp_path):
    p = tmp_path / "sub" / "f.json"
    atomic_write_bytes(p, json.dumps({"a": 1}).encode())
    assert json.loads(p.read_text()) == {"a": 1}


# --- streaming, encodings and the read meter (batch scoring) ---------------------------------

def test_gb18030_is_caught_on_the_first_chunk_and_named(tmp_path):
    from claimclf.tables import SNIFF_BYTES

    p = tmp_path / "gb.csv"
    rows = "".join(f"{i},上睑皮肤松弛遮挡视线，要求手术\n" for i in range(SNIFF_BYTES // 20))
    p.write_bytes(("id,text\n" + rows).encode("gb18030"))
    with pytest.raises(ClaimError, match=r"line 2.*reads as GB18030.*--encoding gb18030"):
        next(iter_table(str(p), batch_size=10))
    chunks = list(iter_table(str(p), encoding="gb18030", batch_size=20_000))
    assert sum(map(len, chunks)) == SNIFF_BYTES // 20 and chunks[-1]["text"].iloc[-1] == "上睑皮肤松弛遮挡视线，要求手术"


def test_a_bad_byte_past_the_sniffed_start_names_the_row(tmp_path):
    from claimclf.tables import SNIFF_BYTES

    p = tmp_path / "late.csv"
    good = "".join(f"{i},fine text\n" for i in range(SNIFF_BYTES // 10))
    p.write_bytes(("id,text\n" + good).encode() + "9,坏\n".encode("gb18030"))
    with pytest.raises(ClaimError, match=r"after row \d+.*--encoding gb18030"):
        list(iter_table(str(p), batch_size=50_000))


def test_bom_file_in_chunks_keeps_the_header_clean(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes(("id,text\n" + "".join(f"{i},视野{i}\n" for i in range(25))).encode("utf-8-sig"))
    chunks = list(iter_table(str(p), batch_size=10))
    assert [len(c) for c in chunks] == [10, 10, 5]
    assert all(list(c.columns) == ["id", "text"] for c in chunks)


def test_unknown_encoding_is_one_clear_error(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,text\n1,a\n")
    with pytest.raises(ClaimError, match="unknown encoding"):
        read_table(str(p), encoding="klingon")


def test_stdin_is_read_in_chunks_and_header_only_stdin_keeps_columns(tmp_path):
    import io

    data = ("id,text\n" + "".join(f"{i},t{i}\n" for i in range(30))).encode()
    sizes = [len(c) for c in iter_table("-", batch_size=10, stdin=io.BytesIO(data))]
    assert sizes == [10, 10, 10]
    only = list(iter_table("-", stdin=io.BytesIO(b"id,text\n")))
    assert len(only) == 1 and list(only[0].columns) == ["id", "text"] and len(only[0]) == 0
    with pytest.raises(ClaimError, match="standard input is empty"):
        next(iter_table("-", stdin=io.BytesIO(b"")))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_read_meter_knows_or_estimates_the_total(tmp_path, fmt):
    from claimclf.tables import ReadMeter

    p = tmp_path / f"m.{fmt}"
    df = pd.DataFrame({"id": [str(i) for i in range(3000)], "text": ["上睑皮肤松弛 upper lid"] * 3000})
    {"csv": lambda: df.to_csv(p, index=False), "jsonl": lambda: df.to_json(p, orient="records", lines=True),
     "parquet": lambda: df.to_parquet(p)}[fmt]()
    meter = ReadMeter()
    read = 0
    for chunk in iter_table(str(p), batch_size=500, meter=meter):
        read += len(chunk)
        estimate = meter.estimated_rows(read)
        assert estimate is not None and read <= estimate <= 3000 * 3
    assert meter.estimated_rows(3000) == 3000 or fmt != "parquet"


def test_writer_keeps_the_first_chunks_columns_and_refuses_to_drop_a_new_field(tmp_path):
    out = tmp_path / "o.csv"
    with TableWriter(str(out), "csv") as w:
        w.write(pd.DataFrame({"id": ["a"], "text": ["x"], "note": ["n"]}))
        w.write(pd.DataFrame({"text": ["y"], "id": ["b"]}))  # reordered, one field missing
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert back.to_dict("list") == {"id": ["a", "b"], "text": ["x", "y"], "note": ["n", ""]}
    out2 = tmp_path / "o2.csv"
    with pytest.raises(ClaimError, match="write JSONL"):
        with TableWriter(str(out2), "csv") as w:
            w.write(pd.DataFrame({"id": ["a"], "text": ["x"]}))
            w.write(pd.DataFrame({"id": ["b"], "text": ["y"], "surprise": ["z"]}))
    assert not out2.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_malformed_csv_rows_are_kept_marked_and_in_place(tmp_path):
    """Exports break rows with unquoted commas or lost fields: each stays a row, marked, with nothing dropped."""
    from claimclf.tables import unreadable_rows

    p = tmp_path / "broken.csv"
    p.write_text('id,text\n1,"ptosis, field 20"\n2,wants a smaller nose, no complaint, none\n\n3\n'
                 '4,"two\nlines"\n5,ok\n', encoding="utf-8")
    chunks = list(iter_table(str(p), batch_size=2))
    assert [len(c) for c in chunks] == [2, 2, 1]  # the blank line is not a row
    df = pd.concat(chunks, ignore_index=True)
    assert df["id"].tolist() == ["1", "2", "3", "4", "5"]
    assert df["text"].tolist() == ["ptosis, field 20", "wants a smaller nose, no complaint, none", "", "two\nlines", "ok"]
    assert unreadable_rows(chunks[0]) == {
        1: "malformed row ending on line 3: 4 fields where the header has 2; the extra fields are kept in the last column"
    }
    assert unreadable_rows(chunks[1]) == {0: "malformed row ending on line 5: 1 field where the header has 2"}
    assert unreadable_rows(chunks[2]) == {}


def test_training_data_must_parse_cleanly(tmp_path):
    p = tmp_path / "labelled.csv"
    p.write_text("text,label\nptosis blocks the field,therapeutic\nwants, bigger lips,cosmetic\n", encoding="utf-8")
    with pytest.raises(ClaimError, match="malformed row ending on line 3.*labelled data must parse cleanly"):
        read_table(str(p))


@pytest.mark.parametrize("header, named", [("id,text,id,note", "'id' twice (again as column 3)"),
                                           ("id,text,,", "an unnamed column (empty header cell) twice")])
def test_a_repeated_column_name_is_refused_and_named(tmp_path, header, named):
    p = tmp_path / "dup.csv"
    p.write_text(header + "\n1,a,2,3\n", encoding="utf-8")
    with pytest.raises(ClaimError, match=re.escape(named)):
        read_table(str(p))


def test_a_repeated_parquet_column_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "dup.parquet"
    pq.write_table(pa.table([pa.array(["1"]), pa.array(["a"]), pa.array(["b"])], names=["id", "text", "text"]), p)
    with pytest.raises(ClaimError, match="'text' twice"):
        read_table(str(p))


def test_a_megabyte_cell_is_read_whole(tmp_path):
    p = tmp_path / "long.tsv"
    p.write_text("id\ttext\n1\t" + "x" * 1_000_000 + "\n", encoding="utf-8")
    assert len(read_table(str(p))["text"][0]) == 1_000_000


def test_an_unclosed_quote_is_one_clear_error(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('id,text\n1,ok\n2,"never closed\n3,more\n', encoding="utf-8")
    with pytest.raises(ClaimError, match="a quoted field is never closed"):
        read_table(str(p))


def test_a_row_that_cannot_be_parsed_keeps_its_id_and_its_line(tmp_path):
    from claimclf.tables import raw_lines, unreadable_rows

    p = tmp_path / "q.csv"
    p.write_text('id,text\n1,ok\n2,"abc"def\n3,a "quoted" word\n"4"x,damaged id\n', encoding="utf-8")
    (chunk,) = iter_table(str(p))
    assert chunk["id"].tolist() == ["1", "2", "3", ""] and chunk["text"].tolist()[1:3] == ["", 'a "quoted" word']
    assert unreadable_rows(chunk) == {
        1: "line 3 could not be parsed (',' expected after '\"'); the fields before the damage are kept, the line is in raw_line",
        3: "line 5 could not be parsed (',' expected after '\"'); the line is in raw_line",
    }
    assert raw_lines(chunk) == {1: '2,"abc"def', 3: '"4"x,damaged id'}


def test_a_broken_record_over_several_lines_keeps_every_whole_field_and_all_its_lines(tmp_path):
    from claimclf.tables import raw_lines, unreadable_rows

    p = tmp_path / "q.tsv"
    p.write_bytes(b'id\tsite\ttext\tnote\nA-1\t"lid,\nupper"\t"ptosis"x\tn\r\nA-2\tlid\tfine\tn\r\n')
    (chunk,) = iter_table(str(p))
    assert chunk.to_dict("list") == {"id": ["A-1", "A-2"], "site": ["lid,\nupper", "lid"], "text": ["", "fine"],
                                     "note": ["", "n"]}
    assert raw_lines(chunk) == {0: 'A-1\t"lid,\nupper"\t"ptosis"x\tn'} and list(unreadable_rows(chunk)) == [0]


def test_rows_with_the_wrong_number_of_fields_keep_their_line_too(tmp_path):
    from claimclf.tables import raw_lines

    p = tmp_path / "w.csv"
    p.write_text("id,text\n1,a, b\n2\n3,c\n", encoding="utf-8")
    chunks = list(iter_table(str(p), batch_size=2))
    assert [raw_lines(c) for c in chunks] == [{0: "1,a, b", 1: "2"}, {}]


def test_broken_jsonl_lines_stay_rows_and_ids_keep_their_type(tmp_path):
    from claimclf.tables import raw_lines, unreadable_rows

    p = tmp_path / "c.jsonl"
    p.write_text('{"id": 1, "text": "a"}\nnot json\n[1, 2]\n{"id": 4}\n', encoding="utf-8")
    (chunk,) = iter_table(str(p))
    assert len(chunk) == 4 and chunk["id"].tolist()[0] == 1 and chunk["id"].tolist()[3] == 4
    assert unreadable_rows(chunk) == {1: "line 2 is not valid JSON (Expecting value); the line is in raw_line",
                                      2: "line 3 is a JSON list, not an object; the line is in raw_line"}
    assert raw_lines(chunk) == {1: "not json", 2: "[1, 2]"}


def test_parquet_has_no_raw_lines(tmp_path):
    from claimclf.tables import raw_lines

    p = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["1"], "text": ["a"]}).to_parquet(p)
    (chunk,) = iter_table(str(p))
    assert raw_lines(chunk) is None


def test_large_stdin_spills_to_a_temporary_file_and_reads_whole(monkeypatch):
    import io

    import claimclf.tables as cio

    monkeypatch.setattr(cio, "SPOOL_IN_MEMORY", 1000)  # spill after the first block
    rows = "".join(f"{i},{'x' * 200} {i}\n" for i in range(20_000))
    chunks = list(iter_table("-", batch_size=7_000, stdin=io.BytesIO(("id,text\n" + rows).encode())))
    df = pd.concat(chunks, ignore_index=True)
    assert [len(c) for c in chunks] == [7_000, 7_000, 6_000]
    assert df["text"].iloc[-1].endswith(" 19999") and df["id"].tolist()[:3] == ["0", "1", "2"]


def test_written_tables_get_the_umask_mode(tmp_path):
    import os
    import stat

    import pandas as pd

    mask = os.umask(0o027)
    try:
        with TableWriter(str(tmp_path / "out.csv"), "csv") as writer:
            writer.write(pd.DataFrame({"text": ["a"]}))
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o640


# --- exclusive, named outputs and the machine's refusals --------------------------------------

def test_a_writer_never_replaces_an_output_that_appeared_while_it_ran(tmp_path):
    """Both writers pass the start check; the first to finish keeps the name, the second fails and leaves it intact."""
    out = tmp_path / "o.csv"
    slow, fast = TableWriter(str(out), "csv"), TableWriter(str(out), "csv")
    slow.write(pd.DataFrame({"id": ["slow"] * 3}))
    fast.write(pd.DataFrame({"id": ["fast"]}))
    fast.close()
    with pytest.raises(ClaimError, match=r"output .*o\.csv appeared while this run was going .*--overwrite"):
        slow.close()
    assert out.read_text() == "id\nfast\n"
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"]  # the loser's temporary file is gone
    again = TableWriter(str(out), "csv", overwrite=True)
    again.write(pd.DataFrame({"id": ["new"]}))
    again.close()
    assert out.read_text() == "id\nnew\n"


def test_an_output_directory_or_a_missing_one_is_refused_by_name(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(ClaimError, match=r"output .*d is a directory: give a file name inside it"):
        TableWriter(str(tmp_path / "d"), "csv")
    with pytest.raises(ClaimError, match=r"the output's directory .*new/sub does not exist: create it first"):
        TableWriter(str(tmp_path / "new" / "sub" / "o.csv"), "csv")
    assert not (tmp_path / "new").exists()
    (tmp_path / "f").write_text("")
    with pytest.raises(ClaimError, match=r"directory .*f is not a directory"):
        TableWriter(str(tmp_path / "f" / "o.csv"), "csv")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_full_disk_is_named_and_the_temporary_file_removed(tmpfs, fmt):
    from claimclf.errors import DiskFull

    disk = tmpfs("64k")
    out = disk / f"o.{fmt}"
    big = pd.DataFrame({"id": [str(i) for i in range(20_000)], "text": ["ptosis blocks the upper field"] * 20_000})
    with pytest.raises(DiskFull, match=rf"cannot write {out}: No space left on device"):
        with TableWriter(str(out), fmt) as w:
            w.write(big)
    assert list(disk.iterdir()) == []


def test_a_read_only_file_system_is_named_before_any_work(tmpfs):
    from claimclf.errors import CannotWrite

    disk = tmpfs(read_only=True)
    with pytest.raises(CannotWrite, match=rf"cannot write {disk / 'o.csv'}: Read-only file system"):
        TableWriter(str(disk / "o.csv"), "csv")


def test_a_closed_stdout_is_its_own_error():
    import os

    from claimclf.errors import OutputClosed

    read, write = os.pipe()
    os.close(read)
    with open(write, "wb", buffering=0) as stdout, pytest.raises(OutputClosed):
        TableWriter("-", "csv", stdout=stdout).write(pd.DataFrame({"id": ["1"]}))


# --- encodings: a hint that names the likely one, and BOMs read --------------------------------

CHINESE_TRADITIONAL = ["上瞼皮膚鬆弛遮擋視線，視野檢查上方僅20度", "想做雙眼皮，拍照好看", "燒傷疤痕攣縮，肘關節伸直受限"]
JAPANESE = ["眼瞼下垂で視野が狭くなっています", "二重まぶたにしたい、写真映えのため", "熱傷後の瘢痕拘縮で肘が伸びない"]


@pytest.mark.parametrize("texts, encoding, named, hint, only", [
    (CHINESE_TRADITIONAL, "big5", "Big5", "--encoding big5", True),
    (JAPANESE, "shift_jis", "Shift-JIS", "--encoding cp932", True),
    (JAPANESE, "euc_jp", "EUC-JP", "--encoding euc_jp", False),  # named first; GB18030 may follow as less likely
])
def test_the_encoding_hint_names_the_likely_encoding_not_gb18030(tmp_path, texts, encoding, named, hint, only):
    p = tmp_path / "in.csv"
    p.write_bytes(("id,text\n" + "".join(f"{i},{t}\n" for i, t in enumerate(texts * 3))).encode(encoding))
    with pytest.raises(ClaimError) as info:
        next(iter_table(str(p)))
    message = str(info.value)
    assert f"it reads as {named}" in message and message.endswith(f"so try {hint}"), message
    assert "gb18030" not in message.lower() or not only, message
    (chunk,) = iter_table(str(p), encoding=hint.split()[-1])  # never switched by itself, read when given
    assert chunk["text"].tolist() == texts * 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding, fmt):
    texts = ["上睑皮肤松弛遮挡视线", "wants fuller lips", "眼瞼下垂"]
    if fmt == "csv":
        body = "id,text\r\n" + "".join(f"{i},{t}\r\n" for i, t in enumerate(texts))
    else:
        body = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    p = tmp_path / f"in.{fmt}"
    bom = "\ufeff" if encoding.endswith("-be") else ""  # utf-16 and utf-32 write their own BOM
    p.write_bytes((bom + body).encode(encoding))
    (chunk,) = iter_table(str(p))
    assert list(chunk.columns) == ["id", "text"] and chunk["text"].tolist() == texts


def test_utf16_without_a_bom_is_named(tmp_path):
    p = tmp_path / "in.csv"
    p.write_bytes("id,text\n1,ptosis blocks the upper field\n2,wants fuller lips\n".encode("utf-16-le"))
    with pytest.raises(ClaimError, match=r"looks like UTF-16 \(little-endian, no BOM\): pass --encoding utf-16-le"):
        next(iter_table(str(p)))


AWKWARD = [
    'id,text\n1,plain claim\n2,"quoted, with comma"\n3,"line\nbreak"\n4,\n5,"say ""hi"""\n',
    'text\nonly column\n\n""\nlast\n',
    'id,text,decision\n1,a,old value\n2,b,\n',  # an input column named like an output column is replaced
    'id,text\n001,Ptosis blocks vision\n002,"abc"def\n003,wants botox\n',  # a row that cannot be parsed
    'id,text\n1,too,many,fields\n2\n3,ok\n',  # rows of the wrong width
    'id,text\n',  # a header and no rows
    'id\ttext\n1\ttab separated\n2\t"with\ttab"\n',
]


@pytest.mark.parametrize("content", AWKWARD)
def test_plain_tables_write_the_bytes_pandas_writes(tmp_path, content):
    """CSV and TSV are scored without pandas; the output must not change by a byte for it."""
    import math

    from claimclf.scoring.scorer import OUTPUT_COLUMNS, attach_results

    fmt = "tsv" if "\t" in content else "csv"
    src = tmp_path / f"in.{fmt}"
    src.write_text(content, encoding="utf-8", newline="")
    ps = [math.nan, 0.0, 1.0, 1e-06, 5e-05, 0.0001, 0.123456, 0.5, 0.999999, 1.5e-05, 0.1]
    outputs = []
    for plain in (False, True):
        dst = tmp_path / f"out_{plain}.{fmt}"
        with TableWriter(str(dst), fmt) as writer:
            for chunk in iter_table(str(src), fmt=fmt, batch_size=2, plain=plain):
                n = len(chunk)
                results = {col: [f"{col} {i}" if i % 3 else "" for i in range(n)] for col in OUTPUT_COLUMNS}
                results["p_cosmetic"] = [ps[i % len(ps)] for i in range(n)]
                writer.write(attach_results(chunk, results))
        outputs.append(dst.read_bytes())
    assert outputs[0] == outputs[1]


def test_every_float_scoring_prints_reads_as_pandas_prints_it():
    import numpy as np

    from claimclf.tables import _cell

    values = np.round(np.random.default_rng(0).random(20_000) ** 6, 6)
    assert [_cell(float(v)) for v in values] == values.astype(str).tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.text(alphabet='ab ,;\t"\n\r\x00é视', max_size=8), st.none(),
                                   st.floats(allow_nan=True), st.integers()), min_size=1, max_size=4),
                min_size=1, max_size=6),
       st.sampled_from([",", "\t"]), st.booleans())
def test_plain_tables_are_written_as_the_csv_module_writes_them(rows, sep, header):
    import csv
    import io

    from claimclf.tables import Table, _cell, _delimited

    width = len(rows[0])
    rows = [(row * width)[:width] for row in rows]  # every row as wide as the first
    table = Table([f"c{i}" for i in range(width)], rows)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerows(([table.columns] if header else []) + [[v if type(v) is str else _cell(v) for v in r] for r in rows])
    assert _delimited(table, header, sep) == out.getvalue()
