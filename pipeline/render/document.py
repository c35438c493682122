"""Render stage: a resolved document into pandoc Markdown, its frame drawn by a Jinja template."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from pipeline.money.dates import place_date_line
from pipeline.parse.document import Block, Document
from pipeline.parse.frontmatter import FrontMatter
from pipeline.render.appendix import (
    Appendix,
    plain_text,
    reference_line,
    split_appendices,
    unit_line,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Every ASCII punctuation mark is escaped, so pandoc reads the editor's text literally: "1." or "a)"
# opening a paragraph stays text, not a Word list (pandoc-docx-notes, pitfall 4).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Text as pandoc Markdown that reads back as exactly this text."""
    return _PUNCTUATION.sub(r"\\\1", text)


def inline_markdown(tokens: list[dict[str, Any]]) -> str:
    """mistune inline tokens back into pandoc Markdown: text escaped, bold and italic kept."""
    out: list[str] = []
    for token in tokens:
        kind = token["type"]
        if kind in ("text", "codespan"):
            out.append(escape(token.get("raw", "")))
        elif kind == "strong":
            out.append(f"**{inline_markdown(token['children'])}**")
        elif kind == "emphasis":
            out.append(f"*{inline_markdown(token['children'])}*")
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "linebreak":
            out.append("\\\n")
        elif "children" in token:  # links, strikethrough …: keep the words
            out.append(inline_markdown(token["children"]))
        else:
            out.append(escape(token.get("raw", "")))
    return "".join(out).strip()


def block_markdown(block: Block) -> str:
    """One block as pandoc Markdown; dash and numbered items become paragraphs that begin with
    their marker, as ND30 writes them, never Word lists."""
    text = inline_markdown(block.inlines)
    if block.kind == "heading":
        return f"{'#' * block.level} {text}"
    if block.kind == "item":
        return f"{escape(block.marker)} {text}"
    if block.kind == "paragraph":
        return text
    if block.kind == "markdown":  # already pandoc Markdown (e.g. a generated budget table)
        return block.source
    raise ValueError(f"cannot render a {block.kind} block")


@functools.cache
def environment() -> SandboxedEnvironment:
    """The Jinja environment for frames: sandboxed, and strict, so a missing value is an error.

    One per process: it keeps its compiled templates (and reloads one whose file changed)."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["md"] = escape
    return env


def render_document(document: Document) -> str:
    """The whole document as pandoc Markdown: frame (header, title, signature) around the body,
    then the appendices."""
    front = document.front
    blocks, appendices = split_appendices(document.blocks)
    body = with_end_mark("\n\n".join(block_markdown(b) for b in blocks))
    template = environment().get_template("frame.md.j2")
    return template.render(
        front=front,
        number_symbol=front.number_symbol,
        place_date=place_date_line(front.place, front.date),
        recipients=recipient_lines(front.recipients),
        body=body,
        appendices=[appendix_frame(a, front) for a in appendices],
    )


def appendix_frame(appendix: Appendix, front: FrontMatter) -> dict[str, str | None]:
    """What the frame draws for one appendix: heading, title, "(Kèm theo …)", unit line, body."""
    unit, blocks = unit_line(appendix, front)
    title = appendix.title
    return {
        "heading": plain_text(appendix.heading),
        "title": inline_markdown(title.inlines) if title else None,
        "reference": reference_line(front),
        "unit": unit,
        "body": "\n\n".join(block_markdown(b) for b in blocks),
    }


END_MARK = escape("./.")


def with_end_mark(body: str) -> str:
    """The body with ND30's end mark "./." after its last sentence, unless the editor typed it.

    A body that ends with a generated grid table gets the mark as a paragraph of its own: glued
    to the table's last border it would break the table."""
    body = body.rstrip()
    if body.endswith(END_MARK):
        return body
    last = body.rsplit("\n", 1)[-1]
    if last.startswith("+") and last.endswith("+"):
        return f"{body}\n\n{END_MARK}"
    return body + END_MARK


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """ "Nơi nhận" lines: each "- …;" and the last "- …." (ND30), whatever the editor typed."""
    lines = [r.strip().lstrip("-").strip().rstrip(";.").strip() for r in recipients]
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]
