"""A received PDF: its text layer read with pypdf, each finding at its page and line ("trang 1,
dòng 11"); the PDF LibreOffice prints of each corpus text gives the findings expected of that
text (corpus/expected.yaml), each on the line of the PDF that holds what it is about, save what
a PDF cannot keep (the columns of a table typed with tabs, whose rows may then read short). A
scanned PDF, one with a password and a broken one are refused in one line saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_files import printed_pdf, scanned_pdf
from pypdf import PdfWriter
from test_corpus import CORPUS, EXPECTED

from baocao.cli import main
from baocao.problems import UsageError
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received

TEXTS = sorted(name for name in EXPECTED if name.endswith(".txt"))
TABBED = {"ke-hoach-chuyen-doi-so.txt"}  # its table typed with tabs: columns lost in a PDF
TABLE_CODES = {"BC331", "BC333", "BC705", "BC750"}


@pytest.mark.parametrize("name", TEXTS)
def test_the_pdf_of_a_corpus_text_gives_its_findings(name: str, tmp_path: Path) -> None:
    received = read_received(printed_pdf(CORPUS / name, tmp_path))
    assert received.kind == "pdf"
    problems = check_received(received).problems
    assert all(received.place(p.position.line).startswith("trang ") for p in problems)
    found = [(p.code.code, received.texts.get(p.position.line, "")) for p in problems]
    expected = [(str(f["code"]), str(f["at"])) for f in EXPECTED[name]]
    if name in TABBED:
        found = [f for f in found if f[0] not in TABLE_CODES]
        expected = [e for e in expected if e[0] not in TABLE_CODES]
    assert len(found) == len(expected), found
    for code, at in expected:  # on the line of the PDF holding it (its first word, for words)
        assert any(c == code and at.split()[0] in line for c, line in found), (code, at, found)


def test_a_scanned_pdf_is_said_to_be_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "ban-quet.pdf"
    scan.write_bytes(scanned_pdf())
    assert main(["soat", str(scan)]) == UsageError.exit_code
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert str(scan) in line and "bản quét" in line


def test_a_pdf_with_a_password_and_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("mat-khau")
    locked = tmp_path / "mat-khau.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + bytes(300))
    assert main(["soat", str(locked), str(broken)]) == UsageError.exit_code
    err = capsys.readouterr().err
    assert "mật khẩu" in err and "hỏng" in err
    assert len(err.strip().splitlines()) == 2
