"""Hostile DOCX files whose zip is sound but whose Word XML is not what an office makes: a table
nested in a table's cell (at any depth), content imported from another file (altChunk), a bomb of
empty paragraphs, absurd list starts, a paragraph of 100.000 runs, a paragraph of 40.000
characters, a cell spanning 100.000 columns, tables nested past any real document's depth. Each
is a real Word document (python-docx's) with its XML changed here; none is committed: the tests
make them (tests/hostile_zips.py makes those whose zip is hostile)."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCUMENT, NUMBERING, RELATIONS = (
    "word/document.xml",
    "word/numbering.xml",
    "word/_rels/document.xml.rels",
)
WRONG = "Kinh phí: 300.000.000 đồng (Hai trăm triệu đồng)."  # BC501, wherever it is read


def _package(body: str, parts: dict[str, bytes] | None = None) -> bytes:
    """A Word document whose body is `body` (w: markup), with `parts` added or replaced."""
    document = docx.Document()
    document.add_paragraph("Mở đầu.")
    document.add_paragraph("Một", style="List Number")  # so that numbering.xml is there
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == DOCUMENT:
                head, _, _ = data.decode().partition("<w:body>")
                data = f"{head}<w:body>{body}<w:sectPr/></w:body></w:document>".encode()
            zip_.writestr(info.filename, (parts or {}).get(info.filename, data))
        for name, data in (parts or {}).items():
            if name not in source.namelist():
                zip_.writestr(name, data)
    return out.getvalue()


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def table(cells: list[list[str]]) -> str:
    """A table, each cell's markup given."""
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in cells
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>"


def nested(depth: int) -> bytes:
    """A wrong amount in a table `depth` tables deep (1: an ordinary table)."""
    inner = paragraph(WRONG)
    for _ in range(depth):
        inner = table([[paragraph("Ô"), inner]]) + paragraph("")
    return _package(paragraph("Bảng:") + inner)


def alt_chunk(content_type: str, data: bytes, extension: str) -> bytes:
    """A document importing a part of another format (altChunk) holding a wrong amount."""
    name = f"word/chunk1.{extension}"
    document = docx.Document()
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as source:
        relations = source.read(RELATIONS).decode()
        types = source.read("[Content_Types].xml").decode()
    relations = relations.replace(
        "</Relationships>",
        f'<Relationship Id="rIdChunk" Type="{R}/aFChunk" Target="chunk1.{extension}"/>'
        "</Relationships>",
    )
    types = types.replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
    )
    body = paragraph("Trước.") + f'<w:altChunk xmlns:r="{R}" r:id="rIdChunk"/>' + paragraph("Sau.")
    return _package(
        body, {name: data, RELATIONS: relations.encode(), "[Content_Types].xml": types.encode()}
    )


def html_chunk() -> bytes:
    page = f"<html><body><p>Mở đầu phần nhúng.</p><p>{WRONG}</p></body></html>"
    return alt_chunk("text/html", page.encode(), "html")


def rtf_chunk() -> bytes:
    return alt_chunk("application/rtf", ("{\\rtf1 " + WRONG + "}").encode(), "rtf")


def empty_paragraphs(megabytes: int = 200) -> bytes:
    """Empty paragraphs, `megabytes` MB of them: a few hundred KB deflated."""
    return _package("<w:p/>" * (megabytes * 1024 * 1024 // 6))


def list_start(form: str, start: int) -> bytes:
    """A list whose numbers are `form` (upperRoman, lowerLetter) and start at `start`."""
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{form}"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="9"/></w:num></w:numbering>'
    )
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr>'
    items = "".join(f"{item}<w:r><w:t>Mục {k}</w:t></w:r></w:p>" for k in range(200))
    return _package(items, {NUMBERING: numbering.encode()})


def many_runs(count: int = 100_000) -> bytes:
    runs = "".join(f"<w:r><w:t>{k % 10}</w:t></w:r>" for k in range(count))
    return _package(f"<w:p>{runs}</w:p>")


def long_paragraph(characters: int = 40_000) -> bytes:
    words = "ngày 12 tháng 3 năm 2026 " * (characters // 25)
    return _package(paragraph(words))


def wide_span(span: int = 100_000) -> bytes:
    cell = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>{paragraph("1")}'
    return _package(table([[paragraph("TT"), cell], [paragraph("1"), paragraph("2")]]))


HOSTILE: dict[str, Callable[[], bytes]] = {
    "bang-long-2": lambda: nested(2),
    "bang-long-5": lambda: nested(5),
    "bang-long-40": lambda: nested(40),
    "nhung-html": html_chunk,
    "nhung-rtf": rtf_chunk,
    "doan-rong": empty_paragraphs,
    "danh-so-la-ma": lambda: list_start("upperRoman", 1_000_000_000),
    "danh-so-chu": lambda: list_start("lowerLetter", 100_000_000),
    "nhieu-run": many_runs,
    "doan-dai": long_paragraph,
    "gop-o": wide_span,
}


def hostile_documents(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file above, written in `folder`: (what it is, its path)."""
    for name, make in HOSTILE.items():
        path = folder / f"{name}.docx"
        path.write_bytes(make())
        yield name, path


def password_protected() -> bytes:
    """A DOCX with a password as Word saves it: not a zip but an Office 97 compound file (MS-CFB)
    holding the streams "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO), written here
    sector by sector: its header, its one FAT sector, its directory, the streams' bytes."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<5H6s", 0x3E, 3, 0xFFFE, 9, 6, bytes(6))
    header += struct.pack("<9L", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109L", 0, *([free] * 108))
    fat = struct.pack("<128L", fat_sector, end, end, end, *([free] * 124))

    def entry(name: str, kind: int, start: int, size: int, child: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<H2B3L", len(encoded), kind, 1, free, free, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<2L4x", start, size)
        )

    directory = (
        entry("Root Entry", 5, end, 0, child=1)
        + entry("EncryptionInfo", 2, 2, 64)
        + entry("EncryptedPackage", 2, 3, 64)
        + bytes(128)
    )
    assert len(header) == 512 and len(fat) == 512 and len(directory) == 512
    return header + fat + directory + os.urandom(512) + os.urandom(512)
