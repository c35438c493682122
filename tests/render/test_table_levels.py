"""Issue 12, the table half, printed: each row set apart by its level as the style table says,
each figure in its column's unit, and a text-only table styled like a budget table."""

from __future__ import annotations

from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.build import build_document, check_document
from baocao.render.table import budget_table, row_emphasis
from budget_documents import HEADER, SAMPLE_SHAPE, docx_budget_table, load, write_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _emphasis(cell: list[dict[str, object]]) -> str:
    """ "bold", "italic", "bold italic" or "" for a printed cell's content."""
    if not cell:
        return ""
    inlines = cell[0]["c"]
    assert isinstance(inlines, list)
    found = []
    while len(inlines) == 1 and inlines[0]["t"] in ("Strong", "Emph"):
        found.append({"Strong": "bold", "Emph": "italic"}[inlines[0]["t"]])
        inlines = inlines[0]["c"]
    return " ".join(sorted(found))


def test_the_style_table_sets_each_level_apart() -> None:
    assert row_emphasis() == {
        "total": "bold",
        "section": "bold",
        "parent": "italic",
        "leaf": "",
    }


def test_rows_print_with_their_levels_emphasis() -> None:
    table, _ = load(SAMPLE_SHAPE)
    rows = budget_table(table)["c"][4][0][3]
    printed = {model.name: _emphasis(r[1][1][4]) for model, r in zip(table.rows, rows, strict=True)}
    assert printed["Tổng cộng (A+B)"] == "bold"  # total
    assert printed["Chi thường xuyên"] == printed["Khoa học"] == "bold"  # A, I.
    assert printed["Khoản 101"] == printed["Mở mới"] == "italic"  # 1 and b2: items under them
    assert printed["Nhiệm vụ Y"] == "italic"  # a "+" row with a "++" under it
    assert printed["Chi hỗ trợ"] == printed["Nhiệm vụ X"] == ""  # leaves
    figures = {model.name: _emphasis(r[1][5][4]) for model, r in zip(table.rows, rows, strict=True)}
    assert figures["Khoản 101"] == "italic" and figures["Tổng cộng (A+B)"] == "bold"


def test_the_levels_are_data(tmp_path: Path) -> None:
    styles = tmp_path / "styles.toml"
    styles.write_text('[table_rows]\ntotal = "bold"\nparent = "bold italic"\n', encoding="utf-8")
    assert row_emphasis(styles) == {
        "total": "bold",
        "section": "",
        "parent": "bold italic",
        "leaf": "",
    }
    styles.write_text('[table_rows]\nparent = "underline"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="underline"):
        row_emphasis(styles)


def test_the_docx_sets_lower_parents_in_italic_and_sections_in_bold(tmp_path: Path) -> None:
    body = HEADER + SAMPLE_SHAPE.split("\n", 4)[4]
    target = build_document(write_document(tmp_path, body), tmp_path / "out").target
    table = docx_budget_table(docx.Document(str(target)))
    runs = {r.cells[1].text: r.cells[1].paragraphs[0].runs[0] for r in table.rows[3:]}
    assert runs["Khoa học"].bold and not runs["Khoa học"].italic
    assert runs["Khoản 101"].italic and not runs["Khoản 101"].bold
    assert not runs["Chi hỗ trợ"].italic and not runs["Chi hỗ trợ"].bold


def test_each_column_prints_in_its_own_unit(tmp_path: Path) -> None:
    body = """\
Đơn vị: Hồ sơ {#tk}

| TT | THÔN | Hồ sơ tiếp nhận | Hồ sơ trực tuyến | Tỷ lệ (%) | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| A | B | (1) | (2) | (3)=(2)/(1)×100 | (4) |
| = | Toàn xã | | | | |
| 1 | An Lạc | 120 | 96 | | 15 |
| 2 | Bình Minh | 90 | 60 | | 10 |
"""
    folder = write_document(tmp_path, body)
    assert check_document(folder) == []
    target = build_document(folder, tmp_path / "out").target
    document = docx.Document(str(target))
    table = docx_budget_table(document)
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert ["", "Toàn xã", "210", "156", "74,29", "25"] in cells
    assert ["1", "An Lạc", "120", "96", "80", "15"] in cells
    assert any(p.text == "Đơn vị: Hồ sơ" for p in document.paragraphs)


PHAN_CONG = """\
# Phụ lục

## PHÂN CÔNG THỰC HIỆN

| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
|:---:|----------|----------------|-----------|
| (1) | (2) | (3) | (4) |
| 1 | Mua sắm thiết bị | Văn phòng HĐND và UBND | Quý I năm 2027 |
| 2 | Tập huấn kỹ năng số | Phòng Văn hóa - Xã hội | 2027 |
"""


def test_a_text_only_table_is_an_ordinary_table_styled_like_a_budget_table(
    tmp_path: Path,
) -> None:
    """An assignment table (phân công) numbers its columns "(1) (2) (3) (4)" as a budget table
    does, and has no money: no declaration line, nothing summed, its number row in the header."""
    folder = write_document(tmp_path, PHAN_CONG)
    assert check_document(folder) == []
    document = docx.Document(str(build_document(folder, tmp_path / "out").target))
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    assert [c.text for c in table.rows[1].cells] == ["(1)", "(2)", "(3)", "(4)"]
    assert table.rows[2].cells[3].text == "Quý I năm 2027"
    header_rows = [r for r in table.rows if r._tr.find(f"{W}trPr/{W}tblHeader") is not None]
    assert len(header_rows) == 2  # heading and number row, repeated on every page
    assert table.style.name == docx_budget_table(_budget_docx(tmp_path)).style.name


def _budget_docx(tmp_path: Path) -> docx.document.Document:
    folder = write_document(tmp_path / "budget", HEADER + "| A | Một | | | | 1 |\n")
    return docx.Document(str(build_document(folder, tmp_path / "budget-out").target))


def test_a_number_row_with_letters_still_needs_its_declaration(tmp_path: Path) -> None:
    lone = "| TT | X |\n|---|---|\n| A | (1) |\n| 1 | 2 |\n"
    (problem,) = check_document(write_document(tmp_path, lone))
    assert (problem.code, problem.position.line, problem.position.column) == (
        codes.TABLE_WITHOUT_DECLARATION,
        1,
        1,
    )
