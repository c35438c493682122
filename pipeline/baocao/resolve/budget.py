"""Budget tables as a model: rows in a hierarchy from their TT codes, every total computed.

An amount is entered once, in a leaf row. A parent row's value is the sum of its children's,
up to the grand total; a value the editor still types on a parent is a check against that sum,
and so is a value typed in a column that has a formula ("(1)=(2)+(3)", "(3)=(1)×(2)",
"(4)=(2)/(1)×100", a share of a column's total "(4)=(3)/tong×100"). A quotient by a cell that is
0 or empty is an error, unless what it divides is 0 too ("–"); percents typed in a column without
a formula are checked against the share most of them agree with. A parent whose money is only
partly itemised says so with a remainder row ("?" cells), which then shows the gap instead of a
silent mismatch; a row marked "#" keeps its own figures and does not add up its children ("#=":
and checks them against its figures).

Each column has its measure: money in a unit (đồng … tỷ đồng), a count (người, hồ sơ) or a
percent. Money is held in đồng (`Amount`); a count or a percent is held as an `Amount` too, its
`dong` being the plain number: the model's one exact carrier. Formulas are computed exactly
(fractions), and a figure is rounded only where it is printed, half up to its column's decimals.
A percent column, and a ratio or a factor of a product of columns, is never added up the
hierarchy: each row's figure is its own. The model knows nothing of Markdown: it is built from
the typed table parse hands on (baocao.resolve.tables), and the render stage prints it
(baocao.render.table).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from functools import partial

from baocao import codes
from baocao.money.amount import EXACT, Amount, Unit
from baocao.money.figures import number as written
from baocao.parse.blocks import Figure, Inline, RowHead, TableCell, Value
from baocao.parse.formula import Const, Formula, Op, Ref, Total
from baocao.problems import Position, Problem


class Remainder:
    """The "?" cell: what its parent's typed total leaves after the other children."""

    def __repr__(self) -> str:
        return "?"


REMAINDER = Remainder()
Typed = Amount | Remainder | None

MONEY, COUNT, PERCENT = "money", "count", "percent"


@dataclass(frozen=True)
class Measure:
    """What a column's figures are: money in a unit, a count of something, or a percent."""

    kind: str  # MONEY, COUNT or PERCENT
    label: str  # "triệu đồng", "người", "%"; "" for a count without a named unit
    money: Unit = Unit.DONG  # the unit of a money column

    @classmethod
    def of(cls, unit: Unit) -> Measure:
        return cls(MONEY, unit.label, unit)

    @property
    def is_money(self) -> bool:
        return self.kind == MONEY

    @property
    def exponent(self) -> int:
        """The power of ten of one unit in the model's value: 6 for triệu đồng, 0 for a count."""
        return self.money.exponent if self.is_money else 0

    @property
    def dimension(self) -> int:
        """How many times money enters the figure: 1 for money, 0 for a count or a percent."""
        return 1 if self.is_money else 0

    def value(self, figure: Decimal) -> Amount:
        """A figure in this measure as the model holds it (no limit: a computed figure)."""
        return Amount(EXACT.scaleb(figure, self.exponent))

    def figure(self, value: Amount) -> Decimal:
        """A value of the model in this measure, exactly."""
        return EXACT.scaleb(value.dong, -self.exponent)

    def words(self, figure: str) -> str:
        """ "960 triệu đồng", "12 người", "85,3%", "12" (a count without a named unit)."""
        if self.kind == PERCENT:
            return f"{figure}%"
        return f"{figure} {self.label}" if self.label else figure


PERCENT_MEASURE = Measure(PERCENT, "%")


# Formulas of the column-number row, read by baocao.parse.formula: what they read and give.
SYMBOLS = {"+": "+", "-": "-", "*": "×", "/": "÷"}


def references(formula: Formula) -> list[int]:
    """The columns a formula reads, in order, each once."""
    match formula:
        case Ref(n) | Total(n):
            return [n]
        case Const():
            return []
        case Op(_, left, right):
            return list(dict.fromkeys([*references(left), *references(right)]))


def uses_total(formula: Formula) -> bool:
    """Whether a formula reads a column's total ("tong"): it waits for the whole table."""
    match formula:
        case Total():
            return True
        case Op(_, left, right):
            return uses_total(left) or uses_total(right)
    return False


Values = Callable[[int], Fraction | None]


def evaluate(formula: Formula, get: Values, total: Values | None = None) -> Fraction | None:
    """A formula over a row's exact values, and the table's totals (`total`, by column; None
    while they are not known). An empty cell counts as 0 in a sum or a difference (None when
    both sides are empty); a product or a quotient with an empty cell, or a quotient by 0, is
    None: the cell stays empty."""
    match formula:
        case Ref(n):
            return get(n)
        case Total(n):
            return total(n) if total is not None else None
        case Const(value):
            return Fraction(value)
        case Op(operator, left, right):
            a, b = evaluate(left, get, total), evaluate(right, get, total)
            if operator in "+-":
                if a is None and b is None:
                    return None
                a, b = a or Fraction(0), b or Fraction(0)
                return a + b if operator == "+" else a - b
            if a is None or b is None:
                return None
            if operator == "*":
                return a * b
            return None if b == 0 else a / b
    raise AssertionError(formula)  # pragma: no cover


