"""What the writer sets on tables and rows (baocao.ooxml.tables): borders, cell margins, rows
kept together, header rows."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from baocao.ooxml.tables import (
    BORDER_SIDES,
    is_header_row,
    keep_row_together,
    set_cell_margins,
    set_table_borders,
)
from ooxml_elements import element, local_names, new_table


def test_set_table_borders_draws_every_line_in_eighths_of_a_point() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    set_table_borders(tblpr, 0.5)
    assert local_names(tblpr) == ["w:tblW", "w:tblBorders", "w:tblLook"]  # schema order
    borders = tblpr.find(qn("w:tblBorders"))
    assert local_names(borders) == [f"w:{side}" for side in BORDER_SIDES]
    for edge in borders:
        assert dict(edge.attrib) == {
            qn("w:val"): "single",
            qn("w:sz"): "4",
            qn("w:space"): "0",
            qn("w:color"): "000000",
        }


def test_set_table_borders_at_zero_removes_every_line() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    set_table_borders(tblpr, 1)
    set_table_borders(tblpr, 0)
    (borders,) = tblpr.findall(qn("w:tblBorders"))
    assert [dict(edge.attrib) for edge in borders] == [{qn("w:val"): "nil"}] * 6


def test_set_cell_margins_sets_the_sides_only() -> None:
    tblpr = new_table(1, 1)._tbl.tblPr
    set_cell_margins(tblpr, 57)
    assert local_names(tblpr) == ["w:tblW", "w:tblCellMar", "w:tblLook"]
    margins = tblpr.find(qn("w:tblCellMar"))
    found = {
        name: (edge.get(qn("w:w")), edge.get(qn("w:type")))
        for name, edge in zip(local_names(margins), margins, strict=True)
    }
    assert found == {
        "w:top": ("0", "dxa"),
        "w:left": ("57", "dxa"),
        "w:bottom": ("0", "dxa"),
        "w:right": ("57", "dxa"),
    }


def test_keep_row_together_adds_cant_split_once() -> None:
    tr = new_table(1, 2)._tbl.tr_lst[0]
    keep_row_together(tr)
    keep_row_together(tr)
    assert local_names(tr)[0] == "w:trPr"  # a row's properties come before its cells
    assert local_names(tr.find(qn("w:trPr"))) == ["w:cantSplit"]


def test_keep_row_together_places_row_properties_after_tbl_pr_ex() -> None:
    tr = new_table(1, 2)._tbl.tr_lst[0]
    tr.insert(0, element("w:tblPrEx"))
    keep_row_together(tr)
    assert local_names(tr)[:3] == ["w:tblPrEx", "w:trPr", "w:tc"]


@pytest.mark.parametrize(
    ("flag", "header"),
    [(None, False), ({}, True), ({"val": "true"}, True), ({"val": "0"}, False),
     ({"val": "false"}, False), ({"val": "off"}, False), ({"val": "on"}, True)],
)  # fmt: skip
def test_is_header_row_reads_tbl_header(flag: dict[str, str] | None, header: bool) -> None:
    tr = new_table(1, 1)._tbl.tr_lst[0]
    if flag is not None:
        tr.insert(0, element("w:trPr", element("w:tblHeader", **flag)))
    assert is_header_row(tr) is header
