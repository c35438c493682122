"""What the parse stage hands on: a closed set of block and inline types, each block at its line.

Blocks are headings, paragraphs, list items, budget-table sources and plain tables; inlines are
text, strong, emphasis, line breaks, citations of amounts (`{{ tien("id") }}`) and id tags
(`{#id}`). The resolve stage replaces citations by their text and drops tags, so what reaches
render holds text, strong, emphasis and breaks only.
"""

from __future__ import annotations

from dataclasses import dataclass

from baocao.problems import Position


@dataclass(frozen=True)
class Text:
    """Words as typed, without line ends."""

    text: str


@dataclass(frozen=True)
class Strong:
    """Bold text: `**…**`."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    """Italic text: `*…*`."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Break:
    """A line end inside a block: soft (a space on the page) or hard (a new line, `\\` or two
    spaces at the end of the line)."""

    hard: bool = False


@dataclass(frozen=True)
class Citation:
    """A citation of amounts by id, `{{ tien("pl.csdl") }}`; `expression` is inside the braces."""

    expression: str


@dataclass(frozen=True)
class Tag:
    """An id tag, `{#de-xuat}` or `{#tong = a + b}`, after an amount it names; `body` is inside."""

    body: str


Inline = Text | Strong | Emphasis | Break | Citation | Tag


@dataclass(frozen=True)
class Heading:
    """A heading line, `# I. …` (level 1) to `###### …`."""

    position: Position
    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: consecutive lines up to a blank line."""

    position: Position
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Item:
    """A list item, printed as a paragraph that begins with its marker ("-", "+", "3."); `depth`
    counts the lists it is nested in (0: a list of its own)."""

    position: Position
    marker: str
    inlines: tuple[Inline, ...]
    depth: int = 0


@dataclass(frozen=True)
class TableSource:
    """A budget table as typed: its declaration line (at `position`) and its pipe lines, the
    first of them at line `first_line`."""

    position: Position
    declaration: str
    first_line: int
    lines: tuple[str, ...]


TableCell = tuple[Inline, ...]


@dataclass(frozen=True)
class PlainTable:
    """A pipe table without a declaration line: text, printed as typed, nothing summed.

    Its first line is the header row (none is printed when every header cell is empty), the
    next its "|---|" line, which gives each column's alignment ("left", "right", "center" or
    "default"); each cell holds its inline Markdown. Row k (0-based) is on line
    `position.line + 2 + k`. The first `number_rows` rows (0 or 1) are its column-number row
    ("| (1) | (2) | (3) |"), printed in the header."""

    position: Position
    aligns: tuple[str, ...]
    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    number_rows: int = 0


TextBlock = Heading | Paragraph | Item
Block = Heading | Paragraph | Item | TableSource | PlainTable


def typed_text(inlines: tuple[Inline, ...]) -> str:
    """Inlines as typed, without Markdown marks, line ends kept (an offset gives the line):
    words, citations and tags as typed."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text):
                parts.append(text)
            case Strong(children) | Emphasis(children):
                parts.append(typed_text(children))
            case Break():
                parts.append("\n")
            case Citation(expression):
                parts.append(f"{{{{{expression}}}}}")
            case Tag(body):
                parts.append(f"{{#{body}}}")
    return "".join(parts)


def source_text(inlines: tuple[Inline, ...]) -> str:
    """Inlines as the editor reads them in the source, without Markdown marks: words, line ends
    as spaces, citations and tags as typed."""
    return " ".join(typed_text(inlines).split())
