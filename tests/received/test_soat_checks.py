"""The checks `soat` runs on a received document: its tables shaped as budget tables, the
amounts of its prose against each other (totals, lists, items named twice), its words."""

from __future__ import annotations

from pathlib import Path

from baocao import codes
from baocao.received.read.blocks import Table
from baocao.received.read.text import read_text
from baocao.received.soat.check import check_received
from baocao.received.soat.tables import budget_shape, unit_of


def text_table(text: str, unit: str | None = "Triệu đồng") -> list[str]:
    received = read_text(Path("t.txt"), text, markdown=False)
    (table,) = [b for b in received.blocks if isinstance(b, Table)]
    shape = budget_shape(table, unit, "bang-1")
    assert shape is not None
    return [shape.declaration, *shape.lines]


def problems(text: str) -> list[tuple[int, str]]:
    """(line, "cảnh báo: " or "" + message) of each problem of a text file."""
    found = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return [(p.position.line, ("cảnh báo: " if p.warning else "") + p.message) for p in found]


def test_a_table_numbered_1_2_3_with_bullets_zeros_and_decimals() -> None:
    lines = text_table(
        "STT\tNội dung\tĐơn vị chủ trì\tDự toán\tThực hiện\tTỷ lệ (%)\n"
        "1\t2\t3\t4\t5\t6=5/4×100\n"
        "I\tChi thường xuyên\t\t10,5\t-\t\n"
        "-\tTập huấn\tPhòng VHXH\t10,5\t-\t\n"
        "+\tLớp cơ bản\tPhòng VHXH\t6,5\t-\t\n"
        "+\tLớp nâng cao\tPhòng VHXH\t4\t-\t\n"
    )
    assert lines == [
        "Đơn vị: Triệu đồng {#bang-1 so_khong=- thap_phan(4)=1}",
        "| STT | Nội dung | Đơn vị chủ trì | Dự toán | Thực hiện | Tỷ lệ (%) |",
        "| --- | --- | --- | --- | --- | --- |",
        "| A | B | C | (4) | (5) | (6)=(5)/(4)×100 |",  # a column of words has a letter
        "| I | Chi thường xuyên |  | 10,5 | 0 |  |",
        "| + | Tập huấn | Phòng VHXH | 10,5 | 0 |  |",
        "| ++ | Lớp cơ bản | Phòng VHXH | 6,5 | 0 |  |",
        "| ++ | Lớp nâng cao | Phòng VHXH | 4 | 0 |  |",
    ]


def test_without_a_number_row_and_with_the_unit_in_the_table() -> None:
    lines = text_table(
        "Đơn vị tính: đồng\t\t\nTT\tNội dung\tKinh phí\n\tTổng cộng\t\n1\tMáy tính\t15.000.000\n"
        "\tTrong đó:\t\n\tMáy in\t4.000.000\n",
        unit=None,
    )
    assert lines == [
        "Đơn vị: đồng {#bang-1}",
        "| TT | Nội dung | Kinh phí |",
        "| --- | --- | --- |",
        "| A | B | (1) |",
        "| = | Tổng cộng |  |",
        "| 1 | Máy tính | 15.000.000 |",
        "| # | Trong đó: |  |",  # holds no sum of its own; the rows under it are its items
        "| ++ | Máy in | 4.000.000 |",
    ]


def test_a_table_of_words_is_no_budget() -> None:
    received = read_text(Path("t.txt"), "TT\tNhiệm vụ\tĐơn vị\n1\tTập huấn\tPhòng VHXH\n", False)
    (table,) = [b for b in received.blocks if isinstance(b, Table)]
    assert budget_shape(table, None, "bang-1") is None
    assert unit_of("(Đơn vị tính: triệu đồng)") == "triệu đồng"
    assert unit_of("ĐVT: Người") == "Người"
    assert unit_of("Đơn vị chủ trì thực hiện") is None


def table_problems(text: str) -> list[tuple[str, int, int]]:
    """(code, line, column of the table) of each problem of a text file's table."""
    found = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return [(p.code.code, p.position.line, p.position.column) for p in found]


def test_a_table_parent_and_a_formula_that_fail() -> None:
    text = (
        "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tTỔNG\tXÃ\tHUYỆN\nA\tB\t(1)=(2)+(3)\t(2)\t(3)\n"
        "1\tHạ tầng\t100\t40\t50\n\tMáy tính\t60\t40\t20\n\tMáy in\t30\t\t30\n"
    )
    # one message at its row, the cell of (1): 100 typed, 90 its items, 90 its formula
    assert table_problems(text) == [(codes.PARENT_SUM.code, 4, 3)]
    ((_, message),) = problems(text)
    assert "“?”" not in message  # no advice on baocao's own syntax ("?" rows) for a received one


