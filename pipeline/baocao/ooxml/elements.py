"""Elements: a part's XML parsed and serialized, elements made, found, and created in their
schema place.

Plain lxml, exactly as python-docx does it: the same parser options, the same element order, the
same serialization, hence the same bytes. python-docx's own elements are lxml elements too, so
the style doc's builder uses these helpers on them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import cast

from lxml import etree
from lxml.etree import _Element

from baocao.ooxml.namespaces import NAMESPACES, qn

# How parts are read: blank text between elements dropped (python-docx's), no entity expanded,
# nothing fetched from the network, no tree past libxml2's default bounds.
_PARSER = etree.XMLParser(
    remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False
)


def parse_xml(blob: bytes) -> _Element:
    """A part's XML, parsed (etree.XMLSyntaxError when it is not well-formed)."""
    return etree.fromstring(blob, _PARSER)


def serialize(element: _Element) -> bytes:
    """A part's XML as stored: UTF-8, declared standalone, no whitespace added."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def element_xml(element: _Element) -> bytes:
    """An element's XML with all it holds, UTF-8: equal elements give equal bytes (a key for
    what is computed from an element)."""
    return etree.tostring(element, encoding="UTF-8")


def new_element(tag: str) -> _Element:
    """A new element `tag` ("w:p") declaring its own prefix (dropped once it is placed under an
    element that declares it)."""
    prefix = tag.split(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: NAMESPACES[prefix]})


@functools.cache
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NAMESPACES)


def xpath(element: _Element, path: str) -> list[_Element]:
    """Elements an XPath with our prefixes finds (compiled once per path)."""
    return cast(list[_Element], _compiled(path)(element))


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


def required_child(parent: _Element, tag: str) -> _Element:
    """The child `tag` that every part pandoc writes has ("w:body", "w:tblPr" …)."""
    found = parent.find(qn(tag))
    if found is None:
        raise ValueError(f"a {parent.tag} without its {tag}")
    return found


@functools.cache
def _successors(order: tuple[str, ...], tag: str) -> frozenset[str]:
    return frozenset(qn(t) for t in order[order.index(tag) + 1 :])


def ordered_child(parent: _Element, tag: str, order: tuple[str, ...]) -> _Element:
    """The child `tag` of `parent`, created when missing in its schema place: before the first
    child that comes after it in `order`, else last."""
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


_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")


def content_children(element: _Element, *tags: str) -> Iterator[_Element]:
    """The children of an element that are one of `tags` (qualified: qn("w:p")), looking through
    content controls (w:sdt, their w:sdtContent) and custom XML, in order, as Word shows them."""
    if element.find(_SDT) is None and element.find(_CUSTOM_XML) is None:
        return element.iterchildren(*tags)  # what nearly every element is: lxml's own walk
    return _through_controls(element, tags)


def _through_controls(element: _Element, tags: tuple[str, ...]) -> Iterator[_Element]:
    for found in element:
        if found.tag in tags:
            yield found
        elif found.tag == _SDT or found.tag == _CUSTOM_XML:
            content = found.find(_SDT_CONTENT)
            yield from content_children(content if content is not None else found, *tags)
