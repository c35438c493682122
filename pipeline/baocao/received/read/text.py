"""A received document typed as text: plain text, or Markdown, into paragraphs and tables.

Both are read line by line, every paragraph and table row at the line it starts on. A blank line
ends a paragraph, and so does a line that opens a list item ("- ", "+ ", "1. ", "a) "): each item
is a paragraph of its own. Emphasis marks are dropped ("**300.000.000 đồng**" reads as the
amount): text exported from Word often keeps them.

- Markdown: "#" lines are headings; "|" lines a table (its "|---|" line dropped, "<" and "^"
  cells merged left and up, as in baocao's budget tables); a front matter between "---" lines,
  fenced code blocks and `{#…}` tags are left out.
- Plain text: "|" lines are a table as in Markdown (its "|---|" line dropped); a line with tabs
  is a table row (a table copied out of Word), and the rows of one table may have blank lines
  between them; a row with fewer cells than the widest is kept short.

Every paragraph and cell keeps where its text stands in the file (`places`), and every cell the
column it starts at, so that a problem is reported at the column of what it is about. A line's
Markdown is read by parse (baocao.parse.markdown.read_inlines), whose inlines know the place of
each of their characters; the words taken from them keep their places (`_Typed`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from baocao.parse.blocks import Break, Citation, Emphasis, Inline, Place, Strong, Tag, Text
from baocao.parse.markdown import MARKS, read_inlines
from baocao.parse.syntax import cells_at, is_delimiter_row
from baocao.received.read.blocks import (
    LEFT,
    MISSING,
    UP,
    Block,
    Cell,
    Paragraph,
    Places,
    Received,
    Row,
    Table,
    grouped,
)

LIST_START = re.compile(r"[ \t]{0,3}(?:[-+*•–]|\d{1,2}[.)]|[a-zđ][.)])[ \t]")
HEADING_LINE = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
WORD = re.compile(r"\S+")
ESCAPED_BAR = re.compile(r"\\(?=\|)")  # the "\\" of a bar typed in a pipe table's cell, "\\|"


def read_text(path: Path, text: str, markdown: bool) -> Received:
    """The paragraphs and tables of a text or Markdown file, each at its line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = grouped(text)  # "1,200,000 đồng" read as the amount it is, at the same columns
    reader = _Reader(path, text.split("\n"), markdown)
    reader.read()
    kind = "markdown" if markdown else "text"
    return Received(path, kind, tuple(reader.blocks), reader.places)


