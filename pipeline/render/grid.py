"""Draws pandoc grid tables, merged header cells included, from cells that are already Markdown.

A hand-typed grid table breaks silently on one misplaced character (pandoc-docx-notes, pitfall 2);
a drawn one cannot: every line has the same length, every cell edge meets a "+", and no word is
split. Pipe tables cannot merge cells, which a budget appendix's two-level header needs.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

ALIGN = {"left": (":", "="), "right": ("=", ":"), "center": (":", ":"), "default": ("=", "=")}


@dataclass(frozen=True)
class Cell:
    """A cell's Markdown text at (row, column), spanning `rows` × `columns`."""

    text: str
    row: int
    column: int
    rows: int = 1
    columns: int = 1


def wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters; a longer word gets a line of its own."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def grid_table(
    cells: list[Cell], row_count: int, widths: list[int], header_rows: int, aligns: list[str]
) -> str:
    """The grid table holding `cells` (covering every place exactly once) in columns of `widths`.

    The first `header_rows` rows form the header (repeated on every page in Word); `aligns`
    ("left", "right", "center", "default") sets each column's alignment in the separator under it.
    Column widths grow to fit the longest word of any single-column cell.
    """
    widths = list(widths)
    for cell in cells:
        if cell.columns == 1:
            widths[cell.column] = max(widths[cell.column], longest_word(cell.text))
    starts = [0]
    for w in widths:
        starts.append(starts[-1] + w + 3)  # "| " + text + " " per column, then the closing "|"

    def inner(cell: Cell) -> int:
        return starts[cell.column + cell.columns] - starts[cell.column] - 3

    lines = {id(c): wrap(c.text, inner(c)) for c in cells}
    heights = [1] * row_count
    for cell in sorted(cells, key=lambda c: c.rows):
        needed = len(lines[id(cell)])
        span = range(cell.row, cell.row + cell.rows)
        room = sum(heights[r] for r in span) + cell.rows - 1
        if needed > room:
            heights[span[-1]] += needed - room
    tops = [0]
    for h in heights:
        tops.append(tops[-1] + h + 1)
    canvas = [[" "] * (starts[-1] + 1) for _ in range(tops[-1] + 1)]
    for cell in cells:
        _draw(canvas, cell, lines[id(cell)], starts, tops)
    for cell in cells:  # corners last: where borders cross, a "+" always wins
        x0, x1 = starts[cell.column], starts[cell.column + cell.columns]
        for y in (tops[cell.row], tops[cell.row + cell.rows]):
            canvas[y][x0] = canvas[y][x1] = "+"
    if 0 < header_rows < row_count:
        line = canvas[tops[header_rows]]
        for k, align in enumerate(aligns):
            left, right = ALIGN[align]
            x0, x1 = starts[k], starts[k + 1]
            for x in range(x0 + 1, x1):
                line[x] = "="
            line[x0 + 1], line[x1 - 1] = left, right
    return "\n".join("".join(row).rstrip() for row in canvas)


def _draw(
    canvas: list[list[str]], cell: Cell, text: list[str], xs: list[int], ys: list[int]
) -> None:
    """A cell's borders and text on the canvas (its corners are set by the caller)."""
    x0, x1 = xs[cell.column], xs[cell.column + cell.columns]
    y0, y1 = ys[cell.row], ys[cell.row + cell.rows]
    for y in (y0, y1):
        canvas[y][x0 + 1 : x1] = "-" * (x1 - x0 - 1)
    for y in range(y0 + 1, y1):
        canvas[y][x0] = canvas[y][x1] = "|"
    for k, line in enumerate(text):
        canvas[y0 + 1 + k][x0 + 2 : x0 + 2 + len(line)] = line
