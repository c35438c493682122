"""The sample report's numbers as received: `check` finds each of its errors, at its line.

tests/fixtures/as-received transcribes sections IV and V's amounts and the whole appendix table
exactly as received, and declares only the relationships the document itself states: section V's
total is the sum of section IV's items (`{#tong-2027 = nv-*}`), every appendix parent is the sum of
its children, (1)=(2)+(3). The only line it adds is the one the 2026 allocation needs: "Chưa chi
tiết" with "?" cells, the editor's statement that 390 is a declared total of which only 60 is
itemised (without it the total row would also be flagged in columns (1)–(3)).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import check_document
from baocao.cli import main
from baocao.problems import Code, Problem
from budget_documents import cell
from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "as-received"
WORDS = codes.WORDS_MISMATCH  # amounts and their words
RELATION = codes.RELATION_MISMATCH  # a declared sum, {#id = a + b}
FORM = codes.UPWARD_WITHOUT_TO  # the form of the kind
# A figure of a message: two digits or more, not in an id ("tong-2027") nor a column's "(1)".
FIGURE = re.compile(r"(?<![\w.,-])\d[\d.,]*\d")


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return check_document(FIXTURE)


def line_of(file: str, needle: str) -> int:
    text = (FIXTURE / file).read_text(encoding="utf-8")
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def at(problems: list[Problem], file: str, needle: str) -> list[Problem]:
    line = line_of(file, needle)
    return [p for p in problems if p.position.path.name == file and p.position.line == line]


def figures(problem: Problem) -> set[str]:
    """The figures a problem states: what was typed, what it adds up to, the gap."""
    return set(FIGURE.findall(problem.message))


def test_words_that_say_two_hundred_for_three_hundred(problems: list[Problem]) -> None:
    (words,) = at(problems, "01-dinh-huong.md", "{#nv-phong-hop} (Hai trăm triệu đồng)")
    assert words.code == WORDS
    assert figures(words) == {"300.000.000", "200.000.000"}  # the figure, what its words say


def test_section_v_total_is_not_the_sum_of_section_iv(problems: list[Problem]) -> None:
    (total,) = at(problems, "02-kinh-phi.md", "{#tong-2027 = nv-*}")
    assert total.code == RELATION
    assert figures(total) == {"10.960.000.000", "11.170.000.000", "210.000.000"}


def found(problems: list[Problem], needle: str) -> list[Problem]:
    """The appendix's problems at the line holding `needle`, in order of column."""
    line = line_of("03-phu-luc.md", needle)
    here = [p for p in problems if p.position.path.name == "03-phu-luc.md"]
    return sorted((p for p in here if p.position.line == line), key=lambda p: p.position)


def at_cell(code: Code, needle: str, index: int) -> tuple[Code, int, int]:
    """A problem's code and place: cell `index` of the appendix line holding `needle`."""
    return (code, *cell((FIXTURE / "03-phu-luc.md").read_text(encoding="utf-8"), needle, index))


def places(problems: list[Problem]) -> list[tuple[Code, int, int]]:
    return [(p.code, p.position.line, p.position.column) for p in problems]


def test_khoan_121_is_not_the_sum_of_its_items(problems: list[Problem]) -> None:
    needle = "Chuyển đổi số (Khoản 121)"
    here = found(problems, needle)
    assert places(here) == [at_cell(codes.PARENT_SUM, needle, 2)]  # at its first wrong cell, (1)
    # its typed 0 over the 60 of its one item, which A's typed 0 repeats: one message, here;
    # and (4), 10.310 typed over 10.370
    assert all(figure in here[0].message for figure in ("60", "10.310", "10.370"))


def test_the_total_row_breaks_its_column_formula(problems: list[Problem]) -> None:
    needle = "Kinh phí KHCN, ĐMST&CDS (A+B)"
    here = found(problems, needle)
    assert places(here) == [
        at_cell(codes.FORMULA_MISMATCH, needle, 2),  # 390 typed, 73 + 390 = 463
        at_cell(codes.PARENT_SUM, needle, 5),  # and (4), 10.960 over A and B's 11.070
    ]
    assert "463" in here[0].message and "11.070" in here[1].message


