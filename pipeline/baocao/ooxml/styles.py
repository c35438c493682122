"""Styles: a styles part's styles found by name or id, the font a style gives its text, and what
the style doc's builder sets on them (python-docx's style elements are lxml elements).

A style's name is read as Word shows it: python-docx's names for Word's built-in styles
("Heading 1" for "heading 1").
"""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.elements import child, ordered_child
from baocao.ooxml.namespaces import qn
from baocao.ooxml.paragraphs import set_border
from baocao.ooxml.schema import RUN_PR_ORDER, STYLE_ORDER, TBL_PR_ORDER
from baocao.ooxml.tables import set_cell_valign
from baocao.ooxml.values import integer, is_on, on

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
THEME_COLOR_ATTRS = ("w:themeColor", "w:themeShade", "w:themeTint")
DEFAULT_SIZE_PT = 11.0  # what Word gives text no style sizes

# Style names python-docx shows as Word's interface does.
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}
_INTERNAL_NAMES = {ui: internal for internal, ui in _UI_NAMES.items()}
_STYLE = qn("w:style")


# ---- finding styles ----


def style_named(styles: _Element, name: str) -> _Element:
    """The style a name designates (as Word shows it: "Heading 1"), or failing that the style
    of that id; KeyError when there is none."""
    internal = _INTERNAL_NAMES.get(name, name)
    for style in styles.iterchildren(_STYLE):
        if any(n.get(qn("w:val")) == internal for n in style.iterchildren(qn("w:name"))):
            return style
    found = style_with_id(styles, name)
    if found is None:
        raise KeyError(f"no style with name '{name}'")
    return found


def style_with_id(styles: _Element, style_id: str) -> _Element | None:
    """The first style of that id."""
    for style in styles.iterchildren(_STYLE):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def style_id(style: _Element) -> str:
    """A style's id (w:styleId)."""
    return style.get(qn("w:styleId"), "")


def stored_style_name(style: _Element) -> str | None:
    """A style's name as the styles part stores it ("heading 1")."""
    name = style.find(qn("w:name"))
    return None if name is None else name.get(qn("w:val"))


def style_name(style: _Element) -> str | None:
    """A style's name as Word shows it ("Heading 1")."""
    value = stored_style_name(style)
    return None if value is None else _UI_NAMES.get(value, value)


def based_on(style: _Element) -> str | None:
    """The id of the style a style is based on, if any."""
    base = style.find(qn("w:basedOn"))
    return None if base is None else base.get(qn("w:val"))


def _default_style(styles: _Element, kind: str) -> _Element | None:
    """The default style of a type ("paragraph", "table"): the last one so marked."""
    defaults = [
        s
        for s in styles.iterchildren(_STYLE)
        if s.get(qn("w:type")) == kind and on(s.get(qn("w:default")), absent=False)
    ]
    return defaults[-1] if defaults else None


def applied_style(styles: _Element, style_id: str | None, kind: str) -> _Element | None:
    """The style of a type that an id applies: the one of that id and type, else the type's
    default (as Word reads a missing or wrong style)."""
    style = style_with_id(styles, style_id) if style_id else None
    if style is None or style.get(qn("w:type")) != kind:
        return _default_style(styles, kind)
    return style


def style_font(styles: _Element, style: _Element | None) -> tuple[float, bool]:
    """The size (pt) and boldness a style gives its text, through its chain of base styles
    (11 pt when none says)."""
    size: float | None = None
    bold: bool | None = None
    while style is not None and (size is None or bold is None):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            half_points = integer(rpr.find(qn("w:sz")), -1)
            if size is None and half_points >= 0:
                size = int(half_points / 2.0 * 12700) / 12700.0  # as python-docx's Pt reads it
            b = rpr.find(qn("w:b"))
            if bold is None and b is not None:
                bold = is_on(b)
        base = based_on(style)
        style = None if base is None else style_with_id(styles, base)
    return (size if size is not None else DEFAULT_SIZE_PT), bool(bold)


