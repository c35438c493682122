"""soat's own codes, BC7xx: each example of docs/ma-loi.md is a received text that `baocao soat`
prints that very line for, its code at the line and column of the amount (or the table cell) the
problem is about; the same prose as a DOCX gets the same codes at its paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.cli import main
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from conftest import ROOT

LIST = ROOT / "docs" / "ma-loi.md"
SECTION = re.compile(r"^### (BC7[0-4]\d) · .*?(?=^### |^## |\Z)", re.M | re.S)  # soat's own
RECEIVED = re.compile(r"^```text\n(.*?)^```$", re.M | re.S)
PRINTED = re.compile(r"^`(bao-cao-thon\.txt:.*)`$", re.M)


def examples() -> list[tuple[str, str, str]]:
    """(code, received text, the line soat prints for it) of each section of soat's own codes."""
    out = []
    for section in SECTION.finditer(LIST.read_text(encoding="utf-8")):
        received, printed = RECEIVED.search(section.group(0)), PRINTED.search(section.group(0))
        assert received and printed, section.group(1)
        out.append((section.group(1), received.group(1), printed.group(1)))
    return out


EXAMPLES = examples()
NAMES = [code for code, _, _ in EXAMPLES]


def test_every_code_of_soat_s_own_has_its_example() -> None:
    own = [c.code for c in codes.known().values() if re.fullmatch(r"BC7[0-4]\d", c.code)]
    assert NAMES == own


@pytest.mark.parametrize(("code", "received", "printed"), EXAMPLES, ids=NAMES)
def test_the_example_prints_its_line(
    code: str,
    received: str,
    printed: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "bao-cao-thon.txt").write_text(received, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    warning = codes.known()[code].warning
    assert main(["soat", "bao-cao-thon.txt"]) == (0 if warning else 1)
    out, _ = capsys.readouterr()
    assert out == f"{printed}\n"
    assert f": {code} " in printed


TABLE_SECTION = re.compile(r"^### (BC75\d) · .*?(?=^### |^## |\Z)", re.M | re.S)  # its tables
TABLE = re.compile(r"^```(?:text|md)\n(.*?)^```$", re.M | re.S)
PRINTED_AS = re.compile(r"^`((nhan\.(?:txt|md)):.*)`$", re.M)


def table_examples() -> list[tuple[str, str, str, str]]:
    """(code, file name, received text, the line soat prints) of each received-table code."""
    out = []
    for section in TABLE_SECTION.finditer(LIST.read_text(encoding="utf-8")):
        received, printed = TABLE.search(section.group(0)), PRINTED_AS.search(section.group(0))
        assert received and printed, section.group(1)
        out.append((section.group(1), printed.group(2), received.group(1), printed.group(1)))
    return out


TABLE_EXAMPLES = table_examples()


def test_every_received_table_code_has_its_example() -> None:
    own = [c.code for c in codes.known().values() if re.fullmatch(r"BC75\d", c.code)]
    assert [code for code, *_ in TABLE_EXAMPLES] == own


@pytest.mark.parametrize(
    ("code", "name", "received", "printed"), TABLE_EXAMPLES, ids=[e[0] for e in TABLE_EXAMPLES]
)
def test_the_table_example_prints_its_line(
    code: str,
    name: str,
    received: str,
    printed: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / name).write_text(received, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["soat", name]) == 1
    out, _ = capsys.readouterr()
    assert out == f"{printed}\n"
    assert f": {code} " in printed


def as_docx(text: str, target: Path) -> Path:
    """A received text as Word users type it: each non-blank line a paragraph, tab-separated
    lines a table."""
    document = docx.Document()
    lines = [line for line in text.split("\n") if line.strip()]
    k = 0
    while k < len(lines):
        if "\t" not in lines[k]:
            document.add_paragraph(lines[k])
            k += 1
            continue
        rows = []
        while k < len(lines) and "\t" in lines[k]:
            rows.append(lines[k].split("\t"))
            k += 1
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                table.cell(r, c).text = cell
    document.save(str(target))
    return target


@pytest.mark.parametrize(("code", "received", "printed"), EXAMPLES, ids=NAMES)
def test_the_example_as_a_docx_has_its_code_at_its_paragraph(
    code: str, received: str, printed: str, tmp_path: Path
) -> None:
    document = read_received(as_docx(received, tmp_path / "bao-cao-thon.docx"))
    (problem,) = check_received(document).problems
    assert (problem.code.code, problem.position.column) == (code, 1)
    line = int(printed.split(":")[1])  # its paragraph: the text's paragraphs up to its line
    before = [t for t in received.split("\n")[:line] if t.strip() and "\t" not in t]
    assert document.place(problem.position.line) == f"đoạn {len(before)}"
