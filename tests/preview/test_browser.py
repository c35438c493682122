"""baocao xem in a real browser: Debian's chromium, headless, driven by selenium through
chromium-driver; skipped, with the reason, where they are not installed (.ci/run installs them).

The page shows the trích yếu; a citation broken in a part shows its problem with its file and
line, a click shows that line; fixed, the problem goes and the pages come back. Without
LibreOffice, the HTML rendering stands for the pages, and an amount shows where it comes from."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from running import Running

from baocao import codes
from conftest import SAMPLE

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium: pip install '.[dev]'")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 120.0  # seconds a loaded machine may take; never a measure of speed
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip("cần chromium và chromium-driver (apt-get install chromium chromium-driver)")
    return browser, driver


@pytest.fixture
def browser() -> Iterator[Any]:
    binary, driver = _chromium()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="baocao-chromium-")  # a new, empty profile
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    chrome = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _until(chrome: Any, condition: Callable[[Any], Any]) -> Any:
    return WebDriverWait(chrome, WAIT, poll_frequency=0.1).until(condition)


def _problems(chrome: Any, code: str) -> list[Any]:
    return chrome.find_elements(By.CSS_SELECTOR, f'#van-de li[data-code="{code}"]')


def _pages(chrome: Any) -> list[str]:
    """The page images shown, once each has loaded (read at once: the page may replace them)."""
    return list(
        chrome.execute_script(
            "const images = [...document.querySelectorAll('#trang img')];"
            "return images.every(i => i.complete && i.naturalWidth > 0)"
            " ? images.map(i => i.getAttribute('src')) : [];"
        )
    )


@pytest.fixture
def xem_pages(content_copy: Path, tmp_path: Path) -> Iterator[Running]:
    """baocao xem with LibreOffice, once it shows the sample's pages."""
    _chromium()
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        pytest.skip(
            "cần LibreOffice và poppler (apt-get install libreoffice-writer-nogui poppler-utils)"
        )
    xem = Running(content_copy, SAMPLE, tmp_path / "tmp")
    try:
        xem.wait(lambda s: bool(s["pages"]) and not s["building"])
        yield xem
    finally:
        assert xem.interrupt() == 0


def test_broken_then_fixed_in_the_browser(
    xem_pages: Running, browser: Any, content_copy: Path
) -> None:
    chrome = browser
    chrome.get(xem_pages.page)
    _until(chrome, lambda c: "Thực hiện kế hoạch" in c.find_element(By.ID, "trich-yeu").text)
    before = _until(chrome, _pages)
    assert len(before) > 1

    part = content_copy / SAMPLE / "04-dinh-huong.md"
    good = part.read_text(encoding="utf-8")
    part.write_text(good.replace('tien_chu("pl.csdl")', 'tien_chu("pl.csdl-sai")'), "utf-8")
    (problem,) = _until(chrome, lambda c: _problems(c, codes.UNKNOWN_ID.code))
    assert problem.get_attribute("data-file") == "04-dinh-huong.md"
    assert problem.get_attribute("data-line") == "12"
    assert "04-dinh-huong.md:12:" in problem.text
    assert chrome.find_element(By.ID, "cu").is_displayed()  # the last good pages, marked stale
    assert _pages(chrome) == before

    problem.find_element(By.TAG_NAME, "button").click()
    line = _until(chrome, lambda c: c.find_element(By.CSS_SELECTOR, "#dong-nguon .dong-loi"))
    assert "pl.csdl-sai" in line.text and line.get_attribute("data-dong") == "12"

    part.write_text(good, encoding="utf-8")
    _until(chrome, lambda c: not _problems(c, codes.UNKNOWN_ID.code))
    after = _until(chrome, lambda c: (p := _pages(c)) and p != before and p)
    assert len(after) == len(before)
    assert not chrome.find_element(By.ID, "cu").is_displayed()


def test_html_rendering_without_libreoffice(
    content_copy: Path, tmp_path: Path, browser: Any
) -> None:
    chrome = browser
    nothing = tmp_path / "bin"  # a PATH where no LibreOffice is found
    nothing.mkdir()
    xem = Running(content_copy, SAMPLE, tmp_path / "tmp", path=str(nothing))
    try:
        assert xem.wait(lambda s: not s["building"] and s["mode"] == "html")["html"]
        chrome.get(xem.page)
        _until(chrome, lambda c: "Thực hiện kế hoạch" in c.find_element(By.ID, "trich-yeu").text)
        _until(chrome, lambda c: c.find_elements(By.CSS_SELECTOR, "#ban-chu .trang"))
        assert chrome.find_element(By.ID, "gan-dung").is_displayed()  # said to be approximate
        assert not chrome.find_elements(By.CSS_SELECTOR, "#trang img")
        page = chrome.find_element(By.CSS_SELECTOR, "#ban-chu .trang")
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page.text
        assert "Times New Roman" in page.value_of_css_property("font-family")
        subject = chrome.find_element(By.CSS_SELECTOR, '[data-custom-style="Subject"] p')
        assert subject.value_of_css_property("font-weight") in ("700", "bold")
        assert subject.value_of_css_property("font-size") == "18.6667px"  # 14 pt
        signer = chrome.find_element(By.CSS_SELECTOR, '[data-custom-style="Signer Name"]')
        assert signer.text.strip()
        assert chrome.find_elements(By.CSS_SELECTOR, "#ban-chu table td.so-tien")

        amount = chrome.find_element(By.CSS_SELECTOR, 'span.so-tien[data-ref="pl.tong(4)"]')
        chrome.execute_script("arguments[0].scrollIntoView({block: 'center'})", amount)
        ActionChains(chrome).move_to_element(amount).perform()
        origin = _until(chrome, lambda c: c.find_element(By.ID, "nguon-goc"))
        _until(chrome, lambda c: origin.is_displayed())
        assert "pl.tong(4)" in origin.text
        assert "90-phu-luc.md:11:" in origin.text  # the row it comes from
        assert "05-kinh-phi.md:4:" in origin.text and "05-kinh-phi.md:5:" in origin.text
        assert "tổng các dòng" in origin.text
    finally:
        assert xem.interrupt() == 0
