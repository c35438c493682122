"""Prose blocks resolved: citations written out, tags read as declared amounts, the reader's text.

A block is walked twice. The first walk (no citations yet) collects the amounts declared with a
tag, `**10.122.000.000 đồng**{#de-xuat-2026}`, so that every id is known before any is cited.
The second walk replaces each citation by its text and drops the tags; on the way it builds the
block's text as the reader will see it (`Prose`), with the source line of every character, for
the checks in prose_checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from baocao import codes
from baocao.money.amount import UNIT_PATTERN, Amount, Form, NumberFormatError, parse_amount
from baocao.parse.blocks import Break, Citation, Emphasis, Inline, Strong, Tag, Text
from baocao.parse.syntax import ID, ID_RULE
from baocao.problems import Position, Problem
from baocao.resolve.citations import CitationProblem, Citations

# An amount in prose: Vietnamese figures, then its unit with or without a space: đồng, đ, VNĐ,
# nghìn/triệu/tỷ đồng ("300.000.000 đồng", "91.481.640.145đ", "5.000.000 VNĐ", "977,45 tỷ đồng").
FIGURE = (
    r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)|(?<![\d.,])-?\d+(?:,\d+)?(?![\d.,]\d)"
)
MONEY = re.compile(rf"(?P<figure>{FIGURE}){UNIT_PATTERN}")
RELATION = re.compile(r"\s*([^\s=]*)\s*(?:=\s*(.*?))?\s*")
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

    `generated` spans were written by citations; `tags` are the offsets where an amount's `{#id}`
    tag stood (so the figure just before it is a declaration, not a retyped amount).
    """

    path: Path
    text: str = ""
    starts: list[int] = field(default_factory=lambda: [0])
    lines: list[int] = field(default_factory=lambda: [1])
    generated: list[tuple[int, int]] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        return self.lines[bisect_right(self.starts, offset) - 1]

    def position(self, offset: int) -> Position:
        return Position(self.path, self.line_at(offset))

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
    terms: tuple[str, ...] = ()
    form: Form = field(default_factory=Form)


@dataclass
class Walk:
    """One pass over a block's inlines, building the reader's text beside the resolved inlines.

    Without `citations` it is the collecting pass: citations stay as typed, tags are declarations.
    """

    prose: Prose
    line: int
    citations: Citations | None = None
    problems: list[Problem] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)

    @classmethod
    def of(cls, position: Position, citations: Citations | None = None) -> Walk:
        return cls(Prose(position.path, lines=[position.line]), position.line, citations)

    def inlines(self, inlines: tuple[Inline, ...], strong: bool = False) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for inline in inlines:
            match inline:
                case Text(text):
                    self.emit(text)
                    out.append(inline)
                case Break():
                    self.emit("\n")
                    out.append(inline)
                case Strong(children):
                    out.append(Strong(self.inlines(children, strong=True)))
                case Emphasis(children):
                    out.append(Emphasis(self.inlines(children, strong)))
                case Tag(body):
                    self.tag(body)
                case Citation(expression):
                    out.extend(self.cite(expression, strong))
        return tuple(out)

    def emit(self, text: str, generated: bool = False) -> None:
        prose = self.prose
        start = len(prose.text)
        prose.text += text
        if generated:
            prose.generated.append((start, len(prose.text)))
        newline = text.find("\n")
        while newline != -1:
            self.advance(1, start + newline + 1)
            newline = text.find("\n", newline + 1)

    def advance(self, lines: int, offset: int) -> None:
        if lines:
            self.line += lines
            self.prose.starts.append(offset)
            self.prose.lines.append(self.line)

    def tag(self, body: str) -> None:
        self.prose.tags.append(len(self.prose.text))
        if self.citations is None:
            self.declare(body)

    def declare(self, body: str) -> None:
        """The collecting pass: `{#id}` names the amount typed right before it."""
        here = Position(self.prose.path, self.line)
        relation = RELATION.fullmatch(body)
        key = relation.group(1) if relation else ""
        if not ID.fullmatch(key):
            self.problems.append(
                Problem(
                    codes.UNSORTED,
                    here,
                    f"mã “{key}” trong “{{#{body}}}” không hợp lệ: mã {ID_RULE}",
                )
            )
            return
        before = DECLARED.search(self.prose.text[-80:])
        if not before:
            self.problems.append(
                Problem(
                    codes.UNSORTED,
                    here,
                    f"thẻ “{{#{body}}}” phải đứng ngay sau một số tiền, ví dụ "
                    f"“**1.000.000.000 đồng**{{#{key}}}”",
                )
            )
            return
        try:
            amount, form = money(before)
        except NumberFormatError as exc:
            self.problems.append(Problem(codes.UNSORTED, here, str(exc)))
            return
        terms = relation.group(2) if relation else None
        parts = tuple(t.strip() for t in terms.split("+")) if terms else ()
        if terms is not None and (not parts or not all(parts)):
            self.problems.append(
                Problem(
                    codes.UNSORTED,
                    here,
                    f"“{{#{body}}}”: sau dấu “=” viết các mã cộng lại, ví dụ “{{#{key} = a + b}}”",
                )
            )
            parts = ()
        self.declarations.append(Declaration(key, amount, here, parts, form))

    def cite(self, expression: str, strong: bool) -> list[Inline]:
        """A citation's text; as typed in the collecting pass, or where it cannot be resolved."""
        typed = f"{{{{{expression}}}}}"
        if self.citations is None:
            self.emit(typed)
            return _lines(typed)
        try:
            cited = self.citations.evaluate(expression)
        except CitationProblem as exc:
            self.problems.append(
                Problem(codes.UNSORTED, Position(self.prose.path, self.line), str(exc))
            )
            self.emit(typed)
            return _lines(typed)
        out: list[Inline] = []
        for kind, text in cited.parts:
            self.emit(text, generated=True)
            if kind == "strong" and not strong:
                out.append(Strong(tuple(_lines(text))))
            else:
                out.extend(_lines(text))
        self.advance(expression.count("\n"), len(self.prose.text))
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
