"""A document baocao did not build, as read: paragraphs and tables, each at a place a person finds.

`baocao soat` checks such a document and `baocao nhap` moves one into content/; both read it into
this model first, whatever it came as: a DOCX (baocao.received.read.docx), Markdown or plain
text (baocao.received.read.text). Every paragraph and every table row has an `anchor`, a
number that orders them as the document does; `Received.place` says where it is the way the file
counts: "12" (a line of a text file), "đoạn 12" (the 12th paragraph of a DOCX) or "bảng 2, dòng
5" (the 5th row of its 2nd table). Problems are kept at Position(path, anchor); in a text file the
anchor is a line, and the reader keeps where the text of each paragraph and cell stands in the file
(`places`, as parse's Text holds them: baocao.parse.blocks), for the column of what a problem is
about.

A received document rarely marks its headings: Word users type "I. ĐÁNH GIÁ …" in bold. The
outline (`heading_levels`) takes the headings a file marks (Markdown "#", Word's heading styles)
or, when it marks none, reads them from their numbering: "I." over "1." over "1.1." over "a)",
each new kind of number one level deeper than the kind above it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from baocao.ooxml.tables import LEFT as LEFT  # re-exported: the grid's marks, for every table
from baocao.ooxml.tables import UP as UP
from baocao.parse.blocks import Place
from baocao.parse.outline import ARTICLE
from baocao.parse.table import ROMAN

# What a merged cell is: "" its own text, LEFT part of the cell on its left (a Word gridSpan,
# "<"), UP part of the cell above (vMerge, "^"), MISSING no cell at all (a short row).
MISSING = "missing"
FIRST_WORDS = 8  # words of a place quoted after its position
# Where a text stands in a text file: (offset in the text, place) pairs, the character at each
# offset at that place and those after it at the next columns, up to the next pair (parse's
# Text.places). Empty for a DOCX.
Places = tuple[tuple[int, Place], ...]


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph's text with its emphasis, as Word stores it."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its text (line breaks "\\n", a Word list's number or bullet written in front),
    its runs (a DOCX's; empty for text), its style's name, and its heading level when the file
    marks it (Markdown "#", Word's heading styles; 0 otherwise). `lines` gives, for a text file,
    the source line of each of its lines, and `places` where each character of its text stands
    (a line end: just after its line's last character)."""

    anchor: int
    text: str
    runs: tuple[Run, ...] = ()
    style: str = ""
    heading: int = 0
    lines: tuple[int, ...] = ()
    places: Places = field(default=(), compare=False)


@dataclass(frozen=True)
class Cell:
    """A table cell on the table's grid: its text, or how it belongs to another (LEFT, UP) or is
    missing from a short row (MISSING); a DOCX cell keeps its paragraphs too, with their styles.
    In a text file, `column` is where the cell starts on its row's line (its text's first
    character, or just after the "|" or tab before an empty cell; 1 for a MISSING cell, which
    the line lacks, and in a DOCX) and `places` where each character of its text stands."""

    text: str
    merged: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    column: int = field(default=1, compare=False)
    places: Places = field(default=(), compare=False)
    formula: bool = field(default=False, compare=False)  # a workbook's cell its formula computes


@dataclass(frozen=True)
class Row:
    """A table row, one Cell per column of the table's grid."""

    anchor: int
    cells: tuple[Cell, ...]

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True)
class Table:
    """A table, the `number`-th of its document. `merges_known` says whether its merged cells are
    marked (a DOCX, or Markdown's "<" and "^"); a tab-separated table's are not."""

    number: int
    rows: tuple[Row, ...]
    style: str = ""
    merges_known: bool = True

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


Block = Paragraph | Table


@dataclass(frozen=True)
class Received:
    """A received document: its blocks in order, the place of each anchor in it, and what it
    holds that could not be read (a DOCX's content imported from an RTF part), at its place."""

    path: Path
    kind: str  # "docx", "odt", "pdf", "markdown" or "text"
    blocks: tuple[Block, ...]
    places: dict[int, str] = field(default_factory=dict)
    unread: tuple[tuple[int, str], ...] = ()  # (anchor, which part) of content not read
    notes: tuple[Paragraph, ...] = ()  # a DOCX's footnotes and endnotes, at their places

    def place(self, anchor: int) -> str:
        """ "12", "đoạn 12" or "bảng 2, dòng 5"."""
        return self.places.get(anchor, str(anchor))

    def where(self, anchor: int) -> str:
        """A place in a sentence: "dòng 12" (a text file's line), "đoạn 12", "bảng 2, dòng 5"."""
        place = self.place(anchor)
        return f"dòng {place}" if place.isdigit() else place

    @cached_property
    def texts(self) -> dict[int, str]:
        """Each anchor's text: a paragraph's (a text file's lines each their own), or a row's
        cells joined."""
        out: dict[int, str] = {}
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out[block.anchor] = block.text
                for line, text in zip(block.lines, block.text.split("\n"), strict=False):
                    out[line] = text  # a text file's line: its own words
            else:
                for row in block.rows:
                    cells = [c.text for c in row.cells if not c.merged and c.text.strip()]
                    out[row.anchor] = " ".join(cells)
        for note in self.notes:
            out[note.anchor] = note.text
        return out

    def first_words(self, anchor: int) -> str:
        """The first words of a place, to find it by: “Kinh phí đề xuất: 300.000.000 đồng…”."""
        words = self.texts.get(anchor, "").split()
        shown = " ".join(words[:FIRST_WORDS])
        return shown + ("…" if len(words) > FIRST_WORDS else "")

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


