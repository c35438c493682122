"""Appendices in the built DOCX: each its own section, portrait or landscape as its widest table
needs (or as `phu_luc.huong` forces), numbered "Phụ lục I, II…", with the lines ND30 puts above
it and nothing invented; appendices of text, lists and plain tables; inline formatting in cells."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

import docx
from baocao.build import build_document
from baocao.docx.page import text_width_twips
from budget_documents import problems_of, write_document
from style_chain import is_bold, is_italic

PORTRAIT, LANDSCAPE = WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE
BLANK_NUMBER = "\u00a0" * 6  # a document without its number yet

THREE_COLUMNS = """\
# Phụ lục

## KINH PHÍ MUA SẮM THIẾT BỊ

Đơn vị: Triệu đồng {#tb}

| TT | NỘI DUNG         | KINH PHÍ |
|----|------------------|----------|
| A  | B                | (1)      |
| =  | Tổng cộng        |          |
| 1  | Mua sắm thiết bị |          |
| +  | *Trong đó:*      |          |
| +  | Máy tính để bàn  | 150      |
| +  | Máy in **màu**   | 20       |
"""
TEXT = """\
# Phụ lục

## DANH SÁCH NHIỆM VỤ

Các nhiệm vụ trọng tâm:

- Số hóa hồ sơ *một cửa*.
- Tập huấn kỹ năng số.
"""
PLAIN = """\
# Phụ lục

| STT | Nhiệm vụ                  | Đơn vị chủ trì         |
|:---:|---------------------------|-----------------------:|
| 1   | Số hóa hồ sơ              | Văn phòng HĐND và UBND |
|     | *Trong đó:*               |                        |
| 2   | _Tập huấn_ cho **cán bộ** | Phòng Văn hóa - Xã hội |
"""


def build(root: Path, *parts: str, extra: str = "") -> Any:
    folder = write_document(root, *parts, extra=extra)
    return docx.Document(str(build_document(folder, root / "out").target))


def styled(document: Any, style: str) -> list[Any]:
    return [p for p in document.paragraphs if p.style.name == style]


def content_tables(document: Any) -> list[Any]:
    return [t for t in document.tables if t.style is None or t.style.name == "Table"]


def cell_runs(table: Any) -> list[tuple[str, bool, bool]]:
    """Each run of a table's cells: its text, and whether it prints italic and bold."""
    return [
        (run.text, is_italic(run, paragraph), is_bold(run, paragraph))
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]


def test_an_appendix_is_portrait_unless_its_table_needs_landscape(
    tmp_path: Path, sample_copy: Path
) -> None:
    document = build(tmp_path, THREE_COLUMNS, TEXT, PLAIN)
    sections = document.sections
    assert [s.orientation for s in sections] == [PORTRAIT] * 4
    for section in sections[1:]:  # the body's page (Mẫu 2.1), each numbered from 1
        assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 35
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    budget = content_tables(document)[0]
    assert sum(round(c.width / 635) for c in budget.columns) == text_width_twips(
        sections[1]._sectPr
    )

    (sample_copy / "91-phu-luc.md").write_text(THREE_COLUMNS, encoding="utf-8")
    built = docx.Document(str(build_document(sample_copy, tmp_path / "sample").target))
    assert [s.orientation for s in built.sections] == [PORTRAIT, LANDSCAPE, PORTRAIT]
    assert round(built.sections[1].page_width.mm) == 297  # the sample's wide table


def test_the_front_matter_forces_the_orientation(tmp_path: Path, sample_copy: Path) -> None:
    forced = build(tmp_path, THREE_COLUMNS, extra="phu_luc: {huong: ngang}\n")
    assert [s.orientation for s in forced.sections] == [PORTRAIT, LANDSCAPE]
    target = tmp_path / "out" / "thu.docx"
    assert b"baocao-trang" not in zipfile.ZipFile(target).read("word/document.xml")

    front = sample_copy / "00-mo-dau.md"
    text = front.read_text(encoding="utf-8")
    front.write_text(text.replace("\nloai:", "\nphu_luc:\n  huong: dọc\nloai:", 1), "utf-8")
    built = docx.Document(str(build_document(sample_copy, tmp_path / "sample").target))
    assert [s.orientation for s in built.sections] == [PORTRAIT, PORTRAIT]
    budget = content_tables(built)[0]
    assert sum(round(c.width / 635) for c in budget.columns) == text_width_twips(
        built.sections[1]._sectPr
    )


def orientation_problems(root: Path, extra: str) -> list[Any]:
    return [p for p in problems_of(root, extra=extra) if "hướng trang" in p.message]


def test_an_unknown_orientation_is_a_problem_at_its_line(tmp_path: Path) -> None:
    (problem,) = orientation_problems(tmp_path / "a", "phu_luc:\n  huong: xeo\n")
    assert problem.position.path.name == "00-mo-dau.md"
    lines = (tmp_path / "a" / "thu" / "00-mo-dau.md").read_text(encoding="utf-8").splitlines()
    assert lines[problem.position.line - 1].strip() == "huong: xeo"
    assert problem.message.startswith("hướng trang phụ lục “xeo” không rõ: ghi “huong: doc”")
    (inline,) = orientation_problems(tmp_path / "b", "phu_luc: {huong: ngangg}\n")
    lines = (tmp_path / "b" / "thu" / "00-mo-dau.md").read_text(encoding="utf-8").splitlines()
    assert lines[inline.position.line - 1].startswith("phu_luc:")


def test_appendices_of_text_lists_and_plain_tables_have_their_lines(tmp_path: Path) -> None:
    document = build(tmp_path, TEXT, PLAIN)
    paragraphs = document.paragraphs
    assert [p.text for p in styled(document, "Appendix Heading")] == ["Phụ lục I", "Phụ lục II"]
    assert [p.text for p in styled(document, "Appendix Title")] == ["DANH SÁCH NHIỆM VỤ"]
    lines = styled(document, "Attachment Line")
    assert [p.text for p in lines] == [
        f"(Kèm theo Báo cáo số {BLANK_NUMBER}/BC-UBND ngày 08 tháng 01 năm 2027 "
        "của Ủy ban nhân dân xã Thử Nghiệm)"
    ] * 2
    for line in lines:  # Mẫu 2.1's short rule under "(Kèm theo …)"
        rule = paragraphs[[p._p for p in paragraphs].index(line._p) + 1]
        assert rule.style.name == "Rule"
        border = rule.style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
        assert border.get(qn("w:val")) == "single"
    texts = [p.text for p in paragraphs]
    first = texts.index("Phụ lục I")
    assert texts[first + 4 : first + 7] == [
        "Các nhiệm vụ trọng tâm:",
        "- Số hóa hồ sơ một cửa.",
        "- Tập huấn kỹ năng số./.",  # each appendix ends with the end mark (Mẫu 2.1)
    ]
    second = texts.index("Phụ lục II")  # no title typed: none printed
    assert texts[second + 1].startswith("(Kèm theo")
    (plain,) = content_tables(document)
    assert [[c.text for c in row.cells] for row in plain.rows] == [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì"],  # its header, and no column-number row added
        ["1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND"],
        ["", "Trong đó:", ""],
        ["2", "Tập huấn cho cán bộ", "Phòng Văn hóa - Xã hội"],
    ]


def test_cells_print_their_italic_and_bold(tmp_path: Path) -> None:
    document = build(tmp_path, THREE_COLUMNS, PLAIN)
    budget, plain = content_tables(document)
    runs = cell_runs(budget) + cell_runs(plain)
    assert not [text for text, _, _ in runs if "*" in text or "_" in text]
    italic = {text.strip() for text, i, _ in runs if i}
    bold = {text.strip() for text, _, b in runs if b}
    assert {"Trong đó:", "Tập huấn"} <= italic
    assert {"màu", "cán bộ"} <= bold
    assert "Máy in" not in bold and "cho" not in italic | bold
    numbers = [c.text for c in budget.rows[1].cells]  # the source's own column-number row
    assert numbers == ["A", "B", "(1)"]


def test_ten_co_quan_is_printed_as_written(tmp_path: Path) -> None:
    document = build(tmp_path, TEXT, extra="ten_co_quan: Ủy ban nhân dân Xã Thử Nghiệm\n")
    (line,) = styled(document, "Attachment Line")
    assert line.text.endswith("ngày 08 tháng 01 năm 2027 của Ủy ban nhân dân Xã Thử Nghiệm)")
