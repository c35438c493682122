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
from baocao import codes
from baocao.build import build_document, check_document
from baocao.problems import Code, Problem
from baocao.review.textconv import docx_text
from budget_documents import cell
from shape_documents import broken_shape, shape_copy


def only(
    problems: list[Problem], code: Code, folder: Path, part: str, needle: str, index: int
) -> Problem:
    """The one problem found: its code, in `part` at cell `index` of the line holding
    `needle`."""
    (problem,) = problems
    (path,) = folder.glob(part)
    where = cell(path.read_text(encoding="utf-8"), needle, index)
    assert (problem.code, problem.position.path.name) == (code, part)
    assert (problem.position.line, problem.position.column) == where
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
    folder, _ = broken_shape(tmp_path, QUARTER, "| 2.730 | 74,8 |", "| 2.730 | 2.730 |", APPENDIX)
    problems = check_document(folder)
    needle = "| 2.730 | 2.730 |"
    problem = only(problems, codes.FORMULA_MISMATCH, folder, APPENDIX, needle, 6)
    assert "74,8" in problem.message  # what the formula gives; one message, the scale's too


def test_the_quarterly_table_catches_a_wrong_figure_once_at_its_line(tmp_path: Path) -> None:
    folder, _ = broken_shape(
        tmp_path, QUARTER, "| 420 | 180 | 95 |", "| 420 | 810 | 95 |", APPENDIX
    )
    problems = check_document(folder)
    problem = only(problems, codes.WRONG_FIGURE, folder, APPENDIX, "| 420 | 810 | 95 |", 3)
    assert all(figure in problem.message for figure in ("905", "2.510", "3.140", "2.840"))


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
    needle = "| 4.750.000 | 9.000.000 |"
    folder, _ = broken_shape(tmp_path, COST, "| 4.750.000 | 9.500.000 |", needle, COST_FILE)
    problem = only(check_document(folder), codes.WRONG_FIGURE, folder, COST_FILE, needle, 5)
    assert all(figure in problem.message for figure in ("9.500.000", "225.400.000", "182.500.000"))


def test_the_cost_table_catches_a_price_typed_in_the_wrong_unit(tmp_path: Path) -> None:
    needle = "| 60 | 25 | 1.500.000 |"
    folder, _ = broken_shape(tmp_path, COST, "| 60 | 25.000 | 1.500.000 |", needle, COST_FILE)
    problem = only(check_document(folder), codes.FORMULA_MISMATCH, folder, COST_FILE, needle, 5)
    assert "60 × 25 = 1.500" in problem.message  # the price typed as 25 đồng
