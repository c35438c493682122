"""Resolve stage: budget tables read and computed, prose amounts collected, references written out.

parse → **resolve** → render. The result is a document render can print as it is: each budget
table (declaration line and pipe table) is one Block of kind "markdown" holding the generated
grid table, each `{{ … }}` reference is replaced by its text, each `{#id}` tag is gone. Every
problem of every table, amount and reference is collected before anything fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.errors import Position, Problem
from pipeline.money.amount import Amount, NumberFormatError
from pipeline.money.figures import dong
from pipeline.money.words import WordsStyle
from pipeline.parse.document import Block, Document
from pipeline.render.budget_markdown import table_grid, unit_line
from pipeline.resolve.budget import Table, compute, place_rows
from pipeline.resolve.budget_reader import ID, ID_RULE, is_declaration, is_table_line, read_table
from pipeline.resolve.citations import REFERENCE, Entry, ReferenceProblem, References, Registry
from pipeline.resolve.prose_checks import MONEY, Prose, check_retyped, check_words, money

TEXT_BLOCKS = ("paragraph", "item", "heading")
TAG = re.compile(r"\{#([^{}\n]*)\}")
SPECIAL = re.compile(rf"{REFERENCE.pattern}|{TAG.pattern}", re.S)
DECLARED = re.compile(rf"(?:{MONEY.pattern})\s*$")
STRAY = {
    "{{": '“{{” không có “}}” đóng lại: trích số tiền viết {{ tien("ma-khoan") }}',
    "}}": '“}}” không có “{{” mở: trích số tiền viết {{ tien("ma-khoan") }}',
    "{%": '“{%” không dùng được trong nội dung: trích số tiền viết {{ tien("ma-khoan") }}',
}
RELATION = re.compile(r"\s*([^\s=]*)\s*(?:=\s*(.*?))?\s*")


@dataclass
class Declaration:
    """An amount typed once in prose with `{#id}`, and the sum it must equal (`{#id = a + b}`)."""

    key: str
    amount: Amount
    position: Position
    terms: tuple[str, ...] = ()


@dataclass
class _Walk:
    """One pass over a block's inline tokens, building the reader's text alongside new tokens."""

    prose: Prose
    line: int
    references: References | None = None  # None: the collecting pass, references left as typed
    problems: list[Problem] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)

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

    def tokens(self, tokens: list[dict[str, Any]], strong: bool = False) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for token in tokens:
            kind = token["type"]
            if kind == "text":
                out.extend(self.text(token.get("raw", ""), strong))
            elif kind in ("softbreak", "linebreak"):
                self.emit("\n")
                out.append(token)
            elif "children" in token:
                children = self.tokens(token["children"], strong or kind == "strong")
                out.append({**token, "children": children})
            else:
                self.emit(token.get("raw", ""))
                out.append(token)
        return out

    def text(self, raw: str, strong: bool) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        position = 0
        for match in SPECIAL.finditer(raw):
            out.extend(_plain(raw[position : match.start()]))
            self.typed(raw[position : match.start()])
            if match.group(0).startswith("{#"):
                self.tag(match.group(2))
            else:
                out.extend(self.reference(match.group(0), match.group(1), strong))
            self.advance(match.group(0).count("\n"), len(self.prose.text))
            position = match.end()
        out.extend(_plain(raw[position:]))
        self.typed(raw[position:])
        return out

    def typed(self, text: str) -> None:
        """Text as typed; a stray "{{", "}}" or "{%" there is a reference written wrong."""
        start = self.line
        self.emit(text)
        if self.references is None:
            return
        for stray, why in STRAY.items():
            if stray in text:
                line = start + text[: text.index(stray)].count("\n")
                self.problems.append(Problem(Position(self.prose.path, line), why))

    def tag(self, body: str) -> None:
        self.prose.tags.append(len(self.prose.text))
        if self.references is not None:
            return
        here = Position(self.prose.path, self.line)
        relation = RELATION.fullmatch(body)
        key = relation.group(1) if relation else ""
        if not ID.fullmatch(key):
            self.problems.append(
                Problem(here, f"mã “{key}” trong “{{#{body}}}” không hợp lệ: mã {ID_RULE}")
            )
            return
        before = DECLARED.search(self.prose.text[-80:])
        if not before:
            self.problems.append(
                Problem(
                    here,
                    f"thẻ “{{#{body}}}” phải đứng ngay sau một số tiền, ví dụ "
                    f"“**1.000.000.000 đồng**{{#{key}}}”",
                )
            )
            return
        try:
            amount = money(before.group(1), before.group(2))
        except NumberFormatError as exc:
            self.problems.append(Problem(here, str(exc)))
            return
        terms = relation.group(2) if relation else None
        parts = tuple(t.strip() for t in terms.split("+")) if terms else ()
        if terms is not None and (not parts or not all(parts)):
            self.problems.append(
                Problem(
                    here,
                    f"“{{#{body}}}”: sau dấu “=” viết các mã cộng lại, ví dụ “{{#{key} = a + b}}”",
                )
            )
            parts = ()
        self.declarations.append(Declaration(key, amount, here, parts))

    def reference(self, whole: str, source: str, strong: bool) -> list[dict[str, Any]]:
        if self.references is None:
            self.emit(whole)
            return _plain(whole)
        try:
            cited = self.references.evaluate(source)
        except ReferenceProblem as exc:
            self.problems.append(Problem(Position(self.prose.path, self.line), str(exc)))
            self.emit(whole)
            return _plain(whole)
        out: list[dict[str, Any]] = []
        for kind, text in cited.parts:
            self.emit(text, generated=True)
            if kind == "strong" and not strong:
                out.append({"type": "strong", "children": [{"type": "text", "raw": text}]})
            else:
                out.extend(_plain(text))
        return out


def _plain(text: str) -> list[dict[str, Any]]:
    """Text as mistune tokens: line ends become soft breaks again."""
    out: list[dict[str, Any]] = []
    for k, piece in enumerate(text.split("\n")):
        if k:
            out.append({"type": "softbreak"})
        if piece:
            out.append({"type": "text", "raw": piece})
    return out


def _merged(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adjacent text and soft breaks as one text token, so a `{{ … }}` may span a line end."""
    out: list[dict[str, Any]] = []
    for token in tokens:
        kind = token["type"]
        if kind in ("text", "softbreak") and out and out[-1]["type"] == "text":
            out[-1] = {"type": "text", "raw": out[-1]["raw"] + token.get("raw", "\n")}
        elif kind == "softbreak":
            out.append({"type": "text", "raw": "\n"})
        elif "children" in token:
            out.append({**token, "children": _merged(token["children"])})
        else:
            out.append(token)
    return out


