"""The budget table reader: declaration and pipe lines into a table, each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from budget_documents import HEADER, at, line_of, problems_of


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1.2.3", "nhóm “2” sau dấu chấm phải có đúng 3 chữ số"),
        ("12.34", "nhóm “34”"),
        ("10,960.5", "dấu chấm đứng sau dấu phẩy"),
        ("mười", "có ký tự không phải chữ số"),
        ("**390**", "“*”"),
    ],
)
def test_malformed_or_non_numeric_amount(tmp_path: Path, cell: str, reason: str) -> None:
    body = HEADER + f"| A | Một | | | | {cell} |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| A | Một"))
    assert message.startswith("cột (4): ")
    assert f"“{cell}”" in message
    assert reason in message


def test_decimals_need_the_table_to_allow_them(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | | 0,5 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| A | Một"))
    assert "“0,5” triệu đồng có nhiều chữ số thập phân hơn bảng cho phép (số nguyên)" in message
    allowed = body.replace("{#bang}", "{#bang thap_phan=1}")
    assert problems_of(tmp_path / "le", allowed) == []


def test_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | 5 |\n| B | Hai | | | | 5 | 6 |\n"
    problems = problems_of(tmp_path, body)
    assert "có 5 ô, bảng có 6 cột" in at(problems, line_of(body, "| A | Một"))[0]
    assert "có 7 ô, bảng có 6 cột" in at(problems, line_of(body, "| B | Hai"))[0]


def test_duplicate_row_id(tmp_path: Path) -> None:
    body = HEADER + "| A | Một {#mot} | | | | 1 |\n| B | Hai {#mot} | | | | 2 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| B | Hai"))
    assert message == f"mã “mot” đã dùng cho dòng {line_of(body, '| A | Một')} của bảng “bang”"


def test_row_without_code_or_marker_and_unreadable_code(tmp_path: Path) -> None:
    body = HEADER + "| | Không mã | | | | 1 |\n| 1a | Mã lạ | | | | 2 |\n"
    problems = problems_of(tmp_path, body)
    assert "dòng không có mã TT: ghi “+”" in at(problems, line_of(body, "Không mã"))[0]
    assert "mã TT “1a” không đọc được" in at(problems, line_of(body, "Mã lạ"))[0]


def test_table_shape_problems(tmp_path: Path) -> None:
    no_numbers = (
        "Đơn vị: Triệu đồng {#a}\n\n| TT | NỘI DUNG | X |\n|---|---|---|\n| A | Một | 1 |\n"
    )
    assert "thiếu dòng số cột" in problems_of(tmp_path / "1", no_numbers)[0].message
    bad_formula = HEADER.replace("(1)=(2)+(3)", "(1)=(2)+(9)")
    assert "bảng không có cột (9)" in problems_of(tmp_path / "2", bad_formula)[0].message
    no_unit = HEADER.replace("Triệu đồng", "Triệu USD")
    assert "đơn vị “Triệu USD” không rõ" in problems_of(tmp_path / "3", no_unit)[0].message
    lone = "| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert "không có dòng khai báo “Đơn vị" in problems_of(tmp_path / "4", lone)[0].message
    split = HEADER + "| A | Một | | | | 1 |\n\n| B | Hai | | | | 2 |\n"
    (problem,) = problems_of(tmp_path / "5", split)
    assert problem.position.line == line_of(split, "| B | Hai")
    bad_merge = HEADER.replace("| ^ | ^ | TỔNG", "| ^ | < | TỔNG")
    messages = [p.message for p in problems_of(tmp_path / "6", bad_merge)]
    assert any("“TT” gộp bằng “<” và “^” không thành hình chữ nhật" in m for m in messages)