def formula_text(
    formula: Formula,
    shown: Callable[[int], str] | None = None,
    total: Callable[[int], str] | None = None,
) -> str:
    """ "(2)+(3)", "(2)÷(1)×100", "(3)÷tong(3)×100"; with `shown` (and `total` for a column's
    total), each figure instead, spaced: "73 + 390", "80 ÷ 100 × 100"."""
    space = " " if shown else ""

    def text(node: Formula, outer: int) -> str:
        match node:
            case Ref(n):
                return shown(n) if shown else f"({n})"
            case Total(n):
                return total(n) if shown and total else f"tong({n})"
            case Const(value):
                return written(value)  # as typed the Vietnamese way: "100", "0,5"
            case Op(operator, left, right):
                rank = 1 if operator in "+-" else 2
                body = (
                    text(left, rank)
                    + f"{space}{SYMBOLS[operator]}{space}"
                    + text(right, rank + (operator in "-/"))
                )
                return f"({body})" if rank < outer else body
        raise AssertionError(node)  # pragma: no cover

    return text(formula, 0)


def dimension(formula: Formula, measure: Callable[[int], Measure]) -> int | None:
    """How many times money enters the formula's result (0, 1, 2, −1 …); None when it adds or
    subtracts money and a figure that is not money."""
    match formula:
        case Ref(n) | Total(n):
            return measure(n).dimension
        case Const():
            return 0
        case Op(operator, left, right):
            a, b = dimension(left, measure), dimension(right, measure)
            if a is None or b is None:
                return None
            if operator in "+-":
                return a if a == b else None
            return a + b if operator == "*" else a - b
    raise AssertionError(formula)  # pragma: no cover


def factors(formula: Formula) -> set[int]:
    """The columns multiplied by another column (số lượng and đơn giá in thành tiền = số lượng ×
    đơn giá): their sum down a column means nothing."""
    match formula:
        case Op(operator, left, right):
            found = factors(left) | factors(right)
            if operator == "*" and references(left) and references(right):
                found |= {*references(left), *references(right)}
            return found
    return set()


def is_ratio(formula: Formula) -> bool:
    """Whether a formula divides by a column: then each row's result is its own, never a sum."""
    match formula:
        case Op(operator, left, right):
            if operator == "/" and references(right):
                return True
            return is_ratio(left) or is_ratio(right)
    return False


@dataclass(frozen=True)
class Column:
    """One column, as its number row declares it: "A", "B" (text) or "(1)=(2)+(3)" (figures).

    A figure column has its measure (money in the table's unit unless its header says
    otherwise), the most decimals it takes (`decimals`; printed only where a value has them, or
    always when `fixed`), and whether parents add it up (`summed`)."""

    index: int
    label: str
    number: int = 0  # (1) → 1; 0 for a text column
    formula: Formula | None = None
    measure: Measure = field(default_factory=lambda: Measure.of(Unit.DONG))
    decimals: int = 0
    fixed: bool = False
    summed: bool = True
    inlines: tuple[Inline, ...] = ()  # the label as printed in the header

    @property
    def is_amount(self) -> bool:
        """Whether the column holds figures (money, a count or a percent)."""
        return self.number > 0

    @property
    def is_money(self) -> bool:
        return self.is_amount and self.measure.is_money

    @property
    def name(self) -> str:
        """ "(1)" for a figure column, its letter otherwise."""
        return f"({self.number})" if self.number else self.label

    @property
    def operands(self) -> list[int]:
        """The columns its formula reads."""
        return references(self.formula) if self.formula is not None else []


@dataclass(frozen=True)
class HeaderCell:
    """A cell of the column header, with the rows and columns it spans."""

    text: str
    row: int
    column: int
    rows: int = 1
    columns: int = 1
    inlines: tuple[Inline, ...] = ()  # its text as printed


@dataclass(eq=False)
class Row:
    """A row as the editor typed it, its head, name and cells as parse read them (its code, name
    and line are theirs), and what the model computes for it."""

    head: RowHead  # its TT code or marker, the "#" before it, and where it is typed
    name_cell: TableCell  # its name as typed and printed, without its {#id}
    id: str | None = None
    typed: dict[int, Typed] = field(default_factory=dict)  # by column number
    figures: dict[int, Value] = field(default_factory=dict)  # its figure cells, by column number
    texts: dict[int, TableCell] = field(default_factory=dict)  # other text columns, by index
    parent: Row | None = None
    children: list[Row] = field(default_factory=list)
    values: dict[int, Amount | None] = field(default_factory=dict)  # computed, by column number
    exact: dict[int, Fraction] = field(default_factory=dict)  # a quotient `values` rounds
    pending: set[int] = field(default_factory=set)  # its "…" cells still to fill, by column
    dashes: set[int] = field(default_factory=set)  # its quotients of 0 by 0, printed "–"

    def is_pending(self, number: int) -> bool:
        """Whether the cell of column `number` waits for a "…" to be filled: its own, or one of
        the items it adds up."""
        if number in self.pending:
            return True
        return self.sums_children and any(c.is_pending(number) for c in self.children)

    @property
    def line(self) -> int:
        return self.head.position.line

    @property
    def code(self) -> str:
        """The TT code as typed ("IV", "b.1.1"); "" for a row placed by a marker."""
        return self.head.code

    @property
    def bare(self) -> str:
        """The code without its "." or ")": "IV" for "IV."."""
        return self.head.bare

    @property
    def marker(self) -> str:
        """ "=" the grand total, "+" / "++" / "+IV" / "-" / "-IV" an uncoded item, "" a coded
        row."""
        return self.head.marker

    @property
    def shown_code(self) -> str:
        """Its TT cell as printed: its code, "-" for a "-" item, nothing for the other markers."""
        return "-" if self.marker.startswith("-") else self.code

    @property
    def name(self) -> str:
        return self.name_cell.text

    @property
    def is_total(self) -> bool:
        return self.marker == "="

    @property
    def is_remainder(self) -> bool:
        return any(v is REMAINDER for v in self.typed.values())

    @property
    def rank(self) -> tuple[int, int]:
        """Where the row sits: (0, 0) the grand total, its code's kind and depth, (9, 0) an item
        placed by its marker."""
        return (0, 0) if self.is_total else self.head.rank or (9, 0)

    @property
    def sums_children(self) -> bool:
        """Whether its figures are its children's sums (not a "#" row, and it has children)."""
        return bool(self.children) and not self.head.own

    @property
    def level(self) -> str:
        """How the printed table sets the row apart (`[table_rows]` of templates/styles.toml):
        "total", "section" (A, B, I, II), "parent" (a lower row with items under it) or "leaf"."""
        if self.is_total:
            return "total"
        if self.rank[0] in (1, 2):
            return "section"
        return "parent" if self.children else "leaf"

    def reference(self) -> str:
        """The row in a list of rows: its code ("2.1"), else its name in quotes."""
        if self.code:
            return self.bare
        if self.is_total:
            return "dòng tổng cộng"
        name = self.name if len(self.name) <= 40 else self.name[:37].rstrip() + "…"
        return f"“{name}”"

    def label(self) -> str:
        """How messages name the row: dòng IV “Chuyển đổi số (Khoản 121)”."""
        name = self.name if len(self.name) <= 60 else self.name[:57].rstrip() + "…"
        return f"dòng {self.code} “{name}”" if self.code else f"dòng “{name}”"

    def ancestors(self) -> list[Row]:
        out, row = [], self.parent
        while row is not None:
            out.append(row)
            row = row.parent
        return out