# ---- what the style doc's builder sets ----


def reset_style(style: _Element) -> None:
    """Forget what pandoc's default gave a style (its paragraph and run properties, its base), so
    the style table alone says how it looks."""
    for tag in ("w:pPr", "w:rPr", "w:basedOn"):
        for element in style.findall(qn(tag)):
            style.remove(element)


def define_normal_table(styles: _Element) -> None:
    """Word's own "Normal Table" (TableNormal), which pandoc's table style is based on: defined,
    as Word defines it, when the styles part lacks it."""
    if styles.find(f"{_STYLE}[@{qn('w:styleId')}='TableNormal']") is not None:
        return
    style = styles.makeelement(_STYLE)
    style.set(qn("w:type"), "table")
    style.set(qn("w:styleId"), "TableNormal")
    for tag, value in (("w:name", "Normal Table"), ("w:uiPriority", "99")):
        style.append(styles.makeelement(qn(tag), {qn("w:val"): value}))
    style.append(styles.makeelement(qn("w:semiHidden")))
    style.append(styles.makeelement(qn("w:unhideWhenUsed")))
    tblpr = style.makeelement(qn("w:tblPr"))
    style.append(tblpr)
    ordered_child(tblpr, "w:tblInd", TBL_PR_ORDER).attrib.update(
        {qn("w:w"): "0", qn("w:type"): "dxa"}
    )
    margins = ordered_child(tblpr, "w:tblCellMar", TBL_PR_ORDER)
    for side, width in (("top", "0"), ("left", "108"), ("bottom", "0"), ("right", "108")):
        margins.append(
            margins.makeelement(qn(f"w:{side}"), {qn("w:w"): width, qn("w:type"): "dxa"})
        )
    styles.append(style)


def set_paragraph_border(style: _Element, side: str, width_pt: float) -> None:
    """A paragraph style's border on one side (the rule lines are bottom borders)."""
    set_border(ordered_child(style, "w:pPr", STYLE_ORDER), side, width_pt)


def table_style_properties(style: _Element) -> _Element:
    """A table style's own w:tblPr, with pandoc's conditional formats (first row …) removed."""
    for conditional in style.findall(qn("w:tblStylePr")):
        style.remove(conditional)
    return ordered_child(style, "w:tblPr", STYLE_ORDER)


def set_style_cell_valign(style: _Element, valign: str) -> None:
    """Vertical alignment ("center", "top", "bottom") of every cell of a table style."""
    set_cell_valign(ordered_child(style, "w:tcPr", STYLE_ORDER), valign)


def style_run_properties(styles: _Element) -> list[_Element]:
    """Every rPr of a styles part: the document defaults' and each style's (created if absent)."""
    doc_defaults = child(styles, "w:docDefaults", first=True)
    rpr_default = child(doc_defaults, "w:rPrDefault", first=True)
    found = [child(rpr_default, "w:rPr")]
    for style in styles.findall(_STYLE):
        found.append(ordered_child(style, "w:rPr", STYLE_ORDER))  # before a table style's w:tblPr
    return found


def set_fonts(rpr: _Element, name: str) -> None:
    """Put `name` in every script slot of a run-properties element and drop theme fonts."""
    fonts = ordered_child(rpr, "w:rFonts", RUN_PR_ORDER)
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), "")
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), name)


def set_color(rpr: _Element, rgb: str) -> None:
    """A fixed colour (hex RRGGBB) on run properties, with any theme colour removed."""
    color = ordered_child(rpr, "w:color", RUN_PR_ORDER)
    for attr in THEME_COLOR_ATTRS:
        color.attrib.pop(qn(attr), "")
    color.set(qn("w:val"), rgb)


def set_language(rpr: _Element, language: str) -> None:
    """The language of run properties' text (w:lang), for spelling and hyphenation: "vi-VN"."""
    ordered_child(rpr, "w:lang", RUN_PR_ORDER).set(qn("w:val"), language)
