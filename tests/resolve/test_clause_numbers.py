"""Khoản "1.", "2." and điểm "a)", "b)" numbered in sequence inside each article.

Each test copies real documents of tests/fixtures (a quyết định, a nghị quyết with the kế hoạch it
cites, the nghị quyết of a budget) into tmp_path, breaks or bends their numbering, and reads what
check reports: the code, and file:line:column of the number. Nothing here reads content/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import check_document
from baocao.problems import Problem
from budget_documents import line_of
from conftest import ROOT

KINDS = ROOT / "tests" / "fixtures" / "kinds"
SHAPES = ROOT / "tests" / "fixtures" / "shapes"
DECISION = "00-quyet-dinh.md"
RESOLUTION = "00-nghi-quyet.md"


def copy(tmp_path: Path, fixtures: Path, name: str, *cited: str) -> Path:
    """A copy of the document `name` of `fixtures` in tmp_path/content, with the documents it
    cites (from tests/fixtures/kinds) beside it; its folder."""
    content = tmp_path / "content"
    for fixture in (fixtures / name, *(KINDS / c for c in cited)):
        shutil.copytree(fixture, content / fixture.name)
    return content / name


def edit(folder: Path, file: str, old: str, new: str) -> str:
    """`old`, found once in the part `file`, replaced by `new`; the part's new text."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def numbering(problems: list[Problem]) -> list[tuple[str, int, int, str]]:
    """(file, line, column, message) of every problem, each a khoản or điểm error: the
    documents are otherwise clean, and an edit must not break anything else."""
    assert all(p.code == codes.CLAUSE_NUMBER for p in problems), problems
    return [(p.position.path.name, p.position.line, p.position.column, p.message) for p in problems]


def at(text: str, needle: str) -> tuple[int, int]:
    """The line and column of the first `needle` in `text`."""
    line = line_of(text, needle)
    return line, text.split("\n")[line - 1].index(needle) + 1


@pytest.mark.parametrize(
    ("fixtures", "name", "cited"),
    [
        (KINDS, "quyet-dinh", ()),
        (KINDS, "quyet-dinh-phu-luc", ()),
        (KINDS, "nghi-quyet", ("ke-hoach",)),
        (KINDS, "nghi-quyet-lien-tich", ("ke-hoach",)),
        (SHAPES, "nghi-quyet-du-toan", ()),
        (SHAPES, "quyet-dinh-quyet-toan", ()),
    ],
)
def test_the_fixtures_number_their_khoan_and_diem_in_sequence(
    tmp_path: Path, fixtures: Path, name: str, cited: tuple[str, ...]
) -> None:
    # Between them: articles without khoản, khoản without điểm, điểm "a)" and "a.", "-" and "+"
    # items among the điểm, paragraphs between khoản, an appendix.
    assert check_document(copy(tmp_path, fixtures, name, *cited)) == []


# ---------------------------------------------------------------------------------------------
# Khoản


@pytest.mark.parametrize(
    ("fixtures", "name", "cited", "number", "typed", "message"),
    [  # a skipped khoản, a repeated one; a skipped điểm, a repeated one
        (SHAPES, "nghi-quyet-du-toan", (), "3. Cân đối", "4.",
         "khoản “4.” đánh số không liền: sau khoản “2.” là khoản “3.”"),
        (SHAPES, "nghi-quyet-du-toan", (), "3. Cân đối", "2.",
         "khoản “2.” trùng số với khoản trước: sửa thành “3.”"),
        (KINDS, "nghi-quyet", ("ke-hoach",), "c) Nhân lực", "d)",
         "điểm “d)” đánh số không liền: sau điểm “b)” là điểm “c)”"),
        (KINDS, "nghi-quyet", ("ke-hoach",), "c) Nhân lực", "b)",
         "điểm “b)” trùng với điểm trước: sửa thành “c)”"),
    ],
)  # fmt: skip
def test_a_skipped_or_repeated_number_is_reported_at_its_line(
    tmp_path: Path,
    fixtures: Path,
    name: str,
    cited: tuple[str, ...],
    number: str,
    typed: str,
    message: str,
) -> None:
    folder = copy(tmp_path, fixtures, name, *cited)
    words = number.split(" ", 1)[1]
    text = edit(folder, RESOLUTION, number, f"{typed} {words}")
    assert numbering(check_document(folder)) == [
        (RESOLUTION, *at(text, f"{typed} {words}"), message)
    ]


