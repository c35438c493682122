"""Raw WordprocessingML helpers (baocao.docx.oxml) on small documents made with python-docx:
schema order, borders and margins, styles, fonts and colours, rows, the table grid, cell text,
and sections."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import docx
from baocao.docx import oxml


def local_names(parent: Any) -> list[str]:
    """The children of an element as "w:name"."""
    return [f"w:{element.tag.split('}')[1]}" for element in parent]


def element(tag: str, *children: Any, **attributes: str) -> Any:
    """A w: element with w: attributes and children."""
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    for child in children:
        made.append(child)
    return made


def new_table(rows: int, columns: int) -> Any:
    return docx.Document().add_table(rows=rows, cols=columns)


# ---- schema order ----


def test_ordered_child_inserts_in_schema_order() -> None:
    ppr = element("w:pPr", element("w:spacing"), element("w:ind"), element("w:rPr"))
    jc = oxml.ordered_child(ppr, "w:jc", oxml.PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:spacing", "w:ind", "w:jc", "w:rPr"]
    oxml.ordered_child(ppr, "w:pStyle", oxml.PARAGRAPH_PR_ORDER)
    oxml.ordered_child(ppr, "w:keepNext", oxml.PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:pStyle", "w:keepNext", "w:spacing", "w:ind", "w:jc", "w:rPr"]
    assert oxml.ordered_child(ppr, "w:jc", oxml.PARAGRAPH_PR_ORDER) is jc  # found, not added


def test_ordered_child_appends_when_nothing_follows_it() -> None:
    ppr = element("w:pPr", element("w:pStyle"))
    oxml.ordered_child(ppr, "w:outlineLvl", oxml.PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:pStyle", "w:outlineLvl"]


def test_child_finds_or_creates_last_or_first() -> None:
    rpr = element("w:rPr", element("w:b"))
    sz = oxml.child(rpr, "w:sz")
    fonts = oxml.child(rpr, "w:rFonts", first=True)
    assert local_names(rpr) == ["w:rFonts", "w:b", "w:sz"]
    assert oxml.child(rpr, "w:sz") is sz and oxml.child(rpr, "w:rFonts") is fonts


# ---- table properties ----


def test_set_table_borders_draws_every_line_in_eighths_of_a_point() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    oxml.set_table_borders(tblpr, 0.5)
    assert local_names(tblpr) == ["w:tblW", "w:tblBorders", "w:tblLook"]  # schema order
    borders = tblpr.find(qn("w:tblBorders"))
    assert local_names(borders) == [f"w:{side}" for side in oxml.BORDER_SIDES]
    for edge in borders:
        assert dict(edge.attrib) == {
            qn("w:val"): "single",
            qn("w:sz"): "4",
            qn("w:space"): "0",
            qn("w:color"): "000000",
        }


def test_set_table_borders_at_zero_removes_every_line() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    oxml.set_table_borders(tblpr, 1)
    oxml.set_table_borders(tblpr, 0)
    (borders,) = tblpr.findall(qn("w:tblBorders"))
    assert [dict(edge.attrib) for edge in borders] == [{qn("w:val"): "nil"}] * 6


def test_set_cell_margins_sets_the_sides_only() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    oxml.set_cell_margins(tblpr, 57)
    assert local_names(tblpr) == ["w:tblW", "w:tblCellMar", "w:tblLook"]
    margins = tblpr.find(qn("w:tblCellMar"))
    found = {
        name: (edge.get(qn("w:w")), edge.get(qn("w:type")))
        for name, edge in zip(local_names(margins), margins, strict=True)
    }
    assert found == {
        "w:top": ("0", "dxa"),
        "w:left": ("57", "dxa"),
        "w:bottom": ("0", "dxa"),
        "w:right": ("57", "dxa"),
    }


# ---- styles, fonts and colours ----


def test_reset_style_forgets_paragraph_and_run_properties_and_base() -> None:
    style = docx.Document().styles["Heading 1"].element
    assert {"w:pPr", "w:rPr", "w:basedOn"} <= set(local_names(style))
    oxml.reset_style(style)
    names = local_names(style)
    assert not {"w:pPr", "w:rPr", "w:basedOn"} & set(names)
    assert "w:name" in names and style.get(qn("w:styleId")) == "Heading1"


def test_set_fonts_fills_the_four_slots_and_drops_theme_fonts() -> None:
    rpr = docx.Document().styles["Heading 1"].element.find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:asciiTheme")) == "majorHAnsi"
    oxml.set_fonts(rpr, "Times New Roman")
    (fonts,) = rpr.findall(qn("w:rFonts"))
    assert dict(fonts.attrib) == {qn(slot): "Times New Roman" for slot in oxml.FONT_SLOTS}


def test_set_fonts_puts_a_new_rfonts_first() -> None:
    rpr = element("w:rPr", element("w:b"), element("w:sz", val="26"))
    oxml.set_fonts(rpr, "Times New Roman")
    assert local_names(rpr) == ["w:rFonts", "w:b", "w:sz"]


def test_set_color_drops_the_theme_colour() -> None:
    rpr = docx.Document().styles["Heading 1"].element.find(qn("w:rPr"))
    assert rpr.find(qn("w:color")).get(qn("w:themeColor")) == "accent1"
    oxml.set_color(rpr, "000000")
    (color,) = rpr.findall(qn("w:color"))
    assert dict(color.attrib) == {qn("w:val"): "000000"}


# ---- rows ----


def test_keep_row_together_adds_cant_split_once() -> None:
    tr = new_table(1, 2)._tbl.tr_lst[0]
    oxml.keep_row_together(tr)
    oxml.keep_row_together(tr)
    assert local_names(tr)[0] == "w:trPr"  # a row's properties come before its cells
    assert local_names(tr.find(qn("w:trPr"))) == ["w:cantSplit"]


def test_keep_row_together_places_row_properties_after_tbl_pr_ex() -> None:
    tr = new_table(1, 2)._tbl.tr_lst[0]
    tr.insert(0, element("w:tblPrEx"))
    oxml.keep_row_together(tr)
    assert local_names(tr)[:3] == ["w:tblPrEx", "w:trPr", "w:tc"]


@pytest.mark.parametrize(
    ("flag", "header"),
    [(None, False), ({}, True), ({"val": "true"}, True), ({"val": "0"}, False),
     ({"val": "false"}, False)],
)  # fmt: skip
def test_is_header_row_reads_tbl_header(flag: dict[str, str] | None, header: bool) -> None:
    tr = new_table(1, 1)._tbl.tr_lst[0]
    if flag is not None:
        tr.insert(0, element("w:trPr", element("w:tblHeader", **flag)))
    assert oxml.is_header_row(tr) is header


# ---- the grid and cell text ----


def test_grid_layout_gives_each_real_cell_its_column_and_span() -> None:
    table = new_table(3, 3)
    table.cell(0, 0).merge(table.cell(0, 1))
    tbl = table._tbl
    tbl.tr_lst[0].insert(0, element("w:trPr", element("w:tblHeader")))
    skipped = tbl.tr_lst[2]  # a row that starts one grid column in, with two cells
    skipped.remove(skipped.tc_lst[0])
    skipped.insert(0, element("w:trPr", element("w:gridBefore", val="1")))
    layout = [(column, span, header) for _, column, span, header in oxml.grid_layout(tbl)]
    assert layout == [
        (0, 2, True),
        (2, 1, True),
        (0, 1, False),
        (1, 1, False),
        (2, 1, False),
        (1, 1, False),
        (2, 1, False),
    ]
    cells = [tc for tc, *_ in oxml.grid_layout(tbl)]
    assert cells == [tc for tr in tbl.tr_lst for tc in tr.tc_lst]


def test_cell_text_reads_line_breaks_and_bold() -> None:
    cell = new_table(1, 1).cell(0, 0)
    first = cell.paragraphs[0]
    first.add_run("Dòng một")
    first.add_run().add_break()
    first.add_run("dòng hai")
    cell.add_paragraph().add_run("Đậm").bold = True
    cell.add_paragraph().add_run("Không đậm").bold = False  # <w:b w:val="0"/>
    assert oxml.cell_text(cell._tc) == [
        ("Dòng một\ndòng hai", False),
        ("Đậm", True),
        ("Không đậm", False),
    ]


def test_cell_text_ignores_a_bold_paragraph_mark() -> None:
    cell = new_table(1, 1).cell(0, 0)
    paragraph = cell.paragraphs[0]
    paragraph.add_run("thường")
    mark = paragraph._p.get_or_add_pPr()
    mark.append(mark.makeelement(qn("w:rPr")))
    mark[-1].append(mark.makeelement(qn("w:b")))  # formats the paragraph mark, not the text
    assert oxml.cell_text(cell._tc) == [("thường", False)]


# ---- sections ----


def two_sections() -> tuple[Any, list[Any]]:
    """A document with a paragraph and a table in its first section, then a second paragraph:
    returns the document and the paragraphs [first, in the table, after the break]."""
    document = docx.Document()
    first = document.add_paragraph("Mở đầu")
    table = document.add_table(rows=1, cols=1)
    in_table = table.cell(0, 0).paragraphs[0]
    document.add_section()  # ends the first section in a new paragraph's w:pPr
    after = document.add_paragraph("Phụ lục")
    return document, [first._p, in_table._p, after._p]


def test_governing_section_is_the_next_section_break() -> None:
    document, (first, in_table, after) = two_sections()
    body = document.element.body
    ending = body.xpath("./w:p/w:pPr/w:sectPr")
    (final,) = body.findall(qn("w:sectPr"))
    assert len(ending) == 1
    assert oxml.governing_section(first) is ending[0]
    assert oxml.governing_section(in_table) is ending[0]  # from inside a table cell
    assert oxml.governing_section(after) is final


def test_restart_page_numbers_sets_the_start_in_schema_order() -> None:
    sectpr = docx.Document().sections[0]._sectPr
    oxml.restart_page_numbers(sectpr)
    assert local_names(sectpr) == ["w:pgSz", "w:pgMar", "w:pgNumType", "w:cols", "w:docGrid"]
    oxml.restart_page_numbers(sectpr, 3)
    (numbering,) = sectpr.findall(qn("w:pgNumType"))
    assert numbering.get(qn("w:start")) == "3"
