"""`baocao build --pdf`: the PDF/A-2b an office sends through the electronic document system.

The sample and every kind's example are built with `--pdf`; pikepdf reads the PDF/A
identification and the metadata, poppler's `pdffonts` that every font is embedded, and
`pdftotext` that the pages are those LibreOffice gives the same DOCX as an ordinary PDF: the
same page count and the same lines on each page. Without LibreOffice the DOCX is still built,
and one line says how to install it (exit 2). Skipped, with the reason, where LibreOffice or
poppler is missing (.ci/run installs them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

import docx
from baocao.build import build_document, ready_document
from baocao.export.pdf import LANGUAGE, author
from conftest import CONTENT, KIND_NAMES, KINDS, SAMPLE
from office import skip_without_pdf_tools, to_pdf

DOCUMENTS = [SAMPLE, *KIND_NAMES]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Path]]:
    """Every document built with `--pdf`: name → (its folder, its DOCX, its PDF)."""
    skip_without_pdf_tools()
    if shutil.which("pdffonts") is None:
        pytest.skip("cần pdffonts để xem phông chữ (apt-get install poppler-utils)")
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(KINDS, content, dirs_exist_ok=True)
    shutil.copytree(CONTENT / SAMPLE, content / SAMPLE)
    output = tmp_path_factory.mktemp("output")
    out = {}
    for name in DOCUMENTS:
        result = build_document(content / name, output, frozenset({"pdf"}))
        assert not result.unexported, result.unexported
        pdf = output / f"{name}.pdf"
        assert result.exported == (pdf,)
        out[name] = (content / name, result.target, pdf)
    return out


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_a_2b_with_every_font_embedded(built: dict[str, tuple[Path, Path, Path]], name: str):
    _, _, pdf = built[name]
    with pikepdf.open(pdf) as opened:
        assert opened.open_metadata().pdfa_status == "2B"
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = listing.stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        embedded = line.split()[-5]  # emb sub uni object-id generation
        assert embedded == "yes", line


@pytest.mark.parametrize("name", DOCUMENTS)
def test_metadata_title_author_language_and_the_docx_dates(
    built: dict[str, tuple[Path, Path, Path]], name: str
) -> None:
    folder, docx_path, pdf = built[name]
    document, _ = ready_document(folder)
    created = docx.Document(str(docx_path)).core_properties.created
    assert created is not None
    with pikepdf.open(pdf) as opened:
        info = opened.docinfo
        meta = opened.open_metadata()
        assert str(info["/Title"]) == document.front.subject == meta["dc:title"]
        assert str(info["/Author"]) == author(document.front) == meta["dc:creator"][0]
        assert author(document.front)
        assert str(opened.Root.Lang) == LANGUAGE and LANGUAGE in meta["dc:language"]
        for key in ("xmp:CreateDate", "xmp:ModifyDate"):
            stamp = datetime.fromisoformat(meta[key])
            assert stamp == created.replace(tzinfo=created.tzinfo or UTC)


def test_the_pages_are_libreoffices(
    built: dict[str, tuple[Path, Path, Path]], tmp_path: Path
) -> None:
    names = list(built)
    plain = to_pdf([built[n][1] for n in names], tmp_path, timeout=600)
    for name, ordinary in zip(names, plain, strict=True):
        archival = built[name][2]
        assert pages_text(archival) == pages_text(ordinary), name


def pages_text(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [[line.rstrip() for line in page.splitlines()] for page in text.split("\f")]


def build_pdf(content: Path, output: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`baocao build SAMPLE --pdf` in a process of its own, with `env`."""
    return subprocess.run(
        [sys.executable, "-m", "baocao", "build", SAMPLE, "--pdf", "-o", str(output),
         "--content", str(content)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def test_without_libreoffice_the_docx_is_built_and_one_line_says_how(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / SAMPLE, content / SAMPLE)
    output = tmp_path / "output"
    empty = tmp_path / "no-programs"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "BAOCAO_SOFFICE"}
    env["PATH"] = str(empty)
    result = build_pdf(content, output, env)
    assert result.returncode == 2, result.stderr
    assert (output / f"{SAMPLE}.docx").is_file()
    assert not (output / f"{SAMPLE}.pdf").exists()
    last = result.stderr.strip().splitlines()[-1]
    assert "LibreOffice" in last and "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in LibreOffice is a sh script")
def test_a_failed_conversion_leaves_no_older_pdf(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / SAMPLE, content / SAMPLE)
    output = tmp_path / "output"
    output.mkdir()
    older = output / f"{SAMPLE}.pdf"
    older.write_bytes(b"%PDF- an older build")
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    env = dict(os.environ, BAOCAO_SOFFICE=str(broken))
    result = build_pdf(content, output, env)
    assert result.returncode == 1, result.stderr
    assert (output / f"{SAMPLE}.docx").is_file()
    assert not older.exists()
    assert "Traceback" not in result.stderr
