"""Sections (baocao.ooxml.sections): the section an element lies in, page numbering."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

import docx
from baocao.ooxml.sections import governing_section, page_twips, restart_page_numbers
from ooxml_elements import local_names


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
    assert governing_section(first) is ending[0]
    assert governing_section(in_table) is ending[0]  # from inside a table cell
    assert governing_section(after) is final


def test_restart_page_numbers_sets_the_start_in_schema_order() -> None:
    sectpr = docx.Document().sections[0]._sectPr
    restart_page_numbers(sectpr)
    assert local_names(sectpr) == ["w:pgSz", "w:pgMar", "w:pgNumType", "w:cols", "w:docGrid"]
    restart_page_numbers(sectpr, 3)
    (numbering,) = sectpr.findall(qn("w:pgNumType"))
    assert numbering.get(qn("w:start")) == "3"


def test_page_twips_reads_twips_and_universal_measures() -> None:
    section = docx.Document().sections[0]
    sectpr = section._sectPr
    assert page_twips(sectpr) == (12240, 1800, 1800)  # python-docx's Letter page, 1.25 in sides
    sectpr.find(qn("w:pgSz")).set(qn("w:w"), "210mm")
    sectpr.find(qn("w:pgMar")).set(qn("w:left"), "2cm")
    sectpr.find(qn("w:pgMar")).attrib.pop(qn("w:right"))
    assert page_twips(sectpr) == (11906, 1134, 0)
