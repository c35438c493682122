"""A received text of the corpus (tests/received/corpus/) made into a DOCX by LibreOffice, as an
office gets one: a .txt converted as it is (`soffice --convert-to docx`: each line a paragraph,
a table typed with tabs or "|" kept as typed text); a Markdown file through HTML, so that its
tables become Word tables with their merged cells (colspan, rowspan from its "<" and "^")."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from baocao.received.read.blocks import LEFT, UP, Paragraph, Table
from baocao.received.read.text import read_text

SOFFICE = shutil.which("soffice")


def need_soffice() -> str:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) chưa cài: .ci/run cài nó")
    return SOFFICE


def libreoffice_docx(source: Path, folder: Path) -> Path:
    """The DOCX LibreOffice makes of `source` (a .txt as it is, a .md through HTML), in
    `folder`."""
    return libreoffice(source, folder, "docx:MS Word 2007 XML")


def libreoffice(source: Path, folder: Path, target: str) -> Path:
    """What LibreOffice makes of `source` (a .txt as it is, a .md through HTML) as `target`
    ("docx:MS Word 2007 XML", "pdf"), in `folder`, with a profile of its own there."""
    soffice = need_soffice()
    folder.mkdir(parents=True, exist_ok=True)
    if source.suffix == ".md":
        page = folder / f"{source.stem}.html"
        page.write_text(_html(source), encoding="utf-8")
        source = page
    elif source.parent != folder:
        source = shutil.copy(source, folder / source.name)
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    made = folder / f"{source.stem}.{target.split(':')[0]}"
    assert made.is_file(), f"LibreOffice made no {made.name}"
    return made


def _html(source: Path) -> str:
    """A Markdown file of the corpus as an HTML page: its paragraphs and headings, its tables
    with their merged cells."""
    received = read_text(source, source.read_text(encoding="utf-8"), markdown=True)
    body: list[str] = []
    for block in received.blocks:
        if isinstance(block, Paragraph):
            tag = f"h{block.heading}" if block.heading else "p"
            lines = "<br>".join(html.escape(line) for line in block.text.split("\n"))
            body.append(f"<{tag}>{lines}</{tag}>")
        else:
            body.append(_table(block))
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        + "\n".join(body)
        + "</body></html>"
    )


def _table(table: Table) -> str:
    rows = [list(row.cells) for row in table.rows]
    out = ['<table border="1">']
    for r, cells in enumerate(rows):
        out.append("<tr>")
        for c, cell in enumerate(cells):
            if cell.merged in (LEFT, UP):
                continue
            span = 1
            while c + span < len(cells) and cells[c + span].merged == LEFT:
                span += 1
            down = 1
            while r + down < len(rows) and rows[r + down][c].merged == UP:
                down += 1
            attributes = (f' colspan="{span}"' if span > 1 else "") + (
                f' rowspan="{down}"' if down > 1 else ""
            )
            out.append(f"<td{attributes}>{html.escape(cell.text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)
