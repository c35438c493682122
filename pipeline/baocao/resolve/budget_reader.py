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

The declaration line names the table and its unit — money ("Triệu đồng"), a count ("Hồ sơ") or
"%" — and options: its main column (`cot=4`), decimals (`thap_phan=1`, `thap_phan(4)=2`, printed
always with `co_dinh`), how a zero prints (`so_khong=-`). Header rows run down to the
column-number row; in them "<" joins a cell to the one on its left and "^" to the one above, and a
column's header may state its own unit: "(người)", "(%)", "Tỷ lệ (%)", "(tỷ đồng)", "(ĐVT: con)".
The column-number row says which columns hold figures ("(1)") and their formulas ("(1)=(2)+(3)",
"(3)=(1)×(2)", "(4)=(2)/(1)×100"). Each row after it has a TT code, or a marker for a row without
one ("=" grand total, "+" item), "#" before either for a row whose figures are its own ("#=": and
checked against its children), a name with an optional `{#id}`, and its figures in its columns'
units: empty, a Vietnamese number, or "?" for the unitemised rest. Rows are split here by hand,
not by mistune, so that every cell count and line is checked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from baocao import codes
from baocao.money.amount import EXACT, Amount, NumberFormatError, Unit, parse_number
from baocao.parse.blocks import TableSource
from baocao.parse.syntax import (
    ID,
    ID_RULE,
    UNIT_LABEL,
    is_delimiter_row,
    is_number_row,
    split_cells,
    split_tag,
)
from baocao.problems import Position, Problem
from baocao.resolve.budget import (
    COUNT,
    PERCENT,
    PERCENT_MEASURE,
    REMAINDER,
    Column,
    Const,
    Formula,
    HeaderCell,
    Measure,
    Op,
    Ref,
    Row,
    Table,
    Typed,
    code_rank,
    dimension,
    factors,
    is_ratio,
    references,
)

FORMULA = re.compile(r"\((\d+)\)\s*=\s*(.+)")
MARKER = re.compile(r"=|\++(?:\s*\S+)?")
OWN = re.compile(r"#=?")  # "#": the row's figures are its own; "#=": and checked
OPTION = re.compile(r"([a-z_]+)(?:\((\d+)\))?(?:=(.*))?")
OPTIONS = {
    "cot": "cột chính (cot=4)",
    "thap_phan": "số chữ số thập phân tối đa (thap_phan=1, hoặc cho một cột: thap_phan(4)=2)",
    "co_dinh": "luôn in đủ chữ số thập phân (co_dinh, hoặc cho một cột: co_dinh(4))",
    "so_khong": "cách in số 0 (so_khong=0, so_khong=- hoặc so_khong=trong)",
}
ZEROS = {"0": "0", "-": "-", "trong": "", "trống": ""}
PERCENT_DECIMALS = 2  # a percent column's decimals unless the declaration says otherwise

# Units a column's header may state in parentheses, besides money ("(triệu đồng)") and "(%)";
# any other is written "(ĐVT: …)". Lower case, as compared.
COUNT_UNITS = frozenset(
    unit.strip()
    for unit in """người;lượt;lượt người;hồ sơ;thủ tục;hộ;hộ gia đình;thôn;tổ;xã;phường;cái;chiếc;
    bộ;máy;ha;km;m;m2;m²;tấn;kg;con;lớp;buổi;lần;ngày;tháng;năm;trường hợp;doanh nghiệp;đơn vị;
    công trình;dự án;nhiệm vụ;sản phẩm;mô hình;văn bản;học sinh;lao động;điểm;phòng;trường;
    cơ sở;hợp tác xã;tài khoản;giao dịch;camera;thiết bị;đề tài;sáng kiến;cuộc;hội nghị""".split(
        ";"
    )
)
MONEY_WORDS = re.compile(r"đồng|dong|triệu|trieu|tỷ|tỉ|nghìn|ngàn|usd|vnđ|vnd")
COUNT_LABEL = re.compile(r"[^\W\d_][\w²³/. -]{0,39}")
PARENTHESES = re.compile(r"\(([^()]*)\)")
TOKEN = re.compile(r"\s*(?:(\(\d+\))|(\d+(?:\.\d{3})*(?:,\d+)?)|([-+−–×*xX·÷/:])|([()]))")
OPERATORS = {"+": "+", "-": "-", "−": "-", "–": "-", "×": "*", "*": "*", "x": "*", "X": "*"}
OPERATORS |= {"·": "*", "÷": "/", "/": "/", ":": "/"}
FORMULA_EXAMPLES = "(1)=(2)+(3), (5)=(4)-(1), (3)=(1)×(2) hoặc (4)=(2)/(1)×100"


