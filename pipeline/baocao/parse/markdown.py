"""One Markdown file into positioned blocks (mistune 3), with budget tables and citations found.

mistune gives no source positions, so the block parser below records the offset where each
token starts, and every block, and every problem, gets its line. Inline Markdown becomes the
types of baocao.parse.blocks; a `{{ … }}` citation may run over a line end, so the text of a
block is joined across its soft line ends before citations and tags are found, and read
(baocao.parse.citation). Inside a block mistune gives no positions either: each piece of text it
hands back is found in the block's source, in order, from where the previous one ended (what lies
between is Markdown's marks, an escape's backslash, a line's indent), and so every inline, and
every character of its text, has its line and column.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins import import_plugin

from baocao import codes
from baocao.parse.blocks import (
    Block,
    Break,
    DataRow,
    DeclaredTable,
    Emphasis,
    Heading,
    Inline,
    Item,
    Paragraph,
    Place,
    PlainTable,
    Strong,
    TableCell,
    Text,
    place_at,
)
from baocao.parse.citation import Misread, read_citation, read_tag
from baocao.parse.syntax import (
    CITATION_OR_TAG,
    STRAY,
    cells_at,
    is_declaration,
    is_delimiter_row,
    is_number_row,
    is_table_line,
)
from baocao.parse.table import read_declaration, read_pipe_table
from baocao.problems import Code, Position, Problem

ITEM_MARKER = re.compile(r"^([ \t]{0,3})([-+*]|(\d+)[.)])(?:[ \t]|$)")
# A điểm ("a)", "đ)") opening a line inside a paragraph: Markdown reads it as the paragraph's next
# line, the decree's form as a paragraph of its own (docs/nd30-rules.md, "khoản, điểm").
POINT_LINE = re.compile(r"[a-zđ]\)(?:[ \t]|$)")
UNSUPPORTED = {
    "block_code": "khối mã (dòng thụt vào 4 dấu cách?)",
    "block_quote": "trích dẫn “>”",
    "block_html": "mã HTML",
    "thematic_break": "đường kẻ ngang",
}

Token = dict[str, Any]
# Characters that may open inline Markdown; text without any of them is its text as typed.
MARKS = frozenset("*_`\\[<&")
BRACES = frozenset("{}")  # what a citation, a tag or a stray mark of one is written with
SKIPPED = 4  # at most how far the source may skip ahead inside a text mistune hands back


class _PositionedState(BlockState):
    """mistune's block state, remembering the source offset where each token begins."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.starts: dict[int, int] = {}
        self.block_start: int | None = None

    def append_token(self, token: Token) -> None:
        super().append_token(token)
        start = self.cursor if self.block_start is None else self.block_start
        self.starts.setdefault(id(token), start)

    def add_paragraph(self, text: str) -> None:
        super().add_paragraph(text)
        self.starts.setdefault(id(self.tokens[-1]), self.cursor)


class _PositionedParser(BlockParser):
    """mistune's block parser; a token starts where its rule matched (lists move the cursor)."""

    state_cls = _PositionedState

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        start, before = state.cursor, len(state.tokens)
        assert isinstance(state, _PositionedState)
        state.block_start = start
        try:
            return super().parse_method(m, state)
        finally:
            state.block_start = None
            for token in state.tokens[before:]:  # lists may insert their token directly
                state.starts.setdefault(id(token), start)


class _Markdown(mistune.Markdown):
    """mistune's Markdown to tokens; table cells stay raw, as budget tables are read from source."""

    def _iter_render(self, tokens: Iterable[Token], state: BlockState) -> Iterator[Token]:
        for token in tokens:
            if token["type"] == "table":
                yield token
            else:
                yield from super()._iter_render([token], state)


@functools.cache
def _markdown() -> mistune.Markdown:
    return _Markdown(renderer=None, block=_PositionedParser(), plugins=[import_plugin("table")])


@dataclass
class _Raw:
    """A top-level token with where it starts and the source text it covers."""

    token: Token
    position: Position
    source: str

    @property
    def kind(self) -> str:
        return str(self.token["type"])

    @property
    def is_table(self) -> bool:
        """A pipe table: as mistune read it, or a paragraph of nothing but "|" lines."""
        if self.kind == "table":
            return True
        lines = [line for line in self.source.split("\n") if line.strip()]
        return self.kind == "paragraph" and bool(lines) and all(is_table_line(x) for x in lines)