class _Reader:
    def __init__(self, path: Path, lines: list[str], markdown: bool) -> None:
        self.path = path
        self.lines = lines
        self.markdown = markdown
        self.blocks: list[Block] = []
        self.places: dict[int, str] = {}
        self.paragraph: list[tuple[int, _Typed]] = []
        self.tables = 0

    def read(self) -> None:
        at = self._front_matter_end() if self.markdown else 0
        while at < len(self.lines):
            line = self.lines[at]
            number = at + 1
            if not line.strip():
                self.flush()
                at += 1
            elif self.markdown and FENCE.match(line):
                self.flush()
                at = self.skip_fence(at)
            elif line.lstrip().startswith("|"):
                self.flush()
                at = self.pipe_table(at)
            elif not self.markdown and "\t" in line.lstrip():
                self.flush()
                at = self.tab_table(at)
            elif self.markdown and (heading := HEADING_LINE.fullmatch(line)):
                self.flush()
                title = self.clean(heading.group(2), number, heading.start(2) + 1)
                level = len(heading[1])
                self.add(Paragraph(number, title.text, heading=level, places=title.places()))
                at += 1
            else:
                if LIST_START.match(line) and not (self.markdown and line[:1] in " \t"):
                    self.flush()
                self.paragraph.append((number, self.clean(line, number)))
                at += 1
        self.flush()

    def skip_fence(self, at: int) -> int:
        """Past a fenced code block: code, not the document's words."""
        opening = FENCE.match(self.lines[at])
        assert opening is not None
        mark = opening.group(1)
        for k in range(at + 1, len(self.lines)):
            if self.lines[k].strip().startswith(mark[0] * len(mark)):
                return k + 1
        return len(self.lines)

    def _front_matter_end(self) -> int:
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        for k in range(1, len(self.lines)):
            if self.lines[k].strip() == "---":
                return k + 1
        return 0

    def clean(self, text: str, line: int, column: int = 1) -> _Typed:
        """The words of `text`, which stands at `line`:`column`, each at its place (`cleaned`)."""
        return self.cleaned(_Typed.at(text, Place(line, column)))

    def cleaned(self, typed: _Typed) -> _Typed:
        """The words of what was typed, each at its place: without Markdown's emphasis (spaces
        then made single, as parse's source_text has them), and without `{#…}` tags in
        Markdown."""
        lead = len(typed.text) - len(typed.text.lstrip())
        text = typed.text.strip()
        inlines, _ = read_inlines(self.path, text, typed.line, lead + 1, self.markdown)
        read = _Typed.of(inlines, typed.line).moved(typed)
        if MARKS.intersection(text) or (self.markdown and "{#" in text):
            read = read.squeezed()
        typed = read
        return typed.stripped()

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        if isinstance(block, Paragraph):
            self.places[block.anchor] = str(block.anchor)
        else:
            for row in block.rows:
                self.places[row.anchor] = str(row.anchor)

    def flush(self) -> None:
        if self.paragraph:
            lines = tuple(n for n, _ in self.paragraph)
            text, places = _joined([t for _, t in self.paragraph])
            if text.strip():
                self.add(Paragraph(lines[0], text, lines=lines, places=places))
            self.paragraph = []

    def pipe_table(self, at: int) -> int:
        """A table of "|" lines, each cell at the column cells_at gives, each character of its
        text where it is typed (a literal bar's "\\" left out)."""
        rows: list[tuple[int, list[tuple[str, int]]]] = []
        while at < len(self.lines) and self.lines[at].lstrip().startswith("|"):
            found = cells_at(self.lines[at], as_typed=True)
            if not is_delimiter_row([text for text, _ in found]):
                rows.append((at + 1, found))
            at += 1
        grid: list[Row] = []
        width = max((len(t) for _, t in rows), default=0)
        for number, found in rows:
            cells = []
            for text, column in found:
                typed = _Typed.at(text, Place(number, column)).without(ESCAPED_BAR)
                cells.append(_pipe_cell(self.cleaned(typed), column))
            cells += [Cell("", MISSING)] * (width - len(found))
            grid.append(Row(number, tuple(cells)))
        self.tables += 1
        self.add(Table(self.tables, tuple(grid)))
        return at

    def tab_cells(self, line: str, number: int) -> list[Cell]:
        """A tab-separated line's cells, each at the column where its text starts (an empty
        one's: just after its tab)."""
        cells = []
        for text, column in cells_at(line, "\t"):
            typed = self.clean(text, number, column)
            cells.append(Cell(typed.text, column=column, places=typed.places()))
        return cells

    def tab_table(self, at: int) -> int:
        rows: list[tuple[int, list[Cell]]] = []
        while at < len(self.lines):
            line = self.lines[at]
            if "\t" in line:
                rows.append((at + 1, self.tab_cells(line, at + 1)))
                at += 1
                continue
            if line.strip():
                break
            following = next((k for k in range(at, len(self.lines)) if self.lines[k].strip()), None)
            if following is None or "\t" not in self.lines[following]:
                break
            at = following
        width = max(len(c) for _, c in rows)
        grid = [Row(n, (*cells, *[Cell("", MISSING)] * (width - len(cells)))) for n, cells in rows]
        self.tables += 1
        self.add(Table(self.tables, tuple(grid), merges_known=False))
        return at


def _pipe_cell(typed: _Typed, column: int) -> Cell:
    if typed.text == "<":
        return Cell("", LEFT, column=column)
    if typed.text == "^":
        return Cell("", UP, column=column)
    return Cell(typed.text, column=column, places=typed.places())