def test_a_numbered_list_nested_in_a_khoan_is_not_taken_for_khoan(tmp_path: Path) -> None:
    folder = copy(tmp_path, SHAPES, "nghi-quyet-du-toan")
    end = "ngân sách xã cân đối thu, chi.\n"  # khoản 3's last line; under it, a list of its own
    edit(folder, RESOLUTION, end, end + "   1. Thu nội địa;\n   2. Thu khác.\n")
    assert numbering(check_document(folder)) == []


def test_an_indented_khoan_is_at_its_number(tmp_path: Path) -> None:
    folder = copy(tmp_path, SHAPES, "nghi-quyet-du-toan")
    text = edit(folder, RESOLUTION, "3. Cân đối ngân sách", " 4. Cân đối ngân sách")
    ((file, line, column, _),) = numbering(check_document(folder))
    assert (file, line, column) == (RESOLUTION, *at(text, "4. Cân đối"))
    assert column == 2


def test_check_prints_the_problem_as_file_line_message(tmp_path: Path) -> None:
    folder = copy(tmp_path, SHAPES, "nghi-quyet-du-toan")
    text = edit(folder, RESOLUTION, "3. Cân đối ngân sách", "4. Cân đối ngân sách")
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    line = line_of(text, "4. Cân đối")
    assert result.stdout == (
        f"content/nghi-quyet-du-toan/{RESOLUTION}:{line}:1: BC605 "
        "khoản “4.” đánh số không liền: sau khoản “2.” là khoản “3.”\n"
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("1.", "2.", []),
        ("4.", "5.", ["khoản “4.” đánh số không liền: khoản đầu tiên của Điều 2 là “1.”"]),
    ],
)
def test_each_article_numbers_its_khoan_from_1(
    tmp_path: Path, first: str, second: str, expected: list[str]
) -> None:
    # Điều 1 ends at khoản 3; Điều 2 starts again at 1.
    folder = copy(tmp_path, KINDS, "nghi-quyet", "ke-hoach")
    text = edit(
        folder,
        RESOLUTION,
        "báo cáo kết quả thực hiện tại kỳ họp cuối năm 2027.\n",
        "báo cáo kết quả thực hiện tại kỳ họp cuối năm 2027, cụ thể:\n\n"
        f"{first} Công khai dự toán trên Cổng thông tin điện tử xã.\n\n"
        f"{second} Báo cáo tiến độ giải ngân hằng quý.\n",
    )
    found = numbering(check_document(folder))
    assert found == [(RESOLUTION, *at(text, f"{first} Công khai"), m) for m in expected]


def test_khoan_of_an_attached_quy_che_are_counted_in_its_own_articles(tmp_path: Path) -> None:
    folder = copy(tmp_path, KINDS, "quyet-dinh")
    text = (
        "# QUY CHẾ\n\n## Hoạt động của Tổ công tác chuyển đổi số xã\n\n"
        "# Chương I. QUY ĐỊNH CHUNG\n\n"
        "## Điều 1. Phạm vi điều chỉnh\n\n"
        "1. Quy chế này quy định nguyên tắc làm việc của Tổ công tác.\n\n"
        "2. Quy chế áp dụng với các thành viên Tổ công tác.\n\n"
        "## Điều 2. Chế độ họp\n\n"
        "2. Tổ công tác họp thường kỳ mỗi quý một lần.\n"
    )
    (folder / "10-quy-che.md").write_text(text, encoding="utf-8")
    assert numbering(check_document(folder)) == [
        (
            "10-quy-che.md",
            *at(text, "2. Tổ công tác họp"),
            "khoản “2.” đánh số không liền: khoản đầu tiên của Điều 2 là “1.”",
        )
    ]


# ---------------------------------------------------------------------------------------------
# Điểm