class _Source:
    """A text and where it stands in its file (a file from its start, a table cell at its
    line and column): the place of each of its characters, by offset."""

    def __init__(self, text: str, line: int = 1, column: int = 1) -> None:
        self.text = text
        self.line = line
        self.column = column
        self.starts = [0]  # where each line begins
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def place(self, offset: int) -> Place:
        index = bisect_right(self.starts, offset) - 1
        column = offset - self.starts[index] + 1
        return Place(self.line + index, column + (self.column - 1 if index == 0 else 0))

    def reach(self, offset: int, lines: int) -> int:
        """Where the `lines`-th line that is not blank after the one holding `offset` ends (the
        text's end when there are fewer): how far a piece of text may be looked for."""
        end = self.text.find("\n", offset)
        while lines > 0 and end >= 0:
            following = self.text.find("\n", end + 1)
            if self.text[end + 1 : following if following >= 0 else len(self.text)].strip():
                lines -= 1
            end = following
        return len(self.text) if end < 0 else end

    def offset(self, line: int) -> int:
        """Where a line begins (the text's end past its last line)."""
        index = line - self.line
        if index < 0:
            return 0
        return self.starts[index] if index < len(self.starts) else len(self.text)


@dataclass
class _Blocks:
    """The blocks of one file as they are read, and the problems found on the way."""

    path: Path
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: _Source = field(default_factory=lambda: _Source(""))

    def report(self, code: Code, place: Place, message: str) -> None:
        """A problem at a character of the file."""
        self.problems.append(Problem(code, place.at(self.path), message))


def parse_blocks(path: Path, text: str) -> tuple[list[Block], list[Problem]]:
    """Markdown into blocks, each with the line it starts on, and every problem of the file:
    unsupported blocks, budget tables without their declaration line and what is wrong in a
    table, stray citation marks.

    A pipe table with a column-number row ("| A | B | (1) |") is a budget table, and needs its
    declaration line; one without is a plain table, printed as typed."""
    out = _Blocks(path, source=_Source(text))
    raws = deque(_raw_blocks(path, text))
    while raws:
        raw = raws.popleft()
        if raw.kind == "paragraph" and is_declaration(raw.source):
            out.blocks.extend(_budget_table(out, raw, raws))
        elif raw.is_table and (table := _plain_table(out, raw)) is not None:
            out.blocks.append(table)
        elif raw.is_table:
            what = "bảng" if raw.kind == "table" else "các dòng bắt đầu bằng “|”"
            out.report(
                codes.TABLE_WITHOUT_DECLARATION,
                Place(raw.position.line, 1),
                f"{what} không có dòng khai báo “Đơn vị: … {{#mã}}” ngay phía trên "
                "(bảng không được có dòng trống ở giữa)",
            )
        elif raw.kind == "heading":
            level = int(raw.token["attrs"]["level"])
            inlines = _Inlines(out, raw.position.line).read(raw.token["children"])
            marks = len(raw.source.split("\n", 1)[0]) + 1  # an empty one's words: after its "#"
            out.blocks.append(
                Heading(_words_at(path, raw.position.line, inlines, marks), level, inlines)
            )
        elif raw.kind == "paragraph":
            for line, tokens in _points(raw.position.line, raw.token["children"]):
                inlines = _Inlines(out, line).read(tokens)
                out.blocks.append(Paragraph(_words_at(path, line, inlines), inlines))
        elif raw.kind == "list":
            out.blocks.extend(_items(out, raw.token, raw.position, raw.source))
        else:
            what = UNSUPPORTED.get(raw.kind, raw.kind)
            out.report(
                codes.UNSUPPORTED_BLOCK,
                Place(raw.position.line, 1),
                f"không dùng được {what} trong nội dung báo cáo",
            )
    return out.blocks, out.problems


def _words_at(path: Path, line: int, inlines: tuple[Inline, ...], empty: int = 1) -> Position:
    """Where a heading's or a paragraph's words begin, on `line`: the place of its first character
    (after a heading's "#" marks and the marks of bold or italic words that open it); at column
    `empty` when it has none. Check points there at a heading's number, an article's "Điều 4."."""
    place = place_at(inlines, 0)
    return Position(path, line, place.column if place else empty)


