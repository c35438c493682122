"""A received DOCX into paragraphs and tables (lxml on the package's XML, nothing written).

What a reader of the document sees is kept, as Word shows it:

- the body's paragraphs in order, each with its runs (bold, italic), its style's name, and the
  number or bullet of a Word list written in front ("1. ", "a) ", "- "), counted as Word counts;
  its heading level when its style is a heading (or carries an outline level);
- each table on its grid: a cell merged across columns (gridSpan) fills its first column and
  marks the others LEFT, a cell merged down (vMerge) marks the rows under it UP, a short row
  (gridBefore, gridAfter) has MISSING cells; each cell keeps its paragraphs;
- a table typed as text, two paragraphs or more in a row with their cells between "|" or tabs
  (Word keeps a table pasted from elsewhere so), as a table whose merges are not known, as the
  same text in a .txt file is read (baocao.received.read.text).

A table nested in a table's cell is read as a table of its own, after the table it stands in;
content imported from another part (w:altChunk) is read when it is HTML or plain text, and noted
as not read otherwise (`Received.unread`), never dropped. Every part is read within the bounds
of baocao.ooxml.limits. Deleted text of tracked changes, drawings and the fallback copies of
alternate content are left out; the paragraphs of a text box (Word users often set the header
in two) come before the paragraph it is anchored in. The places are those a person counts:
"đoạn N" is the N-th paragraph with text outside the tables, "bảng T, dòng R" the R-th row of
the T-th table.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from baocao.ooxml.archive import Archive, ArchiveError
from baocao.ooxml.elements import content_children
from baocao.ooxml.limits import (
    check_document,
    check_part,
    check_size,
    read_part,
    read_within_limits,
)
from baocao.ooxml.namespaces import qn
from baocao.ooxml.numbering import ListLevel, list_levels
from baocao.ooxml.opc import read_relationships
from baocao.ooxml.paragraphs import (
    BODY_LEVEL,
    numbering,
    outline_level,
    paragraph_style,
    text_boxes,
)
from baocao.ooxml.styles import based_on, stored_style_name, style_id
from baocao.ooxml.tables import grid_rows, table_style_id
from baocao.ooxml.text import TAB, emphasis, run_text, runs
from baocao.parse.outline import roman
from baocao.parse.syntax import cells_at, is_delimiter_row
from baocao.received.read.blocks import (
    LEFT,
    MISSING,
    UP,
    Block,
    Cell,
    Paragraph,
    Received,
    Row,
    Run,
    Table,
    grouped,
)

DOCUMENT, STYLES, NUMBERING = "word/document.xml", "word/styles.xml", "word/numbering.xml"
HEADING_STYLE = re.compile(r"(?:heading|tiêu đề|title)\s*(\d)", re.IGNORECASE)
_P, _TBL, _PPR = qn("w:p"), qn("w:tbl"), qn("w:pPr")


class DocxError(ValueError):
    """The file is no DOCX that can be read; the message says why, in Vietnamese."""


def read_docx(path: Path, data: bytes) -> Received:
    """The paragraphs and tables of a DOCX's body, each at its place."""
    try:
        with Archive(data) as package:
            if DOCUMENT not in package:
                raise DocxError("tệp nén này không có phần văn bản của Word (word/document.xml)")
            parts = read_within_limits(package)
            document = parts.document
            assert document is not None
            styles = read_part(package, STYLES) if STYLES in package else None
            chunks = _chunks(package, document)
            notes = [(name, _note_part(package, name)) for name in NOTES if name in package]
    except ArchiveError as exc:
        raise DocxError(str(exc)) from None
    body = document.find(qn("w:body"))
    if body is None:
        raise DocxError("phần văn bản của Word không có thân văn bản (w:body)")
    reader = _Reader(_Styles.of(styles), _Numbering(list_levels(parts.numbering)), chunks)
    reader.body(body)
    reader.flush_nested()
    for name, root in notes:
        reader.notes(root, NOTES[name])
    return Received(
        path,
        "docx",
        tuple(reader.blocks),
        reader.places,
        tuple(reader.unread),
        tuple(reader.footnotes),
    )