@dataclass(eq=False)
class Table:
    """A budget table: its id, unit, header, columns and rows, in the editor's order."""

    id: str
    position: Position  # the declaration line ("Đơn vị: Triệu đồng {#pl}")
    unit: Unit  # the money unit of the declaration (đồng when it declares no money)
    unit_text: str
    decimals: int = 0  # the most decimals a column takes unless it says otherwise
    main: int | None = None  # the column a citation without "(n)" cites
    header: list[HeaderCell] = field(default_factory=list)
    header_rows: int = 1
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    measure: Measure = field(default_factory=lambda: Measure.of(Unit.DONG))  # the declaration's
    zero: str = "0"  # how a zero prints: "0", "-" or "" (so_khong=)
    _figures: dict[tuple[Amount, int], str] = field(default_factory=dict, repr=False)

    @property
    def amount_columns(self) -> list[Column]:
        """The columns of figures: money, counts and percents."""
        return [c for c in self.columns if c.is_amount]

    @property
    def money_columns(self) -> list[Column]:
        return [c for c in self.columns if c.is_money]

    def column(self, number: int) -> Column | None:
        return next((c for c in self.columns if c.number == number), None)

    def at(self, row: Row, number: int | None = None) -> Position:
        """Where a row is typed: at its code or marker, or at its cell of column (`number`); in
        the table's file (review.diff shows a table read from a copy where the editor knows it)."""
        cell = row.figures.get(number) if number is not None else None
        at = (cell or row.head).position
        return Position(self.position.path, at.line, at.column)

    def _column(self, column: Column | int | None) -> Column:
        if isinstance(column, int):
            column = self.column(column)
        if column is None:  # the declaration's measure and decimals
            return Column(-1, "", -1, measure=self.measure, decimals=self.decimals)
        return column

    def figure(self, amount: Amount | None, column: Column | int | None = None) -> str:
        """A value as the table shows it in a column (default: the declaration's unit): "."
        grouping, rounded half up to the column's decimals, which show only where the value has
        them (always, for a `fixed` column); a zero as the table's `zero`; "" for an empty cell."""
        if amount is None:
            return ""
        shape = self._column(column)
        key = (amount, shape.number)
        if key not in self._figures:  # a table repeats few distinct values; babel is slow
            value = rounded(shape.measure.figure(amount), shape.decimals)
            if value.is_zero():
                text = self.zero
            else:
                text = written(value, shape.decimals if shape.fixed else None)
            self._figures[key] = text
        return self._figures[key]

    def total_exact(self, number: int) -> Fraction | None:
        """A column's total, exactly, as "tong(n)" reads it: its "=" row's value; in a table
        without one, the sum of its top rows."""
        total = next((r for r in self.rows if r.is_total), None)
        if total is not None:
            return _exact(total, number)
        present = [
            v for r in self.rows if r.parent is None and (v := _exact(r, number)) is not None
        ]
        return sum(present, Fraction(0)) if present else None

    def shown(self, amount: Amount | None, column: Column | int | None = None) -> str:
        """A value for a message: "10.960", "0", or "trống"."""
        if amount is None:
            return "trống"
        text = self.figure(amount, column)
        return text if text not in ("", "-") else "0"


def rounded(figure: Decimal, decimals: int) -> Decimal:
    """A figure half up to `decimals` (0,125 → 0,13; −0,125 → −0,13), as Vietnamese accounting
    rounds; unchanged when it has no more decimals than that."""
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -exponent <= decimals:
        return figure
    precision = max(1, figure.adjusted() + decimals + 3)
    context = Context(prec=precision, rounding=ROUND_HALF_UP)
    return figure.quantize(Decimal(1).scaleb(-decimals), context=context)


def _total(values: list[Amount | None]) -> Amount | None:
    """The sum of the values present; None when none is."""
    present = [v for v in values if v is not None]
    return sum(present, Amount.zero()) if present else None


# ---------------------------------------------------------------------------------------------
# Hierarchy


