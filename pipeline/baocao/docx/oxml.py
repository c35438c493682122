"""Raw WordprocessingML, behind named helpers: the only module that builds or edits XML by hand.

Plain lxml: the finishing pass reads and writes the DOCX without python-docx (whose import and
load/save round trip cost more than the rest of the pass), so every element is made, found and
changed here exactly as python-docx would: the same parser options, the same element order, the
same attribute values, the same serialization, hence the same bytes. The style doc's builder
(python-docx) uses the same helpers on python-docx's elements, which are lxml elements too.
"""

from __future__ import annotations

import functools
from typing import cast

from lxml import etree
from lxml.etree import _Element

# The namespaces of WordprocessingML, the package parts and the properties (python-docx's).
NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "dcterms": "http://purl.org/dc/terms/",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
EXTERNAL = "External"  # a relationship's TargetMode when it points outside the package

# How parts are read: blank text between elements dropped, no entity expanded (python-docx's).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


@functools.cache
def qn(tag: str) -> str:
    """ "w:p" → "{http://…/main}p", remembered: table formatting asks for the same few tags
    hundreds of times."""
    prefix, local = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def parse_xml(blob: bytes) -> _Element:
    """A part's XML, parsed."""
    return etree.fromstring(blob, _PARSER)


def serialize(element: _Element) -> bytes:
    """A part's XML as stored: UTF-8, declared standalone, no whitespace added."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def new_element(tag: str) -> _Element:
    """A new element `tag` ("w:p") declaring its own prefix (dropped once it is placed under an
    element that declares it)."""
    prefix = tag.split(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: NAMESPACES[prefix]})


@functools.cache
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NAMESPACES)


def _xpath(element: _Element, path: str) -> list[_Element]:
    """Elements an XPath with our prefixes finds (compiled once per path)."""
    return cast(list[_Element], _compiled(path)(element))


FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
THEME_COLOR_ATTRS = ("w:themeColor", "w:themeShade", "w:themeTint")


def child(parent: _Element, tag: str, *, first: bool = False) -> _Element:
    """The child `tag` of `parent`, created (last, or first) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = new_element(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
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


def style_run_properties(styles: _Element) -> list[_Element]:
    """Every rPr of a styles part: the document defaults' and each style's (created if absent)."""
    doc_defaults = child(styles, "w:docDefaults", first=True)
    rpr_default = child(doc_defaults, "w:rPrDefault", first=True)
    found = [child(rpr_default, "w:rPr")]
    for style in styles.findall(qn("w:style")):
        found.append(ordered_child(style, "w:rPr", STYLE_ORDER))  # before a table style's w:tblPr
    return found


def add_field(paragraph: _Element, instruction: str) -> None:
    """A simple field (e.g. PAGE) at the end of a paragraph element."""
    field = new_element("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = new_element("w:r")
    text = new_element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph.append(field)


# ---- element order: WordprocessingML requires children in schema order ----

# The children of w:pPr, w:style, w:tblPr and w:sectPr in schema order (ECMA-376 Part 1).
TBL_PR_ORDER = tuple(
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange".split()
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
TC_PR_ORDER = tuple(
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
    "w:textDirection w:tcFitText w:vAlign w:hideMark".split()
)
RUN_PR_ORDER = tuple(
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing "
    "w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText "
    "w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath".split()
)
# w:settings from w:compat on (what comes before it is never after it).
SETTINGS_ORDER = tuple(
    "w:compat w:docVars w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping "
    "w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions "
    "w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults "
    "w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator".split()
)
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
WORD_2013 = "15"  # the compatibility mode of a document made for Word 2013 and later


@functools.cache
def _successors(order: tuple[str, ...], tag: str) -> frozenset[str]:
    return frozenset(qn(t) for t in order[order.index(tag) + 1 :])


def ordered_child(parent: _Element, tag: str, order: tuple[str, ...]) -> _Element:
    """The child `tag` of `parent`, created in its schema place (before its successors)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = parent.makeelement(qn(tag))  # lxml's own: much faster than OxmlElement
    successors = _successors(order, tag)
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


def reset_style(style: _Element) -> None:
    """Forget what pandoc's default gave a style (its paragraph and run properties, its base), so
    the style table alone says how it looks."""
    for tag in ("w:pPr", "w:rPr", "w:basedOn"):
        for element in style.findall(qn(tag)):
            style.remove(element)


def define_normal_table(styles: _Element) -> None:
    """Word's own "Normal Table" (TableNormal), which pandoc's table style is based on: defined,
    as Word defines it, when the styles part lacks it."""
    if styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='TableNormal']") is not None:
        return
    style = styles.makeelement(qn("w:style"))
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
    for side, twips in (("top", "0"), ("left", "108"), ("bottom", "0"), ("right", "108")):
        margins.append(
            margins.makeelement(qn(f"w:{side}"), {qn("w:w"): twips, qn("w:type"): "dxa"})
        )
    styles.append(style)


def set_paragraph_border(style: _Element, side: str, width_pt: float) -> None:
    """A paragraph style's border on one side (the rule lines are bottom borders)."""
    ppr = ordered_child(style, "w:pPr", STYLE_ORDER)
    borders = ordered_child(ppr, "w:pBdr", PARAGRAPH_PR_ORDER)
    _border(borders, side, width_pt)


def table_style_properties(style: _Element) -> _Element:
    """A table style's own w:tblPr, with pandoc's conditional formats (first row …) removed."""
    for conditional in style.findall(qn("w:tblStylePr")):
        style.remove(conditional)
    return ordered_child(style, "w:tblPr", STYLE_ORDER)


def set_style_cell_valign(style: _Element, valign: str) -> None:
    """Vertical alignment ("center", "top", "bottom") of every cell of a table style."""
    tcpr = ordered_child(style, "w:tcPr", STYLE_ORDER)
    ordered_child(tcpr, "w:vAlign", TC_PR_ORDER).set(qn("w:val"), valign)


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


# ---- document settings ----


def set_compatibility_mode(settings: _Element, mode: str = WORD_2013) -> None:
    """Declare the Word version whose layout rules apply (w:compat/w:compatSetting): without it,
    Word opens the file in compatibility mode and lays out tables by Word 2007's rules."""
    compat = ordered_child(settings, "w:compat", SETTINGS_ORDER)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            compat.remove(setting)
    setting = compat.makeelement(qn("w:compatSetting"))
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), mode)
    compat.append(setting)


def set_theme_language(settings: _Element, language: str) -> None:
    """The language of the theme's fonts (w:themeFontLang), as the text's: "vi-VN"."""
    ordered_child(settings, "w:themeFontLang", SETTINGS_ORDER).set(qn("w:val"), language)


# ---- tables in the document ----


def table_style_id(tbl: _Element) -> str | None:
    """The style id a table element names (pandoc: "Table", or a custom-style's id)."""
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _required(parent: _Element, tag: str) -> _Element:
    """The child `tag` that every part pandoc writes has ("w:body", "w:tblPr" …)."""
    found = parent.find(qn(tag))
    if found is None:
        raise ValueError(f"a {parent.tag} without its {tag}")
    return found


def _table_properties(tbl: _Element) -> _Element:
    return _required(tbl, "w:tblPr")


def set_table_width(tbl: _Element, twips: int) -> None:
    """A table's preferred width, exactly `twips` (pandoc writes a percentage)."""
    width = ordered_child(_table_properties(tbl), "w:tblW", TBL_PR_ORDER)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(twips))


