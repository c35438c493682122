"""Two real-document shapes whose amounts live in prose (issue 12), built whole and broken once:
a nghị quyết with its amounts in a hierarchical list, each sum declared as a relation, and a
quyết định with its amounts in "đ" and one "(Bằng chữ: …)" line."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.build import build_document, check_document
from baocao.problems import Problem
from baocao.review.textconv import docx_text
from shape_documents import OPENING, broken_shape, line_in_part, replace_in_part, shape_copy

NGHI_QUYET = "nghi-quyet-du-toan"
QUYET_DINH = "quyet-dinh-quyet-toan"


def place_in_part(folder: Path, needle: str) -> tuple[int, int]:
    """The line and column where `needle` begins in the shape's opening part."""
    (path,) = folder.glob(OPENING)
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def where(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.position.line, p.position.column, p.code.code) for p in problems]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        (
            NGHI_QUYET,
            [
                "1. Tổng thu ngân sách xã: 13.646,269 triệu đồng, gồm:",
                "b. Thu bổ sung từ ngân sách cấp trên: 10.500 triệu đồng, trong đó:",
                "- Bổ sung có mục tiêu: 2.500 triệu đồng, gồm:",
                "+ Xây dựng nông thôn mới: 1.000 triệu đồng.",
                "3. Cân đối ngân sách: tổng thu 13,65 tỷ đồng, tổng chi 13,65 tỷ đồng; ngân sách "
                "xã cân đối thu, chi.",
            ],
        ),
        (
            QUYET_DINH,
            [
                "2. Giá trị quyết toán được duyệt: 91.481.640.145đ.",
                "(Bằng chữ: Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi "
                "nghìn, một trăm bốn mươi lăm đồng)",
                "- Chi phí tư vấn đầu tư xây dựng: 4.861.190.145đ;",
                "3. Nguồn vốn đầu tư: ngân sách thành phố hỗ trợ 60.000.000.000đ; ngân sách xã "
                "31.481.640.145đ; tổng cộng 91.481.640.145đ.",
            ],
        ),
    ],
)
def test_each_shape_checks_clean_and_builds(tmp_path: Path, name: str, lines: list[str]) -> None:
    folder = shape_copy(tmp_path, name)
    assert check_document(folder) == []
    printed = docx_text(build_document(folder, tmp_path / "output").target).splitlines()
    for line in lines:
        assert line in printed, line


def test_the_nghi_quyet_catches_a_leaf_that_breaks_its_sum(tmp_path: Path) -> None:
    folder, _ = broken_shape(
        tmp_path, NGHI_QUYET, "1.000 triệu đồng{#bs-ntm}", "1.100 triệu đồng{#bs-ntm}"
    )
    problems = check_document(folder)
    assert where(problems) == [(*place_in_part(folder, "{#bs-muc-tieu ="), "BC409")]
    assert "(chênh 100 triệu đồng)" in problems[0].message


def test_the_nghi_quyet_catches_a_total_off_by_a_fraction(tmp_path: Path) -> None:
    folder, line = broken_shape(
        tmp_path, NGHI_QUYET, "11.373,269 triệu đồng", "11.373,296 triệu đồng"
    )
    assert line == line_in_part(folder, "{#chi-thuong-xuyen}")
    problems = check_document(folder)
    assert where(problems) == [(*place_in_part(folder, "{#chi ="), "BC409")]
    assert "(chênh 0,027 triệu đồng)" in problems[0].message


def test_the_quyet_dinh_catches_a_one_dong_sum_error(tmp_path: Path) -> None:
    folder, _ = broken_shape(tmp_path, QUYET_DINH, "4.861.190.145đ", "4.861.190.146đ")
    problems = check_document(folder)
    assert where(problems) == [(*place_in_part(folder, "{#quyet-toan ="), "BC409")]
    assert "(chênh 1đ)" in problems[0].message


def test_the_quyet_dinh_checks_its_words_line(tmp_path: Path) -> None:
    folder, line = broken_shape(tmp_path, QUYET_DINH, "Chín mươi mốt tỷ", "Chín mươi một tỷ")
    words = place_in_part(folder, "Bằng chữ: Chín mươi một tỷ")
    assert words[0] == line
    (variant,) = check_document(folder)  # a variant spelling: a warning, the build goes on
    assert where([variant]) == [(*words, "BC503")]
    assert "“chín mươi mốt”" in variant.message  # the standard spelling
    assert build_document(folder, tmp_path / "output").target.exists()

    replace_in_part(folder, "một trăm bốn mươi lăm đồng", "một trăm bốn mươi sáu đồng")
    (error,) = [p for p in check_document(folder) if not p.warning]
    assert where([error]) == [(*words, "BC501")]
    assert "là 91.481.640.146đ;" in error.message  # the amount the words state
