"""A generated block is replaced between its markers and nowhere else; missing markers stop the command."""

from __future__ import annotations

import pytest

from claimclf.generated_blocks import read_block, write_block

START, END = "<!-- t:start -->", "<!-- t:end -->"


def test_write_then_read_gives_the_block_and_keeps_the_rest(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(f"# head\n\n{START}\nold | row\n{END}\n\ntail {START[:4]}\n", encoding="utf-8")
    write_block(path, START, END, "| new |\n| rows |", "table")
    text = path.read_text(encoding="utf-8")
    assert text == f"# head\n\n{START}\n| new |\n| rows |\n{END}\n\ntail {START[:4]}\n"
    assert read_block(text, START, END) == "| new |\n| rows |"


def test_missing_markers_stop_with_the_markers_named(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(f"# head\n{START}\nno end\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no table markers"):
        write_block(path, START, END, "x", "table")
    assert path.read_text(encoding="utf-8") == f"# head\n{START}\nno end\n"
