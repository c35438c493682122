"""A received Excel workbook (.xlsx) into paragraphs and tables, as its sheets show them.

Budget figures live in spreadsheets: the accountant's estimate, the upper level's
consolidation. Each sheet becomes, in order, the lines above its table (a title, "Đơn vị: triệu
đồng": rows with one text across the sheet) as paragraphs, its first a heading (so that `baocao
nhap` writes each sheet as a part of its own), then the rest of its used range as
one table on the sheet's grid, a merged cell filling its first column and marking the others
LEFT (across) or UP (down), as a DOCX table's. A cell reads as the sheet shows it: a number
written the Vietnamese way ("1.250,5", as many decimals as its format shows), a formula as its
value as last computed (the workbook's cached result), text as typed. A formula the workbook
never computed (a file written by a program, never opened in Excel, as `baocao build --xlsx`
writes) reads as baocao's table would hold it (REST): the rest of its parent's figure ("?"), or
an empty cell, a figure baocao computes. Places are those an accountant finds: "trang tính
“Dự toán”, dòng 12".

The package is checked by the ooxml reader's limits before openpyxl opens it; a sheet of more
than MAX_ROWS rows, or a cell holding a formula error, is refused at its sheet and cell.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from baocao.money.amount import NumberFormatError, parse_number
from baocao.money.figures import number
from baocao.ooxml.archive import Archive, ArchiveError
from baocao.received.read.blocks import LEFT, UP, Block, Cell, Paragraph, Received, Row, Table

WORKBOOK = "xl/workbook.xml"
UNIT_LINE = "đơn vị"  # "Đơn vị: triệu đồng", "Đơn vị tính: …": no title
MAX_ROWS = 20_000  # a budget table of a commune, a district even, is far shorter
MAX_COLUMNS = 200
MAX_DECIMALS = 6  # a figure in General format: rounded here, as a sheet shows it
DECIMALS_SHOWN = re.compile(r"0\.(0+)")
# A formula the workbook never computed, read as baocao's table reads such a cell: the rest of
# the row above ("=C6-SUM(C8,C96)": what its total leaves after the other items) is "?", any
# other (a sum, a column's formula) is a figure baocao computes, left empty.
REST = re.compile(r"=\s*\$?[A-Z]{1,3}\$?\d+\s*-\s*(?:SUM\(|0\s*$)", re.IGNORECASE)
# A dash for zero (or 0 out of 0), the rest, "không có", a draft's cell still to fill.
NOT_NUMBERS_BUT_FINE = ("-", "–", "—", "?", "x", "X", "…")
FORMULA_ERRORS = ("#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")


class XlsxError(ValueError):
    """Why a workbook cannot be read, in one Vietnamese line."""


def is_workbook(data: bytes) -> bool:
    """Whether a ZIP package is an Excel workbook (it holds xl/workbook.xml)."""
    try:
        with Archive(data) as package:
            return WORKBOOK in package
    except ArchiveError:
        return False


def read_xlsx(path: Path, data: bytes) -> Received:
    """The sheets of a workbook, each its lines above the table and its table, at their places."""
    try:
        with Archive(data) as package:
            if WORKBOOK not in package:
                raise XlsxError("tệp nén này không có phần bảng tính của Excel (xl/workbook.xml)")
    except ArchiveError as exc:
        raise XlsxError(str(exc)) from None
    try:
        _within_limits(data)
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        if isinstance(exc, XlsxError):
            raise
        raise XlsxError(f"bảng tính hỏng ({type(exc).__name__})") from None
    reader = _Reader()
    for shown, typed in zip(values.worksheets, formulas.worksheets, strict=True):
        reader.sheet(shown, typed)
    return Received(path, "xlsx", tuple(reader.blocks), reader.places)


def _within_limits(data: bytes) -> None:
    """Refuse a sheet too large before loading it whole: openpyxl streams it in read-only mode,
    which stops counting at the limit."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        for sheet in book.worksheets:
            rows = 0
            for rows, _ in enumerate(sheet.iter_rows(values_only=True), start=1):
                if rows > MAX_ROWS:
                    break
            if rows > MAX_ROWS:
                raise XlsxError(
                    f"trang tính “{sheet.title}” có hơn {number(MAX_ROWS)} dòng: quá lớn cho một "
                    "bảng dự toán"
                )
    finally:
        book.close()


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.places: dict[int, str] = {}
        self.anchor = 0
        self.tables = 0

    def _next(self, place: str) -> int:
        self.anchor += 1
        self.places[self.anchor] = place
        return self.anchor

    def sheet(self, shown: Worksheet, typed: Worksheet) -> None:
        name = shown.title
        if shown.max_row > MAX_ROWS or shown.max_column > MAX_COLUMNS:
            raise XlsxError(
                f"trang tính “{name}” có {number(shown.max_row)} dòng, {number(shown.max_column)} "
                f"cột: quá lớn cho một bảng (tối đa {number(MAX_ROWS)} dòng)"
            )
        width = shown.max_column
        _text_among_numbers(shown)
        grid = [
            [_text(name, shown.cell(r, c), typed.cell(r, c)) for c in range(1, width + 1)]
            for r in range(1, shown.max_row + 1)
        ]
        marks: dict[tuple[int, int], str] = {}
        for merged in shown.merged_cells.ranges:
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        marks[r, c] = LEFT if r == merged.min_row else UP
        line = 1
        while line <= len(grid) and _is_line_above(grid[line - 1], marks, line):
            text = next(t for t in grid[line - 1] if t.strip()).strip()
            place = f"trang tính “{name}”, dòng {line}"
            title = 0 if line > 1 or text.casefold().startswith(UNIT_LINE) else 1
            self.blocks.append(Paragraph(self._next(place), text, heading=title))
            line += 1
        while line <= len(grid) and not any(t.strip() for t in grid[line - 1]):
            line += 1
        formulas = {
            (cell.row, cell.column)
            for row in typed.iter_rows()
            for cell in row
            if cell.data_type == "f" or str(cell.value or "").startswith("=")
        }
        rows = []
        for r in range(line, len(grid) + 1):
            if not any(t.strip() for t in grid[r - 1]) and not any(
                (r, c) in marks for c in range(1, width + 1)
            ):
                continue  # an empty line inside the used range
            cells = tuple(
                Cell("", merged=marks[r, c])
                if (r, c) in marks
                else Cell(grid[r - 1][c - 1], formula=(r, c) in formulas)
                for c in range(1, width + 1)
            )
            rows.append(Row(self._next(f"trang tính “{name}”, dòng {r}"), cells))
        if rows:
            self.tables += 1
            self.blocks.append(Table(self.tables, tuple(rows)))