def set_table_indent(tbl: _Element, twips: int) -> None:
    """A table placed from the text's left edge, `twips` in (negative: into the margin)."""
    indent = ordered_child(_table_properties(tbl), "w:tblInd", TBL_PR_ORDER)
    indent.set(qn("w:type"), "dxa")
    indent.set(qn("w:w"), str(twips))


def set_table_alignment(tbl: _Element, alignment: str) -> None:
    """A table's place between the margins (w:jc): "left", "center" or "right"."""
    properties = _table_properties(tbl)
    for jc in properties.findall(qn("w:jc")):
        properties.remove(jc)
    jc = new_element("w:jc")
    _insert_in_order(properties, jc, "w:jc", TBL_PR_ORDER)
    jc.set(qn("w:val"), alignment)


def grid_columns(tbl: _Element) -> list[_Element]:
    """The w:gridCol elements of a table's grid, one per column."""
    grid = tbl.find(qn("w:tblGrid"))
    return [] if grid is None else grid.findall(qn("w:gridCol"))


def set_column_widths(tbl: _Element, columns: list[int]) -> None:
    """Column widths in twips: the table grid (w:gridCol), one width per column.

    Cells get no width of their own, as pandoc writes them: with the fixed layout pandoc sets,
    Word and LibreOffice take the grid's widths."""
    for column, width in zip(grid_columns(tbl), columns, strict=True):
        column.set(qn("w:w"), str(width))


