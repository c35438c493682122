"""Tables as pandoc tables: a computed budget table, every cell from the model, never from drawn
text; a plain table, its cells as typed.

The editor's row order, TT codes and names are kept; every figure cell shows the computed value
in its column's unit and decimals, an empty cell stays empty, markers and ids are gone (but "-",
which marks an item and prints as typed). The
header (its merged cells and the source's own column-number row, "A | B | (1)=(2)+(3)") repeats on
every page. Each row is set apart by its level, as `[table_rows]` in templates/styles.toml says:
the total, A/B and Roman rows bold, lower rows with items under them italic (docs/nd30-rules.md).
A text cell keeps the inline Markdown parse read in it: `*Trong đó:*` prints italic, `**…**`
bold; render reads no text of its own. Column widths here are only proportions: the finishing
pass fits them to the page. A plain table's column-number row ("| (1) | (2) | (3) |", or
"| A | B | C |") is part of its repeated header, as a budget table's is.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from baocao.parse.blocks import Inline, PlainTable, TableCell, Text
from baocao.render import ast
from baocao.render.inlines import inlines
from baocao.resolve.budget import Row, Table
from baocao.templates import TEMPLATES

UNIT_LINE = "Unit Line"
STYLE_DEFINITION = TEMPLATES / "styles.toml"
LEVELS = ("total", "section", "parent", "leaf")
EMPHASES = ("", "bold", "italic", "bold italic")


def row_emphasis(path: Path = STYLE_DEFINITION) -> dict[str, str]:
    """Each row level's emphasis, from `[table_rows]` of the style table: "bold", "italic",
    "bold italic" or "" (upright). A level left out is upright; a value not among these is an
    error of the style table. Read once while the file is unchanged (do not change the result)."""
    stat = path.stat()
    return _row_emphasis(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _row_emphasis(path: Path, _mtime_ns: int, _size: int) -> dict[str, str]:
    with path.open("rb") as handle:
        levels = tomllib.load(handle).get("table_rows", {})
    unknown = set(levels) - set(LEVELS)
    if unknown:
        raise ValueError(f"{path}: [table_rows] has no level {sorted(unknown)} (has {LEVELS})")
    out = {level: " ".join(str(levels.get(level, "")).split()) for level in LEVELS}
    for level, emphasis in out.items():
        if emphasis not in EMPHASES:
            raise ValueError(f"{path}: [table_rows] {level} = {emphasis!r}: one of {EMPHASES}")
    return out


def unit_line(text: str) -> ast.Node:
    """The right-aligned line above a table: "Đơn vị: Triệu đồng", as the editor wrote it."""
    return ast.styled(UNIT_LINE, [ast.para(ast.words(text))])


def budget_table(table: Table) -> ast.Node:
    """The pandoc table of a computed budget table."""
    head: list[list[ast.Cell]] = [[] for _ in range(table.header_rows)]
    for cell in table.header:
        head[cell.row].append(ast.cell(_text(cell.inlines), cell.rows, cell.columns))
    head.append([ast.cell(_text(column.inlines)) for column in table.columns])
    emphasis = row_emphasis()
    # the columns where a draft's "…" waits to be filled, in one of its rows (a row's sums are
    # its items', rows of the table)
    pending = set().union(*(row.pending for row in table.rows))
    body = []
    for row in table.rows:
        shown = emphasis[row.level]
        body.append([ast.cell(_text(words, shown)) for words in _cells(table, row, pending)])
    aligns = ["center", "left"] + ["right" if c.is_amount else "left" for c in table.columns[2:]]
    widths = [1 / len(table.columns)] * len(table.columns)
    return ast.table([ast.row(r) for r in head], [ast.row(r) for r in body], aligns, widths)


def _cells(table: Table, row: Row, pending: set[int]) -> list[tuple[Inline, ...]]:
    """A row's cells as the table shows them: code, name, then each amount or text column
    (`pending`: the columns where a "…" waits in some row of the table)."""
    cells = [_plain(row.shown_code), row.name_cell.inlines]
    for column in table.columns[2:]:
        if column.is_amount:
            value = row.values.get(column.number)
            if value is None and column.number in pending and row.is_pending(column.number):
                cells.append(_plain("…"))  # a draft's "…" cell
            elif value is None and column.number in row.dashes:  # 0 out of 0
                cells.append(_plain("–"))
            else:
                cells.append(_plain(table.figure(value, column)))
        else:
            text = row.texts.get(column.index)
            cells.append(text.inlines if text is not None else ())
    return cells


def _plain(text: str) -> tuple[Inline, ...]:
    """A code or a figure: its text, no Markdown in it."""
    return (Text(text),) if text else ()


def plain_table(table: PlainTable) -> ast.Node:
    """The pandoc table of a plain table: its header row (none when every header cell is empty),
    its column-number row if it has one (in the repeated header, never added), its rows, each
    column aligned as its "|---|" cell says."""
    numbers = table.rows[: table.number_rows]
    shown = any(cell.inlines for cell in table.header)
    head = [ast.row([_cell(c) for c in table.header])] if shown else []
    head += [ast.row([_cell(c) for c in row]) for row in numbers]
    body = [ast.row([_cell(c) for c in row]) for row in table.rows[table.number_rows :]]
    widths = [1 / len(table.aligns)] * len(table.aligns)
    return ast.table(head, body, table.aligns, widths)


def _cell(cell: TableCell) -> ast.Cell:
    words = ast.normalized(inlines(cell.inlines))
    return ast.cell([ast.plain(words)] if words else [])


def _text(items: tuple[Inline, ...], emphasis: str = "") -> list[ast.Node]:
    """A cell's content: nothing when empty, else its words with their inline Markdown, with
    the row's emphasis ("bold", "italic", "bold italic", "")."""
    if len(items) == 1 and type(items[0]) is Text:  # a figure, a code, a name: one Str
        text = ast.spaced(items[0].text).strip(" ")
        words = [{"t": "Str", "c": text}] if text else []
    else:
        words = ast.normalized(inlines(items))
    if not words:
        return []
    if "italic" in emphasis:
        words = [ast.emphasis(words)]
    if "bold" in emphasis:
        words = [ast.strong(words)]
    return [ast.plain(words)]