class _Typed:
    """Words read from one line of a file, each character with its column (None for a space
    that stands for several)."""

    def __init__(self, text: str, line: int, columns: list[int | None]) -> None:
        self.text = text
        self.line = line
        self.columns = columns

    @classmethod
    def at(cls, text: str, place: Place) -> _Typed:
        """Text as typed from `place` on."""
        return cls(text, place.line, list(range(place.column, place.column + len(text))))

    @classmethod
    def of(cls, inlines: tuple[Inline, ...], line: int) -> _Typed:
        """Inlines read from `line`, as parse's typed_text has them (words and citations as
        typed) but without tags, each character at the column parse found it."""
        text: list[str] = []
        columns: list[int | None] = []
        for inline in inlines:
            match inline:
                case Text(words, places):
                    spread: list[int | None] = [None] * len(words)
                    ends = [offset for offset, _ in places[1:]] + [len(words)]
                    for (start, place), end in zip(places, ends, strict=True):
                        spread[start:end] = range(place.column, place.column + end - start)
                    text.append(words)
                    columns += spread
                case Strong(children) | Emphasis(children):
                    inner = cls.of(children, line)
                    text.append(inner.text)
                    columns += inner.columns
                case Break():
                    text.append("\n")
                    columns.append(None)
                case Citation():
                    text.append(inline.text)
                    size = len(inline.text)
                    at = inline.place
                    columns += range(at.column, at.column + size) if at else [None] * size
                case Tag():
                    pass  # `{#id}` names an amount: no word of the document
        return cls("".join(text), line, columns)

    def squeezed(self) -> _Typed:
        """Its words with one space between them, none around (" ".join(text.split())), the
        space at the first of those it stands for."""
        words = list(WORD.finditer(self.text))
        columns: list[int | None] = []
        for k, word in enumerate(words):
            if k:
                columns.append(self.columns[words[k - 1].end()])
            columns += self.columns[word.start() : word.end()]
        return _Typed(" ".join(w.group(0) for w in words), self.line, columns)

    def without(self, pattern: re.Pattern[str]) -> _Typed:
        """Without what `pattern` matches."""
        text: list[str] = []
        columns: list[int | None] = []
        done = 0
        for match in pattern.finditer(self.text):
            text.append(self.text[done : match.start()])
            columns += self.columns[done : match.start()]
            done = match.end()
        text.append(self.text[done:])
        columns += self.columns[done:]
        return _Typed("".join(text), self.line, columns)

    def stripped(self) -> _Typed:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return _Typed(self.text[start:end], self.line, self.columns[start:end])

    def moved(self, source: _Typed) -> _Typed:
        """Read from `source`'s text as if it stood from column 1: each character moved to
        where `source` has the character at its column (one found past the end of the text,
        as far past its last character)."""
        count = len(source.columns)

        def column(read: int | None) -> int | None:
            if read is None or read <= count:
                return read and source.columns[read - 1]
            last = source.columns[-1]
            return last and last + read - count

        return _Typed(self.text, self.line, [column(c) for c in self.columns])

    def places(self, offset: int = 0) -> Places:
        """Where its characters stand, as Text.places (from `offset` on, where the text stands
        in a longer one): a pair at its start and one wherever a character does not stand right
        after the one before; a character without a column stands right after the one before."""
        pairs: list[tuple[int, Place]] = []
        following: int | None = None
        for k, column in enumerate(self.columns):
            if column is not None and column != following:
                if not pairs and k:
                    pairs.append((offset, Place(self.line, column)))
                pairs.append((offset + k, Place(self.line, column)))
            if column is not None:
                following = column + 1
            elif following is not None:
                following += 1
        return tuple(pairs)


def _joined(lines: list[_Typed]) -> tuple[str, Places]:
    """Lines as one text, a line end between each two, and the places of its characters (a
    line end just after its line's last character)."""
    places: list[tuple[int, Place]] = []
    offset = 0
    for line in lines:
        places += line.places(offset)
        offset += len(line.text) + 1
    if places and places[0][0]:  # its first lines have no words: at the first that has
        places.insert(0, (0, places[0][1]))
    return "\n".join(line.text for line in lines), tuple(places)
