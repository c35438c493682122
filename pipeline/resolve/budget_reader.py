"""Reads a budget table as the editor types it: a declaration line, then a pipe table.

    Đơn vị: Triệu đồng {#pl cot=4}

    | TT | NỘI DUNG            | KP NĂM 2026 | <           | <          | DỰ TOÁN 2027 |
    |----|---------------------|-------------|-------------|------------|--------------|
    | ^  | ^                   | TỔNG CỘNG   | ĐẾN 30/6    | 01/7–31/12 | ^            |
    | A  | B                   | (1)=(2)+(3) | (2)         | (3)        | (4)          |
    | =  | Tổng cộng {#tong}   |             |             |            |              |
    | I. | Khoa học {#khcn}    |             |             |            |              |
    | 1  | Nghiên cứu {#nc}    | 60          | 0           | 60         | 150          |
    | +  | Một nhiệm vụ        |             |             |            | 100          |

The declaration line names the table and its unit (and optionally its main column, `cot=4`, and
decimals, `thap_phan=1`). Header rows run down to the column-number row; in them "<" joins a
cell to the one on its left and "^" to the one above. The column-number row says which columns
hold amounts ("(1)") and their formulas ("(1)=(2)+(3)"). Each row after it has a TT code, or a
marker for a row without one ("=" grand total, "+" item), a name with an optional `{#id}`, and
its amounts in the table's unit: empty, a Vietnamese number, or "?" for the unitemised rest.
Rows are split here by hand, not by mistune, so that every cell count and line is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import Position, Problem
from pipeline.money.amount import Amount, InexactAmount, NumberFormatError, Unit, parse_number
from pipeline.parse.blocks import TableSource
from pipeline.parse.syntax import (
    ID,
    ID_RULE,
    UNIT_LABEL,
    is_number_row,
    split_cells,
    split_tag,
)
from pipeline.resolve.budget import REMAINDER, Column, HeaderCell, Row, Table, Typed, code_rank

DELIMITER = re.compile(r":?-+:?")
FORMULA = re.compile(r"\((\d+)\)\s*=\s*(.+)")
TERM = re.compile(r"\s*([+-])?\s*\((\d+)\)\s*")
MARKER = re.compile(r"=|\++(?:\s*\S+)?")
OPTIONS = {"cot": "cột chính (cot=4)", "thap_phan": "số chữ số thập phân (thap_phan=1)"}


class _Reader:
    """Collects the problems of one table while reading it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(Position(self.path, line), message))


def read_table(source: TableSource) -> tuple[Table | None, list[Problem]]:
    """A table from its declaration line and its pipe lines.

    Returns the table with its rows in order (no hierarchy yet) and every problem found; None
    when the table cannot be read at all (no column-number row, no unit).
    """
    reader = _Reader(source.position.path)
    table = _declaration(reader, source.position.line, source.declaration)
    table_line, table_lines = source.first_line, source.lines
    if table is None or len(table_lines) < 2:
        if table is not None:
            reader.problem(table_line, "bảng cần ít nhất dòng tiêu đề và dòng kẻ “|---|”")
        return None, reader.problems
    header = split_cells(table_lines[0])
    width = len(header)
    delimiter = split_cells(table_lines[1])
    if len(delimiter) != width or not all(
        DELIMITER.fullmatch(c.replace(" ", "")) for c in delimiter
    ):
        reader.problem(
            table_line + 1,
            f"dòng kẻ dưới tiêu đề phải có {width} ô “---”, mỗi ô một cột tiêu đề",
        )
    rows: list[tuple[int, list[str]]] = []
    for offset, text in enumerate(table_lines[2:], start=2):
        cells = split_cells(text)
        rows.append((table_line + offset, cells))
    number_row = next((k for k, (_, cells) in enumerate(rows) if is_number_row(cells)), None)
    if number_row is None:
        reader.problem(
            table_line,
            f"bảng “{table.id}” thiếu dòng số cột ngay dưới tiêu đề, ví dụ "
            "“| A | B | (1)=(2)+(3) | (2) | (3) |”: chữ cho cột chữ, (1), (2)… cho cột số tiền",
        )
        return None, reader.problems
    header_lines = [(table_line, header), *rows[:number_row]]
    number_line, numbers = rows[number_row]
    for at, cells in [*header_lines, (number_line, numbers)]:
        if len(cells) != width:
            reader.problem(at, f"dòng có {len(cells)} ô, bảng có {width} cột")
    if any(len(cells) != width for _, cells in [*header_lines, (number_line, numbers)]):
        return None, reader.problems
    table.header = _header(reader, header_lines)
    table.header_rows = len(header_lines)
    table.columns = _columns(reader, number_line, numbers)
    if not table.columns:
        return None, reader.problems
    _main_column(reader, table)
    ids: dict[str, int] = {}
    for at, cells in rows[number_row + 1 :]:
        row = _row(reader, table, at, cells)
        if row is None:
            continue
        if row.id is not None:
            if row.id in ids:
                reader.problem(
                    at, f"mã “{row.id}” đã dùng cho dòng {ids[row.id]} của bảng “{table.id}”"
                )
                row.id = None
            else:
                ids[row.id] = at
        table.rows.append(row)
    if not table.rows:
        reader.problem(table_line, f"bảng “{table.id}” chưa có dòng số liệu nào")
    return table, reader.problems


