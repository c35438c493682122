"""Appendices (Phụ lục): split off the body at their heading, with the lines ND30 puts above them.

In content, a level-1 heading whose text starts with "Phụ lục" ("# Phụ lục", "# Phụ lục II")
starts an appendix; the level-2 heading right after it is its title; the rest, up to the next
appendix, is its body (typically one budget table). Around that, ND30 wants two lines the editor
does not type (docs/nd30-rules.md, "Appendix"):

- the attachment line, "(Kèm theo Báo cáo số …/BC-UBND ngày … của Ủy ban nhân dân xã …)", made
  from the front matter's kind, number, date and agency as it writes them (a draft's blanks
  kept), or as the front matter's `phu_luc.kem_theo` writes it;
- the unit line, "Đơn vị: Triệu đồng", from the first of: the first budget table of the appendix
  (which then shows without its own unit line); a paragraph of the appendix typed as
  "Đơn vị: …" (parse marks it, `Paragraph.unit_line`; it becomes the line); the front matter's
  `phu_luc.don_vi`. Parse hands on the table's line and the front matter's as they print
  (baocao.parse.syntax.unit_line).

With two or more appendices, a heading typed without its number is printed with it ("Phụ lục
II", baocao.resolve.appendices, which also checks typed numbers). Each appendix gets its own
section in the finishing pass, portrait or landscape as its widest table needs; the front
matter's `phu_luc.huong` forces one, through a mark (a bookmark) that pass reads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from baocao.money.dates import date_line
from baocao.parse.blocks import Heading, Inline, Paragraph, source_text
from baocao.parse.frontmatter import FrontMatter
from baocao.resolve.appendices import is_appendix_heading, numbered_heading
from baocao.resolve.document import BudgetTable, ShownBlock

# Agencies' collective names as the header writes them (capitals) → as running text writes them.
# In the header, what follows such a name is the unit it belongs to ("XÃ AN BÌNH"); running text
# writes that as the front matter's `dia_danh` does (agency_name). Add a name here when a new
# kind of agency issues documents; a name not here is printed as typed, or as `ten_co_quan` says.
AGENCY_NAMES = {
    "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân",
    "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân",
    "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN": "Thường trực Hội đồng nhân dân",
    "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "VĂN PHÒNG HĐND VÀ UBND": "Văn phòng HĐND và UBND",
    "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN":
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "VĂN PHÒNG ỦY BAN NHÂN DÂN": "Văn phòng Ủy ban nhân dân",
    "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN": "Văn phòng Hội đồng nhân dân",
    "PHÒNG KINH TẾ": "Phòng Kinh tế",
    "PHÒNG VĂN HÓA - XÃ HỘI": "Phòng Văn hóa - Xã hội",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": "Trung tâm Phục vụ hành chính công",
    "BAN CHỈ HUY QUÂN SỰ": "Ban Chỉ huy quân sự",
    "CÔNG AN": "Công an",
}  # fmt: skip
# The types of administrative unit a header names before the unit's name ("XÃ AN BÌNH").
PLACE_TYPES = (
    "thành phố", "thị trấn", "thị xã", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh",
)  # fmt: skip
# A tone mark written on the second vowel of "oa", "oe", "uy" ("UỶ", the older placement):
# moved onto the first ("ỦY") before names are compared.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(f"([oOuU])([aAeEyY])([{_TONES}])")
# The bookmark that forces an appendix's page, landscape (True) or portrait (False); the
# finishing pass reads and removes it.
PAGE_MARKS = {False: "baocao-trang-doc", True: "baocao-trang-ngang"}


@dataclass(frozen=True)
class PageOrientation:
    """An appendix's page forced by the front matter (`phu_luc.huong`), as its body's first
    block: drawn as the mark PAGE_MARKS names."""

    landscape: bool


@dataclass
class Opened:
    """A part of the content opened by a level-1 heading (an appendix, a document issued with a
    decision): that heading, the level-2 heading right after it as its title, and its blocks."""

    heading: Heading
    title: Heading | None = None
    blocks: list[ShownBlock] = field(default_factory=list)


P = TypeVar("P", bound=Opened)


@dataclass
class Appendix(Opened):
    """One appendix: its heading ("Phụ lục I"), its title heading, and the blocks of its body."""

    place: int = 1  # its place among the document's appendices, from 1
    count: int = 1  # how many appendices the document has


@dataclass(frozen=True)
class AppendixPage:
    """What the frame draws for one appendix: heading, title, attachment line, unit line, body;
    `bare` is the table whose unit line is the page's (it shows without its own)."""

    heading: str
    title: tuple[Inline, ...] | None
    attachment_line: str
    unit: str | None
    blocks: list[ShownBlock | PageOrientation]
    bare: BudgetTable | None = None


