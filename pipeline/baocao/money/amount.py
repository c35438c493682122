"""Exact money amounts: Vietnamese-formatted numbers read without float, and units from đồng to tỷ.

A report writes the same amount as "1.000.000.000 đồng" in prose and "1.000" in a table kept in
triệu đồng; both must be the same exact value, so an amount is held in đồng as a Decimal and
converted between units by moving the decimal point, never through float. A value that a table
cannot show exactly in its unit is an error: nothing is rounded silently.

Number format (`parse_number`): "." groups thousands in groups of exactly three digits, "," is
the decimal mark, an optional leading "-". "10.960", "0,5", "1.000.000,25", "10960" are numbers;
"1,000" is one with three decimal zeros (Decimal("1.000")), as a Vietnamese reader reads it.
"1.2.3", "12.34", "10,960.5", "1..000", "" and "abc" are not.

Limits: a figure has at most 30 digits (`MAX_DIGITS`), and an amount typed in a document is at
most 10^18 đồng (`MAX_DONG`, "một tỷ tỷ đồng"); beyond them a slipped unit or a pasted string of
digits is refused with a message (`AmountTooLarge`), not read.

An amount in prose is a figure with its unit as typed: "977,45 tỷ đồng", "91.481.640.145đ",
"5.000.000 VNĐ" (`parse_amount`); `Form` is that way of writing it, so that a citation can print
an amount the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
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

# Rounding where a printed figure asks for fewer decimals than the value has: half up, as
# Vietnamese accounting rounds (0,125 to two decimals is 0,13); never anywhere else.
HALF_UP = Context(
    prec=MAX_PREC,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    rounding=ROUND_HALF_UP,
    traps=[InvalidOperation, Overflow, DivisionByZero],
)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`value` with exactly `decimals` decimals, rounded half up: 977,4532 to 2 is 977,45; -0,125
    to 2 is -0,13 (half away from zero)."""
    return value.quantize(Decimal(1).scaleb(-decimals), context=HALF_UP)


_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")

MAX_DIGITS = 30
MAX_DONG = Decimal(10) ** 18


