"""A tiny template language so that each scenario describes many distinct texts.

Syntax, nestable:
  ``{a|b|c}``     one alternative, chosen uniformly
  ``[text]``      optional text, kept half the time
  ``<n:A-B>``     an integer drawn from A..B inclusive
  ``<f:A-B>``     a number with one decimal drawn from A..B
  ``<name>``      a slot: a value of ``slots[name]`` (a list of templates or a callable)

Expansion is driven by a ``random.Random`` so the same seed gives the same text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence

SlotValue = Sequence[str] | Callable[[random.Random], str]

_NUMBER = re.compile(r"^(n|f):(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$")


class TemplateError(ValueError):
    """A template that cannot be expanded (unbalanced brackets, unknown slot)."""


def _split_top(body: str, sep: str = "|") -> list[str]:
    """Split ``body`` on ``sep`` where it is not inside nested brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch in "{[<":
            depth += 1
        elif ch in "}]>":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def _matching(text: str, start: int) -> int:
    """Index of the bracket closing the one opened at ``start``."""
    pairs = {"{": "}", "[": "]", "<": ">"}
    stack = [pairs[text[start]]]
    for i in range(start + 1, len(text)):
        ch = text[i]
        if ch in pairs:
            stack.append(pairs[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return i
    raise TemplateError(f"unbalanced bracket at {start} in template: {text[:60]!r}")


def expand(template: str, rng: random.Random, slots: Mapping[str, SlotValue] | None = None) -> str:
    """Expand ``template`` once."""
    slots = slots or {}
    out: list[str] = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch not in "{[<":
            out.append(ch)
            i += 1
            continue
        end = _matching(template, i)
        body = template[i + 1 : end]
        if ch == "{":
            out.append(expand(rng.choice(_split_top(body)), rng, slots))
        elif ch == "[":
            if rng.random() < 0.5:
                out.append(expand(body, rng, slots))
        else:
            out.append(_slot(body, rng, slots))
        i = end + 1
    return "".join(out)


def _slot(body: str, rng: random.Random, slots: Mapping[str, SlotValue]) -> str:
    m = _NUMBER.match(body)
    if m:
        kind, lo, hi = m.group(1), float(m.group(2)), float(m.group(3))
        if kind == "n":
            return str(rng.randint(int(lo), int(hi)))
        return f"{rng.uniform(lo, hi):.1f}"
    if body not in slots:
        raise TemplateError(f"unknown slot <{body}>")
    value = slots[body]
    if callable(value):
        return value(rng)
    return expand(rng.choice(list(value)), rng, slots)
