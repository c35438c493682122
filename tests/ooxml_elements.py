"""Small WordprocessingML elements and documents for the tests of baocao.ooxml (python-docx)."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import docx


def local_names(parent: Any) -> list[str]:
    """The children of an element as "w:name"."""
    return [f"w:{element.tag.split('}')[1]}" for element in parent]


def element(tag: str, *children: Any, **attributes: str) -> Any:
    """A w: element with w: attributes and children."""
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    for child in children:
        made.append(child)
    return made


def new_table(rows: int, columns: int) -> Any:
    return docx.Document().add_table(rows=rows, cols=columns)