# Footnotes and endnotes: their text is the document's (a figure and its words may stand in
# one), read after the body, each at "chú thích N" (the N-th with text) or "chú thích cuối N".
NOTES = {"word/footnotes.xml": "chú thích", "word/endnotes.xml": "chú thích cuối"}
_NOTE_TYPE = qn("w:type")


def _note_part(package: Archive, name: str) -> etree._Element:
    """A notes part, within the bounds of a document part."""
    root = read_part(package, name)
    check_document(name, root)
    return root


# Content a document imports from a part of another format (w:altChunk): HTML and plain text
# are read as paragraphs, anything else (RTF, another DOCX, MHT) is reported as not read.
_ALT_CHUNK = qn("w:altChunk")
_RELATION_ID = qn("r:id")
RELATIONS = "word/_rels/document.xml.rels"
HTML_CHUNK = (".html", ".htm", ".xhtml")
TEXT_CHUNK = (".txt",)


@dataclass(frozen=True)
class _Chunk:
    """An imported part: its name in the package, and its lines of text when it can be read
    (None: a format baocao does not read)."""

    name: str
    lines: tuple[str, ...] | None


def _chunks(package: Archive, document: etree._Element) -> dict[str, _Chunk]:
    """Each imported part the body names (w:altChunk), by its relationship id."""
    wanted = {e.get(_RELATION_ID) for e in document.iter(_ALT_CHUNK)}
    wanted.discard(None)
    if not wanted or RELATIONS not in package:
        return {}
    blob = package.read(RELATIONS)
    check_part(RELATIONS, blob)
    try:
        relations = read_relationships(blob)
    except etree.XMLSyntaxError:
        raise DocxError(f"phần {RELATIONS} hỏng, không đọc được") from None
    found: dict[str, _Chunk] = {}
    for ident, _, target, external in relations:
        if ident not in wanted:
            continue
        name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
        if external or name not in package:  # never a file outside the package
            found[ident] = _Chunk(target, None)
            continue
        suffix = posixpath.splitext(name)[1].lower()
        if suffix not in HTML_CHUNK + TEXT_CHUNK:
            found[ident] = _Chunk(name, None)
            continue
        check_size(name, package.size(name))  # before it is inflated
        blob = package.read(name)
        check_part(name, blob)
        try:
            text = blob.decode("utf-8-sig")
        except UnicodeDecodeError:
            found[ident] = _Chunk(name, None)
            continue
        lines = _html_lines(text) if suffix in HTML_CHUNK else text.splitlines()
        found[ident] = _Chunk(name, tuple(lines))
    return found


class _HtmlLines(HTMLParser):
    """The text of an HTML page a line per block (paragraph, heading, list item, table row), a
    row's cells between tabs, as a table pasted as text keeps them."""

    BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "table"})
    SKIPPED = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping = 0

    def end_line(self) -> None:
        text = "".join(self.line)
        if text.strip():
            self.lines.append(text.strip(" \n"))
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.end_line()
        elif tag in ("td", "th") and self.line:
            self.line.append(TAB)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(" ".join(data.split()) if TAB not in data else data)


def _html_lines(text: str) -> list[str]:
    parser = _HtmlLines()
    parser.feed(text)
    parser.close()
    parser.end_line()
    return parser.lines


@dataclass(frozen=True)
class _Style:
    """A paragraph style of the DOCX: its name, parent, heading level and list numbering."""

    name: str
    based_on: str | None
    level: int  # heading level, 0 for none
    numbering: tuple[str, int] | None  # (numId, ilvl) the style's paragraphs are numbered with


def _heading_level(outline: int | None) -> int:
    """The heading level an outline level makes (w:outlineLvl 0 → 1), 0 for body text."""
    return outline + 1 if outline is not None and outline < BODY_LEVEL else 0