def _declaration(reader: _Reader, line: int, text: str) -> Table | None:
    """ "Đơn vị: Triệu đồng {#pl cot=4 thap_phan=1}" → an empty table with its unit and options."""
    unit_text, body = split_tag(text.strip().split("\n", 1)[0])
    words = (body or "").split()
    if not words or not ID.fullmatch(words[0]):
        shown = words[0] if words else ""
        reader.problem(line, f"mã bảng “{shown}” không hợp lệ: mã {ID_RULE}")
        return None
    try:
        unit = Unit.parse(UNIT_LABEL.sub("", unit_text))
    except ValueError as exc:
        reader.problem(line, f"dòng khai báo bảng “{words[0]}”: {exc}")
        return None
    table = Table(id=words[0], position=Position(reader.path, line), unit=unit, unit_text=unit_text)
    for option in words[1:]:
        key, _, value = option.partition("=")
        if key not in OPTIONS or not value:
            known = ", ".join(OPTIONS.values())
            reader.problem(
                line, f"tùy chọn “{option}” của bảng “{table.id}” không rõ (có: {known})"
            )
        elif key == "cot" and re.fullmatch(r"\(?\d+\)?", value):
            table.main = int(value.strip("()"))
        elif key == "thap_phan" and re.fullmatch(r"[0-6]", value):
            table.decimals = int(value)
        else:
            reader.problem(line, f"tùy chọn “{option}”: cần {OPTIONS[key]}")
    return table


def _header(reader: _Reader, lines: list[tuple[int, list[str]]]) -> list[HeaderCell]:
    """Header cells with their spans: "<" joins the cell on the left, "^" the cell above."""
    owner: list[list[int]] = []
    cells: list[HeaderCell] = []
    for r, (at, texts) in enumerate(lines):
        owner.append([])
        for c, text in enumerate(texts):
            if text == "<" and c > 0:
                owner[r].append(owner[r][c - 1])
            elif text == "^" and r > 0:
                owner[r].append(owner[r - 1][c])
            else:
                if text in ("<", "^"):
                    where = "bên trái" if text == "<" else "phía trên"
                    reader.problem(at, f"ô “{text}” ở cột {c + 1} không có ô {where} để gộp vào")
                owner[r].append(len(cells))
                cells.append(HeaderCell(text, r, c))
    spans: list[HeaderCell] = []
    for k, cell in enumerate(cells):
        places = [(r, c) for r, row in enumerate(owner) for c, o in enumerate(row) if o == k]
        rows = {r for r, _ in places}
        columns = {c for _, c in places}
        span = HeaderCell(cell.text, min(rows), min(columns), len(rows), len(columns))
        if len(places) != span.rows * span.columns:
            reader.problem(
                lines[cell.row][0],
                f"ô tiêu đề “{cell.text}” gộp bằng “<” và “^” không thành hình chữ nhật",
            )
        spans.append(span)
    return spans


def _columns(reader: _Reader, line: int, labels: list[str]) -> list[Column]:
    """Columns from the number row: letters for text, (n) for amounts, (n)=… for formulas."""
    columns: list[Column] = []
    seen: dict[int, int] = {}
    for index, label in enumerate(labels):
        if not label.startswith("("):
            columns.append(Column(index, label))
            continue
        opening = re.match(r"\((\d+)\)", label)
        assert opening is not None  # syntax.NUMBER_CELL: a label opening with "(" opens with "(n)"
        number = int(opening.group(1))
        formula: tuple[tuple[int, int], ...] = ()
        match = FORMULA.fullmatch(label)
        if match:
            formula = _formula(reader, line, label, match.group(2))
        if index < 2:
            reader.problem(
                line,
                "hai cột đầu là mã TT và nội dung: ghi chữ (A, B) ở dòng số cột, "
                f"không ghi “{label}”",
            )
            return []
        if number in seen:
            reader.problem(line, f"cột số {label} trùng với cột thứ {seen[number] + 1}")
            return []
        seen[number] = index
        columns.append(Column(index, label, number, formula))
    numbers = {c.number for c in columns if c.is_amount}
    for column in columns:
        for _, operand in column.formula:
            if operand == column.number:
                reader.problem(line, f"công thức {column.label} dùng chính cột {column.name}")
                return []
            if operand not in numbers:
                reader.problem(line, f"công thức {column.label}: bảng không có cột ({operand})")
                return []
    cycle = _cycle(columns)
    if cycle:
        reader.problem(line, f"các công thức cột tính vòng quanh nhau: {' → '.join(cycle)}")
        return []
    return columns


