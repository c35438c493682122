"""Page geometry: a section's size and margins from a page table of styles.toml, and the width
left for text. Used by the style doc (the body's page) and the finishing pass (appendix pages),
on a section's properties (w:sectPr)."""

from __future__ import annotations

from collections.abc import Mapping

from lxml.etree import _Element

from baocao.ooxml.sections import governing_section, page_twips, set_page_margins, set_page_size

EMU_PER_TWIP = 635
EMU_PER_MM = 36000


def mm_to_twips(mm: float) -> int:
    """Millimetres as whole twips, rounded as python-docx rounds them (through whole EMU)."""
    return round(int(mm * EMU_PER_MM) / EMU_PER_TWIP)


def set_page(sectpr: _Element, page: Mapping[str, float], landscape: bool = False) -> None:
    """A section's page size and orientation, margins and header distances ([page] or
    [appendix_page], in mm)."""
    size = (mm_to_twips(page["width_mm"]), mm_to_twips(page["height_mm"]))
    set_page_size(sectpr, *size, landscape)
    sides = ("top", "bottom", "left", "right", "header", "footer")
    set_page_margins(sectpr, {side: mm_to_twips(page[f"{side}_mm"]) for side in sides})


def text_width_twips(sectpr: _Element) -> int:
    """The width between a section's left and right margins, in twips."""
    width, left, right = page_twips(sectpr)
    return width - left - right


def text_width_at(element: _Element) -> int:
    """The text width, in twips, of the section that holds a paragraph or table (or its cell)."""
    return text_width_twips(governing_section(element))
