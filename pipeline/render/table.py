"""A computed budget table as a pandoc table, every cell from the model, never from drawn text.

The editor's row order, TT codes and names are kept; every amount cell shows the computed value
in the table's unit, an empty cell stays empty, markers and ids are gone. The header (its merged
cells and the column-number row) repeats on every page; the total, A/B and Roman rows are bold.
Column widths here are only proportions: the finishing pass fits them to the page.
"""

from __future__ import annotations

from pipeline.render import ast
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


def _text(text: str, bold: bool = False) -> list[ast.Node]:
    """A cell's content: nothing when empty, else its words, bold if asked."""
    words = ast.normalized(ast.words(text))
    if not words:
        return []
    return [ast.plain([ast.strong(words)] if bold else words)]