def _text_among_numbers(sheet: Worksheet) -> None:
    """Refuse text typed in a column of numbers ("12a", "1.2OO"): below the first number of a
    column that holds two at least, a cell is a number, a formula, empty, a dash or "?" — or a
    figure typed as text the Vietnamese way ("1.250"), which reads as one."""
    for cells in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        numbers = [k for k, c in enumerate(cells) if _is_number(c.value)]
        if len(numbers) < 2:
            continue
        for cell in cells[numbers[0] :]:
            text = cell.value.strip() if isinstance(cell.value, str) else ""
            if not text or text in NOT_NUMBERS_BUT_FINE:
                continue
            try:
                parse_number(text)
            except NumberFormatError:
                raise XlsxError(
                    f"trang tính “{sheet.title}”, ô {cell.coordinate}: “{text[:40]}” không phải "
                    "số, trong một cột số: sửa thành số (hoặc để trống) rồi lưu lại"
                ) from None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _is_line_above(texts: list[str], marks: dict[tuple[int, int], str], line: int) -> bool:
    """A title or unit line: one text, in the row's first filled cell, the rest empty or merged
    into it."""
    filled = [c for c, text in enumerate(texts, start=1) if text.strip()]
    return len(filled) == 1 and all(
        (line, c) in marks or not texts[c - 1].strip() for c in range(filled[0] + 1, len(texts) + 1)
    )


def _text(sheet: str, shown: Any, typed: Any) -> str:
    """A cell as its sheet shows it (see the module's docstring)."""
    value = shown.value
    if value is None:
        formula = typed.value if isinstance(typed.value, str) else ""
        return "?" if REST.match(formula) else ""
    if isinstance(value, str):
        if value.strip() in FORMULA_ERRORS and isinstance(typed.value, str):
            raise XlsxError(
                f"trang tính “{sheet}”, ô {shown.coordinate}: công thức cho lỗi {value.strip()} "
                "(mở bằng Excel, sửa công thức rồi lưu lại)"
            )
        return value
    if isinstance(value, bool):
        return "Đúng" if value else "Sai"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float | Decimal):
        return _figure(value, str(shown.number_format or ""))
    return str(value)


def _figure(value: float | int | Decimal, number_format: str) -> str:
    """A number the Vietnamese way, with the decimals its format shows (General: as needed)."""
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    found = DECIMALS_SHOWN.search(number_format)
    decimals = len(found.group(1)) if found else MAX_DECIMALS
    shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if not found:
        shown = shown.normalize()
    return number(shown, decimals if found else None)
