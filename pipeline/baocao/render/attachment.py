"""Documents issued with a decision (Mẫu 1.3): a quy chế or quy định "ban hành kèm theo" it.

In content, a level-1 heading that is exactly the name of a kind that can be attached
("# QUY CHẾ", templates/kinds.yaml `attachable`; parse finds it, baocao.parse.outline) starts the
attached document, in a document whose kind `attaches` them; the level-2 heading right after it
is its title; the rest, up to the next attached document or appendix, is its body (Chương, Điều
…). The frame draws each on a new page with the agency and the national title but no number, date
or signature, and the line "(Kèm theo Quyết định số … ngày … của …)" under its title
(docs/nd30-rules.md, "Document kinds").
"""

from __future__ import annotations

from dataclasses import dataclass

from baocao.parse.blocks import AttachedHeading, Heading, Inline
from baocao.parse.frontmatter import FrontMatter
from baocao.render.appendix import Opened, attachment_line, split_opened
from baocao.resolve.document import ShownBlock


@dataclass
class Attached(Opened):
    """One attached document: its type heading, its title heading, and its body's blocks."""


@dataclass(frozen=True)
class AttachedPage:
    """What the frame draws for an attached document above its body."""

    type: str
    title: tuple[Inline, ...] | None
    attachment_line: str


def attached_type(block: ShownBlock) -> str | None:
    """The kind's name when a block opens an attached document: "# QUY CHẾ" → "QUY CHẾ"."""
    if not isinstance(block, Heading) or not isinstance(block.role, AttachedHeading):
        return None
    return block.role.kind.name


def split_attached(
    blocks: list[ShownBlock], front: FrontMatter
) -> tuple[list[ShownBlock], list[Attached]]:
    """The decision's own blocks, and the documents attached after them, in order."""
    if not front.kind.attaches:
        return blocks, []
    return split_opened(blocks, lambda heading: attached_type(heading) is not None, Attached)


def attached_page(document: Attached, front: FrontMatter) -> AttachedPage:
    """An attached document with the lines the frame draws above its body."""
    title = document.title.inlines if document.title else None
    return AttachedPage(attached_type(document.heading) or "", title, attachment_line(front))
