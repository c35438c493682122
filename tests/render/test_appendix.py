"""Appendices: where they start, the attachment line "(Kèm theo …)" and the unit line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from baocao.money.dates import BLANK, DocumentDate
from baocao.parse.blocks import Heading, Paragraph, Text
from baocao.parse.frontmatter import AppendixOptions, FrontMatter, Signer
from baocao.parse.outline import outline
from baocao.problems import Position
from baocao.render.appendix import (
    AppendixPage,
    agency_name,
    appendix_page,
    attachment_line,
    split_appendices,
)
from baocao.render.document import render_document
from baocao.resolve.document import BudgetTable, ResolvedDocument, ShownBlock
from budget_documents import HEADER, load
from pandoc_page import style_of, text_of

HERE = Position(Path("90-phu-luc.md"), 1)
FRONT = FrontMatter(
    agency=("ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"),
    symbol="BC-UBND",
    place="Nguyễn Lương Bằng",
    date=DocumentDate(2026, 7),
    type="BÁO CÁO",
    subject="Thử",
    signer=Signer((), "CHỦ TỊCH", "Nguyễn Văn A"),
    recipients=("Lưu: VT",),
)


def paragraph(text: str) -> Paragraph:
    """A paragraph as parse hands it on, its outline read (a unit line: "Đơn vị: …")."""
    block = outline(Paragraph(HERE, (Text(text),)))
    assert isinstance(block, Paragraph)
    return block


def heading(text: str, level: int) -> Heading:
    """A heading as parse hands it on, its outline read ("# Phụ lục II" opens an appendix)."""
    block = outline(Heading(HERE, level, (Text(text),)))
    assert isinstance(block, Heading)
    return block


def table(unit: str = "Đơn vị: Triệu đồng") -> BudgetTable:
    body = HEADER.split("\n", 2)[2] + "| A | Một | | | | 1 |\n"
    return BudgetTable(HERE, load(body, declaration=f"{unit} {{#bang}}")[0])


def test_a_level_one_phu_luc_heading_starts_an_appendix_and_the_next_heading_titles_it() -> None:
    body = [heading("I. MỤC", 1), paragraph("Xem Phụ lục kèm theo.")]
    first = [heading("Phụ lục I", 1), heading("TỔNG HỢP", 2), table()]
    second = [heading("PHỤ LỤC II", 1), paragraph("x")]
    kept, appendices = split_appendices((*body, *first, *second))
    assert kept == body
    assert [a.heading for a in appendices] == [first[0], second[0]]
    assert appendices[0].title is first[1] and appendices[0].blocks == [first[2]]
    assert appendices[1].title is None and appendices[1].blocks == [second[1]]


def test_a_phu_luc_heading_below_level_one_is_body() -> None:
    body = [heading("Phụ lục chi tiết", 2)]
    assert split_appendices(tuple(body)) == (body, [])


@pytest.mark.parametrize(
    ("agency", "place", "name"),
    [
        # the place as dia_danh writes it: its type in lower case, or as dia_danh carries it
        (("ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"), "Nguyễn Lương Bằng",
         "Ủy ban nhân dân xã Nguyễn Lương Bằng"),
        (("ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"), "Xã Nguyễn Lương Bằng",
         "Ủy ban nhân dân Xã Nguyễn Lương Bằng"),
        (("HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG HỒNG BÀNG"), "Hồng Bàng",
         "Hội đồng nhân dân phường Hồng Bàng"),
        (("THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "XÃ AN BÌNH"), "An Bình",
         "Thường trực Hội đồng nhân dân xã An Bình"),
        (("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "XÃ AN BÌNH"), "An Bình",
         "Ủy ban Mặt trận Tổ quốc Việt Nam xã An Bình"),
        (("VĂN PHÒNG HĐND VÀ UBND", "XÃ AN BÌNH"), "An Bình", "Văn phòng HĐND và UBND xã An Bình"),
        (("UỶ BAN NHÂN DÂN", "XÃ AN  BÌNH"), "An Bình", "Ủy ban nhân dân xã An Bình"),  # "UỶ"
        (("ỦY BAN NHÂN DÂN XÃ AN BÌNH",), "An Bình", "Ủy ban nhân dân xã An Bình"),
        # not certain: the lines as typed (the editor sets ten_co_quan)
        (("ỦY BAN NHÂN DÂN", "PHƯỜNG HỒNG BÀNG"), "Hải Phòng",
         "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG"),
        (("TRƯỜNG ĐẠI HỌC VIỆT NHẬT",), "Hà Nội", "TRƯỜNG ĐẠI HỌC VIỆT NHẬT"),
    ],
)  # fmt: skip
def test_agency_in_running_text(agency: tuple[str, ...], place: str, name: str) -> None:
    assert agency_name(dataclasses.replace(FRONT, agency=agency, place=place)) == name


def test_ten_co_quan_is_the_agency_as_written() -> None:
    given = dataclasses.replace(
        FRONT, agency=("TRƯỜNG ĐẠI HỌC VIỆT NHẬT",), agency_name="Trường Đại học Việt Nhật"
    )
    assert agency_name(given) == "Trường Đại học Việt Nhật"
    assert attachment_line(given).endswith("của Trường Đại học Việt Nhật)")


def test_the_kind_word_is_the_front_matter_s_in_running_text() -> None:
    letter = dataclasses.replace(FRONT, type="CÔNG VĂN", symbol="UBND-VP", number=125)
    assert attachment_line(letter).startswith("(Kèm theo Công văn số 125/UBND-VP ngày ")


def test_two_or_more_appendices_are_numbered_in_roman_numerals() -> None:
    bare = (heading("Phụ lục", 1), paragraph("a"), heading("PHỤ LỤC", 1), paragraph("b"))
    _, appendices = split_appendices(bare)
    assert [appendix_page(a, FRONT).heading for a in appendices] == ["Phụ lục I", "PHỤ LỤC II"]
    typed = (heading("Phụ lục", 1), heading("Phụ lục II. Chi tiết", 1))
    _, appendices = split_appendices(typed)
    assert [appendix_page(a, FRONT).heading for a in appendices] == [
        "Phụ lục I",
        "Phụ lục II. Chi tiết",
    ]
    _, (single,) = split_appendices((heading("Phụ lục", 1),))
    assert appendix_page(single, FRONT).heading == "Phụ lục"


def test_no_title_is_invented() -> None:
    page = page_of(paragraph("Nội dung."))
    assert page.title is None
    drawn = render_document(ResolvedDocument("x", FRONT, (heading("Phụ lục", 1), paragraph("a"))))
    styles = [style_of(b) for b in drawn["blocks"]]
    assert "Appendix Heading" in styles and "Appendix Title" not in styles


def test_attachment_line_keeps_a_draft_s_blanks() -> None:
    assert attachment_line(FRONT) == (
        f"(Kèm theo Báo cáo số {chr(0xA0) * 6}/BC-UBND ngày {BLANK} tháng 7 năm 2026 "
        "của Ủy ban nhân dân xã Nguyễn Lương Bằng)"
    )


def test_attachment_line_of_a_signed_report() -> None:
    signed = dataclasses.replace(FRONT, number=5, date=DocumentDate(2027, 1, 8))
    assert attachment_line(signed) == (
        "(Kèm theo Báo cáo số 05/BC-UBND ngày 08 tháng 01 năm 2027 "
        "của Ủy ban nhân dân xã Nguyễn Lương Bằng)"
    )


def test_attachment_line_can_be_given_in_the_front_matter() -> None:
    options = AppendixOptions(attachment_line="(Kèm theo Kế hoạch số 1)")
    given = dataclasses.replace(FRONT, appendix=options)
    assert attachment_line(given) == "(Kèm theo Kế hoạch số 1)"


def page_of(*blocks: ShownBlock, front: FrontMatter = FRONT) -> AppendixPage:
    appendix = split_appendices((heading("Phụ lục", 1), *blocks))[1][0]
    return appendix_page(appendix, front)


def test_a_table_stating_its_unit_gives_the_line_and_shows_without_its_own() -> None:
    stating = table()
    page = page_of(paragraph("Đơn vị: nghìn đồng"), stating)
    assert page.unit == "Đơn vị: Triệu đồng"
    assert page.blocks == [stating] and page.bare is stating


@pytest.mark.parametrize("typed", ["Đơn vị tính:  triệu đồng", "ĐVT: Triệu đồng"])
def test_a_table_s_unit_line_prints_as_its_declaration_has_it(typed: str) -> None:
    """Whatever label the declaration opens with, the line reads as typed (spaces single)."""
    assert page_of(table(typed)).unit == " ".join(typed.split())


def test_a_typed_unit_paragraph_becomes_the_line() -> None:
    typed, rest = paragraph("Đơn vị tính: Triệu đồng"), paragraph("Ghi chú.")
    page = page_of(typed, rest)
    assert page.unit == "Đơn vị tính: Triệu đồng"
    assert page.blocks == [rest] and page.bare is None


def test_the_front_matter_unit_comes_last() -> None:
    front = dataclasses.replace(FRONT, appendix=AppendixOptions(unit_line="Đơn vị: Triệu đồng"))
    assert page_of(paragraph("Ghi chú."), front=front).unit == "Đơn vị: Triệu đồng"
    assert page_of(paragraph("Ghi chú.")).unit is None


def test_the_end_mark_closes_the_body_and_each_appendix(tmp_path: Path) -> None:
    blocks = (
        paragraph("Nội dung báo cáo"),
        heading("Phụ lục", 1),
        heading("TỔNG HỢP", 2),
        paragraph("Ghi chú."),
    )
    page = render_document(ResolvedDocument("x", FRONT, blocks))
    texts = [text_of(b["c"]) for b in page["blocks"] if b["t"] == "Para"]
    assert "Nội dung báo cáo./." in texts
    assert "Ghi chú./." in texts  # Mẫu 2.1 ends the appendix's content with "./."
    styles = [style_of(b) for b in page["blocks"]]
    assert styles.index("SignatureBlock") < styles.index("Appendix Heading")
    title = page["blocks"][styles.index("Appendix Title")]
    assert text_of(title["c"][1][0]["c"]) == "TỔNG HỢP"
