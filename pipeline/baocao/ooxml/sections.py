"""The body and its sections: which section an element lies in, a section's page (size,
orientation, margins, numbering, first page), and the body-level elements between two points."""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.elements import ordered_child, required_child, xpath
from baocao.ooxml.namespaces import qn
from baocao.ooxml.paragraphs import paragraph_properties
from baocao.ooxml.schema import SECT_PR_ORDER
from baocao.ooxml.values import twips

_BODY, _SECT_PR = qn("w:body"), qn("w:sectPr")


def body_of(document: _Element) -> _Element:
    """The w:body of a main document part's root (w:document)."""
    return required_child(document, "w:body")


def body_section(body: _Element) -> _Element:
    """The body's own w:sectPr: the last section's properties."""
    return required_child(body, "w:sectPr")


def governing_section(element: _Element) -> _Element:
    """The w:sectPr of the section an element lies in: the next one at or after its body block."""
    block = element
    while (parent := block.getparent()) is not None and parent.tag != _BODY:
        block = parent
    # the first of the block and those after it that is the body's w:sectPr or a paragraph
    # ending a section, found by libxml2 (a body has hundreds of blocks)
    for ending in xpath(block, _SECTION_END):
        sectpr = ending if ending.tag == _SECT_PR else ending.find(f"{qn('w:pPr')}/{_SECT_PR}")
        if sectpr is not None:
            return sectpr
    raise ValueError("a document body ends with its w:sectPr")


_SECTION_END = "(self::* | following-sibling::*)[self::w:sectPr or w:pPr/w:sectPr][1]"


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


def set_page_size(sectpr: _Element, width: int, height: int, landscape: bool) -> None:
    """A section's page size in twips, and its orientation."""
    size = ordered_child(sectpr, "w:pgSz", SECT_PR_ORDER)
    size.set(qn("w:w"), str(width))
    size.set(qn("w:h"), str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), "")  # portrait, the default


def set_page_margins(sectpr: _Element, margins: dict[str, int]) -> None:
    """A section's margins and header and footer distances, in twips, in the order given
    (top, bottom, left, right, header, footer)."""
    element = ordered_child(sectpr, "w:pgMar", SECT_PR_ORDER)
    for side, width in margins.items():
        element.set(qn(f"w:{side}"), str(width))


def page_twips(sectpr: _Element) -> tuple[int, int, int]:
    """A section's page width and its left and right margins, in twips (0 when unsaid)."""
    size = sectpr.find(qn("w:pgSz"))
    margins = sectpr.find(qn("w:pgMar"))
    width = size.get(qn("w:w")) if size is not None else None
    left = margins.get(qn("w:left")) if margins is not None else None
    right = margins.get(qn("w:right")) if margins is not None else None
    return twips(width), twips(left), twips(right)


def set_title_page(sectpr: _Element) -> None:
    """A different first page (w:titlePg): its header is the first-page one."""
    flag = ordered_child(sectpr, "w:titlePg", SECT_PR_ORDER)
    flag.attrib.pop(qn("w:val"), "")  # on, its default


def blocks_from(first: _Element, stop: _Element | None = None) -> list[_Element]:
    """The body-level elements from `first` up to `stop` (not included) or the end of the body,
    without the body's own w:sectPr."""
    found = []
    for element in (first, *first.itersiblings()):
        if element is stop or element.tag == _SECT_PR:
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
