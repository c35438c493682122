"""`make report` tracks real dependencies: a second run does nothing, a changed source rebuilds."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from shared_amounts import write_shared

from pipeline.review.textconv import docx_text

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


def test_a_change_to_a_cited_document_rebuilds_every_document_citing_it(tmp_path: Path) -> None:
    """A tờ trình and a quyết định cite a kế hoạch: a change to the kế hoạch rebuilds all three."""
    content, out = tmp_path / "content", tmp_path / "out"
    folders = write_shared(content)
    notes = folders["ke-hoach"] / "ghi-chu.md"  # a note for readers, not a part: never read
    notes.write_text("Ghi chú.\n", encoding="utf-8")
    past = time.time() - 60  # written a minute ago: every later edit is newer than the builds
    for path in [content, *content.rglob("*")]:
        os.utime(path, (past, past))
    where = [f"CONTENT={content}", f"OUT={out}"]
    first = make("report", *where)
    assert first.returncode == 0, first.stderr
    for name in ("ke-hoach", "to-trinh", "quyet-dinh"):
        assert f"Đang dựng {name} →" in first.stderr
    for name in ("to-trinh", "quyet-dinh"):
        assert "camera giám sát 300.000.000 đồng" in docx_text(out / f"{name}.docx")

    again = make("report", *where)
    assert (again.returncode, again.stderr) == (0, "")
    assert "Nothing to be done" in again.stdout

    table = folders["ke-hoach"] / "01-noi-dung.md"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("| 300      |", "| 350      |"), encoding="utf-8")
    rebuilt = make("report", *where)
    assert rebuilt.returncode == 0, rebuilt.stderr
    for name in ("ke-hoach", "to-trinh", "quyet-dinh"):
        assert f"Đang dựng {name} →" in rebuilt.stderr
    for name in ("to-trinh", "quyet-dinh"):
        built = " ".join(docx_text(out / f"{name}.docx").split())
        assert "camera giám sát 350.000.000 đồng" in built
        assert "500.000.000 đồng (Năm trăm triệu đồng)" in built
    assert "Nothing to be done" in make("report", *where).stdout

    notes.write_text("Ghi chú đã sửa.\n", encoding="utf-8")
    quiet = make("report", *where)
    assert "Đang dựng to-trinh" not in quiet.stderr and "Đang dựng quyet-dinh" not in quiet.stderr
