"""Reading a received document: text, Markdown and DOCX into paragraphs and tables at their
places; its outline from its numbering; what cannot be read, refused in one line."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import docx
from baocao.parse.blocks import Place
from baocao.problems import UsageError
from baocao.received.read.blocks import (
    LEFT,
    MISSING,
    UP,
    Paragraph,
    Received,
    Table,
    heading_levels,
)
from baocao.received.read.files import read_received
from baocao.received.read.text import read_text
from conftest import ROOT

TEXT = """BÁO CÁO

I. KẾT QUẢ

1. Hạ tầng số
- Mua **máy tính**: 150.000.000 đồng;
+ trong đó *máy in*
  30.000.000 đồng.

a) Tập huấn kỹ năng số

Năm 2027, xã đề xuất
kinh phí mới.

Đơn vị: Triệu đồng
TT\tNỘI DUNG\tKINH PHÍ
A\tB\t(1)

1\tHạ tầng số\t150
e(khác)\t
"""


def test_text_paragraphs_lists_and_tab_tables_at_their_lines() -> None:
    received = read_text(Path("bc.txt"), TEXT, markdown=False)
    paragraphs = [(p.anchor, p.text) for p in received.paragraphs]
    assert paragraphs == [
        (1, "BÁO CÁO"),
        (3, "I. KẾT QUẢ"),
        (5, "1. Hạ tầng số"),
        (6, "- Mua máy tính: 150.000.000 đồng;"),  # emphasis marks dropped
        (7, "+ trong đó máy in\n30.000.000 đồng."),
        (10, "a) Tập huấn kỹ năng số"),
        (12, "Năm 2027, xã đề xuất\nkinh phí mới."),
        (15, "Đơn vị: Triệu đồng"),
    ]
    assert received.paragraphs[4].lines == (7, 8)
    (table,) = [b for b in received.blocks if isinstance(b, Table)]
    assert not table.merges_known
    assert [r.anchor for r in table.rows] == [16, 17, 19, 20]  # a blank line between rows
    assert [c.merged for c in table.rows[-1].cells] == ["", "", MISSING]  # a short row
    assert received.place(19) == "19" and received.where(19) == "dòng 19"
    assert received.first_words(16) == "TT NỘI DUNG KINH PHÍ"
    assert received.first_words(8) == "30.000.000 đồng."  # a line of its own: its own words


def test_the_outline_from_numbering() -> None:
    received = read_text(Path("bc.txt"), TEXT, markdown=False)
    levels = heading_levels(received)
    assert levels == {3: 1, 5: 2, 10: 3}  # "- …", a sentence, "Năm 2027, …" are no headings
    text = (
        "I. A\n\n1. B\n\n1.1. C\n\n2. D\n\nII. E\n\nA. F\n\n1. G\n\nB. H\n\nNơi nhận:\n\nPhụ lục\n"
    )
    received = read_text(Path("x.txt"), text, markdown=False)
    assert [heading_levels(received)[p.anchor] for p in received.paragraphs] == [
        1, 2, 3, 2, 1, 2, 3, 2, 1, 1,
    ]  # fmt: skip


def test_markdown_headings_pipe_tables_and_tags() -> None:
    text = (
        "---\nloai: BÁO CÁO\n---\n\n# I. KINH PHÍ\n\nTổng **300.000.000 đồng**{#tong}.\n\n"
        "| TT | NỘI DUNG | NĂM 2026 | < |\n|----|----|----|----|\n| ^ | ^ | A | B |\n"
    )
    received = read_text(Path("bc.md"), text, markdown=True)
    heading, paragraph, table = received.blocks
    assert isinstance(heading, Paragraph) and (heading.heading, heading.text) == (1, "I. KINH PHÍ")
    assert isinstance(paragraph, Paragraph) and paragraph.text == "Tổng 300.000.000 đồng."
    assert isinstance(table, Table) and [r.anchor for r in table.rows] == [9, 11]
    assert [c.merged for c in table.rows[0].cells] == ["", "", "", LEFT]
    assert [c.merged for c in table.rows[1].cells] == [UP, UP, "", ""]


def spread(text: str, places: tuple[tuple[int, Place], ...]) -> list[Place]:
    """The place of each character of `text`, from its (offset, place) pairs."""
    assert places and places[0][0] == 0, (text, places)
    ends = [offset for offset, _ in places[1:]] + [len(text)]
    out: list[Place] = []
    for (start, place), end in zip(places, ends, strict=True):
        out += [Place(place.line, place.column + k) for k in range(end - start)]
    return out


def stands_as_typed(received: Received, lines: list[str]) -> int:
    """How many characters of the paragraphs' and cells' words were found at their places in the
    file's `lines`; each one asserted to be the character typed there."""
    texts = [(p.text, p.places) for p in received.paragraphs]
    for table in [b for b in received.blocks if isinstance(b, Table)]:
        texts += [(c.text, c.places) for r in table.rows for c in r.cells if c.text]
        for row in table.rows:  # each cell starts where its first character is typed
            for cell in row.cells:
                if cell.text:
                    typed = lines[row.anchor - 1][cell.column - 1 :]
                    assert typed[:1] not in ("", " ", "\t", "|"), (cell, typed)
    found = 0
    for text, places in texts:
        for character, place in zip(text, spread(text, places), strict=True):
            if not character.isspace():
                assert lines[place.line - 1][place.column - 1] == character, (text, place)
                found += 1
    return found


