"""Raw WordprocessingML, behind named helpers: the only module that builds or edits XML by hand."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
THEME_COLOR_ATTRS = ("w:themeColor", "w:themeShade", "w:themeTint")


def child(parent: _Element, tag: str, *, first: bool = False) -> _Element:
    """The child `tag` of `parent`, created (last, or first) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: _Element, name: str) -> None:
    """Put `name` in every script slot of a run-properties element and drop theme fonts."""
    fonts = child(rpr, "w:rFonts", first=True)
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), name)


def set_color(rpr: _Element, rgb: str) -> None:
    """A fixed colour (hex RRGGBB) on run properties, with any theme colour removed."""
    color = child(rpr, "w:color")
    for attr in THEME_COLOR_ATTRS:
        color.attrib.pop(qn(attr), None)
    color.set(qn("w:val"), rgb)


def style_run_properties(styles: _Element) -> list[_Element]:
    """Every rPr of a styles part: the document defaults' and each style's (created if absent)."""
    doc_defaults = child(styles, "w:docDefaults", first=True)
    rpr_default = child(doc_defaults, "w:rPrDefault", first=True)
    found = [child(rpr_default, "w:rPr")]
    for style in styles.findall(qn("w:style")):
        found.append(child(style, "w:rPr"))
    return found


def drop_theme_font_refs(element: _Element) -> None:
    """Remove theme font references anywhere under `element` (a styles or document part)."""
    for fonts in element.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def add_field(paragraph: _Element, instruction: str) -> None:
    """A simple field (e.g. PAGE) at the end of a paragraph element."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph.append(field)
