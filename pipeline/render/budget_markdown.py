"""A budget table as pandoc Markdown: a grid table drawn from the model, computed values filled in.

The editor's row order, TT codes and names are kept; every amount cell shows the computed value
in the table's unit, an empty cell stays empty, markers and ids disappear. The header (both
levels and the column-number row) repeats on every page; the total, A/B and Roman rows are bold.
"""

from __future__ import annotations

from pipeline.render.document import escape
from pipeline.render.grid import Cell, grid_table, longest_word
from pipeline.resolve.budget import Table

NAME_WIDTH = 44
AMOUNT_WIDTH = 8


def unit_line(table: Table) -> str:
    """The right-aligned line above the table, as the editor wrote it: "Đơn vị: Triệu đồng"."""
    return f'::: {{custom-style="Unit Line"}}\n{escape(table.unit_text)}\n:::'


def table_grid(table: Table) -> str:
    """The grid table of a computed budget table."""
    cells = [Cell(escape(c.text), c.row, c.column, c.rows, c.columns) for c in table.header]
    number_row = table.header_rows
    cells += [Cell(escape(c.label), number_row, c.index) for c in table.columns]
    first = number_row + 1
    for k, row in enumerate(table.rows):
        texts = [row.code, row.name]
        for column in table.columns[2:]:
            if column.is_amount:
                texts.append(table.figure(row.values.get(column.number)))
            else:
                texts.append(row.texts.get(column.index, ""))
        for index, text in enumerate(texts):
            shown = text if table.columns[index].is_amount else escape(text)
            if row.is_section and shown:
                shown = f"**{shown}**"
            cells.append(Cell(shown, first + k, index))
    widths = [max(3, max((len(r.code) for r in table.rows), default=0))]
    widths.append(min(NAME_WIDTH, max((longest_word(r.name) for r in table.rows), default=10)))
    widths[1] = max(widths[1], min(NAME_WIDTH, max((len(r.name) for r in table.rows), default=0)))
    widths += [AMOUNT_WIDTH] * (len(table.columns) - 2)
    aligns = ["center", "left"] + ["right" if c.is_amount else "left" for c in table.columns[2:]]
    return grid_table(cells, first + len(table.rows), widths, first, aligns)
