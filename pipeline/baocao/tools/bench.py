"""`make bench`: baocao timed as a person runs it, in whole processes, against pandoc alone.

Every measurement starts a process and waits for it, as a shell does, and takes its CPU time
(the process and every child it waited for, from wait4) and its wall time. Issue 21's guards are
judged on medians, on the project's 2-core machine — on CPU, but for the batch:

- a cold build (`baocao build DOC`, a new process each time, as a person runs it) against pandoc
  alone converting the same JSON the build hands it (`baocao render DOC --json`), with the same
  style doc and options (`Pandoc.command` and `docx_arguments`): at most MAX_BUILD_RATIO times;
  the two run in pairs, round after round, and the ratio is taken in each round, then its median
  (`paired_ratio`), so that the machine's drift falls on both alike;
- `baocao check` of the sample, `baocao words`: at most MAX_CHECK_SECONDS, MAX_WORDS_SECONDS;
- `baocao build` (what `make report` runs) over BATCH copies of the sample, from nothing: at most
  MAX_BATCH_SECONDS of wall time, the time an editor waits. It is issue 14's guard carried over,
  which was wall time: a batch runs one process per core, and its CPU time (both cores') was
  already 12,9 s before issue 21, with every trick then in place. Its CPU time is shown beside it;
- the same `baocao build` again, with nothing to do (issue 22): at most MAX_NOOP_SECONDS, the
  whole process, from its start to its one line saying so.

Shown beside them, without a target: Python with the libraries a build loads and nothing of
baocao (LIBRARIES_ALONE), added to pandoc alone — the least a cold build can cost against the
guard's pandoc, before any of baocao's own code; pandoc alone on `baocao render DOC`'s Markdown
(issue 14's measure), and builds of a budget table of 2.000
and of 10.000 rows, with the cost of each row past 2.000 against each up to it (`growth_ratio`;
1 is linear).

Issue 23's targets, for `baocao xem` (the preview), also on medians: a save to its problems in
the page (MAX_SAVE_TO_PROBLEMS) and to its pages (MAX_SAVE_TO_PAGES, LibreOffice warm), wall
time from the save to the page's event, read as the page reads it; and the DOCX rebuilt in a
warm process from the resolution the check made, against pandoc alone on the same JSON with the
same style doc (MAX_REBUILD_RATIO, CPU, paired as the cold build is), the check beside it.

The documents are generated in a temporary folder: copies of the given one (the sample), and
`baocao new`'s skeleton with a generated table. The exit status is 1 when a guard is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]  # the project: its Makefile, its .venv

# Issue 21's guards, each on a CPU median.
MAX_BUILD_RATIO = 4.0  # a cold build against pandoc alone on the same JSON
MAX_CHECK_SECONDS = 0.30  # baocao check of the sample
MAX_WORDS_SECONDS = 0.10  # baocao words N
MAX_BATCH_SECONDS = 12.0  # baocao build of BATCH sample-sized documents, from nothing (wall)
MAX_NOOP_SECONDS = 0.30  # baocao build of those BATCH documents again, nothing to do
BATCH = 100
SMALL_ROWS, LARGE_ROWS = 2000, 10000

# Issue 23's targets, for baocao xem (the preview), each on a median.
MAX_SAVE_TO_PROBLEMS = 0.30  # a save → its problems in the page (wall)
MAX_SAVE_TO_PAGES = 2.0  # a save → its pages in the page, LibreOffice warm (wall)
MAX_REBUILD_RATIO = 1.3  # a warm rebuild of the DOCX against pandoc alone on the same JSON (CPU)
PREVIEW_STARTED = 180.0  # seconds the preview may take to show its first pages (LibreOffice)

# What every build pays before any of baocao's own code runs: Python's start, and the stack's
# libraries a build loads, each imported and used once as the build uses it. Timed beside the
# build, it shows how much of the ratio is the stack's and how much baocao's.
LIBRARIES_ALONE = r"""
import argparse, decimal, json, subprocess, tomllib, zipfile
import babel.numbers, lxml.etree, mistune, yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from mistune.plugins import import_plugin
babel.numbers.format_decimal(decimal.Decimal("1234567.5"), locale="vi_VN")
SandboxedEnvironment(undefined=StrictUndefined).from_string("{{ a }}").render(a=1)
mistune.Markdown(renderer=None, plugins=[import_plugin("table")]).parse(
    "# I. A\n\n1. b\n2. c\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
yaml.safe_load("so: 1\nngay: 2026-12-07\n")
lxml.etree.fromstring(b"<w:p xmlns:w='urn:w'><w:r><w:t>a</w:t></w:r></w:p>")
"""

HEADER = """\
Đơn vị: Triệu đồng {#bang}

| TT | NỘI DUNG | KINH PHÍ NĂM 2026 | < | < | DỰ TOÁN 2027 |
|----|----------|-------------------|---|---|--------------|
| ^ | ^ | TỔNG CỘNG | ĐÃ GIẢI NGÂN | DỰ KIẾN | ^ |
| A | B | (1)=(2)+(3) | (2) | (3) | (4) |
"""


def generated_table(rows: int) -> str:
    """A budget table of `rows` rows as an editor types it: Roman sections, numbered items and
    lettered leaves with amounts, under a grand total."""
    from baocao.parse.outline import roman

    lines = [HEADER.rstrip("\n"), "| = | Tổng cộng {#tong} | | | | |"]
    items = max(19, -(-rows // (MAX_SECTIONS * 5)))  # a section: its row, items of 4 leaves
    count, section = 1, 0
    while count < rows:
        section += 1
        lines.append(f"| {roman(section)} | Mục {section} {{#muc-{section}}} | | | | |")
        count += 1
        for item in range(1, items + 1):
            if count >= rows:
                break
            lines.append(f"| {item} | Khoản {section}.{item} | | | | |")
            count += 1
            for leaf in "abcd":
                if count >= rows:
                    break
                lines.append(f"| {leaf} | Việc {leaf} | | 1.000 | 2.500 | 12.345 |")
                count += 1
    return "\n".join(lines) + "\n"


MAX_SECTIONS = 39  # Roman section codes run from I to XXXIX


def big_document(content: Path, rows: int = SMALL_ROWS, name: str = "bang-lon") -> Path:
    """A new document (as `baocao new` makes it) with a generated table as its second part."""
    from baocao.tools.new import new_document

    folder = new_document(content, name)
    table = generated_table(rows)
    (folder / "02-bang.md").write_text(table.replace("{#bang}", "{#bang-lon}"), encoding="utf-8")
    return folder


# ---- timing whole processes ----


@dataclass(frozen=True)
class Timing:
    """The runs of one command, in order: wall time and CPU time (itself and its children) of
    each, and their medians."""

    walls: tuple[float, ...]
    cpus: tuple[float, ...]

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def run_once(command: Sequence[str], stdin: Path | None = None) -> tuple[float, float]:
    """Start `command` and wait for it; its wall time and its CPU time, children included. A
    command that fails stops the bench: a time of something that did not work means nothing."""
    source = open(stdin, "rb") if stdin is not None else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        said = process.stderr.read() if process.stderr is not None else b""
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    finally:
        if stdin is not None and not isinstance(source, int):
            source.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        shown = " ".join(command)
        raise SystemExit(f"bench: “{shown}” failed ({process.returncode}):\n{said.decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def interleaved(
    commands: Sequence[tuple[Sequence[str], Path | None]], rounds: int, warmup: int = 1
) -> list[Timing]:
    """Each command run `rounds` times, in turn within each round, after `warmup` rounds."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for index in range(warmup + rounds):
        for slot, (command, stdin) in enumerate(commands):
            wall, cpu = run_once(command, stdin)
            if index >= warmup:
                walls[slot].append(wall)
                cpus[slot].append(cpu)
    return [Timing(tuple(w), tuple(c)) for w, c in zip(walls, cpus, strict=True)]


# ---- the report ----


@dataclass(frozen=True)
class Row:
    """One line of the table: what was timed, its medians, and its target if it has one."""

    what: str
    timing: Timing | None
    shown: str = ""  # a ratio or a derived figure, instead of the medians
    target: str = ""
    judged: str = ""  # "wall" or "CPU"
    met: bool | None = None


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[Row]) -> str:
    lines = [("what", "wall", "CPU", "target", "on", "")]
    for row in rows:
        wall = seconds(row.timing.wall) if row.timing else row.shown
        cpu = seconds(row.timing.cpu) if row.timing else ""
        verdict = {None: "", True: "met", False: "MISSED"}[row.met]
        lines.append((row.what, wall, cpu, row.target, row.judged, verdict))
    widths = [max(len(line[k]) for line in lines) for k in range(6)]
    out = []
    for number, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("-" * len(out[0]))
    return "\n".join(out)


def judged(what: str, timing: Timing, limit: float, on: str) -> Row:
    value = timing.wall if on == "wall" else timing.cpu
    return Row(what, timing, target=f"≤ {seconds(limit)}", judged=on, met=value <= limit)


# ---- the measurements ----


class Bench:
    def __init__(self, document: Path, scratch: Path, rounds: int) -> None:
        self.document = document
        self.scratch = scratch
        self.rounds = rounds
        self.baocao = str(Path(sys.executable).with_name("baocao"))
        self.content = scratch / "content"
        self.content.mkdir()
        shutil.copytree(document, self.content / document.name)

    def build_command(self, name: str, output: Path) -> list[str]:
        return [self.baocao, "build", name, "-o", str(output), "--content", str(self.content)]

    def single_build(self) -> list[Row]:
        """`baocao build DOC` against pandoc alone on the JSON the build hands it (the guard) and
        on `baocao render DOC`'s Markdown (shown beside it)."""
        from baocao.build import CACHE
        from baocao.docx.pandoc import docx_arguments, find_pandoc
        from baocao.docx.styles import style_doc

        name, output = self.document.name, self.scratch / "single"
        rendered = {}
        for source, flags in (("markdown", []), ("json", ["--json"])):
            rendered[source] = self.scratch / f"page.{source}"
            with rendered[source].open("wb") as sink:
                subprocess.run(
                    [self.baocao, "render", name, *flags, "--content", str(self.content),
                     "-o", str(output)],
                    stdout=sink, stderr=subprocess.DEVNULL, check=True,
                )  # fmt: skip
        pandoc = find_pandoc(output / CACHE)
        styles = style_doc(output / CACHE, pandoc)
        alone = {
            source: [*pandoc.command, *docx_arguments(styles, self.scratch / "pandoc.docx", source)]
            for source in rendered
        }
        build, on_json, on_markdown, libraries = interleaved(
            [
                (self.build_command(name, output), None),
                (alone["json"], rendered["json"]),
                (alone["markdown"], rendered["markdown"]),
                ([sys.executable, "-c", LIBRARIES_ALONE], None),
            ],
            self.rounds,
        )
        ratio = paired_ratio(build, on_json)
        floor = paired_ratio(libraries, on_json)
        return [
            Row(f"baocao build {name}, a new process", build),
            Row("pandoc alone, on the JSON the build hands it", on_json),
            Row(
                "  build ÷ pandoc alone on the same JSON",
                None,
                shown=f"{ratio:.2f}×",
                target=f"≤ {MAX_BUILD_RATIO:.2f}×",
                judged="CPU",
                met=ratio <= MAX_BUILD_RATIO,
            ),
            Row("Python and the libraries a build loads, alone", libraries),
            Row(
                "  pandoc, Python and those libraries ÷ pandoc alone",
                None,
                shown=f"{1 + floor:.2f}×",
            ),
            Row("pandoc alone, on baocao render's Markdown", on_markdown),
            Row(
                "  build ÷ pandoc on that Markdown",
                None,
                shown=f"{paired_ratio(build, on_markdown):.2f}×",
            ),
        ]

    def small_commands(self) -> list[Row]:
        """`baocao check` of the sample and `baocao words N`, interleaved."""
        check = [self.baocao, "check", self.document.name, "--content", str(self.content)]
        words = [self.baocao, "words", "1.234.567.890"]
        checked, said = interleaved([(check, None), (words, None)], self.rounds * 2)
        return [
            judged(f"baocao check {self.document.name}", checked, MAX_CHECK_SECONDS, "CPU"),
            judged("baocao words 1.234.567.890", said, MAX_WORDS_SECONDS, "CPU"),
        ]

    def build_every(self, content: Path, output: Path) -> list[str]:
        """`baocao build` of every document of `content` that needs it (`make report`)."""
        return [self.baocao, "build", "-o", str(output), "--content", str(content)]

    def batch(self) -> list[Row]:
        """`baocao build` over BATCH copies of the document: from nothing, then with nothing
        to do."""
        content = self.scratch / "batch"
        content.mkdir()
        for number in range(1, BATCH + 1):
            shutil.copytree(self.document, content / f"{self.document.name}-{number:03d}")
        runs: list[tuple[float, float]] = []
        output = self.scratch / "batch-out"
        for _ in range(3):
            shutil.rmtree(output, ignore_errors=True)
            runs.append(run_once(self.build_every(content, output)))
        built = Timing(tuple(w for w, _ in runs), tuple(c for _, c in runs))
        missing = [d.name for d in content.iterdir() if not (output / f"{d.name}.docx").is_file()]
        if missing:
            raise SystemExit(f"bench: baocao build did not build {', '.join(missing[:3])}…")
        (noop,) = interleaved([(self.build_every(content, output), None)], self.rounds * 2)
        return [
            judged(
                f"baocao build, {BATCH} documents from nothing", built, MAX_BATCH_SECONDS, "wall"
            ),
            judged(
                f"baocao build, {BATCH} documents, nothing to do", noop, MAX_NOOP_SECONDS, "CPU"
            ),
        ]

    def growth(self) -> list[Row]:
        """Builds of the skeleton alone and with tables of SMALL_ROWS and LARGE_ROWS rows."""
        content = self.scratch / "tables"
        content.mkdir()
        from baocao.money.figures import number
        from baocao.tools.new import new_document

        new_document(content, "bang-0")
        big_document(content, SMALL_ROWS, "bang-nho")
        big_document(content, LARGE_ROWS, "bang-lon")
        output = self.scratch / "tables-out"
        commands = [
            [self.baocao, "build", name, "-o", str(output), "--content", str(content)]
            for name in ("bang-0", "bang-nho", "bang-lon")
        ]
        base, small, large = interleaved([(c, None) for c in commands], max(3, self.rounds // 3))
        ratio = growth_ratio(base, small, large)
        return [
            Row("build, the new document's skeleton", base),
            Row(f"build, with a {number(SMALL_ROWS)}-row table", small),
            Row(f"build, with a {number(LARGE_ROWS)}-row table", large),
            Row(
                f"  cost per row past {number(SMALL_ROWS)} ÷ up to it",
                None,
                shown=f"{ratio:.2f}×",
            ),
        ]

    def warm_rebuild(self) -> list[Row]:
        """What baocao xem does on a save, in one warm process as it does it: the check (resolve),
        then the DOCX from that resolution (render, pandoc, the finishing pass), each round beside
        pandoc alone on the same JSON with the same style doc. CPU: the process's own (every
        thread) and its children's (pandoc, git), from getrusage."""
        from baocao.build import CACHE, resolve_folder, write_docx
        from baocao.docx.pandoc import as_json, docx_arguments, find_pandoc
        from baocao.docx.styles import style_doc
        from baocao.render.document import render_document

        folder = self.content / self.document.name
        output = self.scratch / "warm"
        output.mkdir()
        pandoc = find_pandoc(output / CACHE)
        styles = style_doc(output / CACHE, pandoc)
        alone = [*pandoc.command, *docx_arguments(styles, self.scratch / "alone.docx")]
        page_json = self.scratch / "warm.json"
        from baocao.docx.dating import source_date_epoch

        epoch = source_date_epoch(folder)  # found once, as the preview does
        runs: dict[str, list[tuple[float, float]]] = {"check": [], "docx": [], "alone": []}
        for index in range(3 + self.rounds):  # three to warm up: imports, regexes, Jinja
            started, spent = time.perf_counter(), _cpu()
            resolution = resolve_folder(folder)
            checked, spent_checking = time.perf_counter(), _cpu()
            document = resolution.document
            if document is None or resolution.errors:
                raise SystemExit(f"bench: {folder.name} has errors (baocao check {folder.name})")
            page = render_document(document)
            write_docx(folder, document, page, output, epoch)
            built, spent_building = time.perf_counter(), _cpu()
            page_json.write_bytes(as_json(page, pandoc))
            if index >= 3:
                runs["check"].append((checked - started, spent_checking - spent))
                runs["docx"].append((built - checked, spent_building - spent_checking))
                runs["alone"].append(run_once(alone, page_json))
        check, docx, on_json = (
            Timing(tuple(w for w, _ in r), tuple(c for _, c in r)) for r in runs.values()
        )
        ratio = paired_ratio(docx, on_json)
        walls = statistics.median(a / b for a, b in zip(docx.walls, on_json.walls, strict=True))
        whole = statistics.median(
            (a + b) / c for a, b, c in zip(check.cpus, docx.cpus, on_json.cpus, strict=True)
        )
        return [
            Row("baocao xem, warm: the check of a save (resolve)", check),
            Row("baocao xem, warm: the DOCX from that resolution", docx),
            Row("pandoc alone, on the same JSON", on_json),
            Row(
                "  warm rebuild of the DOCX ÷ pandoc alone",
                None,
                shown=f"{ratio:.2f}×",
                target=f"≤ {MAX_REBUILD_RATIO:.2f}×",
                judged="CPU",
                met=ratio <= MAX_REBUILD_RATIO,
            ),
            Row("  the same on wall time", None, shown=f"{walls:.2f}×"),
            Row("  check and DOCX together ÷ pandoc alone", None, shown=f"{whole:.2f}×"),
        ]

    def live_preview(self) -> list[Row]:
        """`baocao xem` as an editor runs it, its page's events read as the page reads them: a
        part saved, round after round (a paragraph added to the last part, then another), and
        the wall time from the save to the event carrying its problems, then to the event
        carrying its new pages (LibreOffice warm by then)."""
        name = self.document.name
        content = self.scratch / "xem"
        shutil.copytree(self.document, content / name)
        temporary = self.scratch / "xem-tmp"
        temporary.mkdir()
        command = [self.baocao, "xem", name, "--port", "0", "--no-browser",
                   "--content", str(content)]  # fmt: skip
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "TMPDIR": str(temporary)},
        )
        try:
            events = _Events(_preview_address(process))
            first = events.wait(lambda s: not s["building"] and (s["pages"] or s["mode"] == "html"))
            part = sorted((content / name).glob("[0-9]*.md"))[-1]
            original = part.read_text(encoding="utf-8")
            problems: list[float] = []
            pages: list[float] = []
            state = first
            for index in range(1 + self.rounds):
                checks, shown = state["checks"], state["pages"]
                part.write_text(f"{original}\n\nĐoạn thêm khi đo, lần {index}.\n", "utf-8")
                saved = time.perf_counter()
                at, _ = events.when(_checked_after(checks))
                at_pages = at
                if shown:
                    at_pages, _ = events.when(_pages_other_than(shown))
                state = events.wait(lambda s: not s["building"])
                if index:  # the first round warms up
                    problems.append(at - saved)
                    pages.append(at_pages - saved)
                time.sleep(0.3)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(60)
        rows = [_wall_row("baocao xem: save → problems in the page", problems,
                          MAX_SAVE_TO_PROBLEMS)]  # fmt: skip
        if first["pages"]:
            rows.append(_wall_row("baocao xem: save → pages in the page", pages, MAX_SAVE_TO_PAGES))
        else:
            rows.append(Row("baocao xem: pages (LibreOffice not installed: not timed)", None))
        return rows


def _checked_after(count: int) -> Callable[[dict[str, Any]], bool]:
    """Whether a preview's state holds problems found after the `count`th check."""
    return lambda state: bool(state["checks"] > count)


def _pages_other_than(shown: list[str]) -> Callable[[dict[str, Any]], bool]:
    """Whether a preview's state holds pages, and not those `shown`."""
    return lambda state: bool(state["pages"]) and state["pages"] != shown


def _cpu() -> float:
    """This process's CPU time, every thread, and its waited-for children's."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _wall_row(what: str, walls: list[float], limit: float) -> Row:
    median = statistics.median(walls)
    return Row(
        what,
        None,
        shown=seconds(median),
        target=f"≤ {seconds(limit)}",
        judged="wall",
        met=median <= limit,
    )


def _preview_address(process: subprocess.Popen[bytes]) -> str:
    """The page's address, from the line `baocao xem` prints when it serves."""
    assert process.stderr is not None
    for raw in process.stderr:
        line = raw.decode("utf-8", "replace")
        if "http://127.0.0.1:" in line:
            return line[line.index("http://") :].split()[0]
    raise SystemExit("bench: baocao xem did not start")


class _Events:
    """A page's event stream read on a thread: each state with the moment it arrived."""

    def __init__(self, page: str) -> None:
        import threading
        import urllib.request

        self._changed = threading.Condition()
        self._states: list[tuple[float, dict[str, Any]]] = []
        self._seen = 0  # the index of the last state found
        self._stream = urllib.request.urlopen(page + "su-kien", timeout=PREVIEW_STARTED)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        import json

        for line in self._stream:
            if line.startswith(b"data: "):
                state = json.loads(line[len(b"data: ") :])
                with self._changed:
                    self._states.append((time.perf_counter(), state))
                    self._changed.notify_all()

    def when(self, holds: Callable[[dict[str, Any]], bool]) -> tuple[float, dict[str, Any]]:
        """The first state, from the last one found on, of which `holds` is true, and when it
        came. A state is the whole page's: two changes close together may come as one."""
        with self._changed:
            while True:
                for index in range(self._seen, len(self._states)):
                    at, state = self._states[index]
                    if holds(state):
                        self._seen = index
                        return at, state
                self._seen = max(self._seen, len(self._states) - 1)
                if not self._changed.wait(PREVIEW_STARTED):
                    raise SystemExit("bench: baocao xem stopped answering")

    def wait(self, holds: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        return self.when(holds)[1]


def paired_ratio(numerator: Timing, denominator: Timing) -> float:
    """The median, over the rounds, of the CPU time of one command ÷ that of the other in the
    same round: a slow spell falls on both of a pair, and out of their ratio."""
    return statistics.median(a / b for a, b in zip(numerator.cpus, denominator.cpus, strict=True))


def growth_ratio(base: Timing, small: Timing, large: Timing) -> float:
    """The CPU cost of a table row past SMALL_ROWS ÷ that of a row up to it, from the builds of
    the skeleton (`base`) and of SMALL_ROWS and LARGE_ROWS rows: taken in each round, whose
    three builds run one after the other, then its median. The machine's drift from one round
    to the next falls out, as in the paired build ratio."""
    return statistics.median(
        ((with_large - with_small) / (LARGE_ROWS - SMALL_ROWS))
        / ((with_small - skeleton) / SMALL_ROWS)
        for skeleton, with_small, with_large in zip(base.cpus, small.cpus, large.cpus, strict=True)
    )


def uncompiled() -> list[str]:
    """baocao's modules whose .pyc is missing or older than their source: Python compiles those
    at every start where the environment keeps it from writing one (PYTHONDONTWRITEBYTECODE)."""
    import importlib.util

    stale = []
    for source in sorted((ROOT / "pipeline" / "baocao").rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
            stale.append(str(source.relative_to(ROOT)))
    return stale


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("document", type=Path, help="a document folder (content/<name>)")
    args.add_argument("--rounds", type=int, default=15, help="paired rounds (default 15)")
    args.add_argument(
        "--only",
        choices=["build", "small", "batch", "growth", "preview"],
        action="append",
        help="run only these measurements (default: all)",
    )
    options = args.parse_args(argv)
    document = options.document.resolve()
    if not document.is_dir():
        raise SystemExit(f"bench: không có thư mục văn bản “{options.document}”")
    chosen = options.only or ["build", "small", "batch", "growth", "preview"]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as scratch:
        bench = Bench(document, Path(scratch), options.rounds)
        for name in chosen:
            if name == "preview":
                rows += bench.warm_rebuild() + bench.live_preview()
                continue
            rows += getattr(
                bench, {"build": "single_build", "small": "small_commands"}.get(name, name)
            )()
    print(f"baocao bench on {os.cpu_count()} cores: medians of whole processes")
    print(table(rows))
    stale = uncompiled()
    if stale:
        print(
            f"{len(stale)} of baocao's modules have no current .pyc ({stale[0]}, …): every command "
            "above compiled them from their source; `make venv` compiles them, as pip does"
        )
    missed = [row.what.strip() for row in rows if row.met is False]
    print("every guard met" if not missed else f"missed: {'; '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
