"""Thousands grouped with "," or with a space (non-breaking or narrow too) in a received
document are read as the amounts they are, each character at its column; a decimal comma and
numbers that merely stand side by side are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.problems import Problem
from baocao.received.read.blocks import grouped
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1,200,000 đồng", "1.200.000 đồng"),
        ("700,000 đồng", "700.000 đồng"),
        ("3\u00a0000\u00a0000 đồng", "3.000.000 đồng"),
        ("5\u202f000 đồng", "5.000 đồng"),
        ("2 500 000", "2.500.000"),
        ("13.646,269 triệu đồng", "13.646,269 triệu đồng"),
        ("1,500 tỷ đồng", "1,500 tỷ đồng"),
        ("năm 2026 100 hộ", "năm 2026 100 hộ"),
        ("1,2 triệu; 12,500", "1,2 triệu; 12,500"),
    ],
)
def test_grouped(typed: str, read: str) -> None:
    assert grouped(typed) == read
    assert len(grouped(typed)) == len(typed)


SUM = "Kinh phí: 1,200,000 đồng, gồm:\n\n- Mục a: 700,000 đồng;\n\n- Mục b: 400,000 đồng.\n"
WORDS = "Kinh phí khác: 3\u00a0000\u00a0000 đồng (Hai triệu đồng).\n"


def test_in_a_text_file_at_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "nhan.txt"
    path.write_text(SUM + "\n" + WORDS, encoding="utf-8")
    found = [(p.code, p.position.line, p.position.column) for p in check(path)]
    assert found == [
        (codes.LIST_SUM, 1, 11),  # 1.200.000 against 700.000 + 400.000
        (codes.WORDS_MISMATCH, 7, WORDS.index("(Hai") + 2),
    ]


def test_in_a_docx_across_its_runs(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Kinh phí khác: 3\u00a0000")
    paragraph.add_run("\u00a0000 đồng (Hai triệu đồng).").bold = True
    path = tmp_path / "nhan.docx"
    document.save(str(path))
    (problem,) = check(path)
    assert problem.code == codes.WORDS_MISMATCH


def check(path: Path) -> list[Problem]:
    return check_received(read_received(path)).problems
