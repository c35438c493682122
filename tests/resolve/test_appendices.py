"""Appendix numbers: two or more run "Phụ lục I", "Phụ lục II"…; check reports a typed number
that is out of sequence or Arabic at its heading's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.problems import Problem
from baocao.resolve.appendices import roman
from budget_documents import problems_of


def in_the_appendices(root: Path, text: str) -> list[Problem]:
    """The problems check finds in the file holding the appendices (01-phan.md)."""
    return [p for p in problems_of(root, text) if p.position.path.name == "01-phan.md"]


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "I", "II", "III", "IV", "IX", "XIV", "XL",
    ]  # fmt: skip


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
    ("headings", "wrong", "message"),
    [
        (
            ["Phụ lục I", "Phụ lục III"],
            "Phụ lục III",
            "phụ lục thứ 2 trong 2 phụ lục là “Phụ lục II”, không phải “Phụ lục III”",
        ),
        (
            ["Phụ lục", "Phụ lục I"],
            "Phụ lục I",
            "phụ lục thứ 2 trong 2 phụ lục là “Phụ lục II”, không phải “Phụ lục I”",
        ),
        (
            ["Phụ lục 01", "Phụ lục"],
            "Phụ lục 01",
            "phụ lục đánh số La Mã: ghi “Phụ lục I”, không ghi “Phụ lục 01”",
        ),
        (
            ["Phụ lục II"],
            "Phụ lục II",
            "chỉ có một phụ lục: ghi “Phụ lục”, không đánh số “Phụ lục II”",
        ),
    ],
)
def test_a_wrong_number_is_a_problem_at_its_heading(
    tmp_path: Path, headings: list[str], wrong: str, message: str
) -> None:
    text = "".join(f"# {h}\n\nNội dung.\n\n" for h in headings)
    (problem,) = in_the_appendices(tmp_path, text)
    line = text.split("\n").index(f"# {wrong}") + 1
    assert (problem.position.path.name, problem.position.line) == ("01-phan.md", line)
    assert problem.message == message and not problem.warning
