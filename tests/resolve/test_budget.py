"""The budget model: TT codes and the hierarchy, computed totals, and what disagrees with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao import codes
from baocao.money.amount import Amount, Unit
from baocao.parse.table import code_rank
from baocao.tools.bench import generated_table
from budget_documents import (
    HEADER,
    SAMPLE_SHAPE,
    figures,
    load,
    place,
    places,
    problems_of,
    row,
)

SUM = codes.PARENT_SUM.code


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
    assert places(problems) == [place(SUM, body, "Chuyển đổi số", 5)]  # at its (4) cell
    (problem,) = problems
    assert "10.310" in problem.message and "10.370" in problem.message  # typed, and the sum


def test_all_wrong_columns_of_a_row_in_one_message(tmp_path: Path) -> None:
    body = HEADER + "| A | Chi | 0 | 0 | 0 | 0 |\n| + | Việc | 60 | 0 | 60 | 60 |\n"
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(SUM, body, "| A | Chi", 2)]  # at the first wrong column
    (problem,) = problems
    assert all(f"({n})" in problem.message for n in (1, 3, 4))
    assert "(2)" not in problem.message  # 0 is the sum of its items' 0


def test_broken_column_formula(tmp_path: Path) -> None:
    body = HEADER + "| = | Tổng | 390 | 73 | 390 | |\n| + | Chưa chi tiết | ? | ? | ? | |\n"
    problems = problems_of(tmp_path, body)
    # the remainder row is not blamed for its parent's formula
    assert places(problems) == [place(codes.FORMULA_MISMATCH.code, body, "| = |", 2)]
    assert "463" in problems[0].message  # what (2)+(3) gives


def test_marker_naming_a_row_not_on_the_branch(tmp_path: Path) -> None:
    body = HEADER + "| I. | Một | | | | |\n| +IV | Mục | | | | 1 |\n"
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.MARKER_PARENT.code, body, "| +IV |", 0)]


def test_an_item_of_an_item_needs_an_item_above(tmp_path: Path) -> None:
    body = HEADER + "| I. | Một | | | | |\n| ++ | Mục | | | | 1 |\n"
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.MARKER_PARENT.code, body, "| ++ |", 0)]


def test_a_second_total_row(tmp_path: Path) -> None:
    body = HEADER + "| = | Tổng | | | | |\n| A | Một | | | | 1 |\n| = | Cộng | | | | |\n"
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.TWO_TOTALS.code, body, "Cộng", 0)]


def test_remainder_problems(tmp_path: Path) -> None:
    body = HEADER + (
        "| A | Không ghi tổng | | | | |\n| + | Phần còn lại | | | | ? |\n"
        "| B | Ghi tổng nhỏ | | | | 10 |\n| + | Mục | | | | 30 |\n"
        "| + | Phần còn lại B | | | | ? |\n"
        "| C | Hai phần còn lại | | | | 10 |\n| + | Một | | | | ? |\n| + | Hai | | | | ? |\n"
    )
    assert places(problems_of(tmp_path, body)) == [
        place(codes.REMAINDER_WITHOUT_TOTAL.code, body, "| + | Phần còn lại |", 5),
        place(codes.REMAINDER_NEGATIVE.code, body, "Phần còn lại B", 5),
        place(codes.REMAINDER_PLACE.code, body, "| + | Hai |", 5),  # one "?" for each total
    ]


def test_a_remainder_only_where_a_rest_can_be(tmp_path: Path) -> None:
    body = HEADER.replace("(1)=(2)+(3)", "(1)=(2)/(3)").replace("TỔNG CỘNG", "Tỷ lệ (%)")
    body += "| = | Tổng | | | | ? |\n| A | Một | ? | | | 5 |\n"
    assert places(problems_of(tmp_path, body)) == [
        place(codes.REMAINDER_PLACE.code, body, "| = |", 5),  # the total is no item's rest
        place(codes.REMAINDER_PLACE.code, body, "| A | Một", 2),  # a ratio is never summed
    ]


def test_big_table_totals_are_exact() -> None:
    table, problems = load(generated_table(2000).split("\n", 2)[2])
    assert problems == []
    leaves = sum(1 for r in table.rows if r.code in ("a", "b", "c", "d"))
    total = row(table, "Tổng cộng")
    assert total.values[4] == Amount.of(12345 * leaves, Unit.TRIEU)
    assert total.values[1] == Amount.of(3500 * leaves, Unit.TRIEU)
