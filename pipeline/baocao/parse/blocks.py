"""What the parse stage hands on: a closed set of block and inline types, each block at its line.

Blocks are headings, paragraphs, list items, budget tables and plain tables; inlines are
text, strong, emphasis, line breaks, citations of amounts (`{{ tien("id") }}`) and id tags
(`{#id}`), each where it stands in its file (line and column), so that a problem found in prose
points at its character. Citations and tags come read (baocao.parse.citation): what they name,
not their syntax. Headings, paragraphs and items carry the outline read from their opening
words (baocao.parse.outline): their number, an article's label, a heading's role. The resolve
stage replaces citations by their text and drops tags, so what reaches render holds text,
strong, emphasis and breaks only.

Inlines compare by what they say, not by where they stand: the same words elsewhere are equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from baocao.money.amount import Form
from baocao.parse.formula import Formula
from baocao.parse.kinds import Kind
from baocao.problems import Position


@dataclass(frozen=True)
class Place:
    """Where an inline, or a character of one, stands in its file: 1-based line and column."""

    line: int
    column: int

    def at(self, path: Path) -> Position:
        """This place in the file `path`."""
        return Position(path, self.line, self.column)


@dataclass(frozen=True)
class Text:
    """Words as typed, without line ends.

    `places` says where they stand: (offset in `text`, place) pairs, the character at each offset
    at that place and those after it at the next columns, up to the next pair (where the source
    skips a character: the backslash of `\\*`). Empty for text baocao wrote."""

    text: str
    places: tuple[tuple[int, Place], ...] = field(default=(), compare=False)


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
class CitedId:
    """One id a citation or a declared sum names: `pl.csdl` (row csdl of table pl), `pl.iv(4)`
    (that row in column (4)), `de-xuat` (an amount declared in prose), `nv-*` (every prose id
    that starts with "nv-"), `ke-hoach-2027:pl.camera` (an id of another document)."""

    id: str  # "pl.csdl", "de-xuat"; for a star, what precedes it: "nv-"
    document: str = ""  # the cited document's folder name; "" for this document
    column: int | None = None
    star: bool = False
    place: Place | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The id within its document as a registry holds it: "pl.iv(4)", "nv-*"."""
        if self.star:
            return f"{self.id}*"
        return self.id if self.column is None else f"{self.id}({self.column})"

    def __str__(self) -> str:
        return f"{self.document}:{self.key}" if self.document else self.key


@dataclass(frozen=True)
class Citation:
    """A citation of amounts by id, read: `{{ tien_chu("pl.a", "pl.b", "tỷ", thap_phan=2) }}` is
    the function "tien_chu", two ids, the unit tỷ and 2 decimals. `text` is as typed, braces and
    line ends included (for messages, and printed as typed where it cannot be resolved); `place`
    is that of its "{{"."""

    function: str  # tien, so, chu or tien_chu
    ids: tuple[CitedId, ...]
    unit: Form | None = None  # None: đồng (for so, the table's unit)
    decimals: int | None = None  # None: as many as the amount needs
    text: str = ""
    place: Place | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Tag:
    """An id tag after an amount it names: `{#de-xuat}`, or `{#tong = a + b}` with the ids whose
    sum the amount must be. `key` is None when the id is not valid (parse reported it): the tag
    still marks the amount before it as declared, but declares nothing. `text` is as typed;
    `place` that of its "{#"."""

    key: str | None
    terms: tuple[CitedId, ...] = ()
    text: str = ""
    place: Place | None = field(default=None, compare=False)


Inline = Text | Strong | Emphasis | Break | Citation | Tag


# The document's outline, as parse hands it on (baocao.parse.outline reads it): the number that
# opens a heading, a paragraph or a list item, an article's label, and the role of a heading that
# opens a part of the document. Check numbers and counts them (baocao.resolve.forms); render
# prints them (baocao.render.body, .appendix, .attachment).


@dataclass(frozen=True)
class Reading:
    """One way to read a number that opens a heading, a paragraph or an item: its scheme, its
    value, and how it is written around the value.

    The schemes: "roman" ("II."), "roman-lower" ("ii."), "arabic" ("2.", "2)"), "dotted"
    ("2.1.", value (2, 1)), "letter" ("b)", value "b"), "LETTER" ("B."); a word label is its
    word ("Chương 2", value (2,)), with ":roman" when its number is Roman ("Chương:roman":
    "Chương II"). The form is the text around the value: "{}.", "{})", "Chương {}"."""

    scheme: str
    value: tuple[int, ...] | str
    form: str


@dataclass(frozen=True)
class Label:
    """The number that opens a heading ("II.", "Chương II", "1.1."), a paragraph ("b)") or a
    list item ("2."), as typed, with every way it may be read ("C." is a letter or a Roman 100,
    "I." a Roman 1 or a letter; check picks by what precedes it), and where it is typed."""

    text: str
    readings: tuple[Reading, ...]
    position: Position


