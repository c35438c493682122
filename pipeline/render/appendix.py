"""Appendices (Phụ lục): split off the body at their heading, with the lines ND30 puts above them.

In content, a level-1 heading whose text starts with "Phụ lục" ("# Phụ lục", "# Phụ lục II")
starts an appendix; the level-2 heading right after it is its title; the rest, up to the next
appendix, is its body (typically one budget table). Around that, ND30 wants two lines the editor
does not type (docs/nd30-rules.md, "Appendix"):

- the attachment line, "(Kèm theo Báo cáo số …/BC-UBND ngày … của Ủy ban nhân dân xã …)", made
  from the front matter (a draft's blanks kept), or as the front matter's `phu_luc.kem_theo`
  writes it;
- the unit line, "Đơn vị: Triệu đồng", from the first of: the first budget table of the appendix
  (which then shows without its own unit line); a paragraph of the appendix typed as
  "Đơn vị: …" (it becomes the line); the front matter's `phu_luc.don_vi`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeGuard

from pipeline.money.dates import date_line
from pipeline.parse.blocks import Heading, Inline, Paragraph, source_text
from pipeline.parse.frontmatter import FrontMatter
from pipeline.resolve.document import BudgetTable, ShownBlock

HEADING = re.compile(r"^\s*phụ\s+lục\b", re.IGNORECASE)
UNIT_PARAGRAPH = re.compile(r"^\s*đơn\s+vị(?:\s+tính)?\s*:\s*(.+?)\s*$", re.IGNORECASE)

# Words that open the place part of an agency's name: what follows them is a proper name.
PLACE_WORDS = (
    "thành phố", "thị trấn", "thị xã", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh",
)  # fmt: skip


@dataclass
class Appendix:
    """One appendix: its heading ("Phụ lục I"), its title heading, and the blocks of its body."""

    heading: Heading
    title: Heading | None = None
    blocks: list[ShownBlock] = field(default_factory=list)


@dataclass(frozen=True)
class AppendixPage:
    """What the frame draws for one appendix: heading, title, attachment line, unit line, body;
    `bare` is the table whose unit line is the page's (it shows without its own)."""

    heading: str
    title: tuple[Inline, ...] | None
    attachment_line: str
    unit: str | None
    blocks: list[ShownBlock]
    bare: BudgetTable | None = None


def is_appendix_heading(block: ShownBlock) -> TypeGuard[Heading]:
    """Whether a block opens an appendix: a level-1 heading reading "Phụ lục …"."""
    return (
        isinstance(block, Heading)
        and block.level == 1
        and bool(HEADING.match(source_text(block.inlines)))
    )


def split_appendices(blocks: tuple[ShownBlock, ...]) -> tuple[list[ShownBlock], list[Appendix]]:
    """The body's blocks, and the appendices that follow it, in order."""
    body: list[ShownBlock] = []
    appendices: list[Appendix] = []
    for block in blocks:
        if is_appendix_heading(block):
            appendices.append(Appendix(block))
        elif not appendices:
            body.append(block)
        elif (
            isinstance(block, Heading)
            and block.level == 2
            and appendices[-1].title is None
            and not appendices[-1].blocks
        ):
            appendices[-1].title = block
        else:
            appendices[-1].blocks.append(block)
    return body, appendices


def appendix_page(appendix: Appendix, front: FrontMatter) -> AppendixPage:
    """An appendix with the lines the frame draws above its body."""
    heading = source_text(appendix.heading.inlines)
    title = appendix.title.inlines if appendix.title else None
    line = attachment_line(front)
    for block in appendix.blocks:
        if isinstance(block, BudgetTable):
            blocks = [b for b in appendix.blocks if typed_unit(b) is None]
            return AppendixPage(
                heading, title, line, unit_text(block.table.unit_text), blocks, block
            )
    for block in appendix.blocks:
        unit = typed_unit(block)
        if unit:
            blocks = [b for b in appendix.blocks if b is not block]
            return AppendixPage(heading, title, line, unit, blocks)
    unit = unit_text(front.appendix.unit) if front.appendix.unit else None
    return AppendixPage(heading, title, line, unit, appendix.blocks)


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


def attachment_line(front: FrontMatter) -> str:
    """ "(Kèm theo Báo cáo số 125/BC-UBND ngày 08 tháng 01 năm 2027 của Ủy ban nhân dân xã …)"."""
    if front.appendix.attachment_line:
        return front.appendix.attachment_line.strip()
    number = front.number_symbol.removeprefix("Số: ")  # "125/BC-UBND", or the draft's blank
    return (
        f"(Kèm theo {document_kind(front)} số {number} {date_line(front.date)} "
        f"của {agency_name(front)})"
    )


def unit_text(value: str) -> str:
    """The unit line for a unit however given: "triệu đồng" → "Đơn vị: Triệu đồng"; a line that
    already reads "Đơn vị: …" or "Đơn vị tính: …" is kept as written."""
    text = " ".join(value.split())
    if UNIT_PARAGRAPH.match(text):
        return text
    return f"Đơn vị: {text[:1].upper()}{text[1:]}"


def typed_unit(block: ShownBlock) -> str | None:
    """The unit line of a paragraph typed as "Đơn vị: Triệu đồng", if it is one."""
    if not isinstance(block, Paragraph) or not UNIT_PARAGRAPH.match(source_text(block.inlines)):
        return None
    return unit_text(source_text(block.inlines))
