"""Elements made and placed in schema order (baocao.ooxml.elements), on small documents made
with python-docx."""

from __future__ import annotations

from baocao.ooxml.elements import child, ordered_child
from baocao.ooxml.schema import PARAGRAPH_PR_ORDER
from ooxml_elements import element, local_names


def test_ordered_child_inserts_in_schema_order() -> None:
    ppr = element("w:pPr", element("w:spacing"), element("w:ind"), element("w:rPr"))
    jc = ordered_child(ppr, "w:jc", PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:spacing", "w:ind", "w:jc", "w:rPr"]
    ordered_child(ppr, "w:pStyle", PARAGRAPH_PR_ORDER)
    ordered_child(ppr, "w:keepNext", PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:pStyle", "w:keepNext", "w:spacing", "w:ind", "w:jc", "w:rPr"]
    assert ordered_child(ppr, "w:jc", PARAGRAPH_PR_ORDER) is jc  # found, not added


def test_ordered_child_appends_when_nothing_follows_it() -> None:
    ppr = element("w:pPr", element("w:pStyle"))
    ordered_child(ppr, "w:outlineLvl", PARAGRAPH_PR_ORDER)
    assert local_names(ppr) == ["w:pStyle", "w:outlineLvl"]


def test_child_finds_or_creates_last_or_first() -> None:
    rpr = element("w:rPr", element("w:b"))
    sz = child(rpr, "w:sz")
    fonts = child(rpr, "w:rFonts", first=True)
    assert local_names(rpr) == ["w:rFonts", "w:b", "w:sz"]
    assert child(rpr, "w:sz") is sz and child(rpr, "w:rFonts") is fonts
