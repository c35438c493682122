"""`baocao nhap`: a received document's body and appendices as content's Markdown.

Paragraphs keep their words as typed, amounts and their words included (check reads them
back), bold and italic where they mark a stretch of a paragraph (a paragraph all bold is a
style, and baocao sets its own); headings take `#` by their level; a list item keeps its dash
("- ", "+ "); a numbered paragraph ("1. …", "a) …") stays a paragraph, its number as typed.
Amounts the document relates (a total and its items, a list's head and its items, an item
named twice) get ids and a `{#kp-1 = kp-1-*}` tag, so that check states what soat found.
A budget-like table becomes a budget table (baocao.received.soat.tables), its unit line
its declaration; any other table a plain pipe table. The end mark "./." is left to baocao.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from baocao.parse.blocks import Decimals, Fixed, Zeros
from baocao.parse.outline import ARTICLE
from baocao.parse.syntax import suggested_name
from baocao.received.nhap.front import APPENDIX, NATIONAL, Front, is_type_line
from baocao.received.read.blocks import (
    BOUNDARY,
    LEFT,
    UP,
    Paragraph,
    Received,
    Run,
    Table,
    heading_levels,
    numbering,
    plain,
)
from baocao.received.soat.check import ReceivedCheck
from baocao.received.soat.prose import Mention, Relation
from baocao.received.soat.tables import BudgetShape, ShapedRow, unit_of

# Text escaped so that it reads as typed: the marks Markdown reads in a paragraph (and in a plain
# table's cell, "|" too), and the braces of a citation or a tag, broken apart.
ESCAPED = ("\\", "*", "_", "`", "[", "]", "<")
TABLE_ESCAPED = (*ESCAPED, "|")
BROKEN = ("{{", "{#", "{%", "}}")
# A budget table's cell is read for less (baocao.parse.markdown.inline_markdown): its "|", its
# emphasis and code marks, and only "{#" and "{{"; "<" and "^" there are the merges shaped so.
CELL_ESCAPED = ("\\", "|", "*", "`")
CELL_BROKEN = ("{#", "{{")
BLOCK_START = re.compile(r"(?:#|>|\||=+\s*$|-{3,}\s*$|\*\s|\d{1,9}[.)](?:\s|$)|<)")
END_MARK = re.compile(r"\s*\.?\s*/\.\s*$")
ATTACHMENT = re.compile(r"\(\s*kèm\s+theo\b", re.IGNORECASE)
PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’…–—")


@dataclass
class Parts:
    """The Markdown parts of a document, by file name, in order; the attachment lines typed
    above its appendices."""

    files: dict[str, list[str]] = field(default_factory=dict)
    attachment_lines: list[str] = field(default_factory=list)


def tags_for(relations: list[Relation]) -> dict[int, list[tuple[int, str]]]:
    """Each related amount's tag, by paragraph anchor: (where it goes, the tag). The n-th
    relation's total is "kp-n", its parts "kp-n-1", "kp-n-2" … summed as "kp-n-*"; a part
    already named by an earlier relation keeps its name, and the sum then lists the names."""
    ids: dict[Mention, str] = {}
    bodies: dict[Mention, str] = {}
    for number, relation in enumerate(relations, start=1):
        total = relation.total
        if total in bodies:
            continue  # one relation per amount: check states one sum for an id
        own = f"kp-{number}"
        ids.setdefault(total, own)
        if relation.row is not None:  # the figure of a table's row, in its column
            cell = relation.row
            bodies[total] = f"{ids[total]} = {cell.table}.{row_id(cell.anchor)}({cell.column})"
            continue
        parts = []
        for k, part in enumerate(relation.parts, start=1):
            parts.append(ids.setdefault(part, f"{own}-{k}"))
        named = f"{own}-*" if all(p.startswith(f"{own}-") for p in parts) else " + ".join(parts)
        bodies[total] = f"{ids[total]} = {named}"
    out: dict[int, list[tuple[int, str]]] = {}
    for mention, ident in ids.items():
        out.setdefault(mention.anchor, []).append(
            (mention.end, f"{{#{bodies.get(mention, ident)}}}")
        )
    return out


def row_id(anchor: int) -> str:
    """The id nhap gives a budget table's row that the prose is checked against."""
    return f"dong-{anchor}"


