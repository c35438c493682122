"""Citations by id in prose: each form, sums, declared amounts, and every citation error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docx
from baocao.build import build_document
from budget_documents import (
    CITED_TABLE,
    at,
    problems_of,
    resolved,
    resolved_text,
    shown,
    write_document,
)
from conftest import ROOT


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


def test_a_declared_total_is_checked_against_the_sum_it_names(tmp_path: Path) -> None:
    prose = (
        "- **100.000.000 đồng**{#nv-mot}\n- **250.000.000 đồng**{#nv-hai}\n\n"
        "Tổng cộng: **300.000.000 đồng**{#tong-nv = nv-*}.\n\n"
        "Cả năm: **1.500.000.000 đồng**{#ca-nam = pl.kh}.\n"
    )
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    (message,) = at(problems, 4, "02-phan.md")
    assert message == (
        "“tong-nv” ghi 300.000.000 đồng, nhưng nv-* cộng lại là 350.000.000 đồng "
        "(chênh 50.000.000 đồng)"
    )
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        ('tien("pl.ncc")', "không có khoản nào mang mã “pl.ncc” — có phải: “pl.nc”"),
        ('tien("nghien-cuu")', "không có khoản nào mang mã “nghien-cuu”"),
        ('tien("Pl.NC")', "mã gồm chữ thường không dấu, chữ số và dấu “-” — có phải: “pl.nc”"),
        ('tein("pl.nc")', "không có hàm “tein” (có: tien, so, chu, tien_chu) — có phải “tien”?"),
        ('tien("pl.nc"', 'viết sai “{{ tien("pl.nc" }}” (thiếu dấu “)”)'),
        ("tien(pl.nc)", "tien(…): mã khoản phải đặt trong ngoặc kép"),
        ("1 + 1", "“{{ 1 + 1 }}” không phải trích dẫn"),
        ("tien.mro", "không phải trích dẫn"),
        ('cycler("a")', "không có hàm “cycler”"),
        ('tien("pl.nc", cot=1)', "tien(…) chỉ nhận các mã khoản trong ngoặc kép"),
        ("tien()", "thiếu mã khoản trong ngoặc"),
        ('tien("pl.kh", "pl.nc")', "“pl.nc” nằm trong “pl.kh”: cộng cả hai là tính hai lần"),
        ('tien("pl.nc", "pl.nc(2)")', "khoản “pl.nc(2)” được cộng hai lần"),
        ('tien("pl.cds")', "ô của khoản “pl.cds” để trống"),
        ('tien("pl.nc(3)")', "không có khoản nào mang mã “pl.nc(3)”"),
        ('tien("xx-*")', "“xx-*” không khớp mã khoản nào"),
        ('so("pl.nc", "de-xuat")', "so(…) cộng các khoản khác đơn vị"),
    ],
)
def test_citation_errors_are_problems_at_their_line(
    tmp_path: Path, citation: str, message: str
) -> None:
    prose = "Đề xuất **10.122.000.000 đồng**{#de-xuat}.\n\nDòng hai, kinh phí {{ " + citation
    prose += " }} năm 2027.\n"
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    assert [p.position.line for p in problems] == [3], problems
    assert message in problems[0].message


def test_a_table_with_several_amount_columns_needs_its_column_named(tmp_path: Path) -> None:
    table = CITED_TABLE.replace("{#pl cot=2}", "{#pl}")
    problems = problems_of(tmp_path, table, 'Kinh phí {{ tien("pl.nc") }}.\n')
    (problem,) = problems
    assert problem.message.startswith(
        "bảng “pl” có nhiều cột số tiền: ghi rõ cột (“pl.nc(1)”, “pl.nc(2)”)"
    )


def test_stray_braces_are_reported(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, CITED_TABLE, 'Kinh phí {{ tien("pl.nc") năm 2027.\n')
    assert [p.message for p in problems] == [
        '“{{” không có “}}” đóng lại: trích số tiền viết {{ tien("ma-khoan") }}'
    ]


def test_duplicate_ids_between_prose_and_tables(tmp_path: Path) -> None:
    prose = "Một **5 đồng**{#pl}.\n\nHai **6 đồng**{#hai} và **7 đồng**{#hai}.\n"
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    messages = [(p.position.line, p.message) for p in problems]
    assert (1, "mã “pl” trùng: đã dùng ở " + messages[0][1].split("đã dùng ở ")[1]) in messages
    assert any(line == 3 and "mã “hai” trùng" in m and "02-phan.md:3" in m for line, m in messages)


def test_a_tag_must_follow_an_amount(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, CITED_TABLE, "Đã tiếp nhận 13.780 hồ sơ{#ho-so}.\n")
    (problem,) = problems
    assert problem.message.startswith("thẻ “{#ho-so}” phải đứng ngay sau một số tiền")


def test_jinja_never_raises_a_traceback(tmp_path: Path) -> None:
    prose = "{{ }} {{ tien(1) }} {{ tien('a' ~ 'b') }} {{ range(10**9) }} {{ tien(*['x']) }}"
    prose += " {{ ''.__class__ }}\n"  # mistune reads __class__ as bold: a broken citation
    problems = problems_of(tmp_path, CITED_TABLE, prose)
    assert len(problems) == 7
    assert all(p.position.line == 1 for p in problems)


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
