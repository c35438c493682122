"""How much Word XML a document may hold: the bounds every reader of a received DOCX shares.

The zip is read within its own limits (`archive`: sizes, entries, methods); the XML it holds may
still be hostile while the zip is sound: tens of MB of empty paragraphs, a paragraph of a
hundred thousand runs, a cell spanning a hundred thousand columns, a list starting at a billion,
tables nested in tables past any real document. A part is measured before it is parsed (its
bytes, its markup: each "<" opens or closes an element), and once parsed walked once: its
paragraphs, each paragraph's runs, each cell's span, each list's first number, how deep tables
nest. What passes a bound is refused with the reason, as an ArchiveError (Refusal.CONTENT),
so that each reader refuses it in one line, as it refuses a hostile zip: the received-document
reader (baocao.received.read.docx) and `baocao text` (baocao.review.textconv), before pandoc
sees the file.

The bounds are far above what an office document holds (a 300-page report: a few MB of XML,
some thousands of paragraphs, tens of runs a paragraph, a few tables nested at most two deep;
Word itself makes no table wider than 63 columns) and far below what makes a reader slow.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.etree import _Element

from baocao.ooxml.archive import MB, Archive, ArchiveError, Refusal
from baocao.ooxml.elements import parse_xml
from baocao.ooxml.namespaces import qn
from baocao.ooxml.values import integer


@dataclass(frozen=True)
class ContentLimits:
    """Bounds of a document's XML."""

    part: int = 32 * MB  # bytes of one XML part once inflated
    markup: int = 1_000_000  # its "<": elements opened and closed
    paragraphs: int = 50_000
    runs: int = 5_000  # in one paragraph
    span: int = 64  # grid columns one cell spans
    list_start: int = 10_000  # a list's first number
    depth: int = 8  # tables nested in tables' cells


CONTENT_LIMITS = ContentLimits()

_P, _R, _TBL, _TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tc")
_SPAN, _START, _START_OVERRIDE = qn("w:gridSpan"), qn("w:start"), qn("w:startOverride")


def _refused(name: str, why: str) -> ArchiveError:
    return ArchiveError(Refusal.CONTENT, f"phần {name} {why} (tệp bất thường)", name)


def check_size(name: str, size: int, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """A part's size, as its zip declares it, before it is inflated."""
    if size > limits.part:
        raise _refused(name, f"dài hơn {limits.part // MB} MB")


def check_part(name: str, blob: bytes, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """A part's XML measured before it is parsed: its bytes and its markup."""
    check_size(name, len(blob), limits)
    if blob.count(b"<") > limits.markup:
        raise _refused(name, f"có hơn {limits.markup:_} thẻ XML".replace("_", "."))


def check_document(name: str, root: _Element, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """A document part's XML walked once: paragraphs, runs a paragraph, a cell's span, how
    deep tables nest."""
    paragraphs = 0
    for paragraph in root.iter(_P):
        paragraphs += 1
        if paragraphs > limits.paragraphs:
            raise _refused(name, f"có hơn {limits.paragraphs:_} đoạn".replace("_", "."))
        if sum(1 for _ in paragraph.iter(_R)) > limits.runs:
            raise _refused(name, f"có đoạn gồm hơn {limits.runs:_} đoạn chữ".replace("_", "."))
    for span in root.iter(_SPAN):
        if integer(span, 1) > limits.span:
            raise _refused(name, f"có ô gộp hơn {limits.span} cột")
    for table in root.iter(_TBL):
        depth = sum(1 for a in table.iterancestors(_TBL))
        if depth >= limits.depth:
            raise _refused(name, f"có bảng lồng trong bảng quá {limits.depth} tầng")


def check_numbering(name: str, root: _Element, limits: ContentLimits = CONTENT_LIMITS) -> None:
    """A numbering part's lists: none starting past the bound."""
    for start in (*root.iter(_START), *root.iter(_START_OVERRIDE)):
        if integer(start, 1) > limits.list_start:
            raise _refused(
                name, f"có danh sách bắt đầu từ số {integer(start, 1)}, quá {limits.list_start}"
            )


DOCUMENT, NUMBERING = "word/document.xml", "word/numbering.xml"


@dataclass(frozen=True)
class Parts:
    """A package's document and numbering parts, parsed within the bounds (None: not there)."""

    document: _Element | None
    numbering: _Element | None


def read_within_limits(archive: Archive, limits: ContentLimits = CONTENT_LIMITS) -> Parts:
    """The document and numbering parts of a package, each measured, parsed and walked within
    the bounds; a part that is no XML is refused as broken."""
    found: list[_Element | None] = []
    for name, check in ((DOCUMENT, check_document), (NUMBERING, check_numbering)):
        if name not in archive:
            found.append(None)
            continue
        root = read_part(archive, name, limits)
        check(name, root, limits)
        found.append(root)
    return Parts(*found)


def read_part(archive: Archive, name: str, limits: ContentLimits = CONTENT_LIMITS) -> _Element:
    """One XML part, measured (its declared size before it is inflated) then parsed;
    ArchiveError (BROKEN) when it is no XML."""
    check_size(name, archive.size(name), limits)
    blob = archive.read(name)
    check_part(name, blob, limits)
    try:
        return parse_xml(blob)
    except etree.XMLSyntaxError:
        raise ArchiveError(Refusal.BROKEN, f"phần {name} hỏng, không đọc được", name) from None
