"""The preview's HTTP server: 127.0.0.1 only, GET only, and only what the preview made.

Every address is looked up in the preview's own tables — a document by its folder name among the
content folder's documents, a page image by the random name given when it was drawn, the page's
script and style by fixed names — and nothing of an address ever becomes a path. A request whose
Host is not this server's own name (127.0.0.1 or localhost, with its port) is refused: a page of
another site cannot reach it through a name of its own pointed here (DNS rebinding). The page is
kept current by Server-Sent Events: each change of a document's state is sent whole.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

from baocao.preview.session import Preview

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC = {  # address → (file of the package's static/ folder, its type)
    "/tep/xem.js": ("xem.js", "text/javascript; charset=utf-8"),
    "/tep/xem.css": ("xem.css", "text/css; charset=utf-8"),
}
KEEP_ALIVE = 10.0  # seconds between two comments on an idle event stream
PAGE = "van-ban"  # /van-ban/<name>/…


def static_file(name: str) -> bytes:
    return resources.files("baocao.preview").joinpath("static", name).read_bytes()


class Site:
    """What the server serves: the documents (`open_document` makes a preview on first use),
    the ND30 style sheet, and whether it is closing."""

    def __init__(
        self,
        documents: Callable[[], list[str]],
        open_document: Callable[[str], Preview | None],
        document_css: str,
        single: str | None,
    ) -> None:
        self.documents = documents
        self.open_document = open_document
        self.document_css = document_css.encode("utf-8")
        self.single = single
        self.closing = threading.Event()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, port: int, site: Site) -> None:
        self.site = site
        super().__init__(("127.0.0.1", port), Handler)
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page closed mid-answer is no error; anything else is said in one line."""
        import sys

        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            print(f"baocao xem: lỗi khi trả lời trình duyệt: {error!r}", file=sys.stderr)

    def shutdown(self) -> None:
        self.site.closing.set()
        super().shutdown()


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "baocao-xem"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows the editor's problems, not every request

    def do_GET(self) -> None:
        if self.headers.get("Host", "") not in self.server.hosts:
            self._send(HTTPStatus.FORBIDDEN, b"", "text/plain")
            return
        path = urlsplit(self.path).path
        site = self.server.site
        if path == "/":
            self._index(site)
        elif path in STATIC:
            name, kind = STATIC[path]
            self._send(HTTPStatus.OK, static_file(name), kind)
        elif path == "/tep/van-ban.css":
            self._send(HTTPStatus.OK, site.document_css, "text/css; charset=utf-8")
        else:
            self._document(site, path)

    def _document(self, site: Site, path: str) -> None:
        parts = path.split("/")  # "", "van-ban", name, what…
        if len(parts) < 4 or parts[1] != PAGE or unquote(parts[2]) not in site.documents():
            self._send(HTTPStatus.NOT_FOUND, "Không có trang này.".encode(), "text/plain")
            return
        preview = site.open_document(unquote(parts[2]))
        what = parts[3:]
        if preview is None:
            self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
        elif what == [""]:
            page = static_file("xem.html").decode("utf-8")
            page = page.replace("{{TEN}}", html.escape(preview.name, quote=True))
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
        elif what == ["trang-thai"]:
            _, state = preview.board.snapshot()
            self._send(HTTPStatus.OK, _json(state), "application/json")
        elif what == ["su-kien"]:
            self._events(site, preview)
        elif len(what) == 2 and what[0] == "trang" and what[1].endswith(".jpg"):
            image = preview.image(what[1].removesuffix(".jpg"))
            if image is None:
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            try:
                data = image.read_bytes()
            except OSError:
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            self._send(HTTPStatus.OK, data, "image/jpeg")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")

    def _index(self, site: Site) -> None:
        if site.single is not None:
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", f"/{PAGE}/{site.single}/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        items = "".join(
            f'<li><a href="/{PAGE}/{html.escape(name)}/">{html.escape(name)}</a></li>'
            for name in site.documents()
        )
        page = (
            '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            '<title>baocao xem</title><link rel="stylesheet" href="/tep/xem.css"></head>'
            f'<body class="danh-sach"><h1>Các văn bản</h1><ul id="van-ban">{items}</ul>'
            "</body></html>"
        )
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def _events(self, site: Site, preview: Preview) -> None:
        """The document's state now, then again at each change, until the page or we close."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen, state = preview.board.snapshot()
        try:
            self._event(state)
            quiet = 0.0
            while not site.closing.is_set():
                changed = preview.board.newer(seen, 1.0)  # each second: are we closing?
                if changed is not None:
                    seen, state = changed
                    self._event(state)
                    quiet = 0.0
                    continue
                quiet += 1.0
                if quiet >= KEEP_ALIVE:  # a comment: is the page still there?
                    self.wfile.write(b": \n\n")
                    self.wfile.flush()
                    quiet = 0.0
        except OSError:
            pass  # the page went away

    def _event(self, state: dict[str, Any]) -> None:
        self.wfile.write(b"event: trang-thai\ndata: " + _json(state) + b"\n\n")
        self.wfile.flush()

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _json(state: dict[str, Any]) -> bytes:
    return json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
