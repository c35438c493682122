"""`baocao build --xlsx`: a document's budget tables as a live workbook.

The workbook is opened as written (openpyxl) for its shape — one sheet per budget table, the
header's merged cells, the column-number row, figures as numbers, totals and column formulas as
Excel formulas — and as LibreOffice Calc recalculates it, cell by cell against the table the DOCX
prints. Documents: the sample, the kinds' examples that hold budget tables, and documents written
here with a remainder ("?"), an own-figures row ("#"), a percent column and a zero as "-".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import docx
from baocao.build import build_document, ready_document
from baocao.export.xlsx import MAX_SHEET_NAME, sheet_name, sheet_titles
from baocao.resolve.budget import Table
from baocao.tools.bench import big_document
from baocao.tools.new import new_document
from budget_documents import table_part, write_document
from conftest import CONTENT, KIND_NAMES, KINDS, SAMPLE
from office import calc_sheets

SHAPES = """\
| TT | NỘI DUNG | DỰ TOÁN | THỰC HIỆN | TỶ LỆ (%) |
|----|----------|---------|-----------|-----------|
| A | B | (1) | (2) | (3)=(2)/(1)×100 |
| = | Tổng cộng {#tong} | | | |
| I | Chi thường xuyên {#tx} | 500 | | |
| 1 | Lương {#luong} | 300 | 280 | |
| +I | Chưa chi tiết {#con-lai} | ? | | |
| II | Chi đầu tư {#dt} | | | |
| 1 | Đường xã {#duong} | 1.250,5 | 0 | |
| 2 | Trường học {#truong} | 0 | 0 | |
| #III | Dự phòng {#du-phong} | 75 | 75 | |
"""


SHARES = """\
| TT | THÔN | HỒ SƠ | TỶ TRỌNG (%) |
|----|------|-------|--------------|
| A | B | (1) | (2)=(1)/tong×100 |
| = | Toàn xã | | |
| 1 | Thôn An Lạc | 120 | |
| 2 | Thôn Bình Minh | 90 | |
| 3 | Thôn Đông Hải | 0 | |
"""


def workbook_of(folder: Path, output: Path) -> tuple[Path, Path]:
    built = build_document(folder, output, frozenset({"xlsx"}))
    assert not built.unexported, built.unexported
    workbook = output / f"{folder.name}.xlsx"
    assert workbook in built.exported and workbook.is_file()
    return built.target, workbook


def tables_of(folder: Path) -> list[tuple[str, Table]]:
    document, _ = ready_document(folder)
    return sheet_titles(document)


def docx_table(docx_path: Path, table: Table) -> list[list[str]]:
    """The rows of the DOCX table that prints `table`: found by its TT codes, in order."""
    codes = [row.code for row in table.rows]
    for candidate in docx.Document(str(docx_path)).tables:
        texts = [[cell.text.strip() for cell in row.cells] for row in candidate.rows]
        body = texts[-len(codes) :] if len(texts) >= len(codes) else []
        if [row[0] for row in body] == codes:
            return body
    raise AssertionError(f"the DOCX holds no table with the codes {codes[:5]}…")


def assert_recalculated_as_printed(folder: Path, tmp_path: Path) -> None:
    """LibreOffice's recalculation of each sheet shows, row by row, the figures the DOCX
    prints in the same table."""
    docx_path, workbook = workbook_of(folder, tmp_path / "output")
    sheets = calc_sheets(workbook, tmp_path / "calc")
    tables = tables_of(folder)
    assert len(sheets) == len(tables)
    for (_, table), cells in zip(tables, sheets.values(), strict=True):
        printed = docx_table(docx_path, table)
        shown = cells[len(cells) - len(table.rows) :]
        amounts = [c.index for c in table.columns if c.is_amount]
        for row, in_docx, in_calc in zip(table.rows, printed, shown, strict=True):
            for index in amounts:
                assert in_calc[index] == in_docx[index], (row.label(), index)


def test_the_sample_recalculates_to_the_printed_figures(tmp_path: Path) -> None:
    folder = tmp_path / "content" / SAMPLE
    shutil.copytree(CONTENT / SAMPLE, folder)
    assert_recalculated_as_printed(folder, tmp_path)


def test_remainders_own_rows_percents_and_zeros_recalculate_as_printed(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", table_part(SHAPES, "kp thap_phan=1"))
    assert_recalculated_as_printed(folder, tmp_path)
    zero_as_dash = write_document(
        tmp_path / "content2", table_part(SHAPES, "kp thap_phan=1 so_khong=-")
    )
    assert_recalculated_as_printed(zero_as_dash, tmp_path / "dash")


def test_shares_of_the_total_recalculate_as_printed(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", table_part(SHARES, "hs", unit="Hồ sơ"))
    assert_recalculated_as_printed(folder, tmp_path)


def test_a_generated_table_of_many_levels_recalculates_as_printed(tmp_path: Path) -> None:
    folder = big_document(tmp_path / "content", 300)
    assert_recalculated_as_printed(folder, tmp_path)


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_each_kind_with_budget_tables(kind: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(KINDS, content)
    if not tables_of(content / kind):
        built = build_document(content / kind, tmp_path / "output", frozenset({"xlsx"}))
        assert built.exported == () and not (tmp_path / "output" / f"{kind}.xlsx").exists()
        return
    assert_recalculated_as_printed(content / kind, tmp_path)


def test_the_workbook_keeps_the_table_live(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", table_part(SHAPES, "kp thap_phan=1"))
    _, path = workbook_of(folder, tmp_path / "output")
    ((title, table),) = tables_of(folder)
    book = openpyxl.load_workbook(path)
    (sheet,) = book.worksheets
    assert sheet.title == sheet_name(title, set())
    assert sheet.cell(2, 1).value == table.unit_text
    merged = {str(r) for r in sheet.merged_cells.ranges}
    numbers = 3 + table.header_rows
    assert [sheet.cell(numbers, c.index + 1).value for c in table.columns] == [
        "A",
        "B",
        "(1)",
        "(2)",
        "(3)=(2)/(1)×100",
    ]
    first = numbers + 1
    line = {row.id: first + k for k, row in enumerate(table.rows)}
    cell = {name: sheet.cell(line[name], 3).value for name in line if name}
    assert str(cell["tong"]).startswith("=SUM(")  # a parent adds its children up
    assert cell["luong"] == 300 and isinstance(cell["luong"], int)  # typed: a number
    assert cell["tx"] == 500  # the typed total a "?" item completes stays a number
    assert str(cell["con-lai"]) == f"=C{line['tx']}-SUM(C{line['luong']})"
    assert sheet.cell(line["duong"], 3).value == pytest.approx(1250.5)
    assert sheet.cell(line["du-phong"], 3).value == 75  # "#": its own figure
    percent = sheet.cell(line["luong"], 5).value
    assert str(percent) == f'=IFERROR(D{line["luong"]}/C{line["luong"]}*100,"")'
    assert "#,##0" in sheet.cell(line["luong"], 3).number_format
    assert all(isinstance(sheet.cell(first + k, 2).value, str) for k in range(len(table.rows)))
    assert len(merged) >= 2  # the title and unit lines across the sheet


def test_sheet_names_are_what_excel_takes() -> None:
    taken: set[str] = set()
    names = [sheet_name("KẾ HOẠCH: CHI [2027]/QUÝ *I*?", taken) for _ in range(3)]
    names.append(sheet_name("x" * 80, taken))
    assert len(set(n.casefold() for n in names)) == 4
    for name in names:
        assert len(name) <= MAX_SHEET_NAME
        assert not set(name) & set("[]:*?/\\")


def test_a_document_without_budget_tables_writes_no_workbook(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = new_document(content, "khong-bang", kind="cong-van")
    output = tmp_path / "output"
    output.mkdir()
    stale = output / "khong-bang.xlsx"
    stale.write_bytes(b"an older workbook")
    if tables_of(folder):
        pytest.skip("the công văn skeleton holds a budget table")
    built = build_document(folder, output, frozenset({"xlsx"}))
    assert built.exported == () and not stale.exists()


def build_command(content: Path, output: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", "build", *flags, "-o", str(output),
         "--content", str(content)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_incremental_build_makes_what_was_asked_and_no_more(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_document(content, table_part(SHAPES, "kp thap_phan=1"))
    new_document(content, "khong-bang", kind="cong-van")
    output = tmp_path / "output"
    assert build_command(content, output).returncode == 0
    assert not list(output.glob("*.xlsx"))
    asked = build_command(content, output, "--xlsx")  # the DOCX are current, the workbooks not
    assert asked.returncode == 0, asked.stderr
    assert sorted(p.name for p in output.glob("*.xlsx")) == ["thu.xlsx"]
    again = build_command(content, output, "--xlsx")
    assert again.returncode == 0 and len(again.stderr.strip().splitlines()) == 1
    assert "thu.xlsx" not in again.stderr  # nothing rebuilt: one line says so
    (output / "thu.xlsx").write_bytes(b"changed by hand")
    mended = build_command(content, output, "--xlsx")
    assert "thu.xlsx" in mended.stderr and (output / "thu.xlsx").read_bytes()[:2] == b"PK"
    (content / "thu" / "01-phan.md").write_text(
        table_part(SHAPES.replace("| 300 |", "| 310 |"), "kp thap_phan=1"), encoding="utf-8"
    )
    plain = build_command(content, output)  # rebuilt without --xlsx: its workbook would be older
    assert plain.returncode == 0, plain.stderr
    assert not (output / "thu.xlsx").exists()
