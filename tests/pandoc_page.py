"""Reading the render stage's output, pandoc's JSON AST, in tests: words, styles, styled Divs;
and what pandoc wrote of it in the DOCX, as Word shows it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def formatted_text(document_xml: bytes) -> list[tuple[bytes, list[tuple[bytes, str]]]]:
    """Each paragraph's properties and its text, in runs of one formatting each (adjacent runs
    of the same formatting joined): what Word shows, whatever runs pandoc cut it into."""
    paragraphs = []
    for paragraph in etree.fromstring(document_xml).iter(f"{W}p"):
        properties = paragraph.find(f"{W}pPr")
        runs: list[tuple[bytes, str]] = []
        for run in paragraph.iter(f"{W}r"):
            format_ = run.find(f"{W}rPr")
            key = etree.tostring(format_) if format_ is not None else b""
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if runs and runs[-1][0] == key:
                runs[-1] = (key, runs[-1][1] + text)
            else:
                runs.append((key, text))
        shown = etree.tostring(properties) if properties is not None else b""
        paragraphs.append((shown, runs))
    return paragraphs
