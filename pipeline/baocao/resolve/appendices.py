"""Appendix headings: which headings open an appendix, their numbers, and the numbering check.

A level-1 heading whose text starts with "Phụ lục" opens an appendix ("# Phụ lục", "# Phụ lục
II"); parse reads it (baocao.parse.outline: `AppendixHeading`, with the number typed). ND30 (PL
I, III.1.a) numbers two or more appendices in Roman numerals, in order: "Phụ lục I", "Phụ lục
II"; a single appendix needs no number. An editor may leave the numbers out (they are printed
from the appendices' order) or type them; a typed number must be the one its place gives, and
never Arabic ("Phụ lục 01"). Render prints the headings (baocao.render.appendix); check reports a
wrong number where it is typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeGuard

from baocao import codes
from baocao.parse.blocks import AppendixHeading, Heading, source_text
from baocao.parse.outline import roman
from baocao.problems import Problem


def is_appendix_heading(block: object) -> TypeGuard[Heading]:
    """Whether a block opens an appendix: a level-1 heading reading "Phụ lục …"."""
    return isinstance(block, Heading) and isinstance(block.role, AppendixHeading)


def numbered_heading(heading: Heading, place: int, count: int) -> str:
    """The heading as printed, for the appendix at `place` (1, 2, …) of `count`: as typed, with
    its Roman numeral added after "Phụ lục" when there are two or more appendices and none was
    typed."""
    text = source_text(heading.inlines)
    role = heading.role
    if count < 2 or not isinstance(role, AppendixHeading) or role.number is not None:
        return text
    return f"{role.word} {roman(place)}{text[len(role.word) :]}"


def appendix_problems(blocks: Sequence[object]) -> list[Problem]:
    """Each appendix heading whose typed number is not the one its place gives."""
    headings = [b.role for b in blocks if is_appendix_heading(b)]
    problems = []
    for place, role in enumerate(headings, start=1):
        assert isinstance(role, AppendixHeading)  # is_appendix_heading: its role is one
        typed = role.number
        if typed is None or role.number_position is None or typed == roman(place):
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
        problems.append(Problem(codes.APPENDIX_NUMBER, role.number_position, message))
    return problems
