"""Exact money amounts: Vietnamese-formatted numbers read without float, and units from đồng to tỷ.

A report writes the same amount as "1.000.000.000 đồng" in prose and "1.000" in a table kept in
triệu đồng; both must be the same exact value, so an amount is held in đồng as a Decimal and
converted between units by moving the decimal point, never through float. A value that a table
cannot show exactly in its unit is an error: nothing is rounded silently.

Number format (`parse_number`): "." groups thousands in groups of exactly three digits, "," is
the decimal mark, an optional leading "-". "10.960", "0,5", "1.000.000,25", "10960" are numbers;
"1,000" is one with three decimal zeros (Decimal("1.000")), as a Vietnamese reader reads it.
"1.2.3", "12.34", "10,960.5", "1..000", "" and "abc" are not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from enum import Enum

# Arithmetic that never rounds: the default context keeps 28 digits and would round silently.
EXACT = Context(
    prec=MAX_PREC,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, Inexact, Overflow, DivisionByZero],
)

_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")


class NumberFormatError(ValueError):
    """Text that is not a number written the Vietnamese way; the message says what is wrong."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"“{text}” không phải số viết kiểu Việt Nam: {reason}")
        self.text = text
        self.reason = reason


class InexactAmount(ValueError):
    """A value that cannot be shown exactly in a unit with the decimals allowed there."""


