"""Every amount typed in prose accounted for: cited, retyped, declared, or reported.

A chairman signs the figures the prose prints. A figure a citation wrote is the table's; a figure
typed with its own id (`**10.122.000.000 đồng**{#de-xuat-2026}`) is declared once. Any other
figure typed by hand is checked against what the document knows (docs/huong-dan-bien-tap.md,
"Những con số ký được"):

- a total named by its label ("tổng kinh phí", "tổng cộng", "tổng dự toán" just before it, in
  its sentence) is compared with the grand total of the document's budget table, when the
  document has one table: a slip of that total, or the figure of another of its rows, is an
  error (`LABELLED_TOTAL`); a figure far from it may be the total of something else ("tổng kinh
  phí năm 2027 theo Kế hoạch") and goes on as any figure, its warning naming the total;
- a figure equal to an amount with an id, of this document or of one it cites, in any unit,
  should cite it (`RETYPED_AMOUNT`, a warning: prose_checks.retyped); one equal to the figure of
  a row without an id asks for the id (`UNACCOUNTED_AMOUNT`);

- a figure that misses a table amount by a slip — one digit changed, two neighbouring digits
  swapped, a power of ten, less than 1 % — is an error that names the table amount and its
  place (`NEAR_MISS`): it is the table's figure typed wrong;
- any other figure is a warning (`UNACCOUNTED_AMOUNT`): nothing can say whether it is right.

Words that agree with their figure do not make it right: "56.300.000 đồng (Năm mươi sáu triệu,
ba trăm nghìn đồng)" against a table of 56.200.000 is still a near miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from baocao import codes
from baocao.money.amount import (
    EXACT,
    Amount,
    Form,
    NumberFormatError,
    Unit,
    parse_number,
    round_half_up,
)
from baocao.money.figures import in_form
from baocao.money.figures import number as written
from baocao.problems import Position, Problem
from baocao.resolve.budget import Row, Table
from baocao.resolve.prose import Prose, amounts, money
from baocao.resolve.prose_checks import citation, retyped

# A label that names the document's grand total, then up to 60 characters of the same sentence
# (no other amount, no end of sentence) before the figure: "Tổng kinh phí năm 2027 là …".
TOTAL_LABEL = re.compile(r"t[ổô]ng\s+(?:kinh\s+phí|cộng|dự\s+toán)(?![\w])", re.IGNORECASE)
LABEL_REACH = 60
# The significant digits a table figure needs for a changed, swapped or shifted digit to be a
# slip of it: 24.800.000 has three; 300.000.000 and 700.000.000 are two round amounts.
SIGNIFICANT = 3
_SENTENCE_END = re.compile(r"[;\n]|[.!?](?:\s|$)")


@dataclass(frozen=True)
class TableAmount:
    """A figure of a budget table: its value in đồng, the row and column it stands in."""

    amount: Amount
    table: Table
    row: Row
    column: int

    def place(self) -> str:
        """ "bảng “kp”, dòng 2 “Tập huấn” (02-phan.md:9)"."""
        at = self.table.at(self.row, self.column)
        return f"bảng “{self.table.id}”, {self.row.label()} ({at.path.name}:{at.line})"

    def shown(self) -> str:
        return self.table.shown(self.amount, self.column)

    def unit(self) -> str:
        column = self.table.column(self.column)
        return column.measure.label if column is not None else ""


def table_amounts(tables: list[Table]) -> list[TableAmount]:
    """Every non-zero money figure of the tables, typed or computed, in the tables' order."""
    found: list[TableAmount] = []
    for table in tables:
        for row in table.rows:
            for column in table.money_columns:
                value = row.values.get(column.number)
                if value:
                    found.append(TableAmount(value, table, row, column.number))
    return found


def grand_total(table: Table) -> TableAmount | None:
    """A table's grand total in its main column (its only money column): the "=" row's."""
    number = table.main
    if number is None:
        return None
    total = next((r for r in table.rows if r.is_total), None)
    value = total.values.get(number) if total is not None else None
    if total is None or value is None:
        return None
    return TableAmount(value, table, total, number)


