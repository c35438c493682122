"""Appendix numbers: two or more run "Phụ lục I", "Phụ lục II"…; check reports a typed number
that is out of sequence or Arabic at its heading's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao import codes
from baocao.problems import Problem
from budget_documents import problems_of


def in_the_appendices(root: Path, text: str) -> list[Problem]:
    """The problems check finds in the file holding the appendices (01-phan.md)."""
    return [p for p in problems_of(root, text) if p.position.path.name == "01-phan.md"]


@pytest.mark.parametrize(
    "headings",
    [
        ["Phụ lục", "Phụ lục"],  # numbered when printed
        ["Phụ lục I", "Phụ lục II", "Phụ lục III"],
        ["Phụ lục", "Phụ lục II. Danh mục"],
        ["Phụ lục"],
        ["Phụ lục I"],
        ["Phụ lục chi tiết", "Phụ lục chi tiết"],
    ],
)
def test_numbers_in_sequence_or_left_out_are_fine(tmp_path: Path, headings: list[str]) -> None:
    text = "".join(f"# {h}\n\nNội dung.\n\n" for h in headings)
    assert in_the_appendices(tmp_path, text) == []


@pytest.mark.parametrize(
    ("headings", "wrong", "fix"),
    [
        (["Phụ lục I", "Phụ lục III"], "III", "“Phụ lục II”"),
        (["Phụ lục", "Phụ lục I"], "I", "“Phụ lục II”"),
        (["Phụ lục 01", "Phụ lục"], "01", "ghi “Phụ lục I”"),
        (["Phụ lục II"], "II", "ghi “Phụ lục”, không đánh số"),
        (["Phụ lục", "**Phụ lục  IV.** Danh mục"], "IV", "“Phụ lục II”"),
    ],
)
def test_a_wrong_number_is_a_problem_at_its_heading(
    tmp_path: Path, headings: list[str], wrong: str, fix: str
) -> None:
    text = "".join(f"# {h}\n\nNội dung.\n\n" for h in headings)
    (problem,) = in_the_appendices(tmp_path, text)
    heading = f"# {headings[-1]}" if wrong != "01" else f"# {headings[0]}"
    line = text.split("\n").index(heading) + 1
    column = heading.index(f" {wrong}", heading.index("lục")) + 2  # the number
    assert (problem.code, problem.position.path.name) == (codes.APPENDIX_NUMBER, "01-phan.md")
    assert (problem.position.line, problem.position.column) == (line, column)
    assert fix in problem.message
