"""A document's budget tables as an Excel workbook, one sheet per table, that stays live when an
accountant edits it (docs/xuat-ban.md, "Excel").

Each sheet has the table's title, its unit line, its header with the same merged cells, the
column-number row with the columns' formulas ("(1)=(2)+(3)", as the DOCX prints it), then its
rows in the editor's order, each with its TT code, or the marker that places a row without one
("=" the grand total, "+", "+IV", "#") as the editor typed it, so that `baocao nhap` places every
row where it was. A figure the editor typed is a number in
the table's unit; a figure baocao computes is an Excel formula that computes it the same way as
the budget model (baocao.resolve.budget): a parent row is `=SUM(…)` of its children, a column
with a formula ("(1)=(2)+(3)") is that formula over the row's cells, a "?" cell is its parent's
figure less the other items. So LibreOffice or Excel, recalculating the workbook, finds the
totals the DOCX prints, and a figure changed in the sheet carries to every total above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from baocao.money.amount import Amount
from baocao.parse.blocks import Heading, typed_text
from baocao.parse.formula import Const, Formula, Op, Ref, Total
from baocao.resolve.budget import Column, Remainder, Row, Table
from baocao.resolve.document import BudgetTable, ResolvedDocument

# The format of a figure: grouped, in the vi-VN locale (LCID 042A: "." groups, "," decimals,
# as the DOCX prints), with as many decimals as its column takes.
LOCALE = "[$-42A]"
MAX_SHEET_NAME = 31  # Excel's limit
NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
MAX_SUM_TERMS = 255  # the arguments one SUM takes
TITLE_ROW, UNIT_ROW, HEADER_ROW = 1, 2, 3
PENDING = "…"  # a draft's cell still to fill, as the DOCX prints it
ZERO_BY_ZERO = "–"  # a quotient of 0 by 0: nothing planned, nothing done
ZERO_FORMATS = {"-": '"-"', "": '""'}  # so_khong; otherwise a zero prints "0"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def number_format(zero: str, decimals: int) -> str:
    """Figures as the table prints them: grouped, with `decimals`, a zero as the table's
    `so_khong` says ("0", "-" or nothing)."""
    figure = LOCALE + "#,##0" + ("." + "0" * decimals if decimals else "")
    shown_zero = ZERO_FORMATS.get(zero, "0")
    return f"{figure};-{figure};{shown_zero}"


def printed_decimals(printed: str) -> int:
    """The decimals a figure prints with: "1.250,5" → 1, "355" → 0. A column prints decimals
    only where a value has them (unless it is `co_dinh`), which no Excel format says for a
    whole column: each cell takes the format of its own figure."""
    return len(printed.rpartition(",")[2]) if "," in printed else 0


def sheet_titles(document: ResolvedDocument) -> list[tuple[str, Table]]:
    """Each budget table with its title: the heading it stands under (an appendix's title line
    rather than its "Phụ lục I" line), else its id."""
    out: list[tuple[str, Table]] = []
    last: Heading | None = None
    for block in document.blocks:
        if isinstance(block, Heading):
            last = block
        elif isinstance(block, BudgetTable):
            title = typed_text(last.inlines).strip() if last is not None else ""
            out.append((title or block.table.id, block.table))
    return out


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name from a title: Excel's forbidden characters out, at most 31 characters,
    numbered when another sheet has it already."""
    base = " ".join(NOT_IN_SHEET_NAME.sub(" ", title).split()).strip("'") or "Bang"
    name, number = base[:MAX_SHEET_NAME], 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def write_xlsx(document: ResolvedDocument, target: Path) -> Path | None:
    """Write `target`, the workbook of the document's budget tables; None (nothing written, and
    a previous workbook removed) when the document has none."""

    tables = sheet_titles(document)
    if not tables:
        target.unlink(missing_ok=True)
        return None
    book = Workbook()
    for empty in list(book.worksheets):  # the sheet a new workbook opens with
        book.remove(empty)
    book.properties.title = document.front.subject
    book.properties.creator = " ".join(document.front.agency)
    book.properties.language = "vi-VN"
    taken: set[str] = set()
    for title, table in tables:
        _write_sheet(book.create_sheet(sheet_name(title, taken)), title, table)
    partial = target.with_name(f".{target.stem}.partial.xlsx")
    try:
        book.save(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _write_sheet(sheet: Worksheet, title: str, table: Table) -> None:
    width = len(table.columns)
    _title_lines(sheet, title, table.unit_text, width)
    first = _header(sheet, table)
    _rows(sheet, table, first)
    sheet.freeze_panes = f"A{first}"  # the header stays in sight
    sheet.column_dimensions[get_column_letter(1)].width = 6
    if width > 1:
        sheet.column_dimensions[get_column_letter(2)].width = 48
    for column in table.columns[2:]:
        sheet.column_dimensions[get_column_letter(column.index + 1)].width = 16


def _title_lines(sheet: Worksheet, title: str, unit_text: str, width: int) -> None:
    """The table's title, bold and centred, and its unit line, right-aligned, across the sheet."""

    sheet.cell(TITLE_ROW, 1, title).font = Font(bold=True)
    sheet.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.cell(UNIT_ROW, 1, unit_text).font = Font(italic=True)
    sheet.cell(UNIT_ROW, 1).alignment = Alignment(horizontal="right")
    if width > 1:
        for line in (TITLE_ROW, UNIT_ROW):
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=width)


