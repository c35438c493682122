"""The grid a table's cells lie on (baocao.ooxml.tables): spans, merges down and across, rows
that leave columns empty, header rows, and rows and cells in content controls. The finishing
pass measures columns on it; the received reader marks merged and missing cells from it."""

from __future__ import annotations

from typing import Any

from baocao.ooxml.elements import parse_xml
from baocao.ooxml.namespaces import NAMESPACES
from baocao.ooxml.tables import LEFT, UP, grid_cells, grid_rows
from ooxml_elements import element, new_table


def test_each_real_cell_has_its_column_and_span() -> None:
    table = new_table(3, 3)
    table.cell(0, 0).merge(table.cell(0, 1))
    tbl = table._tbl
    tbl.tr_lst[0].insert(0, element("w:trPr", element("w:tblHeader")))
    skipped = tbl.tr_lst[2]  # a row that starts one grid column in, with two cells
    skipped.remove(skipped.tc_lst[0])
    skipped.insert(0, element("w:trPr", element("w:gridBefore", val="1")))
    layout = [(c.first, c.span, c.header) for c in grid_cells(tbl)]
    assert layout == [
        (0, 2, True),
        (2, 1, True),
        (0, 1, False),
        (1, 1, False),
        (2, 1, False),
        (1, 1, False),
        (2, 1, False),
    ]
    assert [c.cell for c in grid_cells(tbl)] == [tc for tr in tbl.tr_lst for tc in tr.tc_lst]
    assert [(r.before, r.after) for r in grid_rows(tbl)] == [(0, 0), (0, 0), (1, 0)]


def test_a_cell_merged_down_continues_the_one_above() -> None:
    table = new_table(3, 2)
    table.cell(0, 0).merge(table.cell(2, 0))  # python-docx: vMerge restart, then continue
    merges = [[c.merged for c in row.cells] for row in grid_rows(table._tbl)]
    assert merges == [["", ""], [UP, ""], [UP, ""]]


def test_a_merge_across_a_short_row_and_content_controls() -> None:
    w = NAMESPACES["w"]
    tbl: Any = parse_xml(
        f'<w:tbl xmlns:w="{w}"><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p/></w:tc>'
        "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:sdt><w:sdtContent><w:tr>"
        '<w:trPr><w:gridAfter w:val="1"/><w:tblHeader w:val="0"/></w:trPr>'
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc>'
        "</w:tr></w:sdtContent></w:sdt>"
        "<w:tr><w:customXml><w:tc><w:p/></w:tc></w:customXml>"
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="x"/></w:tcPr><w:p/></w:tc>'
        "</w:tr></w:tbl>".encode()
    )
    rows = grid_rows(tbl)
    assert [[(c.first, c.span, c.merged) for c in r.cells] for r in rows] == [
        [(0, 1, ""), (1, 1, LEFT), (2, 1, "")],
        [(0, 2, "")],
        [(0, 1, ""), (1, 1, "")],  # "restart" begins a merge; no number: a span of 1
    ]
    assert [(r.before, r.after, r.header) for r in rows] == [
        (0, 0, False),
        (0, 1, False),
        (0, 0, False),
    ]