def body_parts(received: Received, front: Front, check: ReceivedCheck) -> Parts:
    """The body (from `front.start` to `front.end`) split at its top-level headings, then the
    appendices (from `front.rest`), as Markdown parts."""
    writer = _Writer(received, check)
    body = list(received.blocks[front.start : front.end])
    levels = writer.levels
    top = min(
        (levels[b.anchor] for b in body if isinstance(b, Paragraph) and b.anchor in levels),
        default=1,
    )
    parts = Parts()
    name = "00-mo-dau.md"
    current = parts.files.setdefault(name, [])
    count = 0
    for index, block in enumerate(body):
        if isinstance(block, Paragraph) and levels.get(block.anchor) == top:
            count += 1
            name = f"{count:02d}-{_slug(block.text)}.md"
            current = parts.files.setdefault(name, [])
        last = index == len(body) - 1
        current += writer.block(block, top, last)
    writer.appendices(list(received.blocks[front.rest :]), parts)
    return parts


PARTS_OF_ARTICLES = ("phan", "chuong", "muc")  # Phần, Chương, Mục: above the articles


def _outline(received: Received) -> dict[int, int]:
    """The headings nhap writes as headings, by anchor: those of `heading_levels`, but for the
    numbered items of a document made of articles ("Điều 1."): its "1." and "a)" are the
    articles' clauses and points, paragraphs of their article, not headings of parts; only
    "Phần", "Chương", "Mục" stand above its articles."""
    levels = heading_levels(received)
    if any(p.heading for p in received.paragraphs):
        return levels  # the headings the file marks are its own
    articles = False
    for paragraph in received.paragraphs:
        text = plain(paragraph.text)
        articles = articles or bool(ARTICLE.match(text))
        if articles and paragraph.anchor in levels and numbering(text) not in PARTS_OF_ARTICLES:
            if not BOUNDARY.fullmatch(text):
                del levels[paragraph.anchor]
    return levels


def _slug(text: str) -> str:
    words = plain(text).split()
    if words and re.fullmatch(r"[IVXLC]+[.)]?|[\dA-ZĐa-zđ]{1,2}(?:\.\d+)*[.)]?", words[0]):
        words = words[1:]
    return suggested_name(" ".join(words[:4])) or "muc"


class _Writer:
    def __init__(self, received: Received, check: ReceivedCheck) -> None:
        self.received = received
        self.check = check
        self.levels = _outline(received)
        self.tags = tags_for(check.relations)
        self.row_ids = {r.row.anchor for r in check.relations if r.row is not None}
        blocks = received.blocks
        self.unit_lines = {  # paragraphs that become the declaration of the table after them
            block.anchor
            for block, following in pairwise(blocks)
            if isinstance(block, Paragraph)
            and isinstance(following, Table)
            and following.number in check.shapes
            and unit_of(block.text) is not None
        }

    def block(self, block: object, top: int, last: bool) -> list[str]:
        """One block's Markdown lines, a blank line after."""
        if isinstance(block, Table):
            return self.table(block)
        assert isinstance(block, Paragraph)
        if block.anchor in self.unit_lines:
            return []
        if block.anchor in self.levels:
            level = min(6, max(1, self.levels[block.anchor] - top + 1))
            return [f"{'#' * level} {_tagged(block.text, self.tags.get(block.anchor, []))}", ""]
        text = paragraph_markdown(block, self.tags.get(block.anchor, []), last)
        return [text, ""] if text else []

    def table(self, table: Table) -> list[str]:
        shape = self.check.shapes.get(table.number)
        if shape is not None:
            sums = self.check.sums.get(table.number, set())
            computed = {
                (row.anchor, k)
                for row in table.rows
                for k, cell in enumerate(row.cells)
                if cell.formula and (row.anchor, k) in sums
            }
            return [budget_markdown(shape, self.received.path, self.row_ids, computed), ""]
        rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
        if not rows:
            return []
        lines = []
        for k, row in enumerate(rows):
            cells = [
                "" if c.merged in (LEFT, UP) else _escaped(" ".join(c.text.split()), TABLE_ESCAPED)
                for c in row.cells
            ]
            lines.append(_pipe_line(cells))
            if k == 0:
                lines.append("|" + "---|" * len(cells))
        return [*lines, ""]

    def appendices(self, blocks: list[object], parts: Parts) -> None:
        """What follows the signature: appendices ("Phụ lục", its title, its body) and
        documents issued with a decision (their header left out, "# QUY CHẾ" and its title)."""
        current: list[str] | None = None
        attached = False
        stage = 2  # 0: its type (attached) or title (appendix) to come, 1: an attached title
        count = 0
        for index, block in enumerate(blocks):
            last = index == len(blocks) - 1 or _starts_part(blocks[index + 1])
            if _starts_part(block):
                count += 1
                attached = isinstance(block, Table)
                kind = "kem-theo" if attached else "phu-luc"
                current = parts.files.setdefault(f"{89 + count}-{kind}.md", [])
                if not attached:
                    current += ["# Phụ lục", ""]
                stage = 0
                continue
            if current is None:
                continue
            if isinstance(block, Paragraph):
                text = plain(block.text)
                if ATTACHMENT.match(text):
                    if not attached:
                        parts.attachment_lines.append(text)
                    continue
                if END_MARK.fullmatch(text):
                    continue
                if stage == 0 and attached and is_type_line(block.text):
                    current += [f"# {_escaped(text)}", ""]
                    stage = 1
                    continue
                if stage == 1 or (stage == 0 and text == text.upper() and unit_of(text) is None):
                    current += [f"## {_escaped(text)}", ""]
                    stage = 2
                    continue
            stage = 2
            current += self.block(block, 1, last)


