"""Issue 12, the table half: rows whose figures are their own, one message per wrong figure, and
figures out of scale."""

from __future__ import annotations

from pathlib import Path

from baocao import codes
from budget_documents import (
    figures,
    line_of,
    load,
    place,
    places,
    problems_of,
    row,
    table_part,
)

# Rows whose figures are their own ----------------------------------------------------------

OWN = """\
| TT | NỘI DUNG | DỰ TOÁN | THỰC HIỆN |
|---|---|---|---|
| A | B | (1) | (2) |
| #I | Tổng số thu, chi, nộp ngân sách | 12.500 | 11.800 |
| 1 | Số thu | 5.000 | 4.700 |
| 2 | Số chi | 6.000 | 5.900 |
| 3 | Số nộp | 1.500 | 1.200 |
| #=II | Tổng thu ngân sách xã | 9.000 | |
| 1 | Thu thuế | 4.000 | 3.000 |
| 2 | Thu khác | 4.500 | 500 |
| # | Trong đó: | | |
| ++ | Phí, lệ phí | 100 | |
"""


def test_a_hash_row_keeps_its_own_figures_and_is_not_checked(tmp_path: Path) -> None:
    """Thông tư 61's "Tổng số thu, chi, nộp" is not thu + chi + nộp."""
    table, _ = load(OWN)
    assert figures(table, "Tổng số thu, chi, nộp ngân sách") == ["12.500", "11.800"]
    assert row(table, "Số chi").parent is row(table, "Tổng số thu, chi, nộp ngân sách")
    assert row(table, "Tổng số thu, chi, nộp ngân sách").code == "I"  # "#" is not printed
    body = table_part(OWN, "ns")
    lines = [line for _, line, _ in places(problems_of(tmp_path, body))]
    assert lines == [line_of(body, "| #=II |")]  # "#=II" is checked against its items, "#I" not


def test_a_hash_equals_row_keeps_its_figures_and_checks_them(tmp_path: Path) -> None:
    table, _ = load(OWN)
    assert figures(table, "Tổng thu ngân sách xã") == ["9.000", ""]  # its own: (2) stays empty
    body = table_part(OWN, "ns")
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.PARENT_SUM.code, body, "| #=II |", 2)]
    assert "8.500" in problems[0].message  # 4.000 + 4.500, not its typed 9.000


def test_an_uncoded_hash_row_is_a_heading_among_the_items(tmp_path: Path) -> None:
    table, _ = load(OWN)
    heading, fee = row(table, "Trong đó:"), row(table, "Phí, lệ phí")
    assert (heading.head.own, heading.parent, fee.parent) == ("#", row(table, "Thu khác"), heading)
    assert figures(table, "Trong đó:") == ["", ""]  # its item's 100 is not its figure
    assert figures(table, "Thu khác") == ["4.500", "500"]  # nor its parent's
    bad = table_part(OWN.replace("| #I |", "| #= = |"), "ns")
    assert place(codes.OWN_TOTAL.code, bad, "| #= = |", 0) in places(problems_of(tmp_path, bad))


# One message per error ----------------------------------------------------------------------

CHAIN = """\
| TT | NỘI DUNG | TỔNG | NGÂN SÁCH | KHÁC |
|---|---|---|---|---|
| A | B | (1)=(2)+(3) | (2) | (3) |
| II | Chi thường xuyên | 300 | 280 | 20 |
| 1 | Giáo dục | 100 | 100 | 0 |
| 2 | Văn hóa | 200 | 180 | 20 |
| 2.1 | Thể thao | 120 | 110 | 10 |
| a | Sân bóng | 50 | 50 | 0 |
| b | Nhà thi đấu | 70 | 60 | 10 |
| 2.2 | Thư viện | 80 | 70 | 10 |
"""


def test_a_consistent_chain_of_typed_totals_checks_clean() -> None:
    _, problems = load(CHAIN)
    assert problems == []


def test_a_wrong_leaf_is_one_message_at_its_line_naming_the_rows_it_breaks(tmp_path: Path) -> None:
    body = table_part(CHAIN.replace("| 70 | 60 | 10 |", "| 70 | 80 | 10 |"))
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.WRONG_FIGURE.code, body, "Nhà thi đấu", 3)]
    message = problems[0].message  # its formula, and the totals it puts out: 280, 180 and 110
    assert all(figure in message for figure in ("90", "280", "180", "110", "300", "200", "130"))


