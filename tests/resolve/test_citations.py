"""Citations by id in prose: each form, sums, declared amounts, and every citation error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.build import build_document
from budget_documents import (
    CITED_TABLE,
    problems_of,
    resolved,
    resolved_text,
    shown,
    write_document,
)
from conftest import ROOT
from placed import placed


def test_every_form_in_the_docx(tmp_path: Path) -> None:
    prose = (
        'Kinh phí: {{ tien("pl.nc") }}; trong bảng: {{ so("pl.nc") }}; '
        'bằng chữ: {{ chu("pl.nc") }}.\n\n'
        'Kinh phí dự kiến: {{ tien_chu("pl.nc") }}.\n'
    )
    folder = write_document(tmp_path, CITED_TABLE, prose)
    target = build_document(folder, tmp_path / "out").target
    paragraphs = docx.Document(str(target)).paragraphs
    texts = [p.text for p in paragraphs]
    assert "Kinh phí: 1.000.000.000 đồng; trong bảng: 1.000; bằng chữ: Một tỷ đồng." in texts
    (official,) = [p for p in paragraphs if p.text.startswith("Kinh phí dự kiến:")]
    assert official.text.startswith("Kinh phí dự kiến: 1.000.000.000 đồng (Một tỷ đồng).")
    bold = [r.text for r in official.runs if r.bold]
    assert bold == ["1.000.000.000 đồng"]


def test_the_official_form_inside_bold_text_stays_one_bold_run(tmp_path: Path) -> None:
    texts, problems = resolved_text(tmp_path, '**Tổng: {{ tien_chu("pl.nc") }}.**\n')
    assert problems == []
    assert texts == ["**Tổng: 1.000.000.000 đồng (Một tỷ đồng).**"]


def test_sums_of_several_ids_and_of_branches(tmp_path: Path) -> None:
    prose = (
        '{{ tien("pl.nc", "pl.ud") }} | {{ tien("pl.kh") }} | {{ tien("pl.tong") }} | '
        '{{ tien("pl.nc(1)", "pl.cds(1)") }} | {{ so("pl.kh", "pl.nc(1)") }}\n'
    )
    texts, problems = resolved_text(tmp_path, prose)
    assert problems == []
    assert texts[0] == (
        "1.500.000.000 đồng | 1.500.000.000 đồng | 1.500.000.000 đồng | 12.000.000 đồng | 1.505"
    )


def test_declared_prose_amounts_and_prefix_sums(tmp_path: Path) -> None:
    prose = (
        "- Việc một: **100.000.000 đồng**{#nv-mot} (Một trăm triệu đồng).\n"
        "- Việc hai: 250 triệu đồng{#nv-hai}.\n\n"
        'Tổng: {{ tien_chu("nv-*") }}; đề xuất năm trước {{ tien("nv-mot") }}.\n'
    )
    texts, problems = resolved_text(tmp_path, prose)
    assert problems == []
    assert texts[0] == "- Việc một: **100.000.000 đồng** (Một trăm triệu đồng)."
    assert texts[1] == "- Việc hai: 250 triệu đồng."
    assert texts[2] == (
        "Tổng: **350.000.000 đồng** (Ba trăm năm mươi triệu đồng); đề xuất năm trước "
        "100.000.000 đồng."
    )


def test_a_citation_may_wrap_across_lines(tmp_path: Path) -> None:
    texts, problems = resolved_text(tmp_path, 'Kinh phí là {{ tien(\n"pl.ud") }} năm 2027.\n')
    assert problems == []
    assert texts[0] == "Kinh phí là 500.000.000 đồng năm 2027."


def test_typographic_quotes_are_read_as_quotes(tmp_path: Path) -> None:
    texts, problems = resolved_text(tmp_path, "Kinh phí {{ tien(“pl.ud”) }}.\n")
    assert problems == []
    assert "500.000.000 đồng" in texts[0]


def test_words_follow_the_documents_chu_so_style(tmp_path: Path) -> None:
    prose = '{{ chu("pl.nc", "pl.nc(1)") }}\n'
    texts, _ = resolved_text(tmp_path, prose, extra="chu_so: [le, khong-phay]\n")
    assert texts[0] == "Một tỷ không trăm lẻ năm triệu đồng"


def column_of(line: str, needle: str) -> int:
    """The column where `needle` begins on `line`."""
    return line.index(needle) + 1


def test_a_declared_total_is_checked_against_the_sum_it_names(tmp_path: Path) -> None:
    prose = (
        "- **100.000.000 đồng**{#nv-mot}\n- **250.000.000 đồng**{#nv-hai}\n\n"
        "Tổng cộng: **300.000.000 đồng**{#tong-nv = nv-*}.\n\n"
        "Cả năm: **1.500.000.000 đồng**{#ca-nam = pl.kh}.\n"
    )
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    line = prose.split("\n")[3]
    assert placed(problems) == [("02-phan.md", 4, column_of(line, "{#tong-nv"), "BC409")]
    assert "350.000.000 đồng" in problems[0].message  # the sum the terms make


def test_a_declared_sum_naming_an_unknown_id_points_at_that_term(tmp_path: Path) -> None:
    line = "Tổng: **300.000.000 đồng**{#tong = nv-a + khong-co}."
    problems = problems_of(tmp_path, CITED_TABLE, "- **100.000.000 đồng**{#nv-a}\n\n" + line + "\n")
    assert placed(problems) == [("02-phan.md", 3, column_of(line, "khong-co"), "BC411")]


# Each citation stands on line 3 of its part, after "Dòng hai, kinh phí "; the problem is at the
# character named (None: at the citation's "{{"; "}}": at its closing braces).
CITING = "Dòng hai, kinh phí {{ "


@pytest.mark.parametrize(
    ("citation", "code", "at"),
    [
        ('tien("pl.ncc")', "BC411", "pl.ncc"),  # unknown id
        ('tien("nghien-cuu")', "BC411", "nghien-cuu"),
        ('tien("pl.nc(3)")', "BC411", "pl.nc(3)"),
        ('tien("xx-*")', "BC411", "xx-*"),
        ('tien("Pl.NC")', "BC404", "Pl.NC"),  # not an id
        ('tein("pl.nc")', "BC402", "tein"),  # unknown function
        ('cycler("a")', "BC402", "cycler"),
        ('tien("pl.nc"', "BC401", "}}"),  # written wrong
        ("tien(pl.nc)", "BC401", "pl.nc"),
        ("1 + 1", "BC401", "1"),
        ("tien.mro", "BC401", "tien"),
        ('tien("pl.nc", cot=1)', "BC403", "cot"),  # ids, unit, decimals
        ("tien()", "BC403", ")"),
        ('tien("pl.kh", "pl.nc")', "BC413", None),  # counted twice
        ('tien("pl.nc", "pl.nc(2)")', "BC413", None),
        ('tien("pl.cds")', "BC414", None),  # an empty cell
        ('so("pl.nc", "de-xuat")', "BC416", None),  # units that differ
    ],
)
def test_citation_errors_are_problems_at_their_character(
    tmp_path: Path, citation: str, code: str, at: str | None
) -> None:
    line = CITING + citation + " }} năm 2027."
    prose = "Đề xuất **10.122.000.000 đồng**{#de-xuat}.\n\n" + line + "\n"
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    column = column_of(line, "{{") if at is None else line.index(at, len(CITING) - 3) + 1
    assert placed(problems) == [("02-phan.md", 3, column, code)]


def test_an_unknown_or_misspelt_id_is_told_the_closest_known_one(tmp_path: Path) -> None:
    prose = 'Một {{ tien("pl.ncc") }}.\n\nHai {{ tien("Pl.NC") }}.\n'
    unknown, misspelt = problems_of(tmp_path, CITED_TABLE, prose)
    assert (unknown.code, misspelt.code) == (codes.UNKNOWN_ID, codes.ID_SYNTAX)
    assert "“pl.nc”" in unknown.message and "“pl.nc”" in misspelt.message


def test_a_table_with_several_amount_columns_needs_its_column_named(tmp_path: Path) -> None:
    table = CITED_TABLE.replace("{#pl cot=2}", "{#pl}")
    problems = problems_of(tmp_path, table, 'Kinh phí {{ tien("pl.nc") }}.\n')
    assert placed(problems) == [("02-phan.md", 1, 19, "BC412")]
    assert "“pl.nc(1)”, “pl.nc(2)”" in problems[0].message  # the ids to choose from


def test_stray_braces_are_reported(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, CITED_TABLE, 'Kinh phí {{ tien("pl.nc") năm 2027.\n')
    assert placed(problems) == [("02-phan.md", 1, 10, "BC405")]


def test_duplicate_ids_between_prose_and_tables(tmp_path: Path) -> None:
    prose = "Một **5 đồng**{#pl}.\n\nHai **6 đồng**{#hai} và **7 đồng**{#hai}.\n"
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    second = prose.split("\n")[2].rindex("{#hai}") + 1
    assert placed(problems) == [("02-phan.md", 1, 15, "BC408"), ("02-phan.md", 3, second, "BC408")]
    assert "01-phan.md:1:" in problems[0].message  # where the table took the id
    assert "02-phan.md:3:15" in problems[1].message  # where the first "hai" stands


def test_a_tag_must_follow_an_amount(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, CITED_TABLE, "Đã tiếp nhận 13.780 hồ sơ{#ho-so}.\n")
    assert placed(problems) == [("02-phan.md", 1, 26, "BC407")]


def test_no_citation_ever_raises_a_traceback(tmp_path: Path) -> None:
    line = "{{ }} {{ tien(1) }} {{ tien('a' ~ 'b') }} {{ range(10**9) }} {{ tien(*['x']) }}"
    line += " {{ ''.__class__ }}"  # mistune reads __class__ as bold: a broken citation
    problems = problems_of(tmp_path, CITED_TABLE, line + "\n")
    columns = [1, line.index(")") + 1, line.index("~") + 1, line.index("*") + 1]
    columns += [line.index("*[") + 1, line.rindex("{{") + 1, line.rindex("}}") + 1]
    assert placed(problems) == [
        ("02-phan.md", 1, column, code)
        for column, code in zip(
            columns, ["BC401", "BC403", "BC401", "BC401", "BC401", "BC405", "BC405"], strict=True
        )
    ]


def test_the_readme_examples_check_and_print_what_the_readme_says(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Budget tables and citations") :]
    table = section.split("```\n", 2)[1].split("```")[0]
    rows = re.findall(r"^\| `(\{\{.*?\}\})` \| (.*?) \|$", section, flags=re.M)
    assert len(rows) >= 8
    prose = "Đề xuất **10.122.000.000 đồng**{#de-xuat-2026}.\n\n- Việc: **5 đồng**{#nv-a}\n"
    prose += "".join(f"\n{citation}\n" for citation, _ in rows)
    folder = write_document(tmp_path, table, prose)
    blocks, problems = resolved(folder)
    assert problems == []
    printed = [b for b in blocks if b.position.path.name == "02-phan.md"][2:]
    for block, (citation, expected) in zip(printed, rows, strict=True):
        text = shown(block)
        if expected[:1].isdigit() or expected.startswith(("**", "Một")):
            assert expected.startswith(text), (citation, text, expected)