POINTS = 'c) Nhân lực số: {{ tien("ke-hoach:kp.nhan-luc") }}.'


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ("d đ e g h", None),  # the Vietnamese alphabet
        ("d e f g h", None),  # the Latin alphabet, as many lists are typed
        ("d e h i", ("h", "điểm “h)” đánh số không liền: sau điểm “e)” là điểm “g)”")),
        ("đ e g h i", ("đ", "điểm “đ)” đánh số không liền: sau điểm “c)” là điểm “d)”")),
    ],
)
def test_diem_run_in_vietnamese_or_in_latin_order(
    tmp_path: Path, letters: str, expected: tuple[str, str] | None
) -> None:
    # The nghị quyết's khoản 3 has điểm "a)", "b)", "c)"; more are added after "c)".
    folder = copy(tmp_path, KINDS, "nghi-quyet", "ke-hoach")
    more = "".join(f"\n\n{letter}) Nội dung chi thứ {letter}." for letter in letters.split())
    text = edit(folder, RESOLUTION, POINTS, POINTS.removesuffix(".") + ";" + more)
    problems = check_document(folder)
    if expected is None:
        assert problems == []
        return
    letter, message = expected
    assert numbering(problems) == [(RESOLUTION, *at(text, f"{letter}) Nội dung chi"), message)]


def test_each_khoan_numbers_its_diem_from_a(tmp_path: Path) -> None:
    # Khoản 1 has điểm "a.", "b."; khoản 2's "c.", "d.", "e." should start again at "a.".
    folder = copy(tmp_path, SHAPES, "nghi-quyet-du-toan")
    edit(folder, RESOLUTION, "a. Chi đầu tư", "c. Chi đầu tư")
    edit(folder, RESOLUTION, "b. Chi thường xuyên", "d. Chi thường xuyên")
    text = edit(folder, RESOLUTION, "c. Dự phòng", "e. Dự phòng")
    assert numbering(check_document(folder)) == [
        (
            RESOLUTION,
            *at(text, "c. Chi đầu tư"),
            "điểm “c.” đánh số không liền: điểm đầu tiên của khoản 2 là “a.”",
        )
    ]


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ("a b", []),
        ("b c", ["điểm “b)” đánh số không liền: điểm đầu tiên của Điều 3 là “a)”"]),
    ],
)
def test_an_article_without_khoan_may_have_diem(
    tmp_path: Path, letters: str, expected: list[str]
) -> None:
    # Điều 2 of the quyết định has khoản 1 to 3; Điều 3 has none, only điểm, from "a)".
    folder = copy(tmp_path, KINDS, "quyet-dinh")
    first, second = letters.split()
    text = edit(
        folder,
        DECISION,
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n",
        "Điều 3. Tổ công tác được:\n\n"
        f"{first}) Sử dụng con dấu của Ủy ban nhân dân xã;\n\n"
        f"{second}) Mời chuyên gia tham gia khi cần.\n\n"
        "Quyết định này có hiệu lực thi hành kể từ ngày ký.\n",
    )
    found = numbering(check_document(folder))
    assert found == [(DECISION, *at(text, f"{first}) Sử dụng"), m) for m in expected]


# ---------------------------------------------------------------------------------------------
# What is not counted


def test_lists_outside_articles_are_free(tmp_path: Path) -> None:
    # A báo cáo's numbered list, and one in a decision's appendix, may skip.
    report = copy(tmp_path, KINDS, "bao-cao", "ke-hoach")
    edit(
        report,
        "00-bao-cao.md",
        "điện tử mức độ 2.\n",
        "điện tử mức độ 2.\n\n1. Thôn An Lạc.\n\nThôn dẫn đầu:\n\n3. Thôn Bình Minh.\n\n"
        "b) Thôn Tân Lập.\n",
    )
    assert check_document(report) == []
    decision = copy(tmp_path / "qd", KINDS, "quyet-dinh-phu-luc")
    edit(
        decision,
        "90-phu-luc.md",
        "## PHÂN BỔ KINH PHÍ",
        "2. Thôn An Lạc.\n\nb) Thôn Bình Minh.\n\n## PHÂN BỔ KINH PHÍ",
    )
    assert check_document(decision) == []
