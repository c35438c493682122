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
        found.append(style.get_or_add_rPr())  # in schema order, before a table style's w:tblPr
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


# ---- element order: WordprocessingML requires children in schema order ----

# The children of w:pPr, w:style, w:tblPr and w:sectPr in schema order (ECMA-376 Part 1).
TBL_PR_ORDER = tuple(
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription".split()
)
SECT_PR_ORDER = tuple(
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar "
    "w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote "
    "w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings "
    "w:sectPrChange".split()
)
PARAGRAPH_PR_ORDER = tuple(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange".split()
)
STYLE_ORDER = tuple(
    "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority "
    "w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose "
    "w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr".split()
)
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def ordered_child(parent: _Element, tag: str, order: tuple[str, ...]) -> _Element:
    """The child `tag` of `parent`, created in its schema place (before its successors)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    successors = {qn(t) for t in order[order.index(tag) + 1 :]}
    for index, existing in enumerate(parent):
        if existing.tag in successors:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _border(parent: _Element, side: str, width_pt: float) -> None:
    """One border edge: a single solid line `width_pt` wide, or none at 0."""
    edge = child(parent, f"w:{side}")
    edge.attrib.clear()
    if width_pt:
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(round(width_pt * 8)))  # eighths of a point
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    else:
        edge.set(qn("w:val"), "nil")


# ---- styles ----


def set_paragraph_border(ppr: _Element, side: str, width_pt: float) -> None:
    """A paragraph border on one side (the rule lines are bottom borders)."""
    borders = ordered_child(ppr, "w:pBdr", PARAGRAPH_PR_ORDER)
    _border(borders, side, width_pt)


def table_style_properties(style: _Element) -> _Element:
    """A table style's own w:tblPr, with pandoc's conditional formats (first row …) removed."""
    for conditional in style.findall(qn("w:tblStylePr")):
        style.remove(conditional)
    return ordered_child(style, "w:tblPr", STYLE_ORDER)


def set_table_borders(tblpr: _Element, width_pt: float) -> None:
    """Every grid line of a table (outer edges and inside lines), or none at width 0."""
    borders = ordered_child(tblpr, "w:tblBorders", TBL_PR_ORDER)
    for side in BORDER_SIDES:
        _border(borders, side, width_pt)


def set_cell_margins(tblpr: _Element, side_twips: int) -> None:
    """Cell margins of a table: `side_twips` left and right, none above and below."""
    margins = ordered_child(tblpr, "w:tblCellMar", TBL_PR_ORDER)
    for side, twips in (("top", 0), ("left", side_twips), ("bottom", 0), ("right", side_twips)):
        edge = child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")


# ---- tables in the document ----


def table_style_id(tbl: _Element) -> str | None:
    """The style id a table element names (pandoc: "Table", or a custom-style's id)."""
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return None if style is None else style.get(qn("w:val"))


def set_table_width(tbl: _Element, twips: int) -> None:
    """A table's preferred width, exactly `twips` (pandoc writes a percentage)."""
    width = ordered_child(tbl.tblPr, "w:tblW", TBL_PR_ORDER)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(twips))


def is_header_row(tr: _Element) -> bool:
    """Whether a row repeats at the top of every page (w:tblHeader)."""
    trpr = tr.trPr
    if trpr is None:
        return False
    flag = trpr.find(qn("w:tblHeader"))
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


def _row_flag(tr: _Element, tag: str) -> None:
    trpr = tr.get_or_add_trPr()
    flag = child(trpr, tag)  # w:trPr children may come in any order
    flag.attrib.clear()


def keep_row_together(tr: _Element) -> None:
    """Forbid a row to break across pages."""
    _row_flag(tr, "w:cantSplit")


# ---- paragraphs and sections ----


def is_paragraph(element: _Element | None) -> bool:
    """Whether a body or cell element is a paragraph (w:p), not a table or a section's end."""
    return element is not None and element.tag == qn("w:p")


def ends_section(element: _Element) -> bool:
    """Whether a body element is the paragraph that carries a section's properties."""
    return element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def governing_section(element: _Element) -> _Element:
    """The w:sectPr of the section an element lies in: the next one at or after its body block."""
    block = element
    while block.getparent().tag != qn("w:body"):
        block = block.getparent()
    for sibling in (block, *block.itersiblings()):
        if sibling.tag == qn("w:sectPr"):
            return sibling
        if ends_section(sibling):
            return sibling.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    raise ValueError("a document body ends with its w:sectPr")


def styled_paragraphs(root: _Element, style_ids: set[str]) -> list[_Element]:
    """Every paragraph under `root` (cells included) whose style is one of `style_ids`, in order."""
    if not style_ids:
        return []
    test = " or ".join(f'@w:val="{style_id}"' for style_id in sorted(style_ids))
    return root.xpath(f".//w:p[w:pPr/w:pStyle[{test}]]")


def enclosing(element: _Element, tag: str) -> _Element | None:
    """The nearest ancestor of `element` that is a `tag` (e.g. the w:tc a paragraph is in)."""
    for ancestor in element.iterancestors(qn(tag)):
        return ancestor
    return None


def insert_paragraph_after(p: _Element) -> _Element:
    """A new empty w:p right after `p`, in the same container."""
    new = OxmlElement("w:p")
    p.addnext(new)
    return new


def end_section(p: _Element, sectpr: _Element) -> None:
    """Make `p` the last paragraph of a section whose properties are `sectpr`."""
    p.get_or_add_pPr()._insert_sectPr(sectpr)


def restart_page_numbers(sectpr: _Element, start: int = 1) -> None:
    """Number the section's pages from `start` (w:pgNumType)."""
    numbering = ordered_child(sectpr, "w:pgNumType", SECT_PR_ORDER)
    numbering.set(qn("w:start"), str(start))
