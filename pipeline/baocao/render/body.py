"""The body's blocks as pandoc elements: headings, paragraphs, items, budget tables, the end mark.

List items become paragraphs that begin with their marker ("- …", "+ …", "2. …"), as ND30
writes them, never Word lists. A soft line end is a space; a hard one a line break. A paragraph
opening with an article's label ("Điều 3.") shows the label bold, and a heading "Chương I. …"
its level and its title on two centred lines (PL I, II.6.đ); parse has found both
(baocao.parse.outline).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from baocao.parse.blocks import (
    Emphasis,
    Heading,
    Inline,
    Item,
    Paragraph,
    PartHeading,
    PlainTable,
    Strong,
    Text,
    source_text,
    typed_text,
)
from baocao.render import ast
from baocao.render.appendix import PAGE_MARKS, PageOrientation
from baocao.render.inlines import inlines as inlines  # the body's, the frame's: one function
from baocao.render.table import budget_table, plain_table, unit_line
from baocao.resolve.document import BudgetTable, ShownBlock

END_MARK = "./."
PART_HEADING = "Part Heading"


def blocks(
    items: Sequence[ShownBlock | PageOrientation], bare: BudgetTable | None = None
) -> list[ast.Node]:
    """Body blocks as pandoc blocks; a budget table with its unit line above it, except the
    `bare` one (an appendix draws its unit line); an appendix's forced orientation as the mark
    the finishing pass reads."""
    out: list[ast.Node] = []
    for block in items:
        match block:
            case Heading():
                out.append(heading(block))
            case Paragraph():
                out.append(ast.para(inlines(article_label(block))))
            case Item():
                out.append(ast.para([*ast.words(block.marker), ast.SPACE, *inlines(block.inlines)]))
            case BudgetTable():
                if block is not bare:
                    out.append(unit_line(block.table.unit_text))
                out.append(budget_table(block.table))
            case PlainTable():
                out.append(plain_table(block))
            case PageOrientation():
                out.append(ast.anchor(PAGE_MARKS[block.landscape]))
    return out


def heading(block: Heading) -> ast.Node:
    """A heading; "Chương I. QUY ĐỊNH CHUNG" (or Phần, Mục, Tiểu mục) as two centred lines."""
    part = block.role
    if not isinstance(part, PartHeading):
        return ast.heading(block.level, inlines(block.inlines))
    title = source_text(block.inlines)[part.title_start :]
    lines = [*ast.words(part.label), ast.LINE_BREAK, *ast.words(title)]
    return ast.styled(PART_HEADING, [ast.para(lines)])


def article_label(block: Paragraph) -> tuple[Inline, ...]:
    """A paragraph's inlines with its opening "Điều N." made bold, when it is typed as plain
    words at the start of its first text."""
    items, label = block.inlines, block.article
    if label is None or not items or not isinstance(items[0], Text):
        return items
    first = items[0].text
    if len(first) < label.end:
        return items
    before, rest = first[: label.start], first[label.end :]
    opened: list[Inline] = [Text(before)] if before else []
    opened.append(Strong((Text(first[label.start : label.end]),)))
    if rest:
        opened.append(Text(rest))
    return (*opened, *items[1:])


def body_blocks(
    items: Sequence[ShownBlock | PageOrientation], bare: BudgetTable | None = None
) -> list[ast.Node]:
    """Blocks that end a document's body, an attached document or an appendix, with ND30's end
    mark "./." after the last sentence, exactly once (`end_marked`). Content that ends with a
    table gets the mark as a paragraph of its own."""
    shown = [k for k, item in enumerate(items) if not isinstance(item, PageOrientation)]
    last = items[shown[-1]] if shown else None
    if not isinstance(last, Heading | Paragraph | Item):
        return [*blocks(items, bare), ast.para(ast.words(END_MARK))]
    marked = replace(last, inlines=end_marked(last.inlines))
    return blocks([*items[: shown[-1]], marked, *items[shown[-1] + 1 :]], bare)


# What the editor may have typed at the end of the last sentence, replaced by the end mark: its
# full stop, the mark or a piece of it with stray spaces ("… ./.", "…. /.", "…./", "…/."), after
# a full stop or not ("…. ./."), or a list's separator (";", ","), and spaces. Other punctuation
# (":", "?", ")", "”") stays.
# (Searched in the last few characters only: a regex search of a long run of spaces is slow.)
TYPED_END = re.compile(r"\s*(?:[.;,]?\s*(?:\.\s*/\s*\.?|/\s*\.)|\.|[;,])\Z")


def end_marked(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The last sentence's inlines ending in "./." exactly once, whatever the editor typed:
    "… thi hành" and "… thi hành." and "… thi hành ./" all become "… thi hành./.", and "…
    nhiệm vụ khác;" (a list's last item) "… nhiệm vụ khác./." (docs/nd30-rules.md, "The end
    mark")."""
    text = _typed(items)
    sentence = text.rstrip()
    typed = TYPED_END.search(sentence[-16:])
    count = len(text) - len(sentence) + (len(typed.group(0)) if typed else 0)
    return (*_without_last(items, count), Text(END_MARK))


def _typed(items: tuple[Inline, ...]) -> str:
    """The inlines' text character for character (`source_text` joins spaces): `typed_text`, a
    line break one space."""
    return typed_text(items).replace("\n", " ")


def _without_last(items: tuple[Inline, ...], count: int) -> tuple[Inline, ...]:
    """The inlines without the last `count` characters of their text (as `_typed` reads it),
    from inside bold or italic too."""
    kept = list(items)
    while count > 0 and kept:
        last = kept.pop()
        length = len(_typed((last,)))
        if length <= count:
            count -= length
        elif isinstance(last, Text):
            kept.append(Text(last.text[: length - count]))
            count = 0
        elif isinstance(last, Strong | Emphasis):
            kept.append(replace(last, children=_without_last(last.children, count)))
            count = 0
        else:  # a citation or a tag: resolve has replaced them before render
            kept.append(last)
            count = 0
    return tuple(kept)