def test_chi_thuong_xuyen_is_zero_over_non_zero_parts(problems: list[Problem]) -> None:
    needle = "Chi thường xuyên (I+II+III+IV)"
    here = found(problems, needle)
    assert places(here) == [at_cell(codes.PARENT_SUM, needle, 5)]  # (1): IV's 60, said at IV


def test_iii_b_is_not_the_sum_of_its_children(problems: list[Problem]) -> None:
    needle = "| b | Hoạt động ứng dụng công nghệ"
    here = found(problems, needle)
    assert places(here) == [at_cell(codes.PARENT_SUM, needle, 5)]
    assert "550" in here[0].message  # its typed 100 against its items' 550


def test_the_row_whose_code_swallowed_its_name(problems: list[Problem]) -> None:
    here = found(problems, "| e(các nội dung chi khác")
    assert places(here) == [(codes.ROW_WIDTH, line_of("03-phu-luc.md", "| e(các"), 1)]


def test_nothing_else_is_flagged(problems: list[Problem]) -> None:
    flagged = {(p.position.path.name, p.position.line) for p in problems}
    assert [p.code for p in problems if p.warning] == [FORM]
    expected = {
        ("01-dinh-huong.md", line_of("01-dinh-huong.md", "{#nv-phong-hop}")),
        ("02-kinh-phi.md", line_of("02-kinh-phi.md", "{#tong-2027")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "(A+B) {#tong}")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "(I+II+III+IV)")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "| e(các")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "Đổi mới sáng tạo (Khoản 111)")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "| b | Hoạt động ứng dụng")),
        ("03-phu-luc.md", line_of("03-phu-luc.md", "(Khoản 121)")),
        ("00-mo-dau.md", line_of("00-mo-dau.md", "(b/c)")),  # sent upward, no Kính gửi
    }
    assert flagged == expected
    assert [p.position.path.name for p in problems if p.warning] == ["00-mo-dau.md"]


@pytest.mark.parametrize(
    "needle",
    [
        "| b2 | Nhiệm vụ mở mới |  |  |  | 9.710 |",  # IV.b2 = its ten items
        "Khoa học và công nghệ khác (Khoản 108)",  # 150 = 100 + 50
        "| c | Các hoạt động chuyển đổi số khác",  # 600 = 600
        "| b.3 | Phát triển quyền sở hữu trí tuệ",  # 50 over empty sub-rows
        "(Một tỷ đồng)",
        "(Bằng chữ: Mười tỷ, chín trăm sáu mươi triệu đồng)",  # words agree with 10.960
    ],
)
def test_consistent_rows_are_not_flagged(problems: list[Problem], needle: str) -> None:
    files = [p.name for p in sorted(FIXTURE.glob("0*.md"))]
    file = next(f for f in files if needle in (FIXTURE / f).read_text(encoding="utf-8"))
    others = [p for p in at(problems, file, needle) if "tong-2027" not in p.message]
    assert others == []  # (section V's line is flagged for its total, not for its words)


def test_baocao_check_on_the_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(FIXTURE.parent), "as-received"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 10
    assert all(":" in line.split(" ", 1)[0] for line in out.splitlines())  # file:line: …
    assert "Có 9 lỗi và 1 cảnh báo." in err  # the warning: sent upward without Kính gửi


def test_fixture_numbers_are_the_seeds(problems: list[Problem]) -> None:
    """The appendix rows carry the seed's numbers, cell for cell."""
    seed = Path(__file__).parent / "fixtures" / "received" / "bao-cao-nhan-duoc.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("TT\t"))
    seed_numbers = [line.split("\t")[2:] for line in lines[start + 3 :] if line.strip()]
    table = (FIXTURE / "03-phu-luc.md").read_text(encoding="utf-8").split("\n")
    rows = [line for line in table if line.startswith("| ")][3:]
    ours = [[c.strip() for c in row.strip("|").split("|")][2:] for row in rows]
    ours = [cells for cells, row in zip(ours, rows, strict=True) if "Chưa chi tiết" not in row]
    assert len(ours) == len(seed_numbers)
    for mine, theirs in zip(ours, seed_numbers, strict=True):
        assert [c for c in mine if c] == [c for c in theirs if c]
