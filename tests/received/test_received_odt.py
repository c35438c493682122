"""A received .odt, read through LibreOffice's conversion: the .odt LibreOffice saves of each
corpus text gives the findings its DOCX gives, at the same paragraphs and rows; nhap takes it as
it takes a DOCX; without LibreOffice, the file is refused in one line saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_docx import libreoffice, libreoffice_docx
from test_corpus import CORPUS, EXPECTED

from baocao.cli import main
from baocao.problems import UsageError
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received

TEXTS = sorted(name for name in EXPECTED if name.endswith(".txt"))


def findings(path: Path) -> list[tuple[str, str]]:
    received = read_received(path)
    problems = check_received(received).problems
    return sorted((p.code.code, received.place(p.position.line)) for p in problems)


@pytest.mark.parametrize("name", TEXTS)
def test_an_odt_gives_what_its_docx_gives(name: str, tmp_path: Path) -> None:
    odt = libreoffice(CORPUS / name, tmp_path / "odt", "odt")
    docx = libreoffice_docx(CORPUS / name, tmp_path / "docx")
    assert read_received(odt).kind == "odt"
    got = findings(odt)
    assert got == findings(docx)
    assert len(got) == len(EXPECTED[name])


def test_nhap_takes_an_odt(tmp_path: Path) -> None:
    odt = libreoffice(CORPUS / "quyet-dinh-du-toan.txt", tmp_path, "odt")
    assert main(["nhap", "--content", str(tmp_path / "content"), str(odt), "qd"]) == 0
    opening = (tmp_path / "content" / "qd" / "00-mo-dau.md").read_text(encoding="utf-8")
    assert "loai: QUYẾT ĐỊNH" in opening


def test_without_libreoffice_an_odt_is_refused_saying_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    odt = libreoffice(CORPUS / "quyet-dinh-du-toan.txt", tmp_path, "odt")
    monkeypatch.setenv("PATH", str(tmp_path / "khong-co"))
    monkeypatch.delenv("ProgramFiles", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    assert main(["soat", str(odt)]) == UsageError.exit_code
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert str(odt) in line and "LibreOffice" in line and ".docx" in line