def slip(typed: Decimal, meant: Decimal) -> str | None:
    """How `typed` can be `meant` mistyped: "khác một chữ số", "hai chữ số đảo chỗ", "lệch 10
    lần" (when `meant` has SIGNIFICANT digits), "lệch dưới 1 %"; None when it is no slip of it
    (or is it)."""
    if typed == meant or not meant or not typed or (typed < 0) != (meant < 0):
        return None
    a, b = abs(typed), abs(meant)
    if len(b.normalize().as_tuple().digits) >= SIGNIFICANT:
        how = _digit_slip(a, b)
        if how is not None:
            return how
    return "lệch dưới 1 %" if abs(a - b) * 100 < b else None


def _digit_slip(a: Decimal, b: Decimal) -> str | None:
    first, second = format(a.normalize(), "f"), format(b.normalize(), "f")
    if len(first) == len(second):
        differ = [k for k, (x, y) in enumerate(zip(first, second, strict=True)) if x != y]
        if len(differ) == 1:
            return "khác một chữ số"
        if len(differ) == 2 and differ[1] == differ[0] + 1:
            if first[differ[0]] == second[differ[1]] and first[differ[1]] == second[differ[0]]:
                return "hai chữ số đảo chỗ"
    quotient = max(a, b) / min(a, b)
    if quotient == quotient.to_integral_value() and str(int(quotient)).strip("0") == "1":
        return f"lệch {written(quotient)} lần"
    return None


def check_accounted(
    prose: Prose,
    known: dict[Amount, list[str]],
    figures: list[TableAmount],
    total: TableAmount | None,
) -> list[Problem]:
    """Each figure typed by hand in `prose` that no citation wrote and no tag declares: a
    labelled total against the table's `total`, then the retyped warning, a near miss of one of
    `figures`, or the warning that nothing accounts for it."""
    problems: list[Problem] = []
    if not re.search(r"\d", prose.text):
        return problems
    for match in amounts(prose.text):
        if prose.is_generated(match.start(), match.end()) or prose.is_declared(match.end()):
            continue
        try:
            amount, form = money(match)
        except NumberFormatError:
            continue  # check_words reports it
        if not amount:
            continue  # a zero states that there is nothing: no amount to cite
        typed = " ".join(match.group(0).split())
        here = prose.position(match.start())
        labelled = total is not None and _labelled(prose.text, match.start())
        if total is not None and labelled and amount != total.amount:
            other_row = any(f.amount == amount for f in figures if f.table is total.table)
            if other_row or slip(amount.dong, total.amount.dong) is not None:
                problems.append(_wrong_total(here, typed, form, total))
                continue
        keys = known.get(amount)
        if keys:
            problems.append(retyped(here, typed, amount, form, keys))
            continue
        rounded = _rounded(match["figure"], form, known)
        if rounded is not None:  # "56 triệu đồng" for 56.200.000: the table's, rounded
            problems.append(retyped(here, typed, amount, *rounded))
            continue
        same = next((f for f in figures if f.amount == amount), None)
        if same is not None:  # a table's figure on a row without an id: nothing to cite yet
            problems.append(_row_without_id(here, typed, same))
            continue
        near = _nearest(amount, figures)
        if near is not None:
            problems.append(_near_miss(here, typed, form, *near))
            continue
        beside = ""
        if total is not None and labelled:  # a total of something else, or a figure gone stale
            beside = (
                f" (đứng sau chữ “tổng”, khác tổng cộng {total.shown()} {total.unit()} ở "
                f"{total.place()})"
            )
        problems.append(
            Problem(
                codes.UNACCOUNTED_AMOUNT,
                here,
                f"“{typed}” gõ tay, không khớp khoản nào của văn bản{beside}: nếu là một khoản "
                'của bảng thì trích từ bảng, ví dụ {{ tien("ma-bang.ma-dong") }}; nếu là số riêng '
                f"của lời văn thì gắn mã cho nó, ví dụ “**{typed}**{{#ma-khoan}}”",
            )
        )
    return problems


