"""What the style doc's builder sets on styles (baocao.ooxml.styles): reset, fonts, colours."""

from __future__ import annotations

from docx.oxml.ns import qn

import docx
from baocao.ooxml.styles import FONT_SLOTS, reset_style, set_color, set_fonts
from ooxml_elements import element, local_names


def test_reset_style_forgets_paragraph_and_run_properties_and_base() -> None:
    style = docx.Document().styles["Heading 1"].element
    assert {"w:pPr", "w:rPr", "w:basedOn"} <= set(local_names(style))
    reset_style(style)
    names = local_names(style)
    assert not {"w:pPr", "w:rPr", "w:basedOn"} & set(names)
    assert "w:name" in names and style.get(qn("w:styleId")) == "Heading1"


def test_set_fonts_fills_the_four_slots_and_drops_theme_fonts() -> None:
    rpr = docx.Document().styles["Heading 1"].element.find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:asciiTheme")) == "majorHAnsi"
    set_fonts(rpr, "Times New Roman")
    (fonts,) = rpr.findall(qn("w:rFonts"))
    assert dict(fonts.attrib) == {qn(slot): "Times New Roman" for slot in FONT_SLOTS}


def test_set_fonts_puts_a_new_rfonts_first() -> None:
    rpr = element("w:rPr", element("w:b"), element("w:sz", val="26"))
    set_fonts(rpr, "Times New Roman")
    assert local_names(rpr) == ["w:rFonts", "w:b", "w:sz"]


def test_set_color_drops_the_theme_colour() -> None:
    rpr = docx.Document().styles["Heading 1"].element.find(qn("w:rPr"))
    assert rpr.find(qn("w:color")).get(qn("w:themeColor")) == "accent1"
    set_color(rpr, "000000")
    (color,) = rpr.findall(qn("w:color"))
    assert dict(color.attrib) == {qn("w:val"): "000000"}