class _Reader:
    """Collects the problems of one table while reading it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(codes.UNSORTED, Position(self.path, line), message))


def read_table(source: TableSource) -> tuple[Table | None, list[Problem]]:
    """A table from its declaration line and its pipe lines.

    Returns the table with its rows in order (no hierarchy yet) and every problem found; None
    when the table cannot be read at all (no column-number row, no unit).
    """
    reader = _Reader(source.position.path)
    table, options = _declaration(reader, source.position.line, source.declaration)
    table_line, table_lines = source.first_line, source.lines
    if table is None or len(table_lines) < 2:
        if table is not None:
            reader.problem(table_line, "bảng cần ít nhất dòng tiêu đề và dòng kẻ “|---|”")
        return None, reader.problems
    header = split_cells(table_lines[0])
    width = len(header)
    delimiter = split_cells(table_lines[1])
    if len(delimiter) != width or not is_delimiter_row(delimiter):
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
    table.columns = _columns(reader, number_line, numbers, table, options)
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


@dataclass
class _Options:
    """The declaration's options that apply to columns: decimals and fixed decimals, for the
    whole table (key None) or one column (its number)."""

    decimals: dict[int | None, int] = field(default_factory=dict)
    fixed: set[int | None] = field(default_factory=set)


def _declaration(reader: _Reader, line: int, text: str) -> tuple[Table | None, _Options]:
    """ "Đơn vị: Triệu đồng {#pl cot=4 thap_phan=1}" → an empty table with its unit and options."""
    options = _Options()
    unit_text, body = split_tag(text.strip().split("\n", 1)[0])
    words = (body or "").split()
    if not words or not ID.fullmatch(words[0]):
        shown = words[0] if words else ""
        reader.problem(line, f"mã bảng “{shown}” không hợp lệ: mã {ID_RULE}")
        return None, options
    try:
        measure = declared_measure(unit_text)
    except ValueError as exc:
        reader.problem(line, f"dòng khai báo bảng “{words[0]}”: {exc}")
        return None, options
    unit = measure.money if measure.is_money else Unit.DONG
    table = Table(
        id=words[0],
        position=Position(reader.path, line),
        unit=unit,
        unit_text=unit_text,
        measure=measure,
    )
    for option in words[1:]:
        match = OPTION.fullmatch(option)
        key, column, value = match.groups() if match else ("", None, None)
        number = int(column) if column else None
        if key not in OPTIONS or (key == "co_dinh") != (value is None):
            known = ", ".join(OPTIONS.values())
            reader.problem(
                line, f"tùy chọn “{option}” của bảng “{table.id}” không rõ (có: {known})"
            )
        elif key == "cot" and number is None and value and re.fullmatch(r"\(?\d+\)?", value):
            table.main = int(value.strip("()"))
        elif key == "thap_phan" and value and re.fullmatch(r"[0-6]", value):
            options.decimals[number] = int(value)
            if number is None:
                table.decimals = int(value)
        elif key == "co_dinh":
            options.fixed.add(number)
        elif key == "so_khong" and number is None and value in ZEROS:
            table.zero = ZEROS[value]
        else:
            reader.problem(line, f"tùy chọn “{option}”: cần {OPTIONS[key]}")
    return table, options


def declared_measure(text: str) -> Measure:
    """The unit of a declaration line ("Triệu đồng", "Hồ sơ", "%"), or of a header's "(ĐVT: …)".

    Money is one of Unit's; "%" (or "phần trăm") a percent; any other short name a count. A name
    that speaks of money but is not one of the units is refused, not taken for a count."""
    key = " ".join(unicodedata.normalize("NFC", str(text)).split())
    key = UNIT_LABEL.sub("", key).strip().strip("()").strip()
    folded = key.casefold()
    if folded in ("%", "phần trăm"):
        return PERCENT_MEASURE
    try:
        return Measure.of(Unit.parse(key))
    except ValueError:
        if MONEY_WORDS.search(folded) or not COUNT_LABEL.fullmatch(folded):
            if MONEY_WORDS.search(folded):
                raise
            raise ValueError(
                f"đơn vị “{text}” không rõ: dùng “đồng”, “nghìn đồng”, “triệu đồng”, “tỷ đồng”, "
                "“%” hoặc tên một đơn vị đếm (“Người”, “Hồ sơ”…)"
            ) from None
    return Measure(COUNT, folded)


def header_measure(texts: list[str]) -> Measure | None:
    """The unit a column's header states, its lowest cell first: a parenthesised unit ("(người)",
    "(%)", "(tỷ đồng)", "(ĐVT: con)"), a header opening with "Tỷ lệ" or ending in a "%" of its own
    (a percent), one opening with "Số lượng" (a count); None when it states none."""
    for text in texts:
        for inside in reversed(PARENTHESES.findall(text)):
            measure = _unit_in_parentheses(inside)
            if measure is not None:
                return measure
        folded = " ".join(text.casefold().split())
        if folded.startswith(("tỷ lệ", "tỉ lệ")) or re.search(r"(?:^|[^\d,.\s])\s*%$", folded):
            return PERCENT_MEASURE  # not "… theo tỷ lệ 50%": a rate named, not the unit
        if folded.startswith(("số lượng", "khối lượng")):
            return Measure(COUNT, "")
    return None


def _unit_in_parentheses(inside: str) -> Measure | None:
    text = " ".join(unicodedata.normalize("NFC", inside).split())
    folded = text.casefold()
    if UNIT_LABEL.match(text):
        try:
            return declared_measure(text)
        except ValueError:
            return None
    if folded == "%":
        return PERCENT_MEASURE
    if folded in COUNT_UNITS:
        return Measure(COUNT, folded)
    if not MONEY_WORDS.search(folded):
        return None
    try:
        return Measure.of(Unit.parse(text))
    except ValueError:
        return None


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


def _columns(
    reader: _Reader, line: int, labels: list[str], table: Table, options: _Options
) -> list[Column]:
    """Columns from the number row: letters for text, (n) for figures, (n)=… for formulas; each
    figure column with its unit (its header's, else the declaration's), its decimals, and
    whether parents add it up."""
    columns: list[Column] = []
    seen: dict[int, int] = {}
    for index, label in enumerate(labels):
        if not label.startswith("("):
            columns.append(Column(index, label))
            continue
        opening = re.match(r"\((\d+)\)", label)
        assert opening is not None  # syntax.NUMBER_CELL: a label opening with "(" opens with "(n)"
        number = int(opening.group(1))
        formula: Formula | None = None
        match = FORMULA.fullmatch(label)
        if match:
            formula = parse_formula(match.group(2))
            if formula is None:
                reader.problem(
                    line,
                    f"công thức cột “{label}” không đọc được: viết như {FORMULA_EXAMPLES}",
                )
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
        above = sorted(
            (c for c in table.header if c.column <= index < c.column + c.columns),
            key=lambda c: -c.row,
        )
        measure = header_measure([c.text for c in above]) or table.measure
        default = PERCENT_DECIMALS if measure.kind == PERCENT else 0
        decimals = options.decimals.get(number, options.decimals.get(None, default))
        fixed = number in options.fixed or None in options.fixed
        columns.append(Column(index, label, number, formula, measure, decimals, fixed))
    for named in [*options.decimals, *options.fixed]:
        if named is not None and named not in seen:
            reader.problem(table.position.line, f"tùy chọn cho cột ({named}): bảng không có cột đó")
    return _formulas_hold(reader, line, columns)


def _formulas_hold(reader: _Reader, line: int, columns: list[Column]) -> list[Column]:
    """The columns, once every formula reads existing columns, in no cycle, and gives its
    column's kind of figure; which columns add up follows from the formulas."""
    by_number = {c.number: c for c in columns if c.is_amount}
    for column in columns:
        if column.formula is None:
            continue
        for operand in column.operands:
            if operand == column.number:
                reader.problem(line, f"công thức {column.label} dùng chính cột {column.name}")
                return []
            if operand not in by_number:
                reader.problem(line, f"công thức {column.label}: bảng không có cột ({operand})")
                return []
    cycle = _cycle(columns)
    if cycle:
        reader.problem(line, f"các công thức cột tính vòng quanh nhau: {' → '.join(cycle)}")
        return []
    unsummed: set[int] = set()
    for column in columns:
        if column.formula is None:
            continue
        got = dimension(column.formula, lambda n: by_number[n].measure)
        if got != column.measure.dimension:
            reader.problem(line, _wrong_kind(column, got))
            return []
        unsummed |= factors(column.formula)
        if is_ratio(column.formula):
            unsummed.add(column.number)
    return [
        replace(c, summed=False)
        if c.is_amount and (c.number in unsummed or c.measure.kind == PERCENT)
        else c
        for c in columns
    ]


