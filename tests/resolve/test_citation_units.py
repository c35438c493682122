"""Citations in any unit and precision, and check's "hãy trích" advice that prints the same text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budget_documents import (
    CITED_TABLE,
    problems_of,
    resolved,
    resolved_text,
    shown,
    write_document,
)
from placed import placed

DECLARED = "Tổng thu: **977,45 tỷ đồng**{#thu}.\n"


def printed(tmp_path: Path, *citations: str) -> list[str]:
    """Each citation as the reader reads it (bold as **…**), in a document with CITED_TABLE and
    DECLARED; no problem allowed."""
    prose = DECLARED + "".join(f"\n{{{{ {c} }}}}\n" for c in citations)
    texts, problems = resolved_text(tmp_path, prose)
    assert problems == []
    return texts[1:]


@pytest.mark.parametrize(
    ("citation", "text"),
    [
        ('tien("thu", "tỷ")', "977,45 tỷ đồng"),
        ('tien("thu", "tỷ đồng")', "977,45 tỷ đồng"),
        ('tien("thu", "tỉ")', "977,45 tỉ đồng"),
        ('tien("thu", "triệu")', "977.450 triệu đồng"),
        ('tien("thu", "nghìn")', "977.450.000 nghìn đồng"),
        ('tien("thu", "ngàn đồng")', "977.450.000 ngàn đồng"),
        ('tien("thu", "đồng")', "977.450.000.000 đồng"),
        ('tien("thu")', "977.450.000.000 đồng"),
        ('tien("thu", "đ")', "977.450.000.000đ"),
        ('tien("thu", "VNĐ")', "977.450.000.000 VNĐ"),
        ('tien("thu", "tỷ đ")', "977,45 tỷ đ"),
        ('tien("pl.ud", "tỷ")', "0,5 tỷ đồng"),
        ('tien("pl.nc", "pl.ud", "tỷ")', "1,5 tỷ đồng"),
        # decimals asked: exactly that many, rounded half up
        ('tien("thu", "tỷ", 1)', "977,5 tỷ đồng"),
        ('tien("thu", "tỷ", thap_phan=1)', "977,5 tỷ đồng"),
        ('tien("thu", "tỷ", thap_phan=3)', "977,450 tỷ đồng"),
        ('tien("thu", "tỷ", thap_phan=0)', "977 tỷ đồng"),
        ('tien("pl.nc", "triệu", thap_phan=2)', "1.000,00 triệu đồng"),
        (
            'tien_chu("thu", "tỷ")',
            "**977,45 tỷ đồng** (Chín trăm bảy mươi bảy tỷ, bốn trăm năm mươi triệu đồng)",
        ),
        (
            'tien_chu("thu", "tỷ", thap_phan=1)',
            "**977,5 tỷ đồng** (Chín trăm bảy mươi bảy tỷ, năm trăm triệu đồng)",
        ),
        ('chu("thu", "tỷ", thap_phan=0)', "Chín trăm bảy mươi bảy tỷ đồng"),
        ('so("thu", "tỷ")', "977,45"),
        ('so("thu", "triệu")', "977.450"),
        ('so("pl.nc")', "1.000"),
        ('so("pl.nc", thap_phan=1)', "1.000,0"),
        ('so("pl.nc", "tỷ")', "1"),
        ('so("pl.nc", "thu", "tỷ")', "978,45"),  # amounts of different units, in one unit
    ],
)
def test_a_citation_prints_in_the_unit_and_precision_asked(
    tmp_path: Path, citation: str, text: str
) -> None:
    assert printed(tmp_path, citation) == [text]


@pytest.mark.parametrize(
    ("citation", "code", "at"),
    [
        ('tien("tỷ")', "BC403", '"tỷ"'),  # a unit before any id
        ('tien("pl.nc", "tỷ", "pl.ud")', "BC403", '"pl.ud"'),  # an id after the unit
        ('tien("pl.nc", "tỷ", "triệu")', "BC403", '"triệu"'),  # two units
        ('tien("pl.nc", 2, "tỷ")', "BC403", "2"),  # decimals not last
        ('tien("pl.nc", "tỷ", 2, thap_phan=2)', "BC403", "2"),  # decimals twice
        ('tien("pl.nc", thap_phan=12)', "BC403", "12"),  # 0 to 9 decimals
        ('tien("pl.nc", thap_phan="2")', "BC403", '"2"'),
        ('tien("pl.nc", don_vi="tỷ")', "BC403", "don_vi"),
        ('tien("pl.nc", True)', "BC401", "True"),
        ('so("pl.nc", "de-xuat")', "BC416", None),  # a sum of two units: at its "{{"
    ],
)
def test_unit_and_precision_mistakes_are_problems_at_their_character(
    tmp_path: Path, citation: str, code: str, at: str | None
) -> None:
    line = "Kinh phí {{ " + citation + " }}."
    prose = "Đề xuất **10.122.000.000 đồng**{#de-xuat}.\n\n" + line + "\n"
    column = line.index("{{" if at is None else at, 9 if at is None else 12) + 1
    assert placed(problems_of(tmp_path, CITED_TABLE, prose)) == [("02-phan.md", 3, column, code)]


def test_so_of_two_units_names_the_unit_to_print_in(tmp_path: Path) -> None:
    prose = 'Đề xuất **10.122.000.000 đồng**{#de-xuat}.\n\nKinh phí {{ so("pl.nc", "de-xuat") }}.\n'
    (problem,) = problems_of(tmp_path, CITED_TABLE, prose)
    assert 'so("pl.nc", "triệu")' in problem.message  # the citation that prints them


def test_a_sum_above_the_limit_is_refused(tmp_path: Path) -> None:
    prose = (
        "Một: **1.000.000.000.000 triệu đồng**{#mot}; hai: **1 đồng**{#hai}.\n\n"
        '{{ tien("mot") }} {{ tien("mot", "hai") }}\n'
    )
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    assert placed(problems) == [("02-phan.md", 3, 19, "BC417")]


TYPED = [
    "977,45 tỷ đồng",
    "977,45 tỉ đồng",
    "977.450 triệu đồng",
    "977.450.000 nghìn đồng",
    "977.450.000.000 đồng",
    "977.450.000.000đ",
    "977.450.000.000 VNĐ",
    "977,450 tỷ đồng",
    "977.450,0 triệu đồng",
]
SUGGESTED = re.compile(r"hãy trích (\{\{ tien\(.*?\) \}\}) để")


@pytest.mark.parametrize("typed", TYPED)
def test_following_the_advice_to_cite_leaves_the_text_as_it_was(tmp_path: Path, typed: str) -> None:
    sentence = f"Năm nay thu {typed} cho ngân sách xã.\n"
    folder = write_document(tmp_path, CITED_TABLE, DECLARED + "\n" + sentence)
    blocks, problems = resolved(folder)
    (problem,) = problems
    assert placed([problem]) == [("02-phan.md", 3, 13, "BC506")]  # the figure
    assert "“thu”" in problem.message and "(in ra" not in problem.message
    before = [shown(b) for b in blocks]

    suggestion = SUGGESTED.search(problem.message)
    assert suggestion is not None, problem.message
    part = folder / "02-phan.md"
    head, _, tail = part.read_text("utf-8").rpartition(typed)  # the sentence's, not the tag's
    part.write_text(head + suggestion.group(1) + tail, "utf-8")
    blocks, problems = resolved(folder)
    assert problems == []
    assert [shown(b) for b in blocks] == before


def test_advice_that_cannot_keep_the_spacing_says_what_it_prints(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, CITED_TABLE, DECLARED + "\nĐã thu 977.450.000.000 đ.\n")
    assert placed([problem]) == [("02-phan.md", 3, 8, "BC506")]
    assert '{{ tien("thu", "đ") }}' in problem.message and "“977.450.000.000đ”" in problem.message


def test_a_declared_sum_is_reported_in_the_unit_it_was_typed_in(tmp_path: Path) -> None:
    prose = (
        "1. Tổng thu: **977,45 tỷ đồng**{#thu = thu-a + thu-b}, gồm:\n\n"
        "- Thu bổ sung: 500 tỷ đồng{#thu-a};\n"
        "- Thu điều tiết: 477,44 tỷ đồng{#thu-b}.\n"
    )
    (problem,) = problems_of(tmp_path, prose)
    assert placed([problem]) == [("01-phan.md", 1, 32, "BC409")]
    assert "977,44 tỷ đồng (chênh 0,01 tỷ đồng)" in problem.message
