"""pandoc's document model as JSON: the only module that writes its shapes.

The render stage hands pandoc its JSON AST rather than Markdown text, so that nothing an editor
types is ever read again as Markdown: no text needs escaping, and no character in a table cell
can shift or merge cells (docs/pandoc.md, "pandoc reads a JSON AST, not Markdown"). The shapes
follow pandoc-types 1.23, the model of pandoc 3; the docx stage adds the "pandoc-api-version" of
the pandoc it runs.
A run of text is one Str, its spaces in it, where pandoc's own readers would make a Str of each
word and a Space between (docs/pandoc.md, "Text as one Str"): pandoc writes the same runs in the
DOCX, and reads a third of the JSON, faster. Spaces are ASCII spaces, tabs and line ends, each run
of them one space, as pandoc's readers take them; a non-breaking space stays in its word.
`canonical` gives back the split, for pandoc's Markdown writer, which escapes a Str by its start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

Node = dict[str, Any]  # one element: {"t": "Str", "c": "lập"}
Attr = list[Any]  # [identifier, [classes], [[key, value], …]]
Cell = list[Any]  # [attr, alignment, row span, column span, [blocks]]
Row = list[Any]  # [attr, [cells]]

_SPACES = re.compile(r"[ \t\n\r]+")
_DOUBLE_SPACES = re.compile(r"  +")
SPACE: Node = {"t": "Str", "c": " "}
LINE_BREAK: Node = {"t": "LineBreak"}
ALIGNMENTS = {"default": "AlignDefault", "left": "AlignLeft", "right": "AlignRight",
              "center": "AlignCenter"}  # fmt: skip


def attr(style: str | None = None) -> Attr:
    """An element's attributes: no identifier, no class, and a custom-style if one is named."""
    return ["", [], [["custom-style", style]] if style else []]


def words(text: str) -> list[Node]:
    """Text as a Str, each run of spaces in it one space."""
    return [{"t": "Str", "c": spaced(text)}] if text else []


def spaced(text: str) -> str:
    """Text with each run of spaces (ASCII spaces, tabs, line ends) one space."""
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        return _SPACES.sub(" ", text)
    return text  # most text (a figure, a name): nothing to replace, no regex run


def normalized(inlines: Iterable[Node]) -> list[Node]:
    """Inlines as pandoc keeps them: adjacent text joined, one space between words, none at the
    ends nor beside a line break."""
    if isinstance(inlines, list) and len(inlines) <= 1:  # most text: a table cell's, a line's
        if not inlines:
            return []
        if inlines[0]["t"] == "Str":
            alone = inlines[0]["c"]
            alone = (_DOUBLE_SPACES.sub(" ", alone) if "  " in alone else alone).strip(" ")
            return [{"t": "Str", "c": alone}] if alone else []
        return [inlines[0]]  # bold, italic, a line break: as it is
    out: list[Node] = []
    text: list[str] = []  # the Str being joined

    def flush(ending: bool) -> None:
        joined = _DOUBLE_SPACES.sub(" ", "".join(text))
        text.clear()
        if not out or out[-1]["t"] == "LineBreak":
            joined = joined.lstrip(" ")
        if ending:
            joined = joined.rstrip(" ")
        if joined:
            out.append({"t": "Str", "c": joined})

    for node in inlines:
        if node["t"] == "Str":
            text.append(node["c"])
            continue
        if text:
            flush(ending=node["t"] == "LineBreak")
        out.append(node)
    flush(ending=True)
    return out


def canonical(value: Any) -> Any:
    """A document (or any part of one) with each Str split into words and Spaces, as pandoc's
    readers make them: pandoc's Markdown writer escapes a Str by its start ("-", "1.") and would
    otherwise leave a paragraph "- Sau khi …" to be read back as a list."""
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, dict) and item.get("t") == "Str" and " " in item["c"]:
            for k, word in enumerate(item["c"].split(" ")):
                if k:
                    out.append({"t": "Space"})
                if word:
                    out.append({"t": "Str", "c": word})
        else:
            out.append(canonical(item))
    return out


def strong(inlines: Iterable[Node]) -> Node:
    return {"t": "Strong", "c": normalized(inlines)}


def emphasis(inlines: Iterable[Node]) -> Node:
    return {"t": "Emph", "c": normalized(inlines)}


def para(inlines: Iterable[Node]) -> Node:
    """A paragraph (pandoc's Para)."""
    return {"t": "Para", "c": normalized(inlines)}


def plain(inlines: Iterable[Node]) -> Node:
    """Text without a paragraph of its own (pandoc's Plain: a table cell's text)."""
    return {"t": "Plain", "c": normalized(inlines)}


def heading(level: int, inlines: Iterable[Node]) -> Node:
    """A heading of `level` (1 = Heading 1), without the identifier pandoc would invent."""
    return {"t": "Header", "c": [level, attr(), normalized(inlines)]}


def styled(style: str, blocks: list[Node]) -> Node:
    """Blocks in a Div whose custom-style names the paragraph style they take in the DOCX."""
    return {"t": "Div", "c": [attr(style), blocks]}


def anchor(identifier: str) -> Node:
    """An empty Div with an identifier: pandoc writes it as a bookmark of that name, a mark for
    the finishing pass to find (and remove)."""
    return {"t": "Div", "c": [[identifier, [], []], []]}


def cell(blocks: list[Node], rows: int = 1, columns: int = 1) -> Cell:
    """A table cell spanning `rows` × `columns` (pandoc's Cell: attr, alignment, spans, blocks)."""
    return [attr(), {"t": "AlignDefault"}, rows, columns, blocks]


def row(cells: list[Cell]) -> Row:
    return [attr(), cells]


def table(
    head: list[Row],
    body: list[Row],
    aligns: Sequence[str],
    widths: Sequence[float],
    style: str | None = None,
) -> Node:
    """A table: its header rows (repeated on every page in the DOCX), its body rows, each column's
    alignment ("left", "right", "center", "default") and relative width; a table style by name.

    pandoc writes the custom-style as the table's w:tblStyle verbatim, and that must be the
    style's id: the name without its spaces (docs/pandoc.md, 1)."""
    specs = [
        [{"t": ALIGNMENTS[align]}, {"t": "ColWidth", "c": width}]
        for align, width in zip(aligns, widths, strict=True)
    ]
    return {
        "t": "Table",
        "c": [
            attr(style.replace(" ", "") if style else None),
            [None, []],  # no caption
            specs,
            [attr(), head],
            [[attr(), 0, [], body]],
            [attr(), []],
        ],
    }


def document(blocks: list[Node]) -> Node:
    """A whole document, without metadata; the docx stage adds the API version."""
    return {"meta": {}, "blocks": blocks}