def _wrong_kind(column: Column, got: int | None) -> str:
    """Why a formula cannot fill its column: it mixes money with counts, or gives another kind."""
    head = f"công thức {column.label}"
    if got is None:
        return (
            f"{head} cộng hoặc trừ số tiền với số không phải tiền; ghi đơn vị của mỗi cột ở "
            "tiêu đề, ví dụ “Số lượng (cái)”, “Tỷ lệ (%)”"
        )
    kinds = {0: "một số không phải tiền", 1: "số tiền", 2: "tiền nhân tiền"}
    result = kinds.get(got, "tiền chia cho tiền" if got < 0 else "tiền nhân tiền")
    wanted = "số tiền" if column.measure.is_money else f"đơn vị “{column.measure.label or 'số'}”"
    hint = (
        "ghi “(%)” ở tiêu đề cột tỷ lệ, “(cái)”, “(người)” … ở tiêu đề cột số lượng"
        if got != 2
        else "một thừa số phải là số lượng: ghi đơn vị ở tiêu đề cột đó, ví dụ “Số lượng (cái)”"
    )
    return f"{head} cho ra {result}, nhưng cột {column.name} là {wanted}; {hint}"


def parse_formula(text: str) -> Formula | None:
    """ "(2)+(3)", "(1)×(2)", "(2)/(1)*100", "((1)+(2))×0,5" as a formula; None if unreadable.
    ×, *, x, · multiply; ÷, /, : divide; − and – subtract; × and ÷ bind before + and −."""
    tokens: list[tuple[str, str]] = []
    text, position = text.strip(), 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            return None
        ref, constant, operator, bracket = match.groups()
        if ref:
            tokens.append(("ref", ref[1:-1]))
        elif constant:
            tokens.append(("number", constant))
        elif operator:
            tokens.append(("op", OPERATORS[operator]))
        else:
            tokens.append((bracket, bracket))
        position = match.end()
    parser = _FormulaParser(tokens)
    formula = parser.sum()
    return formula if formula is not None and parser.at == len(tokens) else None


