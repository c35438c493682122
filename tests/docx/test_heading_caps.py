"""A mục heading ("I. …") prints in capitals however it was typed, through its style: "ĐMST và
CĐS" is read "ĐMST VÀ CĐS"; lower headings and "Chương I" print as typed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import docx
from baocao.build import build_document
from budget_documents import write_document


def caps(paragraph: docx.text.paragraph.Paragraph) -> bool:
    """Whether a paragraph shows in capitals: its runs' own setting, else its style chain's."""
    own = {run.font.all_caps for run in paragraph.runs} - {None}
    if own:
        return own == {True}
    style = paragraph.style
    while style is not None:
        if style.font.all_caps is not None:
            return bool(style.font.all_caps)
        style = style.base_style
    return False


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("caps")
    heading = "# I. Đánh giá tình hình KH, CN, ĐMST và CĐS năm 2026\n\n"
    folder = write_document(root, heading + "## 1. Kết quả chung\n\nNội dung.\n")
    return build_document(folder, root / "out").target


def test_a_muc_heading_is_in_capitals_whatever_was_typed(built: Path) -> None:
    paragraphs = {p.text: p for p in docx.Document(str(built)).paragraphs}
    heading = paragraphs["I. Đánh giá tình hình KH, CN, ĐMST và CĐS năm 2026"]
    assert caps(heading)  # the text kept as typed, shown in capitals by its style
    assert not caps(paragraphs["1. Kết quả chung"])


def test_the_printed_page_shows_the_capitals(built: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and poppler (pdftotext) are needed to print the page")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(built)],
        check=True,
        capture_output=True,
    )
    pdf = tmp_path / f"{built.stem}.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "ĐMST VÀ CĐS NĂM 2026" in flat
    assert "1. Kết quả chung" in flat
