"""Resolved inlines as pandoc inlines: text, bold, italic and line ends, wherever they stand (a
paragraph, a heading, a frame line, a table cell)."""

from __future__ import annotations

from baocao.parse.blocks import Break, Citation, Emphasis, Inline, Strong, Tag, Text
from baocao.render import ast


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
