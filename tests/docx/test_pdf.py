"""The DOCX as a reader sees it: rendered to PDF by LibreOffice, read back with poppler.

Checks what only a layout engine decides: the size and orientation of every page, page numbers in
the top margin (none on page 1 nor on the appendix's first page, "2" on the next ones), the
Quốc hiệu on one line, the budget table's header repeated and its numbers unbroken.
Skipped, with the reason, where LibreOffice or poppler is not installed (.ci/run installs them).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

A4 = (595.3, 841.9)  # points
AMOUNT = re.compile(r"\d{1,3}(\.\d{3})+")  # an amount with a thousands separator
HEADER_BAND = 60  # points from the top edge: the header with the page number, above the text


@pytest.fixture(scope="module")
def pdf(sample_pdf: Path) -> Path:
    return sample_pdf


def pdfinfo(*args: str) -> str:
    return subprocess.run(["pdfinfo", *args], capture_output=True, text=True, check=True).stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    pages = re.search(r"Pages: +(\d+)", pdfinfo(str(pdf))).group(1)  # type: ignore[union-attr]
    out = pdfinfo("-f", "1", "-l", pages, str(pdf))
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)
    ]


def text(pdf: Path, page: int, *, band: tuple[float, float] | None = None) -> str:
    """A page's text, or only the text of a horizontal band (top, height) in points."""
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-layout"]
    if band is not None:
        args += ["-x", "0", "-y", str(band[0]), "-W", "2000", "-H", str(band[1])]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def header_text(pdf: Path, page: int) -> str:
    return text(pdf, page, band=(0, HEADER_BAND)).strip()


@pytest.fixture(scope="module")
def sizes(pdf: Path) -> list[tuple[float, float]]:
    return page_sizes(pdf)


@pytest.fixture(scope="module")
def first_appendix_page(pdf: Path, sizes: list) -> int:
    return next(n for n in range(1, len(sizes) + 1) if "Phụ lục" in text(pdf, n))


def test_body_pages_are_a4_portrait_and_appendix_pages_a4_landscape(
    sizes: list, first_appendix_page: int
) -> None:
    assert len(sizes) >= first_appendix_page + 1  # the table runs onto a second landscape page
    for number, (width, height) in enumerate(sizes, start=1):
        expected = A4 if number < first_appendix_page else A4[::-1]
        assert (width, height) == pytest.approx(expected, abs=1), f"page {number}"


def test_page_one_has_the_national_title_and_no_page_number(pdf: Path) -> None:
    page = text(pdf, 1)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page  # on one line
    assert "Độc lập - Tự do - Hạnh phúc" in page
    assert header_text(pdf, 1) == ""


def test_later_pages_are_numbered_at_the_top(pdf: Path, first_appendix_page: int) -> None:
    for number in range(2, first_appendix_page):
        assert header_text(pdf, number) == str(number)


def test_the_appendix_is_numbered_from_one_without_a_number_on_its_first_page(
    pdf: Path, sizes: list, first_appendix_page: int
) -> None:
    assert header_text(pdf, first_appendix_page) == ""
    for offset, number in enumerate(range(first_appendix_page + 1, len(sizes) + 1), start=2):
        assert header_text(pdf, number) == str(offset)


def test_the_appendix_starts_on_a_new_page_after_the_signature(
    pdf: Path, first_appendix_page: int
) -> None:
    assert "Đoàn Văn Cát" in text(pdf, first_appendix_page - 1)
    first = text(pdf, first_appendix_page)
    assert "Đoàn Văn Cát" not in first
    assert first.index("Phụ lục") < first.index("(Kèm theo Báo cáo số")
    assert "Đơn vị: Triệu đồng" in first


def test_the_table_header_repeats_and_numbers_do_not_break(
    pdf: Path, sizes: list, first_appendix_page: int, sample_document: Any
) -> None:
    pages = [text(pdf, n) for n in range(first_appendix_page, len(sizes) + 1)]
    for page in pages:
        assert "(1)=(2)+(3)" in page  # the column-number row, on every page
    everything = "\n".join(pages)
    table = sample_document.tables[-1]
    numbers = {c.text for row in table.rows for c in row.cells if AMOUNT.fullmatch(c.text)}
    assert len(numbers) >= 3
    for number in numbers:  # each whole on one line: not split at a "." nor wrapped
        assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", everything), number
