"""The checks `soat` runs on a received document: its tables shaped as budget tables, the
amounts of its prose against each other (totals, lists, items named twice), its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.problems import Code
from baocao.received.nhap.markdown import budget_markdown
from baocao.received.read.blocks import Table
from baocao.received.read.text import read_text
from baocao.received.soat.check import check_received
from baocao.received.soat.tables import budget_shape, unit_of


def text_table(text: str, unit: str | None = "Triệu đồng") -> list[str]:
    received = read_text(Path("t.txt"), text, markdown=False)
    (table,) = [b for b in received.blocks if isinstance(b, Table)]
    shape = budget_shape(table, unit, "bang-1")
    assert shape is not None
    return budget_markdown(shape, Path("t.txt")).split("\n")


def problems(text: str) -> list[tuple[int, str]]:
    """(line, "cảnh báo: " or "" + message) of each problem of a text file."""
    found = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return [(p.position.line, ("cảnh báo: " if p.warning else "") + p.message) for p in found]


def found(text: str) -> list[tuple[int, int, Code]]:
    """(line, column, code) of each problem of a text file, in the order soat gives them."""
    problems = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return [(p.position.line, p.position.column, p.code) for p in problems]


def column(text: str, line: int, typed: str) -> int:
    """The column where `typed` first stands on a line of `text`."""
    return text.split("\n")[line - 1].index(typed) + 1


def figures(text: str) -> list[str]:
    """The amounts of a text file's one problem, as its message states them."""
    (problem,) = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return re.findall(r"\d[\d.,]* (?:triệu )?đồng", problem.message)


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
        "| - | Tập huấn | Phòng VHXH | 10,5 | 0 |  |",  # the dash kept: it prints as typed
        "| + | Lớp cơ bản | Phòng VHXH | 6,5 | 0 |  |",  # items of the "-" row
        "| + | Lớp nâng cao | Phòng VHXH | 4 | 0 |  |",
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
    # one message at its row, at its first wrong figure: 100 typed in (1), 90 its items, 90 its
    # formula
    assert table_problems(text) == [(codes.PARENT_SUM.code, 4, column(text, 4, "100"))]
    ((_, message),) = problems(text)
    assert "“?”" not in message  # no advice on baocao's own syntax ("?" rows) for a received one


def test_a_table_s_own_faults_are_notes_at_their_rows() -> None:
    text = (
        "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tKINH PHÍ\tGHI CHÚ\nA\tB\t(1)\tC\n"
        "1\tHạ tầng\t100\tx\n2\tNhân lực\n"
    )
    # its figures are not read: no other problem there (its 2 cells are 4 columns' in check);
    # the whole row is wrong, at column 1
    assert table_problems(text) == [(codes.RECEIVED_SHORT_ROW.code, 5, 1)]


def test_a_list_whose_items_do_not_add_up() -> None:
    whole = (
        "I. THU\n\nTổng thu: 13.646 triệu đồng, gồm:\n- Phân cấp: 3.146 triệu đồng;\n"
        "- Bổ sung: 10.600 triệu đồng.\n"
    )
    assert found(whole) == [(3, 11, codes.LIST_SUM)]  # at the amount the items do not make
    # the amount, what its items add up to, the gap
    assert figures(whole) == ["13.646 triệu đồng", "13.746 triệu đồng", "100 triệu đồng"]
    assert found(whole.replace("13.646", "13.746")) == []
    part = "Chi thường xuyên 500.000.000 đồng, trong đó:\n- tập huấn 200.000.000 đồng;\n"
    assert found(part + "- thuê máy 100.000.000 đồng.\n") == []  # a part: less is right
    over = part + "- thuê máy 400.000.000 đồng.\n"
    assert found(over) == [(1, 18, codes.LIST_PART_OVER)]
    assert figures(over) == ["500.000.000 đồng", "600.000.000 đồng", "100.000.000 đồng"]


def test_a_total_against_the_items_of_its_heading() -> None:
    items = (
        "I. NHIỆM VỤ\n\n1. Hạ tầng\n\n- Kinh phí: 100.000.000 đồng.\n\n"
        "2. Nhân lực\n\n- Kinh phí: 50.000.000 đồng.\n\n- Kinh phí: 20.000.000 đồng.\n\n"
    )
    assert found(items + "II. KINH PHÍ\n\nTổng kinh phí: 170.000.000 đồng.\n") == []
    assert found(items + "II. KINH PHÍ\n\nTổng kinh phí: 70.000.000 đồng.\n") == []  # mục 2
    short = items + "II. KINH PHÍ\n\nTổng kinh phí: 160.000.000 đồng.\n"
    assert found(short) == [(15, 16, codes.STATED_TOTAL)]  # a warning: the grouping is a guess
    assert codes.STATED_TOTAL.warning
    assert figures(short) == ["160.000.000 đồng", "170.000.000 đồng", "10.000.000 đồng"]
    flat = "Tổng kinh phí 1.400.000.000 đồng; hạ tầng số 750.000.000 đồng.\n"
    assert found(flat) == []  # outside any heading: nothing listed for sure