def test_a_table_s_own_faults_are_notes_at_their_rows() -> None:
    text = (
        "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tKINH PHÍ\tGHI CHÚ\nA\tB\t(1)\tC\n"
        "1\tHạ tầng\t100\tx\n2\tNhân lực\n"
    )
    # its figures are not read: no other problem there (its 2 cells are 4 columns' in check)
    assert table_problems(text) == [(codes.RECEIVED_SHORT_ROW.code, 5, 1)]


def test_a_list_whose_items_do_not_add_up() -> None:
    whole = (
        "I. THU\n\nTổng thu: 13.646 triệu đồng, gồm:\n- Phân cấp: 3.146 triệu đồng;\n"
        "- Bổ sung: 10.600 triệu đồng.\n"
    )
    assert problems(whole) == [
        (
            3,
            "“13.646 triệu đồng” phải bằng tổng các mục “-” bên dưới, nhưng các mục đó cộng lại "
            "là 13.746 triệu đồng (chênh 100 triệu đồng)",
        )
    ]
    part = "Chi thường xuyên 500.000.000 đồng, trong đó:\n- tập huấn 200.000.000 đồng;\n"
    assert problems(part + "- thuê máy 100.000.000 đồng.\n") == []  # a part: less is right
    assert problems(part + "- thuê máy 400.000.000 đồng.\n")[0][1].endswith(
        "cộng lại là 600.000.000 đồng (vượt 100.000.000 đồng)"
    )


def test_a_total_against_the_items_of_its_heading() -> None:
    items = (
        "I. NHIỆM VỤ\n\n1. Hạ tầng\n\n- Kinh phí: 100.000.000 đồng.\n\n"
        "2. Nhân lực\n\n- Kinh phí: 50.000.000 đồng.\n\n- Kinh phí: 20.000.000 đồng.\n\n"
    )
    assert problems(items + "II. KINH PHÍ\n\nTổng kinh phí: 170.000.000 đồng.\n") == []
    assert problems(items + "II. KINH PHÍ\n\nTổng kinh phí: 70.000.000 đồng.\n") == []  # mục 2
    assert problems(items + "II. KINH PHÍ\n\nTổng kinh phí: 160.000.000 đồng.\n") == [
        (
            15,
            "cảnh báo: “Tổng kinh phí” ghi 160.000.000 đồng, nhưng 3 khoản liệt kê trong mục "
            "“I. NHIỆM VỤ” cộng lại là 170.000.000 đồng (chênh 10.000.000 đồng)",
        )
    ]
    flat = "Tổng kinh phí 1.400.000.000 đồng; hạ tầng số 750.000.000 đồng.\n"
    assert problems(flat) == []  # outside any heading: nothing listed for sure


def test_an_item_named_twice_with_two_amounts() -> None:
    text = (
        "1. Hạ tầng\n\n- Nội dung: Mua máy in.\n\n+ Kinh phí đề xuất: 20.000.000 đồng.\n\n"
        "2. Tổng hợp\n\nMua máy in: 25.000.000 đồng.\n\n"
        "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tKINH PHÍ\nA\tB\t(1)\n1\tMua máy in\t20\n"
    )
    assert problems(text) == [
        (9, "“Mua máy in” ghi 25.000.000 đồng, nhưng dòng 14 ghi 20 triệu đồng"),
        (9, "“Mua máy in” ghi 25.000.000 đồng, nhưng ở dòng 5 ghi 20.000.000 đồng"),
    ]


def test_words_in_a_paragraph_of_their_own_and_in_a_table_cell() -> None:
    text = (
        "Quyết toán được duyệt: 91.481.640.145đ.\n\n"
        "(Bằng chữ: Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, "
        "một trăm bốn mươi lăm đồng)\n\n"
        "Nội dung\tSố tiền\nMáy in\t5.000.000 VNĐ (năm triệu đồng)\n"
        "Tivi\t7.000.000 VNĐ (sáu triệu đồng)\n"
    )
    ((line, message),) = problems(text)
    assert line == 7
    assert message.startswith("số tiền bằng chữ không khớp bằng số: “7.000.000 VNĐ”")


def test_the_unit_stated_in_the_header() -> None:
    lines = text_table(
        "TT\tNỘI DUNG (Đơn vị tính: triệu đồng)\tKINH PHÍ\n1\tMáy tính\t15\n", unit=None
    )
    assert lines[0] == "Đơn vị: triệu đồng {#bang-1}"
