"""A budget table's model built from the typed table parse hands on: its unit, header, columns
and rows; and each problem of a table, by its code, at its line and the column of its cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao import codes
from baocao.money.amount import Amount, Unit
from baocao.parse.blocks import DeclaredTable
from baocao.parse.formula import Op, Ref
from baocao.parse.markdown import parse_blocks
from baocao.problems import Code
from baocao.resolve.budget import REMAINDER
from baocao.resolve.tables import budget_table
from budget_documents import HEADER, line_of, place, places, problems_of


def at_line(code: Code, text: str, needle: str, column: int = 1) -> tuple[str, int, int]:
    """(code, line, column) of a problem on the line holding `needle`."""
    return (code.code, line_of(text, needle), column)


def in_line(code: Code, text: str, needle: str, word: str) -> tuple[str, int, int]:
    """(code, line, column) of a problem at `word` on the line holding `needle`."""
    line = text.split("\n")[line_of(text, needle) - 1]
    return (code.code, line_of(text, needle), line.index(word) + 1)


@pytest.mark.parametrize("figure", ["1.2.3", "12.34", "10,960.5", "mười", "**390**"])
def test_a_figure_that_is_no_number(tmp_path: Path, figure: str) -> None:
    body = HEADER + f"| A | Một | | | | {figure} |\n"
    expected = place(codes.FIGURE_FORMAT.code, body, "| A | Một", 5)
    assert places(problems_of(tmp_path, body)) == [expected]


def test_a_figure_too_large_for_any_budget(tmp_path: Path) -> None:
    digits = "1" + ".000" * 10  # 31 digits: no figure of a budget
    body = HEADER + f"| A | Một | | | | {digits} |\n| B | Hai | | | | 10.000.000.000.000 |\n"
    assert places(problems_of(tmp_path, body)) == [
        place(codes.CELL_TOO_LARGE.code, body, "| A | Một", 5),
        place(codes.CELL_TOO_LARGE.code, body, "| B | Hai", 5),  # above 10^18 đồng
    ]


def test_decimals_need_the_table_to_allow_them(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | | 0,5 |\n"
    expected = place(codes.FIGURE_DECIMALS.code, body, "| A | Một", 5)
    assert places(problems_of(tmp_path, body)) == [expected]
    allowed = body.replace("{#bang}", "{#bang thap_phan=1}")
    assert problems_of(tmp_path / "le", allowed) == []


def test_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    body = HEADER + "| A | Một | | | 5 |\n| B | Hai | | | | 5 | 6 |\n"
    assert places(problems_of(tmp_path, body)) == [
        at_line(codes.ROW_WIDTH, body, "| A | Một"),
        at_line(codes.ROW_WIDTH, body, "| B | Hai"),
    ]


def test_row_ids(tmp_path: Path) -> None:
    body = HEADER + (
        "| A | Một {#mot} | | | | 1 |\n| B | Hai {#mot} | | | | 2 |\n| C | Ba {#Ba} | | | | 3 |\n"
    )
    assert places(problems_of(tmp_path, body)) == [
        in_line(codes.DUPLICATE_ROW_ID, body, "| B | Hai", "{#"),
        in_line(codes.ROW_ID, body, "| C | Ba", "{#"),
    ]


def test_row_without_code_or_marker_and_unreadable_code(tmp_path: Path) -> None:
    body = HEADER + "| | Không mã | | | | 1 |\n| 1a | Mã lạ | | | | 2 |\n| #= = | Tổng | | | | |\n"
    assert places(problems_of(tmp_path, body)) == [
        place(codes.ROW_CODE.code, body, "Không mã", 0),
        place(codes.ROW_CODE.code, body, "Mã lạ", 0),
        place(codes.OWN_TOTAL.code, body, "| #= = |", 0),
    ]


NUMBERS = HEADER.split("\n")[-2]  # "| A | B | (1)=(2)+(3) | (2) | (3) | (4) |"


@pytest.mark.parametrize(
    ("change", "code", "needle", "word"),
    [
        (("{#bang}", "{#Bang}"), codes.TABLE_ID, "Đơn vị", "Bang"),
        (("{#bang}", "{# cot=4}"), codes.TABLE_ID, "Đơn vị", "cot=4"),
        (("Triệu đồng", "Triệu USD"), codes.TABLE_UNIT, "Đơn vị", "Triệu USD"),
        (("{#bang}", "{#bang le}"), codes.UNKNOWN_OPTION, "Đơn vị", "le"),
        (("{#bang}", "{#bang so_khong=x}"), codes.OPTION_VALUE, "Đơn vị", "so_khong"),
        (("{#bang}", "{#bang co_dinh(9)}"), codes.OPTION_COLUMN, "Đơn vị", "co_dinh"),
        (("{#bang}", "{#bang cot=7}"), codes.MAIN_COLUMN, "Đơn vị", "cot"),
        (("| ^ | ^ | TỔNG", "| ^ | < | TỔNG"), codes.HEADER_MERGE, "| TT |", "TT"),
        (("| TT | NỘI DUNG", "| < | NỘI DUNG"), codes.HEADER_MERGE, "| < | NỘI", "<"),
        (("| A | B | (1)=", "| A | (5) | (1)="), codes.TEXT_COLUMNS, NUMBERS[:6], "(5)"),
        (("| (3) | (4) |", "| (3) | (3)  |"), codes.DUPLICATE_COLUMN, NUMBERS[:6], "(3)  |"),
        (("(1)=(2)+(3)", "(1)=(2)+"), codes.FORMULA_SYNTAX, NUMBERS[:6], "(1)="),
        (("(1)=(2)+(3)", "(1)=(2)+(9)"), codes.FORMULA_REFERENCE, NUMBERS[:6], "(1)="),
        (("(1)=(2)+(3)", "(1)=(1)+(3)"), codes.FORMULA_REFERENCE, NUMBERS[:6], "(1)="),
        (("| (2) | (3) |", "| (2)=(1)-(3) | (3) |"), codes.FORMULA_CYCLE, NUMBERS[:6], "(1)="),
    ],
)
def test_what_is_wrong_with_a_table_is_at_its_cell(
    tmp_path: Path, change: tuple[str, str], code: Code, needle: str, word: str
) -> None:
    body = HEADER.replace(*change) + "| A | Một | | | | 1 |\n"
    assert body != HEADER + "| A | Một | | | | 1 |\n"
    assert places(problems_of(tmp_path, body)) == [in_line(code, body, needle, word)]


def test_what_is_wrong_with_a_table_s_lines(tmp_path: Path) -> None:
    no_numbers = (
        "Đơn vị: Triệu đồng {#a}\n\n| TT | NỘI DUNG | X |\n|---|---|---|\n| A | Một | 1 |\n"
    )
    assert places(problems_of(tmp_path / "1", no_numbers)) == [
        at_line(codes.NO_NUMBER_ROW, no_numbers, "| TT |")
    ]
    short = "Đơn vị: Triệu đồng {#a}\n| TT | NỘI DUNG |\n"
    assert places(problems_of(tmp_path / "2", short)) == [
        at_line(codes.TABLE_TOO_SHORT, short, "| TT |")
    ]
    delimiter = HEADER.replace("|----|----------|", "|----|") + "| A | Một | | | | 1 |\n"
    assert places(problems_of(tmp_path / "3", delimiter)) == [
        at_line(codes.DELIMITER_ROW, delimiter, "|----|")
    ]
    empty = HEADER
    assert places(problems_of(tmp_path / "4", empty)) == [at_line(codes.NO_ROWS, empty, "| TT |")]
    header = HEADER.replace("| DỰ KIẾN | ^ |", "| DỰ KIẾN |") + "| A | Một | | | | 1 |\n"
    assert places(problems_of(tmp_path / "5", header)) == [
        at_line(codes.ROW_WIDTH, header, "| DỰ KIẾN |")
    ]


def test_a_table_without_its_declaration_or_apart_from_it(tmp_path: Path) -> None:
    lone = "| TT | X |\n|---|---|\n| A | (1) |\n| 1 | 2 |\n"  # a column-number row, no declaration
    assert places(problems_of(tmp_path / "1", lone)) == [
        at_line(codes.TABLE_WITHOUT_DECLARATION, lone, "| TT |")
    ]
    assert problems_of(tmp_path / "2", "| A | B |\n|---|---|\n| 1 | 2 |\n") == []  # plain
    split = HEADER + "| A | Một | | | | 1 |\n\n| B | Hai | | | | 2 |\n"
    assert places(problems_of(tmp_path / "3", split)) == [
        at_line(codes.TABLE_WITHOUT_DECLARATION, split, "| B | Hai")
    ]


def test_a_table_is_built_with_its_header_columns_and_rows_in_order() -> None:
    text = "\n\n\nĐơn vị: Triệu đồng {#pl cot=4 thap_phan=1}\n\n" + HEADER.split("\n", 2)[2]
    text += "| = | Tổng {#tong} | | | | |\n| A | *Một* {#mot} | | 1,5 | ? | 2 |\n"
    blocks, problems = parse_blocks(Path("t.md"), text)
    (typed,) = blocks
    assert isinstance(typed, DeclaredTable) and problems == []
    table, problems = budget_table(typed)
    assert problems == []
    assert table is not None
    assert (table.id, table.unit, table.main, table.decimals) == ("pl", Unit.TRIEU, 4, 1)
    assert table.position == typed.position and table.position.line == 4
    assert table.header_rows == 2
    merged = next(c for c in table.header if c.text == "KINH PHÍ NĂM 2026")
    assert (merged.row, merged.column, merged.rows, merged.columns) == (0, 2, 1, 3)
    tt = next(c for c in table.header if c.text == "TT")
    assert (tt.rows, tt.columns) == (2, 1)
    assert [c.name for c in table.columns] == ["A", "B", "(1)", "(2)", "(3)", "(4)"]
    assert table.columns[2].formula == Op("+", Ref(2), Ref(3))
    total, one = table.rows
    assert (total.marker, total.id, total.line) == ("=", "tong", 10)
    assert (one.code, one.name, one.id, one.line) == ("A", "*Một*", "mot", 11)
    assert one.typed[2] == Amount.of("1,5", Unit.TRIEU) and one.typed[3] is REMAINDER
    assert one.parent is None  # the hierarchy is the model's job (place_rows)
    line, column = place("", text, "*Một*", 3)[1:]
    assert (table.at(one, 2).line, table.at(one, 2).column) == (line, column)