class _FormulaParser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self, *operators: str) -> str | None:
        if self.at < len(self.tokens):
            kind, value = self.tokens[self.at]
            if kind == "op" and value in operators:
                self.at += 1
                return value
        return None

    def sum(self) -> Formula | None:
        left = self.product()
        while left is not None and (operator := self.peek("+", "-")):
            right = self.product()
            left = Op(operator, left, right) if right is not None else None
        return left

    def product(self) -> Formula | None:
        left = self.term()
        while left is not None and (operator := self.peek("*", "/")):
            right = self.term()
            left = Op(operator, left, right) if right is not None else None
        return left

    def term(self) -> Formula | None:
        if self.at >= len(self.tokens):
            return None
        kind, value = self.tokens[self.at]
        self.at += 1
        if kind == "ref":
            return Ref(int(value))
        if kind == "number":
            return Const(parse_number(value))
        if kind == "(":
            inner = self.sum()
            if inner is None or self.at >= len(self.tokens) or self.tokens[self.at][0] != ")":
                return None
            self.at += 1
            return inner
        return None


def _cycle(columns: list[Column]) -> list[str]:
    """A cycle among formula columns, as column names; [] when there is none."""
    formulas = {c.number: references(c.formula) for c in columns if c.formula is not None}

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
    amounts = table.money_columns  # a citation cites money: the only money column is the main one
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
    elif not any(c.number == table.main for c in amounts):
        names = ", ".join(c.name for c in amounts) or "không có"
        reader.problem(
            table.position.line,
            f"“cot={table.main}”: cột ({table.main}) không phải cột tiền; cột chính là cột số "
            f"tiền lời văn trích (cột tiền: {names})",
        )
        table.main = None


