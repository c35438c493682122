"""One document's preview: checked and built again on every save, the latest save winning.

A rebuild checks first and shows the problems at once (resolve alone), then, when the document
has no error, writes the DOCX and its HTML rendering from that same resolution, then the pages
LibreOffice lays out. A save made while it runs is never lost: the rebuild after it reads the
files again, and a rebuild a newer save overtakes stops before its slow steps. A document with
errors keeps its last good pages and rendering, marked stale, with the errors above them.
"""

from __future__ import annotations

import secrets
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao.build import CACHE, resolve_folder, write_docx
from baocao.parse.document import read_part
from baocao.preview.office import Office, page_images
from baocao.problems import BaocaoError, Problem, display_path

CONTEXT = 3  # source lines shown on each side of a problem's line
PAGES_KEPT = 2  # generations of page images kept: the browser may still be fetching the last


class Board:
    """What the page shows of one document, and its version: each change wakes the waiters."""

    def __init__(self, **state: Any) -> None:
        self._changed = threading.Condition()
        self.version = 0
        self.state: dict[str, Any] = dict(state)

    def publish(self, **changes: Any) -> None:
        with self._changed:
            self.state.update(changes)
            self.version += 1
            self.state["version"] = self.version
            self._changed.notify_all()

    def snapshot(self) -> tuple[int, dict[str, Any]]:
        with self._changed:
            return self.version, dict(self.state)

    def newer(self, seen: int, timeout: float) -> tuple[int, dict[str, Any]] | None:
        """The state once its version passes `seen`; None after `timeout` seconds without."""
        with self._changed:
            if self._changed.wait_for(lambda: self.version > seen, timeout):
                return self.version, dict(self.state)
        return None


class Rebuilder:
    """Runs `work` on a thread of its own after each `saved()`, never two at once. Saves made
    while it runs make one more run after it, which reads the files as they are by then: the
    latest save wins. `work` is handed `superseded`, true once a newer save is waiting."""

    def __init__(self, work: Callable[[Callable[[], bool]], None], name: str) -> None:
        self._work = work
        self._state = threading.Condition()
        self._saves = 0
        self._busy = False
        self._stopping = False
        self.runs = 0
        self._thread = threading.Thread(target=self._loop, name=f"xem-{name}", daemon=True)
        self._thread.start()

    def saved(self) -> None:
        with self._state:
            self._saves += 1
            self._state.notify_all()

    def superseded(self) -> bool:
        with self._state:
            return self._saves > 0 or self._stopping

    def idle(self, timeout: float) -> bool:
        """Wait until every save has been built; False after `timeout` seconds."""
        with self._state:
            return self._state.wait_for(lambda: not self._busy and not self._saves, timeout)

    def stop(self) -> None:
        with self._state:
            self._stopping = True
            self._state.notify_all()
        self._thread.join(30)

    def _loop(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._saves > 0 or self._stopping)
                if self._stopping:
                    return
                self._saves = 0
                self._busy = True
            try:
                self._work(self.superseded)
            finally:
                with self._state:
                    self._busy = False
                    self.runs += 1
                    self._state.notify_all()


@dataclass
class Pages:
    """LibreOffice for the preview, shared by every document: started on a thread of its own
    (it takes seconds), ready once it answers; absent where it is not installed."""

    folder: Path
    office: Office | None = None
    ready: threading.Event = field(default_factory=threading.Event)
    failed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)  # one conversion at a time

    def start(self, when_ready: Callable[[], None]) -> None:
        def run() -> None:
            office = Office.start(self.folder)
            self.office = office
            if office is None or not office.wait_ready():
                self.failed = True
                when_ready()
                return
            self.ready.set()
            when_ready()

        threading.Thread(target=run, name="xem-libreoffice", daemon=True).start()

    def lost(self) -> None:
        """LibreOffice stopped answering: the previews show the HTML rendering from now on."""
        self.ready.clear()
        self.failed = True

    @property
    def mode(self) -> str:
        """ "trang" (LibreOffice's pages), "dang-mo" (LibreOffice starting), "html" (none)."""
        if self.ready.is_set():
            return "trang"
        return "html" if self.failed else "dang-mo"

    def stop(self) -> None:
        if self.office is not None:
            self.office.stop()


