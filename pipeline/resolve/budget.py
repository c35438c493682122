"""Budget tables as a model: rows in a hierarchy from their TT codes, every total computed.

An amount is entered once, in a leaf row. A parent row's value is the sum of its children's,
up to the grand total; a value the editor still types on a parent is a check against that sum,
and so is a value typed in a column that has a formula ("(1)=(2)+(3)"). A parent whose money is
only partly itemised says so with a remainder row ("?" cells), which then shows the gap instead
of a silent mismatch. The model knows nothing of Markdown: `budget_reader` reads it, and the render
stage prints it (pipeline/render/table.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.errors import Position, Problem
from pipeline.money.amount import Amount, Unit
from pipeline.money.figures import figure


class Remainder:
    """The "?" cell: what its parent's typed total leaves after the other children."""

    def __repr__(self) -> str:
        return "?"


REMAINDER = Remainder()
Typed = Amount | Remainder | None

# The kinds of TT code, shallow to deep; a row belongs to the nearest row above of a shallower kind.
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_KINDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"[A-ZĐ]"), 1),  # A, B: the budget's two halves
    (_ROMAN, 2),  # I, II, …, IV
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
            if kind == 1 and _ROMAN.fullmatch(bare):
                continue
            return kind, len(re.findall(r"\d+", bare))
    return None


def bare_code(code: str) -> str:
    """A TT code without its trailing "." or ")": "IV." → "IV"."""
    return code.strip().rstrip(".)").strip()


@dataclass(frozen=True)
class Column:
    """One column, as its number row declares it: "A", "B" (text) or "(1)=(2)+(3)" (amounts)."""

    index: int
    label: str
    number: int = 0  # (1) → 1; 0 for a text column
    formula: tuple[tuple[int, int], ...] = ()  # (sign, column number): (1)=(2)+(3) → (+1,2),(+1,3)

    @property
    def is_amount(self) -> bool:
        return self.number > 0

    @property
    def name(self) -> str:
        """ "(1)" for an amount column, its letter otherwise."""
        return f"({self.number})" if self.number else self.label


@dataclass(frozen=True)
class HeaderCell:
    """A cell of the column header, with the rows and columns it spans."""

    text: str
    row: int
    column: int
    rows: int = 1
    columns: int = 1