# ---------------------------------------------------------------------------------------------
# The outline

# The kinds of heading number, each with the text that must follow it.
NUMBERINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phan", re.compile(r"(?:PHẦN|Phần)\s+(?:[IVX]+|\d+|thứ\s+\w+)\b[.:]?\s*")),
    ("chuong", re.compile(r"(?:CHƯƠNG|Chương)\s+(?:[IVX]+|\d+)\b[.:]?\s*")),
    ("muc", re.compile(r"(?:MỤC|Mục)\s+\d+\b[.:]?\s*")),
    ("roman", re.compile(rf"{ROMAN.pattern}[.)]\s+")),
    ("upper", re.compile(r"[A-ZĐ][.)]\s+")),
    ("number3", re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+")),
    ("number2", re.compile(r"\d{1,2}\.\d{1,2}\.?\s+")),
    ("number", re.compile(r"\d{1,2}[.)]\s+")),
    ("lower", re.compile(r"[a-zđ][.)]\s+")),
)
# Paragraphs that end a stretch of the body whatever their number: an appendix, the recipients.
BOUNDARY = re.compile(r"(?:phụ\s+lục\b.{0,40}|nơi\s+nhận\s*:?)", re.IGNORECASE)
HEADING_MAX_CHARACTERS = 300
HEADING_MAX_WORDS = 45


# Thousands grouped another way than with ".": with "," ("1,200,000", as software in English
# writes them) or with a space, a non-breaking or a narrow one ("3 000 000 đồng"). Read as the
# figure they are, each separator becomes "." in its place: the text keeps its length, so every
# character stays at its column. A single group is read so only before "đồng" ("700,000 đồng":
# đồng have no decimals); elsewhere it is left alone ("1,500 tỷ" is a decimal, "năm 2026 100
# hộ" two numbers).
_COMMAS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,.]\d|\d)")
_SPACES = re.compile(
    r"(?<![\d.,])\d{1,3}(?:(?P<s>[ \u00a0\u202f])\d{3})(?:(?P=s)\d{3})*(?![\d,.]\d|\d)"
)
_CURRENCY = re.compile(r"\s*(?:đồng|đ\b|vnđ|vnd)", re.IGNORECASE)


def grouped(text: str) -> str:
    """Text with its thousands written "1,200,000" or "3 000 000 đồng" as "1.200.000" and
    "3.000.000 đồng", each character where it was."""
    if "," not in text and not any(c in text for c in " \u00a0\u202f"):
        return text

    def commas(match: re.Match[str]) -> str:
        figure = match.group(0)
        if figure.count(",") < 2 and not _CURRENCY.match(text, match.end()):
            return figure  # "1,500 tỷ", "13.646,269": a decimal comma
        return figure.replace(",", ".")

    text = _COMMAS.sub(commas, text)

    def spaced(match: re.Match[str]) -> str:
        figure = match.group(0)
        groups = figure.count(match.group("s"))
        if groups < 2 and not _CURRENCY.match(text, match.end()):
            return figure
        return figure.replace(match.group("s"), ".")

    return _SPACES.sub(spaced, text)


def plain(text: str) -> str:
    """Text as compared: NFC, emphasis marks and surrounding spaces gone, spaces single."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.replace("*", " ").split()) if "*" in text else " ".join(text.split())


def numbering(text: str) -> str | None:
    """The kind of heading number `text` opens with ("roman" for "IV. …"), if it reads as a
    heading: short, with words after the number, not ending like a sentence (".", ";", ",")."""
    if "\n" in text.strip():
        return None
    text = plain(text)
    if not text or len(text) > HEADING_MAX_CHARACTERS or ARTICLE.match(text):
        return None
    if text.rstrip("”\"')").endswith((".", ";", ",")):
        return None
    if len(text.split()) > HEADING_MAX_WORDS:
        return None
    for kind, pattern in NUMBERINGS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return kind
    return None


def heading_levels(received: Received) -> dict[int, int]:
    """Each heading paragraph's level (1 the top), by anchor.

    The headings the file marks, when it marks any (plus the boundaries: "Phụ lục …", "Nơi nhận:"
    at level 1); otherwise the numbered ones: a kind of number seen higher in the current branch
    closes the levels under it, a new kind opens a level under the current one."""
    paragraphs = received.paragraphs
    if any(p.heading for p in paragraphs):
        levels = {p.anchor: p.heading for p in paragraphs if p.heading}
        for p in paragraphs:
            if not p.heading and BOUNDARY.fullmatch(plain(p.text)):
                levels[p.anchor] = 1
        return levels
    levels = {}
    stack: list[str] = []
    for p in paragraphs:
        if BOUNDARY.fullmatch(plain(p.text)):
            stack = ["boundary"]
            levels[p.anchor] = 1
            continue
        kind = numbering(p.text)
        if kind is None:
            continue
        if kind in stack:
            del stack[stack.index(kind) + 1 :]
        else:
            stack.append(kind)
        levels[p.anchor] = len(stack)
    return levels
