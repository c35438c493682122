"""Amounts in figures the Vietnamese way: "10.960.000.000", "0,5", "-1.234,50".

Money is never rounded here: every value is made exact first (quantized without rounding, or
refused), then written digit for digit, thousands grouped with "." and decimals after ",", as
babel writes numbers for vi_VN (tests/money/test_figures_babel.py compares the two). babel is
not imported: its import and locale data cost every build more than the writing itself, and
under the default decimal context it would round half to even, or keep 28 digits and drop the
rest silently.
"""

from __future__ import annotations

from decimal import Decimal

from baocao.money.amount import (
    EXACT,
    Amount,
    Form,
    InexactAmount,
    Unit,
    plain_figures,
    round_half_up,
)


def _exact(value: Decimal | int, decimals: int | None) -> tuple[Decimal, int]:
    """The value with exactly the decimals to show, and how many; InexactAmount if too few."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"chỉ viết được int hoặc Decimal, không phải {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"“{value}” không phải số hữu hạn")
    if number.is_zero():
        number = Decimal(0)  # never "-0"
    exponent = number.normalize(EXACT).as_tuple().exponent
    assert isinstance(exponent, int)  # finite: not the "n", "N" or "F" of NaN and infinity
    needed = max(0, -exponent)
    if decimals is None:
        decimals = needed
    elif needed > decimals:
        raise InexactAmount(
            f"{plain_figures(number)} không viết đúng được với {decimals} chữ số thập phân "
            f"(cần {needed}); hãy làm tròn rõ ràng trước khi viết"
        )
    return number.quantize(Decimal(1).scaleb(-decimals), context=EXACT), decimals


def number(value: Decimal | int, decimals: int | None = None) -> str:
    """ "10.960.000.000", "0,5", "-1.234,50": every digit kept, exactly `decimals` of them after
    the comma (None: as many as the value has). Never rounds: a value that needs more decimals
    raises InexactAmount."""
    exact, places = _exact(value, decimals)
    sign = "-" if exact < 0 else ""
    whole, _, fraction = f"{exact.copy_abs():f}".partition(".")  # copy_abs: never rounds
    head = len(whole) % 3 or 3  # grouped as text: int() refuses more than 4.300 digits
    grouped = ".".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    assert len(fraction) == places  # quantized to exactly `places` decimals
    return f"{sign}{grouped},{fraction}" if places else f"{sign}{grouped}"


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
