"""Render stage: a resolved document as pandoc's document model, its frame drawn from data.

parse → resolve → **render** → docx. The frame (templates/frame.yaml) places the header block,
the type and subject, the body with its end mark, the signature block and the appendices; the
body's blocks and the budget tables come from the resolved model. Nothing here is text for
pandoc to parse: the result is pandoc's JSON AST (baocao.render.ast).
"""

from __future__ import annotations

import re

from baocao.money.dates import place_date_line
from baocao.render import ast
from baocao.render.appendix import appendix_page, split_appendices
from baocao.render.attachment import attached_page, split_attached
from baocao.render.body import body_blocks, inlines
from baocao.render.frame import Frame, form
from baocao.resolve.document import ResolvedDocument


def render_document(document: ResolvedDocument) -> ast.Node:
    """The whole document: frame around the body, then the documents issued with it and the
    appendices, each ended by "./."."""
    front = document.front
    body, appendices = split_appendices(document.blocks)
    body, attached = split_attached(body, front)
    pages: dict[str, list[tuple[object, list[ast.Node]]]] = {"appendices": [], "attachments": []}
    for appendix in appendices:
        page = appendix_page(appendix, front)
        pages["appendices"].append((page, body_blocks(page.blocks, bare=page.bare)))
    for one in attached:
        pages["attachments"].append((attached_page(one, front), body_blocks(one.blocks)))
    context = {
        "front": front,
        "kind": front.kind,
        "number_symbol": front.number_symbol,
        "place_date": place_date_line(front.place, front.date),
        "agencies": [*front.agency, *(front.joint.agency if front.joint else ())],
        "authority": list(front.authority) or [" ".join(front.agency)],
        "bases": punctuated(front.bases, dash=False),
        "to": punctuated(front.to) if len(front.to) > 1 else [],
        "letter_subject": letter_subject(front.subject),
        "recipients": punctuated(front.recipients),
    }
    frame = Frame(context, inlines, pages)
    return ast.document(frame.draw(form(front.kind.form), body_blocks(body)))


def punctuated(lines: tuple[str, ...], dash: bool = True) -> list[str]:
    """A list's lines as ND30 ends them, whatever the editor typed: each with ";" and the last
    with "." — "Nơi nhận" and several "Kính gửi" lines also open with "- "; căn cứ do not."""
    texts = [(r.strip().lstrip("-") if dash else r).strip().rstrip(";.").strip() for r in lines]
    lead = "- " if dash else ""
    return [f"{lead}{text}{'.' if i == len(texts) - 1 else ';'}" for i, text in enumerate(texts)]


# "V/v" as the editor may type it: any case, a colon or a full stop after it ("v/v:", "V/V."),
# or written out, "Về việc".
_LETTER_PREFIX = re.compile(r"(?:v\s*/\s*v|về\s+việc)\b\s*[:.]?\s*", re.IGNORECASE)


def letter_subject(subject: str) -> str:
    """A công văn's trích yếu under its number: "V/v …" as ND30 writes it (docs/nd30-rules.md),
    whether the editor typed it ("v/v:", "V/V") or not."""
    text = subject.strip()
    typed = _LETTER_PREFIX.match(text)
    return f"V/v {text[typed.end() if typed else 0 :]}".rstrip()
