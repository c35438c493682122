"""`baocao xem` run as an editor runs it: a real process, its address read from what it prints,
its state read over HTTP as the page reads it, stopped by Ctrl-C (SIGINT)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ADDRESS = re.compile(r"http://127\.0\.0\.1:[0-9]+/\S*")
STARTED = 60.0  # seconds a loaded machine may take to start the preview
SETTLED = 120.0  # seconds it may take to check, build and lay out pages (LibreOffice's start)


class Running:
    """A `baocao xem` process whose temporary files go to `temporary` (TMPDIR)."""

    def __init__(
        self, content: Path, name: str, temporary: Path, *options: str, path: str | None = None
    ) -> None:
        """`path`: the PATH it runs with (the programs it finds), when not this one's."""
        temporary.mkdir(parents=True, exist_ok=True)
        self.temporary = temporary
        self.name = name
        environment = {**os.environ, "TMPDIR": str(temporary), "PYTHONUNBUFFERED": "1"}
        if path is not None:
            environment["PATH"] = path
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "baocao",
                "xem",
                name,
                "--port",
                "0",
                "--no-browser",
                "--content",
                str(content),
                *options,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        self.said: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.page = self._wait_for_address()
        self.root = self.page.split("/van-ban/")[0]

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.said.append(line.decode("utf-8", "replace"))

    def _wait_for_address(self) -> str:
        deadline = time.monotonic() + STARTED
        while time.monotonic() < deadline:
            for line in self.said:
                found = ADDRESS.search(line)
                if found:
                    return found.group(0)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise AssertionError("baocao xem did not start: " + "".join(self.said))

    def state(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.page + "trang-thai", timeout=30) as answer:
            return json.loads(answer.read())

    def wait(
        self, settled: Callable[[dict[str, Any]], bool], timeout: float = SETTLED
    ) -> dict[str, Any]:
        """The state once `settled` holds of it."""
        deadline = time.monotonic() + timeout
        state = self.state()
        while not settled(state):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"never settled: {state!r:.2000} {''.join(self.said)}")
            time.sleep(0.1)
            state = self.state()
        return state

    def interrupt(self, timeout: float = 60) -> int:
        """Ctrl-C, as a terminal sends it; the exit status."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout)
        self._reader.join(10)
        return code

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def processes_under(folder: Path) -> list[int]:
    """The processes whose command line names `folder` (LibreOffice and unoserver started for
    a preview whose temporary folder is there), zombies aside."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if str(folder) in command and state != "Z":
            found.append(int(entry.name))
    return found