def test_an_item_named_twice_with_two_amounts() -> None:
    text = (
        "1. Hạ tầng\n\n- Nội dung: Mua máy in.\n\n+ Kinh phí đề xuất: 20.000.000 đồng.\n\n"
        "- Mua máy in: 25.000.000 đồng.\n\n"
        "Đơn vị: Triệu đồng\nTT\tNỘI DUNG\tKINH PHÍ\nA\tB\t(1)\n1\tMua máy in\t20\n"
    )
    # both at the second amount: against the prose's first (line 5), against the table's row
    assert found(text) == [(7, 15, codes.ITEM_TWO_AMOUNTS), (7, 15, codes.ITEM_ROW_AMOUNT)]
    assert found(text.replace("25.000.000", "20.000.000")) == []


def test_the_same_name_under_two_heads_is_two_items() -> None:
    text = (
        "1. Quốc phòng\n\n- Lực lượng vũ trang: 50.000.000 đồng;\n\n"
        "2. An ninh\n\n- Lực lượng vũ trang: 30.000.000 đồng;\n\n"
        "a) Trang phục\n\n- Lực lượng vũ trang: 10.000.000 đồng;\n\n"
        "- Lực lượng vũ trang: 12.000.000 đồng;\n"
    )
    # under "a)", twice with two amounts: named twice; under "1." and "2.": two items
    assert found(text) == [(13, column(text, 13, "12.000"), codes.ITEM_TWO_AMOUNTS)]


def test_a_name_with_its_code_is_one_item_under_any_head() -> None:
    text = (
        "1. Kế hoạch năm 2026\n\n- Nghiên cứu cơ bản (Khoản 101): 60.000.000 đồng;\n\n"
        "2. Dự toán năm 2027\n\n- Nghiên cứu cơ bản (Khoản 101): 70.000.000 đồng;\n\n"
        "- Nghiên cứu ứng dụng: 20.000.000 đồng;\n\n"
        "3. Kinh phí khác\n\n- Nghiên cứu ứng dụng: 25.000.000 đồng;\n"
    )
    # the code names one item wherever it is; a name without one is another item under another head
    assert found(text) == [(7, column(text, 7, "70.000"), codes.ITEM_TWO_AMOUNTS)]


def test_words_in_a_paragraph_of_their_own_and_in_a_table_cell() -> None:
    text = (
        "Quyết toán được duyệt: 91.481.640.145đ.\n\n"
        "(Bằng chữ: Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, "
        "một trăm bốn mươi lăm đồng)\n\n"
        "Nội dung\tSố tiền\nMáy in\t5.000.000 VNĐ (năm triệu đồng)\n"
        "Tivi\t7.000.000 VNĐ (sáu triệu đồng)\n"
    )
    # the words' check of the build path, with its code, at the column of the words in the cell
    assert found(text) == [(7, column(text, 7, "sáu"), codes.WORDS_MISMATCH)]


def test_the_unit_stated_in_the_header() -> None:
    lines = text_table(
        "TT\tNỘI DUNG (Đơn vị tính: triệu đồng)\tKINH PHÍ\n1\tMáy tính\t15\n", unit=None
    )
    assert lines[0] == "Đơn vị: triệu đồng {#bang-1}"


@pytest.mark.parametrize("markdown", [False, True])
def test_a_problem_is_at_its_figure_as_typed(markdown: bool) -> None:
    """The line of the figure in a paragraph of several lines, its column as typed: emphasis
    marks and tags before it counted, the same figure earlier on the line passed over."""
    text = (
        "I. KINH PHÍ\n\nChi a: 1.000.000 đồng.\n\nChi b: 2.000.000 đồng.\n\n"
        "Đã chi 6.000.000 đồng, tổng kinh phí *6.000.000 đồng*.\n\n"
        "Các khoản thu năm 2026\nlà **13.000.000 đồng**{#thu}, gồm:\n"
        "- thu a: 3.000.000 đồng;\n- thu b: 4.000.000 đồng.\n"
    )
    problems = check_received(read_text(Path("t.md"), text, markdown)).problems
    assert [(p.position.line, p.position.column, p.code) for p in problems] == [
        (7, 39, codes.STATED_TOTAL),  # the total's figure, the second 6.000.000 of its line
        (10, 6, codes.LIST_SUM),  # the second line of its paragraph, after "là **"
    ]


@pytest.mark.parametrize("markdown", [False, True])
def test_a_figure_is_at_its_place_whatever_stands_before_it(markdown: bool) -> None:
    """The column of a figure is where the reader found it: the same digits in a tag the reader
    dropped (Markdown) or kept (plain text) before it on its line do not move it."""
    text = (
        "Tổng thu {#tong-13} năm 2026 là **13 triệu đồng**, gồm:\n"
        "- thu a: 3 triệu đồng;\n- thu b: 4 triệu đồng.\n"
    )
    problems = check_received(read_text(Path("t.md"), text, markdown)).problems
    assert [(p.position.line, p.position.column, p.code) for p in problems] == [
        (1, column(text, 1, "13 triệu"), codes.LIST_SUM)
    ]