@dataclass(eq=False)
class Row:
    """A row as the editor typed it, and what the model computes for it."""

    line: int
    code: str  # the TT code as typed ("IV", "b.1.1"); "" for a row placed by a marker
    marker: str  # "=" the grand total, "+" / "++" / "+IV" an uncoded item, "" a coded row
    name: str
    id: str | None = None
    typed: dict[int, Typed] = field(default_factory=dict)  # by column number
    texts: dict[int, str] = field(default_factory=dict)  # other text columns, by index
    parent: Row | None = None
    children: list[Row] = field(default_factory=list)
    values: dict[int, Amount | None] = field(default_factory=dict)  # computed, by column number

    @property
    def is_total(self) -> bool:
        return self.marker == "="

    @property
    def is_remainder(self) -> bool:
        return any(v is REMAINDER for v in self.typed.values())

    @cached_property
    def rank(self) -> tuple[int, int]:
        return (0, 0) if self.is_total else code_rank(self.code) or (9, 0)

    @property
    def is_section(self) -> bool:
        """The grand total, A/B and Roman rows: the rows an appendix sets in bold."""
        return self.is_total or self.rank[0] in (1, 2)

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
    unit: Unit
    unit_text: str
    decimals: int = 0
    main: int | None = None  # the column a citation without "(n)" cites
    header: list[HeaderCell] = field(default_factory=list)
    header_rows: int = 1
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    _figures: dict[Amount, str] = field(default_factory=dict, repr=False)

    @property
    def amount_columns(self) -> list[Column]:
        return [c for c in self.columns if c.is_amount]

    def column(self, number: int) -> Column | None:
        return next((c for c in self.columns if c.number == number), None)

    def at(self, row: Row) -> Position:
        return Position(self.position.path, row.line)

    def figure(self, amount: Amount | None) -> str:
        """A value as the table shows it: in its unit, "." grouping; "" for an empty cell."""
        if amount is None:
            return ""
        if amount not in self._figures:  # a table repeats few distinct values; babel is slow
            self._figures[amount] = figure(amount, self.unit, self.decimals)
        return self._figures[amount]

    def shown(self, amount: Amount | None) -> str:
        """A value for a message: "10.960", or "trống"."""
        return "trống" if amount is None else self.figure(amount)


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
    under the row IV of the current branch (and the "+" rows after it too). "=" is the grand
    total: every row without a parent belongs to it, wherever it stands.
    """
    problems: list[Problem] = []
    stack: list[Row] = []  # the current branch of coded rows (and the total, when it comes first)
    anchor: Row | None = None  # where "+" rows go
    items: list[Row] = []  # the current "+" rows by depth
    total: Row | None = None
    for row in table.rows:
        if row.is_total:
            if total is not None:
                problems.append(
                    Problem(
                        table.at(row),
                        f"bảng “{table.id}” đã có dòng tổng “=” ở dòng {total.line}; "
                        "mỗi bảng chỉ có một dòng tổng",
                    )
                )
                continue
            total = row
            stack, anchor, items = [row], row, []
        elif row.marker:
            depth = len(row.marker) - len(row.marker.lstrip("+"))
            target = row.marker[depth:]
            if target:
                found = next(
                    (r for r in reversed(stack) if bare_code(r.code) == bare_code(target)), None
                )
                if found is None:
                    problems.append(
                        Problem(
                            table.at(row),
                            f"“{row.marker}”: không thấy dòng mã “{target}” ở nhánh phía trên "
                            f"(các dòng đang mở: {_branch(stack)})",
                        )
                    )
                    continue
                anchor, items = found, []
                row.parent = found
            elif depth == 1:
                row.parent = anchor
            elif depth - 2 < len(items):
                row.parent = items[depth - 2]
            else:
                problems.append(
                    Problem(
                        table.at(row),
                        f"“{row.marker}” là mục con của một dòng “{row.marker[:-1]}”, "
                        "nhưng phía trên không có dòng đó",
                    )
                )
                continue
            items = [*items[: depth - 1], row] if not target else [row]
        else:
            rank = row.rank
            while stack and stack[-1].rank >= rank:
                stack.pop()
            row.parent = stack[-1] if stack else None
            stack.append(row)
            anchor, items = row, []
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
    by_number = {c.number: c for c in columns if c.formula}
    done: list[Column] = []
    seen: set[int] = set()

    def visit(column: Column) -> None:
        if column.number in seen:
            return
        seen.add(column.number)
        for _, operand in column.formula:
            if operand in by_number:
                visit(by_number[operand])
        done.append(column)

    for column in by_number.values():
        visit(column)
    return done


def compute(table: Table) -> list[Problem]:
    """Fill every row's values and return every inconsistency between what is typed and computed.

    Leaves keep their typed values, and a formula column left empty is computed from the row's
    other cells; parents are the sums of their children; a "?" cell is its parent's typed total
    minus the other children. Then every typed value that disagrees is a problem: a parent that
    is not the sum of its children, a formula that does not hold among the typed cells.
    """
    problems: list[Problem] = []
    numbers = [c.number for c in table.amount_columns]
    formulas = formula_order(table.columns)
    roots = [r for r in table.rows if r.parent is None]
    for root in roots:
        _compute(table, root, numbers, formulas, problems)
    for row in table.rows:
        _check_sum(table, row, numbers, problems)
        _check_formulas(table, row, formulas, problems)
    return problems


def _compute(
    table: Table,
    row: Row,
    numbers: list[int],
    formulas: list[Column],
    problems: list[Problem],
) -> None:
    for child in row.children:
        _compute(table, child, numbers, formulas, problems)
    if not row.children:
        for number in numbers:
            typed = row.typed.get(number)
            if not isinstance(typed, Remainder):  # REMAINDER is its only instance
                row.values[number] = typed
        for column in formulas:
            if row.values.get(column.number) is None and not row.is_remainder:
                row.values[column.number] = _apply(column, row.values)
        return
    for number in numbers:
        _fill_remainder(table, row, number, problems)
    for child in row.children:  # a remainder row's empty formula cells follow from its "?" cells
        if child.is_remainder:
            for column in formulas:
                if child.values.get(column.number) is None:
                    child.values[column.number] = _apply(column, child.values)
    for number in numbers:
        row.values[number] = _total([c.values.get(number) for c in row.children])
        typed = row.typed.get(number)
        if row.values[number] is None and isinstance(typed, Amount):
            row.values[number] = typed


def _apply(column: Column, values: dict[int, Amount | None]) -> Amount | None:
    """A formula over a row's values; None when none of its operands has a value."""
    terms = [(sign, values.get(n)) for sign, n in column.formula]
    if all(v is None for _, v in terms):
        return None
    result = Amount.zero()
    for sign, value in terms:
        if value is not None:
            result = result + value if sign > 0 else result - value
    return result


