"""Parts of a document written by a command between two marker lines, such as the README's tables.

Its tests check each block against the file it was rendered from, so numbers are never typed by hand.
"""

from __future__ import annotations

from pathlib import Path


def read_block(text: str, start: str, end: str, what: str = "generated") -> str:
    """What stands between the markers, without the line breaks around it."""
    if start not in text or end not in text:
        raise SystemExit(f"no {what} markers ({start} ... {end}): put them back where the block belongs")
    return text.split(start, 1)[1].split(end, 1)[0].strip("\n")


def write_block(path: Path, start: str, end: str, block: str, what: str = "generated") -> None:
    """Replace what stands between the markers of ``path`` with ``block``; the rest stays byte for byte."""
    from claimclf.files import atomic_write_text

    text = path.read_text(encoding="utf-8")
    read_block(text, start, end, what)
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    atomic_write_text(path, f"{head}{start}\n{block}\n{end}{tail}")
