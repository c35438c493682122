"""Tables: the grid their cells lie on, and what the writer sets on a table, its rows and cells.

The grid is read one way for the finishing pass (column widths) and the received-document
reader (merged and missing cells): a row may leave grid columns empty before its first cell
(w:gridBefore) and after its last (w:gridAfter); a cell spans w:gridSpan columns; a cell that
continues the one above it (w:vMerge, not "restart") or the one on its left (w:hMerge, not
"restart") is part of that cell. Rows and cells in content controls or custom XML are the
table's own, as Word shows them.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml.etree import _Element

from baocao.ooxml.borders import set_edge
from baocao.ooxml.elements import (
    child,
    content_children,
    ordered_child,
    required_child,
    xpath,
)
from baocao.ooxml.namespaces import qn
from baocao.ooxml.paragraphs import paragraph_properties, set_paragraph_style
from baocao.ooxml.schema import TBL_PR_ORDER, TC_PR_ORDER
from baocao.ooxml.values import integer, is_on, twips

BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
UP, LEFT = "up", "left"  # how a cell continues another: the one above it, the one on its left

_TR, _TC, _TRPR = qn("w:tr"), qn("w:tc"), qn("w:trPr")
_GRID_SPAN, _V_MERGE, _H_MERGE = (qn(t) for t in ("w:gridSpan", "w:vMerge", "w:hMerge"))
_GRID_BEFORE, _GRID_AFTER, _HEADER = (qn(t) for t in ("w:gridBefore", "w:gridAfter", "w:tblHeader"))


# ---- the grid ----


class GridCell(NamedTuple):
    """A cell (w:tc) on its table's grid: its first grid column, its column span, whether it
    continues another cell (UP, LEFT; "" when it is a cell of its own), and whether its row is
    a header row (repeated on every page). A tuple: a budget table has thousands."""

    cell: _Element
    first: int
    span: int
    merged: str
    header: bool


class GridRow(NamedTuple):
    """A row (w:tr) on its table's grid: the grid columns it leaves empty before its first cell
    and after its last, its cells, and whether it is a header row."""

    row: _Element
    before: int
    cells: tuple[GridCell, ...]
    after: int
    header: bool


def _continues(merge: _Element) -> bool:
    """Whether a w:vMerge or w:hMerge continues a cell (its w:val, "continue" when absent,
    is not "restart")."""
    return (merge.get(qn("w:val")) or "continue") != "restart"


# The properties the grid depends on, found in one query each for a whole table: a table has
# thousands of cells, few of which say anything (those of nested tables are found too, and
# never asked for).
_CELL_PROPERTIES = ".//w:tcPr/*[self::w:gridSpan or self::w:vMerge or self::w:hMerge]"
_ROW_PROPERTIES = ".//w:trPr/*[self::w:gridBefore or self::w:gridAfter or self::w:tblHeader]"


def _by_owner(tbl: _Element, path: str) -> dict[_Element, list[_Element]]:
    """The properties an XPath finds, by the row or cell they are of (their grandparent)."""
    owners: dict[_Element, list[_Element]] = {}
    for prop in xpath(tbl, path):
        parent = prop.getparent()
        owner = parent.getparent() if parent is not None else None
        if owner is not None:
            owners.setdefault(owner, []).append(prop)
    return owners


def grid_rows(tbl: _Element) -> list[GridRow]:
    """Each row of a table on its grid, in order."""
    of_cells = _by_owner(tbl, _CELL_PROPERTIES)
    of_rows = _by_owner(tbl, _ROW_PROPERTIES)
    rows = []
    for tr in content_children(tbl, _TR):
        before = after = 0
        header = False
        for prop in of_rows.get(tr, ()):
            if prop.tag == _GRID_BEFORE:
                before = integer(prop)
            elif prop.tag == _GRID_AFTER:
                after = integer(prop)
            else:
                header = is_on(prop)
        cells = []
        column = before
        for tc in content_children(tr, _TC):
            span, merged = 1, ""
            for prop in of_cells.get(tc, ()):
                if prop.tag == _GRID_SPAN:
                    span = max(1, integer(prop, 1))
                elif prop.tag == _V_MERGE:
                    merged = UP if _continues(prop) else merged
                elif _continues(prop) and not merged:
                    merged = LEFT
            cells.append(GridCell(tc, column, span, merged, header))
            column += span
        rows.append(GridRow(tr, before, tuple(cells), after, header))
    return rows


def grid_cells(tbl: _Element) -> list[GridCell]:
    """Every cell of a table, row by row (a merged cell once, and each cell continuing it)."""
    return [cell for row in grid_rows(tbl) for cell in row.cells]


def grid_columns(tbl: _Element) -> list[_Element]:
    """The w:gridCol elements of a table's grid, one per column."""
    grid = tbl.find(qn("w:tblGrid"))
    return [] if grid is None else grid.findall(qn("w:gridCol"))