def test_the_only_figure_under_agreeing_totals_is_the_one_blamed(tmp_path: Path) -> None:
    body = table_part("""\
| TT | NỘI DUNG | KINH PHÍ |
|---|---|---|
| A | B | (1) |
| II | Chi thường xuyên | 300 |
| 1 | Giáo dục | 100 |
| 2 | Văn hóa | 200 |
| 2.1 | Thể thao | 200 |
| + | Nhà thi đấu | 210 |
""")
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.WRONG_FIGURE.code, body, "Nhà thi đấu", 2)]
    assert all(figure in problems[0].message for figure in ("300", "310", "210"))


def test_when_the_wrong_figure_cannot_be_told_one_message_at_the_deepest_total(
    tmp_path: Path,
) -> None:
    body = table_part("""\
| TT | NỘI DUNG | KINH PHÍ |
|---|---|---|
| A | B | (1) |
| II | Chi thường xuyên | 300 |
| 1 | Giáo dục | 100 |
| 2 | Văn hóa | 200 |
| 2.1 | Thể thao | 120 |
| a | Sân bóng | 50 |
| b | Nhà thi đấu | 80 |
| 2.2 | Thư viện | 80 |
""")
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.PARENT_SUM.code, body, "| 2.1 |", 2)]
    assert all(figure in problems[0].message for figure in ("120", "130", "II", "10"))


def test_two_errors_are_two_messages(tmp_path: Path) -> None:
    body = table_part(CHAIN.replace("| 2 | Văn hóa | 200 |", "| 2 | Văn hóa | 210 |"))
    body = body.replace("| 70 | 60 | 10 |", "| 70 | 80 | 10 |")
    # the 210 typed for Văn hóa in (1): II agrees with 100 + 200 in (1); and the leaf's (2)
    assert places(problems_of(tmp_path, body)) == [
        place(codes.PARENT_SUM.code, body, "Văn hóa", 2),
        place(codes.WRONG_FIGURE.code, body, "Nhà thi đấu", 3),
    ]


# Magnitudes ---------------------------------------------------------------------------------

ITEMS = """\
| TT | NỘI DUNG | KINH PHÍ |
|---|---|---|
| A | B | (1) |
| = | Tổng cộng | {total} |
| 1 | Mua sắm thiết bị | {parent} |
| + | Máy tính | 150 |
| + | Máy in | {printer} |
| + | Máy chiếu | {projector} |
| 2 | Tập huấn | 30 |
"""


def test_money_that_reads_like_dong_in_a_trieu_table_is_a_warning(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="", parent="", printer="960.000.000", projector=""))
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.FIGURE_SCALE.code, body, "Máy in", 2)]
    assert problems[0].warning
    assert "960 triệu đồng" in problems[0].message  # what it is, typed in đồng


def test_a_figure_a_thousand_times_its_siblings_is_a_warning(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="", parent="", printer="20.000.000", projector="30"))
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.FIGURE_SCALE.code, body, "Máy in", 2)]
    assert "20 triệu đồng" in problems[0].message  # what it is, typed in đồng
    small = table_part(
        ITEMS.format(total="", parent="", printer="20", projector="30.000.000"), unit="Đồng"
    )
    small = small.replace("| 150 |", "| 150.000.000 |").replace("| 30 |\n", "| 30.000.000 |\n")
    problems = problems_of(tmp_path / "b", small)
    assert places(problems) == [place(codes.FIGURE_SCALE.code, small, "Máy in", 2)]
    assert "20.000.000 đồng" in problems[0].message  # what it is, typed in triệu đồng


def test_a_slipped_unit_under_typed_totals_is_one_error_naming_the_slip(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="200", parent="170", printer="20.000.000", projector="0"))
    problems = problems_of(tmp_path, body)
    assert places(problems) == [place(codes.WRONG_FIGURE.code, body, "Máy in", 2)]
    assert not problems[0].warning
    assert all(f in problems[0].message for f in ("20.000.180", "20.000.150", "20 triệu đồng"))


def test_figures_of_ordinary_spread_are_not_flagged(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="", parent="", printer="20", projector="5.000"))
    assert problems_of(tmp_path, body) == []
