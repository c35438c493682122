"""What killed builds leave behind — `.NAME.PID.partial.docx`, maybe truncated — is removed by the
next build when stale (its process gone, or older than the process now holding its PID), and by
`make clean`; a build still running keeps its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baocao.build import build_document, remove_stale_partials
from budget_documents import write_document
from conftest import ROOT, needs_make


def dead_pid() -> int:
    """The PID of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def leftover(output: Path, name: str, age: float = 0) -> Path:
    path = output / name
    path.write_bytes(b"PK\x03\x04 truncated")
    if age:
        past = time.time() - age
        os.utime(path, (past, past))
    return path


def test_the_next_build_removes_stale_partial_files_only(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    dead = dead_pid()
    stale = [
        leftover(output, f".thu.{dead}.partial.docx"),
        leftover(output, f".khac.{dead}.partial.docx"),  # another document's
        leftover(output, f".thu.{os.getpid()}.partial.docx", age=86400),  # before this process
    ]
    running = leftover(output, f".khac.{os.getpid()}.partial.docx")  # a build writing it now
    others = [leftover(output, "ghi-chu.partial.docx"), leftover(output, ".thu.x.partial.docx")]
    build_document(write_document(tmp_path / "content", "Đoạn văn.\n"), output)
    assert not [p for p in stale if p.exists()]
    assert running.exists() and all(p.exists() for p in others)
    assert remove_stale_partials(output) == []


def test_a_failed_build_removes_them_too(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    path = leftover(output, f".thu.{dead_pid()}.partial.docx")
    folder = write_document(tmp_path / "content", "Đoạn văn.\n")
    (folder / "00-mo-dau.md").write_text("không có phần đầu\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "build", "-o", str(output)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "content/thu/00-mo-dau.md:1:1: BC007 " in result.stderr  # no front matter
    assert not path.exists()


@needs_make
def test_make_clean_removes_them(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    kept = leftover(output, "ghi-chu.txt")
    removed = [
        leftover(output, f".thu.{os.getpid()}.partial.docx"),
        leftover(output, "thu.docx"),
    ]
    (output / ".cache" / "dung").mkdir(parents=True)
    caches = tmp_path / "code" / "mod" / "__pycache__"  # never the checkout's own caches
    caches.mkdir(parents=True)
    (caches / "mod.cpython-311.pyc").write_bytes(b"")
    never_the_real_venv = f"VENV={tmp_path / 'no-venv'}"
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "clean",
            f"OUT={output}",
            never_the_real_venv,
            f"CACHES={tmp_path / 'code'}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert not [p for p in removed if p.exists()] and not (output / ".cache").exists()
    assert not caches.exists() and (tmp_path / "code" / "mod").exists()
    assert kept.exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_a_partial_file_of_an_ended_process_not_yet_reaped_is_removed(tmp_path: Path) -> None:
    """A worker whose parent was killed ends, and stays a zombie until the system reaps it: its
    PID still answers, but it writes nothing more, and its partial file is stale."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 60
        while Path(f"/proc/{ended.pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline, "the process did not end"
            time.sleep(0.05)
        partial = tmp_path / f".thu.{ended.pid}.partial.docx"
        partial.write_bytes(b"half")
        assert remove_stale_partials(tmp_path) == [partial]
    finally:
        ended.wait()
