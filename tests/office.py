"""LibreOffice in tests: DOCX files rendered to PDF, for the tests that read the pages' layout;
skipped, with the reason, where LibreOffice or poppler is not installed (.ci/run installs them)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

PDF_TOOLS = ("soffice", "pdftotext", "pdfinfo")


def skip_without_pdf_tools() -> None:
    """Skip the test, naming what to install, where LibreOffice or poppler is missing."""
    missing = [tool for tool in PDF_TOOLS if shutil.which(tool) is None]
    if missing:
        needed = "apt-get install libreoffice-writer-nogui poppler-utils"
        pytest.skip(f"cần {', '.join(missing)} để dựng PDF ({needed})")


def convert(
    files: Iterable[Path], to: str, work_dir: Path, timeout: float, check: bool = True
) -> None:
    """The files converted by one headless LibreOffice run (`--convert-to to`) into `work_dir`,
    with a profile of its own there, so that it runs beside another LibreOffice."""
    work_dir.mkdir(parents=True, exist_ok=True)
    profile = (work_dir / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", to,
         "--outdir", str(work_dir), *(str(path) for path in files)],
        check=check, capture_output=True, timeout=timeout,
    )  # fmt: skip


def to_pdf(docx_paths: Iterable[Path], work_dir: Path, timeout: float) -> list[Path]:
    """The DOCX files as PDFs in `work_dir`, in order, by one LibreOffice run; or a skip."""
    skip_without_pdf_tools()
    documents = list(docx_paths)
    convert(documents, "pdf", work_dir, timeout)
    return [work_dir / f"{path.stem}.pdf" for path in documents]


def calc_sheets(workbook: Path, work_dir: Path, timeout: float = 180) -> dict[str, list[list[str]]]:
    """A workbook as LibreOffice Calc opens it, recalculating its formulas: each sheet's cells
    as shown (their number formats applied), by sheet name; or a skip where Calc is missing."""
    if shutil.which("soffice") is None:
        pytest.skip(
            "cần LibreOffice Calc để tính lại bảng tính (apt-get install libreoffice-calc-nogui)"
        )
    import csv

    # CSV: "," "\"" UTF-8, from line 1, cells as shown, every sheet to a file of its own.
    spec = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    convert([workbook], spec, work_dir, timeout, check=False)
    prefix = f"{workbook.stem}-"
    sheets = {
        path.stem[len(prefix) :]: list(csv.reader(path.open(encoding="utf-8", newline="")))
        for path in sorted(work_dir.glob(f"{prefix}*.csv"))
    }
    if not sheets:
        pytest.skip("LibreOffice không mở được bảng tính: cần libreoffice-calc-nogui")
    return sheets


def saved_by_calc(workbook: Path, work_dir: Path, timeout: float = 180) -> Path:
    """The workbook opened and saved again by LibreOffice Calc, as an accountant's copy is:
    its formulas computed, their values stored beside them; or a skip where Calc is missing."""
    if shutil.which("soffice") is None:
        pytest.skip("cần LibreOffice Calc (apt-get install libreoffice-calc-nogui)")
    convert([workbook], "xlsx", work_dir, timeout, check=False)
    saved = work_dir / f"{workbook.stem}.xlsx"
    if not saved.is_file():
        pytest.skip("LibreOffice không lưu được bảng tính: cần libreoffice-calc-nogui")
    return saved
