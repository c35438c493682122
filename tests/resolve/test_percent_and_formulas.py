"""Percentages computed or checked, and formulas that make sense: a share of a total
("(4)=(3)/tong×100"), typed percents against their row, a percent in prose against its two cited
amounts, and formulas that give one value on every row or divide by zero refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import docx
from baocao.build import build_document, check_document
from budget_documents import write_document
from placed import placed

SHARES = """\
Đơn vị: Triệu đồng {{#kp}}

| TT | NỘI DUNG | KINH PHÍ | TỶ TRỌNG (%) |
|----|----------|----------|--------------|
| A | B | (3) | (4)={formula} |
| = | Tổng cộng {{#tong}} | | |
| 1 | Máy tính {{#may}} | 31.400 | |
| 2 | Tập huấn {{#tap-huan}} | 24.800 | |
"""

RATES = """\
Đơn vị: Hồ sơ {#hs}

| TT | LĨNH VỰC | TIẾP NHẬN | TRỰC TUYẾN | TỶ LỆ (%) |
|----|----------|-----------|------------|-----------|
| A | B | (1) | (2) | (3) |
| = | Tổng cộng | | | 60,00 |
| 1 | Hộ tịch | 1.000 | 600 | 60,00 |
| 2 | Đất đai | 500 | 300 | 60 |
| 3 | Xây dựng | 200 | 90 | 44,13 |
| 4 | Khác | 300 | 210 | 70,0 |
"""


def table_cells(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    table = document.tables[-2]  # the last is the signature block's
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("formula", ["(3)/tong×100", "(3)/tong(3)*100", "(3)/Tổng×100"])
def test_a_share_of_the_total_is_computed(tmp_path: Path, formula: str) -> None:
    folder = write_document(tmp_path, SHARES.format(formula=formula))
    assert check_document(folder) == []
    rows = table_cells(build_document(folder, tmp_path / "out").target)
    shares = {row[1]: row[3] for row in rows}
    assert shares["Tổng cộng"] == "100"
    assert shares["Máy tính"] == "55,87"  # 31.400 / 56.200, half up to two decimals
    assert shares["Tập huấn"] == "44,13"


def test_a_typed_share_that_is_stale_is_an_error_at_its_cell(tmp_path: Path) -> None:
    table = SHARES.format(formula="(3)/tong×100").replace("| 24.800 | |", "| 24.800 | 44,13 |")
    table = table.replace("| 31.400 | |", "| 31.400 | 55,87 |")
    folder = write_document(tmp_path, table.replace("| 24.800 |", "| 25.800 |"))
    problems = check_document(folder)
    # the total moved with the figure: both typed shares are stale, each at its cell
    assert [(p.position.line, p.code.code) for p in problems] == [(7, "BC333"), (8, "BC333")]


def test_typed_percents_are_checked_against_their_row(tmp_path: Path) -> None:
    folder = write_document(tmp_path, RATES)
    line = RATES.split("\n")[8]
    column = line.index("44,13") + 1
    problems = check_document(folder)
    assert placed(problems) == [("01-phan.md", 9, column, "BC337")]
    assert "45,00%" in problems[0].message and "(2)÷(1)×100" in problems[0].message


def test_typed_percents_with_nothing_to_compute_them_from_are_left(tmp_path: Path) -> None:
    alone = (
        RATES.replace("| 600 |", "| 10 |").replace("| 300 |", "| 7 |").replace("| 210 |", "| 1 |")
    )
    assert check_document(write_document(tmp_path, alone)) == []  # no way the column is computed


@pytest.mark.parametrize(
    ("formula", "reason"),
    [
        ("(3)/(3)×100", "chia cột (3)"),  # the issue's: 100 on every row
        ("(3)-(3)", "cùng một số"),
        ("((3)+(3))/(3)", "cùng một số"),
    ],
)
def test_a_formula_with_one_value_on_every_row_is_refused(
    tmp_path: Path, formula: str, reason: str
) -> None:
    folder = write_document(tmp_path, SHARES.format(formula=formula))
    line = SHARES.split("\n")[4]
    problems = check_document(folder)
    assert placed(problems) == [("01-phan.md", 5, line.index("(4)") + 1, "BC335")]
    assert reason in problems[0].message


def test_a_formula_reading_its_own_column_is_refused(tmp_path: Path) -> None:
    folder = write_document(tmp_path, SHARES.format(formula="(4)/(3)×100"))
    assert [p.code.code for p in check_document(folder)] == ["BC315"]


RATES_WITH_FORMULA = """\
Đơn vị: Triệu đồng {#kp}

| TT | NỘI DUNG | KẾ HOẠCH | THỰC HIỆN | TỶ LỆ (%) |
|----|----------|----------|-----------|-----------|
| A | B | (1) | (2) | (3)=(2)/(1)×100 |
| = | Tổng cộng | | | |
| 1 | Mua sắm | 100 | 95 | |
| 2 | Phát sinh | 0 | 20 | |
| 3 | Chưa triển khai | 0 | 0 | |
"""


def test_a_division_by_zero_is_an_error_unless_nothing_was_done(tmp_path: Path) -> None:
    folder = write_document(tmp_path, RATES_WITH_FORMULA)
    line = RATES_WITH_FORMULA.split("\n")[7]
    problems = check_document(folder)
    column = line.rindex("|", 0, len(line) - 1) + 2  # the empty cell, just after its bar
    assert placed(problems) == [("01-phan.md", 8, column, "BC336")]  # 20 over 0
    fixed = RATES_WITH_FORMULA.replace("| 0 | 20 |", "| 20 | 20 |")
    folder = write_document(tmp_path, fixed, name="da-sua")
    assert check_document(folder) == []
    rows = {row[1]: row[4] for row in table_cells(build_document(folder, tmp_path / "o").target)}
    assert rows["Chưa triển khai"] == "–"  # 0 out of 0: nothing planned, nothing done
    assert rows["Mua sắm"] == "95"


PROSE_TABLE = """\
Đơn vị: Đồng {#kp}

| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A | B | (1) |
| = | Tổng cộng {#tong} | |
| 1 | Mua sắm máy tính {#may-tinh} | 31.400.000 |
| 2 | Tập huấn {#tap-huan} | 24.800.000 |
"""


@pytest.mark.parametrize(
    ("percent", "wrong"),
    [("44,13%", False), ("44,1 %", False), ("44%", False), ("95,2%", True), ("44,2%", True)],
)
def test_a_percent_beside_two_cited_amounts_is_checked(
    tmp_path: Path, percent: str, wrong: bool
) -> None:
    prose = (
        'Đã giải ngân {{ tien("kp.tap-huan") }}, đạt '
        f'{percent} tổng kinh phí {{{{ tien("kp.tong") }}}}.\n'
    )
    prose = prose.replace('{{ tien("kp.tap-huan") }}', '{{ tien("kp.tap-huan") }}')
    problems = check_document(write_document(tmp_path, PROSE_TABLE, prose))
    expected = [("02-phan.md", 1, prose.index(percent) + 1, "BC511")] if wrong else []
    assert placed(problems) == expected


def test_a_percent_with_one_cited_amount_is_not_checked(tmp_path: Path) -> None:
    prose = 'Đã giải ngân {{ tien("kp.tap-huan") }}, đạt 95,2% kế hoạch.\n'
    assert check_document(write_document(tmp_path, PROSE_TABLE, prose)) == []


@pytest.mark.parametrize(
    ("prose", "checked"),
    [
        # after both amounts, with nothing making it their ratio: a percent of something else
        (
            'Đề xuất {{ tien("kp.may-tinh") }} cho máy tính và {{ tien("kp.tap-huan") }} cho '
            "tập huấn, tăng 12% so với năm trước.",
            False,
        ),
        (
            'Tập huấn {{ tien("kp.tap-huan") }} trên tổng {{ tien("kp.tong") }}, chiếm 95,2%.',
            True,
        ),
    ],
)
def test_a_percent_is_checked_where_it_is_the_amounts_ratio(
    tmp_path: Path, prose: str, checked: bool
) -> None:
    problems = check_document(write_document(tmp_path, PROSE_TABLE, prose + "\n"))
    assert [p.code.code for p in problems] == (["BC511"] if checked else [])