@dataclass
class _Styles:
    """The DOCX's paragraph styles by id."""

    by_id: dict[str, _Style] = field(default_factory=dict)

    @classmethod
    def of(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(qn("w:style")):
            ident = style_id(style)
            name = stored_style_name(style) or ident
            heading = HEADING_STYLE.fullmatch(name.strip())
            properties = style.find(_PPR)
            level = int(heading.group(1)) if heading else 0
            if not level:
                level = _heading_level(outline_level(properties))
            styles.by_id[ident] = _Style(name, based_on(style), level, numbering(properties))
        return styles

    def chain(self, ident: str | None) -> list[_Style]:
        out: list[_Style] = []
        while ident and ident in self.by_id and len(out) < 20:
            style = self.by_id[ident]
            out.append(style)
            ident = style.based_on
        return out


@dataclass
class _Numbering:
    """Word's list numbering: each list's levels, and the counts so far, per list."""

    levels: dict[str, dict[int, ListLevel]] = field(default_factory=dict)  # by numId
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    def marker(self, ident: str, level: int) -> str:
        """The next number or bullet of list `ident` at `level`, as Word prints it."""
        levels = self.levels.get(ident)
        if not levels or level not in levels:
            return ""
        counts = self.counts.setdefault(ident, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        shape = levels[level]
        if shape.format == "bullet":
            return _bullet(shape.text, level)
        if shape.format == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            if at not in levels:
                return ""
            count = counts.get(at, levels[at].start)
            return _formatted(count, levels[at].format)

        return re.sub(r"%([1-9])", number, shape.text)


def _bullet(text: str, level: int) -> str:
    """A bullet as typed text: "-" and "+" as Word shows them, any other symbol "-" (level 1)
    or "+" (level 2), as Vietnamese documents write their lists."""
    if text in ("-", "–", "—", "−", "‐"):
        return "-"
    if text == "+":
        return "+"
    return "+" if level % 2 else "-"


LETTERS = "abcdefghijklmnopqrstuvwxyz"


LETTERS_UP_TO = 26 * 10  # "jjjjjjjjjj": past it Word's letters are no number a reader reads
ROMAN_UP_TO = 3999  # "MMMCMXCIX", the largest Roman numeral written without a bar


def _formatted(count: int, form: str) -> str:
    """A list's number as Word writes it in `form`; as a decimal past what letters and Roman
    numerals write legibly (a list never counts so far but in a hostile file)."""
    if count > (ROMAN_UP_TO if "Roman" in form else LETTERS_UP_TO):
        return str(count)
    if form in ("lowerLetter", "upperLetter"):
        letters = LETTERS[(count - 1) % 26] * ((count - 1) // 26 + 1) if count > 0 else ""
        return letters.upper() if form == "upperLetter" else letters
    if form in ("lowerRoman", "upperRoman"):
        numeral = roman(max(count, 0))  # "" for a count below 1
        return numeral if form == "upperRoman" else numeral.lower()
    if form == "decimalZero":
        return f"{count:02d}"
    return str(count)


class _Reader:
    """Walks the body, numbering the places as it goes."""

    def __init__(
        self, styles: _Styles, numbering: _Numbering, chunks: dict[str, _Chunk] | None = None
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.chunks = chunks or {}
        self.unread: list[tuple[int, str]] = []  # (anchor, what) of content not read
        self.footnotes: list[Paragraph] = []  # footnotes and endnotes, after the body
        self.nested: list[etree._Element] = []  # tables found in cells, read after their table
        self.blocks: list[Block] = []
        self.places: dict[int, str] = {}
        self.anchor = 0
        self.paragraphs = 0
        self.tables = 0
        self.typed: list[tuple[Paragraph, str, str]] = []  # paragraphs typed as a table's rows

    def body(self, element: etree._Element) -> None:
        for child in content_children(element, _P, _TBL, _ALT_CHUNK):
            if child.tag == _ALT_CHUNK:
                self.flush_typed()
                self.alt_chunk(child)
            elif child.tag == _P:
                for box in text_boxes(child):  # a header typed in text boxes: read first
                    self.flush_typed()
                    self.body(box)
                paragraph = self.paragraph(child)
                if not paragraph.text.strip():
                    continue  # an empty paragraph: no place, and no end of a typed table
                self.take(paragraph, self.typed_line(child))
            else:
                self.flush_typed()
                self.table(child)
                self.flush_nested()
        self.flush_typed()

    def notes(self, root: etree._Element, label: str) -> None:
        """The notes of a footnotes or endnotes part, each one paragraph (its paragraphs'
        texts on lines of their own), not the separators Word keeps there."""
        count = 0
        for note in root:
            if note.get(_NOTE_TYPE) not in (None, "normal"):
                continue
            lines = [self.paragraph(p, 0).text.strip() for p in note.iter(_P)]
            text = "\n".join(line for line in lines if line)
            if not text:
                continue
            count += 1
            self.anchor += 1
            self.places[self.anchor] = f"{label} {count}"
            self.footnotes.append(Paragraph(self.anchor, text, (Run(text),)))

    def flush_nested(self) -> None:
        """The tables found in the cells of a table, each a table of its own after it, in the
        order they stand (and those in their cells after each)."""
        while self.nested:
            nested, self.nested = self.nested, []
            for element in nested:
                self.table(element)

    def alt_chunk(self, element: etree._Element) -> None:
        """Content imported from another part: its lines as paragraphs (a table pasted as text
        among them read as one), or a note that it is not read."""
        chunk = self.chunks.get(element.get(_RELATION_ID) or "")
        if chunk is None or chunk.lines is None:
            self.anchor += 1
            self.places[self.anchor] = f"sau đoạn {self.paragraphs}"
            self.unread.append((self.anchor, chunk.name if chunk else "altChunk"))
            return
        for line in chunk.lines:
            self.anchor += 1
            paragraph = Paragraph(
                self.anchor, line.replace(TAB, " "), (Run(line.replace(TAB, " ")),)
            )
            self.take(paragraph, line)
        self.flush_typed()

    def take(self, paragraph: Paragraph, line: str) -> None:
        """A paragraph, or a row of a table typed as text (tabs or "|"): kept with the rows
        before it of the same kind, until the table ends."""
        kind = _typed_row(line)
        if kind is not None and self.typed and self.typed[0][1] != kind:
            self.flush_typed()
        if kind is not None:
            self.typed.append((paragraph, kind, line))
            return
        self.flush_typed()
        self.add_paragraph(paragraph)

    def add_paragraph(self, paragraph: Paragraph) -> None:
        self.paragraphs += 1
        self.places[paragraph.anchor] = f"đoạn {self.paragraphs}"
        self.blocks.append(paragraph)

    @staticmethod
    def typed_line(element: etree._Element) -> str:
        """A paragraph's text with its tabs, as typed: a table pasted as text keeps its cells
        apart so."""
        return grouped(
            unicodedata.normalize("NFC", "".join(run_text(run) for run in runs(element)))
        )

    def flush_typed(self) -> None:
        """The paragraphs typed as a table's rows ("|" between cells, or tabs), as a table when
        two rows at least follow each other, else as the paragraphs they are."""
        pending, self.typed = self.typed, []
        rows = [(p, line) for p, kind, line in pending if kind == PIPE_ROW]
        rows = [(p, line) for p, line in rows if not _delimiter(line)]
        if len(pending) < 2 or (pending[0][1] == PIPE_ROW and len(rows) < 2):
            for paragraph, _, _ in pending:
                self.add_paragraph(paragraph)
            return
        self.tables += 1
        pipes = pending[0][1] == PIPE_ROW
        found: list[tuple[int, list[Cell]]] = []
        for paragraph, _, line in pending:
            if pipes and _delimiter(line):
                continue
            cells = [_typed_cell(text, pipes) for text, _ in cells_at(line, "|" if pipes else TAB)]
            found.append((paragraph.anchor, cells))
        width = max(len(cells) for _, cells in found)
        table_rows = []
        for number, (anchor, cells) in enumerate(found, start=1):
            self.places[anchor] = f"bảng {self.tables}, dòng {number}"
            cells += [Cell("", MISSING)] * (width - len(cells))
            table_rows.append(Row(anchor, tuple(cells)))
        self.blocks.append(Table(self.tables, tuple(table_rows), merges_known=pipes))

    def paragraph(self, element: etree._Element, anchor: int | None = None) -> Paragraph:
        properties = element.find(_PPR)
        ident = paragraph_style(element)
        chain = self.styles.chain(ident)
        name = chain[0].name if chain else (ident or "")
        level = next((s.level for s in chain if s.level), 0)
        outline = outline_level(properties)
        if outline is not None:
            level = _heading_level(outline)
        numbered = numbering(properties) or next((s.numbering for s in chain if s.numbering), None)
        found = self.runs(element)
        marker = ""
        if numbered is not None and numbered[0] != "0" and "".join(r.text for r in found).strip():
            marker = self.numbering.marker(*numbered)
        if marker:
            found.insert(0, Run(f"{marker} "))
        found = _grouped(_merged(found))
        text = "".join(r.text for r in found)
        if anchor is None:
            self.anchor += 1
            anchor = self.anchor
        return Paragraph(anchor, text, tuple(found), name, level)

    @staticmethod
    def runs(element: etree._Element) -> list[Run]:
        """The runs of a paragraph with text, a tab read as a space (the received text is words
        on a line)."""
        found = []
        for run in runs(element):
            text = unicodedata.normalize("NFC", run_text(run).replace(TAB, " "))
            if text:
                found.append(Run(text, *emphasis(run)))
        return found

    def table(self, element: etree._Element) -> None:
        self.tables += 1
        rows: list[Row] = []
        for number, row in enumerate(grid_rows(element), start=1):
            self.anchor += 1
            anchor = self.anchor
            self.places[anchor] = f"bảng {self.tables}, dòng {number}"
            cells: list[Cell] = [Cell("", MISSING)] * row.before
            for cell in row.cells:
                if cell.merged:
                    cells += [Cell("", cell.merged)] * cell.span
                else:
                    cells.append(self.cell(cell.cell, anchor))
                    cells += [Cell("", LEFT)] * (cell.span - 1)
            cells += [Cell("", MISSING)] * row.after
            rows.append(Row(anchor, tuple(cells)))
        width = max((len(r.cells) for r in rows), default=0)
        rows = [
            Row(r.anchor, r.cells + (Cell("", MISSING),) * (width - len(r.cells))) for r in rows
        ]
        self.blocks.append(Table(self.tables, tuple(rows), table_style_id(element) or ""))

    def cell(self, tc: etree._Element, anchor: int) -> Cell:
        self.nested += content_children(tc, _TBL)  # read as tables of their own, after this one
        paragraphs = [
            p
            for p in (self.paragraph(e, anchor) for e in content_children(tc, _P))
            if p.text.strip()
        ]
        text = "\n".join(p.text for p in paragraphs)
        return Cell(text, "", tuple(paragraphs))


PIPE_ROW, TAB_ROW = "pipe", "tab"
TYPED_CELLS = 3  # a paragraph typed as a table row has this many cells at least


def _typed_row(line: str) -> str | None:
    """Whether a paragraph is typed as a table's row: "| a | b | c |", or cells between tabs
    (what Word keeps of a table pasted as text), three cells at least."""
    text = line.strip(" \u00a0")
    if text.startswith("|") and len(cells_at(text)) >= TYPED_CELLS:
        return PIPE_ROW
    if TAB in text.strip() and len(text.split(TAB)) >= TYPED_CELLS:
        return TAB_ROW
    return None


def _delimiter(line: str) -> bool:
    return is_delimiter_row([text for text, _ in cells_at(line)])


def _typed_cell(text: str, pipes: bool) -> Cell:
    text = " ".join(text.split())
    if pipes and text == "<":
        return Cell("", LEFT)
    if pipes and text == "^":
        return Cell("", UP)
    return Cell(text)


def _grouped(runs: list[Run]) -> list[Run]:
    """Runs whose thousands are grouped with "," or spaces as baocao reads them (`grouped`,
    which keeps the text's length: each run keeps its stretch of it)."""
    whole = "".join(r.text for r in runs)
    read = grouped(whole)
    if read == whole:
        return runs
    out, at = [], 0
    for run in runs:
        out.append(Run(read[at : at + len(run.text)], run.bold, run.italic))
        at += len(run.text)
    return out


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of the same emphasis as one."""
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out