def split_opened(
    blocks: Sequence[ShownBlock], opens: Callable[[Heading], bool], part: Callable[[Heading], P]
) -> tuple[list[ShownBlock], list[P]]:
    """The blocks before the first heading that `opens` a part, and the parts, in order: each
    from its heading up to the next; a level-2 heading right after it is its title."""
    body: list[ShownBlock] = []
    parts: list[P] = []
    for block in blocks:
        if isinstance(block, Heading) and opens(block):
            parts.append(part(block))
        elif not parts:
            body.append(block)
        elif (
            isinstance(block, Heading)
            and block.level == 2
            and parts[-1].title is None
            and not parts[-1].blocks
        ):
            parts[-1].title = block
        else:
            parts[-1].blocks.append(block)
    return body, parts


def split_appendices(blocks: tuple[ShownBlock, ...]) -> tuple[list[ShownBlock], list[Appendix]]:
    """The body's blocks, and the appendices that follow it, in order."""
    body, appendices = split_opened(blocks, is_appendix_heading, Appendix)
    for place, appendix in enumerate(appendices, start=1):
        appendix.place, appendix.count = place, len(appendices)
    return body, appendices


def appendix_page(appendix: Appendix, front: FrontMatter) -> AppendixPage:
    """An appendix with the lines the frame draws above its body (the heading numbered when
    the editor left its number out), its page's orientation first if the front matter forces
    it."""
    heading = numbered_heading(appendix.heading, appendix.place, appendix.count)
    title = appendix.title.inlines if appendix.title else None
    line = attachment_line(front)
    forced = front.appendix.landscape
    mark: list[ShownBlock | PageOrientation] = [] if forced is None else [PageOrientation(forced)]
    for block in appendix.blocks:
        if isinstance(block, BudgetTable):
            blocks = [*mark, *(b for b in appendix.blocks if typed_unit(b) is None)]
            return AppendixPage(heading, title, line, block.table.unit_text, blocks, block)
    for block in appendix.blocks:
        unit = typed_unit(block)
        if unit:
            blocks = [*mark, *(b for b in appendix.blocks if b is not block)]
            return AppendixPage(heading, title, line, unit, blocks)
    return AppendixPage(heading, title, line, front.appendix.unit_line, [*mark, *appendix.blocks])


def agency_name(front: FrontMatter) -> str:
    """The issuing agency in running text: the front matter's `ten_co_quan` as written; else,
    when certain, made from the header's lines: a known collective name (AGENCY_NAMES) and the
    unit as `dia_danh` writes it — "Ủy ban nhân dân xã An Bình" (dia_danh "An Bình"), "Ủy ban
    nhân dân Xã Nguyễn Lương Bằng" (dia_danh "Xã Nguyễn Lương Bằng"); else the header's lines
    as typed, joined by a space."""
    if front.agency_name:
        return front.agency_name.strip()
    typed = " ".join(" ".join(line.split()) for line in front.agency if line.strip())
    return derived_agency_name(typed, front.place) or typed


def derived_agency_name(typed: str, place: str) -> str | None:
    """The agency's name in running text from its header text, or None when not certain."""
    folded = _fold(typed)
    for capitals, running in sorted(AGENCY_NAMES.items(), key=lambda kv: -len(kv[0])):
        key = _fold(capitals)
        if folded == key:
            return running
        if folded.startswith(key + " "):
            unit = _unit(folded[len(key) + 1 :], place)
            return f"{running} {unit}" if unit else None
    return None


def _unit(folded: str, place: str) -> str | None:
    """The unit a header names after the collective name ("XÃ AN BÌNH"), as `dia_danh` writes
    it: the place itself when it carries its type ("Xã Nguyễn Lương Bằng"), else the type in
    lower case and the place ("xã An Bình"); None when the two do not name the same unit."""
    place = " ".join(place.split())
    if place and folded == _fold(place):
        return place
    kind = next((k for k in PLACE_TYPES if folded == _fold(f"{k} {place}")), None)
    return f"{kind} {place}" if kind and place else None


def _fold(text: str) -> str:
    """Text for comparing names: one space between words, capitals, composed, with the tone
    mark of "oa", "oe", "uy" on one vowel whichever the editor typed on."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()))
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed)).upper()


def document_kind(front: FrontMatter) -> str:
    """The document's type in running text: "BÁO CÁO" → "Báo cáo", "CÔNG VĂN" → "Công văn";
    "Văn bản" (Mẫu 2.1's word) when it has none."""
    kind = " ".join(front.type.split()).lower() or "văn bản"
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


def typed_unit(block: ShownBlock) -> str | None:
    """The unit line of a paragraph typed as "Đơn vị: Triệu đồng", if it is one: its words."""
    if not isinstance(block, Paragraph) or not block.unit_line:
        return None
    return source_text(block.inlines)
