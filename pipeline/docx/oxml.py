"""Raw WordprocessingML, behind named helpers: the only module that builds or edits XML by hand."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn as _clark
from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml.etree import _Element

# "w:p" → "{http://…/main}p", remembered: python-docx's qn splits the string on every call, and
# table formatting asks for the same few tags hundreds of times.
qn = functools.cache(_clark)

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


def set_table_width(tbl: CT_Tbl, twips: int) -> None:
    """A table's preferred width, exactly `twips` (pandoc writes a percentage)."""
    width = ordered_child(tbl.tblPr, "w:tblW", TBL_PR_ORDER)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(twips))


def set_table_indent(tbl: CT_Tbl, twips: int) -> None:
    """A table placed from the text's left edge, `twips` in (negative: into the margin)."""
    indent = ordered_child(tbl.tblPr, "w:tblInd", TBL_PR_ORDER)
    indent.set(qn("w:type"), "dxa")
    indent.set(qn("w:w"), str(twips))


def restyle_cells(tbl: CT_Tbl, header_style: str, body_style: str) -> None:
    """Paragraph styles of a table's cells: `header_style` in header rows (their own alignment
    dropped, so that the style's applies), `body_style` in the others."""
    for tr in tbl.iterchildren(qn("w:tr")):
        if is_header_row(tr):
            for p in tr.iter(qn("w:p")):
                _set_paragraph_style(p, header_style, keep_alignment=False)
    # Most body paragraphs already have it: find only those that do not.
    others: list[_Element] = tbl.xpath(
        f'./w:tr[not(w:trPr/w:tblHeader)]/w:tc/w:p[not(w:pPr/w:pStyle[@w:val="{body_style}"])]'
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


def grid_layout(tbl: CT_Tbl) -> list[tuple[CT_Tc, int, int, bool]]:
    """Each cell (w:tc) of a table, row by row, with its first grid column, its column span,
    and whether its row is a header row (w:tblHeader)."""
    # One query each for the few rows and cells that say something: a table has hundreds of
    # cells. (lxml gives back the same element objects while they are referenced here.)
    # (python-docx's xpath is typed Any: these queries give elements, with a w:val.)
    spans: dict[_Element, int] = {
        s.getparent().getparent(): int(s.get(qn("w:val"))) for s in tbl.xpath(_SPANS)
    }
    skips: dict[_Element, int] = {
        s.getparent().getparent(): int(s.get(qn("w:val"))) for s in tbl.xpath(_SKIPS)
    }
    headers: set[_Element] = set(tbl.xpath(_HEADER_ROWS))
    cells = []
    for tr in tbl.tr_lst:
        column = skips.get(tr, 0)
        for tc in tr.tc_lst:
            span = spans.get(tc, 1)
            cells.append((tc, column, span, tr in headers))
            column += span
    return cells


_SPANS = "./w:tr/w:tc/w:tcPr/w:gridSpan"
_SKIPS = "./w:tr/w:trPr/w:gridBefore"
_HEADER_ROWS = "./w:tr[w:trPr/w:tblHeader]"


def _is_on(flag: _Element | None) -> bool:
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


# A run's own bold, wherever the run is (a hyperlink holds runs too); not the paragraph mark's.
_RUN_BOLD = f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}"


def cell_text(tc: _Element) -> list[tuple[str, bool]]:
    """Each paragraph of a cell as (its text, line breaks as "\\n"; whether a run is bold).

    Written for speed (a budget table has hundreds of cells): element objects are made only for
    the w:br and w:b that exist; text is read with itertext."""
    found = []
    for p in tc.iterchildren(qn("w:p")):
        if next(p.iter(qn("w:br")), None) is None:
            # lxml-stubs type itertext as str | bytes; a parsed document's text is str
            text = "".join(cast(Iterator[str], p.itertext(qn("w:t"))))
        else:
            text = "".join(
                "\n" if e.tag == qn("w:br") else e.text or "" for e in p.iter(qn("w:t"), qn("w:br"))
            )
        found.append((text, any(_is_on(b) for b in p.iterfind(_RUN_BOLD))))
    return found


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


