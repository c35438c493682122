"""A batch's worker processes end with their parent, even one killed outright (SIGKILL): none
is left running, and what they were writing is removed then or by the next build
(baocao.lifeline). The processes are found in /proc, so this runs where there is one (Linux)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from baocao.build import CACHE, PARTIAL, RECORDS, remove_stale_partials
from conftest import CONTENT, ROOT, SAMPLE

PROC = Path("/proc")
DOCUMENTS = 24  # enough that the batch is still running when its parent is killed
TIMEOUT = 60.0  # seconds: generous, only so that a failure ends


pytestmark = pytest.mark.skipif(
    not (PROC / "self" / "stat").exists(), reason="the processes are found in /proc (Linux)"
)


def stat_of(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (state first), or None when the
    process is gone."""
    try:
        return (PROC / str(pid) / "stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None


def living(group: int) -> dict[int, str]:
    """The processes of a process group still running (a zombie has ended), with their state."""
    found = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        fields = stat_of(int(entry.name))
        if fields is not None and int(fields[2]) == group and fields[0] not in "ZX":
            found[int(entry.name)] = fields[0]
    return found


def children(pid: int) -> list[int]:
    """The running processes whose parent is `pid`, pandoc left out: the workers."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        fields = stat_of(int(entry.name))
        if fields is None or int(fields[1]) != pid or fields[0] in "ZX":
            continue
        try:
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if name != "pandoc":
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def copies(tmp_path: Path) -> Path:
    """A content folder of DOCUMENTS copies of the sample report."""
    content = tmp_path / "content"
    for number in range(DOCUMENTS):
        shutil.copytree(CONTENT / SAMPLE, content / f"bao-cao-{number:02d}")
    return content


def leftovers(output: Path) -> list[Path]:
    """The files a killed process may leave in the output folder: partial DOCX, records and
    style docs."""
    return [
        p
        for p in output.rglob("*")
        if PARTIAL.match(p.name) or p.name.endswith(".tmp") or ".partial" in p.name
    ]


SPAWNED = (
    "import sys; from pathlib import Path; from baocao.build import build_all\n"
    "content, output = Path(sys.argv[1]), Path(sys.argv[2])\n"
    "folders = sorted(p for p in content.iterdir() if p.is_dir())\n"
    "for outcome in build_all(folders, output, jobs=2, start_method='spawn'):\n"
    "    assert outcome.built is not None, outcome\n"
)


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_batch_killed_outright_leaves_no_worker_running(tmp_path: Path, start: str) -> None:
    """`baocao build -j 2` (forked workers, Linux's way) and the same batch with spawned ones
    (Windows' and macOS' way): the parent killed while they build, every process it started
    ends within the timeout, and a next build leaves nothing partial behind."""
    content, output = copies(tmp_path), tmp_path / "out"
    if start == "fork":  # baocao build -j 2
        command = [sys.executable, "-m", "baocao", "build", "-j", "2"]
        command += ["-o", str(output), "--content", str(content)]
    else:
        command = [sys.executable, "-c", SPAWNED, str(content), str(output)]
    parent = subprocess.Popen(
        command,
        cwd=ROOT,
        start_new_session=True,  # its own process group: every process it starts, found by it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def building() -> bool:
        return parent.poll() is not None or (
            len(children(parent.pid)) >= 2 and any(output.glob("*.docx"))
        )

    try:
        wait_for(building, "the workers did not start building")
        assert parent.poll() is None, parent.stderr.read() if parent.stderr else ""
        workers = children(parent.pid)
        assert workers and any(output.glob("*.docx"))
        assert len(list(output.glob("*.docx"))) < DOCUMENTS  # killed while building
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        wait_for(lambda: not living(parent.pid), "processes of the batch still running")
        assert not [pid for pid in workers if (stat_of(pid) or ["X"])[0] not in "ZX"]
    finally:
        if living(parent.pid):
            os.killpg(parent.pid, signal.SIGKILL)
        if parent.stderr is not None:
            parent.stderr.close()
    # What a worker could not remove (the process gone) is what the next build removes.
    for folder in (output, output / CACHE / RECORDS):
        remove_stale_partials(folder)
    assert leftovers(output) == []
    command = [sys.executable, "-m", "baocao", "build", "-j", "2"]
    again = subprocess.run(
        [*command, "-o", str(output), "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert len(list(output.glob("*.docx"))) == DOCUMENTS
    assert leftovers(output) == []
