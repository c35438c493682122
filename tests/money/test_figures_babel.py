"""Figures (baocao.money.figures) are what babel writes for vi_VN, to the last digit, for
every value and number of decimals: babel is given each value exact and in a context wide
enough for all its digits, where under the default context it would keep 28 and round."""

from __future__ import annotations

from decimal import Context, Decimal, Inexact, InvalidOperation, localcontext

from babel.numbers import format_decimal
from hypothesis import example, given, settings
from hypothesis import strategies as st

from baocao.money.figures import number

VALUES = st.one_of(
    st.integers(min_value=-(10**31), max_value=10**31),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.builds(
        lambda digits, places, negative: Decimal(f"{'-' if negative else ''}{digits}").scaleb(
            -places
        ),
        st.integers(min_value=0, max_value=10**32),
        st.integers(min_value=0, max_value=9),
        st.booleans(),
    ),
)


def babel(value: Decimal, decimals: int) -> str:
    """What babel writes for an exact value with exactly `decimals` decimals."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    wide = Context(prec=len(value.as_tuple().digits) + 10, traps=[InvalidOperation, Inexact])
    with localcontext(wide):
        return format_decimal(value, format=pattern, locale="vi_VN")


@settings(max_examples=2000)
@given(VALUES, st.one_of(st.none(), st.integers(min_value=0, max_value=9)))
@example(Decimal("-0.00"), 2)
@example(Decimal("-1234.5"), 2)
@example(10**30, None)
@example(Decimal("-0.5"), None)
def test_a_figure_is_written_as_babel_writes_it(value: Decimal | int, decimals: int | None) -> None:
    try:
        shown = number(value, decimals)
    except (ArithmeticError, ValueError):
        return  # refused (it would need rounding, or is not finite): nothing written
    exact = Decimal(0) if Decimal(value).is_zero() else Decimal(value)
    exponent = exact.normalize(Context(prec=99)).as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(0, -exponent) if decimals is None else decimals
    quantized = exact.quantize(Decimal(1).scaleb(-places), context=Context(prec=99))
    assert shown == babel(quantized, places)