def _raw_blocks(path: Path, text: str) -> list[_Raw]:
    _, state = _markdown().parse(text)
    assert isinstance(state, _PositionedState)
    top = [t for t in state.tokens if t["type"] != "blank_line"]
    raws = []
    line, counted = 1, 0  # lines counted up to each start in turn: a long file stays linear
    for i, token in enumerate(top):
        start = state.starts[id(token)]
        end = state.starts[id(top[i + 1])] if i + 1 < len(top) else len(text)
        if start < counted:  # never, tokens come in order; counted afresh if one did not
            line, counted = 1, 0
        line += text.count("\n", counted, start)
        counted = start
        raws.append(_Raw(token, Position(path, line), text[start:end].rstrip("\n")))
    return raws


def _budget_table(out: _Blocks, declaration: _Raw, rest: deque[_Raw]) -> list[DeclaredTable]:
    """A declaration line and its table: the "|" lines of its own paragraph, or the table right
    below it in the same file (taken off `rest`, the file's blocks still to come)."""
    lines = declaration.source.split("\n")
    own = [line for line in lines[1:] if line.strip()]
    if own and all(is_table_line(line) for line in own):
        first, table = declaration.position.line + 1, lines[1:]
    elif rest and rest[0].is_table:
        following = rest.popleft()
        first, table = following.position.line, following.source.split("\n")
    else:
        out.report(
            codes.DECLARATION_WITHOUT_TABLE,
            Place(declaration.position.line, 1),
            "dòng khai báo bảng “Đơn vị: … {#mã}” phải có bảng ngay bên dưới",
        )
        return []
    declared, problems = read_declaration(lines[0], declaration.position)
    out.problems.extend(problems)
    if declared is None:
        return []
    typed, problems = read_pipe_table(declared, first, table, inline_markdown)
    out.problems.extend(problems)
    return [_cited_cells(out, typed)] if typed is not None else []


def _cited_cells(out: _Blocks, table: DeclaredTable) -> DeclaredTable:
    """A budget table whose header, name and text cells have their citations read at their
    places, as a plain table's are (resolve writes them; a broken one is reported at its cell)."""

    def braced(cell: object) -> bool:
        return isinstance(cell, TableCell) and bool(BRACES.intersection(cell.text))

    def cell(typed: TableCell) -> TableCell:
        return _plain_cell(out, typed.text, typed.position) if braced(typed) else typed

    def row(data: DataRow) -> DataRow:
        if not braced(data.name) and not any(braced(c) for c in data.cells):
            return data  # most rows: nothing to read again
        cells = tuple(cell(c) if isinstance(c, TableCell) else c for c in data.cells)
        return replace(data, name=cell(data.name), cells=cells)

    header = tuple(
        tuple(cell(c) if isinstance(c, TableCell) else c for c in cells) for cells in table.header
    )
    return replace(table, header=header, rows=tuple(row(data) for data in table.rows))


def _plain_table(out: _Blocks, raw: _Raw) -> PlainTable | None:
    """A pipe table without a declaration line, as a plain table; None when it is no table (no
    "|---|" line under its first) or has a budget table's column-number row (its declaration
    line is then missing). A column-number row right under the header that numbers every column
    ("| (1) | (2) | (3) |", never a budget table's: its first two columns are letters) is the
    plain table's own, printed in its header."""
    lines = raw.source.split("\n")
    rows = [cells_at(line) for line in lines]
    texts = [[text for text, _ in cells] for cells in rows]
    if len(rows) < 2 or not is_delimiter_row(texts[1]):
        return None
    numbered = [k for k, cells in enumerate(texts[2:], start=2) if is_number_row(cells)]
    own_numbers = numbered == [2] and texts[2][0].startswith("(")
    if numbered and not own_numbers:
        return None
    width = len(rows[0])
    aligns = tuple(_alignment(cell) for cell in texts[1])[:width]
    aligns += ("default",) * (width - len(aligns))
    cells: list[tuple[TableCell, ...]] = []
    for offset, found in enumerate(rows):
        line = raw.position.line + offset
        if offset == 1:
            continue
        if len(found) != width:
            out.report(
                codes.PLAIN_ROW_WIDTH,
                Place(line, 1),
                f"dòng có {len(found)} ô, bảng có {width} cột (thiếu hoặc thừa “|”)",
            )
            end = len(lines[offset]) + 1  # a missing cell: where the line ends
            found = (found + [("", end)] * width)[:width]
        cells.append(
            tuple(_plain_cell(out, text, Position(out.path, line, c)) for text, c in found)
        )
    return PlainTable(raw.position, aligns, cells[0], tuple(cells[1:]), int(own_numbers))


