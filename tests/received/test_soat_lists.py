"""Sums in a received document's prose however they are laid out, nesting by the document's own
numbering, and the formulas a table's headers imply: each at the line and column of the amount
(or the cell) the problem is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao import codes
from baocao.problems import Code
from baocao.received.read.text import read_text
from baocao.received.soat.check import check_received


def found(text: str) -> list[tuple[int, int, Code]]:
    problems = check_received(read_text(Path("t.txt"), text, markdown=False)).problems
    return [(p.position.line, p.position.column, p.code) for p in problems]


def at(text: str, line: int, typed: str) -> int:
    return text.split("\n")[line - 1].index(typed) + 1


@pytest.mark.parametrize(
    "head",
    [
        "1. Kinh phí: 90.000.000 đồng, gồm:",  # a numbered head, a heading by its look
        "Kinh phí: 90.000.000 đồng, bao gồm:",
        "Kinh phí năm nay: 90.000.000 đồng:",
        "2.1 - Kinh phí: 90.000.000 đồng, gồm:",
    ],
)
def test_a_head_and_its_items(head: str) -> None:
    text = f"I. CHI\n\n{head}\n\n- Mục a: 50.000.000 đồng;\n\n- Mục b: 30.000.000 đồng.\n"
    assert found(text) == [(3, at(text, 3, "90.000.000"), codes.LIST_SUM)]
    assert found(text.replace("30.000.000", "40.000.000")) == []


def test_items_in_the_paragraphs_after_an_announcing_one() -> None:
    text = (
        "I. CHI\n\nKinh phí là 90.000.000 đồng, gồm:\n\nIn ấn: 50.000.000 đồng.\n\n"
        "Hội nghị: 30.000.000 đồng.\n\nNgoài ra còn chi khác.\n"
    )
    assert found(text) == [(3, at(text, 3, "90.000.000"), codes.LIST_SUM)]


def test_a_stated_amount_with_numbered_items_under_it_unannounced() -> None:
    text = "1. Tổng thu: 100 triệu đồng.\n\na) Thuế: 60 triệu đồng;\n\nb) Phí: 30 triệu đồng.\n"
    assert found(text) == [(1, at(text, 1, "100"), codes.LIST_SUM)]
    lone = "1. Tổng thu: 100 triệu đồng.\n\na) Trong đó thuế: 60 triệu đồng.\n"
    assert found(lone) == []  # one item under an amount it does not announce: a detail


def test_the_items_of_2_2_are_not_counted_under_2_1() -> None:
    text = (
        "2.1 - Tuyên truyền: 40 triệu đồng, gồm:\n\n- In: 15 triệu đồng;\n\n"
        "- Pa nô: 25 triệu đồng.\n\n"
        "2.2 - Tập huấn: 35 triệu đồng, gồm:\n\n- Lớp 1: 10 triệu đồng;\n\n"
        "- Lớp 2: 20 triệu đồng.\n"
    )
    assert found(text) == [(7, at(text, 7, "35"), codes.LIST_SUM)]  # 2.2's, and 2.1 adds up


def test_trong_do_is_a_part() -> None:
    text = "Kinh phí: 100 triệu đồng, trong đó:\n\n- Tỉnh: 60 triệu đồng;\n\n- Xã: 30 triệu đồng.\n"
    assert found(text) == []  # 90 of 100: a part, not required to add up
    over = text.replace("30 triệu", "50 triệu")
    assert found(over) == [(1, at(over, 1, "100"), codes.LIST_PART_OVER)]


def test_nesting_follows_the_document_s_own_markers() -> None:
    # "+" under "-" under "a)": the "-" items add up to the head, each "+" to its "-"
    text = (
        "a) Kinh phí: 100 triệu đồng, gồm:\n\n- Thiết bị: 70 triệu đồng, gồm:\n\n"
        "+ Máy tính: 50 triệu đồng;\n\n+ Máy in: 20 triệu đồng;\n\n- Tập huấn: 40 triệu đồng.\n"
    )
    assert found(text) == [(1, at(text, 1, "100"), codes.LIST_SUM)]


def test_a_percent_column_is_checked_only_when_its_figures_say_what_it_compares() -> None:
    table = (
        "TT\tNội dung\tNăm 2025\tNăm 2026\tTỷ lệ (%)\n1\tThuế\t800\t1.000\t125\n"
        "2\tPhí\t200\t240\t{}\n3\tKhác\t100\t150\t150\n"
    )
    text = "Đơn vị: triệu đồng\n" + table
    assert found(text.format(120)) == []
    assert found(text.format(130)) == [(4, at(text.format(130), 4, "130"), codes.FORMULA_MISMATCH)]
    # two rows of three fit no ratio: the column is a share or a rate, nothing to check
    odd = "Đơn vị: triệu đồng\n" + table.replace("125", "12").format(7)
    assert found(odd) == []