def place_rows(table: Table) -> list[Problem]:
    """Give every row its parent: by TT code kind, by marker for uncoded rows.

    A coded row belongs to the nearest row above whose code is of a shallower kind (IV > a > b1).
    "+" puts a row under the nearest non-"+" row above; "++" under the nearest "+" row; "+IV"
    under the row IV of the current branch (and the "+" rows after it too). "-" puts a row where
    "+" would but for the "-" rows above it, "-IV" under the row IV, and the "+" rows after a "-"
    row are its items: the "-" and "+" items of an office's table. "=" is the grand total: every
    row without a parent belongs to it, wherever it stands.
    """
    problems: list[Problem] = []
    stack: list[Row] = []  # the current branch of coded rows (and the total, when it comes first)
    base: Row | None = None  # where "-" rows go
    anchor: Row | None = None  # where "+" rows go: the base, or the "-" row after it
    items: list[Row] = []  # the current "+" rows by depth
    total: Row | None = None
    for row in table.rows:
        if row.is_total:
            if total is not None:
                problems.append(
                    Problem(
                        codes.TWO_TOTALS,
                        table.at(row),
                        f"bảng “{table.id}” đã có dòng tổng “=” ở dòng {total.line}; "
                        "mỗi bảng chỉ có một dòng tổng",
                    )
                )
                continue
            total = row
            stack, base, anchor, items = [row], row, row, []
        elif row.marker:
            depth, target = row.head.depth, row.head.target
            dash = row.marker.startswith("-")
            if target:
                found = next((r for r in reversed(stack) if r.code and r.bare == target), None)
                if found is None:
                    problems.append(
                        Problem(
                            codes.MARKER_PARENT,
                            table.at(row),
                            f"“{row.marker}”: không thấy dòng mã “{row.marker[depth:]}” ở nhánh "
                            f"phía trên (các dòng đang mở: {_branch(stack)})",
                        )
                    )
                    continue
                base, anchor, items = found, found, []
                row.parent = found
            elif dash:
                row.parent = base
            elif depth == 1:
                row.parent = anchor
            elif depth - 2 < len(items):
                row.parent = items[depth - 2]
            else:
                problems.append(
                    Problem(
                        codes.MARKER_PARENT,
                        table.at(row),
                        f"“{row.marker}” là mục con của một dòng “{row.marker[:-1]}”, "
                        "nhưng phía trên không có dòng đó",
                    )
                )
                continue
            if dash:
                anchor, items = row, []
            else:
                items = [*items[: depth - 1], row] if not target else [row]
        else:
            rank = row.rank
            while stack and stack[-1].rank >= rank:
                stack.pop()
            row.parent = stack[-1] if stack else None
            stack.append(row)
            base, anchor, items = row, row, []
        if row.parent is not None:
            row.parent.children.append(row)
    if total is not None:
        for row in table.rows:
            if row.parent is None and row is not total:
                row.parent = total
        total.children = [r for r in table.rows if r.parent is total]
    return problems


def _branch(stack: list[Row]) -> str:
    codes = [r.code for r in stack if r.code]
    return ", ".join(codes) if codes else "không có"


# ---------------------------------------------------------------------------------------------
# Values and checks


def formula_order(columns: list[Column]) -> list[Column]:
    """The formula columns in an order where each comes after the columns it is computed from."""
    by_number = {c.number: c for c in columns if c.formula is not None}
    done: list[Column] = []
    seen: set[int] = set()

    def visit(column: Column) -> None:
        if column.number in seen:
            return
        seen.add(column.number)
        for operand in column.operands:
            if operand in by_number:
                visit(by_number[operand])
        done.append(column)

    for column in by_number.values():
        visit(column)
    return done


def compute(table: Table) -> list[Problem]:
    """Fill every row's values and return every inconsistency between what is typed and computed.

    Leaves keep their typed values, and a formula column left empty is computed from the row's
    other cells; parents are the sums of their children in the columns that add up (a "#" row
    keeps its own figures); a "?" cell is its parent's typed total minus the other children.
    Then every typed value that disagrees is a problem, one message per error: a parent that is
    not the sum of its children (a wrong figure below names every row it puts out, at its own
    line when it can be told), a formula that does not hold among the typed cells; and a figure
    out of scale with its column or its siblings is a warning that names the likely slip.
    """
    problems: list[Problem] = []
    formulas = formula_order(table.columns)
    for root in [r for r in table.rows if r.parent is None]:
        _compute(table, root, formulas, problems)
    _after_totals(table, formulas)
    problems.extend(_divisions_by_zero(table, formulas))
    problems.extend(_stale_percents(table))
    broken = _formula_problems(table, formulas)
    slips = _magnitudes(table)
    problems.extend(_sum_problems(table, broken, slips))
    for (row, number), hint in list(slips.items()):  # a slip that breaks a formula: one message
        found = broken.get(row, [])
        at = next((k for k, (_, columns, _) in enumerate(found) if number in columns), None)
        if at is not None:
            formula, columns, text = found[at]
            found[at] = (formula, columns, f"{text} — {hint}")
            del slips[row, number]
    for row, found in broken.items():
        for formula, _, text in found:
            problems.append(
                Problem(codes.FORMULA_MISMATCH, table.at(row, formula), f"{row.label()}: {text}")
            )
    for (row, number), hint in slips.items():
        column = table.column(number)
        name = column.name if column else f"({number})"
        problems.append(
            Problem(codes.FIGURE_SCALE, table.at(row, number), f"{row.label()}, cột {name}: {hint}")
        )
    return problems


def _compute(table: Table, row: Row, formulas: list[Column], problems: list[Problem]) -> None:
    for child in row.children:
        _compute(table, child, formulas, problems)
    summing = row.sums_children
    if row.children:  # a "?" child is the rest of its parent's typed figure, "#" row or not
        for column in table.amount_columns:
            if column.summed:
                _fill_remainder(table, row, column, problems)
        for child in row.children:  # a remainder row's empty formula cells follow from its "?"
            if child.is_remainder:
                for column in formulas:
                    if child.values.get(column.number) is None:
                        _store(child, column, _evaluate(table, column, child))
    for column in table.amount_columns:
        if column.formula is not None:
            continue
        typed = row.typed.get(column.number)
        if isinstance(typed, Remainder):  # its parent fills it in
            continue
        total = None
        if summing and column.summed:
            total = _total([c.values.get(column.number) for c in row.children])
        row.values[column.number] = total if total is not None else typed
    for column in formulas:
        typed = row.typed.get(column.number)
        if isinstance(typed, Remainder):
            continue
        if summing and column.summed:
            total = _total([c.values.get(column.number) for c in row.children])
            if total is not None:
                row.values[column.number] = total
                continue
        if isinstance(typed, Amount):
            row.values[column.number] = typed
        elif not (row.is_remainder and not summing):  # a remainder row waits for its parent
            _store(row, column, _evaluate(table, column, row))