def _plain_cell(out: _Blocks, text: str, at: Position) -> TableCell:
    """A plain table's cell: its inline Markdown, citations and tags read at their places
    (resolve writes them)."""
    inlines, problems = read_inlines(out.path, text, at.line, at.column)
    out.problems.extend(problems)
    return TableCell(text, inlines, at)


def _alignment(delimiter: str) -> str:
    """A column's alignment from its "|---|" cell: ":-:" centre, "-:" right, ":-" left."""
    text = delimiter.replace(" ", "")
    left, right = text.startswith(":"), text.endswith(":")
    return {(True, True): "center", (False, True): "right", (True, False): "left"}.get(
        (left, right), "default"
    )


def read_inlines(
    path: Path, text: str, line: int = 1, column: int = 1, syntax: bool = True
) -> tuple[tuple[Inline, ...], list[Problem]]:
    """Inline Markdown that stands at `line`:`column` of `path` (a table cell's text, a line of a
    received document) as inlines at their places, and the problems found on the way (a citation
    written wrong, a stray "{{"). With `syntax` its citations and tags are read; without, each
    stays text as typed, a Text of its own, and nothing is reported. Text with no Markdown mark
    (and, with `syntax`, no brace) is one Text, as typed."""
    if "\n" not in text and not MARKS.intersection(text):
        if not (syntax and BRACES.intersection(text)):
            return ((Text(text, ((0, Place(line, column)),)),) if text else ()), []
    out = _Blocks(path)
    source = _Source(text, line, column)
    inlines = _Inlines(out, line, source, syntax).read(_markdown().inline(text, {}))
    return inlines, out.problems


def inline_markdown(text: str) -> tuple[Inline, ...]:
    """A budget table cell's text with its inline Markdown read: `*Trong đó:*` is emphasis,
    `**…**` strong; a citation or a tag stays as typed. Text with no Markdown mark is one Text."""
    return read_inlines(Path(), text, syntax=False)[0]


def _items(
    out: _Blocks, token: Token, position: Position, source: str, depth: int = 0
) -> list[Block]:
    """A list's items as item blocks, each at its own line and with the number typed on it
    ("1.", "3.": a skip is for check to report, never renumbered); nested items follow their
    parent, and a điểm typed on a line of its own under an item is a paragraph after it.

    The list starts at `position`, its lines (`source`) moved left by `position.column - 1` when
    it is nested; each item is at the column of its marker ("-", "2."), where check points at a
    khoản's number."""
    lines = source.split("\n")
    typed = _item_lines(lines)
    column = position.column + len(lines[0]) - len(lines[0].lstrip(" \t"))  # its items' marker
    if len(typed) != len(token["children"]):
        typed = []  # a shape the lines do not show: mistune's count, the list's first line
    blocks: list[Block] = []
    ordered = token["attrs"].get("ordered", False)
    number = token["attrs"].get("start", 1)
    for k, item in enumerate(token["children"]):
        line = position.line + (typed[k][0] if typed else 0)
        count = typed[k][1] if typed and typed[k][1] is not None else number + k
        marker = f"{count}{token['bullet']}" if ordered else str(token["bullet"])
        end = typed[k + 1][0] if k + 1 < len(typed) else None
        item_lines = lines[typed[k][0] : end] if typed else []
        tokens: list[Token] = []
        nested: list[Block] = []
        for child in item["children"]:
            if child["type"] == "list":
                at, indent, inner = _nested_source(item_lines)
                where = Position(position.path, line + at, position.column + indent)
                nested.extend(_items(out, child, where, inner, depth + 1))
            else:
                if tokens:
                    tokens.append({"type": "softbreak"})
                tokens.extend(child.get("children", []))
        (_, own), *points = _points(line, tokens)
        inlines = _Inlines(out, line).read(own)
        blocks.append(Item(Position(position.path, line, column), marker, inlines, depth))
        for at, point in points:
            inlines = _Inlines(out, at).read(point)
            blocks.append(Paragraph(_words_at(position.path, at, inlines), inlines))
        blocks.extend(nested)
    return blocks