class Preview:
    """One document, its folder watched by the caller, which calls `saved()` on each change."""

    def __init__(self, folder: Path, content: Path, work: Path, pages: Pages | None) -> None:
        self.folder = folder
        self.name = folder.name
        self.content = content
        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        self.pages = pages
        self.board = Board(
            name=self.name,
            subject="",
            problems=[],
            errors=0,
            html="",
            pages=[],
            provenance={},
            stale=False,
            building=True,
            mode=pages.mode if pages else "html",
            failure="",
            checks=0,  # how many times the problems were found: each check's are new
        )
        self.checks = 0
        self.epoch: int | None = None
        self.images: dict[str, Path] = {}  # token → page image: all the server may send
        self._generations: list[list[str]] = []
        self._images_lock = threading.Lock()
        self.timings: dict[str, float] = {}
        self.rebuilder = Rebuilder(self._rebuild, self.name)

    def saved(self) -> None:
        self.board.publish(building=True)
        self.rebuilder.saved()

    def image(self, token: str) -> Path | None:
        with self._images_lock:
            return self.images.get(token)

    def stop(self) -> None:
        self.rebuilder.stop()

    # -----------------------------------------------------------------------------------------

    def _rebuild(self, superseded: Callable[[], bool]) -> None:
        try:
            self._rebuild_once(superseded)
        except BaocaoError as exc:  # pandoc or the disk: said on the page
            self.board.publish(failure=str(exc), stale=True, building=False)
        except Exception as exc:  # a bug of ours: said on the page, the preview goes on
            detail = "".join(traceback.format_exception_only(exc)).strip()
            self.board.publish(failure=f"lỗi nội bộ của baocao: {detail}", building=False)

    def _rebuild_once(self, superseded: Callable[[], bool]) -> None:
        started = time.perf_counter()
        resolution = resolve_folder(self.folder)
        problems = sorted(resolution.problems, key=Problem.sort_key)
        errors = resolution.errors
        document = resolution.document
        self.checks += 1
        checked = {
            "checks": self.checks,
            "problems": [self._problem(p) for p in problems],
            "errors": len(errors),
            "stale": bool(errors) or document is None,
            "failure": "",
            "mode": self.pages.mode if self.pages else "html",
        }
        if document is not None:
            checked["subject"] = document.front.subject
        self.board.publish(**checked, building=not checked["stale"])
        self.timings["problems"] = time.perf_counter() - started
        if checked["stale"] or document is None or superseded():
            if checked["stale"]:
                self.board.publish(building=False)
            return

        from baocao.docx.pandoc import find_pandoc
        from baocao.preview.html import marked_html, pandoc_html
        from baocao.preview.provenance import provenance
        from baocao.render.document import render_document

        page = render_document(document)
        pandoc = find_pandoc(self.work / CACHE)
        rendered: dict[str, str | BaocaoError] = {}

        def render_html() -> None:  # on another pandoc, while this one writes the DOCX
            try:
                rendered["html"] = pandoc_html(page, pandoc)
            except BaocaoError as exc:
                rendered["html"] = exc

        html_thread = threading.Thread(target=render_html, name=f"xem-html-{self.name}")
        html_thread.start()
        if self.epoch is None:  # the preview's own DOCX: the date once, not a git run a save
            from baocao.docx.dating import source_date_epoch

            self.epoch = source_date_epoch(self.folder)
        try:
            docx = write_docx(self.folder, document, page, self.work, self.epoch)
        finally:
            html_thread.join()
        self.timings["docx"] = time.perf_counter() - started
        fragment = rendered.get("html", "")
        if isinstance(fragment, BaocaoError):
            raise fragment
        found = provenance(resolution)
        tables = list(resolution.registry.tables.values())
        html = marked_html(fragment, tables, found.citations)
        self.board.publish(html=html, provenance=found.as_json(), stale=False)
        self.timings["html"] = time.perf_counter() - started
        if self.pages is None or not self.pages.ready.is_set() or superseded():
            self.board.publish(building=False, timings=dict(self.timings))
            return
        self._draw_pages(docx)
        self.timings["pages"] = time.perf_counter() - started
        self.board.publish(building=False, timings=dict(self.timings))

    def _draw_pages(self, docx: Path) -> None:
        assert self.pages is not None and self.pages.office is not None
        stem = secrets.token_hex(8)
        pdf = self.work / f"{stem}.pdf"
        try:
            with self.pages.lock:
                self.pages.office.to_pdf(docx, pdf)
        except Exception as exc:  # LibreOffice gone or failing: the HTML rendering stands in
            self.pages.lost()
            pdf.unlink(missing_ok=True)
            self.board.publish(
                mode="html",
                pages=[],
                failure=f"LibreOffice không dàn được trang ({type(exc).__name__}): "
                "đang hiện bản HTML gần đúng; chạy lại baocao xem để thử lại",
            )
            return
        try:
            images = page_images(pdf, self.work, stem)
        finally:
            pdf.unlink(missing_ok=True)
        tokens = [f"{stem}-{n}" for n in range(1, len(images) + 1)]
        with self._images_lock:
            self.images.update(zip(tokens, images, strict=True))
            self._generations.append(tokens)
            while len(self._generations) > PAGES_KEPT:
                for token in self._generations.pop(0):
                    old = self.images.pop(token, None)
                    if old is not None:
                        old.unlink(missing_ok=True)
        self.board.publish(pages=tokens)

    def _problem(self, problem: Problem) -> dict[str, Any]:
        """A problem as the page lists it, with the source lines around it."""
        position = problem.position
        return {
            "file": display_path(position.path),
            "name": Path(position.path).name,
            "line": position.line,
            "column": position.column,
            "code": problem.code.code,
            "warning": problem.warning or problem.draft,  # a "…" to fill: the build goes on
            "message": problem.message,
            "source": self._source(Path(position.path), position.line),
        }

    def _source(self, path: Path, line: int) -> list[tuple[int, str]]:
        """The lines around `line` of a part of this document; nothing from elsewhere (read as
        parse reads a part: a link or a FIFO is refused, never followed)."""
        try:
            if path.parent.resolve() != self.folder.resolve():
                return []
        except OSError:
            return []
        read = read_part(path)
        if not isinstance(read, bytes):
            return []
        lines = read.decode("utf-8", "replace").splitlines()
        first = max(1, line - CONTEXT)
        return [(n, lines[n - 1]) for n in range(first, min(len(lines), line + CONTEXT) + 1)]
