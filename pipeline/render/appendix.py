"""Appendices (Phụ lục): split off the body at their heading, with title, reference and unit lines.

In content, a level-1 heading whose text starts with "Phụ lục" ("# Phụ lục", "# Phụ lục II") starts
an appendix; the level-2 heading right after it is its title; the rest, up to the next appendix, is
its body (typically one budget table). Around that, ND30 wants two lines the editor does not type:

- "(Kèm theo Báo cáo số …/BC-UBND ngày … của Ủy ban nhân dân xã …)", made from the front matter
  (number and date blanks kept on a draft);
- "Đơn vị: Triệu đồng", the unit of the table's amounts, taken from the first of:
  1. a body block that states its unit: `block.token["unit"]` ("Đơn vị: Triệu đồng", "triệu
     đồng", or anything with a `label`, such as pipeline.amount.Unit) — how a generated budget
     table tells it; when that block also gives `block.token["grid"]` (the table alone, without
     its own unit line), the appendix shows that instead of `block.source`;
  2. a paragraph of the appendix typed as "Đơn vị: …" or "Đơn vị tính: …" (it becomes the line);
  3. the front matter: `phu_luc: {don_vi: triệu đồng}`.

Front matter `phu_luc` (optional mapping): `don_vi` (the unit, as above) and `kem_theo` (a
"(Kèm theo …)" line to use instead of the generated one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.money.dates import date_line
from pipeline.parse.document import Block
from pipeline.parse.frontmatter import FrontMatter

HEADING = re.compile(r"^\s*phụ\s+lục\b", re.IGNORECASE)
UNIT_PARAGRAPH = re.compile(r"^\s*đơn\s+vị(?:\s+tính)?\s*:\s*(.+?)\s*$", re.IGNORECASE)

# Words that open the place part of an agency's name: what follows them is a proper name.
PLACE_WORDS = (
    "thành phố", "thị trấn", "thị xã", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh",
)  # fmt: skip


@dataclass
class Appendix:
    """One appendix: its heading ("Phụ lục I"), its title heading, and the blocks of its body."""

    heading: Block
    title: Block | None = None
    blocks: list[Block] = field(default_factory=list)


def plain_text(block: Block) -> str:
    """A block's words without Markdown: its inline tokens' raw text."""

    def walk(tokens: list[dict[str, Any]]) -> str:
        return "".join(
            walk(t["children"]) if "children" in t else t.get("raw", " ") for t in tokens
        )

    return " ".join(walk(block.inlines).split())


def is_appendix_heading(block: Block) -> bool:
    """Whether a block opens an appendix: a level-1 heading reading "Phụ lục …"."""
    return block.kind == "heading" and block.level == 1 and bool(HEADING.match(plain_text(block)))


def split_appendices(blocks: list[Block]) -> tuple[list[Block], list[Appendix]]:
    """The body's blocks, and the appendices that follow it, in order."""
    body: list[Block] = []
    appendices: list[Appendix] = []
    for block in blocks:
        if is_appendix_heading(block):
            appendices.append(Appendix(block))
        elif not appendices:
            body.append(block)
        elif block.kind == "heading" and block.level == 2 and appendices[-1].title is None:
            if not appendices[-1].blocks:
                appendices[-1].title = block
            else:
                appendices[-1].blocks.append(block)
        else:
            appendices[-1].blocks.append(block)
    return body, appendices


def agency_name(front: FrontMatter) -> str:
    """The issuing agency in running text: "Ủy ban nhân dân xã Nguyễn Lương Bằng"."""
    words = []
    for line in front.agency:
        lower = line.strip().lower()
        place = next((w for w in PLACE_WORDS if lower.startswith(w + " ")), None)
        if place:
            words.append(f"{place} {line.strip()[len(place) + 1 :].strip().title()}")
        else:
            words.append(lower)
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def document_kind(front: FrontMatter) -> str:
    """The document's type in running text: "BÁO CÁO" → "Báo cáo"."""
    kind = front.type.strip().lower()
    return kind[:1].upper() + kind[1:]


def reference_line(front: FrontMatter) -> str:
    """ "(Kèm theo Báo cáo số 125/BC-UBND ngày 08 tháng 01 năm 2027 của Ủy ban nhân dân xã …)"."""
    settings = appendix_settings(front)
    if settings.get("kem_theo"):
        return str(settings["kem_theo"]).strip()
    number = front.number_symbol.removeprefix("Số: ")  # "125/BC-UBND", or the draft's blank
    return (
        f"(Kèm theo {document_kind(front)} số {number} {date_line(front.date)} "
        f"của {agency_name(front)})"
    )


def appendix_settings(front: FrontMatter) -> dict[str, Any]:
    """The front matter's `phu_luc` mapping (empty when absent or not a mapping)."""
    value = front.extra.get("phu_luc")
    return value if isinstance(value, dict) else {}


def unit_text(value: Any) -> str:
    """The unit line for a unit however given: "triệu đồng" → "Đơn vị: Triệu đồng"; a line that
    already reads "Đơn vị: …" or "Đơn vị tính: …" is kept as written."""
    text = " ".join(str(getattr(value, "label", value)).split())
    if UNIT_PARAGRAPH.match(text):
        return text
    return f"Đơn vị: {text[:1].upper()}{text[1:]}"


def _token(block: Block) -> dict[str, Any]:
    return block.token if isinstance(block.token, dict) else {}


def typed_unit(block: Block) -> str | None:
    """The unit line of a paragraph typed as "Đơn vị: Triệu đồng", if it is one."""
    if block.kind != "paragraph" or not UNIT_PARAGRAPH.match(plain_text(block)):
        return None
    return unit_text(plain_text(block))


def unit_line(appendix: Appendix, front: FrontMatter) -> tuple[str | None, list[Block]]:
    """The appendix's "Đơn vị: …" line (or None), and its body blocks as the appendix shows them:
    a typed unit paragraph removed (the line replaces it), a stating table as its bare grid."""
    for block in appendix.blocks:
        token = _token(block)
        if token.get("unit"):
            blocks = [b for b in appendix.blocks if typed_unit(b) is None]
            if token.get("grid"):
                blocks = [replace(b, source=token["grid"]) if b is block else b for b in blocks]
            return unit_text(token["unit"]), blocks
    for block in appendix.blocks:
        line = typed_unit(block)
        if line:
            return line, [b for b in appendix.blocks if b is not block]
    unit = appendix_settings(front).get("don_vi")
    return (unit_text(unit) if unit else None), appendix.blocks