@pytest.mark.parametrize("markdown", [False, True])
def test_every_character_is_kept_at_its_place(markdown: bool) -> None:
    """Emphasis marks, tags, spaces made single, an escaped "|", a citation: the words read
    keep the line and column where each of their characters is typed."""
    text = (
        "## **Tổng**   kinh phí {#x}  300.000.000 đồng\n\n"
        'Chi \\*khác*: **50.000.000 đồng**{#y} (Năm  mươi triệu) và {{ tien("a") }} nữa.\n'
        "  - *Mục:*    **10.000.000 đồng**\n"
        "\n| TT | Nội dung \\| x | **Kinh phí** |\n|---|---|---|\n| 1 | Máy \\| in *đẹp* | 1 |\n"
        "\n  **1**\t  Máy *in*  \t**390**\t\n"
    )
    received = read_text(Path("bc.md" if markdown else "bc.txt"), text, markdown)
    assert stands_as_typed(received, text.split("\n")) > 100
    sample = (ROOT / "tests/fixtures/received/bao-cao-nhan-duoc.txt").read_text(encoding="utf-8")
    received = read_text(Path("bc.txt"), sample, markdown)
    assert stands_as_typed(received, sample.split("\n")) > 10_000


def word(path: Path) -> Path:
    """A DOCX with a heading style, a list, a tracked change, merged cells and a short row."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("")  # an empty paragraph is no place
    document.add_heading("I. KẾT QUẢ", level=1)
    document.add_paragraph("Mua sắm", style="List Number")
    document.add_paragraph("Tập huấn", style="List Number")
    changed = document.add_paragraph("Kinh phí ")
    changed._p.append(
        parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"><w:r><w:delText>cũ '
                  "</w:delText></w:r></w:del>")
    )  # fmt: skip
    changed._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins>')
    )
    changed.add_run().add_break()
    changed.add_run("dòng hai")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).text, table.cell(0, 1).text = "TT", "NĂM 2026"
    table.cell(1, 1).text, table.cell(1, 2).text = "Dự toán", "Thực hiện"
    row = table.rows[2]._tr
    row.remove(row.tc_lst[-1])
    row.get_or_add_trPr().append(parse_xml(f'<w:gridAfter {nsdecls("w")} w:val="1"/>'))
    document.save(str(path))
    return path


def test_a_docx_as_word_shows_it(tmp_path: Path) -> None:
    received = read_received(word(tmp_path / "bc.docx"))
    paragraphs = received.paragraphs
    assert [(received.place(p.anchor), p.text) for p in paragraphs] == [
        ("đoạn 1", "BÁO CÁO"),
        ("đoạn 2", "I. KẾT QUẢ"),
        ("đoạn 3", "1. Mua sắm"),  # Word's numbering, written as Word shows it
        ("đoạn 4", "2. Tập huấn"),
        ("đoạn 5", "Kinh phí mới\ndòng hai"),  # the deleted word left out
    ]
    assert paragraphs[1].heading == 1 and heading_levels(received) == {paragraphs[1].anchor: 1}
    (table,) = [b for b in received.blocks if isinstance(b, Table)]
    assert [received.place(r.anchor) for r in table.rows] == [
        "bảng 1, dòng 1",
        "bảng 1, dòng 2",
        "bảng 1, dòng 3",
    ]
    assert [(c.text, c.merged) for c in table.rows[0].cells] == [
        ("TT", ""),
        ("NĂM 2026", ""),
        ("", LEFT),
    ]
    assert [c.merged for c in table.rows[1].cells] == [UP, "", ""]
    assert [c.merged for c in table.rows[2].cells] == ["", "", MISSING]


def refusal(path: Path) -> str:
    with pytest.raises(UsageError) as caught:
        read_received(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_what_cannot_be_read_is_refused_in_one_line(tmp_path: Path) -> None:
    assert "không có tệp hay thư mục này" in refusal(tmp_path / "khong-co.docx")
    assert "đây là thư mục" in refusal(tmp_path)
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert "Word 97-2003 (.doc)" in refusal(old)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    assert "tệp hỏng hoặc không phải DOCX" in refusal(broken)
    other = tmp_path / "khac.docx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("mimetype", "application/epub+zip")
    assert "word/document.xml" in refusal(other)
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    assert "không phải văn bản UTF-8" in refusal(binary)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "ong.txt"
        os.mkfifo(fifo)
        assert "không phải tệp thường" in refusal(fifo)


def test_utf16_and_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    for name, data in [
        ("a.txt", "\ufeffBÁO CÁO\n".encode()),
        ("b.txt", "BÁO CÁO\n".encode("utf-16")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        assert [p.text for p in read_received(path).paragraphs] == ["BÁO CÁO"]


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
VML = "urn:schemas-microsoft-com:vml"


def test_a_header_in_text_boxes_is_read_once_before_its_paragraph(tmp_path: Path) -> None:
    """Word keeps a text box twice: as a drawing, and as VML for older readers (the fallback)."""
    lines = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("ỦY BAN NHÂN DÂN", "XÃ AN"))
    box = f"<w:txbxContent>{lines}</w:txbxContent>"
    document = docx.Document()
    anchor = document.add_paragraph("BÁO CÁO")
    anchor._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{VML}">'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}'
            f"</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box}"
            "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.save(str(tmp_path / "hop.docx"))
    received = read_received(tmp_path / "hop.docx")
    assert [(received.place(p.anchor), p.text) for p in received.paragraphs] == [
        ("đoạn 1", "ỦY BAN NHÂN DÂN"),
        ("đoạn 2", "XÃ AN"),
        ("đoạn 3", "BÁO CÁO"),
    ]
