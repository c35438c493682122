"""The budget model: TT codes and the hierarchy, computed totals, and what disagrees with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.money.amount import Amount, Unit
from baocao.resolve.budget import code_rank
from baocao.tools.bench import generated_table
from budget_documents import HEADER, SAMPLE_SHAPE, at, figures, line_of, load, problems_of, row


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("A", 1),
        ("B", 1),
        ("C", 1),  # a letter, not the Roman hundred
        ("I.", 2),
        ("IV", 2),
        ("XII", 2),
        ("1", 3),
        ("6.1", 3),
        ("a", 4),
        ("đ", 4),
        ("a)", 4),
        ("b1", 4),
        ("b.1", 4),
        ("b.1.1", 4),
    ],
)
def test_code_kinds(code: str, kind: int) -> None:
    assert code_rank(code)[0] == kind


def test_deeper_codes_rank_below_shallower_ones_of_their_kind() -> None:
    assert code_rank("1") < code_rank("6.1") < code_rank("a") < code_rank("b1") < code_rank("b.1.1")
    assert code_rank("b1") == code_rank("b.1")


@pytest.mark.parametrize("code", ["e(các nội dung…)", "1a", "ab", "-", "I.1"])
def test_what_is_not_a_code(code: str) -> None:
    assert code_rank(code) is None


def test_hierarchy_follows_the_codes_and_the_markers() -> None:
    table, problems = load(SAMPLE_SHAPE)
    assert problems == []
    parent = {r.name: (r.parent.name if r.parent else None) for r in table.rows}
    assert parent["Chi thường xuyên"] == "Tổng cộng (A+B)"
    assert parent["Đầu tư"] == "Tổng cộng (A+B)"
    assert parent["Khoa học"] == "Chi thường xuyên"
    assert parent["Chi hỗ trợ"] == "Khoản 101"
    assert parent["Chuyển tiếp"] in ("Chi nhiệm vụ", "Ứng dụng", "Khác")
    assert parent["Nhiệm vụ X"] == "Mở mới"  # "+": the coded row above
    assert parent["Nhiệm vụ Y"] == "Mở mới"
    assert parent["Phần việc của Y"] == "Nhiệm vụ Y"  # "++": the "+" row above
    assert parent["Chuyển đổi số"] == "Chi thường xuyên"  # IV after b2: back up to A
    assert parent["Ứng dụng"] == "Chuyển đổi số"
    assert parent["Khác"] == "Chuyển đổi số"  # c closes b.1 and b.1.1
    assert parent["Chuyên trách"] == "Chuyển đổi số"  # "+IV", after c1
    assert parent["Sau chuyên trách"] == "Chuyển đổi số"  # "+" rows after "+IV" stay with IV


def test_parents_are_the_sums_of_their_children_up_to_the_total() -> None:
    table, _ = load(SAMPLE_SHAPE)
    assert figures(table, "Mở mới")[3] == "15"
    assert figures(table, "Khoản 101")[3] == "21"  # 5 + 1 + 15
    assert figures(table, "Chuyển đổi số")[3] == "63"  # 2 + 60 + 1
    assert figures(table, "Chi thường xuyên")[3] == "84"
    assert figures(table, "Tổng cộng (A+B)")[3] == "184"
    assert figures(table, "Phần việc của Y")[3] == ""  # an empty cell stays empty


def test_a_total_row_may_stand_last() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2]
        + "| A | Một | | | | 1 |\n| B | Hai | | | | 2 |\n| = | Tổng cộng | | | | 3 |\n"
    )
    assert problems == []
    assert figures(table, "Tổng cộng")[3] == "3"


def test_a_formula_column_is_computed_where_left_empty() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2] + "| = | Tổng | | | | |\n| A | Một | | 30 | 70 | |\n"
    )
    assert problems == []
    assert figures(table, "Một")[:3] == ["100", "30", "70"]
    assert figures(table, "Tổng")[:3] == ["100", "30", "70"]


def test_typed_parents_that_agree_are_not_flagged() -> None:
    _, problems = load(
        HEADER.split("\n", 2)[2]
        + "| 8 | Khoản 108 | 0 | 0 | 0 | 150 |\n| a | Chi thường xuyên | | | | |\n"
        + "| d | Tiêu chuẩn | | | | 100 |\n| đ | Sở hữu trí tuệ | | | | 50 |\n"
    )
    assert problems == []


def test_a_parent_whose_children_are_all_empty_keeps_its_own_value() -> None:
    table, problems = load(
        HEADER.split("\n", 2)[2]
        + "| b | Nhiệm vụ | | | | |\n| b.3 | Sở hữu trí tuệ | | | | 50 |\n"
        + "| b.3.1 | Chuyển tiếp | | | | |\n| b.3.2 | Mở mới | | | | |\n"
    )
    assert problems == []
    assert figures(table, "Nhiệm vụ")[3] == "50"


def test_parent_not_the_sum_of_its_children(tmp_path: Path) -> None:
    body = HEADER + "| IV | Chuyển đổi số | | | | 10.310 |\n| a | Một | | | | 10.000 |\n"
    body += "| b | Hai | | | | 370 |\n"
    problems = problems_of(tmp_path, body)
    (message,) = at(problems, line_of(body, "Chuyển đổi số"))
    assert "dòng IV “Chuyển đổi số”" in message
    assert "cột (4): ghi 10.310, tổng các mục con là 10.370" in message
    assert len(problems) == 1


def test_all_wrong_columns_of_a_row_in_one_message(tmp_path: Path) -> None:
    body = HEADER + "| A | Chi | 0 | 0 | 0 | 0 |\n| + | Việc | 60 | 0 | 60 | 60 |\n"
    (message,) = [p.message for p in problems_of(tmp_path, body)]
    assert "cột (1): ghi 0, tổng các mục con là 60" in message
    assert "cột (3): ghi 0, tổng các mục con là 60" in message
    assert "cột (4): ghi 0, tổng các mục con là 60" in message


def test_broken_column_formula(tmp_path: Path) -> None:
    body = HEADER + "| = | Tổng | 390 | 73 | 390 | |\n| + | Chưa chi tiết | ? | ? | ? | |\n"
    problems = problems_of(tmp_path, body)
    (message,) = at(problems, line_of(body, "| = |"))
    assert "sai công thức cột (1)=(2)+(3)" in message
    assert "cột (1) ghi 390, nhưng (2)+(3) = 73 + 390 = 463" in message
    assert len(problems) == 1  # the remainder row is not blamed for its parent's formula


def test_marker_naming_a_row_not_on_the_branch(tmp_path: Path) -> None:
    body = HEADER + "| I. | Một | | | | |\n| +IV | Mục | | | | 1 |\n"
    (message,) = at(problems_of(tmp_path, body), line_of(body, "| +IV |"))
    assert "không thấy dòng mã “IV” ở nhánh phía trên (các dòng đang mở: I.)" in message


def test_remainder_problems(tmp_path: Path) -> None:
    body = HEADER + (
        "| A | Không ghi tổng | | | | |\n| + | Phần còn lại | | | | ? |\n"
        "| B | Ghi tổng nhỏ | | | | 10 |\n| + | Mục | | | | 30 |\n"
        "| + | Phần còn lại B | | | | ? |\n"
    )
    problems = problems_of(tmp_path, body)
    assert "ô “?” là phần còn lại của số tổng ghi ở dòng A “Không ghi tổng”" in "".join(
        at(problems, line_of(body, "| + | Phần còn lại |"))
    )
    assert "các mục con của dòng B “Ghi tổng nhỏ” cộng lại 30, vượt số tổng ghi 10" in "".join(
        at(problems, line_of(body, "Phần còn lại B"))
    )


def test_big_table_totals_are_exact() -> None:
    table, problems = load(generated_table(2000).split("\n", 2)[2])
    assert problems == []
    leaves = sum(1 for r in table.rows if r.code in ("a", "b", "c", "d"))
    total = row(table, "Tổng cộng")
    assert total.values[4] == Amount.of(12345 * leaves, Unit.TRIEU)
    assert total.values[1] == Amount.of(3500 * leaves, Unit.TRIEU)
