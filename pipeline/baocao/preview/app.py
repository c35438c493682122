"""`baocao xem`: the preview started, served until Ctrl-C, and stopped leaving nothing behind.

Everything it writes (the DOCX, the page images, LibreOffice's profile) is in one temporary
folder, removed on the way out; LibreOffice runs in a process group of its own, stopped with it.
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from baocao.parse.document import document_folders
from baocao.preview.css import page_css
from baocao.preview.server import PAGE, PreviewServer, Site
from baocao.preview.session import Pages, Preview
from baocao.preview.watch import Watcher
from baocao.problems import UsageError

TICK = 0.5  # seconds between two looks at the stop flag: Ctrl-C is handled within one


class App:
    """The previews of one content folder, the watcher, LibreOffice and the server."""

    def __init__(self, content: Path, single: str | None, port: int, office: bool) -> None:
        from baocao.docx.styles import load_definition

        self.content = content
        self.work = Path(tempfile.mkdtemp(prefix="baocao-xem-"))
        self.previews: dict[str, Preview] = {}
        self.lock = threading.Lock()
        self.pages = Pages(self.work / "libreoffice") if office else None
        site = Site(self.documents, self.open_document, page_css(load_definition()), single)
        try:
            self.server = PreviewServer(port, site)
        except OSError as exc:
            shutil.rmtree(self.work, ignore_errors=True)
            raise UsageError(
                f"baocao xem: không mở được cổng {port} trên 127.0.0.1 ({exc.strerror}); "
                "chọn cổng khác bằng --port"
            ) from None
        self.watcher = Watcher(content, self.changed)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/"

    def documents(self) -> list[str]:
        return [folder.name for folder in document_folders(self.content)]

    def open_document(self, name: str) -> Preview | None:
        """The preview of a document of the content folder, made and built on first use."""
        with self.lock:
            if name not in self.previews:
                folder = self.content / name
                if not folder.is_dir():
                    return None
                preview = Preview(folder, self.content, self.work / "van-ban" / name, self.pages)
                self.previews[name] = preview
                preview.saved()
            return self.previews[name]

    def changed(self) -> None:
        with self.lock:
            previews = list(self.previews.values())
        for preview in previews:
            preview.saved()

    def start(self) -> None:
        if self.pages is not None:
            self.pages.folder.mkdir()
            self.pages.start(self.changed)
        self.watcher.start()
        threading.Thread(target=self.server.serve_forever, name="xem-http", daemon=True).start()

    def stop(self) -> None:
        """Stop serving, watching, building and LibreOffice; remove the temporary folder."""
        self.server.shutdown()
        self.server.server_close()
        self.watcher.stop()
        with self.lock:
            previews = list(self.previews.values())
        for preview in previews:
            preview.stop()
        if self.pages is not None:
            self.pages.stop()
        shutil.rmtree(self.work, ignore_errors=True)


def serve(content: Path, single: str | None, port: int, browser: bool, office: bool) -> int:
    """Serve until Ctrl-C (or SIGTERM); 0 once stopped cleanly."""
    app = App(content, single, port, office)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        app.start()
        if single is not None:
            app.open_document(single)
        where = f"{app.url}{PAGE}/{single}/" if single else app.url
        print(f"baocao xem: đang mở {where} — nhấn Ctrl-C để dừng.", file=sys.stderr, flush=True)
        if app.pages is None:
            print(
                "baocao xem: không dùng LibreOffice, trang xem là bản HTML gần đúng.",
                file=sys.stderr,
            )
        if browser:
            import webbrowser

            webbrowser.open(where)
        while not stop.wait(TICK):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        app.stop()
    print("baocao xem: đã dừng.", file=sys.stderr, flush=True)
    return 0
