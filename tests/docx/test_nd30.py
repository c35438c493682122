"""Conformance to Nghị định 30/2020 (docs/nd30-rules.md), rule by rule, read from the DOCX.

Every size, weight and slant is read through the style chain (direct formatting, the paragraph
style and its bases), as Word resolves it, not from direct formatting alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

import docx
from baocao.build import build_document
from baocao.docx.metrics import text_width as text_width_of
from conftest import SAMPLE
from style_chain import (
    all_paragraphs,
    doc_defaults_rpr,
    font_slots,
    is_bold,
    is_italic,
    paragraph_value,
    real_cells,
    size_pt,
    style_chain,
    text_runs,
)

HEADING_NUMBER = re.compile(r"([IVX]+\.|[A-Z]\.|\d+(\.\d+)*\.|[a-zđ]\)) ")
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


@pytest.fixture(scope="module")
def document(sample_document: Any) -> Any:
    return sample_document


@pytest.fixture(scope="module")
def paragraphs(document: Any) -> list:
    return all_paragraphs(document)


def find(paragraphs: list, text: str) -> Any:
    found = [p for p in paragraphs if p.text == text]
    assert len(found) == 1, f"{text!r} found {len(found)} times"
    return found[0]


def look(paragraph: Any) -> set[tuple[float | None, bool, bool]]:
    """(size, bold, italic) of every visible run of a paragraph, through the style chain."""
    return {
        (size_pt(r, paragraph), is_bold(r, paragraph), is_italic(r, paragraph))
        for r in text_runs(paragraph)
    }


def mm(length: int) -> float:
    """A length in millimetres, to 0,1 mm (DOCX stores whole twips)."""
    return round(length / 36000, 1)


def same_length(a: int, b: int) -> bool:
    """Equal to within a twip (DOCX stores page sizes in whole twips)."""
    return abs(a - b) <= 635


def alignment(paragraph: Any) -> Any:
    return paragraph_value(paragraph, lambda f: f.alignment)


def assert_look(paragraph: Any, sizes: tuple[float, float], bold: bool, italic: bool) -> None:
    looks = look(paragraph)
    assert looks, f"no text in {paragraph.text!r}"
    for size, b, i in looks:
        assert sizes[0] <= size <= sizes[1], f"{paragraph.text!r}: {size} pt"
        assert (b, i) == (bold, italic), f"{paragraph.text!r}: bold {b}, italic {i}"


def body_paragraphs(document: Any) -> list:
    """The body's own paragraphs of section 1 (not the frame's tables), up to the signature."""
    styles = {"Body Text", "First Paragraph"}
    return [p for p in document.paragraphs if p.style.name in styles]


# ---- page, font, page numbers ----


def test_paper_is_a4_portrait_with_the_decree_margins(document: Any) -> None:
    first = document.sections[0]
    assert same_length(first.page_width, Mm(210)) and same_length(first.page_height, Mm(297))
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert 20 <= mm(first.top_margin) <= 25
    assert 20 <= mm(first.bottom_margin) <= 25
    assert 30 <= mm(first.left_margin) <= 35
    assert 15 <= mm(first.right_margin) <= 20


def test_every_font_slot_is_times_new_roman_without_theme_fonts(document: Any) -> None:
    defaults = doc_defaults_rpr(document)
    for paragraph in all_paragraphs(document):
        for run in text_runs(paragraph):
            slots = font_slots(run, paragraph, defaults)
            assert set(slots.values()) == {"Times New Roman"}, (paragraph.text[:40], slots)
    for part in (document.styles.element, document.element):
        for fonts in part.iter(qn("w:rFonts")):
            assert not any("Theme" in key or "theme" in key for key in fonts.attrib)


def test_text_is_black_everywhere(document: Any) -> None:
    for color in document.styles.element.iter(qn("w:color")):
        assert color.get(qn("w:val")) == "000000"
        assert color.get(qn("w:themeColor")) is None
    assert not list(document.element.iter(qn("w:color")))  # no direct colour in the text


def test_page_numbers_are_centred_in_the_header_and_absent_from_page_one(document: Any) -> None:
    for section in document.sections:
        assert section.different_first_page_header_footer
        header = section.header.paragraphs[0]
        assert "PAGE" in header._p.xml
        assert alignment(header) == CENTER
        for element in header._p.iter(qn("w:r")):
            r = Run(element, header)
            assert 13 <= size_pt(r, header) <= 14 and not is_bold(r, header)
            assert not is_italic(r, header)
        assert "PAGE" not in section.first_page_header._element.xml
        assert not section.footer.paragraphs or not section.footer.paragraphs[0].text


# ---- the header block (ô 1–4) ----


def test_header_block_is_a_borderless_two_column_table(document: Any) -> None:
    header = document.tables[0]
    assert header.style.name == "Header Block"
    assert len(header.columns) == 2
    borders = header.style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert [c.width.twips for c in header.columns] == [3829, 5953]


def test_national_title_and_motto_top_right(document: Any) -> None:
    right = document.tables[0].rows[0].cells[1].paragraphs
    title, motto = right[0], right[1]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert_look(title, (12, 13), bold=True, italic=False)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert_look(motto, (13, 14), bold=True, italic=False)
    assert alignment(title) == alignment(motto) == CENTER
    rule = right[2]
    assert rule.style.name == "Rule" and "w:pBdr" in rule.style.element.xml


def test_agency_capitals_bold_centred_over_the_number(document: Any) -> None:
    header = document.tables[0]
    left = header.rows[0].cells[0].paragraphs
    agency = [p for p in left if p.style.name == "Agency"]
    assert [p.text for p in agency] == ["ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"]
    for paragraph in agency:
        assert paragraph.text == paragraph.text.upper()
        assert_look(paragraph, (12, 13), bold=True, italic=False)
        assert alignment(paragraph) == CENTER
    assert left[-1].style.name == "Rule"
    number = header.rows[1].cells[0].paragraphs[0]
    assert re.fullmatch(r"Số: \s+/BC-UBND", number.text)
    assert_look(number, (13, 13), bold=False, italic=False)
    assert alignment(number) == CENTER


def test_place_and_date_italic_on_the_number_row_under_the_motto(document: Any) -> None:
    place = document.tables[0].rows[1].cells[1].paragraphs[0]
    assert re.fullmatch(r"Xã Nguyễn Lương Bằng, ngày \s+ tháng 7 năm 2026", place.text)
    assert_look(place, (13, 14), bold=False, italic=True)
    assert alignment(place) == CENTER


# ---- title, subject, body ----


def test_document_type_and_subject(paragraphs: list) -> None:
    kind = find(paragraphs, "BÁO CÁO")
    assert_look(kind, (13, 14), bold=True, italic=False)
    subject = next(p for p in paragraphs if p.style.name == "Subject")
    assert subject.text.startswith("Thực hiện kế hoạch") and not subject.text.startswith("V/v")
    assert_look(subject, (13, 14), bold=True, italic=False)
    assert alignment(kind) == alignment(subject) == CENTER
    following = subject._p.getnext()
    assert Paragraph(following, subject._parent).style.name == "Rule"


def test_body_is_justified_13_to_14_pt_with_a_first_line_indent(document: Any) -> None:
    body = body_paragraphs(document)
    assert len(body) > 40
    for paragraph in body:
        for size, _bold, _italic in look(paragraph):
            assert 13 <= size <= 14
        assert alignment(paragraph) == JUSTIFY
        indent = paragraph_value(paragraph, lambda f: f.first_line_indent)
        assert Mm(10) <= indent <= Mm(12.7)
        assert not paragraph_value(paragraph, lambda f: f.left_indent)
        before = paragraph_value(paragraph, lambda f: f.space_before) or 0
        after = paragraph_value(paragraph, lambda f: f.space_after) or 0
        assert before + after >= Pt(6)
        assert 1.0 <= paragraph_value(paragraph, lambda f: f.line_spacing) <= 1.5


def test_headings_are_text_with_their_own_numbers_not_word_lists(document: Any) -> None:
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings
    for paragraph in headings:
        assert re.match(r"([IVX]+\.|[A-Z]\.|\d+(\.\d+)*\.|[a-zđ]\)) ", paragraph.text), (
            paragraph.text
        )
        indent = paragraph_value(paragraph, lambda f: f.first_line_indent)
        assert Mm(10) <= indent <= Mm(12.7)
    level_one = [p for p in headings if p.style.name == "Heading 1"]
    assert all(is_bold(r, p) for p in level_one for r in text_runs(p))
    assert not list(document.element.body.iter(qn("w:numPr")))
    for paragraph in all_paragraphs(document):
        for style in style_chain(paragraph):
            assert style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None, style.name


def test_dash_items_are_body_paragraphs(document: Any) -> None:
    items = [p for p in body_paragraphs(document) if p.text.startswith(("- ", "+ "))]
    assert len(items) > 10
    for paragraph in items:
        assert alignment(paragraph) == JUSTIFY
        assert paragraph_value(paragraph, lambda f: f.first_line_indent) >= Mm(10)


def test_bold_and_italic_come_from_the_markdown(document: Any) -> None:
    paragraph = next(p for p in document.paragraphs if "Theo Kế hoạch số 234" in p.text)
    italic = "".join(r.text for r in paragraph.runs if is_italic(r, paragraph))
    assert italic.startswith("Theo Kế hoạch số 234/BC-UBND")
    assert not any(is_italic(r, paragraph) for r in paragraph.runs if "Năm 2026" in r.text)


def test_the_body_ends_with_the_end_mark(document: Any) -> None:
    assert body_paragraphs(document)[-1].text.endswith("./.")


# ---- signature block (ô 7, 9b) ----


def test_signature_block_is_a_borderless_two_column_table(document: Any) -> None:
    signature = document.tables[1]
    assert signature.style.name == "Signature Block"
    section = document.sections[0]
    text_width = Length(section.page_width - section.left_margin - section.right_margin).twips
    widths = [c.width.twips for c in signature.columns]
    assert abs(sum(widths) - text_width) <= 1  # flush with the body: "Nơi nhận:" at the margin
    recipients_column = widths[0] - 2 * 108
    for line in ("- Sở Khoa học và Công nghệ (b/c);", "- Các phòng chuyên môn thuộc xã;"):
        assert text_width_of(line, 11) <= recipients_column  # one line each, as in the samples
    left, right = signature.rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    assert_look(heading, (12, 12), bold=True, italic=True)
    assert alignment(heading) == LEFT
    recipients = left.paragraphs[1:]
    assert [p.text for p in recipients][-1] == "- Lưu: VT, VHXH."
    for paragraph in recipients:
        assert paragraph.text.startswith("- ")
        assert paragraph.text.endswith(";" if paragraph is not recipients[-1] else ".")
        assert_look(paragraph, (11, 11), bold=False, italic=False)
        assert alignment(paragraph) == LEFT
        assert not paragraph_value(paragraph, lambda f: f.first_line_indent)
    authority, name = right.paragraphs
    assert authority.text.split("\n") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert_look(authority, (13, 14), bold=True, italic=False)
    assert name.text == "Đoàn Văn Cát"
    assert_look(name, (13, 14), bold=True, italic=False)
    assert alignment(authority) == alignment(name) == CENTER
    assert paragraph_value(name, lambda f: f.space_before).pt >= 48  # room to sign


def test_nơi_nhận_is_level_with_the_authority_line(document: Any) -> None:
    left, right = document.tables[1].rows[0].cells
    heading, authority = left.paragraphs[0], right.paragraphs[0]
    ascent = 0.891  # Times New Roman's ascent, in em

    def baseline(paragraph: Any) -> float:
        before = paragraph_value(paragraph, lambda f: f.space_before).pt
        return before + ascent * size_pt(text_runs(paragraph)[0], paragraph)

    assert abs(baseline(heading) - baseline(authority)) < 1.5


# ---- appendix ----


def test_appendix_is_its_own_landscape_section_numbered_from_one(document: Any) -> None:
    assert len(document.sections) == 2
    appendix = document.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert same_length(appendix.page_width, Mm(297))
    assert same_length(appendix.page_height, Mm(210))
    # PL I, I.3: bottom 20–25 mm on every page, the exemplar file's 15 mm notwithstanding
    assert 20 <= mm(appendix.bottom_margin) <= 25 and 20 <= mm(appendix.top_margin) <= 25
    numbering = appendix._sectPr.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"
    assert document.sections[0]._sectPr.find(qn("w:pgNumType")) is None


def test_appendix_heading_title_attachment_line_and_unit(paragraphs: list) -> None:
    heading = find(paragraphs, "Phụ lục")
    assert_look(heading, (14, 14), bold=True, italic=False)
    title = paragraphs[paragraphs.index(heading) + 1]
    assert title.style.name == "Appendix Title"
    assert title.text.startswith("TỔNG HỢP") and title.text == title.text.upper()
    assert_look(title, (13, 14), bold=True, italic=False)
    attachment = next(p for p in paragraphs if p.text.startswith("(Kèm theo"))
    assert re.fullmatch(
        r"\(Kèm theo Báo cáo số \s+/BC-UBND ngày \s+ tháng 7 năm 2026 "
        r"của Ủy ban nhân dân Xã Nguyễn Lương Bằng\)",  # dia_danh as the front matter writes it
        attachment.text,
    )
    assert_look(attachment, (13, 14), bold=False, italic=True)
    assert paragraphs[paragraphs.index(attachment) + 1].style.name == "Rule"  # Mẫu 2.1's rule
    assert alignment(heading) == alignment(title) == alignment(attachment) == CENTER
    unit = find(paragraphs, "Đơn vị: Triệu đồng")
    assert alignment(unit) == RIGHT and all(i for _, _, i in look(unit))


def test_budget_table_is_an_official_grid(document: Any) -> None:
    table = document.tables[2]
    borders = table.style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    assert len(borders) == 6
    rows = table._tbl.tr_lst
    header = [tr for tr in rows if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert len(header) == 3  # two heading levels and the column-number row, on every page
    assert rows[: len(header)] == header
    for cell in real_cells(table):
        for paragraph in cell.paragraphs:
            assert not paragraph_value(paragraph, lambda f: f.first_line_indent)
    for tr in rows[len(header) :]:
        for tc in tr.tc_lst[2:]:  # the amount columns
            for paragraph in _Cell(tc, table).paragraphs:
                assert re.fullmatch(r"(\d{1,3}(\.\d{3})*)?", paragraph.text)
                if paragraph.text:
                    assert alignment(paragraph) == RIGHT
    section_row = next(c for c in real_cells(table) if c.text == "Chi thường xuyên (I+II+III+IV)")
    assert all(is_bold(r, p) for p in section_row.paragraphs for r in text_runs(p))


def test_a_document_with_every_optional_part(content_copy: Path, tmp_path: Path) -> None:
    """Parent agency (not bold), a number below 10 with its 0, a full date, "Kính gửi"."""
    opening = content_copy / SAMPLE / "00-mo-dau.md"
    text = opening.read_text(encoding="utf-8")
    text = text.replace("co_quan:\n", "co_quan_chu_quan:\n  - UBND THÀNH PHỐ HẢI PHÒNG\nco_quan:\n")
    text = re.sub(r"\nso:.*\n", "\nso: 5\n", text)
    text = re.sub(r"\nngay:.*\n", "\nngay: 2027-01-08\nkinh_gui: Sở Khoa học và Công nghệ\n", text)
    opening.write_text(text, encoding="utf-8")
    built = docx.Document(str(build_document(content_copy / SAMPLE, tmp_path).target))
    paragraphs = all_paragraphs(built)
    parent = find(paragraphs, "UBND THÀNH PHỐ HẢI PHÒNG")
    assert_look(parent, (12, 13), bold=False, italic=False)
    find(paragraphs, "Số: 05/BC-UBND")
    find(paragraphs, "Xã Nguyễn Lương Bằng, ngày 08 tháng 01 năm 2027")
    to = find(paragraphs, "Kính gửi: Sở Khoa học và Công nghệ")
    assert_look(to, (13, 14), bold=False, italic=False)
    agency = [p for p in built.tables[0].rows[0].cells[0].paragraphs]
    assert [p.style.name for p in agency] == ["Parent Agency", "Agency", "Agency", "Rule"]
