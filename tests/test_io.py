import json

import pandas as pd
import pytest

from claimclf.errors import ClaimError
from claimclf.io import TableWriter, atomic_write_bytes, infer_format, iter_table, read_table


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
