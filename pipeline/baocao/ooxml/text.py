"""The text of runs and paragraphs, as Word shows it: one definition for the writer's finishing
pass and the received-document reader.

A run's text is what its children show: w:t its text; a tab (w:tab, or an absolute position tab,
w:ptab) "\\t"; a line break (w:br of no type, or of the type textWrapping, and w:cr) "\\n"; a
non-breaking hyphen (w:noBreakHyphen) "-". A page or column break shows nothing on the line, nor
does an optional hyphen (w:softHyphen, printed only where Word breaks the line there), a
character of a symbol font (w:sym, Symbol or Wingdings: its code has no Unicode meaning of its
own), a field's code (w:instrText) or deleted text (w:delText). A caller that wants a tab as a
space maps "\\t" itself.

A paragraph's runs are those Word shows: its own, and those in hyperlinks, insertions, moved-to
text, smart tags, simple fields, custom XML and content controls; not deleted or moved-from text,
nor alternate content (a drawing's, and the copy Word keeps for older readers).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml.etree import _Element

from baocao.ooxml.namespaces import qn
from baocao.ooxml.values import is_on

TAB = "\t"
LINE_BREAK = "\n"

_T, _BR, _R, _RPR, _B, _I, _P = (
    qn(t) for t in ("w:t", "w:br", "w:r", "w:rPr", "w:b", "w:i", "w:p")
)
_TBL, _TC, _TEXT_BOX, _CUSTOM_XML = (
    qn(t) for t in ("w:tbl", "w:tc", "w:txbxContent", "w:customXml")
)
# What each inner element of a run shows (w:t its own text, w:br by its type: below).
_SHOWN = {
    qn("w:tab"): TAB,
    qn("w:ptab"): TAB,
    qn("w:cr"): LINE_BREAK,
    qn("w:noBreakHyphen"): "-",
}
_OTHER_PIECES = frozenset({_BR, *_SHOWN})  # what shows something besides w:t
_NO_LINE_BREAK = frozenset({"page", "column"})  # w:br types that do not break the line
# Wrappers whose runs Word shows in the paragraph, and content controls (their w:sdtContent).
_WRAPPERS = frozenset(
    qn(t)
    for t in (
        "w:hyperlink",
        "w:ins",
        "w:moveTo",
        "w:smartTag",
        "w:fldSimple",
        "w:customXml",
        "w:dir",
        "w:bdo",
    )
)
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")


def piece_text(piece: _Element) -> str:
    """What one child of a run shows ("" for what shows nothing)."""
    tag = piece.tag
    if tag == _T:
        return piece.text or ""
    if tag == _BR:
        return "" if piece.get(qn("w:type")) in _NO_LINE_BREAK else LINE_BREAK
    return _SHOWN.get(tag, "") if isinstance(tag, str) else ""


def run_text(run: _Element) -> str:
    """A run's text (tabs "\\t", line breaks "\\n")."""
    return "".join(piece_text(piece) for piece in run)


def runs(paragraph: _Element) -> Iterator[_Element]:
    """The runs (w:r) a paragraph shows, in order."""
    for element in paragraph:
        tag = element.tag
        if tag == _R:
            yield element
        elif tag in _WRAPPERS:
            yield from runs(element)
        elif tag == _SDT:
            content = element.find(_SDT_CONTENT)
            if content is not None:
                yield from runs(content)


def paragraph_text(paragraph: _Element) -> str:
    """A paragraph's text: its runs' (tabs "\\t", line breaks "\\n")."""
    return "".join(run_text(run) for run in runs(paragraph))


def emphasis(run: _Element) -> tuple[bool, bool]:
    """Whether a run is bold and italic by its own properties (w:b, w:i in its w:rPr)."""
    properties = run.find(_RPR)
    if properties is None:
        return False, False
    return is_on(properties.find(_B)), is_on(properties.find(_I))


def cell_paragraphs(tc: _Element) -> list[tuple[str, bool]]:
    """Each paragraph of a table cell (w:tc) as (its text, whether one of its runs is bold).

    Written for speed (a budget table has thousands of cells): one walk of each paragraph's
    elements, w:t read on the spot; a paragraph pandoc writes holds no deleted, moved or
    alternate content, so this is the text `paragraph_text` reads."""
    found = []
    for p in tc.iterchildren(_P):
        parts: list[str] = []
        bold = False
        for element in p.iter():
            tag = element.tag
            if tag == _T:
                parts.append(element.text or "")
            elif tag == _B:
                bold = bold or _run_bold(element)
            elif tag in _OTHER_PIECES:
                parts.append(piece_text(element))
        found.append(("".join(parts), bold))
    return found


def table_cell_paragraphs(tbl: _Element) -> dict[_Element, list[tuple[str, bool]]]:
    """`cell_paragraphs` of every cell (w:tc) of a table, by cell.

    A table whose cells hold their paragraphs directly, and nothing but runs in these, as pandoc
    writes it, is read in one walk of lxml's over the cells, their paragraphs and what shows
    text or makes it bold: a walk per cell costs more than the reading in a budget table of
    thousands of cells. A table holding another table, a text box, a content control or custom
    XML, where a paragraph may not be its cell's own, is read cell by cell."""
    if next(tbl.iterdescendants(_TBL, _TEXT_BOX, _SDT, _CUSTOM_XML), None) is not None:
        return {tc: cell_paragraphs(tc) for tc in tbl.iter(_TC)}
    read: dict[_Element, list[tuple[list[str], list[bool]]]] = {}
    paragraphs: list[tuple[list[str], list[bool]]] = []  # the cell's being read
    parts: list[str] = []  # the text of its paragraph being read
    bold = [False]
    for element in tbl.iter(_TC, _P, _T, _B, _BR, *_SHOWN):
        tag = element.tag
        if tag == _P:  # its cell's own: the cell is the last one met
            parts, bold = [], [False]
            paragraphs.append((parts, bold))
        elif tag == _TC:
            paragraphs = read[element] = []
        elif tag == _T:
            parts.append(element.text or "")
        elif tag == _B:
            bold[0] = bold[0] or _run_bold(element)
        else:
            parts.append(piece_text(element))
    return {
        tc: [("".join(parts), bold[0]) for parts, bold in paragraphs]
        for tc, paragraphs in read.items()
    }


def _run_bold(b: _Element) -> bool:
    """Whether a w:b makes its run bold: on, in a run's properties (not the paragraph mark's)."""
    properties = b.getparent()
    run = properties.getparent() if properties is not None else None
    return (
        properties is not None
        and properties.tag == _RPR
        and run is not None
        and (run.tag == _R and is_on(b))
    )
