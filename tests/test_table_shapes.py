"""Real documents' table shapes (issue 12): each builds as it is, and check catches an error
injected into it, once, at its line.

tests/fixtures/shapes/ holds each as a whole document:
- `bao-cao-quy-iii`: a quarterly execution report, its appendix a table of dự toán, thực hiện,
  ước thực hiện, lũy kế (4)=(2)+(3) and "Ước thực hiện/Dự toán (%)" (5)=(4)/(1)×100, every figure
  typed as the real documents type them, totals and percents included;
- `to-trinh-mua-sam`: a tờ trình asking for a purchase, its appendix a cost table of số lượng ×
  đơn giá = thành tiền, (3)=(1)×(2), in đồng, with typed subtotals.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docx
from baocao.build import build_document, check_document
from baocao.problems import Problem
from baocao.review.textconv import docx_text
from shape_documents import broken_shape, shape_copy


def only(problems: list[Problem]) -> Problem:
    (problem,) = problems
    return problem


def table_of(target: Path, first: str) -> list[list[str]]:
    document = docx.Document(str(target))
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == first]
    return [[c.text for c in r.cells] for r in table.rows]


@pytest.mark.parametrize("name", ["bao-cao-quy-iii", "to-trinh-mua-sam"])
def test_each_shape_checks_clean_and_builds(tmp_path: Path, name: str) -> None:
    folder = shape_copy(tmp_path, name)
    assert check_document(folder) == []
    assert build_document(folder, tmp_path / "out").target.exists()


# The quarterly execution table ---------------------------------------------------------------

QUARTER = "bao-cao-quy-iii"
APPENDIX = "90-phu-luc.md"


def test_the_quarterly_table_prints_its_percents_and_cites_its_amounts(tmp_path: Path) -> None:
    target = build_document(shape_copy(tmp_path, QUARTER), tmp_path / "out").target
    cells = table_of(target, "TT")
    assert cells[1] == ["A", "B", "(1)", "(2)", "(3)", "(4)=(2)+(3)", "(5)=(4)/(1)×100"]
    assert ["", "Tổng chi ngân sách xã", "6.830", "2.510", "1.885", "4.395", "64,3"] in cells
    assert ["2", "Nhà văn hóa thôn Bình Minh", "800", "0", "200", "200", "25"] in cells
    assert (
        "Lũy kế 9 tháng, chi ngân sách xã ước đạt 4.395.000.000 đồng trên dự toán năm "
        "6.830.000.000 đồng; chi đầu tư phát triển ước đạt 950.000.000 đồng."
    ) in docx_text(target)


def test_the_quarterly_table_catches_an_amount_in_its_percent_column(tmp_path: Path) -> None:
    folder, line = broken_shape(
        tmp_path, QUARTER, "| 2.730 | 74,8 |", "| 2.730 | 2.730 |", APPENDIX
    )
    problem = only(check_document(folder))
    assert (problem.position.path.name, problem.position.line, problem.warning) == (
        APPENDIX,
        line,
        False,
    )
    assert problem.message == (
        "dòng 1 “Chi quản lý nhà nước”: sai công thức cột (5)=(4)/(1)×100 — cột (5) ghi 2.730, "
        "nhưng (4)÷(1)×100 = 2.730 ÷ 3.650 × 100 = 74,8 — cột tỷ lệ (%) mà ghi 2.730: số này "
        "giống số tiền hay số lượng hơn là tỷ lệ"
    )


def test_the_quarterly_table_catches_a_wrong_figure_once_at_its_line(tmp_path: Path) -> None:
    folder, line = broken_shape(
        tmp_path, QUARTER, "| 420 | 180 | 95 |", "| 420 | 810 | 95 |", APPENDIX
    )
    problem = only(check_document(folder))
    assert problem.position.line == line
    assert problem.message == (
        "dòng 2 “Chi sự nghiệp giáo dục”: sai công thức cột (4)=(2)+(3) — cột (4) ghi 275, nhưng "
        "(2)+(3) = 810 + 95 = 905; cột (2) ghi 810 làm lệch dòng tổng cộng và II (các dòng đó "
        "ghi 2.510, 2.210, nhưng tổng các mục con là 3.140, 2.840)"
    )


# The cost table ------------------------------------------------------------------------------

COST = "to-trinh-mua-sam"
COST_FILE = "00-to-trinh.md"


def test_the_cost_table_prints_quantities_prices_and_amounts(tmp_path: Path) -> None:
    target = build_document(shape_copy(tmp_path, COST), tmp_path / "out").target
    cells = table_of(target, "TT")
    assert cells[1] == ["A", "B", "C", "(1)", "(2)", "(3)=(1)×(2)"]
    assert cells[2] == ["", "Tổng cộng", "", "", "", "225.900.000"]  # no sum of quantities
    assert ["2", "Máy in laser A4", "Cái", "2", "4.750.000", "9.500.000"] in cells
    assert (
        "tổng kinh phí 225.900.000 đồng (Hai trăm hai mươi lăm triệu, chín trăm nghìn đồng), "
        "trong đó thiết bị 183.000.000 đồng"
    ) in docx_text(target)


def test_the_cost_table_catches_a_wrong_amount_once_at_its_line(tmp_path: Path) -> None:
    folder, line = broken_shape(
        tmp_path, COST, "| 4.750.000 | 9.500.000 |", "| 4.750.000 | 9.000.000 |", COST_FILE
    )
    problem = only(check_document(folder))
    assert (problem.position.line, problem.warning) == (line, False)
    assert problem.message == (
        "dòng 2 “Máy in laser A4”: sai công thức cột (3)=(1)×(2) — cột (3) ghi 9.000.000, nhưng "
        "(1)×(2) = 2 × 4.750.000 = 9.500.000; cột (3) ghi 9.000.000 làm lệch dòng tổng cộng và I "
        "(các dòng đó ghi 225.900.000, 183.000.000, nhưng tổng các mục con là 225.400.000, "
        "182.500.000)"
    )


def test_the_cost_table_catches_a_price_typed_in_the_wrong_unit(tmp_path: Path) -> None:
    folder, line = broken_shape(
        tmp_path, COST, "| 60 | 25.000 | 1.500.000 |", "| 60 | 25 | 1.500.000 |", COST_FILE
    )
    problem = only(check_document(folder))
    assert problem.position.line == line
    assert problem.message.startswith(
        "dòng 2 “Tài liệu”: sai công thức cột (3)=(1)×(2) — cột (3) ghi 1.500.000, nhưng "
        "(1)×(2) = 60 × 25 = 1.500"
    )