def _total_value(table: Table, number: int) -> Amount | None:
    """A column's total as a value of the model, for a message."""
    exact = table.total_exact(number)
    if exact is None:
        return None
    return Amount(Decimal(exact.numerator) / Decimal(exact.denominator))


def _exact(row: Row, number: int) -> Fraction | None:
    """A cell's exact value: a quotient as computed, else the value held."""
    if number in row.exact:
        return row.exact[number]
    value = row.values.get(number)
    return None if value is None else Fraction(value.dong)


def _evaluate(table: Table, column: Column, row: Row) -> Fraction | None:
    assert column.formula is not None
    return evaluate(column.formula, lambda number: _exact(row, number), table.total_exact)


def _after_totals(table: Table, formulas: list[Column]) -> None:
    """The formula cells that read a column's total ("tong"), once every total is known; a
    typed one stays as typed (and is checked)."""
    waiting = [c for c in formulas if c.formula is not None and uses_total(c.formula)]
    for row in table.rows if waiting else []:
        for column in waiting:
            if (row.sums_children and column.summed) or row.typed.get(column.number) is not None:
                continue
            _store(row, column, _evaluate(table, column, row))


def _store(row: Row, column: Column, value: Fraction | None) -> None:
    """A computed value: exact when it is a finite decimal; a quotient that is not (1/3) is
    kept exactly in `row.exact`, and held in `values` as its column prints it."""
    row.exact.pop(column.number, None)
    if value is None:
        row.values[column.number] = None
        return
    decimal = _finite(value)
    if decimal is not None:
        row.values[column.number] = Amount(decimal)
        return
    row.exact[column.number] = value
    figure = value / 10**column.measure.exponent
    row.values[column.number] = column.measure.value(_half_up(figure, column.decimals))


def _finite(value: Fraction) -> Decimal | None:
    """The fraction as an exact Decimal, or None when its decimals never end."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        return None
    places = max(twos, fives)
    scaled = value.numerator * 10**places // value.denominator
    return Decimal(scaled).scaleb(-places, context=EXACT)


def _half_up(value: Fraction, decimals: int) -> Decimal:
    """A fraction rounded half up to `decimals`, away from zero on a tie."""
    scaled = abs(value) * 10**decimals
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole if value >= 0 else -whole).scaleb(-decimals, context=EXACT)


def _agrees(column: Column, typed: Amount, exact: Fraction) -> bool:
    """Whether a typed figure is the exact value as its column prints it (half up)."""
    figure = _half_up(exact / 10**column.measure.exponent, column.decimals)
    return figure == column.measure.figure(typed)


def _fill_remainder(table: Table, row: Row, column: Column, problems: list[Problem]) -> None:
    """Give a "?" child of `row` what `row`'s typed total leaves in `column`."""
    number = column.number
    open_cells = [c for c in row.children if c.typed.get(number) is REMAINDER]
    if not open_cells:
        return
    name = column.name
    first, *others = open_cells
    for other in others:
        problems.append(
            Problem(
                codes.REMAINDER_PLACE,
                table.at(other, number),
                f"cột {name}: chỉ một dòng “?” cho mỗi dòng tổng; dòng {first.line} đã là phần "
                f"chưa chi tiết của {row.label()}",
            )
        )
        other.values[number] = None
    total = row.typed.get(number)
    if not isinstance(total, Amount):
        problems.append(
            Problem(
                codes.REMAINDER_WITHOUT_TOTAL,
                table.at(first, number),
                f"cột {name}: ô “?” là phần còn lại của số tổng ghi ở {row.label()} "
                f"(dòng {row.line}), nhưng ô đó để trống",
            )
        )
        first.values[number] = None
        return
    itemised = _total([c.values.get(number) for c in row.children if c not in open_cells])
    rest = total - (itemised or Amount.zero())
    if rest.dong < 0:
        problems.append(
            Problem(
                codes.REMAINDER_NEGATIVE,
                table.at(first, number),
                f"cột {name}: các mục con của {row.label()} cộng lại "
                f"{table.shown(itemised, column)}, vượt số tổng ghi {table.shown(total, column)}; "
                "phần chưa chi tiết không thể âm",
            )
        )
    first.values[number] = rest


# Formulas ------------------------------------------------------------------------------------

# By row: each broken formula's column, the columns involved, and the message.
Broken = dict[Row, list[tuple[int, set[int], str]]]


