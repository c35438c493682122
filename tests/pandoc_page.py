"""Reading the render stage's output, pandoc's JSON AST, in tests: words, styles, styled Divs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Node = dict[str, Any]


def text_of(inlines: Iterable[Node]) -> str:
    """The words of pandoc inlines: spaces and line breaks as one space, bold and italic read."""
    parts: list[str] = []
    for node in inlines:
        if node["t"] == "Str":
            parts.append(node["c"])
        elif node["t"] in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif node["t"] in ("Strong", "Emph"):
            parts.append(text_of(node["c"]))
    return "".join(parts)


def style_of(block: Node) -> str:
    """The custom-style of a Div or Table; "" for other blocks and for a table without one."""
    if block["t"] not in ("Div", "Table") or not block["c"][0][2]:
        return ""
    return str(dict(block["c"][0][2])["custom-style"])


def divs(blocks: list[Node]) -> list[Node]:
    """Every styled Div, those in layout table cells included, in order."""
    found: list[Node] = []
    for block in blocks:
        if block["t"] == "Div":
            found.append(block)
        elif block["t"] == "Table":
            for body in block["c"][4]:
                for row in body[3]:
                    for cell in row[1]:
                        found.extend(divs(cell[4]))
    return found
