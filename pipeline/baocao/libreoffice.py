"""LibreOffice, the real component that lays out a DOCX as Word would: found where it is
installed, run headless with a profile of its own (docs/xuat-ban.md, "LibreOffice"). The PDF
export (baocao.export.pdf), the received .odt (baocao.received.read.odt) and the preview's warm
LibreOffice (baocao.preview.office) all find it here.

Each conversion runs with a new, empty user profile in a temporary folder: two conversions at
once (a batch on every core, or an office's own LibreOffice window left open) never share one,
which LibreOffice does not allow, and nothing of the user's settings changes the pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from baocao.problems import BaocaoError, UsageError

TIMEOUT = 300  # seconds: a document of a few hundred pages takes well under a minute

INSTALL = (
    "chưa cài LibreOffice, cần để xuất PDF: trên Windows tải tại "
    "https://www.libreoffice.org/download rồi cài như mọi phần mềm; trên Debian, Ubuntu chạy "
    "“sudo apt-get install libreoffice-writer-nogui”; tệp Word vẫn được dựng"
)


def candidates() -> list[Path]:
    """Where LibreOffice's soffice is looked for, in order: the PATH, then the usual installation
    folders of Windows and macOS."""
    found: list[Path] = []
    for name in ("soffice", "libreoffice"):
        on_path = shutil.which(name)
        if on_path:
            found.append(Path(on_path))
    if sys.platform == "win32":
        for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432"):
            root = os.environ.get(variable)
            if root:
                found.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        found.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return found


def installed_soffice() -> Path | None:
    """LibreOffice's soffice: the one BAOCAO_SOFFICE names when it is set (None when it is not
    there), else the first of `candidates` that is there."""
    named = os.environ.get("BAOCAO_SOFFICE", "").strip()
    if named:
        return Path(named) if Path(named).is_file() else None
    return next((path for path in candidates() if path.is_file()), None)


def find_soffice() -> Path:
    """LibreOffice's soffice (`installed_soffice`); a UsageError saying how to install it when
    there is none."""
    found = installed_soffice()
    if found is not None:
        return found
    named = os.environ.get("BAOCAO_SOFFICE", "").strip()
    if named:
        raise UsageError(f"BAOCAO_SOFFICE chỉ tới “{named}”, không có ở đó: {INSTALL}")
    raise UsageError(INSTALL)


def convert(
    source: Path, target_folder: Path, filter_spec: str, soffice: Path, timeout: int = TIMEOUT
) -> Path:
    """`source` converted by LibreOffice with `filter_spec` (such as
    `pdf:writer_pdf_Export:{…}`, `docx:MS Word 2007 XML`) into `target_folder`; the file it wrote.

    A failure, a time-out or a missing result is a BaocaoError naming the source."""
    extension = filter_spec.split(":", 1)[0]
    target = target_folder / f"{source.stem}.{extension}"
    with tempfile.TemporaryDirectory(prefix="baocao-libreoffice-") as profile:
        command = [
            str(soffice),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            filter_spec,
            "--outdir",
            str(target_folder),
            str(source),
        ]
        try:
            subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired:
            raise BaocaoError(
                f"LibreOffice không chuyển xong “{source.name}” sau {timeout} giây"
            ) from None
        except OSError as exc:
            raise BaocaoError(f"không chạy được LibreOffice ({soffice}): {exc.strerror}") from None
    if not target.is_file():
        raise BaocaoError(f"LibreOffice không chuyển được “{source.name}”")
    return target