def budget_markdown(
    shape: BudgetShape,
    path: Path,
    ids: Iterable[int] = (),
    computed: Collection[tuple[int, int]] = (),
) -> str:
    """A received table shaped as a budget table (of the file at `path`), as content writes it:
    its declaration line, then its pipe lines: the header's first row, its "|---|" line, its
    other rows, the column-number row, the data rows (those whose anchor is in `ids` with
    their id, `row_id`); each text escaped as a budget table's cell holds it. The `computed`
    cells (row anchor, column index) are left empty: a workbook's =SUM that adds up its row's
    items, which baocao adds up in its turn."""
    named = set(ids)

    def data(row: ShapedRow) -> str:
        cells = ["" if (row.anchor, k) in computed else _cell(t) for k, t in enumerate(row.cells)]
        if row.anchor in named:
            cells[1] += f" {{#{row_id(row.anchor)}}}"
        return _pipe_line(cells)

    options = "".join(f" {_option(option)}" for option in shape.options(path))
    first, *others = shape.header
    lines = [f"{shape.unit_line} {{#{shape.ident}{options}}}"]
    lines += [_pipe_line(_cell(t) for t in first.cells), _pipe_line(["---"] * len(first.cells))]
    lines += [_pipe_line(_cell(t) for t in row.cells) for row in others]
    lines.append(_pipe_line(shape.numbers.cells))
    lines += [data(row) for row in shape.rows]
    return "\n".join(lines)


def _option(option: Zeros | Decimals | Fixed) -> str:
    """An option of a budget table's declaration as its tag writes it (baocao.parse.table)."""
    if isinstance(option, Zeros):
        return f"so_khong={option.shown or 'trong'}"
    column = "" if option.column is None else f"({option.column})"
    if isinstance(option, Decimals):
        return f"thap_phan{column}={option.places}"
    return f"co_dinh{column}"


def _cell(text: str) -> str:
    return _escaped(text, CELL_ESCAPED, CELL_BROKEN)


def _pipe_line(cells: Iterable[str]) -> str:
    """A pipe table's row."""
    return "| " + " | ".join(cells) + " |"


def _starts_part(block: object) -> bool:
    if isinstance(block, Paragraph):
        return bool(APPENDIX.fullmatch(plain(block.text)))
    return isinstance(block, Table) and any(
        NATIONAL.search(c.text) for r in block.rows for c in r.cells
    )


# ---------------------------------------------------------------------------------------------
# A paragraph


