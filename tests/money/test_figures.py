"""Figures the Vietnamese way (babel's vi_VN), exact to the last digit and never rounded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.money.amount import Amount, InexactAmount, Unit, parse_number
from baocao.money.figures import dong, figure, number


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (10_960_000_000, None, "10.960.000.000"),
        (Decimal("0.5"), None, "0,5"),
        (Decimal("0.50"), None, "0,5"),
        (10_960, None, "10.960"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (0, None, "0"),
        (Decimal("-0.00"), None, "0"),
        (Decimal("-0.00"), 2, "0,00"),
        (-1_005, None, "-1.005"),
        (Decimal("-1234.5"), 2, "-1.234,50"),
        (Decimal("10.96"), 3, "10,960"),
        (Decimal("1E+6"), None, "1.000.000"),
        (Decimal("0.000001"), None, "0,000001"),
    ],
)
def test_number(value: Decimal | int, decimals: int | None, shown: str) -> None:
    assert number(value, decimals) == shown


def test_number_keeps_25_digits_and_more() -> None:
    # babel alone keeps 28 digits under the default context and drops the rest.
    value = Decimal("1234567890123456789012345.123456789")
    assert number(value) == "1.234.567.890.123.456.789.012.345,123456789"
    assert number(10**30) == "1." + ".".join(["000"] * 10)
    assert number(Decimal("9999999999999999999999999")) == "9.999.999.999.999.999.999.999.999"


@pytest.mark.parametrize(("value", "decimals"), [(Decimal("2.5"), 0), (Decimal("0.125"), 2)])
def test_number_never_rounds(value: Decimal, decimals: int) -> None:
    # babel would round half to even ("2", "0,12"); a figure must not change silently.
    with pytest.raises(InexactAmount, match="làm tròn"):
        number(value, decimals)


def test_number_refuses_float() -> None:
    with pytest.raises(TypeError):
        number(0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        number(Decimal("Infinity"))


@given(st.integers(min_value=-(10**40), max_value=10**40), st.integers(0, 30))
def test_number_reads_back_exactly(n: int, scale: int) -> None:
    value = Decimal(n).scaleb(-scale)
    shown = number(value)
    assert parse_number(shown, None) == value
    assert "." not in shown.partition(",")[2]


def test_dong_and_figure() -> None:
    assert dong(Amount.of(10**9)) == "1.000.000.000 đồng"
    assert dong(Amount.of("0,5")) == "0,5 đồng"
    amount = Amount.of(10_960_000_000)
    assert figure(amount, Unit.TRIEU) == "10.960"
    assert figure(amount, Unit.TY, 2) == "10,96"
    assert figure(amount, Unit.TY, 3) == "10,960"
    assert figure(amount) == "10.960.000.000"
    with pytest.raises(InexactAmount):
        figure(amount, Unit.TY)