def column_widths(tbl: _Element) -> list[int]:
    """The widths (twips) of a table's grid columns."""
    return [twips(column.get(qn("w:w"))) for column in grid_columns(tbl)]


def set_column_widths(tbl: _Element, columns: list[int]) -> None:
    """Column widths in twips: the table grid (w:gridCol), one width per column.

    Cells get no width of their own, as pandoc writes them: with the fixed layout pandoc sets,
    Word and LibreOffice take the grid's widths."""
    for column, width in zip(grid_columns(tbl), columns, strict=True):
        column.set(qn("w:w"), str(width))


# ---- a table's properties ----


def table_style_id(tbl: _Element) -> str | None:
    """The style id a table element names (pandoc: "Table", or a custom-style's id)."""
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return None if style is None else style.get(qn("w:val"))


def set_table_width(tbl: _Element, width: int) -> None:
    """A table's preferred width, exactly `width` twips (pandoc writes a percentage)."""
    element = ordered_child(required_child(tbl, "w:tblPr"), "w:tblW", TBL_PR_ORDER)
    element.set(qn("w:type"), "dxa")
    element.set(qn("w:w"), str(width))


def set_table_indent(tbl: _Element, indent: int) -> None:
    """A table placed from the text's left edge, `indent` twips in (negative: into the margin)."""
    element = ordered_child(required_child(tbl, "w:tblPr"), "w:tblInd", TBL_PR_ORDER)
    element.set(qn("w:type"), "dxa")
    element.set(qn("w:w"), str(indent))


def set_table_alignment(tbl: _Element, alignment: str) -> None:
    """A table's place between the margins (w:jc): "left", "center" or "right"."""
    properties = required_child(tbl, "w:tblPr")
    for jc in properties.findall(qn("w:jc")):
        properties.remove(jc)
    ordered_child(properties, "w:jc", TBL_PR_ORDER).set(qn("w:val"), alignment)


def set_table_borders(tblpr: _Element, width_pt: float) -> None:
    """Every grid line of a table (outer edges and inside lines), or none at width 0."""
    borders = ordered_child(tblpr, "w:tblBorders", TBL_PR_ORDER)
    for side in BORDER_SIDES:
        set_edge(borders, side, width_pt)


def set_cell_margins(tblpr: _Element, side_twips: int) -> None:
    """Cell margins of a table: `side_twips` left and right, none above and below."""
    margins = ordered_child(tblpr, "w:tblCellMar", TBL_PR_ORDER)
    for side, width in (("top", 0), ("left", side_twips), ("bottom", 0), ("right", side_twips)):
        edge = child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(width))
        edge.set(qn("w:type"), "dxa")


def set_cell_valign(tcpr: _Element, valign: str) -> None:
    """Vertical alignment ("center", "top", "bottom") of cells' properties (w:tcPr)."""
    ordered_child(tcpr, "w:vAlign", TC_PR_ORDER).set(qn("w:val"), valign)


# ---- rows and the paragraphs of cells ----


def table_rows(tbl: _Element) -> list[_Element]:
    """A table's rows (w:tr)."""
    return tbl.findall(_TR)


def is_header_row(tr: _Element) -> bool:
    """Whether a row repeats at the top of every page (w:tblHeader)."""
    return is_on(tr.find(f"{_TRPR}/{_HEADER}"))


def keep_row_together(tr: _Element) -> None:
    """Forbid a row to break across pages (w:cantSplit)."""
    trpr = tr.find(_TRPR)
    if trpr is None:  # w:trPr opens a row, after w:tblPrEx only
        trpr = tr.makeelement(_TRPR)
        tr.insert(1 if len(tr) and tr[0].tag == qn("w:tblPrEx") else 0, trpr)
    if trpr.find(qn("w:cantSplit")) is None:  # w:trPr children may come in any order
        trpr.append(trpr.makeelement(qn("w:cantSplit")))


def restyle_cells(tbl: _Element, header_style: str, body_style: str) -> None:
    """Paragraph styles of a table's cells: `header_style` in header rows (their own alignment
    dropped, so that the style's applies), `body_style` in the others."""
    for tr in tbl.iterchildren(_TR):
        if is_header_row(tr):
            for p in tr.iter(qn("w:p")):
                _set_cell_paragraph_style(p, header_style, keep_alignment=False)
    # Most body paragraphs already have it: find only those that do not.
    others = xpath(
        tbl,
        f'./w:tr[not(w:trPr/w:tblHeader)]/w:tc/w:p[not(w:pPr/w:pStyle[@w:val="{body_style}"])]',
    )
    for p in others:
        _set_cell_paragraph_style(p, body_style)


def _set_cell_paragraph_style(p: _Element, style_id: str, keep_alignment: bool = True) -> None:
    set_paragraph_style(p, style_id)
    if not keep_alignment:
        ppr = paragraph_properties(p)
        for jc in ppr.findall(qn("w:jc")):
            ppr.remove(jc)
