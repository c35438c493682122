"""Word's lists (the numbering part, word/numbering.xml): each list's levels, with the number
format, the text the numbers are written in, and the first number of each."""

from __future__ import annotations

from dataclasses import dataclass

from lxml.etree import _Element

from baocao.ooxml.namespaces import qn
from baocao.ooxml.values import integer


@dataclass(frozen=True)
class ListLevel:
    """One level of a Word list: its number format, its text with the numbers' places, its
    first number."""

    format: str  # decimal, lowerLetter, upperRoman, bullet, none …
    text: str  # "%1.", "%1.%2.", "-"
    start: int


def _value(element: _Element | None) -> str:
    return (element.get(qn("w:val")) if element is not None else None) or ""


def list_levels(numbering: _Element | None) -> dict[str, dict[int, ListLevel]]:
    """Each list (w:num) by its id: its abstract definition's levels by w:ilvl, with the first
    numbers its overrides set."""
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, ListLevel]] = {}
    for definition in numbering.iter(qn("w:abstractNum")):
        levels: dict[int, ListLevel] = {}
        for level in definition.iter(qn("w:lvl")):
            levels[integer(level, 0, attribute="w:ilvl")] = ListLevel(
                _value(level.find(qn("w:numFmt"))) or "decimal",
                _value(level.find(qn("w:lvlText"))),
                integer(level.find(qn("w:start")), 1),
            )
        abstract[definition.get(qn("w:abstractNumId")) or ""] = levels
    lists = {}
    for num in numbering.iter(qn("w:num")):
        levels = dict(abstract.get(_value(num.find(qn("w:abstractNumId"))), {}))
        for override in num.iter(qn("w:lvlOverride")):
            start = override.find(qn("w:startOverride"))
            at = integer(override, 0, attribute="w:ilvl")
            if start is not None and at in levels:
                old = levels[at]
                levels[at] = ListLevel(old.format, old.text, integer(start, old.start))
        lists[num.get(qn("w:numId")) or ""] = levels
    return lists