def _row(reader: _Reader, table: Table, line: int, cells: list[str]) -> Row | None:
    """One data row; its problems are collected and the row kept as far as it can be read."""
    head = cells[0] if cells else ""
    name, tag = split_tag(cells[1]) if len(cells) > 1 else ("", None)
    own = OWN.match(head)
    if own:  # "#II", "#+", "#": figures of its own; "#" alone is placed as "+"
        head = head[own.end() :].strip() or "+"
        if head == "=":
            reader.problem(
                line,
                "dòng tổng cộng “=” luôn là tổng các mục con: bỏ dấu “#” (dòng “#” giữ số của "
                "chính nó)",
            )
            head = "+"
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
        return Row(line=line, code=code, marker=marker, name=name, own=own.group(0) if own else "")
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
    row = Row(line=line, code=code, marker=marker, name=name, own=own.group(0) if own else "")
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
        if not column.summed:
            reader.problem(
                line,
                f"cột {column.name} không cộng lên dòng cha (tỷ lệ, đơn giá, số lượng nhân với "
                "cột khác): ô “?” chỉ dùng ở cột được cộng",
            )
            return None
        return REMAINDER
    measure = column.measure
    try:
        figure = parse_number(text)
        value = Amount.of(figure, measure.money) if measure.is_money else Amount(figure)
    except NumberFormatError as exc:  # and AmountTooLarge, beyond what any budget holds
        reader.problem(line, f"cột {column.name}: {exc}")
        return None
    exponent = figure.normalize(EXACT).as_tuple().exponent
    assert isinstance(exponent, int)  # parse_number gives finite numbers
    if -exponent > column.decimals:
        allowed = "số nguyên" if column.decimals == 0 else f"{column.decimals} chữ số thập phân"
        option = "thap_phan=…" if measure == table.measure else f"thap_phan{column.name}=…"
        reader.problem(
            line,
            f"cột {column.name}: {measure.words(f'“{text}”')} có nhiều chữ số thập phân "
            f"hơn bảng cho phép ({allowed}); thêm “{option}” vào dòng khai báo bảng nếu cần",
        )
        return None
    return value