def _formula_problems(table: Table, formulas: list[Column]) -> Broken:
    """Each typed formula cell against its formula over the row's cells (typed where typed),
    equal once rounded as the column prints it."""
    broken: Broken = {}
    for row in table.rows:
        if row.is_remainder:
            continue
        for column in formulas:
            typed = row.typed.get(column.number)
            if not isinstance(typed, Amount):
                continue
            assert column.formula is not None

            def operand(number: int, row: Row = row) -> Amount | None:
                value = row.typed.get(number)
                return value if isinstance(value, Amount) else row.values.get(number)

            def exact(number: int, row: Row = row) -> Fraction | None:
                value = row.typed.get(number)
                if isinstance(value, Amount):
                    return Fraction(value.dong)
                return _exact(row, number)

            result = evaluate(column.formula, exact, table.total_exact)
            if result is None or _agrees(column, typed, result):
                continue
            figure = _half_up(result / 10**column.measure.exponent, column.decimals)
            figures = formula_text(
                column.formula,
                lambda n: table.shown(operand(n), n),
                lambda n: table.shown(_total_value(table, n), n),
            )
            text = (
                f"sai công thức cột {column.label} — cột {column.name} ghi "
                f"{table.shown(typed, column)}, nhưng {formula_text(column.formula)} = {figures} "
                f"= {table.shown(column.measure.value(figure), column)}"
            )
            involved = {column.number, *column.operands}
            broken.setdefault(row, []).append((column.number, involved, text))
    return broken


def _divisions_by_zero(table: Table, formulas: list[Column]) -> list[Problem]:
    """Each formula cell left empty because it divides by 0 (or by an empty cell): an error
    when what it divides is a figure; "–" when that is 0 too (nothing planned, nothing done:
    docs/huong-dan-bien-tap.md, "Những con số ký được")."""
    problems: list[Problem] = []
    for row in table.rows:
        if row.is_remainder:
            continue
        for column in formulas:
            number = column.number
            if row.values.get(number) is not None or row.typed.get(number) is not None:
                continue
            assert column.formula is not None
            found = _by_zero(column.formula, partial(_exact, row), table.total_exact)
            if found is None:
                continue
            dividend, divisor = found
            if dividend == 0:
                row.dashes.add(number)
                continue
            problems.append(
                Problem(
                    codes.DIVISION_BY_ZERO,
                    table.at(row, number),
                    f"{row.label()}, cột {column.name}: công thức {formula_text(column.formula)} "
                    f"chia cho {formula_text(divisor)}, ô này bằng 0 hoặc để trống — ghi số vào "
                    "ô đó, hoặc gõ thẳng số của ô này",
                )
            )
    return problems


def _by_zero(formula: Formula, get: Values, total: Values) -> tuple[Fraction, Formula] | None:
    """The first quotient of `formula` whose divisor is 0 or empty while what it divides is not
    empty: that figure and the divisor; None when there is none."""
    match formula:
        case Op(operator, left, right):
            if operator == "/":
                a, b = evaluate(left, get, total), evaluate(right, get, total)
                if a is not None and not b:
                    return a, right
            return _by_zero(left, get, total) or _by_zero(right, get, total)
    return None


# Typed percents ------------------------------------------------------------------------------


def _stale_percents(table: Table) -> list[Problem]:
    """Each percent typed in a percent column without a formula that the row's other columns
    do not give, when they give the rest of the column: of the shares the column can be — one
    column over another ×100, a column over its total ×100 — the one most of its typed figures
    agree with, at the decimals each is typed with; the figures it does not give are stale."""
    problems: list[Problem] = []
    figures = [c for c in table.amount_columns if c.measure.kind != PERCENT]
    for column in table.amount_columns:
        if column.measure.kind != PERCENT or column.formula is not None:
            continue
        typed = [
            (row, cell)
            for row in table.rows
            if isinstance(cell := row.figures.get(column.number), Figure)
            and isinstance(row.typed.get(column.number), Amount)
        ]
        best: tuple[int, Formula, list[tuple[Row, Fraction]]] | None = None
        for formula in _shares(figures):
            agree, stale = 0, []
            for row, cell in typed:
                result = evaluate(formula, partial(_operand, row), table.total_exact)
                if result is None:
                    continue
                if _half_up(result, _typed_decimals(cell.value)) == cell.value:
                    agree += 1
                else:
                    stale.append((row, result))
            if agree >= 2 and agree > len(stale) and (best is None or agree > best[0]):
                best = (agree, formula, stale)
        if best is None:
            continue
        _, formula, stale = best
        for row, result in stale:
            cell = row.figures[column.number]
            assert isinstance(cell, Figure)
            decimals = max(_typed_decimals(cell.value), column.decimals)
            right = _half_up(result, decimals)
            operands = formula_text(
                formula,
                partial(_shown_value, table, row),
                partial(_shown_total, table),
            )
            problems.append(
                Problem(
                    codes.PERCENT_STALE,
                    table.at(row, column.number),
                    f"{row.label()}, cột {column.name}: ghi {cell.text}%, nhưng "
                    f"{formula_text(formula)} = {operands} = {written(right, decimals)}% (các "
                    "dòng khác của cột khớp cách tính này) — sửa số, hoặc ghi công thức ở dòng "
                    "số cột: "
                    f"{column.name}={formula_text(formula).replace('÷', '/')}",
                )
            )
    return problems


def _shares(columns: list[Column]) -> list[Formula]:
    """The percents a column may hold of `columns`: each over another of its kind ×100, and
    each over its total ×100."""
    hundred = Const(Decimal(100))
    found: list[Formula] = []
    for a in columns:
        for b in columns:
            if a is not b and a.measure.dimension == b.measure.dimension:
                found.append(Op("*", Op("/", Ref(a.number), Ref(b.number)), hundred))
        found.append(Op("*", Op("/", Ref(a.number), Total(a.number)), hundred))
    return found


def _shown_value(table: Table, row: Row, number: int) -> str:
    return table.shown(row.values.get(number), number)


def _shown_total(table: Table, number: int) -> str:
    return table.shown(_total_value(table, number), number)


def _typed_decimals(figure: Decimal) -> int:
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


# Magnitudes ----------------------------------------------------------------------------------

Slips = dict[tuple[Row, int], str]  # by typed cell: what looks wrong with it, and the likely slip
OUT_OF_LINE = 1000  # a figure this many times its siblings' (or a 1000th of it) is out of line
IMPLAUSIBLE_DONG = 10**14  # 100.000 tỷ đồng: more than any budget a commune or a province types