def column_widths(tbl: _Element) -> list[int]:
    """The widths (twips) of a table's grid columns."""
    return [int(column.get(qn("w:w"), "0")) for column in grid_columns(tbl)]


def restyle_cells(tbl: _Element, header_style: str, body_style: str) -> None:
    """Paragraph styles of a table's cells: `header_style` in header rows (their own alignment
    dropped, so that the style's applies), `body_style` in the others."""
    for tr in tbl.iterchildren(qn("w:tr")):
        if is_header_row(tr):
            for p in tr.iter(qn("w:p")):
                _set_paragraph_style(p, header_style, keep_alignment=False)
    # Most body paragraphs already have it: find only those that do not.
    others = _xpath(
        tbl,
        f'./w:tr[not(w:trPr/w:tblHeader)]/w:tc/w:p[not(w:pPr/w:pStyle[@w:val="{body_style}"])]',
    )
    for p in others:
        _set_paragraph_style(p, body_style)


def _set_paragraph_style(p: _Element, style_id: str, keep_alignment: bool = True) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = p.makeelement(qn("w:pPr"))
        p.insert(0, ppr)
    ordered_child(ppr, "w:pStyle", PARAGRAPH_PR_ORDER).set(qn("w:val"), style_id)
    if not keep_alignment:
        for jc in ppr.findall(qn("w:jc")):
            ppr.remove(jc)


def grid_layout(tbl: _Element) -> list[tuple[_Element, int, int, bool]]:
    """Each cell (w:tc) of a table, row by row, with its first grid column, its column span,
    and whether its row is a header row (w:tblHeader)."""
    # One query each for the few rows and cells that say something: a table has hundreds of
    # cells. (lxml gives back the same element objects while they are referenced here.)
    spans: dict[_Element, int] = {
        _grandparent(s): int(s.get(qn("w:val"), "1")) for s in _xpath(tbl, _SPANS)
    }
    skips: dict[_Element, int] = {
        _grandparent(s): int(s.get(qn("w:val"), "0")) for s in _xpath(tbl, _SKIPS)
    }
    headers: set[_Element] = set(_xpath(tbl, _HEADER_ROWS))
    cells = []
    for tr in tbl.iterchildren(qn("w:tr")):
        column = skips.get(tr, 0)
        for tc in tr.iterchildren(qn("w:tc")):
            span = spans.get(tc, 1)
            cells.append((tc, column, span, tr in headers))
            column += span
    return cells


def _grandparent(element: _Element) -> _Element:
    parent = element.getparent()
    above = parent.getparent() if parent is not None else None
    if above is None:
        raise ValueError("a cell or row property lies in its cell or row")
    return above


_SPANS = "./w:tr/w:tc/w:tcPr/w:gridSpan"
_SKIPS = "./w:tr/w:trPr/w:gridBefore"
_HEADER_ROWS = "./w:tr[w:trPr/w:tblHeader]"


def _is_on(flag: _Element | None) -> bool:
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


_P, _T, _BR, _B = (qn(t) for t in ("w:p", "w:t", "w:br", "w:b"))
_R, _RPR = qn("w:r"), qn("w:rPr")


