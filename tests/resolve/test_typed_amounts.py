"""Every amount typed in prose is accounted for: cited, retyped (a warning), declared with its own
id, or reported — an error when it is a slip of a table's figure or a wrong labelled total."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import build_document, check_document
from baocao.resolve.accounted import slip
from baocao.tools.new import new_document
from budget_documents import problems_of
from placed import placed

TABLE = """\
Đơn vị: Đồng {#kp}

| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A | B | (1) |
| = | Tổng cộng {#tong} | |
| 1 | Mua sắm máy tính {#may-tinh} | 31.400.000 |
| 2 | Tập huấn chuyển đổi số {#tap-huan} | 24.800.000 |
"""


def decision(tmp_path: Path, article: str) -> Path:
    """A quyết định as `baocao new` makes it, filled in as an editor would: Điều 1 is
    `article`, the table of its cost follows."""
    folder = new_document(
        tmp_path / "content", "qd-kinh-phi", datetime.date(2027, 3, 1), "quyet-dinh"
    )
    first = folder / "00-quyet-dinh.md"
    text = first.read_text(encoding="utf-8").replace("…", "Thử Nghiệm")
    text = text.replace("Điều 1. Thử Nghiệm", f"Điều 1. {article}")
    first.write_text(text, encoding="utf-8")
    (folder / "01-kinh-phi.md").write_text(TABLE, encoding="utf-8")
    return folder


def line_and_column(folder: Path, needle: str) -> tuple[str, int, int]:
    for path in sorted(folder.glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if needle in line:
                return path.name, number, line.index(needle) + 1
    raise AssertionError(needle)


def test_a_total_whose_words_agree_but_the_table_does_not_is_an_error(tmp_path: Path) -> None:
    figure = "56.300.000 đồng"
    folder = decision(
        tmp_path,
        f"Phê duyệt kinh phí tập huấn và mua sắm là {figure} (Năm mươi sáu triệu, ba trăm nghìn "
        "đồng).",
    )
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, figure), "BC509")]
    assert "56.200.000" in problems[0].message and "01-kinh-phi.md:6" in problems[0].message


def test_an_item_retyped_one_digit_off_is_an_error_at_its_figure(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Kinh phí tập huấn là 24.900.000 đồng.")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "24.900.000"), "BC509")]
    assert "24.800.000" in problems[0].message and "01-kinh-phi.md:8" in problems[0].message


@pytest.mark.parametrize(
    "typed",
    [
        "24,8 triệu đồng",  # the table's figure, in another unit: retyped, a warning
        "24.800.000 đồng",
    ],
)
def test_the_table_figure_retyped_is_the_retyped_warning(tmp_path: Path, typed: str) -> None:
    folder = decision(tmp_path, f"Kinh phí tập huấn là {typed}.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, typed), "BC506")]


@pytest.mark.parametrize(
    "typed",
    [
        "2.480.000 đồng",  # a power of ten
        "24.080.000 đồng",  # under 1 %
        "28.400.000 đồng",  # two digits swapped
    ],
)
def test_slips_of_a_table_figure_are_errors(tmp_path: Path, typed: str) -> None:
    folder = decision(tmp_path, f"Kinh phí tập huấn là {typed}.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, typed), "BC509")]


def test_a_labelled_total_a_slip_away_from_the_table_total_is_an_error(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng kinh phí thực hiện là 65.200.000 đồng.")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "65.200.000"), "BC510")]
    assert "56.200.000 đồng" in problems[0].message


def test_a_labelled_total_far_from_the_table_s_may_be_another_total(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng kinh phí năm 2027 theo Kế hoạch là 200.000.000 đồng.")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "200.000.000"), "BC508")]
    assert "56.200.000" in problems[0].message  # the warning names the table's total


def test_a_labelled_total_that_is_an_item_is_an_error(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng dự toán là 31.400.000 đồng.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, "31.400.000"), "BC510")]


def test_an_amount_nothing_accounts_for_is_a_warning(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Hỗ trợ mỗi học viên 700.000 đồng (Bảy trăm nghìn đồng).")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "700.000"), "BC508")]
    assert problems[0].warning
    built = build_document(folder, tmp_path / "output")  # a warning: the document builds
    assert built.target.exists()


@pytest.mark.parametrize(
    "article",
    [
        'Phê duyệt kinh phí là {{ tien_chu("kp.tong") }}.',
        "Hỗ trợ mỗi học viên **700.000 đồng**{#muc-ho-tro} (Bảy trăm nghìn đồng).",
        "Không thu phí, 0 đồng.",
    ],
)
def test_cited_declared_or_zero_amounts_are_accounted_for(tmp_path: Path, article: str) -> None:
    assert check_document(decision(tmp_path, article)) == []


def test_a_total_is_checked_only_where_one_table_names_it(tmp_path: Path) -> None:
    second = TABLE.replace("{#kp}", "{#kp2}").replace("31.400.000", "1.400.000")
    problems = problems_of(tmp_path, TABLE, second, "Tổng kinh phí là 90.000.000 đồng.\n")
    assert [p.code for p in problems] == [codes.UNACCOUNTED_AMOUNT]


@pytest.mark.parametrize(
    ("typed", "meant", "slipped"),
    [
        ("24900000", "24800000", True),
        ("28400000", "24800000", True),
        ("248000000", "24800000", True),
        ("24850000", "24800000", True),
        ("56200000", "56200000", False),
        ("30000000", "24800000", False),
        ("84200000", "24800000", False),  # two digits moved, not neighbours
        ("-24900000", "24800000", False),
    ],
)
def test_slips(typed: str, meant: str, slipped: bool) -> None:
    assert (slip(Decimal(typed), Decimal(meant)) is not None) is slipped


def test_round_amounts_a_digit_apart_are_two_amounts_not_a_slip() -> None:
    assert slip(Decimal(700_000_000), Decimal(300_000_000)) is None
    assert slip(Decimal(70_000_000), Decimal(700_000_000)) is None
    assert slip(Decimal(301_000_000), Decimal(300_000_000)) is not None  # under 1 %


def test_a_labelled_total_may_name_its_year_before_the_figure(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng kinh phí năm 2027 là 56.200.500 đồng.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, "56.200.500"), "BC510")]


def test_a_label_in_another_sentence_is_not_the_figure_s(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng kinh phí theo bảng. Hỗ trợ mỗi người 700.000 đồng.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, "700.000"), "BC508")]


def test_a_figure_of_a_row_without_id_asks_for_one(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Kinh phí mua máy là 31.400.000 đồng.")
    table = folder / "01-kinh-phi.md"
    table.write_text(table.read_text(encoding="utf-8").replace(" {#may-tinh}", ""), "utf-8")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "31.400.000"), "BC508")]
    assert "01-kinh-phi.md:7" in problems[0].message  # the row to give an id


def test_a_labelled_total_after_a_colon(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Tổng kinh phí: 562.000.000 đồng.")
    assert placed(check_document(folder)) == [(*line_and_column(folder, "562.000.000"), "BC510")]


def test_the_guide_says_what_check_guarantees_and_what_it_cannot_know() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "huong-dan-bien-tap.md").read_text("utf-8")
    start = guide.index("### Những con số ký được")
    section = guide[start : guide.index("\n## ", start)]
    assert "**Những gì `make check` không thể biết**" in section
    for code in ["BC508", "BC509", "BC510", "BC511", "BC335", "BC336", "BC337", "BC610"]:
        assert code in section, code


def test_a_table_figure_rounded_in_a_larger_unit_is_retyped_not_a_slip(tmp_path: Path) -> None:
    folder = decision(tmp_path, "Kinh phí tập huấn khoảng 25 triệu đồng.")
    problems = check_document(folder)
    assert placed(problems) == [(*line_and_column(folder, "25 triệu"), "BC506")]
    assert '{{ tien("kp.tap-huan", "triệu", thap_phan=0) }}' in problems[0].message


def test_a_near_miss_of_another_column_names_its_column(tmp_path: Path) -> None:
    table = """\
Đơn vị: Đồng {#kp cot=1}

| TT | NỘI DUNG | NĂM 2026 | NĂM 2027 |
|----|----------|----------|----------|
| A | B | (1) | (2) |
| = | Tổng cộng {#tong} | | |
| 1 | Tập huấn {#tap-huan} | 24.800.000 | 31.400.000 |
"""
    problems = problems_of(tmp_path, table, "Năm 2027 tập huấn 31.500.000 đồng.\n")
    assert [p.code for p in problems] == [codes.NEAR_MISS]
    assert '{{ tien("kp.tap-huan(2)") }}' in problems[0].message
