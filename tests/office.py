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


def to_pdf(docx_paths: Iterable[Path], work_dir: Path, timeout: float) -> list[Path]:
    """The DOCX files as PDFs in `work_dir`, in order, by one LibreOffice run; or a skip."""
    skip_without_pdf_tools()
    documents = list(docx_paths)
    profile = (work_dir / "lo-profile").as_uri()  # its own: runs beside another LibreOffice
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work_dir),
            *(str(path) for path in documents),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return [work_dir / f"{path.stem}.pdf" for path in documents]