def cell_text(tc: _Element) -> list[tuple[str, bool]]:
    """Each paragraph of a cell as (its text, line breaks as "\\n"; whether a run is bold).

    Written for speed (a budget table has hundreds of cells): one walk of each paragraph, over
    the w:t, w:br and w:b it holds only."""
    found = []
    for p in tc.iterchildren(_P):
        parts: list[str] = []
        bold = False
        for element in p.iter(_T, _BR, _B):
            if element.tag == _T:
                parts.append(element.text or "")
            elif element.tag == _BR:
                parts.append("\n")
            elif not bold:
                bold = _run_bold(element)
        found.append(("".join(parts), bold))
    return found


def _run_bold(b: _Element) -> bool:
    """Whether a w:b makes its run bold: on, in a run's properties (not the paragraph mark's)."""
    properties = b.getparent()
    run = properties.getparent() if properties is not None else None
    return (
        properties is not None
        and properties.tag == _RPR
        and run is not None
        and (run.tag == _R and _is_on(b))
    )


def is_header_row(tr: _Element) -> bool:
    """Whether a row repeats at the top of every page (w:tblHeader)."""
    return _is_on(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}"))


def _row_flag(tr: _Element, tag: str) -> None:
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:  # w:trPr opens a row, after w:tblPrEx only
        trpr = tr.makeelement(qn("w:trPr"))
        tr.insert(1 if len(tr) and tr[0].tag == qn("w:tblPrEx") else 0, trpr)
    if trpr.find(qn(tag)) is None:  # w:trPr children may come in any order
        trpr.append(trpr.makeelement(qn(tag)))


def keep_row_together(tr: _Element) -> None:
    """Forbid a row to break across pages."""
    _row_flag(tr, "w:cantSplit")


def table_rows(tbl: _Element) -> list[_Element]:
    """A table's rows (w:tr)."""
    return tbl.findall(qn("w:tr"))


# ---- paragraphs and runs ----


def paragraph_properties(p: _Element) -> _Element:
    """A paragraph's w:pPr, created as its first child when missing."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = new_element("w:pPr")
        p.insert(0, ppr)
    return ppr


def paragraph_style(p: _Element) -> str | None:
    """The style id of a paragraph (w:pPr/w:pStyle), if it names one."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def set_paragraph_style(p: _Element, style_id: str) -> None:
    """Give a paragraph the style `style_id`."""
    ppr = paragraph_properties(p)
    style = ppr.find(qn("w:pStyle"))
    if style is None:
        style = new_element("w:pStyle")
        _insert_in_order(ppr, style, "w:pStyle", PARAGRAPH_PR_ORDER)
    style.set(qn("w:val"), style_id)


def keep_with_next(p: _Element) -> None:
    """Keep a paragraph on the page of the next one (w:keepNext)."""
    ppr = paragraph_properties(p)
    keep = ppr.find(qn("w:keepNext"))
    if keep is None:
        keep = new_element("w:keepNext")
        _insert_in_order(ppr, keep, "w:keepNext", PARAGRAPH_PR_ORDER)
    keep.attrib.pop(qn("w:val"), "")  # on, its default


def set_indents(p: _Element, left: int, right: int) -> None:
    """A paragraph's left and right indents, in twips."""
    ppr = paragraph_properties(p)
    indents = ppr.find(qn("w:ind"))
    if indents is None:
        indents = new_element("w:ind")
        _insert_in_order(ppr, indents, "w:ind", PARAGRAPH_PR_ORDER)
    indents.set(qn("w:left"), str(left))
    indents.set(qn("w:right"), str(right))


def add_text_run(p: _Element, text: str) -> None:
    """A run holding `text` (no tab or line break in it) at the end of a paragraph."""
    run = new_element("w:r")
    p.append(run)
    t = new_element("w:t")
    t.text = text
    run.append(t)
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")


