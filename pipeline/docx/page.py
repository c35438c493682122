"""Page geometry: a section's size and margins from a page table of styles.toml, and the width
left for text. Used by the style doc (the body's page) and the finishing pass (appendix pages)."""

from __future__ import annotations

from collections.abc import Mapping

from docx.document import Document
from docx.section import Section
from docx.shared import Mm
from lxml.etree import _Element

from pipeline.docx import oxml

EMU_PER_TWIP = 635


def set_page(section: Section, page: Mapping[str, float]) -> None:
    """A section's page size, margins and header distances ([page] or [appendix_page], in mm)."""
    section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
    section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
    section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
    section.header_distance, section.footer_distance = Mm(page["header_mm"]), Mm(page["footer_mm"])


def text_width_twips(section: Section) -> int:
    """The width between a section's left and right margins, in twips."""
    width = section.page_width or 0
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return int((width - margins) // EMU_PER_TWIP)


def text_width_at(document: Document, element: _Element) -> int:
    """The text width, in twips, of the section that holds a paragraph or table (or its cell)."""
    return text_width_twips(Section(oxml.governing_section(element), document.part))
