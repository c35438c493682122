"""A budget table typed by parse: its declaration's options, header merges, column labels with
their formulas, and data rows (head, name, id, figures), every cell at its line and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from baocao import codes
from baocao.parse.blocks import (
    Blank,
    ColumnLabel,
    Decimals,
    Declaration,
    DeclaredTable,
    Figure,
    Fixed,
    MainColumn,
    Merge,
    Rest,
    RowHead,
    TableCell,
    Text,
    Unreadable,
    Zeros,
)
from baocao.parse.formula import Const, Op, Ref
from baocao.parse.markdown import parse_blocks
from baocao.parse.table import read_table
from baocao.problems import Position

HERE = Path("t.md")
TABLE = """\
Đơn vị: Triệu đồng {#pl cot=4 thap_phan(4)=2 co_dinh so_khong=-}

| TT | NỘI DUNG | KINH PHÍ | < | < | DỰ TOÁN |
|---|---|---|---|---|---|
| ^ | ^ | TỔNG | ĐÃ CHI | CÒN LẠI | ^ |
| A | B | (1)=(2)+(3) | (2) | (3) | (4)=(1)×0,5 |
| = | **Tổng** {#tong} | | | | |
| #=IV. | Chuyển đổi số | 1.000,5 | ? | x | |
| +IV | Một mục | | | | |
"""


def at(line: int, column: int) -> Position:
    return Position(HERE, line, column)


def typed(text: str = TABLE) -> DeclaredTable:
    blocks, _ = parse_blocks(HERE, text)
    (table,) = blocks
    assert isinstance(table, DeclaredTable)
    return table


def column(text: str, line: int, word: str) -> int:
    """The 1-based column of `word` on `line` of `text`."""
    return text.split("\n")[line - 1].index(word) + 1


def test_the_declaration_is_typed_with_each_option_at_its_place() -> None:
    declaration = typed().declaration
    assert (declaration.id, declaration.unit_line) == ("pl", "Đơn vị: Triệu đồng")
    assert declaration.unit_name == "Triệu đồng"
    assert declaration.unit_position == at(1, column(TABLE, 1, "Triệu"))
    assert declaration.options == (
        MainColumn(4, at(1, column(TABLE, 1, "cot"))),
        Decimals(2, 4, at(1, column(TABLE, 1, "thap_phan"))),
        Fixed(None, at(1, column(TABLE, 1, "co_dinh"))),
        Zeros("-", at(1, column(TABLE, 1, "so_khong"))),
    )


@pytest.mark.parametrize(
    ("line", "printed", "unit"),
    [
        ("Đơn vị tính:  nghìn đồng {#a}", "Đơn vị tính: nghìn đồng", "nghìn đồng"),
        ("ĐVT: Người {#a}", "ĐVT: Người", "Người"),
        ("đơn  vị : Hồ sơ {#a}", "đơn vị : Hồ sơ", "Hồ sơ"),
    ],
)
def test_a_declaration_hands_on_its_unit_line_as_it_prints_and_the_unit_it_names(
    line: str, printed: str, unit: str
) -> None:
    """Whatever label it opens with: the line as typed, spaces single; the unit at its place."""
    declaration = typed(line + "\n" + TABLE.split("\n", 1)[1]).declaration
    assert (declaration.unit_line, declaration.unit_name) == (printed, unit)
    assert declaration.unit_position == at(1, column(line, 1, unit))


def test_header_cells_are_text_or_merges_at_their_places() -> None:
    first, second = typed().header
    assert first[2] == TableCell("KINH PHÍ", (Text("KINH PHÍ"),), at(3, column(TABLE, 3, "KINH")))
    assert first[3] == Merge("<", at(3, column(TABLE, 3, "<")))
    assert second[0] == Merge("^", at(5, 3))
    assert [type(c).__name__ for c in second] == ["Merge", "Merge", *["TableCell"] * 3, "Merge"]


def test_the_column_number_row_gives_letters_numbers_and_formulas() -> None:
    columns = typed().columns
    assert [(c.cell.text, c.number) for c in columns[:3]] == [
        ("A", 0),
        ("B", 0),
        ("(1)=(2)+(3)", 1),
    ]
    assert columns[2].formula == Op("+", Ref(2), Ref(3))
    assert columns[5].formula == Op("*", Ref(1), Const(Decimal("0.5")))
    assert columns[5].cell.position == at(6, column(TABLE, 6, "(4)="))
    assert columns[3] == ColumnLabel(
        TableCell("(2)", (Text("(2)"),), at(6, column(TABLE, 6, "(2) |"))), 2
    )


def test_data_rows_have_their_head_name_id_and_figures_at_their_places() -> None:
    total, section, item = typed().rows
    assert total.head == RowHead(at(7, 3), marker="=")
    assert total.name.text == "**Tổng**" and total.name.inlines[0].children == (Text("Tổng"),)
    assert (total.id, total.id_position) == ("tong", at(7, column(TABLE, 7, "{#")))
    assert section.head == RowHead(at(8, 3), code="IV.", bare="IV", rank=(2, 0), own="#=")
    assert section.cells[0] == Figure(
        Decimal("1000.5"), "1.000,5", at(8, column(TABLE, 8, "1.000"))
    )
    assert section.cells[1] == Rest(at(8, column(TABLE, 8, "?")))
    assert section.cells[2] == Unreadable(at(8, column(TABLE, 8, "x |")))  # reported by parse
    assert section.cells[3] == Blank(at(8, column(TABLE, 8, "x |") + 3))  # just after its "|"
    assert item.head == RowHead(at(9, 3), marker="+IV", depth=1, target="IV")


def test_parse_reports_the_syntax_at_its_cell() -> None:
    _, problems = parse_blocks(HERE, TABLE)
    assert [(p.code, p.position) for p in problems] == [
        (codes.FIGURE_FORMAT, at(8, column(TABLE, 8, "x |")))
    ]


def test_a_received_table_s_cells_are_typed_from_their_texts_and_places() -> None:
    """soat hands each cell's text at its place: the same nodes, its words read as they are."""
    place = Position(Path("nhan.docx"), 40)
    declaration = Declaration(place, "bang-1", "Đơn vị: triệu đồng", "triệu đồng", place)

    def row(anchor: int, *texts: str) -> tuple[Position, list[tuple[str, Position]]]:
        where = Position(place.path, anchor)
        return where, [(t, Position(place.path, anchor, k + 1)) for k, t in enumerate(texts)]

    table, problems = read_table(
        declaration,
        [row(40, "TT", "Nội dung", "Kinh phí")],
        row(41, "A", "B", "(1)"),
        [row(42, "1", "*Máy* {#x}", "5"), row(43, "ab", "Sai mã", "")],
        lambda text: (Text(text),) if text else (),
        tags=False,
    )
    assert table is not None
    one, two = table.rows
    assert one.name == TableCell("*Máy* {#x}", (Text("*Máy* {#x}"),), Position(place.path, 42, 2))
    assert one.id is None and one.cells == (Figure(Decimal(5), "5", Position(place.path, 42, 3)),)
    assert [(p.code, p.position) for p in problems] == [
        (codes.ROW_CODE, Position(place.path, 43, 1))
    ]
    assert two.head.marker == "+"  # placed as an item, once reported