# What a run's inner elements read as (w:br of a page or a column reads as nothing).
_RUN_TEXT = {"t": None, "tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


def paragraph_text(p: _Element) -> str:
    """A paragraph's text: its runs' and hyperlinks' (python-docx's Paragraph.text)."""
    runs = []
    for child in p:
        if child.tag == qn("w:r"):
            runs.append(child)
        elif child.tag == qn("w:hyperlink"):
            runs.extend(child.iterchildren(qn("w:r")))
    return "".join(_run_text(run) for run in runs)


_W = f"{{{NAMESPACES['w']}}}"


def _run_text(run: _Element) -> str:
    text = []
    for element in run:
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(_W):
            continue
        local = tag[len(_W) :]
        if local == "br":
            kind = element.get(qn("w:type"), "textWrapping")
            text.append("\n" if kind == "textWrapping" else "")
        elif local in _RUN_TEXT:
            shown = _RUN_TEXT[local]
            text.append(element.text or "" if shown is None else shown)
    return "".join(text)


def _insert_in_order(parent: _Element, element: _Element, tag: str, order: tuple[str, ...]) -> None:
    """Put `element` (a `tag`) before the first child of `parent` that comes after it in
    `order`, looked for in that order (as python-docx does)."""
    for successor in order[order.index(tag) + 1 :]:
        found = parent.find(qn(successor))
        if found is not None:
            found.addprevious(element)
            return
    parent.append(element)


# ---- styles of a document ----

# Style names python-docx shows as Word's interface does.
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}
_INTERNAL_NAMES = {ui: internal for internal, ui in _UI_NAMES.items()}


def style_named(styles: _Element, name: str) -> _Element:
    """The style a name designates (as Word shows it: "Heading 1"), or failing that the style
    of that id; KeyError when there is none."""
    internal = _INTERNAL_NAMES.get(name, name)
    for style in styles.iterchildren(qn("w:style")):
        if any(n.get(qn("w:val")) == internal for n in style.iterchildren(qn("w:name"))):
            return style
    found = style_with_id(styles, name)
    if found is None:
        raise KeyError(f"no style with name '{name}'")
    return found


def style_with_id(styles: _Element, style_id: str) -> _Element | None:
    """The first style of that id."""
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def style_id(style: _Element) -> str:
    return style.get(qn("w:styleId"), "")


def style_name(style: _Element) -> str | None:
    """A style's name as Word shows it."""
    name = style.find(qn("w:name"))
    value = None if name is None else name.get(qn("w:val"))
    return None if value is None else _UI_NAMES.get(value, value)