class Unit(Enum):
    """The units amounts are kept in: đồng, and tables in nghìn, triệu or tỷ đồng."""

    DONG = (0, "đồng")
    NGHIN = (3, "nghìn đồng")
    TRIEU = (6, "triệu đồng")
    TY = (9, "tỷ đồng")

    @property
    def exponent(self) -> int:
        """The power of ten of one unit in đồng: 0, 3, 6, 9."""
        return self.value[0]

    @property
    def label(self) -> str:
        """The unit as a document writes it: "triệu đồng"."""
        return self.value[1]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit as typed: "triệu đồng", "Triệu đồng", "triệu", "ngàn đồng", "tỉ đồng".

        A leading "Đơn vị tính:" / "ĐVT:" label and surrounding parentheses are allowed, as in
        the line above a table.
        """
        key = " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())
        key = key.strip("()").strip()
        key = re.sub(r"^(?:đơn vị tính|đvt)\s*:\s*", "", key)
        key = re.sub(r"\s*đồng$", "", key) if key != "đồng" else key
        unit = _UNIT_WORDS.get(key)
        if unit is None:
            known = ", ".join(f"“{u.label}”" for u in cls)
            raise ValueError(f"đơn vị “{text}” không rõ: dùng một trong {known}")
        return unit


_UNIT_WORDS = {
    "đồng": Unit.DONG,
    "nghìn": Unit.NGHIN,
    "ngàn": Unit.NGHIN,
    "triệu": Unit.TRIEU,
    "tỷ": Unit.TY,
    "tỉ": Unit.TY,
}


def parse_number(text: str) -> Decimal:
    """The exact value of a number written the Vietnamese way ("10.960", "0,5", "-1.000,25").

    Raises NumberFormatError naming what is wrong; never passes through float.
    """
    raw = str(text)
    s = raw.strip().replace("\u2212", "-")  # a typographic minus is still a minus
    if _NUMBER.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    raise NumberFormatError(raw, _why_not_number(s))


def _why_not_number(s: str) -> str:
    """The reason, in Vietnamese, why `s` (already stripped) is not a Vietnamese number."""
    body = s[1:] if s.startswith("-") else s
    if not body:
        return "không có chữ số nào"
    stray = sorted({c for c in body if not (c.isascii() and c.isdigit()) and c not in ".,"})
    if stray:
        shown = " ".join(f"“{c}”" for c in stray)
        return f"có ký tự không phải chữ số: {shown}"
    if body.count(",") > 1:
        return "có nhiều dấu phẩy; dấu phẩy là dấu thập phân, chỉ được có một"
    whole, comma, fraction = body.partition(",")
    if "." in fraction:
        return (
            "dấu chấm đứng sau dấu phẩy "
            "(kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân)"
        )
    if comma and not fraction:
        return "thiếu chữ số sau dấu phẩy thập phân"
    if not whole:
        return "thiếu phần nguyên trước dấu phẩy (viết “0,5”, không viết “,5”)"
    groups = whole.split(".")
    if any(not g for g in groups):
        return "dấu chấm đứng đầu, đứng cuối hoặc hai dấu chấm liền nhau"
    if len(groups[0]) > 3:
        return f"nhóm đầu “{groups[0]}” có hơn 3 chữ số trước dấu chấm ngăn hàng nghìn"
    bad = next(g for g in groups[1:] if len(g) != 3)
    return (
        f"nhóm “{bad}” sau dấu chấm phải có đúng 3 chữ số (dấu chấm ngăn hàng nghìn; "
        "số thập phân viết bằng dấu phẩy)"
    )


def plain_figures(value: Decimal) -> str:
    """ "10.960.000.001", "0,5": a value in Vietnamese figures for messages, without babel."""
    sign, digits = ("-", -value) if value < 0 else ("", value)
    whole, _, fraction = f"{_canonical(digits):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def _canonical(value: Decimal) -> Decimal:
    """The same value without trailing fractional zeros, and integers with exponent 0."""
    if value.is_zero():
        return Decimal(0)
    value = value.normalize(EXACT)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: not the "n", "N" or "F" of NaN and infinity
    if exponent > 0:
        value = value.quantize(Decimal(1), context=EXACT)
    return value


def _decimals(value: Decimal) -> int:
    """How many fractional digits `value` needs (trailing zeros not counted)."""
    exponent = _canonical(value).as_tuple().exponent
    assert isinstance(exponent, int)  # finite: not the "n", "N" or "F" of NaN and infinity
    return max(0, -exponent)


@dataclass(frozen=True, order=True)
class Amount:
    """An exact amount of money, held in đồng; never a float."""

    dong: Decimal

    def __post_init__(self) -> None:
        value: object = self.dong
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, Decimal):
            raise TypeError(f"số tiền là Decimal hoặc int, không phải {type(value).__name__}")
        if not value.is_finite():
            raise ValueError(f"số tiền phải là số hữu hạn, không phải “{value}”")
        object.__setattr__(self, "dong", _canonical(value))

    @classmethod
    def of(cls, value: int | Decimal | str, unit: Unit = Unit.DONG) -> Amount:
        """The amount `value` `unit`: Amount.of("10.960", Unit.TRIEU) is 10 960 000 000 đồng.

        A str goes through parse_number; a float is refused, since it is not exact.
        """
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            raise TypeError(f"số tiền phải là int, Decimal hoặc chuỗi, không phải {type(value)}")
        number = parse_number(value) if isinstance(value, str) else Decimal(value)
        if not number.is_finite():
            raise ValueError(f"số tiền phải là số hữu hạn, không phải “{value}”")
        return cls(EXACT.scaleb(number, unit.exponent))

    @classmethod
    def zero(cls) -> Amount:
        return cls(Decimal(0))

    def in_unit(self, unit: Unit, decimals: int | None = 0) -> Decimal:
        """The exact value in `unit`, with exactly `decimals` fractional digits.

        decimals=None allows any number of them (and returns the value without trailing zeros).
        Raises InexactAmount when the value needs more decimals than allowed: a table must not
        round silently.
        """
        value = _canonical(EXACT.scaleb(self.dong, -unit.exponent))
        if decimals is None:
            return value
        needed = _decimals(value)
        if needed > decimals:
            allowed = "số nguyên" if decimals == 0 else f"{decimals} chữ số thập phân"
            raise InexactAmount(
                f"{plain_figures(self.dong)} đồng là {plain_figures(value)} {unit.label}: "
                f"không viết đúng được bằng {allowed} "
                f"(cần {needed} chữ số thập phân)"
            )
        return value.quantize(Decimal(1).scaleb(-decimals), context=EXACT)

    def __add__(self, other: object) -> Amount:
        if isinstance(other, Amount):
            return Amount(EXACT.add(self.dong, other.dong))
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __radd__(self, other: object) -> Amount:
        return self.__add__(other)  # sum() starts from 0

    def __sub__(self, other: object) -> Amount:
        if isinstance(other, Amount):
            return Amount(EXACT.subtract(self.dong, other.dong))
        return NotImplemented

    def __neg__(self) -> Amount:
        return Amount(EXACT.minus(self.dong))

    def __abs__(self) -> Amount:
        return Amount(EXACT.abs(self.dong))

    def __bool__(self) -> bool:
        return not self.dong.is_zero()