@dataclass(frozen=True)
class ArticleLabel:
    """ "Điều 3a." opening a paragraph or a heading: the article's number (3) and the letter of an
    inserted one ("a", else ""); its extent in the block's text as typed (`typed_text`: from
    `start` to `end`), which render sets bold; where its number is typed."""

    number: int
    suffix: str
    start: int
    end: int
    number_position: Position


@dataclass(frozen=True)
class AppendixHeading:
    """A level-1 heading that opens an appendix, "# Phụ lục II. …": "Phụ lục" as typed (one
    space between its words), the number typed after it ("II", "01"; None when there is none)
    and where that number is."""

    word: str
    number: str | None = None
    number_position: Position | None = None


@dataclass(frozen=True)
class AttachedHeading:
    """A level-1 heading that names a kind a decision may issue with it, "# QUY CHẾ" (Mẫu 1.3):
    that kind. It opens an attached document when the document's own kind `attaches` one."""

    kind: Kind


@dataclass(frozen=True)
class PartHeading:
    """A heading "Chương I. QUY ĐỊNH CHUNG" (or Phần, Mục, Tiểu mục): its level and number
    ("Chương I") and where its title begins among the heading's words (`source_text`), printed on
    two lines (PL I, II.6.đ)."""

    label: str
    title_start: int


HeadingRole = AppendixHeading | AttachedHeading | PartHeading


@dataclass(frozen=True)
class Heading:
    """A heading line, `# I. …` (level 1) to `###### …`; its number or its article's label, and
    its role when it opens a part of the document (baocao.parse.outline)."""

    position: Position
    level: int
    inlines: tuple[Inline, ...]
    label: Label | None = None
    article: ArticleLabel | None = None
    role: HeadingRole | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: consecutive lines up to a blank line; the number or the article's label
    that opens it, and whether it is a unit line, "Đơn vị: Triệu đồng" (baocao.parse.outline)."""

    position: Position
    inlines: tuple[Inline, ...]
    label: Label | None = None
    article: ArticleLabel | None = None
    unit_line: bool = False


@dataclass(frozen=True)
class Item:
    """A list item, printed as a paragraph that begins with its marker ("-", "+", "3."); `depth`
    counts the lists it is nested in (0: a list of its own); `label` is its marker read as a
    number ("3."; None for "-", "+")."""

    position: Position
    marker: str
    inlines: tuple[Inline, ...]
    depth: int = 0
    label: Label | None = None


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
    line as it prints above the table (the text before the tag, spaces single:
    baocao.parse.syntax.unit_line), the unit it names ("Triệu đồng", without its label) with
    where that stands, and the options of the tag."""

    position: Position
    id: str
    unit_line: str
    unit_name: str
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
    above, "++" an item of the "+" row above (`depth` 2), "+IV" an item of row IV (`target`);
    "-" and "-IV" place an item as "+" and "+IV" do, print "-" in the TT column, and take the "+"
    rows after them as their items.
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
    """An empty figure cell; `placeholder` when it holds a "…" still to fill (a new document's
    table, baocao.parse.placeholders)."""

    position: Position
    placeholder: bool = False


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
    """A figure cell that holds no number; parse has reported why."""

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
            case Citation() | Tag():
                parts.append(inline.text)
    return "".join(parts)


def source_text(inlines: tuple[Inline, ...]) -> str:
    """Inlines as the editor reads them in the source, without Markdown marks: words, line ends
    as spaces, citations and tags as typed."""
    return " ".join(typed_text(inlines).split())


def position_at(block: TextBlock, offset: int) -> Position:
    """Where the character at `offset` of a heading's, a paragraph's or an item's text as typed
    (`typed_text`) stands; for a block made by hand, without places, that many columns after the
    block's start."""
    place = place_at(block.inlines, offset)
    if place is None:
        return replace(block.position, column=block.position.column + offset)
    return place.at(block.position.path)


def place_at(inlines: tuple[Inline, ...], offset: int) -> Place | None:
    """The place of the character at `offset` of the inlines' text as typed; None when no place
    is known (text baocao wrote, a line end, a citation's line after its first)."""
    for inline in inlines:
        match inline:
            case Text(text, places):
                if offset < len(text):
                    before = [(at, place) for at, place in places if at <= offset]
                    if not before:
                        return None
                    at, place = before[-1]
                    return Place(place.line, place.column + offset - at)
                offset -= len(text)
            case Strong(children) | Emphasis(children):
                length = len(typed_text(children))
                if offset < length:
                    return place_at(children, offset)
                offset -= length
            case Break():
                if offset < 1:
                    return None
                offset -= 1
            case Citation() | Tag():
                if offset < len(inline.text):
                    mark = inline.place  # its "{{" or "{#"
                    if mark is None or "\n" in inline.text[:offset]:
                        return None
                    return Place(mark.line, mark.column + offset)
                offset -= len(inline.text)
    return None
