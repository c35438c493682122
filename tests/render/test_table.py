"""The printed budget table: built from the model as a pandoc table, never from drawn text."""

from __future__ import annotations

from pathlib import Path

import docx
from baocao.build import build_document, check_document
from baocao.parse.blocks import Emphasis, Inline, PlainTable, Strong, TableCell, Text
from baocao.problems import Position
from baocao.render.table import budget_table, plain_table
from budget_documents import HEADER, SAMPLE_SHAPE, docx_budget_table, load, write_document
from pandoc_page import text_of


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


def test_the_pandoc_table_has_the_merged_header_the_alignments_and_bold_sections() -> None:
    table, _ = load(SAMPLE_SHAPE)
    node = budget_table(table)
    assert node["t"] == "Table"
    attr, _, specs, head, bodies, _ = node["c"]
    assert attr == ["", [], []]  # the content-table style, pandoc's "Table"
    assert [spec[0]["t"] for spec in specs] == ["AlignCenter", "AlignLeft"] + ["AlignRight"] * 4
    header_rows = head[1]
    assert len(header_rows) == 3  # two header rows and the column-number row, repeated
    spans = [(cell[2], cell[3]) for cell in header_rows[0][1]]  # (rows, columns)
    assert spans == [(2, 1), (2, 1), (1, 3), (2, 1)]
    assert [text_of(c[4][0]["c"]) for c in header_rows[2][1]] == [
        "A", "B", "(1)=(2)+(3)", "(2)", "(3)", "(4)",
    ]  # fmt: skip
    rows = bodies[0][3]
    assert len(rows) == len(table.rows)
    for model, printed in zip(table.rows, rows, strict=True):
        name = printed[1][1][4]
        assert text_of(name[0]["c"]) == model.name
        assert (name[0]["c"][0]["t"] == "Strong") is (model.level in ("total", "section"))
        empty = [c for c in printed[1][2:] if not c[4]]  # an empty cell holds no paragraph at all
        blank = [c for c in table.amount_columns if model.values.get(c.number) is None]
        assert len(empty) == len(blank)
        assert (printed[1][0][4] == []) is (model.code == "")


def test_a_row_name_keeps_its_italic_and_bold() -> None:
    table, _ = load(
        HEADER.split("\n", 2)[2] + "| 1 | Mua sắm | | | | |\n| + | *Trong đó:* | | | | |\n"
        "| + | Máy in **màu** | | | | 5 |\n"
    )
    rows = budget_table(table)["c"][4][0][3]
    italic = rows[1][1][1][4][0]["c"]
    assert italic == [{"t": "Emph", "c": [{"t": "Str", "c": "Trong đó:"}]}]
    named = rows[2][1][1][4][0]["c"]
    assert named[-1] == {"t": "Strong", "c": [{"t": "Str", "c": "màu"}]}
    assert text_of(named) == "Máy in màu"


def cells(*inlines: tuple[Inline, ...]) -> tuple[TableCell, ...]:
    """A row of a plain table's cells, each holding its inlines (their text is not printed)."""
    at = Position(Path("90-phu-luc.md"), 3)
    return tuple(TableCell("", items, at) for items in inlines)


def test_a_plain_table_is_printed_as_typed_without_a_column_number_row() -> None:
    at = Position(Path("90-phu-luc.md"), 3)
    table = PlainTable(
        at,
        ("center", "default"),
        cells((Text("STT"),), (Text("Nhiệm vụ"),)),
        (
            cells((Text("1"),), (Emphasis((Text("Trong đó:"),)),)),
            cells((), (Strong((Text("x"),)),)),
        ),
    )
    node = plain_table(table)
    _, _, specs, (_, head), [(_, _, _, body)], _ = node["c"]
    assert [spec[0]["t"] for spec in specs] == ["AlignCenter", "AlignDefault"]
    assert len(head) == 1 and len(body) == 2  # its header row only: nothing added
    assert body[0][1][1][4] == [
        {
            "t": "Plain",
            "c": [
                {
                    "t": "Emph",
                    "c": [{"t": "Str", "c": "Trong đó:"}],
                }
            ],
        }
    ]
    assert body[1][1][0][4] == []  # an empty cell holds no paragraph
    headless = plain_table(PlainTable(at, ("default",), cells(()), (cells((Text("a"),)),)))
    assert headless["c"][3][1] == []  # every header cell empty: no header row
