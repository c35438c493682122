"""Appendix headings: which headings open an appendix, their numbers, and the numbering check.

A level-1 heading whose text starts with "Phụ lục" opens an appendix ("# Phụ lục", "# Phụ lục
II"). ND30 (PL I, III.1.a) numbers two or more appendices in Roman numerals, in order: "Phụ lục
I", "Phụ lục II"; a single appendix needs no number. An editor may leave the numbers out (they
are printed from the appendices' order) or type them; a typed number must be the one its place
gives, and never Arabic ("Phụ lục 01"). Render prints the headings (baocao.render.appendix);
check reports a wrong number at its heading's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeGuard

from baocao import codes
from baocao.parse.blocks import Heading, source_text, typed_text
from baocao.problems import Position, Problem

HEADING = re.compile(r"^\s*phụ\s+lục\b", re.IGNORECASE)
# "Phụ lục" (as typed), its number if any (Roman or Arabic), and the rest of the heading.
PARTS = re.compile(
    r"^\s*(phụ\s+lục)(?:\s+([ivxlcdm]+|\d+)(?=$|[\s.:,;)\-–—]))?(.*)$", re.IGNORECASE | re.S
)
ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def is_appendix_heading(block: object) -> TypeGuard[Heading]:
    """Whether a block opens an appendix: a level-1 heading reading "Phụ lục …"."""
    return (
        isinstance(block, Heading)
        and block.level == 1
        and bool(HEADING.match(source_text(block.inlines)))
    )


def roman(number: int) -> str:
    """A positive number in Roman numerals: 4 → "IV"."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def typed_number(heading: Heading) -> str | None:
    """The number typed after "Phụ lục" ("II", "01"), or None when there is none."""
    match = PARTS.match(source_text(heading.inlines))
    return match.group(2) if match else None


def numbered_heading(heading: Heading, place: int, count: int) -> str:
    """The heading as printed, for the appendix at `place` (1, 2, …) of `count`: as typed, with
    its Roman numeral added when there are two or more appendices and none was typed."""
    text = source_text(heading.inlines)
    match = PARTS.match(text)
    if count < 2 or match is None or match.group(2) is not None:
        return text
    return f"{match.group(1)} {roman(place)}{match.group(3)}"


def appendix_problems(blocks: Sequence[object]) -> list[Problem]:
    """Each appendix heading whose typed number is not the one its place gives."""
    headings = [block for block in blocks if is_appendix_heading(block)]
    problems = []
    for place, heading in enumerate(headings, start=1):
        typed = typed_number(heading)
        if typed is None or typed == roman(place):
            continue
        if len(headings) == 1:
            message = f"chỉ có một phụ lục: ghi “Phụ lục”, không đánh số “Phụ lục {typed}”"
        elif typed.isdigit():
            message = (
                f"phụ lục đánh số La Mã: ghi “Phụ lục {roman(place)}”, không ghi “Phụ lục {typed}”"
            )
        else:
            message = (
                f"phụ lục thứ {place} trong {len(headings)} phụ lục là “Phụ lục {roman(place)}”, "
                f"không phải “Phụ lục {typed}”"
            )
        problems.append(Problem(codes.APPENDIX_NUMBER, _number_position(heading), message))
    return problems


def _number_position(heading: Heading) -> Position:
    """Where a heading's number is typed after "Phụ lục": "II" in "# Phụ lục II"."""
    match = PARTS.match(typed_text(heading.inlines))
    offset = match.start(2) if match and match.group(2) else 0
    return replace(heading.position, column=heading.position.column + offset)
