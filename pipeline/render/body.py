"""The body's blocks as pandoc elements: headings, paragraphs, items, budget tables, the end mark.

List items become paragraphs that begin with their marker ("- …", "+ …", "2. …"), as ND30
writes them, never Word lists. A soft line end is a space; a hard one a line break.
"""

from __future__ import annotations

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
)
from pipeline.render import ast
from pipeline.render.table import budget_table, unit_line
from pipeline.resolve.document import BudgetTable, ShownBlock

END_MARK = "./."


def inlines(items: tuple[Inline, ...]) -> list[ast.Node]:
    """Resolved inlines as pandoc inlines."""
    out: list[ast.Node] = []
    for inline in items:
        match inline:
            case Text(text):
                out.extend(ast.words(text))
            case Strong(children):
                out.append(ast.strong(ast.normalized(inlines(children))))
            case Emphasis(children):
                out.append(ast.emphasis(ast.normalized(inlines(children))))
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
                out.append(ast.para(inlines(block.inlines)))
            case Item():
                out.append(ast.para([*ast.words(block.marker), ast.SPACE, *inlines(block.inlines)]))
            case BudgetTable():
                if block is not bare:
                    out.append(unit_line(block.table.unit_text))
                out.append(budget_table(block.table))
    return out


def with_end_mark(body: list[ast.Node]) -> list[ast.Node]:
    """The body with ND30's end mark "./." after its last sentence, unless the editor typed it.

    A body that ends with a table gets the mark as a paragraph of its own."""
    last = body[-1] if body else None
    if last is None or last["t"] not in ("Para", "Header"):
        return [*body, ast.para(ast.words(END_MARK))]
    text = last["c"] if last["t"] == "Para" else last["c"][2]
    if ast.text_of(text).endswith(END_MARK):
        return body
    marked = ast.normalized([*text, *ast.words(END_MARK)])
    if last["t"] == "Para":
        return [*body[:-1], {"t": "Para", "c": marked}]
    return [*body[:-1], {"t": "Header", "c": [*last["c"][:2], marked]}]