def paragraph_markdown(paragraph: Paragraph, tags: list[tuple[int, str]], last: bool) -> str:
    """A paragraph's Markdown: its runs with their emphasis, its tags after their amounts, its
    opening escaped where Markdown would read a block there; on one line."""
    # a text file's paragraph: its lines are where it was wrapped, joined by a space (same
    # length: the tags' places hold); a DOCX's line breaks are Word's, kept
    runs = list(paragraph.runs) or [Run(paragraph.text.replace("\n", " "))]
    if last:
        runs = _without_end_mark(runs)
    whole = {(r.bold, r.italic) for r in runs if r.text.strip()}
    plain_runs = len(whole) <= 1  # the paragraph's look, not a stretch of it
    article = ARTICLE.match(paragraph.text.lstrip())
    spans: list[tuple[str, str]] = []  # (emphasis marks, Markdown)
    offset = 0
    pending = sorted(tags)
    for run in runs:
        start, offset = offset, offset + len(run.text)
        marks = "" if plain_runs else ("**" if run.bold else "") + ("*" if run.italic else "")
        if article and start < article.end():
            marks = ""
        pieces, at = [], start
        while pending and pending[0][0] <= offset:
            end, tag = pending.pop(0)
            pieces.append(_escaped(run.text[at - start : end - start]) + tag)
            at = end
        pieces.append(_escaped(run.text[at - start :]))
        spans.append((marks, "".join(pieces)))
    text = _emphasised(spans)
    for _, tag in pending:
        text += tag
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [_opening(line, k == 0) for k, line in enumerate(lines)]
    return "\\\n".join(lines)


def _tagged(text: str, tags: list[tuple[int, str]]) -> str:
    """A heading's words on one line, escaped, its tags after their amounts (a heading that
    states an amount: "1. Kinh phí làm đường: 850.000.000 đồng, gồm:")."""
    pieces, at = [], 0
    for end, tag in sorted(tags):
        pieces.append(_escaped(_spaced(text[at:end])) + tag)
        at = end
    pieces.append(_escaped(_spaced(text[at:])))
    return "".join(pieces).strip()


def _spaced(text: str) -> str:
    """Text with its spaces single, a space kept at either end where it had one."""
    text = text.replace("\u00a0", " ").replace("\n", " ")
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")


def _without_end_mark(runs: list[Run]) -> list[Run]:
    text = "".join(r.text for r in runs)
    match = END_MARK.search(text)
    if not match:
        return runs
    keep = match.start()
    out, at = [], 0
    for run in runs:
        piece = run.text[: max(0, keep - at)]
        at += len(run.text)
        if piece:
            out.append(Run(piece, run.bold, run.italic))
    if out and not out[-1].text.rstrip().endswith((".", "!", "?", ":", ")")):
        last = out[-1]
        out[-1] = Run(last.text.rstrip() + ".", last.bold, last.italic)
    return out


def _emphasised(spans: list[tuple[str, str]]) -> str:
    """Spans joined, each emphasised one between its marks when Markdown will read them so:
    spaces kept outside, and marks only where they open and close (flanking)."""
    out = ""
    for k, (marks, text) in enumerate(spans):
        core = text.strip()
        if not marks or not core:
            out += text
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        before = (out + lead)[-1:] or " "
        following = (text + "".join(t for _, t in spans[k + 1 :]))[len(text) :][:1] or " "
        after = trail[:1] or following
        opens = core[0] not in PUNCTUATION or before.isspace() or before in PUNCTUATION
        closes = core[-1] not in PUNCTUATION or after.isspace() or after in PUNCTUATION
        joined = out.endswith(("*",)) and not lead
        if opens and closes and not joined and not after.startswith("*"):
            out += f"{lead}{marks}{core}{marks}{trail}"
        else:
            out += text
    return out


def _escaped(text: str, marks: tuple[str, ...] = ESCAPED, broken: tuple[str, ...] = BROKEN) -> str:
    """Text as Markdown shows it as typed: its `marks` escaped, and the `broken` pairs of braces
    (a citation's, a tag's) broken by a zero-width space."""
    for mark in marks:
        text = text.replace(mark, "\\" + mark)
    for pair in broken:
        text = text.replace(pair, pair[0] + "\u200b" + pair[1])
    return text


def _opening(text: str, first: bool = True) -> str:
    """A line whose opening Markdown would read as a block of its own escaped there; a
    paragraph's "- " or "+ " kept as the list item it is."""
    text = text.lstrip()
    if text.startswith(("- ", "+ ")):
        return text if first else "\\" + text
    if re.match(r"\d{1,9}[.)](?:\s|$)", text):
        digits = re.match(r"\d+", text)
        assert digits is not None
        return f"{text[: digits.end()]}\\{text[digits.end() :]}"
    if BLOCK_START.match(text):
        return "\\" + text
    return text
