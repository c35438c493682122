"""Exact amounts: Vietnamese number format, units, exact conversion and explicit rounding."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.money.amount import (
    Amount,
    AmountTooLarge,
    Form,
    InexactAmount,
    NumberFormatError,
    Unit,
    parse_amount,
    parse_number,
    plain_figures,
    round_half_up,
)
from baocao.money.figures import in_form


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10.960", Decimal(10960)),
        ("0,5", Decimal("0.5")),
        ("1.000.000.000", Decimal(1_000_000_000)),
        ("10960", Decimal(10960)),
        ("-1.005", Decimal(-1005)),
        ("−2,35", Decimal("-2.35")),  # U+2212, the typographic minus
        ("  99,83 ", Decimal("99.83")),
        ("1.000,25", Decimal("1000.25")),
        ("0", Decimal(0)),
        ("123", Decimal(123)),
        ("1.234.567.890.123.456.789.012.345", Decimal("1234567890123456789012345")),
    ],
)
def test_parse_number_reads_vietnamese_format(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


def test_one_comma_zero_zero_zero_is_one_with_three_decimals() -> None:
    # A Vietnamese reader reads "1,000" as "một phẩy không không không": the value one.
    parsed = parse_number("1,000")
    assert parsed == 1
    assert parsed.as_tuple().exponent == -3


def test_parse_number_keeps_every_digit() -> None:
    text = "9.999.999.999.999.999.999.999.999,000000000001"
    assert parse_number(text, None) == Decimal("9999999999999999999999999.000000000001")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.2.3", "3 chữ số"),
        ("10,960.5", "dấu chấm đứng sau dấu phẩy"),
        ("12.34", "“34”"),
        ("", "không có chữ số"),
        ("   ", "không có chữ số"),
        ("-", "không có chữ số"),
        ("abc", "không phải chữ số"),
        ("1..000", "hai dấu chấm liền nhau"),
        ("1.000.", "đứng cuối"),
        (".500", "đứng đầu"),
        ("1000.000", "nhóm đầu"),
        ("1.0000", "“0000”"),
        (",5", "phần nguyên"),
        ("5,", "sau dấu phẩy"),
        ("1,2,3", "nhiều dấu phẩy"),
        ("1 000", "không phải chữ số"),
        ("1e5", "“e”"),
        ("١٢", "không phải chữ số"),  # Arabic-Indic digits are digits to Python, not to a report
        ("--5", "“-”"),
    ],
)
def test_parse_number_rejects_malformed_with_reason(text: str, reason: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    message = str(caught.value)
    assert message.startswith(f"“{text}” không phải số viết kiểu Việt Nam: ")
    assert reason in message


def test_number_format_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"1\.2\.3"):
        parse_number("1.2.3")


@given(st.integers(min_value=-(10**30), max_value=10**30), st.integers(0, 40))
def test_plain_figures_round_trip_through_parse_number(n: int, scale: int) -> None:
    value = Decimal(n).scaleb(-scale)
    assert parse_number(plain_figures(value), None) == value


def test_plain_figures() -> None:
    assert plain_figures(Decimal(10960000000)) == "10.960.000.000"
    assert plain_figures(Decimal("-1234.50")) == "-1.234,5"
    assert plain_figures(Decimal("0.000001")) == "0,000001"


@pytest.mark.parametrize(
    ("unit", "label"),
    [
        (Unit.DONG, "đồng"),
        (Unit.NGHIN, "nghìn đồng"),
        (Unit.TRIEU, "triệu đồng"),
        (Unit.TY, "tỷ đồng"),
    ],
)
def test_units(unit: Unit, label: str) -> None:
    assert unit.label == label
    assert Unit.parse(label) is unit
    assert Unit.parse(label.upper()) is unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("ngàn đồng", Unit.NGHIN),
        ("tỉ đồng", Unit.TY),
        ("Triệu đồng", Unit.TRIEU),
        ("triệu", Unit.TRIEU),
        ("  TỶ   ĐỒNG ", Unit.TY),
        ("Đồng", Unit.DONG),
        ("trie\u0302\u0323u đo\u0302\u0300ng", Unit.TRIEU),  # decomposed (NFD) input
    ],
)
def test_unit_parse_variants(text: str, unit: Unit) -> None:
    assert Unit.parse(text) is unit


@pytest.mark.parametrize("text", ["", "đô la", "trăm đồng", "triệu đồng đồng", "USD"])
def test_unit_parse_rejects_unknown_listing_units(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        Unit.parse(text)
    message = str(caught.value)
    assert "không rõ" in message
    for unit in Unit:
        assert f"“{unit.label}”" in message


def test_amount_of_each_unit_is_exact() -> None:
    assert Amount.of("10.960", Unit.TRIEU).dong == Decimal(10_960_000_000)
    assert Amount.of(1, Unit.TY) == Amount.of("1.000.000.000")
    assert Amount.of("0,5", Unit.NGHIN).dong == 500
    assert Amount.of(Decimal("1.5"), Unit.TY).dong == 1_500_000_000
    big = Decimal("1234567890123456789012345.678")
    assert Amount.of(big, Unit.TY, None).dong == Decimal("1234567890123456789012345678000000")


def test_amount_refuses_float_and_non_finite() -> None:
    with pytest.raises(TypeError):
        Amount.of(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Amount.of(True)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Amount.of(Decimal("NaN"))
    with pytest.raises(ValueError):
        Amount(Decimal("Infinity"))


def test_amount_constructed_directly() -> None:
    assert Amount(5) == Amount(Decimal("5.000")) == Amount.of(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Amount(0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Amount("5")  # type: ignore[arg-type]


def test_amount_of_bad_text_raises_number_format_error() -> None:
    with pytest.raises(NumberFormatError):
        Amount.of("1.2.3", Unit.TRIEU)


def test_in_unit_exact_values() -> None:
    amount = Amount.of(10_960_000_000)
    assert amount.in_unit(Unit.TRIEU) == 10960
    assert amount.in_unit(Unit.NGHIN) == 10_960_000
    assert amount.in_unit(Unit.TY, 2) == Decimal("10.96")
    assert str(amount.in_unit(Unit.TY, 3)) == "10.960"  # exactly the decimals the table shows
    assert str(amount.in_unit(Unit.TY, None)) == "10.96"
    assert str(amount.in_unit(Unit.TRIEU)) == "10960"


def test_in_unit_refuses_to_round() -> None:
    amount = Amount.of(10_960_000_001)
    with pytest.raises(InexactAmount) as caught:
        amount.in_unit(Unit.TRIEU)
    message = str(caught.value)
    assert "10.960.000.001 đồng" in message
    assert "triệu đồng" in message
    assert "10.960,000001" in message
    with pytest.raises(InexactAmount, match="2 chữ số thập phân"):
        Amount.of(10_965_000_000).in_unit(Unit.TY, 2)
    assert Amount.of(10_965_000_000).in_unit(Unit.TY, 3) == Decimal("10.965")
    assert amount.in_unit(Unit.TRIEU, None) == Decimal("10960.000001")


def test_fractional_dong_is_inexact_in_dong() -> None:
    with pytest.raises(InexactAmount):
        Amount.of("0,5").in_unit(Unit.DONG)


def test_in_unit_keeps_digits_beyond_28() -> None:
    amount = Amount.of("1.234.567.890.123.456.789.012.345.678.901.234.567.890", limit=None)
    assert amount.in_unit(Unit.NGHIN, 3) == Decimal("1234567890123456789012345678901234567.890")


def test_arithmetic_and_sum() -> None:
    a = Amount.of("10.960", Unit.TRIEU)
    b = Amount.of(210, Unit.TRIEU)
    assert a + b == Amount.of("11.170", Unit.TRIEU)
    assert a - b == Amount.of("10.750", Unit.TRIEU)
    assert -a == Amount.of("-10.960", Unit.TRIEU)
    assert sum([a, b, a]) == Amount.of(22_130_000_000)
    assert sum([], Amount.zero()) == Amount.zero()
    assert abs(-a) == a
    with pytest.raises(TypeError):
        a + 5  # type: ignore[operator]
    with pytest.raises(TypeError):
        a + Decimal(0)  # type: ignore[operator]


def test_sum_keeps_every_digit() -> None:
    parts = [Amount.of("9.999.999.999.999.999.999.999.999,99", limit=None) for _ in range(3)]
    assert sum(parts).dong == Decimal("29999999999999999999999999.97")


def test_truth_zero_and_order() -> None:
    assert not Amount.zero()
    assert not Amount.of("0,000")
    assert not Amount.of("-0")
    assert Amount.of(1)
    assert Amount.of("-0,5")
    assert Amount.of(1, Unit.TRIEU) > Amount.of(999_999)
    assert sorted([Amount.of(3), Amount.of(-1), Amount.of(2)]) == [
        Amount.of(-1),
        Amount.of(2),
        Amount.of(3),
    ]


def test_equal_amounts_hash_alike() -> None:
    assert Amount.of("1,000") == Amount.of(1)
    assert hash(Amount.of("1,000")) == hash(Amount.of(1))
    assert len({Amount.of("10.960", Unit.TRIEU), Amount.of("10,96", Unit.TY)}) == 1


@given(st.integers(min_value=-(10**24), max_value=10**24), st.sampled_from(list(Unit)))
def test_in_unit_then_of_round_trips(n: int, unit: Unit) -> None:
    amount = Amount.of(n, limit=None)
    assert Amount.of(amount.in_unit(unit, None), unit, None) == amount


# ----------------------------------------------------------------------------------------------
# Amounts as prose writes them, and the limits (issue 12)


@pytest.mark.parametrize(
    ("text", "dong", "printed", "argument", "decimals"),
    [
        ("977,45 tỷ đồng", 977_450_000_000, "977,45 tỷ đồng", "tỷ", None),
        ("13.646,269 triệu đồng", 13_646_269_000, "13.646,269 triệu đồng", "triệu", None),
        ("91.481.640.145đ", 91_481_640_145, "91.481.640.145đ", "đ", None),
        ("5.000.000 VNĐ", 5_000_000, "5.000.000 VNĐ", "VNĐ", None),
        ("5.000.000VNĐ", 5_000_000, "5.000.000 VNĐ", "VNĐ", None),
        ("300.000.000 đồng", 300_000_000, "300.000.000 đồng", "", None),
        ("300 ngàn đ", 300_000, "300 ngàn đ", "ngàn đ", None),
        ("1.000,50 triệu đồng", 1_000_500_000, "1.000,50 triệu đồng", "triệu", 2),
        ("−2,5 tỉ đồng", -2_500_000_000, "-2,5 tỉ đồng", "tỉ", None),
    ],
)
def test_parse_amount_and_its_form(
    text: str, dong: int, printed: str, argument: str, decimals: int | None
) -> None:
    amount, form = parse_amount(text)
    assert amount == Amount.of(dong)
    assert (in_form(amount, form), form.argument, form.decimals) == (printed, argument, decimals)
    assert Form.parse(argument or "đồng") == replace(form, decimals=None)


@pytest.mark.parametrize("text", ["", "đồng", "tỷ đồng", "5 đô", "5 triệu", "abc đ", "5 đồngg"])
def test_parse_amount_refuses_what_is_no_amount(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_amount(text)


def test_form_parse_names_units_only() -> None:
    assert Form.parse("Tỷ") == Form(Unit.TY, "tỷ")
    assert Form.parse("triệu đ") == Form(Unit.TRIEU, "triệu", "đ")
    assert Form.parse("vnđ") == Form(currency="VNĐ")
    for text in ("pl.tong", "", "tỷ tỷ", "đồng tỷ", "usd"):
        assert Form.parse(text) is None


def test_round_half_up_only_where_asked() -> None:
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")
    assert round_half_up(Decimal("-0.125"), 2) == Decimal("-0.13")
    assert round_half_up(Decimal("977.4532"), 2) == Decimal("977.45")
    assert str(round_half_up(Decimal("977.4"), 2)) == "977.40"


def test_limits_of_typed_figures_and_amounts() -> None:
    assert parse_number("1" * 30) == Decimal("1" * 30)
    with pytest.raises(AmountTooLarge, match="có 31 chữ số"):
        parse_number("1" * 31)
    with pytest.raises(AmountTooLarge, match=r"4\.301 chữ số") as caught:
        parse_number("1" * 4301)  # once Python's int-string limit: an internal error
    assert len(str(caught.value)) < 200
    assert isinstance(caught.value, NumberFormatError)  # reported wherever a bad figure is
    assert Amount.of("1.000.000.000", Unit.TY).dong == 10**18
    with pytest.raises(AmountTooLarge, match="lớn hơn một tỷ tỷ đồng"):
        Amount.of("1.000.000.001", Unit.TY)
    with pytest.raises(AmountTooLarge):
        Amount.of(-(10**18) - 1)
    assert Amount.of(10**30, limit=None).dong == 10**30  # computed, not typed: no limit
    assert plain_figures(Decimal(10) ** 5000).startswith("100.000.000")  # no int() limit
