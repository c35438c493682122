"""`baocao xem` as a process: Ctrl-C stops it, its LibreOffice and its watcher, and leaves no
file and no process behind."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from running import Running, processes_under

from conftest import SAMPLE

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the processes")


def _settled_with_office(state: dict[str, object]) -> bool:
    return not state["building"] and (bool(state["pages"]) or state["mode"] == "html")


@pytest.mark.parametrize("options", [(), ("--html",)], ids=["libreoffice", "html"])
def test_ctrl_c_stops_cleanly(content_copy: Path, tmp_path: Path, options: tuple[str, ...]) -> None:
    temporary = tmp_path / "tmp"
    xem = Running(content_copy, SAMPLE, temporary, *options)
    try:
        state = xem.wait(_settled_with_office)
        if not options and shutil.which("soffice"):
            assert state["mode"] == "trang" and state["pages"]
            assert processes_under(temporary), "LibreOffice runs for the preview"
        assert list(temporary.iterdir()), "its work goes to its temporary folder"
    finally:
        code = xem.interrupt()
    assert code == 0
    assert "đã dừng" in "".join(xem.said)
    deadline = time.monotonic() + 30  # the kernel reaps LibreOffice's processes
    while processes_under(temporary) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_under(temporary) == []
    assert list(temporary.iterdir()) == []
    assert "Traceback" not in "".join(xem.said)


def test_libreoffice_gone_the_html_rendering_stands_in(content_copy: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        pytest.skip(
            "cần LibreOffice và poppler (apt-get install libreoffice-writer-nogui poppler-utils)"
        )
    temporary = tmp_path / "tmp"
    xem = Running(content_copy, SAMPLE, temporary)
    try:
        xem.wait(lambda s: bool(s["pages"]) and not s["building"])
        for pid in processes_under(temporary):  # LibreOffice and unoserver, started for it
            os.kill(pid, signal.SIGKILL)
        part = content_copy / SAMPLE / "04-dinh-huong.md"
        part.write_text(part.read_text(encoding="utf-8") + "\nMột đoạn thêm.\n", "utf-8")
        state = xem.wait(lambda s: s["mode"] == "html" and not s["building"])
        assert state["html"] and "Một đoạn thêm." in state["html"]
        assert state["pages"] == []
        assert "LibreOffice" in state["failure"]
    finally:
        assert xem.interrupt() == 0
    assert list(temporary.iterdir()) == []
