"""Tables as pandoc tables: a computed budget table, every cell from the model, never from drawn
text; a plain table, its cells as typed.

The editor's row order, TT codes and names are kept; every amount cell shows the computed value
in the table's unit, an empty cell stays empty, markers and ids are gone. The header (its merged
cells and the source's own column-number row, "A | B | (1)=(2)+(3)") repeats on every page; the
total, A/B and Roman rows are bold. A text cell keeps its inline Markdown: `*Trong đó:*` prints
italic, `**…**` bold. Column widths here are only proportions: the finishing pass fits them to
the page.
"""

from __future__ import annotations

from pipeline.parse.blocks import PlainTable, TableCell
from pipeline.parse.markdown import inline_markdown
from pipeline.render import ast
from pipeline.render.inlines import inlines
from pipeline.resolve.budget import Row, Table

UNIT_LINE = "Unit Line"


def unit_line(text: str) -> ast.Node:
    """The right-aligned line above a table: "Đơn vị: Triệu đồng", as the editor wrote it."""
    return ast.styled(UNIT_LINE, [ast.para(ast.words(text))])


def budget_table(table: Table) -> ast.Node:
    """The pandoc table of a computed budget table."""
    head: list[list[ast.Cell]] = [[] for _ in range(table.header_rows)]
    for cell in table.header:
        head[cell.row].append(ast.cell(_text(cell.text), cell.rows, cell.columns))
    head.append([ast.cell(_text(column.label)) for column in table.columns])
    body = [
        [ast.cell(_text(text, row.is_section)) for text in _texts(table, row)] for row in table.rows
    ]
    aligns = ["center", "left"] + ["right" if c.is_amount else "left" for c in table.columns[2:]]
    widths = [1 / len(table.columns)] * len(table.columns)
    return ast.table([ast.row(r) for r in head], [ast.row(r) for r in body], aligns, widths)


def _texts(table: Table, row: Row) -> list[str]:
    """A row's cells as the table shows them: code, name, then each amount or text column."""
    texts = [row.code, row.name]
    for column in table.columns[2:]:
        if column.is_amount:
            texts.append(table.figure(row.values.get(column.number)))
        else:
            texts.append(row.texts.get(column.index, ""))
    return texts


def plain_table(table: PlainTable) -> ast.Node:
    """The pandoc table of a plain table: its header row (none when every header cell is empty,
    and no column-number row is added), its rows, each column aligned as its "|---|" cell says."""
    head = [] if not any(table.header) else [ast.row([_cell(c) for c in table.header])]
    body = [ast.row([_cell(c) for c in row]) for row in table.rows]
    widths = [1 / len(table.aligns)] * len(table.aligns)
    return ast.table(head, body, table.aligns, widths)


def _cell(cell: TableCell) -> ast.Cell:
    words = ast.normalized(inlines(cell))
    return ast.cell([ast.plain(words)] if words else [])


def _text(text: str, bold: bool = False) -> list[ast.Node]:
    """A cell's content: nothing when empty, else its words with their inline Markdown, bold
    if asked."""
    words = ast.normalized(inlines(inline_markdown(text)))
    if not words:
        return []
    return [ast.plain([ast.strong(words)] if bold else words)]
