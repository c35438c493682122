"""The budget table reader: declaration and pipe lines into a table, each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.money.amount import Amount, Unit
from baocao.parse.blocks import TableSource
from baocao.problems import Position
from baocao.resolve.budget import REMAINDER, Op, Ref
from baocao.resolve.budget_reader import read_table
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
    lone = "| TT | X |\n|---|---|\n| A | (1) |\n| 1 | 2 |\n"  # a column-number row, no declaration
    assert "không có dòng khai báo “Đơn vị" in problems_of(tmp_path / "4", lone)[0].message
    assert problems_of(tmp_path / "7", "| A | B |\n|---|---|\n| 1 | 2 |\n") == []  # a plain table
    split = HEADER + "| A | Một | | | | 1 |\n\n| B | Hai | | | | 2 |\n"
    (problem,) = problems_of(tmp_path / "5", split)
    assert problem.position.line == line_of(split, "| B | Hai")
    bad_merge = HEADER.replace("| ^ | ^ | TỔNG", "| ^ | < | TỔNG")
    messages = [p.message for p in problems_of(tmp_path / "6", bad_merge)]
    assert any("“TT” gộp bằng “<” và “^” không thành hình chữ nhật" in m for m in messages)


def test_a_table_is_read_with_its_header_columns_and_rows_in_order() -> None:
    source = TableSource(
        Position(Path("t.md"), 4),
        "Đơn vị: Triệu đồng {#pl cot=4 thap_phan=1}",
        6,
        (
            *HEADER.split("\n", 2)[2].strip("\n").split("\n"),
            "| = | Tổng {#tong} | | | | |",
            "| A | Một {#mot} | | 1,5 | ? | 2 |",
        ),
    )
    table, problems = read_table(source)
    assert problems == []
    assert table is not None
    assert (table.id, table.unit, table.main, table.decimals) == ("pl", Unit.TRIEU, 4, 1)
    assert table.position == source.position
    assert table.header_rows == 2
    merged = next(c for c in table.header if c.text == "KINH PHÍ NĂM 2026")
    assert (merged.row, merged.column, merged.rows, merged.columns) == (0, 2, 1, 3)
    tt = next(c for c in table.header if c.text == "TT")
    assert (tt.rows, tt.columns) == (2, 1)
    assert [c.name for c in table.columns] == ["A", "B", "(1)", "(2)", "(3)", "(4)"]
    assert table.columns[2].formula == Op("+", Ref(2), Ref(3))
    total, one = table.rows
    assert (total.marker, total.id, total.line) == ("=", "tong", 10)
    assert (one.code, one.name, one.id, one.line) == ("A", "Một", "mot", 11)
    assert one.typed[2] == Amount.of("1,5", Unit.TRIEU) and one.typed[3] is REMAINDER
    assert one.parent is None  # the hierarchy is the model's job (place_rows)
