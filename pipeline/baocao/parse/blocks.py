"""What the parse stage hands on: a closed set of block and inline types, each block at its line.

Blocks are headings, paragraphs, list items, budget tables and plain tables; inlines are
text, strong, emphasis, line breaks, citations of amounts (`{{ tien("id") }}`) and id tags
(`{#id}`). The resolve stage replaces citations by their text and drops tags, so what reaches
render holds text, strong, emphasis and breaks only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from baocao.parse.formula import Formula
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
class TableCell:
    """A table cell: its text as typed (without the spaces around it, "\\|" read as "|"), its
    inline Markdown, and where its text starts (an empty cell: where it would)."""

    text: str
    inlines: tuple[Inline, ...]
    position: Position


@dataclass(frozen=True)
class PlainTable:
    """A pipe table without a declaration line: text, printed as typed, nothing summed.

    Its first line is the header row (none is printed when every header cell is empty), the
    next its "|---|" line, which gives each column's alignment ("left", "right", "center" or
    "default"); each cell holds its inline Markdown and its place. The first `number_rows` rows
    (0 or 1) are its column-number row ("| (1) | (2) | (3) |"), printed in the header."""

    position: Position
    aligns: tuple[str, ...]
    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    number_rows: int = 0


# A budget table, as parse hands it on: its declaration line, header rows, column-number row and
# data rows, every cell at its line and column (baocao.parse.table reads them).


@dataclass(frozen=True)
class MainColumn:
    """`cot=4`: the column a citation without "(n)" cites."""

    number: int
    position: Position


@dataclass(frozen=True)
class Decimals:
    """`thap_phan=1` (every column) or `thap_phan(4)=2` (column (4)): the most decimals a figure
    of the column may have."""

    places: int
    column: int | None
    position: Position


@dataclass(frozen=True)
class Fixed:
    """`co_dinh` (every column) or `co_dinh(4)`: every decimal the column allows is printed."""

    column: int | None
    position: Position


@dataclass(frozen=True)
class Zeros:
    """`so_khong=-`: how a zero prints, "0", "-" or "" (`so_khong=trong`)."""

    shown: str
    position: Position


TableOption = MainColumn | Decimals | Fixed | Zeros


@dataclass(frozen=True)
class Declaration:
    """The line above a budget table, "Đơn vị: Triệu đồng {#pl cot=4}": the table's id, its unit
    line as typed (the text before the tag, printed above the table) with the place of the unit
    in it, and the options of the tag."""

    position: Position
    id: str
    unit: str
    unit_position: Position
    options: tuple[TableOption, ...] = ()


@dataclass(frozen=True)
class Merge:
    """A header cell that is part of another: "<" of the cell on its left, "^" of the one above."""

    mark: str
    position: Position


HeaderRow = tuple[TableCell | Merge, ...]


@dataclass(frozen=True)
class ColumnLabel:
    """A cell of the column-number row: a letter for a column of text ("A", `number` 0), the
    number of a column of figures ("(2)"), with its formula when it has one ("(1)=(2)+(3)")."""

    cell: TableCell
    number: int = 0
    formula: Formula | None = None


@dataclass(frozen=True)
class RowHead:
    """A data row's first cell: its TT code ("IV.", with its `bare` form "IV" and its `rank`), or
    the marker that places a row without one: "=" the grand total, "+" an item of the coded row
    above, "++" an item of the "+" row above (`depth` 2), "+IV" an item of row IV (`target`).
    `own` is the "#" typed before either ("#": the row's figures are its own; "#=": and
    checked against its items)."""

    position: Position
    code: str = ""
    bare: str = ""
    rank: tuple[int, int] | None = None
    marker: str = ""
    depth: int = 0
    target: str = ""
    own: str = ""


@dataclass(frozen=True)
class Blank:
    """An empty figure cell."""

    position: Position


@dataclass(frozen=True)
class Rest:
    """A "?" cell: what its parent's typed total leaves after the other items."""

    position: Position


@dataclass(frozen=True)
class Figure:
    """A figure, read exactly ("10.960" → 10960), with its text as typed."""

    value: Decimal
    text: str
    position: Position


@dataclass(frozen=True)
class Unreadable:
    """A figure cell that holds no number; parse has reported why (`reason`)."""

    text: str
    reason: str
    position: Position


Value = Blank | Rest | Figure | Unreadable


@dataclass(frozen=True)
class DataRow:
    """A row under the column-number row: its head, its name (without its `{#id}` tag, whose id
    and place are apart), then one cell for each column after the first two: a Value in a column
    of figures, a TableCell in a column of text. `cells` is empty when the row has more or fewer
    cells than the table has columns: which figure belongs to which column cannot be told."""

    position: Position
    head: RowHead
    name: TableCell
    id: str | None = None
    id_position: Position | None = None
    cells: tuple[Value | TableCell, ...] = ()


@dataclass(frozen=True)
class DeclaredTable:
    """A budget table: its declaration line, its header rows (down to the column-number row),
    its column-number row, and its data rows, in the editor's order."""

    declaration: Declaration
    header: tuple[HeaderRow, ...]
    columns: tuple[ColumnLabel, ...]
    rows: tuple[DataRow, ...]

    @property
    def position(self) -> Position:
        """Where its declaration line is: where the table is."""
        return self.declaration.position


TextBlock = Heading | Paragraph | Item
Block = Heading | Paragraph | Item | DeclaredTable | PlainTable


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