def _formula(reader: _Reader, line: int, label: str, text: str) -> tuple[tuple[int, int], ...]:
    terms: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        match = TERM.match(text, position)
        if not match or match.end() == position or (terms and not match.group(1)):
            reader.problem(
                line,
                f"công thức cột “{label}” không đọc được: viết như (1)=(2)+(3) hoặc (5)=(4)-(1)",
            )
            return ()
        terms.append((-1 if match.group(1) == "-" else 1, int(match.group(2))))
        position = match.end()
    return tuple(terms)


def _cycle(columns: list[Column]) -> list[str]:
    """A cycle among formula columns, as column names; [] when there is none."""
    formulas = {c.number: [n for _, n in c.formula] for c in columns if c.formula}

    def walk(number: int, path: list[int]) -> list[int]:
        if number in path:
            return [*path[path.index(number) :], number]
        for operand in formulas.get(number, []):
            found = walk(operand, [*path, number])
            if found:
                return found
        return []

    for number in formulas:
        found = walk(number, [])
        if found:
            return [f"({n})" for n in found]
    return []


def _main_column(reader: _Reader, table: Table) -> None:
    amounts = table.amount_columns
    if table.main is None:
        if len(amounts) == 1:
            table.main = amounts[0].number
    elif table.column(table.main) is None:
        names = ", ".join(c.name for c in amounts)
        reader.problem(
            table.position.line,
            f"“cot={table.main}”: bảng không có cột ({table.main}) (có: {names})",
        )
        table.main = None


def _row(reader: _Reader, table: Table, line: int, cells: list[str]) -> Row | None:
    """One data row; its problems are collected and the row kept as far as it can be read."""
    head = cells[0] if cells else ""
    name, tag = split_tag(cells[1]) if len(cells) > 1 else ("", None)
    marker = head.replace(" ", "") if MARKER.fullmatch(head) else ""
    code = "" if marker else head
    if len(cells) != len(table.columns):
        text = " ".join(c for c in cells[:2] if c)
        shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
        reader.problem(
            line,
            f"dòng “{shown}” có {len(cells)} ô, bảng có {len(table.columns)} cột "
            "(thiếu hoặc thừa dấu “|”); các số của dòng này bị bỏ qua",
        )
        if not marker and code_rank(code) is None:
            code, marker = "", "+"
        return Row(line=line, code=code, marker=marker, name=name)
    if not marker and code_rank(code) is None:
        if code:
            reader.problem(
                line,
                f"mã TT “{code}” không đọc được: dùng A, I., 1, 6.1, a, b1, b.1.1 … hoặc, cho dòng "
                "không có mã, “+” (mục của dòng có mã ngay trên), “+IV” (mục của dòng IV), "
                "“=” (dòng tổng cộng)",
            )
        else:
            reader.problem(
                line,
                "dòng không có mã TT: ghi “+” nếu là mục của dòng có mã ngay trên, “+IV” nếu là "
                "mục của dòng IV, “=” nếu là dòng tổng cộng",
            )
        code, marker = "", "+"
    row = Row(line=line, code=code, marker=marker, name=name)
    if tag is not None:
        if ID.fullmatch(tag):
            row.id = tag
        else:
            reader.problem(line, f"mã dòng “{tag}” không hợp lệ: mã {ID_RULE}")
    for column, text in zip(table.columns, cells, strict=True):
        if column.index < 2:
            continue
        if not column.is_amount:
            row.texts[column.index] = text
            continue
        row.typed[column.number] = _value(reader, table, line, column, text)
    if row.is_total and row.is_remainder:
        reader.problem(
            line, "dòng tổng cộng “=” không có ô “?”: ô “?” là phần chưa chi tiết của dòng cha"
        )
        row.typed = {n: (None if v is REMAINDER else v) for n, v in row.typed.items()}
    return row


def _value(reader: _Reader, table: Table, line: int, column: Column, text: str) -> Typed:
    if text == "":
        return None
    if text == "?":
        return REMAINDER
    try:
        amount = Amount.of(parse_number(text), table.unit)
        amount.in_unit(table.unit, table.decimals)
    except NumberFormatError as exc:
        reader.problem(line, f"cột {column.name}: {exc}")
        return None
    except InexactAmount:
        allowed = "số nguyên" if table.decimals == 0 else f"{table.decimals} chữ số thập phân"
        reader.problem(
            line,
            f"cột {column.name}: “{text}” {table.unit.label} có nhiều chữ số thập phân hơn "
            f"bảng cho phép ({allowed}); thêm “thap_phan=…” vào dòng khai báo bảng nếu cần",
        )
        return None
    return amount
