"""Issue 12, the table half: rows whose figures are their own, one message per wrong figure, and
figures out of scale."""

from __future__ import annotations

from pathlib import Path

from budget_documents import at, figures, line_of, load, messages_at, problems_of, row, table_part

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
    assert messages_at(tmp_path, table_part(OWN, "ns"), "| #I |") == []


def test_a_hash_equals_row_keeps_its_figures_and_checks_them(tmp_path: Path) -> None:
    table, _ = load(OWN)
    assert figures(table, "Tổng thu ngân sách xã") == ["9.000", ""]  # its own: (2) stays empty
    (message,) = messages_at(tmp_path, table_part(OWN, "ns"), "| #=II |")
    assert message.startswith(
        "dòng II “Tổng thu ngân sách xã” không bằng tổng các mục con — cột (1): ghi 9.000, "
        "tổng các mục con là 8.500"
    )


def test_an_uncoded_hash_row_is_a_heading_among_the_items(tmp_path: Path) -> None:
    table, _ = load(OWN)
    heading, fee = row(table, "Trong đó:"), row(table, "Phí, lệ phí")
    assert (heading.own, heading.parent, fee.parent) == ("#", row(table, "Thu khác"), heading)
    assert figures(table, "Trong đó:") == ["", ""]  # its item's 100 is not its figure
    assert figures(table, "Thu khác") == ["4.500", "500"]  # nor its parent's
    bad = table_part(OWN.replace("| #I |", "| #= = |"), "ns")
    assert any("bỏ dấu “#”" in p.message for p in problems_of(tmp_path, bad))


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
    (problem,) = problems
    assert problem.position.line == line_of(body, "Nhà thi đấu")
    assert problem.message == (
        "dòng b “Nhà thi đấu”: sai công thức cột (1)=(2)+(3) — cột (1) ghi 70, nhưng (2)+(3) = "
        "80 + 10 = 90; cột (2) ghi 80 làm lệch II, 2 và 2.1 (các dòng đó ghi 280, 180, 110, nhưng "
        "tổng các mục con là 300, 200, 130)"
    )


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
    (problem,) = problems_of(tmp_path, body)
    assert problem.position.line == line_of(body, "Nhà thi đấu")
    assert problem.message == (
        "dòng “Nhà thi đấu”: cột (1) ghi 210 làm lệch II, 2 và 2.1 (các dòng đó ghi 300, 200, "
        "200, nhưng tổng các mục con là 310, 210, 210)"
    )


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
    (problem,) = problems_of(tmp_path, body)
    assert problem.position.line == line_of(body, "| 2.1 |")
    assert problem.message == (
        "dòng 2.1 “Thể thao” không bằng tổng các mục con — cột (1): ghi 120, tổng các mục con là "
        "130 (II và 2 cũng lệch đúng 10)"
    )


def test_two_errors_are_two_messages(tmp_path: Path) -> None:
    body = table_part(CHAIN.replace("| 2 | Văn hóa | 200 |", "| 2 | Văn hóa | 210 |"))
    body = body.replace("| 70 | 60 | 10 |", "| 70 | 80 | 10 |")
    problems = problems_of(tmp_path, body)
    # the leaf's (2), and the 210 typed for Văn hóa in (1): II agrees with 100 + 200 in (1)
    assert sorted(p.position.line for p in problems) == sorted(
        [line_of(body, "Nhà thi đấu"), line_of(body, "Văn hóa")]
    )
    (culture,) = at(problems, line_of(body, "Văn hóa"))
    assert culture.startswith("dòng 2 “Văn hóa” không bằng tổng các mục con — cột (1): ghi 210")


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
    (problem,) = problems_of(tmp_path, body)
    assert problem.warning
    assert problem.position.line == line_of(body, "Máy in")
    assert problem.message == (
        "dòng “Máy in”, cột (1): 960.000.000 triệu đồng (= 960.000.000.000.000 đồng) lớn bất "
        "thường — có lẽ gõ theo đồng: 960.000.000 đồng là 960 triệu đồng"
    )


def test_a_figure_a_thousand_times_its_siblings_is_a_warning(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="", parent="", printer="20.000.000", projector="30"))
    (problem,) = problems_of(tmp_path, body)
    assert (problem.warning, problem.position.line) == (True, line_of(body, "Máy in"))
    assert problem.message == (
        "dòng “Máy in”, cột (1): 20.000.000 lớn gấp hơn 1.000 lần các dòng cùng cấp — có lẽ gõ "
        "theo đồng: 20.000.000 đồng là 20 triệu đồng"
    )
    small = table_part(
        ITEMS.format(total="", parent="", printer="20", projector="30.000.000"), unit="Đồng"
    )
    small = small.replace("| 150 |", "| 150.000.000 |").replace("| 30 |\n", "| 30.000.000 |\n")
    (problem,) = problems_of(tmp_path / "b", small)
    assert problem.message.endswith(
        "20 nhỏ hơn 1.000.000 lần các dòng cùng cấp — có lẽ gõ theo triệu đồng: 20 triệu đồng là "
        "20.000.000 đồng"
    )


def test_a_slipped_unit_under_typed_totals_is_one_error_naming_the_slip(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="200", parent="170", printer="20.000.000", projector="0"))
    (problem,) = problems_of(tmp_path, body)
    assert not problem.warning
    assert problem.position.line == line_of(body, "Máy in")
    assert problem.message == (
        "dòng “Máy in”: cột (1) ghi 20.000.000 làm lệch dòng tổng cộng và 1 (các dòng đó ghi "
        "200, 170, nhưng tổng các mục con là 20.000.180, 20.000.150) — có lẽ gõ theo đồng: "
        "20.000.000 đồng là 20 triệu đồng"
    )


def test_figures_of_ordinary_spread_are_not_flagged(tmp_path: Path) -> None:
    body = table_part(ITEMS.format(total="", parent="", printer="20", projector="5.000"))
    assert problems_of(tmp_path, body) == []
