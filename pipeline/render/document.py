"""Render stage: a resolved document as pandoc's document model, its frame drawn from data.

parse → resolve → **render** → docx. The frame (templates/frame.yaml) places the header block,
the type and subject, the body with its end mark, the signature block and the appendices; the
body's blocks and the budget tables come from the resolved model. Nothing here is text for
pandoc to parse: the result is pandoc's JSON AST (pipeline/render/ast.py).
"""

from __future__ import annotations

from pipeline.money.dates import place_date_line
from pipeline.render import ast
from pipeline.render.appendix import appendix_page, split_appendices
from pipeline.render.body import blocks, body_blocks, inlines
from pipeline.render.frame import Frame, definition
from pipeline.resolve.document import ResolvedDocument


def render_document(document: ResolvedDocument) -> ast.Node:
    """The whole document: frame around the body, then the appendices."""
    front = document.front
    body, appendices = split_appendices(document.blocks)
    pages = []
    for appendix in appendices:
        page = appendix_page(appendix, front)
        pages.append((page, blocks(page.blocks, bare=page.bare)))
    context = {
        "front": front,
        "number_symbol": front.number_symbol,
        "place_date": place_date_line(front.place, front.date),
        "recipients": recipient_lines(front.recipients),
    }
    frame = Frame(context, inlines, pages)
    return ast.document(frame.draw(definition(), body_blocks(body)))


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """ "Nơi nhận" lines: each "- …;" and the last "- …." (ND30), whatever the editor typed."""
    lines = [r.strip().lstrip("-").strip().rstrip(";.").strip() for r in recipients]
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]