def _item_lines(lines: list[str]) -> list[tuple[int, int | None]]:
    """A list's own items in its source lines: each one's line (from 0) and the number typed on
    it (None for "-", "+"); the lines of a list nested in it, indented further, are not its own."""
    first = ITEM_MARKER.match(lines[0]) if lines else None
    if first is None:
        return []
    indent = first.group(1)
    found = []
    for n, line in enumerate(lines):
        match = ITEM_MARKER.match(line)
        if match and match.group(1) == indent:
            found.append((n, int(match.group(3)) if match.group(3) else None))
    return found


def _nested_source(lines: list[str]) -> tuple[int, int, str]:
    """Where the list nested in an item starts among the item's lines (from 0), its indent, and
    its lines moved left by that indent, as a list of its own; (1, 0, "") when they do not show
    it."""
    for at, line in enumerate(lines[1:], start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if ITEM_MARKER.match(line[indent:]):
            moved = "\n".join(x[indent:] if not x[:indent].strip() else x for x in lines[at:])
            return at, indent, moved
    return 1, 0, ""


def _points(line: int, tokens: list[Token]) -> list[tuple[int, list[Token]]]:
    """A paragraph's inline tokens cut before each line that opens with a điểm ("b) …"), each
    piece with the line it starts on; one piece when there is none."""
    pieces: list[tuple[int, list[Token]]] = [(line, [])]
    for k, token in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            token["type"] == "softbreak"
            and following is not None
            and following["type"] == "text"
            and POINT_LINE.match(following.get("raw", ""))
        ):
            start, piece = pieces[-1]
            pieces.append((start + _line_ends(piece) + 1, []))
            continue
        pieces[-1][1].append(token)
    return pieces


def _line_ends(tokens: list[Token]) -> int:
    """The line ends inside inline tokens: soft and hard ones, at any depth."""
    return sum(
        (t["type"] in ("softbreak", "linebreak")) + _line_ends(t.get("children", []))
        for t in tokens
    )


class _Run:
    """Text joined across soft line ends, with where each of its pieces begins in the source."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.starts: list[int] = []  # each piece's offset in the run
        self.origins: list[int] = []  # and in the source
        self.length = 0

    def add(self, text: str, origin: int) -> None:
        if not text:
            return
        self.pieces.append(text)
        self.starts.append(self.length)
        self.origins.append(origin)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def origin(self, offset: int) -> int:
        """Where the run's character at `offset` stands in the source."""
        index = max(bisect_right(self.starts, offset) - 1, 0)
        return self.origins[index] + offset - self.starts[index]

    def place(self, offset: int) -> Place:
        return self.source.place(self.origin(offset))

    def places(self, start: int, end: int) -> tuple[tuple[int, Place], ...]:
        """The places of the run's text from `start` to `end` (no line end in it), as Text
        holds them: one pair where the text begins, and one wherever the source skips."""
        pairs: list[tuple[int, Place]] = [(0, self.place(start))]
        index = bisect_right(self.starts, start)
        while index < len(self.starts) and self.starts[index] < end:
            offset = self.starts[index]
            if self.origins[index] != self.origin(offset - 1) + 1:
                pairs.append((offset - start, self.source.place(self.origins[index])))
            index += 1
        return tuple(pairs)