def _default_style(styles: _Element, kind: str) -> _Element | None:
    """The default style of a type ("paragraph", "table"): the last one so marked."""
    defaults = [
        s
        for s in styles.iterchildren(qn("w:style"))
        if s.get(qn("w:type")) == kind and s.get(qn("w:default")) in ("1", "true", "on")
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
            sz = rpr.find(qn("w:sz"))
            if size is None and sz is not None:
                half_points = int(sz.get(qn("w:val"), ""))
                size = int(half_points / 2.0 * 12700) / 12700.0  # as python-docx's Pt reads it
            b = rpr.find(qn("w:b"))
            if bold is None and b is not None:
                bold = b.get(qn("w:val"), "true") in ("1", "true", "on")
        based = style.find(qn("w:basedOn"))
        style = None if based is None else style_with_id(styles, based.get(qn("w:val"), ""))
    return (size if size is not None else 11.0), bool(bold)


# ---- paragraphs and sections ----


def governing_section(element: _Element) -> _Element:
    """The w:sectPr of the section an element lies in: the next one at or after its body block."""
    block = element
    while (parent := block.getparent()) is not None and parent.tag != qn("w:body"):
        block = parent
    for sibling in (block, *block.itersiblings()):
        if sibling.tag == qn("w:sectPr"):
            return sibling
        sectpr = sibling.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")  # a paragraph ending a section
        if sectpr is not None:
            return sectpr
    raise ValueError("a document body ends with its w:sectPr")


def styled_paragraphs(body: _Element, style_ids: set[str], cells: bool = True) -> list[_Element]:
    """The paragraphs of the body, and of the cells of its tables (not nested ones) if `cells`,
    whose style is one of `style_ids`, in document order."""
    if not style_ids:
        return []
    test = " or ".join(f'@w:val="{style_id}"' for style_id in sorted(style_ids))
    paths = ["./w:p", "./w:tbl/w:tr/w:tc/w:p"] if cells else ["./w:p"]
    return _xpath(body, " | ".join(f"{path}[w:pPr/w:pStyle[{test}]]" for path in paths))


def enclosing(element: _Element, tag: str) -> _Element | None:
    """The nearest ancestor of `element` that is a `tag` (e.g. the w:tc a paragraph is in)."""
    for ancestor in element.iterancestors(qn(tag)):
        return ancestor
    return None


def insert_paragraph_after(p: _Element) -> _Element:
    """A new empty w:p right after `p`, in the same container."""
    new = new_element("w:p")
    p.addnext(new)
    return new


def insert_paragraph_before(p: _Element, style_id: str) -> _Element:
    """A new empty w:p of style `style_id` right before `p`."""
    new = new_element("w:p")
    p.addprevious(new)
    set_paragraph_style(new, style_id)
    return new


def end_section(p: _Element, sectpr: _Element) -> None:
    """Make `p` the last paragraph of a section whose properties are `sectpr`."""
    ppr = paragraph_properties(p)
    change = ppr.find(qn("w:pPrChange"))
    if change is not None:
        change.addprevious(sectpr)
    else:
        ppr.append(sectpr)


def restart_page_numbers(sectpr: _Element, start: int = 1) -> None:
    """Number the section's pages from `start` (w:pgNumType)."""
    numbering = ordered_child(sectpr, "w:pgNumType", SECT_PR_ORDER)
    numbering.set(qn("w:start"), str(start))


def body_of(document: _Element) -> _Element:
    """The w:body of a main document part's root (w:document)."""
    return _required(document, "w:body")


def body_section(body: _Element) -> _Element:
    """The body's own w:sectPr: the last section's properties."""
    return _required(body, "w:sectPr")


def _section_child(sectpr: _Element, tag: str) -> _Element:
    found = sectpr.find(qn(tag))
    if found is None:
        found = new_element(tag)
        _insert_in_order(sectpr, found, tag, SECT_PR_ORDER)
    return found


def set_page_size(sectpr: _Element, width: int, height: int, landscape: bool) -> None:
    """A section's page size in twips, and its orientation."""
    size = _section_child(sectpr, "w:pgSz")
    size.set(qn("w:w"), str(width))
    size.set(qn("w:h"), str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), "")  # portrait, the default


def set_page_margins(sectpr: _Element, margins: dict[str, int]) -> None:
    """A section's margins and header and footer distances, in twips, in the order given
    (top, bottom, left, right, header, footer)."""
    element = _section_child(sectpr, "w:pgMar")
    for side, twips in margins.items():
        element.set(qn(f"w:{side}"), str(twips))


def page_twips(sectpr: _Element) -> tuple[int, int, int]:
    """A section's page width and its left and right margins, in twips (0 when unsaid)."""
    size = sectpr.find(qn("w:pgSz"))
    margins = sectpr.find(qn("w:pgMar"))
    width = size.get(qn("w:w")) if size is not None else None
    left = margins.get(qn("w:left")) if margins is not None else None
    right = margins.get(qn("w:right")) if margins is not None else None
    return int(width or 0), int(left or 0), int(right or 0)


def is_landscape(sectpr: _Element) -> bool:
    size = sectpr.find(qn("w:pgSz"))
    return size is not None and size.get(qn("w:orient")) == "landscape"


def set_title_page(sectpr: _Element) -> None:
    """A different first page (w:titlePg): its header is the first-page one."""
    flag = _section_child(sectpr, "w:titlePg")
    flag.attrib.pop(qn("w:val"), "")  # on, its default