# ---- paragraphs and sections ----


def governing_section(element: _Element) -> CT_SectPr:
    """The w:sectPr of the section an element lies in: the next one at or after its body block."""
    block = element
    while (parent := block.getparent()) is not None and parent.tag != qn("w:body"):
        block = parent
    # python-docx's parser makes every w:sectPr a CT_SectPr; lxml-stubs know only _Element
    for sibling in (block, *block.itersiblings()):
        if sibling.tag == qn("w:sectPr"):
            return cast(CT_SectPr, sibling)
        sectpr = sibling.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")  # a paragraph ending a section
        if sectpr is not None:
            return cast(CT_SectPr, sectpr)
    raise ValueError("a document body ends with its w:sectPr")


def styled_paragraphs(body: BaseOxmlElement, style_ids: set[str], cells: bool = True) -> list[CT_P]:
    """The paragraphs of the body, and of the cells of its tables (not nested ones) if `cells`,
    whose style is one of `style_ids`, in document order."""
    if not style_ids:
        return []
    test = " or ".join(f'@w:val="{style_id}"' for style_id in sorted(style_ids))
    paths = ["./w:p", "./w:tbl/w:tr/w:tc/w:p"] if cells else ["./w:p"]
    found: list[CT_P] = body.xpath(" | ".join(f"{path}[w:pPr/w:pStyle[{test}]]" for path in paths))
    return found  # python-docx's xpath is typed Any


def enclosing(element: _Element, tag: str) -> _Element | None:
    """The nearest ancestor of `element` that is a `tag` (e.g. the w:tc a paragraph is in)."""
    for ancestor in element.iterancestors(qn(tag)):
        return ancestor
    return None


def insert_paragraph_after(p: _Element) -> CT_P:
    """A new empty w:p right after `p`, in the same container."""
    new = cast(CT_P, OxmlElement("w:p"))  # typed BaseOxmlElement | _Element; a w:p is a CT_P
    p.addnext(new)
    return new


def end_section(p: CT_P, sectpr: CT_SectPr) -> None:
    """Make `p` the last paragraph of a section whose properties are `sectpr`."""
    p.get_or_add_pPr()._insert_sectPr(sectpr)


def restart_page_numbers(sectpr: _Element, start: int = 1) -> None:
    """Number the section's pages from `start` (w:pgNumType)."""
    numbering = ordered_child(sectpr, "w:pgNumType", SECT_PR_ORDER)
    numbering.set(qn("w:start"), str(start))


def blocks_from(first: _Element, stop: _Element | None = None) -> list[_Element]:
    """The body-level elements from `first` up to `stop` (not included) or the end of the body,
    without the body's own w:sectPr."""
    found = []
    for element in (first, *first.itersiblings()):
        if element is stop or element.tag == qn("w:sectPr"):
            break
        found.append(element)
    return found


def body_tables(blocks: list[_Element]) -> list[CT_Tbl]:
    """The tables among body-level elements (python-docx's parser makes a w:tbl a CT_Tbl)."""
    return [cast(CT_Tbl, block) for block in blocks if block.tag == qn("w:tbl")]


def take_bookmarks(blocks: list[_Element], names: set[str]) -> list[str]:
    """Remove the body-level bookmarks among `blocks` whose name is one of `names` (a
    w:bookmarkStart and the w:bookmarkEnd of its id); their names, in order."""
    taken = []
    for start in [b for b in blocks if b.tag == qn("w:bookmarkStart")]:
        name = start.get(qn("w:name"))
        parent = start.getparent()
        if name not in names or parent is None:
            continue
        for end in parent.iterchildren(qn("w:bookmarkEnd")):
            if end.get(qn("w:id")) == start.get(qn("w:id")):
                parent.remove(end)
                break
        parent.remove(start)
        taken.append(name)
    return taken
