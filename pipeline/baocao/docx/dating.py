"""The date a build stamps on its DOCX, so that the same sources always give the same bytes."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from baocao.parse.document import document_parts


def source_date_epoch(folder: Path) -> int:
    """The date a build stamps on its output: SOURCE_DATE_EPOCH, else the last commit touching
    the document's folder, else its newest part; the same sources always give the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found.isdigit():
        return int(found)
    times = []
    for part in document_parts(folder):  # what the build read: notes never count
        try:
            info = part.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            times.append(int(info.st_mtime))
    return max(times, default=0)
