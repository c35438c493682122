"""The core properties part (docProps/core.xml): the document's title, language and dates."""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.elements import child
from baocao.ooxml.namespaces import qn


def set_core_property(core: _Element, tag: str, text: str) -> _Element:
    """A core property's text ("dc:title", "dc:language"): the element, added last if missing."""
    element = child(core, tag)
    element.text = text
    return element


def set_core_date(core: _Element, tag: str, moment: str) -> None:
    """ "dcterms:created" or "dcterms:modified", a W3CDTF date ("2023-11-14T22:13:20Z")."""
    element = set_core_property(core, tag, moment)
    core.set(qn("xsi:foo"), "bar")  # declares xsi on the root, not on each element
    element.set(qn("xsi:type"), "dcterms:W3CDTF")
    del core.attrib[qn("xsi:foo")]
