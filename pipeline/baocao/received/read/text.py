"""A received document typed as text: plain text, or Markdown, into paragraphs and tables.

Both are read line by line, every paragraph and table row at the line it starts on. A blank line
ends a paragraph, and so does a line that opens a list item ("- ", "+ ", "1. ", "a) "): each item
is a paragraph of its own. Emphasis marks are dropped ("**300.000.000 đồng**" reads as the
amount): text exported from Word often keeps them.

- Markdown: "#" lines are headings; "|" lines a table (its "|---|" line dropped, "<" and "^"
  cells merged left and up, as in baocao's budget tables); a front matter between "---" lines,
  fenced code blocks and `{#…}` tags are left out.
- Plain text: a line with tabs is a table row (a table copied out of Word), and the rows of one
  table may have blank lines between them; a row with fewer cells than the widest is kept short.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from baocao.parse.blocks import source_text
from baocao.parse.markdown import inline_markdown
from baocao.parse.syntax import TAG, is_delimiter_row, split_cells
from baocao.received.read.blocks import (
    LEFT,
    MISSING,
    UP,
    Block,
    Cell,
    Paragraph,
    Received,
    Row,
    Table,
)

LIST_START = re.compile(r"[ \t]{0,3}(?:[-+*•–]|\d{1,2}[.)]|[a-zđ][.)])[ \t]")
HEADING_LINE = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
MARKS = frozenset("*_`\\[<&")


def read_text(path: Path, text: str, markdown: bool) -> Received:
    """The paragraphs and tables of a text or Markdown file, each at its line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    reader = _Reader(path, text.split("\n"), markdown)
    reader.read()
    kind = "markdown" if markdown else "text"
    return Received(path, kind, tuple(reader.blocks), reader.places, tuple(reader.lines))


class _Reader:
    def __init__(self, path: Path, lines: list[str], markdown: bool) -> None:
        self.path = path
        self.lines = lines
        self.markdown = markdown
        self.blocks: list[Block] = []
        self.places: dict[int, str] = {}
        self.paragraph: list[tuple[int, str]] = []
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
            elif self.markdown and line.lstrip().startswith("|"):
                self.flush()
                at = self.pipe_table(at)
            elif not self.markdown and "\t" in line.lstrip():
                self.flush()
                at = self.tab_table(at)
            elif self.markdown and (heading := HEADING_LINE.fullmatch(line)):
                self.flush()
                self.add(Paragraph(number, self.clean(heading.group(2)), heading=len(heading[1])))
                at += 1
            else:
                if LIST_START.match(line) and not (self.markdown and line[:1] in " \t"):
                    self.flush()
                self.paragraph.append((number, self.clean(line)))
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

    def clean(self, text: str) -> str:
        """A line's words without Markdown's emphasis, and without `{#…}` tags in Markdown."""
        if MARKS.intersection(text):
            text = source_text(inline_markdown(text.strip()))
        if self.markdown and "{#" in text:
            text = " ".join(TAG.sub("", text).split())
        return text.strip()

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
            text = "\n".join(t for _, t in self.paragraph)
            if text.strip():
                self.add(Paragraph(lines[0], text, lines=lines))
            self.paragraph = []

    def pipe_table(self, at: int) -> int:
        rows: list[tuple[int, list[str]]] = []
        while at < len(self.lines) and self.lines[at].lstrip().startswith("|"):
            texts = split_cells(self.lines[at])
            if not is_delimiter_row(texts):
                rows.append((at + 1, texts))
            at += 1
        grid: list[Row] = []
        width = max((len(t) for _, t in rows), default=0)
        for number, texts in rows:
            cells = [_pipe_cell(self.clean(t)) for t in texts]
            cells += [Cell("", MISSING)] * (width - len(texts))
            grid.append(Row(number, tuple(cells)))
        self.tables += 1
        self.add(Table(self.tables, tuple(grid)))
        return at

    def tab_table(self, at: int) -> int:
        rows: list[tuple[int, list[str]]] = []
        while at < len(self.lines):
            line = self.lines[at]
            if "\t" in line:
                rows.append((at + 1, [self.clean(c) for c in line.split("\t")]))
                at += 1
                continue
            if line.strip():
                break
            following = next((k for k in range(at, len(self.lines)) if self.lines[k].strip()), None)
            if following is None or "\t" not in self.lines[following]:
                break
            at = following
        width = max(len(c) for _, c in rows)
        grid = [
            Row(n, tuple(Cell(t) for t in cells) + (Cell("", MISSING),) * (width - len(cells)))
            for n, cells in rows
        ]
        self.tables += 1
        self.add(Table(self.tables, tuple(grid), merges_known=False))
        return at


def _pipe_cell(text: str) -> Cell:
    if text == "<":
        return Cell("", LEFT)
    if text == "^":
        return Cell("", UP)
    return Cell(text)
