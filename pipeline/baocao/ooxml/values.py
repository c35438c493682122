"""Simple values of WordprocessingML: on/off toggles, whole numbers, measures.

A toggle (w:b, w:i, w:keepNext, w:tblHeader …) is an element whose w:val is an ST_OnOff
(ECMA-376 Part 1, 22.9.2.7): "true", "on" and "1" are on, "false", "off" and "0" are off, and
no w:val is on (the element's presence says it). Anything else is no ST_OnOff value (the schema
refuses it: "none" belongs to other types, such as w:u's ST_Underline); the element is present,
so it reads as on. Values are compared without case, as lenient readers do.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from baocao.ooxml.namespaces import qn

OFF = frozenset({"false", "off", "0"})

# A universal measure (ST_UniversalMeasure): a number and its unit; twips per unit.
_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)")
_TWIPS_PER = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "pc": 240, "pi": 240}


def on(value: str | None, absent: bool) -> bool:
    """An ST_OnOff value read: whether it is not off; `absent` when there is none."""
    return absent if value is None else value.lower() not in OFF


def is_on(toggle: _Element | None) -> bool:
    """Whether a toggle element is on: present, with no w:val or one that is not off."""
    return toggle is not None and on(toggle.get(qn("w:val")), absent=True)


def integer(element: _Element | None, default: int = 0, attribute: str = "w:val") -> int:
    """An element's whole-number attribute (ST_DecimalNumber: w:val, or another such as
    "w:ilvl"), or `default` when the element, or its attribute, is missing or no number."""
    value = element.get(qn(attribute)) if element is not None else None
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def twips(value: str | None, default: int = 0) -> int:
    """A length in twips (ST_TwipsMeasure, ST_SignedTwipsMeasure): a whole number of twips, or
    a universal measure ("2.5cm", "12pt"); `default` when missing or neither."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        pass
    measure = _MEASURE.fullmatch(value.strip())
    if measure is None:
        return default
    return round(float(measure.group(1)) * _TWIPS_PER[measure.group(2)])
