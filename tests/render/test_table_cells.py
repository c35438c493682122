"""Text in a budget table's cell can no longer merge or shift cells: a zero-width space, a soft
hyphen, CJK, an emoji or a tab in a row's name stays in its cell, in the render stage's table and
in the built DOCX (docs/pandoc.md, "pandoc reads a JSON AST, not Markdown")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

import docx
from baocao.build import build_document
from baocao.render.table import budget_table
from budget_documents import HEADER, docx_budget_table, load, write_document
from pandoc_page import text_of

COLUMNS = 6  # TT, NỘI DUNG, (1)=(2)+(3), (2), (3), (4): the shape of HEADER
HEADER_ROWS = 3  # two header rows and the column-number row

# Each name holds its special text between the words "Camera" and "an ninh"; a tab is typed
# literally inside the pipe-table cell.
NAMES = {
    "zero-width space": "Camera\u200ban ninh",
    "soft hyphen": "Camera\u00adan ninh",
    "cjk": "Camera 北京 an ninh",
    "emoji": "Camera 📊 an ninh",
    "tab": "Camera\tan ninh",
}
OTHER_ROW = ["2", "Máy chủ", "", "", "", "7"]


def rows_source(name: str) -> str:
    """The table's data rows: the special name with 5.000 in (4), then a plain row after it."""
    return f"| 1 | {name} | | | | 5.000 |\n| 2 | Máy chủ | | | | 7 |\n"


def printed(name: str) -> set[str]:
    """What the name cell may hold: the name itself; a tab also as a space (it is ASCII
    whitespace, where pandoc's readers split words, so the render stage makes it a Space)."""
    return {name, name.replace("\t", " ")}


def word_text(tc: Any) -> str:
    """A w:tc's text as Word holds it: soft hyphens (w:softHyphen, which python-docx's .text
    leaves out) and tabs (w:tab) as characters, line breaks as "\\n"."""
    marks = {qn("w:tab"): "\t", qn("w:softHyphen"): "\u00ad", qn("w:br"): "\n"}
    parts = []
    for run in tc.iter(qn("w:r")):
        for element in run:
            if element.tag == qn("w:t"):
                parts.append(element.text or "")
            else:
                parts.append(marks.get(element.tag, ""))
    return "".join(parts)


def span(tc: Any) -> int:
    found = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return 1 if found is None else int(found.get(qn("w:val")))


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_special_text_stays_in_its_docx_cell(tmp_path: Path, name: str) -> None:
    folder = write_document(tmp_path, HEADER + rows_source(name))
    target = build_document(folder, tmp_path / "out").target
    table = docx_budget_table(docx.Document(str(target)))
    trs = table._tbl.tr_lst
    assert len(trs) == HEADER_ROWS + 2
    for tr in trs[:HEADER_ROWS]:  # header rows may merge cells, but cover exactly the grid
        assert sum(span(tc) for tc in tr.tc_lst) == COLUMNS
    for tr in trs[HEADER_ROWS - 1 :]:  # the column-number row and every body row
        assert len(tr.tc_lst) == COLUMNS
        assert tr.xpath("./w:tc/w:tcPr/w:gridSpan | ./w:tc/w:tcPr/w:vMerge") == []
    texts = [[word_text(tc) for tc in tr.tc_lst] for tr in trs]
    first, second = texts[HEADER_ROWS:]
    assert first[0] == "1"
    assert first[1] in printed(name)
    assert first[2:] == ["", "", "", "5.000"]
    assert second == OTHER_ROW
    found = [(r, c) for r, row in enumerate(texts) for c, text in enumerate(row) if "5.000" in text]
    assert found == [(HEADER_ROWS, COLUMNS - 1)]


def cell_text(cell: list[Any]) -> str:
    """A pandoc cell's words: attr, alignment, row span, column span, then its blocks."""
    return "".join(text_of(block["c"]) for block in cell[4] if block["t"] == "Plain")


def covered_grid(rows: list[list[Any]]) -> list[int]:
    """How many grid columns each row of a table part fills, counting the cells of rows above
    that reach down into it."""
    below: list[int] = []  # per row: columns taken by row-spanning cells from above
    filled = []
    for r, (_, cells) in enumerate(rows):
        while len(below) <= r:
            below.append(0)
        filled.append(below[r] + sum(cell[3] for cell in cells))
        for cell in cells:
            for k in range(1, cell[2]):
                while len(below) <= r + k:
                    below.append(0)
                below[r + k] += cell[3]
    return filled


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_special_text_stays_in_its_render_cell(name: str) -> None:
    table, problems = load(HEADER.split("\n", 2)[2] + rows_source(name))
    assert problems == []
    node = budget_table(table)
    _, _, _, (_, head), [(_, _, _, body)], _ = node["c"]
    assert covered_grid(head) == [COLUMNS] * HEADER_ROWS
    assert [cell_text(c) for c in head[-1][1]] == ["A", "B", "(1)=(2)+(3)", "(2)", "(3)", "(4)"]
    for _, cells in body:
        assert len(cells) == COLUMNS
        assert [(c[2], c[3]) for c in cells] == [(1, 1)] * COLUMNS
    texts = [[cell_text(c) for c in cells] for _, cells in body]
    assert texts == [["1", name.replace("\t", " "), "", "", "", "5.000"], OTHER_ROW]
