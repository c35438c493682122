"""A citation typed in a budget table's name or text cell is resolved as in prose, or refused at
its place: never printed as typed."""

from __future__ import annotations

from pathlib import Path

import docx
from baocao.build import build_document, check_document
from budget_documents import write_document
from placed import placed

TABLE = """\
Đơn vị: Đồng {#kp}

| TT | NỘI DUNG | KINH PHÍ | GHI CHÚ |
|----|----------|----------|---------|
| A | B | (1) | C |
| = | Tổng cộng {#tong} | | |
| 1 | Máy tính, bằng {{ tien("kp.may", "triệu") }} {#may} | 31.400.000 | gồm {{ tien("kp.may") }} |
| 2 | Tập huấn {#tap-huan} | 24.800.000 | |
"""


def cells(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_a_citation_in_a_name_or_note_cell_prints_its_amount(tmp_path: Path) -> None:
    folder = write_document(tmp_path, TABLE)
    assert check_document(folder) == []
    printed = cells(build_document(folder, tmp_path / "out").target)
    assert "Máy tính, bằng 31,4 triệu đồng" in printed
    assert "gồm 31.400.000 đồng" in printed
    assert not any("{{" in text for text in printed)


def test_a_citation_that_cannot_be_resolved_is_refused_at_its_cell(tmp_path: Path) -> None:
    broken = TABLE.replace('tien("kp.may") }} |', 'tien("kp.mays") }} |')
    folder = write_document(tmp_path, broken)
    line = broken.split("\n")[6]
    column = line.index('"kp.mays"') + 2  # at the id, as in prose
    assert placed(check_document(folder)) == [("01-phan.md", 7, column, "BC411")]


def test_a_citation_written_wrong_in_a_cell_is_refused_at_its_cell(tmp_path: Path) -> None:
    broken = TABLE.replace("| Tập huấn {#tap-huan} |", "| Tập huấn {{ tien(kp) }} {#tap-huan} |")
    folder = write_document(tmp_path, broken)
    (problem,) = check_document(folder)
    assert (problem.position.line, problem.code.code) == (8, "BC401")


def test_a_citation_in_a_header_cell_prints_its_amount(tmp_path: Path) -> None:
    table = TABLE.replace("| GHI CHÚ |", '| GHI CHÚ (tổng {{ tien("kp.tong") }}) |')
    folder = write_document(tmp_path, table)
    assert check_document(folder) == []
    printed = cells(build_document(folder, tmp_path / "out").target)
    assert "GHI CHÚ (tổng 56.200.000 đồng)" in printed