# ---------------------------------------------------------------------------------------------


@dataclass
class _Tables:
    """The budget tables of a document, found among its blocks."""

    found: dict[int, Table] = field(default_factory=dict)  # block index of the declaration
    skipped: set[int] = field(default_factory=set)  # blocks that belong to a table
    problems: list[Problem] = field(default_factory=list)


def _find_tables(blocks: list[Block]) -> _Tables:
    tables = _Tables()
    for index, block in enumerate(blocks):
        if index in tables.skipped:
            continue
        lines = block.source.split("\n")
        if block.kind == "paragraph" and is_declaration(block.source):
            rest = [line for line in lines[1:] if line.strip()]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and following.position.path != block.position.path:
                following = None  # a table belongs to the declaration line in its own file
            if rest and all(is_table_line(line) for line in rest):
                table_line, table_lines = block.position.line + 1, lines[1:]
            elif following is not None and _is_table_block(following):
                table_line = following.position.line
                table_lines = following.source.split("\n")
                tables.skipped.add(index + 1)
            else:
                tables.problems.append(
                    Problem(
                        block.position,
                        "dòng khai báo bảng “Đơn vị: … {#mã}” phải có bảng ngay bên dưới",
                    )
                )
                tables.skipped.add(index)
                continue
            table, problems = read_table(
                block.position.path, block.position.line, lines[0], table_line, table_lines
            )
            tables.problems.extend(problems)
            tables.skipped.add(index)
            if table is not None:
                tables.found[index] = table
        elif _is_table_block(block):
            what = "bảng" if block.kind == "table" else "các dòng bắt đầu bằng “|”"
            tables.problems.append(
                Problem(
                    block.position,
                    f"{what} không có dòng khai báo “Đơn vị: … {{#mã}}” ngay phía trên "
                    "(bảng không được có dòng trống ở giữa)",
                )
            )
            tables.skipped.add(index)
    return tables


def _is_table_block(block: Block) -> bool:
    if block.kind == "table":
        return True
    lines = [line for line in block.source.split("\n") if line.strip()]
    return block.kind == "paragraph" and bool(lines) and all(is_table_line(x) for x in lines)


def _style(document: Document) -> WordsStyle:
    """How the document writes amounts in words (front matter `chu_so`, checked when read)."""
    style = getattr(document.front, "words", None)
    return style if isinstance(style, WordsStyle) else WordsStyle()


def resolve_document(document: Document, draw: bool = True) -> tuple[Document, list[Problem]]:
    """The document ready to render, and every problem of its tables, amounts and references.

    `draw=False` (for `check`) leaves the generated tables' Markdown empty: drawing them is the
    slow part and finds nothing the model has not already checked."""
    blocks, problems = resolve_blocks(document.blocks, _style(document), draw)
    return replace(document, blocks=blocks), problems


@dataclass
class Resolved:
    """What resolving found: the blocks ready to render, every problem, every citable amount by
    id (and each table), and each prose block as typed beside the same block as the reader sees
    it — what `baocao diff` compares between two versions."""

    blocks: list[Block]
    problems: list[Problem]
    registry: Registry
    prose: list[tuple[Block, Block]]


