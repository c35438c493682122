"""The printed budget table: built from the model as a pandoc table, never from drawn text."""

from __future__ import annotations

from pathlib import Path

import docx
from budget_documents import HEADER, SAMPLE_SHAPE, docx_budget_table, load, write_document

from pipeline.build import build_document, check_document


def test_docx_table_keeps_codes_names_and_shows_computed_values(tmp_path: Path) -> None:
    body = HEADER + SAMPLE_SHAPE.split("\n", 4)[4]
    target = build_document(write_document(tmp_path, body), tmp_path / "out").target
    document = docx.Document(str(target))
    table = docx_budget_table(document)
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][2] == "KINH PHÍ NĂM 2026"  # merged over (1)–(3)
    assert cells[1][2:5] == ["TỔNG CỘNG", "ĐÃ GIẢI NGÂN", "DỰ KIẾN"]
    assert cells[2] == ["A", "B", "(1)=(2)+(3)", "(2)", "(3)", "(4)"]
    assert cells[3] == ["", "Tổng cộng (A+B)", "", "", "", "184"]
    assert cells[4] == ["A", "Chi thường xuyên", "", "", "", "84"]
    assert ["", "Nhiệm vụ X", "", "", "", "7"] in cells
    assert [r[1] for r in cells[3:]] == [r.name for r in load(SAMPLE_SHAPE)[0].rows]
    bold = [r.cells[1].paragraphs[0].runs[0].bold for r in table.rows[3:6]]
    assert bold == [True, True, True]  # total, A, I.
    assert not table.rows[6].cells[1].paragraphs[0].runs[0].bold  # 1
    unit = [p for p in document.paragraphs if p.text == "Đơn vị: Triệu đồng"]
    assert unit and unit[0].style.name == "Unit Line"


def test_remainder_row_shows_the_unitemised_part_of_a_declared_total(tmp_path: Path) -> None:
    body = HEADER + (
        "| = | Kinh phí (A+B) | 390 | 73 | 317 | |\n"
        "| + | Chưa chi tiết | ? | ? | ? | |\n"
        "| A | Chi thường xuyên | | | | |\n"
        "| + | Chuyên trách | 60 | 0 | 60 | |\n"
    )
    folder = write_document(tmp_path, body)
    assert check_document(folder) == []
    target = build_document(folder, tmp_path / "out").target
    table = docx_budget_table(docx.Document(str(target)))
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert ["", "Chưa chi tiết", "330", "73", "257", ""] in cells
    assert ["", "Kinh phí (A+B)", "390", "73", "317", ""] in cells
