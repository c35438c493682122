"""A received PDF with a text layer, read with pypdf into the lines a person sees on each page.

Documents reach a commune as PDF from the electronic document systems, exported from Word: their
text is there, placed on the page. pypdf (a well-kept, pure-Python reader) gives each page's text
in its layout: lines as they stand, a blank line where the page leaves a gap, the columns of a
table as runs of spaces. Those lines are read as a text file is (baocao.received.read.text): a
gap ends a paragraph, and a run of two lines or more whose cells stand apart by two spaces or
more is a table, its cells between tabs. The place of each finding is the page and the line
with text on it, as a person counts them: "trang 2, dòng 14".

What a PDF does not keep cannot be read back: a table typed with tabs (text, not a Word table)
loses its columns on the page, so a row whose first cells are empty may read short (BC750); a
Word table whose cells wrap their text over several lines is read as those lines. A table of one
line a row, its columns apart, is read as the table it is.

A PDF without text (a scan, a photograph) is refused with a message saying so: its words are an
image baocao does not read. So is a PDF with a password, a broken one, and one whose pages or
text pass the bounds below.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from baocao.received.read.blocks import Received
from baocao.received.read.text import read_text

PAGES = 2_000  # a report is tens of pages; a PDF of more is no document to check
CHARACTERS = 8_000_000  # the text of all its pages
GAP = re.compile(r"\S(\s{2,})(?=\S)")  # two spaces or more between two words: a column's edge
# What no text file holds: half a surrogate pair (a broken font's mapping) and control
# characters, each shown as "�".
UNTYPABLE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
INDENT = 2  # a row opening with this many spaces leaves its first cell empty
CELLS = 3  # a line is a table's row with this many cells at least


class PdfError(ValueError):
    """The PDF cannot be read; the message says why, in Vietnamese."""


def read_pdf(path: Path, data: bytes) -> Received:
    """The paragraphs and tables of a PDF's text layer, each at its page and line."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are English, for developers
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError("tệp PDF có đặt mật khẩu: xin bản không đặt mật khẩu")
        if len(reader.pages) > PAGES:
            raise PdfError(f"tệp PDF có hơn {PAGES:_} trang".replace("_", "."))
        pages = []
        characters = 0
        for page in reader.pages:
            laid_out = page.extract_text(extraction_mode="layout")
            characters += len(laid_out)
            if characters > CHARACTERS:
                raise PdfError("chữ của tệp PDF quá nhiều cho một văn bản (tệp bất thường)")
            pages.append(UNTYPABLE.sub("\ufffd", laid_out))
    except PdfError:
        raise
    except RecursionError:
        raise PdfError("tệp PDF lồng quá sâu, không đọc được (tệp bất thường)") from None
    except (PyPdfError, Exception):  # what pypdf raises on a broken PDF varies: a filter name
        # it misreads (NotImplementedError), ValueError, KeyError…; each is the same thing to
        # the user, one line and exit 2, never a traceback
        raise PdfError("tệp PDF hỏng, không đọc được") from None
    if not any(text.strip() for text in pages):
        raise PdfError(
            "tệp PDF không có chữ, chỉ có hình (bản quét hoặc ảnh chụp): baocao chỉ đọc được PDF "
            "có lớp chữ; xin bản Word (.docx), hoặc bản PDF xuất từ Word"
        )
    lines, where = _lines(pages)
    read = read_text(path, "\n".join(lines), markdown=False)
    places = {line: place for line, place in enumerate(where, start=1) if place}
    return Received(path, "pdf", read.blocks, places)


def _lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """All pages' lines in order, a blank line between pages, those of tables with their cells
    between tabs; and the place of each ("trang 2, dòng 14", "" for a blank line)."""
    lines: list[str] = []
    where: list[str] = []
    for number, page in enumerate(pages, start=1):
        counted = 0
        for line in page.split("\n"):
            line = line.rstrip()
            if line.strip():
                counted += 1
                where.append(f"trang {number}, dòng {counted}")
            else:
                where.append("")
            lines.append(line)
        lines.append("")
        where.append("")
    return _tabbed(lines), where


def _cells(line: str) -> list[str] | None:
    """A line's cells when it reads as a table's row: three at least, two spaces or more apart;
    a row opening with spaces has an empty first cell."""
    body = line.strip()
    pieces = [p for p in re.split(r"\s{2,}", body) if p]
    if len(line) - len(line.lstrip()) >= INDENT and pieces:
        pieces.insert(0, "")
    return pieces if len(pieces) >= CELLS else None


def _tabbed(lines: list[str]) -> list[str]:
    """The lines, those in a run of two rows or more (blank lines between them allowed) with
    their cells between tabs; the others with their spaces single, as a paragraph's words."""
    cells = [_cells(line) for line in lines]
    blank = [not line.strip() for line in lines]

    def beside(k: int, step: int) -> bool:
        """Whether the nearest line with text before (-1) or after (1) the k-th is a row."""
        j = k + step
        while 0 <= j < len(lines) and blank[j]:
            j += step
        return 0 <= j < len(lines) and cells[j] is not None

    out = []
    for k, line in enumerate(lines):
        row = cells[k]
        if row is not None and (beside(k, -1) or beside(k, 1)):
            out.append("\t".join(row))
        else:
            out.append(" ".join(line.split()))
    return out
