"""Amounts in figures the Vietnamese way: "10.960.000.000", "0,5", "-1.234,50".

babel writes them as it writes numbers for vi_VN: thousands grouped with "." and decimals after
",". Money is never rounded here: every value is made exact first (quantized without rounding,
or refused), and babel writes it in the EXACT decimal context, where a rounding would raise.
Under the default context babel would round half to even, and keep 28 digits and drop the rest
silently (docs/pandoc.md, "babel and money").
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, parse_pattern

from baocao.money.amount import (
    EXACT,
    Amount,
    Form,
    InexactAmount,
    Unit,
    round_half_up,
)


def _exact(value: Decimal | int, decimals: int | None) -> tuple[Decimal, int]:
    """The value with exactly the decimals to show, and how many; InexactAmount if too few."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"chỉ viết được int hoặc Decimal, không phải {type(value).__name__}")
    given = Decimal(value)
    if not given.is_finite():
        raise ValueError(f"“{value}” không phải số hữu hạn")
    if given.is_zero():
        given = Decimal(0)  # never "-0"
    exponent = given.normalize(EXACT).as_tuple().exponent
    assert isinstance(exponent, int)  # finite: not the "n", "N" or "F" of NaN and infinity
    needed = max(0, -exponent)
    if decimals is None:
        decimals = needed
    elif needed > decimals:
        raise InexactAmount(
            f"{number(given)} không viết đúng được với {decimals} chữ số thập phân "
            f"(cần {needed}); hãy làm tròn rõ ràng trước khi viết"
        )
    return given.quantize(Decimal(1).scaleb(-decimals), context=EXACT), decimals


@functools.cache
def _vietnamese() -> Locale:
    return Locale.parse("vi_VN")


@functools.cache
def _pattern(decimals: int) -> NumberPattern:
    """babel's pattern for a number grouped by thousands with exactly `decimals` decimals:
    "#,##0", "#,##0.00"."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def number(value: Decimal | int, decimals: int | None = None) -> str:
    """ "10.960.000.000", "0,5", "-1.234,50": every digit kept, exactly `decimals` of them after
    the comma (None: as many as the value has). Never rounds: a value that needs more decimals
    raises InexactAmount."""
    exact, places = _exact(value, decimals)
    with localcontext(EXACT):
        return format_decimal(exact, format=_pattern(places), locale=_vietnamese())


def ungrouped(value: Decimal | int) -> str:
    """ "1000000000", "1,5": every digit, the decimals after a comma, no grouping (as `baocao words
    --parse` prints a number, for a program to read)."""
    exact, places = _exact(value, None)
    with localcontext(EXACT):
        return format_decimal(
            exact, format="0" + ("." + "0" * places if places else ""), locale=_vietnamese()
        )


def figure(amount: Amount, unit: Unit = Unit.DONG, decimals: int = 0) -> str:
    """The amount as a table in `unit` shows it: figure(Amount.of(10_960_000_000), Unit.TRIEU)
    == "10.960". Raises InexactAmount rather than round (see Amount.in_unit)."""
    return number(amount.in_unit(unit, decimals), decimals)


def dong(amount: Amount) -> str:
    """ "1.000.000.000 đồng": the amount in figures as prose writes it."""
    return f"{number(amount.dong)} đồng"


def in_form(amount: Amount, form: Form) -> str:
    """The amount written as `form` says: "977,45 tỷ đồng", "91.481.640.145đ", "5.000.000 VNĐ".

    Decimals as the value needs them, or exactly `form.decimals`, rounded half up (the one place
    a figure is rounded: where the editor asks for it)."""
    value = amount.in_unit(form.unit, None)
    if form.decimals is not None:
        value = round_half_up(value, form.decimals)
    return form.write(number(value, form.decimals))
