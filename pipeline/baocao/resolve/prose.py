"""Prose blocks resolved: citations written out, tags read as declared amounts, the reader's text.

A block is walked twice. The first walk (no citations yet) collects the amounts declared with a
tag, `**10.122.000.000 đồng**{#de-xuat-2026}`, so that every id is known before any is cited.
The second walk replaces each citation by its text and drops the tags; on the way it builds the
block's text as the reader will see it (`Prose`), with the source line and column of every
character (what a citation wrote stands at its "{{"), for the checks in prose_checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from baocao import codes
from baocao.money.amount import UNIT_PATTERN, Amount, Form, NumberFormatError, parse_amount
from baocao.parse.blocks import Break, Citation, CitedId, Emphasis, Inline, Place, Strong, Tag, Text
from baocao.problems import Position, Problem
from baocao.resolve.citations import CitationProblem, Citations

# An amount in prose: Vietnamese figures, then its unit with or without a space: đồng, đ, VNĐ,
# nghìn/triệu/tỷ đồng ("300.000.000 đồng", "91.481.640.145đ", "5.000.000 VNĐ", "977,45 tỷ đồng").
FIGURE = (
    r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)|(?<![\d.,])-?\d+(?:,\d+)?(?![\d.,]\d)"
)
MONEY = re.compile(rf"(?P<figure>{FIGURE}){UNIT_PATTERN}")
DECLARED = re.compile(rf"(?:{MONEY.pattern})\s*$")
_SPACES = re.compile(" *")


def amounts(text: str) -> Iterator[re.Match[str]]:
    """Every amount in `text`. A lone "đ" counts right after its figure, or a space away on the
    same line but not before ")": "2027\nđ) Chi khác" is a list item, not 2.027 đồng."""
    for match in MONEY.finditer(text):
        if match["currency"] == "đ" and match["gap"]:
            if "\n" in match["gap"] or text.startswith(")", match.end()):
                continue
        yield match


def money(match: re.Match[str]) -> tuple[Amount, Form]:
    """The amount a match of MONEY names, and how it is written: "977,45 tỷ đồng" is 977 450
    000 000 đồng in tỷ. NumberFormatError (AmountTooLarge) past baocao's limits."""
    return parse_amount(match.group(0))


@dataclass
class Prose:
    """The text of one block as the reader will see it, with where each character came from.

    The text is in pieces, each beginning at an offset of `starts`, on a line of `lines` and at
    a column of `columns`: in a `running` piece (text as typed) each character stands a column
    after the one before, in another (what a citation wrote) every one at the piece's column.
    Without columns (a DOCX's text, read by soat) every character is at column 1.
    `generated` spans were written by citations; `tags` are the offsets where an amount's
    `{#id}` tag stood (so the figure just before it is a declaration, not a retyped amount).
    """

    path: Path
    text: str = ""
    starts: list[int] = field(default_factory=lambda: [0])
    lines: list[int] = field(default_factory=lambda: [1])
    columns: list[int] = field(default_factory=list)
    running: list[bool] = field(default_factory=list)
    generated: list[tuple[int, int]] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)

    def position(self, offset: int) -> Position:
        piece = bisect_right(self.starts, offset) - 1
        if not self.columns:
            return Position(self.path, self.lines[piece])
        column = self.columns[piece]
        if self.running[piece]:
            column += offset - self.starts[piece]
        return Position(self.path, self.lines[piece], column)

    def begin(self, place: Place, running: bool) -> None:
        """A piece that begins here, at the end of the text, at `place`."""
        if self.starts[-1] == len(self.text):  # the last piece is empty: this one replaces it
            self.lines[-1], self.columns[-1], self.running[-1] = place.line, place.column, running
            return
        self.starts.append(len(self.text))
        self.lines.append(place.line)
        self.columns.append(place.column)
        self.running.append(running)

    def is_generated(self, start: int, end: int) -> bool:
        """Whether a citation wrote some of the text from `start` to `end`. The spans come in
        the text's order, none overlapping: the last one starting before `end` ends last."""
        before = bisect_left(self.generated, (end,))
        return before > 0 and self.generated[before - 1][1] > start

    def is_declared(self, end: int) -> bool:
        """Whether a `{#id}` tag followed the text ending at `end` (spaces between allowed)."""
        spaced = _SPACES.match(self.text, end)
        stop = spaced.end() if spaced else end
        first = bisect_left(self.tags, end)  # tags come in the text's order
        return first < len(self.tags) and self.tags[first] <= stop