class _Inlines:
    """mistune's inline tokens as our inline types, each at its place in the source: every
    piece of text mistune hands back is found in the source from where the previous one ended;
    citations and tags are read where they stand (with `syntax`; else they stay text, as typed),
    and what cannot be read is reported there."""

    def __init__(
        self, out: _Blocks, line: int, source: _Source | None = None, syntax: bool = True
    ) -> None:
        self.out = out
        self.source = source or out.source
        self.cursor = self.source.offset(line)
        self.syntax = syntax

    def locate(self, raw: str) -> list[tuple[str, int]]:
        """Where the pieces of `raw` stand in the source, found from where the last text ended,
        on that line or the next one that is not blank: one piece when it stands there as typed,
        else one from each character where the source skips some (the backslash of an escape,
        "\\*", read as "*")."""
        text = self.source.text
        reach = self.source.reach(self.cursor, 1 + raw.count("\n"))
        found = text.find(raw, self.cursor, reach)
        if found >= 0 or not raw:
            at = found if found >= 0 else self.cursor
            self.cursor = at + len(raw)
            return [(raw, at)]
        pieces: list[tuple[str, int]] = []
        start, at = 0, self.cursor
        while start < len(raw):
            origin = text.find(raw[start], at, min(at + SKIPPED, reach) if pieces else reach)
            origin = at if origin < 0 else origin  # not there: as if it were
            end = start + 1
            while end < len(raw) and origin + end - start < len(text):
                if raw[end] != text[origin + end - start]:
                    break
                end += 1
            pieces.append((raw[start:end], origin))
            start, at = end, origin + end - start
        self.cursor = at
        return pieces

    def read(self, tokens: list[Token]) -> tuple[Inline, ...]:
        inlines: list[Inline] = []
        run = _Run(self.source)  # text and soft line ends, joined: a citation may span a line end
        for token in tokens:
            kind = token["type"]
            if kind == "text":
                for piece, origin in self.locate(token.get("raw", "")):
                    run.add(piece, origin)
                continue
            if kind == "softbreak":
                run.add("\n", self.cursor)
                continue
            inlines.extend(self.text(run))
            run = _Run(self.source)
            if kind == "linebreak":
                inlines.append(Break(hard=True))
            elif kind == "strong":
                inlines.append(Strong(self.read(token["children"])))
            elif kind == "emphasis":
                inlines.append(Emphasis(self.read(token["children"])))
            elif "children" in token:  # a link or an image: its words
                inlines.extend(self.read(token["children"]))
            else:  # a code span or inline HTML: its text as typed
                pieces = self.locate(token.get("raw", ""))
                at, places = 0, []
                for piece, origin in pieces:
                    places.append((at, self.source.place(origin)))
                    at += len(piece)
                inlines.append(Text("".join(p for p, _ in pieces), tuple(places)))
        inlines.extend(self.text(run))
        return tuple(inlines)

    def text(self, run: _Run) -> list[Inline]:
        """Joined text: its citations and tags, read, and the words and line ends between them."""
        raw = run.text
        inlines: list[Inline] = []
        position = 0
        for match in CITATION_OR_TAG.finditer(raw):
            start = match.start()
            inlines.extend(self.typed(run, raw, position, start))
            position = match.end()
            if not self.syntax:  # found, not read: as typed, a text of its own
                inlines.extend(self.typed(run, raw, start, position))
                continue

            def where(offset: int, start: int = start) -> Place:
                return run.place(start + offset)

            if match.group(0).startswith("{#"):
                tag, misread = read_tag(match.group(0), where)
                if misread is not None:
                    self.out.report(misread.code, where(misread.offset), misread.message)
                inlines.append(tag)
                continue
            try:
                inlines.append(read_citation(match.group(0), where))
            except Misread as exc:  # reported, and printed as typed
                self.out.report(exc.code, where(exc.offset), exc.message)
                inlines.extend(self.typed(run, raw, start, position, stray=False))
        inlines.extend(self.typed(run, raw, position, len(raw)))
        return inlines

    def typed(self, run: _Run, raw: str, start: int, end: int, stray: bool = True) -> list[Inline]:
        """Words and line ends; a stray "{{", "}}" or "{%" there is a citation written wrong."""
        text = raw[start:end]
        if stray and self.syntax:
            for mark, why in STRAY.items():
                at = text.find(mark)
                if at >= 0:
                    self.out.report(codes.STRAY_MARK, run.place(start + at), why)
        inlines: list[Inline] = []
        at = start
        for k, piece in enumerate(text.split("\n")):
            if k:
                inlines.append(Break())
                at += 1
            if piece:
                inlines.append(Text(piece, run.places(at, at + len(piece))))
            at += len(piece)
        return inlines
