"""A document issued with a decision (Mẫu 1.3): own page, title, "(Kèm theo …)" line, chapters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

import docx
from baocao.build import build_document
from style_chain import paragraph_value

FRONT = """---
co_quan: [ỦY BAN NHÂN DÂN, XÃ THỬ NGHIỆM]
so: 16
dia_danh: Xã Thử Nghiệm
ngay: 2027-01-08
loai: {loai}
trich_yeu: Ban hành Quy chế làm việc của Ủy ban nhân dân xã
can_cu: [Căn cứ Luật Tổ chức chính quyền địa phương]
nguoi_ky: {{quyen_han: [TM. ỦY BAN NHÂN DÂN], chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}}
noi_nhan: [Như Điều 2, "Lưu: VT"]
---

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã.

Điều 2. Văn phòng chịu trách nhiệm thi hành Quyết định này.
"""

RULES = """# QUY CHẾ

## Làm việc của Ủy ban nhân dân xã

# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định lề lối làm việc của Ủy ban nhân dân xã.
"""


def build(tmp_path: Path, loai: str) -> Any:
    folder = tmp_path / "content" / "quyet-dinh"
    folder.mkdir(parents=True)
    (folder / "00-quyet-dinh.md").write_text(FRONT.format(loai=loai), encoding="utf-8")
    (folder / "10-quy-che.md").write_text(RULES, encoding="utf-8")
    return docx.Document(str(build_document(folder, tmp_path / "out").target))


def body_items(document: Any) -> list[tuple[str, str]]:
    """(kind, text) of the body's top-level blocks: ("p", style:text) or ("table", style)."""
    items = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document._body)
            items.append((paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            items.append(("table", docx.table.Table(child, document._body).style.name))
    return items


def test_the_attached_document_starts_a_page_with_its_own_head(tmp_path: Path) -> None:
    items = body_items(build(tmp_path, "QUYẾT ĐỊNH"))
    signature = items.index(("table", "Signature Block"))
    attached = items[signature + 1 :]
    assert attached[0][0] == "Page Break"
    assert attached[1] == ("table", "Header Block")
    assert attached[2] == ("Document Type", "QUY CHẾ")
    assert attached[3] == ("Attached Title", "Làm việc của Ủy ban nhân dân xã")
    assert attached[4] == (
        "Attachment Line",
        "(Kèm theo Quyết định số 16/QĐ-UBND ngày 08 tháng 01 năm 2027 "
        "của Ủy ban nhân dân Xã Thử Nghiệm)",
    )
    assert attached[5][0] == "Rule"
    assert ("Part Heading", "Chương I\nQUY ĐỊNH CHUNG") in attached
    assert attached[-1][1].endswith("làm việc của Ủy ban nhân dân xã./.")
    assert ("table", "Signature Block") not in attached  # it is signed with the decision


def test_the_attached_head_has_no_number_and_no_date(tmp_path: Path) -> None:
    document = build(tmp_path, "QUYẾT ĐỊNH")
    head = [t for t in document.tables if t.style.name == "Header Block"][1]
    assert len(head.rows) == 1
    assert "Số:" not in head._tbl.xml and "ngày" not in "".join(c.text for c in head._cells)


def test_the_page_break_and_the_chapter_look(tmp_path: Path) -> None:
    document = build(tmp_path, "QUYẾT ĐỊNH")
    (brk,) = [p for p in document.paragraphs if p.style.name == "Page Break"]
    assert paragraph_value(brk, lambda f: f.page_break_before)
    (chapter,) = [p for p in document.paragraphs if p.style.name == "Part Heading"]
    assert paragraph_value(chapter, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER


def test_only_a_kind_that_attaches_splits_at_a_type_heading(tmp_path: Path) -> None:
    items = body_items(build(tmp_path, "KẾ HOẠCH"))  # a plan's "# QUY CHẾ" is its own heading
    assert not [i for i in items if i[0] in ("Page Break", "Attached Title")]
    assert items[-1] == ("table", "Signature Block")
