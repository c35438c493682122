"""The sample report as received, made into a DOCX the way Word users make one (python-docx).

tests/fixtures/received/bao-cao-nhan-duoc.txt is the text the commune office sent; its DOCX had
a header table and a signature table that the copy to text flattened ("Số: /BC-UBND Xã …" on
one line, the agency lost), and its appendix as a Word table. This builds that DOCX back, with
nothing a person would not type in Word: Normal paragraphs, bold headings and amounts (the
text's "**…**"), italic labels ("*…*"), a two-column borderless table for the header (the
agency as the as-received fixture states it) and one for Nơi nhận and the signature, and the
appendix table with its header cells merged (the 2026 columns across, TT, NỘI DUNG and the
2027 columns down) and the row whose code swallowed its name merged across TT and NỘI DUNG, as
its 7 cells in the text show. No binary file is committed: the tests build it.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.table import _Cell
from docx.text.paragraph import Paragraph

import docx

SEED = Path(__file__).parent / "fixtures" / "received" / "bao-cao-nhan-duoc.txt"
AGENCY = ["ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"]  # as tests/fixtures/as-received states
HEADING = re.compile(r"(?:[IVX]+\.|[A-Z]\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s\S")
WIDTH = 8  # the appendix table's columns


def _runs(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """Text with the seed's "**…**" (bold) and "*…*" (italic) marks as Word runs."""
    strong, italic = bold, False
    for piece in re.split(r"(\*\*|\*)", text):
        if piece == "**":
            strong = not strong
        elif piece == "*":
            italic = not italic
        elif piece:
            run = paragraph.add_run(piece)
            run.bold, run.italic = strong or None, italic or None


def _lines(cell: _Cell, lines: list[str], bold: bool = False) -> None:
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            _runs(paragraph, line, bold)


def received_docx(target: Path) -> Path:
    """Write the received sample as a DOCX at `target`; return it."""
    seed = SEED.read_text(encoding="utf-8").split("\n")
    lines = [line for line in seed if line.strip()]
    document = docx.Document()

    number, place_date = lines[0].split(" Xã ", 1)
    header = document.add_table(rows=2, cols=2)
    _lines(header.cell(0, 0), [*AGENCY, "_______"], bold=True)
    _lines(header.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    _lines(header.cell(1, 0), [number.replace("Số: ", "Số:      ")])
    _lines(header.cell(1, 1), [f"Xã {place_date}".replace("ngày tháng", "ngày     tháng")])

    recipients = lines.index("Nơi nhận:")
    appendix = lines.index("Phụ lục")
    for k, line in enumerate(lines[1:recipients], start=1):
        paragraph = document.add_paragraph()
        centred = k <= 2  # the type and the subject
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, line, bold=centred or bool(HEADING.match(line)))

    signer = lines.index("TM. ỦY BAN NHÂN DÂN")
    signature = document.add_table(rows=1, cols=2)
    _lines(signature.cell(0, 0), lines[recipients:signer])
    name = lines[appendix - 1]
    _lines(signature.cell(0, 1), [*lines[signer : appendix - 1], "", "", name], bold=True)

    start = next(k for k, line in enumerate(lines) if line.startswith("TT\t"))
    heading = document.add_paragraph()
    heading.add_run().add_break(WD_BREAK.PAGE)
    _runs(heading, "Phụ lục", bold=True)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in lines[appendix + 1 : start]:
        paragraph = document.add_paragraph()
        paragraph.alignment = (
            WD_ALIGN_PARAGRAPH.RIGHT if line.startswith("Đơn vị") else WD_ALIGN_PARAGRAPH.CENTER
        )
        _runs(paragraph, line, bold=line.isupper())
    rows = [line.split("\t") for line in lines[start:]]
    table = document.add_table(rows=len(rows), cols=WIDTH)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        shift = WIDTH - len(cells)  # a short row: its first cell spans the missing ones
        for c, text in enumerate(cells):
            column = c + shift if c else 0
            table.cell(r, column).text = text.strip()
        if shift:
            table.cell(r, 0).merge(table.cell(r, shift))
    table.cell(0, 2).merge(table.cell(0, 4))
    for column in (0, 1, 5, 6, 7):
        table.cell(0, column).merge(table.cell(1, column))
    document.save(str(target))
    return target
