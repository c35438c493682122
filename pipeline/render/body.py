"""The body's blocks as pandoc elements: headings, paragraphs, items, budget tables, the end mark.

List items become paragraphs that begin with their marker ("- …", "+ …", "2. …"), as ND30
writes them, never Word lists. A soft line end is a space; a hard one a line break. A paragraph
opening with an article's label ("Điều 3.") shows the label bold (PL I, II.6.đ).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.parse.blocks import (
    Break,
    Citation,
    Emphasis,
    Heading,
    Inline,
    Item,
    Paragraph,
    Strong,
    Tag,
    Text,
    source_text,
)
from pipeline.render import ast
from pipeline.render.table import budget_table, unit_line
from pipeline.resolve.document import BudgetTable, ShownBlock

END_MARK = "./."
ARTICLE = re.compile(r"(Điều\s+\d+[a-zđ]?\.)(?=\s|$)")  # "Điều 3." opening a paragraph


def inlines(items: tuple[Inline, ...]) -> list[ast.Node]:
    """Resolved inlines as pandoc inlines."""
    out: list[ast.Node] = []
    for inline in items:
        match inline:
            case Text(text):
                out.extend(ast.words(text))
            case Strong(children):
                out.append(ast.strong(inlines(children)))
            case Emphasis(children):
                out.append(ast.emphasis(inlines(children)))
            case Break(hard=True):
                out.append(ast.LINE_BREAK)
            case Break():
                out.append(ast.SPACE)
            case Citation() | Tag():  # pragma: no cover - resolve leaves none
                raise ValueError(f"render got an unresolved {inline}")
    return out


def blocks(items: list[ShownBlock], bare: BudgetTable | None = None) -> list[ast.Node]:
    """Body blocks as pandoc blocks; a budget table with its unit line above it, except the
    `bare` one (an appendix draws its unit line)."""
    out: list[ast.Node] = []
    for block in items:
        match block:
            case Heading():
                out.append(ast.heading(block.level, inlines(block.inlines)))
            case Paragraph():
                out.append(ast.para(inlines(article_label(block.inlines))))
            case Item():
                out.append(ast.para([*ast.words(block.marker), ast.SPACE, *inlines(block.inlines)]))
            case BudgetTable():
                if block is not bare:
                    out.append(unit_line(block.table.unit_text))
                out.append(budget_table(block.table))
    return out


def article_label(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A paragraph's inlines with its opening "Điều N." made bold, if it opens with one."""
    if not items or not isinstance(items[0], Text):
        return items
    match = ARTICLE.match(items[0].text)
    if not match:
        return items
    rest = items[0].text[match.end() :]
    return (Strong((Text(match.group(1)),)), *((Text(rest),) if rest else ()), *items[1:])


def body_blocks(items: list[ShownBlock]) -> list[ast.Node]:
    """The body's blocks with ND30's end mark "./." after its last sentence, unless the editor
    typed it: "… thi hành." becomes "… thi hành./.". A body that ends with a table gets the
    mark as a paragraph of its own."""
    last = items[-1] if items else None
    if not isinstance(last, Heading | Paragraph | Item):
        return [*blocks(items), ast.para(ast.words(END_MARK))]
    text = source_text(last.inlines).rstrip()
    if not text.endswith(END_MARK):
        mark = END_MARK[1:] if text.endswith(".") else END_MARK
        items = [*items[:-1], replace(last, inlines=(*last.inlines, Text(mark)))]
    return blocks(items)
