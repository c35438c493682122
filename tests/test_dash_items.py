"""A budget table's "-" items: typed "-" in the TT column, an item of the coded row above (as "+"
is) that prints its dash; the "+" rows after it are its items. A received table's "-" and "+"
items go through soat and nhap as typed, and the built DOCX keeps the dashes."""

from __future__ import annotations

from pathlib import Path

import docx
from baocao import codes
from baocao.build import build_document, check_document
from baocao.received.nhap.folder import import_docx
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from budget_documents import docx_budget_table, line_of, load, row, table_part, write_document

TABLE = """| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A  | B        | (1)      |
| =  | Tổng cộng {#tong} | |
| 1  | Mua sắm thiết bị {#thiet-bi} | |
| -  | Máy tính {#may-tinh} | |
| +  | Máy tính để bàn | 150 |
| +  | Máy tính xách tay | 50 |
| -  | Máy in | 20 |
| 2  | Tập huấn {#tap-huan} | |
| +  | Lớp cơ bản | 12 |
| -  | Lớp nâng cao | 18 |
| a  | Tập huấn trực tuyến | 4 |
| -2 | Hội nghị tổng kết | 6 |
"""


def printed_rows(target: Path) -> list[tuple[str, ...]]:
    """Each row of the DOCX's budget table, its cells' text."""
    table = docx_budget_table(docx.Document(str(target)))
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def test_dash_items_print_their_dash_and_add_up(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", table_part(TABLE))
    assert check_document(folder) == []
    assert printed_rows(build_document(folder, tmp_path / "out").target)[2:] == [
        ("", "Tổng cộng", "260"),  # 220 + 40
        ("1", "Mua sắm thiết bị", "220"),  # its "-" items: 200 + 20
        ("-", "Máy tính", "200"),  # its "+" items: 150 + 50
        ("", "Máy tính để bàn", "150"),  # a "+" row prints no mark, as before
        ("", "Máy tính xách tay", "50"),
        ("-", "Máy in", "20"),
        ("2", "Tập huấn", "40"),  # 12 + 18 + 4 + 6
        ("", "Lớp cơ bản", "12"),  # a "+" item of row 2, before any "-"
        ("-", "Lớp nâng cao", "18"),
        ("a", "Tập huấn trực tuyến", "4"),
        ("-", "Hội nghị tổng kết", "6"),  # "-2": an item of row 2, printed "-"
    ]


def test_each_row_is_placed_under_the_row_it_belongs_to() -> None:
    table, problems = load(TABLE)
    assert problems == []
    parent = {r.name: r.parent.name if r.parent else "" for r in table.rows}
    assert parent["Máy tính"] == parent["Máy in"] == "Mua sắm thiết bị"
    assert parent["Máy tính để bàn"] == parent["Máy tính xách tay"] == "Máy tính"
    assert parent["Lớp cơ bản"] == parent["Lớp nâng cao"] == "Tập huấn"
    assert parent["Tập huấn trực tuyến"] == parent["Hội nghị tổng kết"] == "Tập huấn"
    assert row(table, "Máy tính").level == "parent"  # set apart as any row with items


def test_a_wrong_sum_of_a_dash_item_is_reported_at_its_row(tmp_path: Path) -> None:
    typed = TABLE.replace("| Máy tính {#may-tinh} | |", "| Máy tính {#may-tinh} | 190 |")
    text = table_part(typed)
    folder = write_document(tmp_path / "content", text)
    (problem,) = check_document(folder)
    assert problem.code == codes.PARENT_SUM
    assert problem.position.line == line_of(text, "Máy tính {#may-tinh}")


def test_a_dash_item_of_a_row_not_above_is_refused_at_its_place(tmp_path: Path) -> None:
    text = table_part(TABLE.replace("| -2 |", "| -IV |"))
    folder = write_document(tmp_path / "content", text)
    (problem,) = check_document(folder)
    assert problem.code == codes.MARKER_PARENT
    at = (problem.position.line, problem.position.column)
    assert at == (line_of(text, "| -IV |"), 3)


RECEIVED = """ỦY BAN NHÂN DÂN XÃ AN BÌNH

BÁO CÁO
Kết quả chi năm 2026

Đơn vị: Triệu đồng

| TT | NỘI DUNG | KINH PHÍ |
| A | B | (1) |
| | Tổng cộng | 250 |
| 1 | Mua sắm thiết bị | 220 |
| - | Máy tính | 200 |
| + | Máy tính để bàn | 150 |
| + | Máy tính xách tay | 50 |
| - | Máy in | 20 |
| 2 | Tập huấn | 30 |
| - | Tập huấn cán bộ | {staff} |
| - | Tập huấn người dân | 18 |
"""


def test_a_received_table_keeps_its_dashes_through_nhap_and_build(tmp_path: Path) -> None:
    source = tmp_path / "bc.txt"
    source.write_text(RECEIVED.format(staff=12), encoding="utf-8")
    assert check_received(read_received(source)).problems == []
    folder = import_docx(source, tmp_path / "content", "bc")
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md")))
    marks = [line.split("|")[1].strip() for line in written.splitlines() if line.startswith("|")]
    assert marks[3:] == ["=", "1", "-", "+", "+", "-", "2", "-", "-"]  # as the office typed
    assert [p for p in check_document(folder) if not p.draft] == []
    rows = printed_rows(build_document(folder, tmp_path / "out").target)
    assert [(code, figure) for code, _, figure in rows[2:]] == [
        ("", "250"),
        ("1", "220"),
        ("-", "200"),
        ("", "150"),
        ("", "50"),
        ("-", "20"),
        ("2", "30"),
        ("-", "12"),
        ("-", "18"),
    ]


def test_a_wrong_sum_under_dash_items_is_found_before_and_after_nhap(tmp_path: Path) -> None:
    source = tmp_path / "bc.txt"
    source.write_text(RECEIVED.format(staff=15), encoding="utf-8")
    (found,) = check_received(read_received(source)).problems
    assert (found.code, found.position.line) == (codes.PARENT_SUM, line_of(RECEIVED, "| 2 |"))
    folder = import_docx(source, tmp_path / "content", "bc")
    (after,) = [p for p in check_document(folder) if not p.draft]
    assert after.code == codes.PARENT_SUM
    line = after.position.path.read_text(encoding="utf-8").splitlines()[after.position.line - 1]
    assert line.startswith("| 2 | Tập huấn |")  # the same row: 15 + 18 is not 30