def _magnitudes(table: Table) -> Slips:
    """Typed figures out of scale: money that reads like đồng in a larger unit, a figure 1.000×
    or more out of line with its siblings, a percent that reads like an amount."""
    slips: Slips = {}
    siblings: dict[Row | None, list[Row]] = {}
    for row in table.rows:
        siblings.setdefault(row.parent, []).append(row)
    for column in table.amount_columns:
        measure, number = column.measure, column.number
        medians: dict[Row | None, Decimal | None] = {}
        for row in table.rows:
            typed = row.typed.get(number)
            if not isinstance(typed, Amount) or not typed:
                continue
            figure = measure.figure(typed)
            if measure.is_money and measure.exponent and abs(typed.dong) >= IMPLAUSIBLE_DONG:
                shown = table.figure(typed, column)
                as_dong = written(figure.scaleb(-measure.exponent, context=EXACT))
                slips[row, number] = (
                    f"{shown} {measure.label} (= {written(typed.dong)} đồng) lớn bất thường"
                    f" — có lẽ gõ theo đồng: {shown} đồng là {as_dong} {measure.label}"
                )
                continue
            if measure.kind == PERCENT and abs(figure) >= 1000:
                slips[row, number] = (
                    f"cột tỷ lệ (%) mà ghi {table.figure(typed, column)}: số này giống số tiền hay "
                    "số lượng hơn là tỷ lệ"
                )
                continue
            if row.parent not in medians:
                values = [
                    abs(v.dong)
                    for r in siblings[row.parent]
                    if (v := r.values.get(number)) is not None and v
                ]  # two figures apart: which one is out of line cannot be told
                medians[row.parent] = _median(values) if len(values) >= 3 else None
            median = medians[row.parent]
            if median is None or median / OUT_OF_LINE < abs(typed.dong) < median * OUT_OF_LINE:
                continue
            ratio = Fraction(abs(typed.dong)) / Fraction(median)
            slips[row, number] = _out_of_line(table.figure(typed, column), measure, ratio)
    return slips


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _out_of_line(shown: str, measure: Measure, ratio: Fraction) -> str:
    """ "960.000.000 lớn gấp hơn 1.000.000 lần các dòng cùng cấp — có lẽ gõ theo đồng: …"."""
    big = ratio > 1
    steps = math.log10(ratio if big else 1 / ratio) / 3  # thousands apart
    at_least = 10 ** (3 * math.floor(steps))
    how = f"lớn gấp hơn {written(at_least)} lần" if big else f"nhỏ hơn {written(at_least)} lần"
    text = f"{shown} {how} các dòng cùng cấp"
    if not measure.is_money:
        return text + " — kiểm tra lại số này (thừa hay thiếu chữ số?)"
    moved = measure.exponent + (-3 if big else 3) * round(steps)
    slip = next((u for u in Unit if u.exponent == moved), None)
    if slip is None:
        return text + " — kiểm tra lại số này (thừa hay thiếu chữ số?)"
    meant = written(Amount.of(shown, slip).in_unit(measure.money, None))
    return f"{text} — có lẽ gõ theo {slip.label}: {shown} {slip.label} là {meant} {measure.label}"


# Sums ----------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Gap:
    """A typed parent figure that is not the sum of its children."""

    row: Row
    column: Column
    typed: Amount
    total: Amount
    source: _Gap | None = None  # the child's gap it only passes on
    up: _Gap | None = None  # the parent's gap it causes

    @property
    def difference(self) -> Amount:
        return self.total - self.typed


def _gaps(table: Table) -> list[_Gap]:
    """Every typed parent figure in a column that adds up, against its children's sum; a "#" row
    only when it asks ("#=")."""
    gaps: list[_Gap] = []
    by_cell: dict[tuple[Row, int], _Gap] = {}
    for row in table.rows:  # parents before children: a gap finds its parent's
        if not row.children or row.head.own == "#":
            continue
        for column in table.amount_columns:
            typed = row.typed.get(column.number)
            if not column.summed or not isinstance(typed, Amount):
                continue
            total = _total([c.values.get(column.number) for c in row.children])
            if total is None or _agrees(column, typed, Fraction(total.dong)):
                continue
            gap = _Gap(row, column, typed, total)
            gaps.append(gap)
            by_cell[row, column.number] = gap
    for gap in gaps:  # a gap a parent only inherits: the same difference, through a computed sum
        above = by_cell.get((gap.row.parent, gap.column.number)) if gap.row.parent else None
        if above and above.source is None and not gap.row.head.own:
            if above.difference == gap.difference:
                above.source, gap.up = gap, above
    return gaps


