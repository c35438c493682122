"""`baocao soat BANG.xlsx` and `baocao nhap BANG.xlsx [NAME]`: a budget table from Excel.

The sample's table goes out through `baocao build --xlsx` and back through `nhap` to the same
figures, row by row; a table typed by hand as an accountant types it (STT I, 1, a, "-", =SUM
formulas, merged title and unit lines), saved by LibreOffice Calc as Excel saves it, imports with
its sums, and an =SUM that leaves out an item is reported by soat at its sheet and row, and by
check after nhap at its line. Bad workbooks are refused in one line, exit 2, nothing written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from baocao.build import build_document, check_document, ready_document
from baocao.received.nhap.folder import import_docx
from baocao.resolve.document import BudgetTable
from conftest import CONTENT, SAMPLE
from office import saved_by_calc

PLACEHOLDER = "BC610"  # "…" still to fill: the front matter the workbook cannot tell


def figures(folder: Path) -> list[list[tuple[str, str, tuple[str, ...]]]]:
    """Each budget table of a document: per row its code, its name and its printed figures."""
    document, _ = ready_document(folder)
    return [
        [
            (
                row.code,
                row.name,
                tuple(t.figure(row.values.get(c.number), c) for c in t.amount_columns),
            )
            for row in t.rows
        ]
        for t in (b.table for b in document.blocks if isinstance(b, BudgetTable))
    ]


def soat(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", "soat", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_sample_goes_to_excel_and_back_to_the_same_figures(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / SAMPLE, content / SAMPLE)
    built = build_document(content / SAMPLE, tmp_path / "output", frozenset({"xlsx"}))
    (workbook,) = built.exported
    folder = import_docx(workbook, tmp_path / "imported", "bang-kinh-phi")
    assert {p.code.code for p in check_document(folder)} == {PLACEHOLDER}
    assert figures(folder) == figures(content / SAMPLE)
    assert soat(workbook).returncode == 0


def hand_typed(path: Path, education: str) -> Path:
    """A budget table as an accountant types it in Excel; `education` the formula of row 1."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Dự toán 2027"
    sheet.append(["DỰ TOÁN CHI NGÂN SÁCH XÃ NĂM 2027"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Đơn vị tính: nghìn đồng"])
    sheet.merge_cells("A2:D2")
    sheet.append(["STT", "Nội dung", "Dự toán", "Ghi chú"])
    rows = [
        ("I", "Chi thường xuyên", "=SUM(C5,C10)", ""),
        ("1", "Sự nghiệp giáo dục", education, ""),
        ("a", "Trường mầm non", 120000, ""),
        ("b", "Trường tiểu học", "=SUM(C8:C9)", "gồm điểm lẻ"),
        ("-", "Sửa mái", 35500.5, ""),
        ("-", "Điện, nước", 74499.5, ""),
        ("2", "Sự nghiệp y tế", 45500, ""),
        ("II", "Chi đầu tư", "=C12", ""),
        ("1", "Đường thôn", 300000, ""),
    ]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_a_hand_typed_workbook_saved_by_calc_imports_with_its_sums(tmp_path: Path) -> None:
    typed = hand_typed(tmp_path / "du-toan.xlsx", "=SUM(C6:C7)")
    saved = saved_by_calc(typed, tmp_path / "calc")
    assert soat(saved).returncode == 0
    folder = import_docx(saved, tmp_path / "content", "du-toan")
    assert {p.code.code for p in check_document(folder)} == {PLACEHOLDER}
    ((total, education, nursery, primary, roof, power, health, investment, road),) = figures(folder)
    assert [row[0] for row in (total, education, primary, investment)] == ["I", "1", "b", "II"]
    assert primary[2] == ("110.000",) and roof[2] == ("35.500,5",) and power[2] == ("74.499,5",)
    assert education[2] == ("230.000",) and total[2] == ("275.500",)
    assert investment[2] == road[2] == ("300.000",) and health[2] == ("45.500",)
    assert nursery[2] == ("120.000",)
    # each =SUM that adds up its items is a sum baocao makes: written empty, typed once below
    (part,) = sorted(folder.glob("01-*.md"))
    cells = {
        tuple(c.strip() for c in line.strip("|").split("|"))[:3]
        for line in part.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ")
    }
    for code, name in [("I", "Chi thường xuyên"), ("1", "Sự nghiệp giáo dục"),
                       ("b", "Trường tiểu học"), ("II", "Chi đầu tư")]:  # fmt: skip
        assert (code, name, "") in cells
    assert ("a", "Trường mầm non", "120.000") in cells


def test_a_sum_that_leaves_out_an_item_is_found_where_it_is(tmp_path: Path) -> None:
    typed = hand_typed(tmp_path / "du-toan.xlsx", "=SUM(C6)")  # item b left out
    saved = saved_by_calc(typed, tmp_path / "calc")
    found = soat(saved)
    assert found.returncode == 1
    (line,) = [x for x in found.stdout.splitlines() if " BC" in x]
    assert ":trang tính “Dự toán 2027”, dòng 5: BC331 " in line
    folder = import_docx(saved, tmp_path / "content", "du-toan")
    wrong = [p for p in check_document(folder) if p.code.code != PLACEHOLDER]  # kept typed
    assert [(p.code.code, p.position.path.name) for p in wrong] == [
        ("BC331", "01-du-toan-chi-ngan.md")
    ]


@pytest.mark.parametrize(
    "make",
    ["password", "corrupt", "text-in-numbers", "huge", "old-excel"],
)
def test_bad_workbooks_are_refused_in_one_line_and_nothing_is_written(
    make: str, tmp_path: Path
) -> None:
    path = tmp_path / ("bang.xls" if make == "old-excel" else "bang.xlsx")
    if make in ("password", "old-excel"):  # an encrypted workbook is an OLE file, as .xls is
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    elif make == "corrupt":
        good = hand_typed(tmp_path / "good.xlsx", "=SUM(C6:C7)").read_bytes()
        path.write_bytes(good[: len(good) // 2])
    elif make == "text-in-numbers":
        book = openpyxl.load_workbook(hand_typed(tmp_path / "good.xlsx", "=SUM(C6:C7)"))
        book.active["C8"] = "35.5OO"  # an O for a 0
        book.save(path)
    else:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Lớn")
        for number in range(100_001):
            sheet.append([str(number), "Mục", number])
        book.save(path)
    found = soat(path)
    assert found.returncode == 2 and "Traceback" not in found.stderr
    assert len(found.stderr.strip().splitlines()) == 1
    if make == "text-in-numbers":
        assert "ô C8" in found.stderr
    content = tmp_path / "content"
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "nhap", str(path), "bang", "--content", str(content)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not content.exists() or not any(content.iterdir())
