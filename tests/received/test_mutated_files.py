"""Received files broken at random (a fixed seed: the same files every run): a DOCX whose XML
parts have bytes changed, cut out or markup put in, and a PDF with bytes changed. Whatever the
damage, `soat` and `nhap` read the file or refuse it in one line (a UsageError, exit 2): never
another exception, which would be exit 3 and a traceback."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from pdf_files import printed_pdf
from test_corpus import CORPUS
from test_word_text import run, word

from baocao.problems import UsageError
from baocao.received.nhap.folder import import_docx
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received

INSERTED = (
    b"<w:tbl>",
    b"</w:tc>",
    b'<w:gridSpan w:val="-5"/>',
    b'<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>',
    b"<w:p>",
    b"&#0;",
    b'w:val="99999999999999999999"',
)
CASES = 40
PDF_CASES = 300  # a PDF is read in a few ms; what breaks pypdf is rarer than what breaks XML


def damaged_docx(data: bytes, pick: random.Random) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = bytearray(source.read(info))
            if info.filename.endswith(".xml") and pick.random() < 0.5:
                for _ in range(pick.randint(1, 20)):
                    at, choice = pick.randrange(len(part)), pick.random()
                    if choice < 0.3:
                        part[at] = pick.randrange(256)
                    elif choice < 0.6:
                        del part[at : at + pick.randint(1, 50)]
                    else:
                        part[at:at] = pick.choice(INSERTED)
            target.writestr(info, bytes(part))
    return out.getvalue()


def damaged_pdf(data: bytes, pick: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(pick.randint(1, 30)):
        out[pick.randrange(len(out))] = pick.randrange(256)
    return bytes(out)


def read_or_refuse(path: Path, content: Path, name: str) -> None:
    try:
        check_received(read_received(path))
        import_docx(path, content, name)
    except UsageError as exc:
        assert "\n" not in str(exc)


def test_a_damaged_docx(tmp_path: Path) -> None:
    body = "".join(
        f"<w:p>{run(line)}</w:p>"
        for line in (CORPUS / "quyet-dinh-du-toan.txt").read_text(encoding="utf-8").split("\n")
    )
    data = word(tmp_path / "goc.docx", body).read_bytes()
    pick = random.Random(24)
    for case in range(CASES):
        path = tmp_path / f"hong-{case}.docx"
        path.write_bytes(damaged_docx(data, pick))
        read_or_refuse(path, tmp_path / "content", f"hong-{case}")


@pytest.mark.parametrize("seed", [24])
def test_a_damaged_pdf(seed: int, tmp_path: Path) -> None:
    data = printed_pdf(CORPUS / "ke-hoach-chuyen-doi-so.txt", tmp_path).read_bytes()
    pick = random.Random(seed)
    for case in range(PDF_CASES):
        path = tmp_path / f"hong-{case}.pdf"
        path.write_bytes(damaged_pdf(data, pick))
        read_or_refuse(path, tmp_path / "content", f"hong-{case}")
