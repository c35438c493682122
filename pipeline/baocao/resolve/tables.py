"""A budget table's model (baocao.resolve.budget), built from the typed table parse hands on
(baocao.parse.table): from a content file's Markdown, or from a received table `baocao soat`
shaped as a budget table.

Parse has read every cell; what the cells mean is found here: the declaration's unit (money in a
unit, a count, or "%"), each column's own unit from its header ("(người)", "(%)", "Tỷ lệ (%)",
"(tỷ đồng)", "(ĐVT: con)"; "Tỷ lệ …" is a percent, "Số lượng …" a count), the decimals each
column allows, the main column a citation cites, the cells the header's "<" and "^" join, the
kind of figure each formula gives (money, a count, a ratio) and so which columns parents add up.
Every figure becomes an exact value in its column's unit; a figure with more decimals than its
column allows, a "?" where no rest can be, and an id given twice are problems at their cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import partial

from baocao import codes
from baocao.money.amount import EXACT, Amount, AmountTooLarge, Unit
from baocao.parse.blocks import (
    Blank,
    ColumnLabel,
    DataRow,
    Decimals,
    DeclaredTable,
    Figure,
    Fixed,
    HeaderRow,
    MainColumn,
    Merge,
    Rest,
    TableCell,
    Text,
    Unreadable,
    Value,
    Zeros,
)
from baocao.parse.formula import Formula, Op, Ref
from baocao.parse.syntax import unit_named
from baocao.problems import Code, Position, Problem
from baocao.resolve.budget import (
    COUNT,
    PERCENT,
    PERCENT_MEASURE,
    REMAINDER,
    Column,
    HeaderCell,
    Measure,
    Row,
    Table,
    Typed,
    dimension,
    evaluate,
    factors,
    is_ratio,
    references,
)

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


class _Problems(list[Problem]):
    """The problems of one table, as they are found."""

    def add(self, code: Code, position: Position, message: str) -> None:
        self.append(Problem(code, position, message))


@dataclass
class _Options:
    """The declaration's options that apply to columns: decimals and fixed decimals, for the
    whole table (key None) or one column (its number), and where each column is named."""

    decimals: dict[int | None, int] = field(default_factory=dict)
    fixed: set[int | None] = field(default_factory=set)
    named: dict[int, Position] = field(default_factory=dict)


def budget_table(typed: DeclaredTable) -> tuple[Table | None, list[Problem]]:
    """The model of a typed budget table: its unit and options, header, columns and rows in
    order (no hierarchy yet: baocao.resolve.budget.place_rows), and every problem found; None
    when it cannot be built (a unit that is none, columns that do not hold together)."""
    problems = _Problems()
    declaration = typed.declaration
    try:
        measure = declared_measure(declaration.unit_name)
    except ValueError as exc:
        problems.add(
            codes.TABLE_UNIT,
            declaration.unit_position,
            f"dòng khai báo bảng “{declaration.id}”: {exc}",
        )
        return None, problems
    table = Table(
        id=declaration.id,
        position=declaration.position,
        unit=measure.money if measure.is_money else Unit.DONG,
        unit_text=declaration.unit_line,
        measure=measure,
    )
    options = _Options()
    main: Position | None = None
    for option in declaration.options:
        match option:
            case MainColumn(number, at):
                table.main, main = number, at
            case Decimals(places, column, at):
                options.decimals[column] = places
                if column is None:
                    table.decimals = places
                else:
                    options.named.setdefault(column, at)
            case Fixed(column, at):
                options.fixed.add(column)
                if column is not None:
                    options.named.setdefault(column, at)
            case Zeros(shown, _):
                table.zero = shown
    table.header = _header(typed.header, problems)
    table.header_rows = len(typed.header)
    table.columns = _columns(typed.columns, table, options, problems)
    if not table.columns:
        return None, problems
    _main_column(table, main or declaration.position, problems)
    ids: dict[str, int] = {}
    for data in typed.rows:
        row = _row(table, data, problems)
        if row.id is not None and data.id_position is not None:
            if row.id in ids:
                problems.add(
                    codes.DUPLICATE_ROW_ID,
                    data.id_position,
                    f"mã “{row.id}” đã dùng cho dòng {ids[row.id]} của bảng “{table.id}”",
                )
                row.id = None
            else:
                ids[row.id] = row.line
        table.rows.append(row)
    return table, problems


def declared_measure(text: str) -> Measure:
    """A unit as named after its label: a declaration line's ("Triệu đồng", "Hồ sơ", "%", parse
    hands it on), or a header's "(ĐVT: con)", "con".

    Money is one of Unit's; "%" (or "phần trăm") a percent; any other short name a count. A name
    that speaks of money but is not one of the units is refused, not taken for a count."""
    key = " ".join(unicodedata.normalize("NFC", str(text)).split())
    key = key.strip("()").strip()
    folded = key.casefold()
    if folded in ("%", "phần trăm"):
        return PERCENT_MEASURE
    try:
        return Measure.of(money_unit(key))
    except ValueError:
        if MONEY_WORDS.search(folded) or not COUNT_LABEL.fullmatch(folded):
            if MONEY_WORDS.search(folded):
                raise
            raise ValueError(
                f"đơn vị “{text}” không rõ: dùng “đồng”, “nghìn đồng”, “triệu đồng”, “tỷ đồng”, "
                "“%” hoặc tên một đơn vị đếm (“Người”, “Hồ sơ”…)"
            ) from None
    return Measure(COUNT, folded)


# How offices write money's unit besides "triệu đồng": "VNĐ", "đ", "triệu đ", "1.000đ" (nghìn
# đồng), "1.000.000 đồng" (triệu đồng). Lower case, as compared.
CURRENCY = r"(?:đồng|đ|vnđ|vnd)"
_SCALED = re.compile(rf"1((?:\.?000)+)\s*{CURRENCY}\.?")
_SHORT_CURRENCY = re.compile(rf"\s*{CURRENCY}\.?$")


def money_unit(text: str) -> Unit:
    """A money unit as an office types it: "đồng", "VNĐ", "đ", "nghìn đồng", "Triệu đ", "1.000đ",
    "1.000.000 đồng", "tỷ VNĐ"; ValueError (Unit.parse's) when it is none."""
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    scaled = _SCALED.fullmatch(key)
    if scaled:
        exponent = scaled.group(1).count("0")
        unit = next((u for u in Unit if u.exponent == exponent), None)
        if unit is not None:
            return unit
    if _SHORT_CURRENCY.fullmatch(key):
        return Unit.DONG
    try:
        return Unit.parse(_SHORT_CURRENCY.sub(" đồng", key).strip())
    except ValueError:
        return Unit.parse(text)  # raises: the unit named as typed


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
        if folded.startswith(("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng")) or re.search(
            r"(?:^|[^\d,.\s])\s*%$", folded
        ):
            return PERCENT_MEASURE  # not "… theo tỷ lệ 50%": a rate named, not the unit
        if folded.startswith(("số lượng", "khối lượng")):
            return Measure(COUNT, "")
    return None


def _unit_in_parentheses(inside: str) -> Measure | None:
    text = " ".join(unicodedata.normalize("NFC", inside).split())
    folded = text.casefold()
    named = unit_named(text)
    if named is not None:
        try:
            return declared_measure(named)
        except ValueError:
            return None
    if folded == "%":
        return PERCENT_MEASURE
    if folded in COUNT_UNITS:
        return Measure(COUNT, folded)
    if not MONEY_WORDS.search(folded):
        return None
    try:
        return Measure.of(money_unit(text))
    except ValueError:
        return None


def _header(rows: tuple[HeaderRow, ...], problems: _Problems) -> list[HeaderCell]:
    """Header cells with their spans: "<" joins the cell on the left, "^" the cell above."""
    owner: list[list[int]] = []
    cells: list[tuple[TableCell, int, int]] = []
    for r, row in enumerate(rows):
        owner.append([])
        for c, cell in enumerate(row):
            if isinstance(cell, Merge) and cell.mark == "<" and c > 0:
                owner[r].append(owner[r][c - 1])
            elif isinstance(cell, Merge) and cell.mark == "^" and r > 0:
                owner[r].append(owner[r - 1][c])
            else:
                if isinstance(cell, Merge):
                    where = "bên trái" if cell.mark == "<" else "phía trên"
                    problems.add(
                        codes.HEADER_MERGE,
                        cell.position,
                        f"ô “{cell.mark}” ở cột {c + 1} không có ô {where} để gộp vào",
                    )
                    cell = TableCell(cell.mark, (Text(cell.mark),), cell.position)
                owner[r].append(len(cells))
                cells.append((cell, r, c))
    spans: list[HeaderCell] = []
    for k, (cell, _, _) in enumerate(cells):
        places = [
            (r, c) for r, row_owners in enumerate(owner) for c, o in enumerate(row_owners) if o == k
        ]
        rows_spanned = {r for r, _ in places}
        columns = {c for _, c in places}
        span = HeaderCell(
            cell.text,
            min(rows_spanned),
            min(columns),
            len(rows_spanned),
            len(columns),
            cell.inlines,
        )
        if len(places) != span.rows * span.columns:
            problems.add(
                codes.HEADER_MERGE,
                cell.position,
                f"ô tiêu đề “{cell.text}” gộp bằng “<” và “^” không thành hình chữ nhật",
            )
        spans.append(span)
    return spans


def _columns(
    labels: tuple[ColumnLabel, ...], table: Table, options: _Options, problems: _Problems
) -> list[Column]:
    """Columns from the number row: letters for text, (n) for figures, (n)=… for formulas; each
    figure column with its unit (its header's, else the declaration's), its decimals, and
    whether parents add it up."""
    columns: list[Column] = []
    seen: dict[int, int] = {}
    places: dict[int, Position] = {}
    for index, label in enumerate(labels):
        text, number = label.cell.text, label.number
        if not number:
            columns.append(Column(index, text, inlines=label.cell.inlines))
            continue
        if index < 2:
            problems.add(
                codes.TEXT_COLUMNS,
                label.cell.position,
                "hai cột đầu là mã TT và nội dung: ghi chữ (A, B) ở dòng số cột, "
                f"không ghi “{text}”",
            )
            return []
        if number in seen:
            problems.add(
                codes.DUPLICATE_COLUMN,
                label.cell.position,
                f"cột số {text} trùng với cột thứ {seen[number] + 1}",
            )
            return []
        seen[number] = index
        places[number] = label.cell.position
        above = sorted(
            (c for c in table.header if c.column <= index < c.column + c.columns),
            key=lambda c: -c.row,
        )
        measure = header_measure([c.text for c in above]) or table.measure
        default = PERCENT_DECIMALS if measure.kind == PERCENT else 0
        decimals = options.decimals.get(number, options.decimals.get(None, default))
        fixed = number in options.fixed or None in options.fixed
        columns.append(
            Column(
                index,
                text,
                number,
                label.formula,
                measure,
                decimals,
                fixed,
                inlines=label.cell.inlines,
            )
        )
    for named, at in options.named.items():
        if named not in seen:
            problems.add(
                codes.OPTION_COLUMN, at, f"tùy chọn cho cột ({named}): bảng không có cột đó"
            )
    return _formulas_hold(columns, places, problems)


def _formulas_hold(
    columns: list[Column], places: dict[int, Position], problems: _Problems
) -> list[Column]:
    """The columns, once every formula reads existing columns, in no cycle, and gives its
    column's kind of figure; which columns add up follows from the formulas."""
    by_number = {c.number: c for c in columns if c.is_amount}
    for column in columns:
        if column.formula is None:
            continue
        at = places[column.number]
        for operand in column.operands:
            if operand == column.number:
                problems.add(
                    codes.FORMULA_REFERENCE,
                    at,
                    f"công thức {column.label} dùng chính cột {column.name}",
                )
                return []
            if operand not in by_number:
                problems.add(
                    codes.FORMULA_REFERENCE,
                    at,
                    f"công thức {column.label}: bảng không có cột ({operand})",
                )
                return []
    cycle = _cycle(columns)
    if cycle:
        problems.add(
            codes.FORMULA_CYCLE,
            places[cycle[0]],
            "các công thức cột tính vòng quanh nhau: "
            + " → ".join(f"({number})" for number in cycle),
        )
        return []
    for column in columns:
        if column.formula is None:
            continue
        reason = nonsense(column.formula)
        if reason is not None:
            problems.add(
                codes.FORMULA_NONSENSE,
                places[column.number],
                f"công thức {column.label} {reason}: sửa công thức, hoặc xóa nó và gõ số",
            )
            return []
    unsummed: set[int] = set()
    for column in columns:
        if column.formula is None:
            continue
        got = dimension(column.formula, lambda n: by_number[n].measure)
        if got != column.measure.dimension:
            problems.add(codes.FORMULA_KIND, places[column.number], _wrong_kind(column, got))
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


# Two sets of made-up cells a formula is tried on: one giving the same value on both (and a
# third) gives it on every row, whatever the figures.
_TRIALS = ((2, 3, 5, 7), (11, 13, 17, 19), (23, 29, 31, 37))


def nonsense(formula: Formula) -> str | None:
    """Why a formula cannot be meant: it divides a column by itself, or its value is the same
    whatever the row's figures ((3)-(3), (3)/(3)×100); None when it can."""
    same = _self_division(formula)
    if same is not None:
        return f"chia cột ({same}) cho chính nó: dòng nào cũng ra cùng một số"
    if not _columns_read(formula):  # constants and totals only
        return "không đọc ô nào của dòng: dòng nào cũng ra cùng một số"
    results = set()
    for trial in _TRIALS:
        result = evaluate(formula, partial(_made_up, trial, 0), partial(_made_up, trial, 2))
        results.add(result)
    if len(results) == 1 and None not in results:
        return "cho cùng một số trên mọi dòng, bất kể số liệu của dòng"
    return None


def _made_up(trial: tuple[int, ...], shift: int, number: int) -> Fraction | None:
    """A made-up cell of column `number` (a total's with another `shift`) for a trial."""
    return Fraction(trial[(number + shift) % len(trial)] * (number + 1) + shift)


def _self_division(formula: Formula) -> int | None:
    """The column a division divides by itself: "(3)/(3)"; None when none does."""
    match formula:
        case Op("/", left, Ref(n)) if any(r == Ref(n) for r in _columns_read(left)):
            return n
        case Op(_, left, right):
            found = _self_division(left)
            return found if found is not None else _self_division(right)
    return None


def _columns_read(formula: Formula) -> list[Ref]:
    match formula:
        case Ref():
            return [formula]
        case Op(_, left, right):
            return [*_columns_read(left), *_columns_read(right)]
    return []


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


def _cycle(columns: list[Column]) -> list[int]:
    """A cycle among formula columns, as column numbers; [] when there is none."""
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
            return found
    return []


def _main_column(table: Table, at: Position, problems: _Problems) -> None:
    amounts = table.money_columns  # a citation cites money: the only money column is the main one
    if table.main is None:
        if len(amounts) == 1:
            table.main = amounts[0].number
    elif table.column(table.main) is None:
        names = ", ".join(c.name for c in amounts)
        problems.add(
            codes.MAIN_COLUMN,
            at,
            f"“cot={table.main}”: bảng không có cột ({table.main}) (có: {names})",
        )
        table.main = None
    elif not any(c.number == table.main for c in amounts):
        names = ", ".join(c.name for c in amounts) or "không có"
        problems.add(
            codes.MAIN_COLUMN,
            at,
            f"“cot={table.main}”: cột ({table.main}) không phải cột tiền; cột chính là cột số "
            f"tiền lời văn trích (cột tiền: {names})",
        )
        table.main = None


def _row(table: Table, data: DataRow, problems: _Problems) -> Row:
    """One data row of the model: its head, name and id as parse read them, its figures in its
    columns' units; a row whose cells could not be counted keeps no figure."""
    row = Row(data.head, data.name)
    if not data.cells:
        return row
    row.id = data.id
    rests: list[Position] = []
    for column, cell in zip(table.columns[2:], data.cells, strict=True):
        if isinstance(cell, TableCell):
            row.texts[column.index] = cell
            continue
        row.figures[column.number] = cell
        row.typed[column.number] = _value(table, column, cell, problems)
        if isinstance(cell, Blank) and cell.placeholder:
            row.pending.add(column.number)
        if row.typed[column.number] is REMAINDER:
            rests.append(cell.position)
    if row.is_total and rests:
        problems.add(
            codes.REMAINDER_PLACE,
            rests[0],
            "dòng tổng cộng “=” không có ô “?”: ô “?” là phần chưa chi tiết của dòng cha",
        )
        row.typed = {n: (None if v is REMAINDER else v) for n, v in row.typed.items()}
    return row


def _value(table: Table, column: Column, cell: Value, problems: _Problems) -> Typed:
    """A figure cell's value in its column's unit: None when empty (or unreadable: parse said
    why), REMAINDER for "?" in a column that adds up."""
    match cell:
        case Blank() | Unreadable():
            return None
        case Rest(at):
            if column.summed:
                return REMAINDER
            problems.add(
                codes.REMAINDER_PLACE,
                at,
                f"cột {column.name} không cộng lên dòng cha (tỷ lệ, đơn giá, số lượng nhân với "
                "cột khác): ô “?” chỉ dùng ở cột được cộng",
            )
            return None
        case Figure(figure, text, at):
            measure = column.measure
            try:
                value = Amount.of(figure, measure.money) if measure.is_money else Amount(figure)
            except AmountTooLarge as exc:  # beyond what any budget holds
                problems.add(codes.CELL_TOO_LARGE, at, f"cột {column.name}: {exc}")
                return None
            exponent = figure.normalize(EXACT).as_tuple().exponent
            assert isinstance(exponent, int)  # parse_number gives finite numbers
            if -exponent > column.decimals:
                allowed = (
                    "số nguyên" if column.decimals == 0 else f"{column.decimals} chữ số thập phân"
                )
                option = "thap_phan=…" if measure == table.measure else f"thap_phan{column.name}=…"
                problems.add(
                    codes.FIGURE_DECIMALS,
                    at,
                    f"cột {column.name}: {measure.words(f'“{text}”')} có nhiều chữ số thập phân "
                    f"hơn bảng cho phép ({allowed}); thêm “{option}” vào dòng khai báo bảng "
                    "nếu cần",
                )
                return None
            return value
    raise AssertionError(cell)  # pragma: no cover