def resolve_model(document: Document) -> Resolved:
    """The document resolved for comparison: its amounts, tables and prose, no table drawn."""
    return resolve_all(document.blocks, _style(document), draw=False)


def resolve_blocks(
    source: list[Block], style: WordsStyle | None = None, draw: bool = True
) -> tuple[list[Block], list[Problem]]:
    """Blocks ready to render, and every problem in them (see resolve_document)."""
    resolved = resolve_all(source, style, draw)
    return resolved.blocks, resolved.problems


def resolve_all(
    source: list[Block], style: WordsStyle | None = None, draw: bool = True
) -> Resolved:
    """Blocks ready to render, every problem in them, and the amounts and prose they hold."""
    style = style or WordsStyle()
    problems: list[Problem] = []
    tables = _find_tables(source)
    problems.extend(tables.problems)
    registry = Registry()
    for table in tables.found.values():
        problems.extend(place_rows(table))
        problems.extend(compute(table))
        duplicate = registry.add_table(table)
        if duplicate:
            problems.append(duplicate)

    text_blocks = [
        (i, b) for i, b in enumerate(source)
        if b.kind in TEXT_BLOCKS and i not in tables.skipped
    ]  # fmt: skip
    merged = {i: _merged(b.inlines) for i, b in text_blocks}
    declarations: list[Declaration] = []
    for i, block in text_blocks:
        walk = _Walk(Prose(block.position.path, lines=[block.position.line]), block.position.line)
        walk.tokens(merged[i])
        problems.extend(walk.problems)
        declarations.extend(walk.declarations)
    for declaration in declarations:
        duplicate = registry.declare(declaration.key, declaration.amount, declaration.position)
        if duplicate:
            problems.append(duplicate)

    references = References(registry, style)
    problems.extend(_relations(declarations, references))
    known = _known(registry)
    resolved: dict[int, Block] = {}
    for i, block in text_blocks:
        prose = Prose(block.position.path, lines=[block.position.line])
        walk = _Walk(prose, block.position.line, references)
        inlines = walk.tokens(merged[i])
        problems.extend(walk.problems)
        problems.extend(check_words(prose, style))
        problems.extend(check_retyped(prose, known))
        resolved[i] = replace(block, inlines=inlines)

    blocks: list[Block] = []
    for index, block in enumerate(source):
        if index in tables.found:
            blocks.append(_table_block(tables.found[index], block.position, draw))
        elif index not in tables.skipped:
            blocks.append(resolved.get(index, block))
    prose = [(block, resolved[i]) for i, block in text_blocks]
    return Resolved(blocks, problems, registry, prose)


def _table_block(table: Table, position: Position, draw: bool) -> Block:
    """A budget table as render prints it: its unit line and grid table, ready-made Markdown.

    `token` tells the appendix frame the unit and the bare grid (it draws the unit line itself).
    """
    grid = table_grid(table) if draw else ""
    token = {"type": "budget_table", "table": table, "unit": table.unit_text, "grid": grid}
    markdown = f"{unit_line(table)}\n\n{grid}" if draw else ""
    return Block("markdown", position, token=token, source=markdown)


def _relations(declarations: list[Declaration], references: References) -> list[Problem]:
    """`{#tong = nv-*}`: each declared total against the sum it names."""
    problems: list[Problem] = []
    for declaration in declarations:
        if not declaration.terms:
            continue
        try:
            total, entries = references.total(declaration.terms)
        except ReferenceProblem as exc:
            problems.append(Problem(declaration.position, f"“{declaration.key}”: {exc}"))
            continue
        if any(e.key == declaration.key for e in entries):
            problems.append(
                Problem(declaration.position, f"“{declaration.key}” không thể là tổng của chính nó")
            )
            continue
        if total != declaration.amount:
            named = " + ".join(declaration.terms)
            gap = declaration.amount - total
            problems.append(
                Problem(
                    declaration.position,
                    f"“{declaration.key}” ghi {dong(declaration.amount)}, nhưng {named} cộng lại "
                    f"là {dong(total)} (chênh {dong(abs(gap))})",
                )
            )
    return problems


def _known(registry: Registry) -> dict[Amount, list[str]]:
    """Each non-zero amount with an id → its ids, the likeliest first (for retyped-figure warnings):
    prose amounts, then table rows in their main column, the most detailed row first."""

    def likely(entry: Entry) -> tuple[bool, bool, int, str]:
        table, row = entry.table, entry.row
        depth = len(row.ancestors()) if row else 0
        main = table is None or (entry.column == table.main and "(" not in entry.key)
        return (table is not None, not main, -depth, entry.key)

    known: dict[Amount, list[str]] = {}
    for entry in sorted(registry.entries.values(), key=likely):
        if entry.amount:
            keys = known.setdefault(entry.amount, [])
            if not any(
                k.startswith(f"{entry.key}(") or entry.key.startswith(f"{k}(") for k in keys
            ):
                keys.append(entry.key)
    return known
