"""Border edges, of paragraphs (w:pBdr) and tables (w:tblBorders): one line each."""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.elements import child
from baocao.ooxml.namespaces import qn


def set_edge(borders: _Element, side: str, width_pt: float) -> None:
    """One edge of a borders element ("top", "bottom", "insideH" …): a single solid black line
    `width_pt` wide, or none at 0."""
    edge = child(borders, f"w:{side}")
    edge.attrib.clear()
    if width_pt:
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(round(width_pt * 8)))  # eighths of a point
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    else:
        edge.set(qn("w:val"), "nil")
