"""A budget table read into typed nodes (baocao.parse.blocks): its declaration line, header rows,
column-number row and data rows, each cell at its line and column; every problem of its syntax at
the cell it is in.

    Đơn vị: Triệu đồng {#pl cot=4}

    | TT | NỘI DUNG            | KP NĂM 2026 | <           | <          | DỰ TOÁN 2027 |
    |----|---------------------|-------------|-------------|------------|--------------|
    | ^  | ^                   | TỔNG CỘNG   | ĐẾN 30/6    | 01/7–31/12 | ^            |
    | A  | B                   | (1)=(2)+(3) | (2)         | (3)        | (4)          |
    | =  | Tổng cộng {#tong}   |             |             |            |              |
    | I. | Khoa học {#khcn}    |             |             |            |              |
    | 1  | Nghiên cứu {#nc}    | 60          | 0           | 60         | 150          |
    | +  | Một nhiệm vụ        |             |             |            | 100          |

The declaration line names the table and its unit, with options: its main column (`cot=4`),
decimals (`thap_phan=1`, `thap_phan(4)=2`, printed always with `co_dinh`), how a zero prints
(`so_khong=-`). Header rows run down to the column-number row; in them "<" joins a cell to the
one on its left and "^" to the one above. The column-number row gives each column a letter (text)
or a number ("(1)"), and a column of figures its formula ("(1)=(2)+(3)": baocao.parse.formula).
Each row after it has a TT code, or a marker for a row without one ("=" grand total, "+" item,
"-" item printed "-"),
"#" before either for a row whose figures are its own ("#=": and checked against its items), a
name with an optional `{#id}`, and its figures: empty, a Vietnamese number, or "?" for the
unitemised rest. Rows are split here by hand, not by mistune, so that every cell count and place
is checked.

Two readers hand their cells here: the Markdown parser, a declaration line and its pipe lines
(`read_pipe_table`), and `baocao soat`, a received table shaped as a budget table, each cell's
text at its place in the received document (`read_table`): both get the same nodes, and the
resolve stage builds the same model from them (baocao.resolve.tables).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from baocao import codes
from baocao.money.amount import AmountTooLarge, NumberFormatError, parse_number
from baocao.parse.blocks import (
    Blank,
    ColumnLabel,
    DataRow,
    Decimals,
    Declaration,
    DeclaredTable,
    Figure,
    Fixed,
    HeaderRow,
    Inline,
    MainColumn,
    Merge,
    Rest,
    RowHead,
    TableCell,
    TableOption,
    Unreadable,
    Value,
    Zeros,
)
from baocao.parse.formula import FORMULA_EXAMPLES, Formula, parse_formula
from baocao.parse.placeholders import MESSAGE, cell_placeholders, is_placeholder_cell
from baocao.parse.syntax import (
    END_TAG,
    ID,
    ID_RULE,
    UNIT_LABEL,
    cells_at,
    is_delimiter_row,
    is_number_row,
    unit_line,
)
from baocao.problems import Code, Position, Problem

Inlines = Callable[[str], tuple[Inline, ...]]  # a cell's text as its inlines
Cells = Sequence[tuple[str, Position]]  # a row's cells: each one's text and where it is
RowCells = tuple[Position, Cells]  # a row: where it is, and its cells

OPTION = re.compile(r"([a-z_]+)(?:\((\d+)\))?(?:=(.*))?")
OPTIONS = {
    "cot": "cột chính (cot=4)",
    "thap_phan": "số chữ số thập phân tối đa (thap_phan=1, hoặc cho một cột: thap_phan(4)=2)",
    "co_dinh": "luôn in đủ chữ số thập phân (co_dinh, hoặc cho một cột: co_dinh(4))",
    "so_khong": "cách in số 0 (so_khong=0, so_khong=- hoặc so_khong=trong)",
}
ZEROS = {"0": "0", "-": "-", "trong": "", "trống": ""}
MARKER = re.compile(r"=|(?:\++|-)(?:\s*\S+)?")  # "=", "+", "++", "+IV", "-", "-IV"
OWN = re.compile(r"#=?")  # "#": the row's figures are its own; "#=": and checked
NUMBERED = re.compile(r"\((\d+)\)")
FORMULA = re.compile(r"\((\d+)\)\s*=\s*(.+)")
MERGES = ("<", "^")

# The kinds of TT code, shallow to deep; a row belongs to the nearest row above of a shallower kind.
ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # a Roman numeral, I to XXXIX
_KINDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"[A-ZĐ]"), 1),  # A, B: the budget's two halves
    (ROMAN, 2),  # I, II, …, IV
    (re.compile(r"\d+(?:\.\d+)*"), 3),  # 1, 6.1, 1.2.3
    (re.compile(r"[a-zđ](?:\.?\d+(?:\.\d+)*)?"), 4),  # a, đ, b1, b.1, b.1.1
)


def code_rank(code: str) -> tuple[int, int] | None:
    """How deep a TT code sits, as (kind, number of numeric parts); None when it is no code.

    Roman numerals outrank letters only by kind: "I" is Roman, "C" is a letter. Trailing "." or
    ")" are ignored ("I." = "I", "a)" = "a").
    """
    bare = bare_code(code)
    for pattern, kind in _KINDS:
        if pattern.fullmatch(bare):
            if kind == 1 and ROMAN.fullmatch(bare):
                continue
            return kind, len(re.findall(r"\d+", bare))
    return None


def bare_code(code: str) -> str:
    """A TT code without its trailing "." or ")": "IV." → "IV"."""
    return code.strip().rstrip(".)").strip()


class _Problems(list[Problem]):
    """The problems of one table, as they are found."""

    def add(self, code: Code, position: Position, message: str) -> None:
        self.append(Problem(code, position, message))


def read_declaration(text: str, position: Position) -> tuple[Declaration | None, list[Problem]]:
    """ "Đơn vị: Triệu đồng {#pl cot=4 thap_phan=1}", the line at `position`, as its table's id,
    unit line, unit and options; None when its id is not one (the table cannot be named)."""
    problems = _Problems()
    line = text.split("\n", 1)[0]
    tag = END_TAG.search(line)
    typed = line[: tag.start()] if tag else line
    body = tag.group(1) if tag else ""
    body_column = (tag.start(1) if tag else len(line)) + 1
    words = [(m.group(0), body_column + m.start()) for m in re.finditer(r"\S+", body)]
    if not words or not ID.fullmatch(words[0][0]):
        shown, column = words[0] if words else ("", body_column)
        at = Position(position.path, position.line, column)
        problems.add(codes.TABLE_ID, at, f"mã bảng “{shown}” không hợp lệ: mã {ID_RULE}")
        return None, problems
    ident = words[0][0]
    label = UNIT_LABEL.match(typed)
    unit_column = (label.end() if label else len(line) - len(line.lstrip())) + 1
    unit_name = typed[label.end() :].strip() if label else typed.strip()
    options = []
    for word, column in words[1:]:
        at = Position(position.path, position.line, column)
        option = _option(word, ident, at, problems)
        if option is not None:
            options.append(option)
    unit_at = Position(position.path, position.line, unit_column)
    declaration = Declaration(position, ident, unit_line(typed), unit_name, unit_at, tuple(options))
    return declaration, problems


def _option(text: str, ident: str, at: Position, problems: _Problems) -> TableOption | None:
    """One option of a declaration: "cot=4", "thap_phan(4)=2", "co_dinh", "so_khong=-"."""
    match = OPTION.fullmatch(text)
    key, column, value = match.groups() if match else ("", None, None)
    number = int(column) if column else None
    if key not in OPTIONS or (key == "co_dinh") != (value is None):
        known = ", ".join(OPTIONS.values())
        problems.add(
            codes.UNKNOWN_OPTION, at, f"tùy chọn “{text}” của bảng “{ident}” không rõ (có: {known})"
        )
        return None
    if key == "cot" and number is None and value and re.fullmatch(r"\(?\d+\)?", value):
        return MainColumn(int(value.strip("()")), at)
    if key == "thap_phan" and value and re.fullmatch(r"[0-6]", value):
        return Decimals(int(value), number, at)
    if key == "co_dinh":
        return Fixed(number, at)
    if key == "so_khong" and number is None and value in ZEROS:
        return Zeros(ZEROS[value], at)
    problems.add(codes.OPTION_VALUE, at, f"tùy chọn “{text}”: cần {OPTIONS[key]}")
    return None


def read_pipe_table(
    declaration: Declaration, first: int, lines: Sequence[str], inlines: Inlines
) -> tuple[DeclaredTable | None, list[Problem]]:
    """A budget table from its pipe lines, the first of them at line `first`: its header line,
    its "|---|" line, more header lines, the column-number row, then the data rows. None when it
    cannot be read at all (no "|---|" line, no column-number row, a header of another width)."""
    path = declaration.position.path
    problems = _Problems()
    if len(lines) < 2:
        problems.add(
            codes.TABLE_TOO_SHORT,
            Position(path, first),
            "bảng cần ít nhất dòng tiêu đề và dòng kẻ “|---|”",
        )
        return None, problems
    rows: list[RowCells] = [
        (
            Position(path, first + k),
            [(text, Position(path, first + k, column)) for text, column in cells_at(line)],
        )
        for k, line in enumerate(lines)
    ]
    width = len(rows[0][1])
    delimiter = [text for text, _ in rows[1][1]]
    if len(delimiter) != width or not is_delimiter_row(delimiter):
        problems.add(
            codes.DELIMITER_ROW,
            rows[1][0],
            f"dòng kẻ dưới tiêu đề phải có {width} ô “---”, mỗi ô một cột tiêu đề",
        )
    body = rows[2:]
    numbers = next(
        (k for k, (_, cells) in enumerate(body) if is_number_row([t for t, _ in cells])), None
    )
    if numbers is None:
        problems.add(
            codes.NO_NUMBER_ROW,
            rows[0][0],
            f"bảng “{declaration.id}” thiếu dòng số cột ngay dưới tiêu đề, ví dụ "
            "“| A | B | (1)=(2)+(3) | (2) | (3) |”: chữ cho cột chữ, (1), (2)… cho cột số tiền",
        )
        return None, problems
    header = [rows[0], *body[:numbers]]
    table, found = read_table(declaration, header, body[numbers], body[numbers + 1 :], inlines)
    return table, [*problems, *found]


def read_table(
    declaration: Declaration,
    header: Sequence[RowCells],
    numbers: RowCells,
    rows: Sequence[RowCells],
    inlines: Inlines,
    tags: bool = True,
) -> tuple[DeclaredTable | None, list[Problem]]:
    """A budget table from its cells' texts, each at its place: its header rows (the first at
    the top), its column-number row, its data rows. `inlines` reads a cell's inline Markdown
    (a received table's text is its words as they are); with `tags`, a name's closing `{#id}` is
    the row's id (a received table has none). None when a header row or the column-number row
    has another number of cells than the first header row."""
    problems = _Problems()
    width = len(header[0][1])
    for at, cells in [*header, numbers]:
        if len(cells) != width:
            problems.add(codes.ROW_WIDTH, at, f"dòng có {len(cells)} ô, bảng có {width} cột")
    if problems:
        return None, problems
    head = tuple(_header_row(cells, inlines) for _, cells in header)
    columns = tuple(_label(text, at, inlines, problems) for text, at in numbers[1])
    reader = _Rows(declaration, columns, inlines, tags, problems)
    body = tuple(reader.row(at, cells) for at, cells in rows)
    if not body:
        problems.add(
            codes.NO_ROWS,
            header[0][0],
            f"bảng “{declaration.id}” chưa có dòng số liệu nào",
        )
    return DeclaredTable(declaration, head, columns, body), problems


def _cell(text: str, at: Position, inlines: Inlines) -> TableCell:
    return TableCell(text, inlines(text), at)


def _header_row(cells: Cells, inlines: Inlines) -> HeaderRow:
    """A header row's cells: "<" and "^" join another, any other is text."""
    return tuple(
        Merge(text, at) if text in MERGES else _cell(text, at, inlines) for text, at in cells
    )


def _label(text: str, at: Position, inlines: Inlines, problems: _Problems) -> ColumnLabel:
    """A cell of the column-number row: a letter, "(n)", or "(n)=" and its formula."""
    numbered = NUMBERED.match(text)
    if numbered is None:
        return ColumnLabel(_cell(text, at, inlines))
    formula: Formula | None = None
    written = FORMULA.fullmatch(text)
    if written:
        formula = parse_formula(written.group(2))
        if formula is None:
            problems.add(
                codes.FORMULA_SYNTAX,
                at,
                f"công thức cột “{text}” không đọc được: viết như {FORMULA_EXAMPLES}",
            )
    return ColumnLabel(_cell(text, at, inlines), int(numbered.group(1)), formula)


class _Rows:
    """The data rows of one table, read against its columns."""

    def __init__(
        self,
        declaration: Declaration,
        columns: tuple[ColumnLabel, ...],
        inlines: Inlines,
        tags: bool,
        problems: _Problems,
    ) -> None:
        self.declaration = declaration
        self.columns = columns
        self.inlines = inlines
        self.tags = tags
        self.problems = problems

    def row(self, at: Position, cells: Cells) -> DataRow:
        """One data row; its problems are collected and the row kept as far as it can be read."""
        texts = [text for text, _ in cells]
        complete = len(cells) == len(self.columns)
        head_text, head_at = cells[0] if cells else ("", at)
        head = self.head(head_text, head_at, complete)
        name_text, name_at = cells[1] if len(cells) > 1 else ("", at)
        name, tag, tag_column = name_text, None, 0
        if self.tags and (match := END_TAG.search(name_text)):
            name, tag = name_text[: match.start()].strip(), match.group(1).strip()
            tag_column = name_at.column + match.start() + match.group(0).index("{#")
        name_cell = _cell(name, name_at, self.inlines)
        self.problems.extend(cell_placeholders(name, name_at))
        if not complete:
            text = " ".join(t for t in texts[:2] if t)
            shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
            self.problems.add(
                codes.ROW_WIDTH,
                at,
                f"dòng “{shown}” có {len(cells)} ô, bảng có {len(self.columns)} cột "
                "(thiếu hoặc thừa dấu “|”); các số của dòng này bị bỏ qua",
            )
            return DataRow(at, head, name_cell)
        row_id, id_at = None, None
        if tag is not None:
            id_at = Position(at.path, at.line, tag_column)
            if ID.fullmatch(tag):
                row_id = tag
            else:
                self.problems.add(
                    codes.ROW_ID, id_at, f"mã dòng “{tag}” không hợp lệ: mã {ID_RULE}"
                )
                id_at = None
        values = tuple(
            self.value(column, text, where)
            for column, (text, where) in zip(self.columns[2:], cells[2:], strict=True)
        )
        return DataRow(at, head, name_cell, row_id, id_at, values)

    def head(self, text: str, at: Position, complete: bool) -> RowHead:
        """A row's TT code or marker, and the "#" before it; an unreadable code is reported (when
        the row's cells can be counted) and the row placed as an item, "+"."""
        own = OWN.match(text)
        if own:  # "#II", "#+", "#": figures of its own; "#" alone is placed as "+"
            text = text[own.end() :].strip() or "+"
            if text == "=":
                self.problems.add(
                    codes.OWN_TOTAL,
                    at,
                    "dòng tổng cộng “=” luôn là tổng các mục con: bỏ dấu “#” (dòng “#” giữ số "
                    "của chính nó)",
                )
                text = "+"
        owned = own.group(0) if own else ""
        if MARKER.fullmatch(text):
            marker = text.replace(" ", "")
            depth = 1 if marker[0] == "-" else len(marker) - len(marker.lstrip("+"))
            target = bare_code(marker[depth:]) if depth else ""  # "=" names no row
            return RowHead(at, marker=marker, depth=depth, target=target, own=owned)
        rank = code_rank(text)
        if rank is not None:
            return RowHead(at, code=text, bare=bare_code(text), rank=rank, own=owned)
        if complete and text:
            self.problems.add(
                codes.ROW_CODE,
                at,
                f"mã TT “{text}” không đọc được: dùng A, I., 1, 6.1, a, b1, b.1.1 … hoặc, cho dòng "
                "không có mã, “+” (mục của dòng có mã ngay trên), “+IV” (mục của dòng IV), "
                "“-” (mục của dòng có mã ngay trên, in dấu “-”), “=” (dòng tổng cộng)",
            )
        elif complete:
            self.problems.add(
                codes.ROW_CODE,
                at,
                "dòng không có mã TT: ghi “+” nếu là mục của dòng có mã ngay trên, “+IV” nếu là "
                "mục của dòng IV, “=” nếu là dòng tổng cộng",
            )
        return RowHead(at, marker="+", depth=1, own=owned)

    def value(self, column: ColumnLabel, text: str, at: Position) -> Value | TableCell:
        """A cell under a column of text as its text; under a column of figures, as its figure:
        empty, "?", or a number written the Vietnamese way."""
        if not column.number:
            self.problems.extend(cell_placeholders(text, at))
            return _cell(text, at, self.inlines)
        if text == "":
            return Blank(at)
        if is_placeholder_cell(text):
            self.problems.add(codes.PLACEHOLDER, at, MESSAGE)
            return Blank(at, placeholder=True)
        if text == "?":
            return Rest(at)
        try:
            return Figure(parse_number(text), text, at)
        except NumberFormatError as exc:
            code = codes.CELL_TOO_LARGE if isinstance(exc, AmountTooLarge) else codes.FIGURE_FORMAT
            self.problems.add(code, at, f"cột ({column.number}): {exc}")
            return Unreadable(at)