def _fill_remainder(table: Table, row: Row, number: int, problems: list[Problem]) -> None:
    """Give a "?" child of `row` what `row`'s typed total leaves in column `number`."""
    open_cells = [c for c in row.children if c.typed.get(number) is REMAINDER]
    if not open_cells:
        return
    column = table.column(number)
    name = column.name if column else f"({number})"
    first, *others = open_cells
    for other in others:
        problems.append(
            Problem(
                table.at(other),
                f"cột {name}: chỉ một dòng “?” cho mỗi dòng tổng; dòng {first.line} đã là phần "
                f"chưa chi tiết của {row.label()}",
            )
        )
        other.values[number] = None
    total = row.typed.get(number)
    if not isinstance(total, Amount):
        problems.append(
            Problem(
                table.at(first),
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
                table.at(first),
                f"cột {name}: các mục con của {row.label()} cộng lại "
                f"{table.shown(itemised)}, vượt số tổng ghi {table.shown(total)}; "
                "phần chưa chi tiết không thể âm",
            )
        )
    first.values[number] = rest


def _check_sum(table: Table, row: Row, numbers: list[int], problems: list[Problem]) -> None:
    """A parent's typed values against the sums of its children, all columns in one message."""
    if not row.children:
        return
    wrong = []
    for number in numbers:
        typed = row.typed.get(number)
        if not isinstance(typed, Amount):
            continue
        children = _total([c.values.get(number) for c in row.children])
        if children is not None and children != typed:  # no child with a number: not itemised
            wrong.append((number, typed, children))
    if not wrong:
        return
    parts = []
    for number, typed, children in wrong:
        column = table.column(number)
        name = column.name if column else f"({number})"
        parts.append(
            f"cột {name}: ghi {table.shown(typed)}, tổng các mục con là {table.shown(children)}"
        )
    hint = ""
    if any(children.dong < typed.dong for _, typed, children in wrong):
        hint = (
            " (nếu số tổng đúng mà chưa chi tiết hết, thêm một dòng “+” có ô “?” cho "
            "phần chưa chi tiết)"
        )
    problems.append(
        Problem(
            table.at(row),
            f"{row.label()} không bằng tổng các mục con — " + "; ".join(parts) + hint,
        )
    )


def _check_formulas(
    table: Table, row: Row, formulas: list[Column], problems: list[Problem]
) -> None:
    """Each typed formula cell against the formula over the row's cells (typed where typed)."""
    if row.is_remainder:
        return
    for column in formulas:
        typed = row.typed.get(column.number)
        if not isinstance(typed, Amount):
            continue
        operands = []
        for sign, number in column.formula:
            value = row.typed.get(number)
            if not isinstance(value, Amount):
                value = row.values.get(number)
            operands.append((sign, number, value))
        if all(v is None for _, _, v in operands):
            continue
        result = Amount.zero()
        for sign, _, value in operands:
            if value is not None:
                result = result + value if sign > 0 else result - value
        if result == typed:
            continue
        expression = "".join(f"{'+' if sign > 0 else '-'}({n})" for sign, n, _ in operands).lstrip(
            "+"
        )
        figures = "".join(
            f" {'+' if sign > 0 else '-'} {table.shown(v)}" for sign, _, v in operands
        )[3:]
        problems.append(
            Problem(
                table.at(row),
                f"{row.label()}: sai công thức cột {column.label} — cột {column.name} ghi "
                f"{table.shown(typed)}, nhưng {expression} = {figures} = {table.shown(result)}",
            )
        )