@dataclass(frozen=True)
class Declaration:
    """An amount typed once in prose with `{#id}`, and the sum it must equal (`{#id = a + b}`)."""

    key: str
    amount: Amount
    position: Position
    terms: tuple[CitedId, ...] = ()
    form: Form = field(default_factory=Form)


@dataclass
class Walk:
    """One pass over a block's inlines, building the reader's text beside the resolved inlines.

    Without `citations` it is the collecting pass: citations stay as typed, tags are declarations.
    """

    prose: Prose
    at: Position  # the block's: where an inline without a place stands
    citations: Citations | None = None
    problems: list[Problem] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)

    @classmethod
    def of(cls, position: Position, citations: Citations | None = None) -> Walk:
        prose = Prose(
            position.path, lines=[position.line], columns=[position.column], running=[False]
        )
        return cls(prose, position, citations)

    def inlines(self, inlines: tuple[Inline, ...], strong: bool = False) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for inline in inlines:
            match inline:
                case Text(text, places):
                    done = 0
                    for offset, place in places:  # each where the source skips, from the first
                        self.prose.text += text[done:offset]
                        self.prose.begin(place, running=True)
                        done = offset
                    self.prose.text += text[done:]
                    out.append(inline)
                case Break():
                    self.prose.text += "\n"
                    out.append(inline)
                case Strong(children):
                    out.append(Strong(self.inlines(children, strong=True)))
                case Emphasis(children):
                    out.append(Emphasis(self.inlines(children, strong)))
                case Tag():
                    self.tag(inline)
                case Citation():
                    out.extend(self.cite(inline, strong))
        return tuple(out)

    def position(self, place: Place | None) -> Position:
        if place is None:
            return self.at
        return place.at(self.at.path)

    def tag(self, tag: Tag) -> None:
        self.prose.tags.append(len(self.prose.text))
        if self.citations is None and tag.key is not None:
            self.declare(tag, tag.key)

    def declare(self, tag: Tag, key: str) -> None:
        """The collecting pass: `{#id}` names the amount typed right before it."""
        here = self.position(tag.place)
        tail = self.prose.text[-80:]
        before = DECLARED.search(tail)
        if not before:
            self.problems.append(
                Problem(
                    codes.TAG_WITHOUT_AMOUNT,
                    here,
                    f"thẻ “{tag.text}” phải đứng ngay sau một số tiền, ví dụ "
                    f"“**1.000.000.000 đồng**{{#{key}}}”",
                )
            )
            return
        try:
            amount, form = money(before)
        except NumberFormatError as exc:
            figure = self.prose.position(len(self.prose.text) - len(tail) + before.start())
            self.problems.append(Problem(codes.FIGURE_TOO_LARGE, figure, str(exc)))
            return
        self.declarations.append(Declaration(key, amount, here, tag.terms, form))

    def cite(self, citation: Citation, strong: bool) -> list[Inline]:
        """A citation's text; as typed in the collecting pass, or where it cannot be resolved."""
        self.prose.begin(citation.place or Place(self.at.line, self.at.column), running=False)
        if self.citations is None:
            self.prose.text += citation.text
            return _lines(citation.text)
        try:
            cited = self.citations.evaluate(citation)
        except CitationProblem as exc:
            where = self.position(exc.place or citation.place)
            if not exc.reported:
                self.problems.append(Problem(exc.code, where, exc.message))
            if exc.code == codes.PLACEHOLDER:  # a draft prints "…" where the amount will stand
                self.prose.text += "…"
                return [Text("…")]
            self.prose.text += citation.text
            return _lines(citation.text)
        out: list[Inline] = []
        for kind, text in cited.parts:
            start = len(self.prose.text)
            self.prose.text += text
            self.prose.generated.append((start, len(self.prose.text)))
            if kind == "strong" and not strong:
                out.append(Strong(tuple(_lines(text))))
            else:
                out.extend(_lines(text))
        return out


def _lines(text: str) -> list[Inline]:
    """Text as inlines: its line ends become soft breaks."""
    out: list[Inline] = []
    for k, piece in enumerate(text.split("\n")):
        if k:
            out.append(Break())
        if piece:
            out.append(Text(piece))
    return out
