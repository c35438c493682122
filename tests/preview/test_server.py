"""The preview's server: 127.0.0.1 only, its own Host names only, GET only, and only what it
built — never a path taken from the address."""

from __future__ import annotations

import http.client
import json
import shutil
from collections.abc import Iterator

import pytest

from baocao.preview.app import App
from baocao.problems import UsageError
from conftest import CONTENT, SAMPLE

WAIT = 120.0


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    content = tmp_path_factory.mktemp("xem") / "content"
    shutil.copytree(CONTENT, content)
    running = App(content, SAMPLE, 0, office=False)
    running.start()
    try:
        preview = running.open_document(SAMPLE)
        assert preview is not None and preview.rebuilder.idle(WAIT)
        yield running
    finally:
        running.stop()
    assert not running.work.exists()  # its temporary folder, removed


def _get(
    app: App, path: str, host: str | None = None, method: str = "GET"
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", app.server.port, timeout=WAIT)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host if host is not None else f"127.0.0.1:{app.server.port}")
    connection.endheaders()
    return connection.getresponse()


def test_it_listens_on_127_0_0_1_only(app: App) -> None:
    assert app.server.server_address[0] == "127.0.0.1"


def test_the_page_and_its_state(app: App) -> None:
    page = _get(app, f"/van-ban/{SAMPLE}/")
    assert page.status == 200
    assert "script-src 'self'" in page.getheader("Content-Security-Policy", "")
    assert f'data-ten="{SAMPLE}"' in page.read().decode()
    state = json.loads(_get(app, f"/van-ban/{SAMPLE}/trang-thai").read())
    assert "Thực hiện kế hoạch" in state["subject"]
    assert state["mode"] == "html" and state["html"]


def test_the_index_leads_to_the_document(app: App) -> None:
    answer = _get(app, "/")
    assert answer.status == 302
    assert answer.getheader("Location") == f"/van-ban/{SAMPLE}/"


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{0}", "127.0.0.1:1", ""])
def test_another_host_name_is_refused(app: App, host: str) -> None:
    assert _get(app, f"/van-ban/{SAMPLE}/trang-thai", host=host).status == 403


def test_localhost_is_its_own_name(app: App) -> None:
    assert _get(app, "/tep/xem.js", host=f"localhost:{app.server.port}").status == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "HEAD"])
def test_it_answers_get_only(app: App, method: str) -> None:
    assert _get(app, f"/van-ban/{SAMPLE}/trang-thai", method=method).status == 501


@pytest.mark.parametrize(
    "path",
    [
        f"/van-ban/{SAMPLE}/00-mo-dau.md",
        f"/van-ban/{SAMPLE}/../../etc/passwd",
        "/van-ban/..%2f..%2fetc/trang-thai",
        f"/van-ban/{SAMPLE}/trang/..%2f..%2f00-mo-dau.md.jpg",
        f"/van-ban/{SAMPLE}/trang/khong-co.jpg",
        "/tep/../../pyproject.toml",
        "/tep/xem.html",
        "/van-ban/khong-co/",
    ],
)
def test_nothing_but_what_it_built(app: App, path: str) -> None:
    answer = _get(app, path)
    assert answer.status == 404
    assert b"trich_yeu" not in answer.read()


def test_events_carry_the_state(app: App) -> None:
    answer = _get(app, f"/van-ban/{SAMPLE}/su-kien")
    assert answer.getheader("Content-Type", "").startswith("text/event-stream")
    assert answer.readline() == b"event: trang-thai\n"
    data = answer.readline()
    assert data.startswith(b"data: ")
    assert "Thực hiện kế hoạch" in json.loads(data[len(b"data: ") :])["subject"]
    answer.close()


def test_a_port_in_use_is_a_usage_error(app: App) -> None:
    with pytest.raises(UsageError, match="--port"):
        App(app.content, SAMPLE, app.server.port, office=False)


@pytest.mark.parametrize(
    "arguments", [["khong-co"], [SAMPLE, "--port", "70000"], [SAMPLE, "--port", "x"]]
)
def test_a_wrong_command_line_exits_2(
    app: App, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from baocao.cli import main

    command = ["xem", *arguments, "--no-browser", "--content", str(app.content)]
    assert main(command) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "Traceback" not in said


def test_without_a_document_it_lists_them_all(app: App) -> None:
    every = App(app.content, None, 0, office=False)
    every.start()
    try:
        page = _get(every, "/")
        assert page.status == 200
        assert f'href="/van-ban/{SAMPLE}/"' in page.read().decode()
        assert not every.previews  # a document is built when it is opened
        assert _get(every, f"/van-ban/{SAMPLE}/").status == 200
        preview = every.previews[SAMPLE]
        assert preview.rebuilder.idle(WAIT)
        state = json.loads(_get(every, f"/van-ban/{SAMPLE}/trang-thai").read())
        assert "Thực hiện kế hoạch" in state["subject"]
    finally:
        every.stop()
