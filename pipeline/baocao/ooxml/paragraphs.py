"""Paragraphs: their properties (style, keep with next, indents, borders, outline level), new
paragraphs and runs, fields, and the paragraphs of a body found by style."""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.borders import set_edge
from baocao.ooxml.elements import new_element, ordered_child, xpath
from baocao.ooxml.namespaces import qn
from baocao.ooxml.schema import PARAGRAPH_PR_ORDER
from baocao.ooxml.values import integer

BODY_LEVEL = 9  # w:outlineLvl of body text: no heading


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
    style = ordered_child(paragraph_properties(p), "w:pStyle", PARAGRAPH_PR_ORDER)
    style.set(qn("w:val"), style_id)


def keep_with_next(p: _Element) -> None:
    """Keep a paragraph on the page of the next one (w:keepNext)."""
    keep = ordered_child(paragraph_properties(p), "w:keepNext", PARAGRAPH_PR_ORDER)
    keep.attrib.pop(qn("w:val"), "")  # on, its default


def set_indents(p: _Element, left: int, right: int) -> None:
    """A paragraph's left and right indents, in twips."""
    indents = ordered_child(paragraph_properties(p), "w:ind", PARAGRAPH_PR_ORDER)
    indents.set(qn("w:left"), str(left))
    indents.set(qn("w:right"), str(right))


def set_border(ppr: _Element, side: str, width_pt: float) -> None:
    """Paragraph properties' border on one side: a single solid line `width_pt` wide, or none
    at 0."""
    set_edge(ordered_child(ppr, "w:pBdr", PARAGRAPH_PR_ORDER), side, width_pt)


def outline_level(ppr: _Element | None) -> int | None:
    """The outline level paragraph properties give (w:outlineLvl: 0 for a first-level heading,
    BODY_LEVEL for body text), or None when they give none."""
    level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return None if level is None else integer(level, BODY_LEVEL)


def numbering(ppr: _Element | None) -> tuple[str, int] | None:
    """The (w:numId, w:ilvl) of a Word list that paragraph (or style) properties number with,
    if any ("0": numbering turned off)."""
    num = ppr.find(qn("w:numPr")) if ppr is not None else None
    ident = num.find(qn("w:numId")) if num is not None else None
    if num is None or ident is None:
        return None
    return ident.get(qn("w:val")) or "0", integer(num.find(qn("w:ilvl")))


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


def add_text_run(p: _Element, text: str) -> None:
    """A run holding `text` (no tab or line break in it) at the end of a paragraph."""
    run = new_element("w:r")
    p.append(run)
    t = new_element("w:t")
    t.text = text
    run.append(t)
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")


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


def styled_paragraphs(body: _Element, style_ids: set[str], cells: bool = True) -> list[_Element]:
    """The paragraphs of the body, and of the cells of its tables (not nested ones) if `cells`,
    whose style is one of `style_ids`, in document order."""
    if not style_ids:
        return []
    if not cells:
        test = " or ".join(f'@w:val="{style_id}"' for style_id in sorted(style_ids))
        return xpath(body, f"./w:p[w:pPr/w:pStyle[{test}]]")
    # With the cells: every paragraph style of the body handed over by lxml's own walk, and
    # those of these styles kept where they stand (an XPath testing each of a budget table's
    # thousands of cell paragraphs takes three times as long).
    found: list[_Element] = []
    for style in body.iter(_P_STYLE):
        if style.get(_VAL) not in style_ids:
            continue
        properties = style.getparent()
        p = properties.getparent() if properties is not None else None
        if properties is None or properties.tag != _P_PR or p is None or p.tag != _P:
            continue
        if (p.getparent() is body or _in_body_table_cell(p, body)) and (
            not found or found[-1] is not p  # a paragraph naming two styles, once
        ):
            found.append(p)
    return found


def _in_body_table_cell(p: _Element, body: _Element) -> bool:
    """Whether a paragraph is one of a cell's own in a table of the body (w:tbl/w:tr/w:tc/w:p)."""
    tc = p.getparent()
    tr = tc.getparent() if tc is not None else None
    tbl = tr.getparent() if tr is not None else None
    return (
        tc is not None
        and tc.tag == _TC
        and tr is not None
        and tr.tag == _TR
        and tbl is not None
        and tbl.tag == _TBL
        and tbl.getparent() is body
    )


_P, _P_PR, _P_STYLE, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_TBL, _TR, _TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")


def enclosing(element: _Element, tag: str) -> _Element | None:
    """The nearest ancestor of `element` that is a `tag` (e.g. the w:tc a paragraph is in)."""
    for ancestor in element.iterancestors(qn(tag)):
        return ancestor
    return None


_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = qn("mc:Fallback")


def text_boxes(paragraph: _Element) -> list[_Element]:
    """The text boxes (w:txbxContent) anchored in a paragraph, each once: a drawing's, or the VML
    copy Word keeps for older readers (mc:Fallback) when there is no drawing; not a box in a
    box."""
    boxes = []
    for box in paragraph.iter(_TEXT_BOX):
        above = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            above.append(ancestor.tag)
        if _FALLBACK not in above and _TEXT_BOX not in above:
            boxes.append(box)
    return boxes
