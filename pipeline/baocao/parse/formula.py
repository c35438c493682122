"""A budget table's column formulas, read into their tree: "(1)=(2)+(3)", "(3)=(1)×(2)",
"(4)=(2)/(1)×100", "((1)+(2))×0,5", and a share of the total: "(4)=(3)/tong×100" (the row's (3)
over the table's total of column (3): its "=" row), "tong(3)" naming the total's column.

The column-number row states each formula once, after its column's number; parse reads it here,
and the budget model (baocao.resolve.budget) computes it. ×, *, x, X and · multiply; ÷, / and :
divide; −, – and - subtract; × and ÷ bind before + and −; a constant is a number written the
Vietnamese way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from baocao.money.amount import parse_number


@dataclass(frozen=True)
class Ref:
    """A column of the row: "(2)"."""

    number: int


@dataclass(frozen=True)
class Const:
    """A number in a formula: the 100 of a percent."""

    value: Decimal


@dataclass(frozen=True)
class Op:
    """Two terms and an operator: "+", "-", "*" or "/"."""

    operator: str
    left: Formula
    right: Formula


@dataclass(frozen=True)
class Total:
    """The table's total of a column, "tong(3)": the same figure on every row."""

    number: int


Formula = Ref | Const | Op | Total

TOTAL_WORD = "tong"
TOKEN = re.compile(
    r"\s*(?:(\(\d+\))|(\d+(?:\.\d{3})*(?:,\d+)?)|([-+−–×*xX·÷/:])|(tổng|tong)(\(\d+\))?|([()]))",
    re.IGNORECASE,
)
OPERATORS = {"+": "+", "-": "-", "−": "-", "–": "-", "×": "*", "*": "*", "x": "*", "X": "*"}
OPERATORS |= {"·": "*", "÷": "/", "/": "/", ":": "/"}
FORMULA_EXAMPLES = "(1)=(2)+(3), (5)=(4)-(1), (3)=(1)×(2) hoặc (4)=(2)/(1)×100"


def parse_formula(text: str) -> Formula | None:
    """ "(2)+(3)", "(1)×(2)", "(2)/(1)*100", "((1)+(2))×0,5" as a formula; None if unreadable."""
    tokens: list[tuple[str, str]] = []
    text, position = text.strip(), 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            return None
        ref, constant, operator, total, column, bracket = match.groups()
        if ref:
            tokens.append(("ref", ref[1:-1]))
        elif total:
            tokens.append(("total", column[1:-1] if column else ""))
        elif constant:
            tokens.append(("number", constant))
        elif operator:
            tokens.append(("op", OPERATORS[operator]))
        else:
            tokens.append((bracket, bracket))
        position = match.end()
    parser = _FormulaParser(tokens)
    formula = parser.sum()
    if formula is None or parser.at != len(tokens):
        return None
    return _named_totals(formula)


def _named_totals(formula: Formula, over: int | None = None) -> Formula | None:
    """The formula with each bare "tong" naming its column: the one column of the dividend it
    divides ("(3)/tong" is "(3)/tong(3)"); None when that column cannot be told."""
    match formula:
        case Total(0):
            return None if over is None else Total(over)
        case Op(operator, left, right):
            if operator == "/":
                refs = {n.number for n in _refs(left)}
                over = next(iter(refs)) if len(refs) == 1 else None
            new_left = _named_totals(left, None if operator == "/" else over)
            new_right = _named_totals(right, over)
            if new_left is None or new_right is None:
                return None
            return Op(operator, new_left, new_right)
    return formula


def _refs(formula: Formula) -> list[Ref]:
    match formula:
        case Ref():
            return [formula]
        case Op(_, left, right):
            return [*_refs(left), *_refs(right)]
    return []


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
        if kind == "total":
            return Total(int(value) if value else 0)
        if kind == "number":
            return Const(parse_number(value))
        if kind == "(":
            inner = self.sum()
            if inner is None or self.at >= len(self.tokens) or self.tokens[self.at][0] != ")":
                return None
            self.at += 1
            return inner
        return None