def _rounded(
    figure: str, form: Form, known: dict[Amount, list[str]]
) -> tuple[Form, list[str]] | None:
    """The form (with the decimals typed) and the ids of a known amount that `figure`, typed in
    a unit above đồng, writes rounded half up: "56 triệu" for 56.200.000; None when none."""
    if form.unit == Unit.DONG:
        return None
    decimals = len(figure.partition(",")[2])
    typed = parse_number(figure)
    for value, keys in known.items():
        shown = round_half_up(EXACT.scaleb(value.dong, -form.unit.exponent), decimals)
        if shown == typed:
            return replace(form, decimals=decimals), keys
    return None


def _labelled(text: str, start: int) -> bool:
    """Whether a total's label stands just before the figure at `start`, in its sentence."""
    window = text[max(0, start - LABEL_REACH - 20) : start]
    found = list(TOTAL_LABEL.finditer(window))
    if not found:
        return False
    label = found[-1]
    between = window[label.end() :]
    if len(between) > LABEL_REACH or _SENTENCE_END.search(between):
        return False
    return next(amounts(between), None) is None


def _nearest(amount: Amount, figures: list[TableAmount]) -> tuple[TableAmount, str] | None:
    """The table figure `amount` is likeliest a slip of, with the slip: the closest, the most
    detailed row of equal ones (an item rather than the total it alone makes); None when none."""
    best: tuple[tuple[Decimal, int], TableAmount, str] | None = None
    for figure in figures:
        how = slip(amount.dong, figure.amount.dong)
        if how is None:
            continue
        distance = abs(amount.dong - figure.amount.dong) / abs(figure.amount.dong)
        rank = (distance, -len(figure.row.ancestors()))
        if best is None or rank < best[0]:
            best = (rank, figure, how)
    return None if best is None else (best[1], best[2])


def _near_miss(here: Position, typed: str, form: Form, figure: TableAmount, how: str) -> Problem:
    return Problem(
        codes.NEAR_MISS,
        here,
        f"“{typed}” gần trùng {figure.shown()} {figure.unit()} ở {figure.place()} ({how}): "
        f"số gõ tay có lẽ gõ sai; {_cite(figure, form)} để số chỉ nhập một lần",
    )


def _cite(figure: TableAmount, form: Form) -> str:
    """How to cite a table's figure instead of typing it: its citation, or, on a row without an
    id, the id to give it first."""
    table, row = figure.table, figure.row
    if row.id is None:
        return f"gắn mã cho dòng đó (ví dụ “{row.name} {{#ma-dong}}”) rồi trích"
    column = "" if figure.column == table.main else f"({figure.column})"
    return f"trích {citation(f'{table.id}.{row.id}{column}', form)}"


def _row_without_id(here: Position, typed: str, figure: TableAmount) -> Problem:
    return Problem(
        codes.UNACCOUNTED_AMOUNT,
        here,
        f"“{typed}” gõ tay, bằng số ở {figure.place()}, nhưng dòng đó chưa có mã: gắn mã cho "
        f"dòng (ví dụ “{figure.row.name} {{#ma-dong}}”) rồi trích "
        f'{{{{ tien("{figure.table.id}.ma-dong") }}}} để số chỉ nhập một lần',
    )


def _wrong_total(here: Position, typed: str, form: Form, total: TableAmount) -> Problem:
    key = total.row.id and f"{total.table.id}.{total.row.id}"
    cite = (
        f"trích {citation(key, form)}"
        if key
        else f"gắn mã cho dòng tổng, ví dụ “Tổng cộng {{#tong}}”, rồi trích "
        f"{citation(f'{total.table.id}.tong', form)}"
    )
    return Problem(
        codes.LABELLED_TOTAL,
        here,
        f"“{typed}” đứng sau chữ “tổng” nhưng tổng cộng của {total.place()} là "
        f"{in_form(total.amount, form)}: {cite} để số chỉ nhập một lần",
    )