def shown(text: str, width: int = 40) -> str:
    """Typed text for a one-line message: a pasted string of 4.000 digits is cut in the middle."""
    if len(text) <= width:
        return text
    text = " ".join(text.split())
    half = (width - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


class NumberFormatError(ValueError):
    """Text that is not a number written the Vietnamese way; the message says what is wrong."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"“{shown(text)}” không phải số viết kiểu Việt Nam: {reason}")
        self.text = text
        self.reason = reason


class AmountTooLarge(NumberFormatError):
    """A figure of more than 30 digits, or an amount above 10^18 đồng: never a real amount, most
    likely a slipped unit or pasted digits. A NumberFormatError, so that every reader of typed
    figures reports it where it reports a malformed one."""

    def __init__(self, text: str, reason: str) -> None:
        ValueError.__init__(self, f"“{shown(text)}” {reason}")
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
        """Read a unit as typed: "triệu đồng", "Triệu đồng", "triệu", "ngàn đồng", "tỉ đồng";
        without the label a line or a header names it after ("Đơn vị tính:", "ĐVT:"), which
        the caller has taken off."""
        key = " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())
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


# How prose writes a figure's unit: an optional scale word, then đồng, đ or VNĐ, with or without
# a space: "977,45 tỷ đồng", "13.646,269 triệu đồng", "91.481.640.145đ", "5.000.000 VNĐ".
SCALE_WORDS = {
    "nghìn": Unit.NGHIN,
    "ngàn": Unit.NGHIN,
    "triệu": Unit.TRIEU,
    "tỷ": Unit.TY,
    "tỉ": Unit.TY,
}
CURRENCIES = {"đồng": "đồng", "đ": "đ", "vnđ": "VNĐ", "vnd": "VND"}
UNIT_PATTERN = (
    r"(?P<gap>\s*)(?:(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\s*)?"
    r"(?P<currency>đồng|VNĐ|VND|vnđ|đ)(?!\w)"
)
_AMOUNT = re.compile(rf"(?P<figure>[-\u2212]?[0-9][0-9.,]*){UNIT_PATTERN}")


@dataclass(frozen=True)
class Form:
    """How prose writes an amount: "977,45 tỷ đồng" is Form(Unit.TY, "tỷ"), "91.481.640.145đ"
    Form(currency="đ"), "1.000,50 triệu đồng" Form(Unit.TRIEU, "triệu", decimals=2).

    `scale` is the scale word as typed ("tỷ" or "tỉ", "nghìn" or "ngàn"), "" for đồng; `decimals`
    the number of decimals printed, None for as many as the value needs. "đ" is written close to
    the figure, every other unit after a space."""

    unit: Unit = Unit.DONG
    scale: str = ""
    currency: str = "đồng"
    decimals: int | None = None

    @property
    def suffix(self) -> str:
        """ "tỷ đồng", "đ", "VNĐ": what follows the figure."""
        return f"{self.scale} {self.currency}" if self.scale else self.currency

    def write(self, figures: str) -> str:
        """ "977,45" → "977,45 tỷ đồng"; "91.481.640.145" → "91.481.640.145đ"."""
        return figures + self.suffix if self.suffix == "đ" else f"{figures} {self.suffix}"

    @property
    def argument(self) -> str:
        """The unit a citation names to print this form: "tỷ", "đ", "VNĐ", "triệu đ"; "" for the
        default, đồng."""
        if self.currency == "đồng":
            return self.scale
        return self.suffix

    @classmethod
    def parse(cls, text: str) -> Form | None:
        """A unit as a citation names it: "tỷ", "tỷ đồng", "triệu", "đồng", "đ", "VNĐ", "ngàn đ";
        None when `text` names no unit."""
        words = unicodedata.normalize("NFC", text).split()
        scale = words.pop(0) if words and words[0].casefold() in SCALE_WORDS else ""
        currency = words.pop(0) if words and words[0].casefold() in CURRENCIES else ""
        if words or not (scale or currency):
            return None
        unit = SCALE_WORDS[scale.casefold()] if scale else Unit.DONG
        printed = CURRENCIES[currency.casefold()] if currency else "đồng"
        return cls(unit, scale.casefold(), printed)


def parse_amount(text: str) -> tuple[Amount, Form]:
    """An amount as prose writes it, figure and unit: "13.646,269 triệu đồng", "91.481.640.145đ",
    "5.000.000 VNĐ", "300.000.000 đồng". Raises NumberFormatError (or AmountTooLarge) saying what
    is wrong."""
    raw = str(text)
    typed = unicodedata.normalize("NFC", raw).strip()
    match = _AMOUNT.fullmatch(typed)
    if not match:
        units = "đồng, đ, VNĐ, nghìn đồng, triệu đồng, tỷ đồng"
        raise NumberFormatError(raw, f"cần một số, rồi đơn vị ({units}) nếu có")
    number = parse_number(match["figure"])
    form = Form.parse(" ".join(filter(None, (match["scale"], match["currency"]))))
    assert form is not None  # the pattern only matches units
    _, _, fraction = match["figure"].partition(",")
    if len(fraction) != _decimals(number):
        form = replace(form, decimals=len(fraction))
    return Amount.of(number, form.unit), form


def parse_number(text: str, max_digits: int | None = MAX_DIGITS) -> Decimal:
    """The exact value of a number written the Vietnamese way ("10.960", "0,5", "-1.000,25").

    Raises NumberFormatError naming what is wrong, AmountTooLarge for more than `max_digits`
    digits (None: no limit, for figures baocao wrote itself); never passes through float.
    """
    raw = str(text)
    s = raw.strip().replace("\u2212", "-")  # a typographic minus is still a minus
    if not _NUMBER.fullmatch(s):
        raise NumberFormatError(raw, _why_not_number(s))
    digits = sum(c.isdigit() for c in s)
    if max_digits is not None and digits > max_digits:
        raise AmountTooLarge(
            raw,
            f"có {plain_figures(Decimal(digits))} chữ số: baocao chỉ đọc số có tối đa "
            f"{max_digits} chữ số (số tiền lớn nhất là một tỷ tỷ đồng, 19 chữ số)",
        )
    return Decimal(s.replace(".", "").replace(",", "."))


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
    """ "10.960.000.001", "0,5": a value in Vietnamese figures, every digit kept, for this
    module's own messages: baocao.money.figures.number, imported when called because figures
    imports this module. Code outside money calls figures.number itself."""
    from baocao.money.figures import number

    return number(value)


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
    def of(
        cls, value: int | Decimal | str, unit: Unit = Unit.DONG, limit: Decimal | None = MAX_DONG
    ) -> Amount:
        """The amount `value` `unit`: Amount.of("10.960", Unit.TRIEU) is 10 960 000 000 đồng.

        A str goes through parse_number; a float is refused, since it is not exact. An amount
        above `limit` đồng (None: no limit) is refused too, with AmountTooLarge: Amount.of reads
        what an editor typed, and no commune's amount comes near one tỷ tỷ đồng.
        """
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            raise TypeError(f"số tiền phải là int, Decimal hoặc chuỗi, không phải {type(value)}")
        digits = None if limit is None else MAX_DIGITS
        number = parse_number(value, digits) if isinstance(value, str) else Decimal(value)
        if not number.is_finite():
            raise ValueError(f"số tiền phải là số hữu hạn, không phải “{value}”")
        dong = EXACT.scaleb(number, unit.exponent)
        if limit is not None and abs(dong) > limit:
            typed = f"{plain_figures(number)} {unit.label}"
            raise AmountTooLarge(
                typed,
                "lớn hơn một tỷ tỷ đồng (10^18 đồng), giới hạn số tiền của baocao: kiểm tra lại "
                "số chữ số và đơn vị",
            )
        return cls(dong)

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
