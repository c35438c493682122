"""Units as offices type them above a budget table: "Đơn vị: VNĐ", "đồng", "nghìn đồng", "Đvt:
triệu đồng", "ĐVT: 1.000đ" are read; a unit that is none is one error, not two."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.build import build_document, check_document
from baocao.review.textconv import docx_text
from budget_documents import write_document
from placed import placed

ROWS = """

| TT | NỘI DUNG | KINH PHÍ |
|----|----------|----------|
| A | B | (1) |
| = | Tổng cộng {#tong} | |
| 1 | Mua sắm máy tính {#may-tinh} | 31.400 |
| 2 | Tập huấn {#tap-huan} | 24.800 |
"""
PROSE = 'Tổng kinh phí là {{ tien("kp.tong") }}.\n'


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("Đơn vị: VNĐ", "56.200 đồng"),
        ("Đơn vị: đồng", "56.200 đồng"),
        ("Đơn vị: nghìn đồng", "56.200.000 đồng"),
        ("Đvt: triệu đồng", "56.200.000.000 đồng"),
        ("ĐVT: 1.000đ", "56.200.000 đồng"),
        ("ĐVT: 1.000.000 đồng", "56.200.000.000 đồng"),
        ("Đơn vị tính: Triệu đ", "56.200.000.000 đồng"),
    ],
)
def test_units_as_offices_type_them(tmp_path: Path, line: str, printed: str) -> None:
    folder = write_document(tmp_path, f"{line} {{#kp}}{ROWS}", PROSE)
    assert check_document(folder) == []
    text = docx_text(build_document(folder, tmp_path / "out").target)
    assert f"Tổng kinh phí là {printed}." in text
    assert line in text  # the unit line prints as typed


@pytest.mark.parametrize("line", ["Đơn vị: USD", "Đơn vị: xu đồng", "ĐVT: 1.500đ"])
def test_a_unit_that_is_none_is_one_error_at_its_line(tmp_path: Path, line: str) -> None:
    folder = write_document(tmp_path, f"{line} {{#kp}}{ROWS}", PROSE)
    column = line.index(":") + 3
    assert placed(check_document(folder)) == [("01-phan.md", 1, column, "BC303")]