def _sum_problems(table: Table, broken: Broken, slips: Slips) -> list[Problem]:
    """One message per wrong figure: at the row that is wrong when it can be told (a child with
    a broken formula or an out-of-scale figure, or the only figure below a chain of typed
    totals that agree with each other), naming every row it puts out; else at the deepest typed
    total that disagrees, naming the rows above that inherit its difference."""
    roots = [g for g in _gaps(table) if g.source is None]
    at_culprit: dict[Row, list[tuple[_Gap, list[_Gap]]]] = {}
    at_parent: dict[Row, list[tuple[_Gap, list[_Gap]]]] = {}
    for root in roots:
        chain, gap = [root], root
        while gap.up is not None:
            gap = gap.up
            chain.append(gap)
        culprit = _culprit(table, root, len(chain), broken, slips)
        target = at_culprit if culprit is not None else at_parent
        target.setdefault(culprit or root.row, []).append((root, chain))
    problems: list[Problem] = []
    for row, found in at_culprit.items():
        parts = []
        for root, chain in found:
            column = root.column
            above = list(reversed(chain))
            typed = ", ".join(table.shown(g.typed, column) for g in above)
            totals = ", ".join(table.shown(g.total, column) for g in above)
            which = "các dòng đó" if len(chain) > 1 else "dòng đó"
            part = (
                f"cột {column.name} ghi {table.shown(row.values.get(column.number), column)} "
                f"làm lệch {_listed([g.row.reference() for g in above])} ({which} ghi {typed}, "
                f"nhưng tổng các mục con là {totals})"
            )
            hint = slips.pop((row, column.number), None)
            parts.append(part + (f" — {hint}" if hint else ""))
        parts = [text for _, _, text in broken.pop(row, [])] + parts  # its own formula first
        at = table.at(row, found[0][0].column.number)
        problems.append(Problem(codes.WRONG_FIGURE, at, f"{row.label()}: " + "; ".join(parts)))
    for row, found in at_parent.items():
        parts = []
        for root, chain in found:
            column = root.column
            part = (
                f"cột {column.name}: ghi {table.shown(root.typed, column)}, tổng các mục con là "
                f"{table.shown(root.total, column)}"
            )
            if len(chain) > 1:
                rows = _listed([g.row.reference() for g in reversed(chain[1:])])
                part += f" ({rows} cũng lệch đúng {table.shown(abs(root.difference), column)})"
            parts.append(part)
        hint = ""
        if any(root.total.dong < root.typed.dong for root, _ in found):
            hint = (
                " (nếu số tổng đúng mà chưa chi tiết hết, thêm một dòng “+” có ô “?” cho "
                "phần chưa chi tiết)"
            )
        gapped = {root.column.number for root, _ in found}  # its formulas the same cells break
        same = [text for _, columns, text in broken.get(row, []) if columns & gapped]
        if same:
            broken[row] = [entry for entry in broken[row] if not entry[1] & gapped]
        problems.append(
            Problem(
                codes.PARENT_SUM,
                table.at(row, found[0][0].column.number),
                f"{row.label()} không bằng tổng các mục con — "
                + "; ".join(parts)
                + hint
                + "".join(f"; {text}" for text in same),
            )
        )
    return problems


def _culprit(table: Table, root: _Gap, chain: int, broken: Broken, slips: Slips) -> Row | None:
    """The row below `root` whose figure is wrong, when it can be told; None when it cannot."""
    number = root.column.number
    valued = _valued(root.row, number)
    marked = [c for c in valued if (c, number) in slips or (c in broken and _mends(table, c, root))]
    if not marked:  # a figure typed in a unit 1.000ⁿ too small: without it the sum holds
        hints = [(c, hint) for c in valued if (hint := _slipped(c, root)) is not None]
        if len(hints) == 1:
            (child, hint), *_ = hints
            slips[child, number] = hint
            return child
    if len(marked) == 1:
        return marked[0]
    if chain < 2 or not root.typed:  # nothing above agrees with the typed total (a typed 0 over
        return None  # figures is a total not filled in): the total may be the wrong one
    row = root.row
    while len(valued := _valued(row, number)) == 1:
        child = valued[0]
        if not child.sums_children:
            return child
        if isinstance(child.typed.get(number), Amount):  # a typed total its children agree with
            return None
        row = child
    return None


def _mends(table: Table, row: Row, gap: _Gap) -> bool:
    """Whether `row`'s figure, without `gap`'s difference, makes a formula of the row hold that
    does not hold now: then that figure is the wrong one."""
    number, typed = gap.column.number, row.typed.get(gap.column.number)
    if not isinstance(typed, Amount) or row.sums_children:
        return False
    mended = typed - gap.difference

    def cells(mend: bool) -> Callable[[int], Fraction | None]:
        def get(n: int) -> Fraction | None:
            return Fraction(mended.dong) if mend and n == number else _operand(row, n)

        return get

    for column in table.columns:
        result = row.typed.get(column.number)
        if column.formula is None or not isinstance(result, Amount):
            continue
        if column.number != number and number not in column.operands:
            continue
        now = evaluate(column.formula, cells(False), table.total_exact)
        then = evaluate(column.formula, cells(True), table.total_exact)
        if now is not None and _agrees(column, result, now):
            continue
        if then is not None and _agrees(
            column, mended if column.number == number else result, then
        ):
            return True
    return False


def _operand(row: Row, number: int) -> Fraction | None:
    """A cell as a formula check reads it: typed where typed, else computed."""
    cell = row.typed.get(number)
    return Fraction(cell.dong) if isinstance(cell, Amount) else _exact(row, number)


def _slipped(row: Row, gap: _Gap) -> str | None:
    """How `row`'s typed figure makes `gap` if it was typed in a unit 1.000ⁿ times smaller than
    its column's (20.000.000 for 20 in a triệu column); None when it cannot have."""
    typed, column = row.typed.get(gap.column.number), gap.column
    if not isinstance(typed, Amount) or row.sums_children or not column.measure.is_money:
        return None
    meant = typed - gap.difference
    if meant.dong <= 0 or typed.dong % meant.dong:
        return None
    ratio = typed.dong // meant.dong
    steps = next((k for k in (1, 2, 3) if ratio == 1000**k), 0)
    unit = next((u for u in Unit if u.exponent == column.measure.exponent - 3 * steps), None)
    if not steps or unit is None:
        return None
    shown = written(column.measure.figure(typed))
    return (
        f"có lẽ gõ theo {unit.label}: {shown} {unit.label} là "
        f"{written(column.measure.figure(meant))} {column.measure.label}"
    )


def _valued(row: Row, number: int) -> list[Row]:
    return [c for c in row.children if c.values.get(number) is not None and not c.is_remainder]


def _listed(names: list[str]) -> str:
    """ "II, 2 và 2.1"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