def blocks_from(first: _Element, stop: _Element | None = None) -> list[_Element]:
    """The body-level elements from `first` up to `stop` (not included) or the end of the body,
    without the body's own w:sectPr."""
    found = []
    for element in (first, *first.itersiblings()):
        if element is stop or element.tag == qn("w:sectPr"):
            break
        found.append(element)
    return found


def body_tables(blocks: list[_Element]) -> list[_Element]:
    """The tables among body-level elements."""
    return [block for block in blocks if block.tag == qn("w:tbl")]


def take_bookmarks(blocks: list[_Element], names: set[str]) -> list[str]:
    """Remove the body-level bookmarks among `blocks` whose name is one of `names` (a
    w:bookmarkStart and the w:bookmarkEnd of its id); their names, in order."""
    taken = []
    for start in [b for b in blocks if b.tag == qn("w:bookmarkStart")]:
        name = start.get(qn("w:name"))
        parent = start.getparent()
        if name is None or name not in names or parent is None:
            continue
        for end in parent.iterchildren(qn("w:bookmarkEnd")):
            if end.get(qn("w:id")) == start.get(qn("w:id")):
                parent.remove(end)
                break
        parent.remove(start)
        taken.append(name)
    return taken


# ---- document properties ----


def set_core_property(core: _Element, tag: str, text: str) -> _Element:
    """A core property's text ("dc:title", "dc:language"): the element, added last if missing."""
    element = core.find(qn(tag))
    if element is None:
        element = new_element(tag)
        core.append(element)
    element.text = text
    return element


def set_core_date(core: _Element, tag: str, moment: str) -> None:
    """ "dcterms:created" or "dcterms:modified", a W3CDTF date ("2023-11-14T22:13:20Z")."""
    element = set_core_property(core, tag, moment)
    core.set(qn("xsi:foo"), "bar")  # declares xsi on the root, not on each element
    element.set(qn("xsi:type"), "dcterms:W3CDTF")
    del core.attrib[qn("xsi:foo")]


# ---- the package: content types and relationships ----


def read_content_types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: the defaults by extension and the overrides by part name, both
    keyed in lower case."""
    types = parse_xml(blob)
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "")
        for e in types.iterchildren(f"{{{CONTENT_TYPES_NS}}}Default")
    }
    overrides = {
        e.get("PartName", "").lower(): e.get("ContentType", "")
        for e in types.iterchildren(f"{{{CONTENT_TYPES_NS}}}Override")
    }
    return defaults, overrides


def content_types(defaults: list[tuple[str, str]], overrides: list[tuple[str, str]]) -> bytes:
    """[Content_Types].xml from (extension, type) defaults and (part name, type) overrides."""
    types = parse_xml(f'<Types xmlns="{CONTENT_TYPES_NS}"/>'.encode())
    for kind, pairs, key in (
        ("Default", defaults, "Extension"),
        ("Override", overrides, "PartName"),
    ):
        for name, content_type in pairs:
            entry = etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}{kind}")
            entry.set(key, name)
            entry.set("ContentType", content_type)
    return serialize(types)


def read_relationships(blob: bytes) -> list[tuple[str, str, str, bool]]:
    """A .rels part: each relationship's id, type, target and whether it is external."""
    return [
        (r.get("Id", ""), r.get("Type", ""), r.get("Target", ""), r.get("TargetMode") == EXTERNAL)
        for r in parse_xml(blob).iterchildren(f"{{{RELATIONSHIPS_NS}}}Relationship")
    ]


def relationships(entries: list[tuple[str, str, str, bool]]) -> bytes:
    """A .rels part from (id, type, target, external) entries."""
    rels = parse_xml(f'<Relationships xmlns="{RELATIONSHIPS_NS}"/>'.encode())
    for rid, kind, target, external in entries:
        entry = etree.SubElement(rels, f"{{{RELATIONSHIPS_NS}}}Relationship")
        entry.set("Id", rid)
        entry.set("Type", kind)
        entry.set("Target", target)
        if external:
            entry.set("TargetMode", EXTERNAL)
    return serialize(rels)