def _header(sheet: Worksheet, table: Table) -> int:
    """The header with its merged cells, then the column-number row; the first row after it."""

    for spanned in table.header:
        top, left = HEADER_ROW + spanned.row, 1 + spanned.column
        sheet.cell(top, left, spanned.text)
        if spanned.rows > 1 or spanned.columns > 1:
            sheet.merge_cells(
                start_row=top,
                start_column=left,
                end_row=top + spanned.rows - 1,
                end_column=left + spanned.columns - 1,
            )
    numbers = HEADER_ROW + table.header_rows
    for column in table.columns:  # as the DOCX prints it: "A", "(1)=(2)+(3)"
        sheet.cell(numbers, column.index + 1, typed_text(column.inlines) or column.name)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for line in range(HEADER_ROW, numbers + 1):
        for place in range(1, len(table.columns) + 1):
            cell = sheet.cell(line, place)
            cell.font, cell.alignment, cell.border = Font(bold=True), centred, BOX
    return numbers + 1


def _rows(sheet: Worksheet, table: Table, first: int) -> None:
    """The table's rows from line `first`, in the editor's order, set apart by level as the
    DOCX sets them (bold totals and sections, italic parents)."""

    where = {id(row): first + k for k, row in enumerate(table.rows)}
    for row in table.rows:
        line = where[id(row)]
        head = sheet.cell(line, 1, row.head.own + (row.code or row.marker) or None)
        head.data_type = "s"  # "=", "+IV": the row's place as typed, text (never a formula)
        sheet.cell(line, 2, row.name)
        for column in table.columns[2:]:
            if column.is_amount:
                cell = sheet.cell(line, column.index + 1, _content(table, row, column, where))
                printed = table.figure(row.values.get(column.number), column)
                cell.number_format = number_format(table.zero, printed_decimals(printed))
            else:
                text = row.texts.get(column.index)
                sheet.cell(line, column.index + 1, text.text if text is not None else None)
        font = Font(bold=row.level in ("total", "section"), italic=row.level == "parent")
        for place in range(1, len(table.columns) + 1):
            sheet.cell(line, place).border = BOX
            sheet.cell(line, place).font = font
        sheet.cell(line, 1).alignment = Alignment(horizontal="center", vertical="top")
        sheet.cell(line, 2).alignment = Alignment(wrap_text=True, vertical="top")


def _content(
    table: Table, row: Row, column: Column, where: dict[int, int]
) -> str | float | int | None:
    """What a figure cell holds, as the budget model computes it: a typed figure as a number in
    the column's unit, a computed one as the formula that computes it."""

    def cell(other: Row, number: int | None = None) -> str:
        target = column if number is None else table.column(number)
        assert target is not None
        return f"{get_column_letter(target.index + 1)}{where[id(other)]}"

    value = row.values.get(column.number)
    if value is None:  # as the table prints it: a draft's "…", 0 out of 0 "–", or nothing
        if row.is_pending(column.number):
            return PENDING
        return ZERO_BY_ZERO if column.number in row.dashes else None

    def total(number: int) -> str:
        """A column's total as "tong(n)" reads it: its "=" row's cell, else its top rows' sum."""
        grand = next((r for r in table.rows if r.is_total), None)
        target = table.column(number)
        assert target is not None
        letter = get_column_letter(target.index + 1)
        if grand is not None:
            return f"${letter}${where[id(grand)]}"
        tops = [f"${letter}${where[id(r)]}" for r in table.rows if r.parent is None]
        return _sum(tops) if tops else "0"

    typed = row.typed.get(column.number)
    if isinstance(typed, Remainder) and row.parent is not None:
        others = [c for c in row.parent.children if c is not row]
        rest = _sum([cell(c) for c in others]) if others else "0"
        return f"={cell(row.parent)}-{rest}"
    rest_below = any(isinstance(c.typed.get(column.number), Remainder) for c in row.children)
    summed = (
        row.sums_children
        and column.summed
        and not rest_below  # its typed figure is what the "?" item completes
        and any(c.values.get(column.number) is not None for c in row.children)
    )
    if summed:
        return "=" + _sum([cell(c) for c in row.children])
    if column.formula is not None and not isinstance(typed, Amount):
        return "=" + _excel(
            column.formula, lambda number: cell(row, number), lambda number: total(number)
        )
    figure = column.measure.figure(value)
    return int(figure) if figure == figure.to_integral_value() else float(figure)


def _sum(cells: list[str]) -> str:
    """SUM of cells, in groups Excel takes (255 arguments at most)."""
    groups = [cells[k : k + MAX_SUM_TERMS] for k in range(0, len(cells), MAX_SUM_TERMS)]
    parts = [f"SUM({','.join(group)})" for group in groups]
    return parts[0] if len(parts) == 1 else "SUM(" + ",".join(parts) + ")"


def _excel(formula: Formula, cell: Callable[[int], str], total: Callable[[int], str]) -> str:
    """A column formula as Excel writes it over one row's cells: "(2)/(1)×100" → "D5/C5*100",
    "(3)/tong×100" → "D5/$D$4*100"; a quotient by an empty or zero cell is left empty."""

    def text(node: Formula, outer: int) -> str:
        match node:
            case Ref(number):
                return cell(number)
            case Const(value):
                return format(value, "f")
            case Total(number):
                return total(number)
            case Op(operator, left, right):
                rank = 1 if operator in "+-" else 2
                body = text(left, rank) + operator + text(right, rank + (operator in "-/"))
                return f"({body})" if rank < outer else body
        raise AssertionError(node)  # pragma: no cover

    body = text(formula, 0)
    return f'IFERROR({body},"")' if "/" in body else body
