"""The text of runs and paragraphs (baocao.ooxml.text), one definition for the finishing pass and
the received-document reader: what each inner element of a run shows, and which runs a paragraph
shows."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.ooxml.elements import parse_xml
from baocao.ooxml.namespaces import NAMESPACES
from baocao.ooxml.text import (
    cell_paragraphs,
    emphasis,
    paragraph_text,
    run_text,
    runs,
    table_cell_paragraphs,
)
from ooxml_elements import new_table


def xml(text: str) -> Any:
    """The element written in `text`, with the w: and mc: prefixes declared around it."""
    wrapped = f'<w:body xmlns:w="{NAMESPACES["w"]}" xmlns:mc="{NAMESPACES["mc"]}">{text}</w:body>'
    return parse_xml(wrapped.encode())[0]


@pytest.mark.parametrize(
    ("inner", "shown"),
    [
        ("<w:t>Kinh phí</w:t>", "Kinh phí"),
        ('<w:t xml:space="preserve"> 300 </w:t>', " 300 "),
        ("<w:tab/>", "\t"),
        ('<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/>', "\t"),
        ("<w:br/>", "\n"),
        ('<w:br w:type="textWrapping"/>', "\n"),
        ('<w:br w:type="page"/>', ""),
        ('<w:br w:type="column"/>', ""),
        ("<w:cr/>", "\n"),
        ("<w:noBreakHyphen/>", "-"),
        ("<w:softHyphen/>", ""),
        ('<w:sym w:font="Wingdings" w:char="F0FC"/>', ""),
        ("<w:instrText> PAGE </w:instrText>", ""),
        ("<w:delText>cũ</w:delText>", ""),
        ("<w:lastRenderedPageBreak/>", ""),
        ("<!-- a comment -->", ""),
    ],
)
def test_what_each_inner_element_of_a_run_shows(inner: str, shown: str) -> None:
    assert run_text(xml(f"<w:r><w:rPr><w:b/></w:rPr>{inner}</w:r>")) == shown


def test_a_run_reads_its_pieces_in_order() -> None:
    run = xml("<w:r><w:t>TT</w:t><w:tab/><w:t>NỘI DUNG</w:t><w:br/><w:t>2027</w:t></w:r>")
    assert run_text(run) == "TT\tNỘI DUNG\n2027"


def test_a_paragraph_shows_the_runs_word_shows() -> None:
    paragraph = xml(
        "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>"
        "<w:r><w:t>a</w:t></w:r>"
        "<w:hyperlink><w:r><w:t>b</w:t></w:r></w:hyperlink>"
        "<w:ins><w:r><w:t>c</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>XÓA</w:delText></w:r></w:del>"
        "<w:moveFrom><w:r><w:t>CHUYỂN ĐI</w:t></w:r></w:moveFrom>"
        "<w:moveTo><w:r><w:t>d</w:t></w:r></w:moveTo>"
        "<w:smartTag><w:r><w:t>e</w:t></w:r></w:smartTag>"
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>f</w:t></w:r></w:fldSimple>'
        "<w:customXml><w:r><w:t>g</w:t></w:r></w:customXml>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>h</w:t></w:r></w:sdtContent></w:sdt>"
        "<mc:AlternateContent><mc:Fallback><w:r><w:t>BẢN CŨ</w:t></w:r></mc:Fallback>"
        "</mc:AlternateContent>"
        "</w:p>"
    )
    assert paragraph_text(paragraph) == "abcdefgh"
    assert len(list(runs(paragraph))) == 8


@pytest.mark.parametrize(
    ("properties", "expected"),
    [("", (False, False)), ("<w:rPr><w:b/></w:rPr>", (True, False)),
     ('<w:rPr><w:b w:val="0"/><w:i/></w:rPr>', (False, True)),
     ('<w:rPr><w:b w:val="off"/><w:i w:val="false"/></w:rPr>', (False, False))],
)  # fmt: skip
def test_emphasis_of_a_run(properties: str, expected: tuple[bool, bool]) -> None:
    assert emphasis(xml(f"<w:r>{properties}<w:t>x</w:t></w:r>")) == expected


def test_cell_paragraphs_read_line_breaks_and_bold() -> None:
    cell = new_table(1, 1).cell(0, 0)
    first = cell.paragraphs[0]
    first.add_run("Dòng một")
    first.add_run().add_break()
    first.add_run("dòng hai")
    cell.add_paragraph().add_run("Đậm").bold = True
    cell.add_paragraph().add_run("Không đậm").bold = False  # <w:b w:val="0"/>
    assert cell_paragraphs(cell._tc) == [
        ("Dòng một\ndòng hai", False),
        ("Đậm", True),
        ("Không đậm", False),
    ]
    # the same text as a paragraph's, read the slower way
    assert [text for text, _ in cell_paragraphs(cell._tc)] == [
        paragraph_text(p._p) for p in cell.paragraphs
    ]


def test_cell_paragraphs_ignore_a_bold_paragraph_mark() -> None:
    cell = new_table(1, 1).cell(0, 0)
    paragraph = cell.paragraphs[0]
    paragraph.add_run("thường")
    mark = paragraph._p.get_or_add_pPr()
    mark.append(xml("<w:rPr><w:b/></w:rPr>"))  # formats the paragraph mark, not the text
    assert cell_paragraphs(cell._tc) == [("thường", False)]


def test_cell_paragraphs_read_every_piece_as_a_run_does() -> None:
    tc = xml(
        "<w:tc><w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:noBreakHyphen/><w:t>C</w:t>"
        '<w:br w:type="page"/><w:cr/><w:t>D</w:t></w:r></w:p></w:tc>'
    )
    assert cell_paragraphs(tc) == [(paragraph_text(tc[0]), False)] == [("A\tB-C\nD", False)]


@pytest.mark.parametrize(
    "cells",
    [
        # as pandoc writes them: one walk of the whole table
        "<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TỔNG</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>1.</w:t><w:tab/>"
        "<w:t>2</w:t></w:r></w:p><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr/><w:p/></w:tc><w:tc/>",
        # a nested table, a content control, a text box: read cell by cell
        "<w:tc><w:p><w:r><w:t>ngoài</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>trong"
        "</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>sau</w:t></w:r></w:p></w:tc>",
        "<w:tc><w:sdt><w:sdtContent><w:p><w:r><w:t>ẩn</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>hiện</w:t></w:r></w:p></w:tc>",
        "<w:tc><w:p><w:r><w:t>x</w:t><w:pict><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict><w:t>y</w:t></w:r></w:p></w:tc>",
    ],
)
def test_a_whole_table_reads_as_each_of_its_cells(cells: str) -> None:
    tbl = xml(f"<w:tbl><w:tr>{cells}</w:tr><w:tr>{cells}</w:tr></w:tbl>")
    read = table_cell_paragraphs(tbl)
    every = list(tbl.iter(f"{{{NAMESPACES['w']}}}tc"))
    assert list(read) == every
    assert read == {tc: cell_paragraphs(tc) for tc in every}
    assert read[every[0]] != []
