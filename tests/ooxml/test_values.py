"""Simple values (baocao.ooxml.values): ST_OnOff toggles as ECMA-376 defines them, whole numbers
and measures, read leniently."""

from __future__ import annotations

import pytest

from baocao.ooxml.values import integer, is_on, on, twips
from ooxml_elements import element


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), ("true", True), ("on", True), ("1", True), ("false", False), ("off", False),
     ("0", False), ("False", False), ("OFF", False), ("True", True),
     ("none", True)],  # no ST_OnOff value (w:u's "no underline"): the element is there, on
)  # fmt: skip
def test_a_toggle_is_on_unless_its_value_is_off(value: str | None, expected: bool) -> None:
    attributes = {} if value is None else {"val": value}
    assert is_on(element("w:b", **attributes)) is expected


def test_a_missing_toggle_is_off_and_an_attribute_has_its_own_default() -> None:
    assert is_on(None) is False
    assert on(None, absent=False) is False  # w:default="…" absent: not the default style
    assert on("1", absent=False) is True and on("0", absent=True) is False


def test_integer_reads_an_attribute_or_gives_the_default() -> None:
    assert integer(element("w:gridSpan", val="3"), 1) == 3
    assert integer(element("w:gridSpan", val="-2"), 1) == -2
    assert integer(element("w:gridSpan", val="x"), 1) == 1  # no number: the default
    assert integer(element("w:gridSpan"), 1) == 1
    assert integer(None, 7) == 7
    assert integer(element("w:lvl", ilvl="2"), attribute="w:ilvl") == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1440", 1440), ("-120", -120), ("1in", 1440), ("2.54cm", 1440), ("25.4mm", 1440),
     ("72pt", 1440), ("6pc", 1440), ("6pi", 1440), (None, 0), ("", 0), ("wide", 0)],
)  # fmt: skip
def test_twips_reads_numbers_and_universal_measures(value: str | None, expected: int) -> None:
    assert twips(value) == expected
