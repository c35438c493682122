"""LibreOffice kept warm: the DOCX laid out as pages, each page an image.

unoserver keeps one LibreOffice running and converts over XML-RPC, so a conversion pays no
start-up. Its server talks to LibreOffice through `uno`, which only LibreOffice's own Python has
(Debian's python3 with python3-uno; on Windows, program/python.exe beside soffice.exe); its client
is plain XML-RPC and runs here. The server runs that Python on a copy of the unoserver package
made in the preview's own folder, with a LibreOffice profile of its own there too, in a process
group of its own: Ctrl-C reaches the preview, which stops LibreOffice and removes the folder.
Pages are drawn by poppler's pdftoppm, half the pages on each of two processes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from baocao.libreoffice import installed_soffice

START_TIMEOUT = 60.0  # seconds LibreOffice may take to come up on a slow machine
CONVERT_TIMEOUT = 120
RESOLUTION = 96  # dots per inch of a page image: A4 is 794 × 1123 pixels
DRAWERS = 2  # pdftoppm processes drawing the pages
# JPEG, not PNG: poppler draws the sample's 16 pages as JPEG in a tenth of a second of CPU, as PNG
# in one and a half (its PNG encoder is the cost), on this 2-core machine; at quality 90 the text
# reads as sharp.
IMAGE = ("-jpeg", "-jpegopt", "quality=90")


def soffice() -> str | None:
    """LibreOffice's program, if installed (baocao.libreoffice finds it)."""
    found = installed_soffice()
    return str(found) if found is not None else None


def uno_python(program: str) -> str | None:
    """A Python that can `import uno`: BAOCAO_UNO_PYTHON, LibreOffice's own, or the system's."""
    real = Path(os.path.realpath(program))
    candidates = [
        os.environ.get("BAOCAO_UNO_PYTHON", ""),
        str(real.parent / ("python.exe" if sys.platform == "win32" else "python")),
        "/usr/bin/python3",
        shutil.which("python3") or "",
    ]
    for candidate in candidates:
        if not candidate or not os.path.isfile(candidate):
            continue
        try:
            done = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=20, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _copy_unoserver(target: Path) -> Path:
    """The unoserver distribution (its package and its metadata) copied under `target`."""
    from importlib import metadata

    distribution = metadata.distribution("unoserver")
    for file in distribution.files or ():
        source = Path(str(distribution.locate_file(file)))
        if ".." in file.parts or "__pycache__" in file.parts or not source.is_file():
            continue  # its scripts lie outside site-packages: only the package and its metadata
        copy = target / file
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
    return target


@dataclass
class Office:
    """A running unoserver and its LibreOffice, in `folder`."""

    process: subprocess.Popen[bytes]
    port: int
    folder: Path

    @classmethod
    def start(cls, folder: Path) -> Office | None:
        """Start LibreOffice under unoserver in `folder`; None where either cannot be had."""
        program = soffice()
        python = uno_python(program) if program else None
        if program is None or python is None or shutil.which("pdftoppm") is None:
            return None
        library = _copy_unoserver(folder / "unoserver")
        port, uno_port = free_port(), free_port()
        scratch = folder / "tmp"  # LibreOffice's own temporary files: removed with the folder
        scratch.mkdir()
        environment = {
            **os.environ,
            "PYTHONPATH": str(library),
            "PYTHONDONTWRITEBYTECODE": "1",
            **{name: str(scratch) for name in ("TMPDIR", "TEMP", "TMP")},
        }
        command = [
            python,
            "-m",
            "unoserver.server",
            "--interface=127.0.0.1",
            f"--port={port}",
            "--uno-interface=127.0.0.1",
            f"--uno-port={uno_port}",
            f"--executable={program}",
            f"--user-installation={folder / 'profile'}",
            f"--temp-dir={folder}",
            "--quiet",
        ]
        group: dict[str, object] = {"start_new_session": True}  # Ctrl-C reaches the preview only
        if sys.platform == "win32":
            group = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        with open(folder / "unoserver.log", "wb") as log:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
                **group,  # type: ignore[call-overload]
            )
        return cls(process, port, folder)

    def wait_ready(self, stop: float = START_TIMEOUT) -> bool:
        """Whether LibreOffice answers, waiting up to `stop` seconds for it to start."""
        from xmlrpc.client import ServerProxy

        deadline = time.monotonic() + stop
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                ServerProxy(f"http://127.0.0.1:{self.port}").info()
                return True
            except (OSError, ConnectionError):
                time.sleep(0.2)
            except Exception:  # an answer of another kind: it is up, but not ready yet
                time.sleep(0.2)
        return False

    def to_pdf(self, docx: Path, pdf: Path) -> Path:
        """The DOCX laid out by LibreOffice, written to `pdf`."""
        from unoserver.client import UnoClient

        client = UnoClient("127.0.0.1", str(self.port))
        client.convert(inpath=str(docx), outpath=str(pdf), convert_to="pdf")
        return pdf

    def stop(self) -> None:
        """Stop unoserver and LibreOffice, and every process of their group (on Windows, of
        their tree: taskkill /T)."""
        if sys.platform == "win32":
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(self.process.pid)],
                capture_output=True,
                check=False,
            )
        elif self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(3)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if sys.platform != "win32":
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # LibreOffice's own children
            except OSError:
                pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def page_images(pdf: Path, folder: Path, stem: str) -> list[Path]:
    """Each page of the PDF as a JPEG in `folder`, named `stem-N.jpg`, in page order."""
    count = page_count(pdf)
    if count == 0:
        return []
    drawers = min(DRAWERS, count)
    share = -(-count // drawers)
    runs = []
    for k in range(drawers):
        first, last = k * share + 1, min(count, (k + 1) * share)
        command = ["pdftoppm", *IMAGE, "-r", str(RESOLUTION), "-f", str(first), "-l", str(last)]
        runs.append(subprocess.Popen([*command, str(pdf), str(folder / stem)]))
    for run in runs:
        run.wait(CONVERT_TIMEOUT)
    return sorted(folder.glob(f"{stem}-*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def page_count(pdf: Path) -> int:
    """The pages of a PDF, as poppler's pdfinfo says."""
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0
