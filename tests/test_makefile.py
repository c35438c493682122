"""`make report` tracks real dependencies: a second run does nothing, a changed source rebuilds."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_second_report_does_nothing_and_a_change_rebuilds(
    content_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    where = [f"CONTENT={content_copy}", f"OUT={out}"]
    first = make("report", *where)
    assert first.returncode == 0, first.stderr
    target = out / f"{SAMPLE}.docx"
    assert target.exists()
    assert f"Đang dựng {SAMPLE} →" in first.stderr

    again = make("report", *where)
    assert again.returncode == 0
    assert "Đang dựng" not in again.stderr
    assert "Nothing to be done" in again.stdout
    assert make("-q", "report", *where).returncode == 0  # up to date

    source = content_copy / SAMPLE / "01-danh-gia.md"
    later = time.time() + 2
    os.utime(source, (later, later))
    assert make("-q", "report", *where).returncode == 1  # out of date now
    rebuilt = make("report", *where)
    assert rebuilt.returncode == 0
    assert f"Đang dựng {SAMPLE} →" in rebuilt.stderr


def test_make_check_passes_on_the_content() -> None:
    result = make("check")
    assert result.returncode == 0, result.stdout + result.stderr
