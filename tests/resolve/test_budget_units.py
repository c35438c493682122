"""Issue 12, the table half: each column's unit, formulas with × and ÷, how figures print."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from baocao import codes
from baocao.money.amount import Amount, Unit
from baocao.parse.formula import parse_formula
from baocao.resolve.budget import COUNT, MONEY, PERCENT, Measure
from baocao.resolve.tables import declared_measure, header_measure
from budget_documents import figures, load, place, places, problems_of, row

STATISTICS = """\
| TT | THÔN | Hồ sơ tiếp nhận | Hồ sơ trực tuyến | Tỷ lệ trực tuyến (%) | Người được tập huấn (người) | Diện tích (ha) | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|---|---|
| A | B | (1) | (2) | (3)=(2)/(1)×100 | (4) | (5) | (6) |
| = | Toàn xã {#toan-xa} | | | | | | |
| 1 | An Lạc {#an-lac} | 120 | 96 | | 35 | 12,5 | 15 |
| 2 | Bình Minh | 80 | 52 | | 28 | 9,75 | 10 |
| 3 | Đông Hải | 0 | 0 | | 0 | 0 | |
"""  # noqa: E501


# Units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kind", "label"),
    [
        ("Triệu đồng", MONEY, "triệu đồng"),
        ("(nghìn đồng)", MONEY, "nghìn đồng"),
        ("Hồ sơ", COUNT, "hồ sơ"),
        ("Người", COUNT, "người"),
        ("%", PERCENT, "%"),
    ],
)
def test_the_declaration_names_money_a_count_or_a_percent(
    typed: str, kind: str, label: str
) -> None:
    measure = declared_measure(typed)
    assert (measure.kind, measure.label) == (kind, label)


@pytest.mark.parametrize(
    ("declaration", "unit"),
    [("Đơn vị tính: triệu đồng {#bang}", Unit.TRIEU), ("ĐVT: nghìn đồng {#bang}", Unit.NGHIN)],
)
def test_a_declaration_line_names_its_unit_after_any_label(declaration: str, unit: Unit) -> None:
    table, problems = load(
        "| TT | NỘI DUNG | KP |\n|---|---|---|\n| A | B | (1) |\n| 1 | Một | 5 |", declaration
    )
    assert problems == []
    assert table.unit is unit


@pytest.mark.parametrize("typed", ["Triệu USD", "tỷ dồng", "123"])
def test_a_unit_that_speaks_of_money_but_is_none_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="không rõ"):
        declared_measure(typed)


@pytest.mark.parametrize(
    ("header", "measure"),
    [
        ("Tỷ lệ (%)", Measure(PERCENT, "%")),
        ("Ước thực hiện/Dự toán (%)", Measure(PERCENT, "%")),
        ("TỶ LỆ GIẢI NGÂN", Measure(PERCENT, "%")),
        ("Thực hiện/Dự toán %", Measure(PERCENT, "%")),
        ("Số người (người)", Measure(COUNT, "người")),
        ("Đàn gia cầm (ĐVT: con)", Measure(COUNT, "con")),
        ("KINH PHÍ (Đơn vị tính: triệu đồng)", Measure.of(Unit.TRIEU)),
        ("SỐ LƯỢNG", Measure(COUNT, "")),
        ("Kinh phí 2027 (triệu đồng) (*)", Measure.of(Unit.TRIEU)),
        ("VỐN ĐẦU TƯ (tỷ đồng)", Measure.of(Unit.TY)),
    ],
)
def test_a_header_states_its_columns_unit(header: str, measure: Measure) -> None:
    assert header_measure([header]) == measure


@pytest.mark.parametrize(
    "header",
    [
        "TỔNG CỘNG",
        "Nhiệm vụ (chuyển tiếp)",
        "Kinh phí KHCN (A+B)",
        "KP (Khoản 101)",
        "Hỗ trợ theo tỷ lệ 50%",
    ],
)
def test_other_parentheses_state_no_unit(header: str) -> None:
    assert header_measure([header]) is None


def test_a_table_of_counts_percents_hectares_and_money(tmp_path: Path) -> None:
    table, problems = load(STATISTICS, "Đơn vị: Hồ sơ {#tk thap_phan(5)=2 thap_phan(3)=1}")
    assert problems == []
    kinds = [(c.measure.kind, c.measure.label, c.summed) for c in table.amount_columns]
    assert kinds == [
        (COUNT, "hồ sơ", True),
        (COUNT, "hồ sơ", True),
        (PERCENT, "%", False),  # a percent is never added up
        (COUNT, "người", True),
        (COUNT, "ha", True),
        (MONEY, "triệu đồng", True),
    ]
    assert figures(table, "An Lạc") == ["120", "96", "80", "35", "12,5", "15"]
    # the total's percent is its own sums' ratio (148 of 200), not the sum of the rows' percents
    assert figures(table, "Toàn xã") == ["200", "148", "74", "63", "22,25", "25"]
    assert figures(table, "Đông Hải")[2] == ""  # 0 of 0: no ratio, an empty cell
    assert row(table, "Toàn xã").values[6] == Amount.of(25, Unit.TRIEU)  # money stays money
    body = "Đơn vị: Hồ sơ {#tk thap_phan(5)=2 thap_phan(3)=1}\n\n" + STATISTICS
    assert problems_of(tmp_path, body) == []  # "Đơn vị: Hồ sơ" is a declaration like any other


def test_only_money_columns_are_cited_as_amounts(tmp_path: Path) -> None:
    body = (
        "Kinh phí {{ tien('tk.an-lac(6)') }}.\n\n"
        "Đơn vị: Hồ sơ {#tk thap_phan(5)=2 thap_phan(3)=1}\n\n" + STATISTICS
    )
    assert problems_of(tmp_path / "a", body) == []
    (problem,) = problems_of(tmp_path / "b", body.replace("(6)')", "(1)')"))
    assert (problem.position.line, problem.warning) == (1, False)  # a count is no amount


def test_a_figure_too_precise_for_its_column(tmp_path: Path) -> None:
    body = "Đơn vị: Hồ sơ {#tk}\n\n" + STATISTICS
    problems = problems_of(tmp_path, body)
    assert places(problems) == [
        place(codes.FIGURE_DECIMALS.code, body, "An Lạc", 6),
        place(codes.FIGURE_DECIMALS.code, body, "Bình Minh", 6),
    ]
    assert "thap_phan(5)=" in problems[0].message  # the option that allows them, for its column


# Formulas -----------------------------------------------------------------------------------

COST = """\
| TT | NỘI DUNG | ĐVT | SỐ LƯỢNG | ĐƠN GIÁ | THÀNH TIỀN |
|---|---|---|---|---|---|
| A | B | C | (1) | (2) | (3)={formula} |
| = | Tổng cộng | | | | |
| I | Thiết bị | | | | |
| 1 | Máy tính | Bộ | 10 | 15.500.000 | |
| 2 | Máy in | Cái | 2 | 4.750.000 | |
"""


@pytest.mark.parametrize("formula", ["(1)×(2)", "(1)*(2)", "(1) x (2)", "(2)·(1)"])
def test_a_product_of_quantity_and_price(formula: str) -> None:
    table, problems = load(COST.replace("{formula}", formula), "Đơn vị: Đồng {#cp}")
    assert problems == []
    assert figures(table, "Máy tính") == ["10", "15.500.000", "155.000.000"]
    # quantities and prices are not added up; the amounts are
    assert figures(table, "Thiết bị") == ["", "", "164.500.000"]
    assert figures(table, "Tổng cộng") == ["", "", "164.500.000"]


def test_a_product_in_a_larger_unit_is_exact_and_rounded_only_where_printed() -> None:
    body = COST.replace("{formula}", "(1)×(2)").replace("| ĐƠN GIÁ |", "| ĐƠN GIÁ (đồng) |")
    table, problems = load(body, "Đơn vị: Triệu đồng {#cp}")
    assert problems == []
    total = row(table, "Tổng cộng")
    assert total.values[3] == Amount.of(164_500_000)  # exact, in đồng
    assert figures(table, "Máy in")[1:] == ["4.750.000", "10"]  # 9,5 triệu: half up to 10
    assert figures(table, "Tổng cộng")[2] == "165"  # 164,5 triệu, rounded once, where printed


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("(2)+(3)", "(2)+(3)"),
        ("(4) − (1)", "(4)-(1)"),
        ("(2)/(1)×100", "(2)÷(1)×100"),
        ("(2):(1)*100", "(2)÷(1)×100"),
        ("((1)+(2))×0,5", "((1)+(2))×0,5"),
        ("(1)-((2)-(3))", "(1)-((2)-(3))"),
        ("(1)+(2)×(3)", "(1)+(2)×(3)"),
    ],
)
def test_formulas_read_and_print(text: str, shown: str) -> None:
    from baocao.resolve.budget import formula_text

    formula = parse_formula(text)
    assert formula is not None
    assert formula_text(formula) == shown


@pytest.mark.parametrize("text", ["(1)+", "(1)(2)", "((1)+(2)", "(1)^2", "1,2.3"])
def test_formulas_that_do_not_read(text: str) -> None:
    assert parse_formula(text) is None


def test_a_percent_is_exact_and_rounded_half_up_as_printed() -> None:
    body = """\
| TT | NỘI DUNG | DỰ TOÁN | THỰC HIỆN | Tỷ lệ (%) |
|---|---|---|---|---|
| A | B | (1) | (2) | (3)=(2)/(1)×100 |
| = | Tổng | | | |
| 1 | Một phần ba | 3 | 1 | |
| 2 | Một phần tám | 8 | 1 | |
| 3 | Hai phần ba | 3 | 2 | |
"""
    table, problems = load(body)
    assert problems == []
    assert [figures(table, n)[2] for n in ("Một phần ba", "Một phần tám", "Hai phần ba")] == [
        "33,33",  # 33,333…: two decimals, the default of a percent column
        "12,5",  # 12,5 exactly: no trailing zero
        "66,67",  # half up
    ]
    third = row(table, "Một phần ba")
    assert third.exact[3] * 3 == 100  # the exact value is kept, not the rounded one
    whole, _ = load(body, "Đơn vị: Triệu đồng {#kp thap_phan(3)=0}")
    assert [figures(whole, n)[2] for n in ("Một phần ba", "Một phần tám")] == ["33", "13"]


def test_a_formula_typed_by_hand_is_checked_to_its_printed_rounding(tmp_path: Path) -> None:
    head = "Đơn vị: Triệu đồng {#th thap_phan(3)=1}\n\n"
    body = (
        head
        + """\
| TT | NỘI DUNG | DỰ TOÁN | THỰC HIỆN | Tỷ lệ (%) |
|---|---|---|---|---|
| A | B | (1) | (2) | (3)=(2)/(1)×100 |
| 1 | Quản lý nhà nước | 3.650 | 2.730 | 74,8 |
| 2 | Giáo dục | 420 | 275 | 65,4 |
"""
    )
    problems = problems_of(tmp_path, body)  # 74,794… is 74,8 to one decimal; 65,476… not 65,4
    assert places(problems) == [place(codes.FORMULA_MISMATCH.code, body, "Giáo dục", 4)]
    assert "65,5" in problems[0].message


def test_a_percent_column_holding_amounts_is_caught(tmp_path: Path) -> None:
    head = "Đơn vị: Triệu đồng {#th}\n\n"
    table = """\
| TT | NỘI DUNG | DỰ TOÁN | THỰC HIỆN | Ước thực hiện/Dự toán (%) |
|---|---|---|---|---|
| A | B | (1) | (2) | {formula} |
| 1 | Quản lý nhà nước | 3.650 | 2.730 | 2.730 |
"""
    with_formula = head + table.replace("{formula}", "(3)=(2)/(1)×100")
    problems = problems_of(tmp_path / "a", with_formula)  # one message: the formula, and why
    assert places(problems) == [place(codes.FORMULA_MISMATCH.code, with_formula, "Quản lý", 4)]
    assert not problems[0].warning
    typed_only = head + table.replace("{formula}", "(3)")
    problems = problems_of(tmp_path / "b", typed_only)
    assert places(problems) == [place(codes.FIGURE_SCALE.code, typed_only, "Quản lý", 4)]
    assert problems[0].warning


@pytest.mark.parametrize(
    "numbers",
    [
        "| A | B | C | (1) | (2) | (3)=(1)×(2) |",  # money times money
        "| A | B | C | (1) | (2) | (3)=(2)/(1)×100 |",  # a ratio, in a money column
        "| A | B | C | (1) | (2) | (3)=(1)+(2) |",  # a count plus money
    ],
)
def test_a_formula_must_give_its_columns_kind(tmp_path: Path, numbers: str) -> None:
    header = "| TT | NỘI DUNG | ĐVT | {one} | ĐƠN GIÁ | THÀNH TIỀN |\n|---|---|---|---|---|---|\n"
    one = "KINH PHÍ" if "×" in numbers or "/" in numbers else "Số lượng"
    body = (
        "Đơn vị: Đồng {#cp}\n\n"
        + header.format(one=one)
        + numbers
        + "\n| 1 | Máy | Bộ | 1 | 2 | |\n"
    )
    expected = place(codes.FORMULA_KIND.code, body, "| A | B | C |", 5)
    assert places(problems_of(tmp_path, body)) == [expected]


# Display ------------------------------------------------------------------------------------

DISPLAY = """\
| TT | NỘI DUNG | KINH PHÍ | ĐÃ GIẢI NGÂN |
|---|---|---|---|
| A | B | (1) | (2) |
| = | Tổng | | |
| 1 | Một | 12 | 0 |
| 2 | Hai | 0,5 | 0 |
"""


@pytest.mark.parametrize(
    ("options", "one", "two", "total"),
    [
        ("thap_phan=1", ["12", "0"], ["0,5", "0"], ["12,5", "0"]),  # never "12,0" nor "0,0"
        ("thap_phan=1 so_khong=-", ["12", "-"], ["0,5", "-"], ["12,5", "-"]),
        ("thap_phan=1 so_khong=trong", ["12", ""], ["0,5", ""], ["12,5", ""]),
        ("thap_phan=1 co_dinh", ["12,0", "0"], ["0,5", "0"], ["12,5", "0"]),
        ("thap_phan=1 co_dinh(1)", ["12,0", "0"], ["0,5", "0"], ["12,5", "0"]),
        ("thap_phan=2 co_dinh", ["12,00", "0"], ["0,50", "0"], ["12,50", "0"]),
    ],
)
def test_zero_and_decimals_print_as_the_table_says(
    options: str, one: list[str], two: list[str], total: list[str]
) -> None:
    table, problems = load(DISPLAY, f"Đơn vị: Triệu đồng {{#kp {options}}}")
    assert problems == []
    assert (figures(table, "Một"), figures(table, "Hai"), figures(table, "Tổng")) == (
        one,
        two,
        total,
    )


def test_unknown_or_malformed_options(tmp_path: Path) -> None:
    body = "Đơn vị: Triệu đồng {#kp so_khong=x thap_phan(9)=1 le}\n\n" + DISPLAY
    line = body.split("\n")[0]
    assert [p for p in places(problems_of(tmp_path, body)) if p[1] == 1] == [
        (codes.OPTION_VALUE.code, 1, line.index("so_khong") + 1),
        (codes.OPTION_COLUMN.code, 1, line.index("thap_phan") + 1),
        (codes.UNKNOWN_OPTION.code, 1, line.index("le}") + 1),
    ]


def test_figures_round_half_up_away_from_zero() -> None:
    from baocao.resolve.budget import rounded

    assert rounded(Decimal("0.125"), 2) == Decimal("0.13")
    assert rounded(Decimal("-0.125"), 2) == Decimal("-0.13")
    assert rounded(Decimal("2.5"), 0) == Decimal("3")
    assert rounded(Decimal("12"), 1) == Decimal("12")
