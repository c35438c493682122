"""A received DOCX into paragraphs and tables (lxml on the package's XML, nothing written).

What a reader of the document sees is kept, as Word shows it:

- the body's paragraphs in order, each with its runs (bold, italic), its style's name, and the
  number or bullet of a Word list written in front ("1. ", "a) ", "- "), counted as Word counts;
  its heading level when its style is a heading (or carries an outline level);
- each table on its grid: a cell merged across columns (gridSpan) fills its first column and
  marks the others LEFT, a cell merged down (vMerge) marks the rows under it UP, a short row
  (gridBefore, gridAfter) has MISSING cells; each cell keeps its paragraphs.

Deleted text of tracked changes, drawings and the fallback copies of alternate content are left
out; the paragraphs of a text box (Word users often set the header in two) come before the
paragraph it is anchored in. The places are those a person counts: "đoạn N" is the N-th
paragraph with text outside the tables, "bảng T, dòng R" the R-th row of the T-th table.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree

from baocao.received.read.blocks import (
    LEFT,
    MISSING,
    UP,
    Block,
    Cell,
    Paragraph,
    Received,
    Row,
    Run,
    Table,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PART_LIMIT = 200 * 1024 * 1024  # bytes a part may hold unpacked: beyond, a zip bomb, not a report
WRAPPERS = {f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}fldSimple", f"{W}customXml"}
SKIPPED = {f"{W}del", f"{W}moveFrom", f"{MC}AlternateContent", f"{W}pPr", f"{W}rPr"}
HEADING_STYLE = re.compile(r"(?:heading|tiêu đề|title)\s*(\d)", re.IGNORECASE)
OFF = {"0", "false", "off", "none"}


class DocxError(ValueError):
    """The file is no DOCX that can be read; the message says why, in Vietnamese."""


def read_docx(path: Path, data: bytes) -> Received:
    """The paragraphs and tables of a DOCX's body, each at its place."""
    try:
        package = zipfile.ZipFile(BytesIO(data))
        names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocxError("tệp hỏng hoặc không phải DOCX") from None
    if "word/document.xml" not in names:
        raise DocxError("tệp nén này không có phần văn bản của Word (word/document.xml)")
    document = _xml(package, "word/document.xml")
    styles = _xml(package, "word/styles.xml") if "word/styles.xml" in names else None
    numbering = _xml(package, "word/numbering.xml") if "word/numbering.xml" in names else None
    body = document.find(f"{W}body")
    if body is None:
        raise DocxError("phần văn bản của Word không có thân văn bản (w:body)")
    reader = _Reader(_Styles.of(styles), _Numbering.of(numbering))
    reader.body(body)
    return Received(path, "docx", tuple(reader.blocks), reader.places)


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    info = package.getinfo(name)
    if info.file_size > PART_LIMIT:
        raise DocxError(f"phần {name} lớn bất thường ({info.file_size} byte khi giải nén)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(package.read(name), parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        raise DocxError(f"phần {name} hỏng, không đọc được") from None


def _on(element: etree._Element | None) -> bool:
    """Whether a toggle property (w:b, w:i) is on: present, with no value or a true one."""
    if element is None:
        return False
    return (element.get(f"{W}val") or "true").lower() not in OFF


def _numbered(properties: etree._Element | None) -> tuple[str, int] | None:
    """The (numId, ilvl) a paragraph's or style's properties number it with, if any."""
    if properties is None:
        return None
    num = properties.find(f"{W}numPr")
    ident = num.find(f"{W}numId") if num is not None else None
    if num is None or ident is None:
        return None
    return ident.get(f"{W}val") or "0", _int(num.find(f"{W}ilvl"))


def _int(element: etree._Element | None, default: int = 0) -> int:
    value = element.get(f"{W}val") if element is not None else None
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class _Style:
    """A paragraph style of the DOCX: its name, parent, heading level and list numbering."""

    name: str
    based_on: str | None
    level: int  # heading level, 0 for none
    numbering: tuple[str, int] | None  # (numId, ilvl) the style's paragraphs are numbered with


@dataclass
class _Styles:
    """The DOCX's paragraph styles by id."""

    by_id: dict[str, _Style] = field(default_factory=dict)

    @classmethod
    def of(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(f"{W}style"):
            ident = style.get(f"{W}styleId") or ""
            name_element = style.find(f"{W}name")
            name = (name_element.get(f"{W}val") if name_element is not None else None) or ident
            based = style.find(f"{W}basedOn")
            heading = HEADING_STYLE.fullmatch(name.strip())
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            level = int(heading.group(1)) if heading else 0
            if not level and outline is not None and _int(outline, 9) < 9:
                level = _int(outline) + 1
            numbering = _numbered(style.find(f"{W}pPr"))
            styles.by_id[ident] = _Style(
                name, based.get(f"{W}val") if based is not None else None, level, numbering
            )
        return styles

    def chain(self, ident: str | None) -> list[_Style]:
        out: list[_Style] = []
        while ident and ident in self.by_id and len(out) < 20:
            style = self.by_id[ident]
            out.append(style)
            ident = style.based_on
        return out


@dataclass(frozen=True)
class _Level:
    """One level of a Word list: its number format, its text with the numbers' places, its
    first number."""

    format: str  # decimal, lowerLetter, upperRoman, bullet …
    text: str  # "%1.", "%1.%2.", "-"
    start: int


@dataclass
class _Numbering:
    """Word's list numbering: each list's levels, and the counts so far, per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # by numId
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, root: etree._Element | None) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for level in definition.iter(f"{W}lvl"):
                form = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                levels[_int_attr(level, "ilvl")] = _Level(
                    (form.get(f"{W}val") if form is not None else None) or "decimal",
                    (text.get(f"{W}val") if text is not None else None) or "",
                    _int(level.find(f"{W}start"), 1),
                )
            abstract[definition.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            ident = num.get(f"{W}numId") or ""
            base = num.find(f"{W}abstractNumId")
            levels = dict(abstract.get(base.get(f"{W}val") or "" if base is not None else "", {}))
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                at = _int_attr(override, "ilvl")
                if start is not None and at in levels:
                    old = levels[at]
                    levels[at] = _Level(old.format, old.text, _int(start, old.start))
            numbering.levels[ident] = levels
        return numbering

    def marker(self, ident: str, level: int) -> str:
        """The next number or bullet of list `ident` at `level`, as Word prints it."""
        levels = self.levels.get(ident)
        if not levels or level not in levels:
            return ""
        counts = self.counts.setdefault(ident, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        shape = levels[level]
        if shape.format == "bullet":
            return _bullet(shape.text, level)
        if shape.format == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            if at not in levels:
                return ""
            count = counts.get(at, levels[at].start)
            return _formatted(count, levels[at].format)

        return re.sub(r"%([1-9])", number, shape.text)


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return int(element.get(f"{W}{name}") or 0)
    except ValueError:
        return 0


def _bullet(text: str, level: int) -> str:
    """A bullet as typed text: "-" and "+" as Word shows them, any other symbol "-" (level 1)
    or "+" (level 2), as Vietnamese documents write their lists."""
    if text in ("-", "–", "—", "−", "‐"):
        return "-"
    if text == "+":
        return "+"
    return "+" if level % 2 else "-"


ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _formatted(count: int, form: str) -> str:
    if form in ("lowerLetter", "upperLetter"):
        letters = LETTERS[(count - 1) % 26] * ((count - 1) // 26 + 1) if count > 0 else ""
        return letters.upper() if form == "upperLetter" else letters
    if form in ("lowerRoman", "upperRoman"):
        out, rest = "", max(count, 0)
        for value, numeral in ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if form == "upperRoman" else out
    if form == "decimalZero":
        return f"{count:02d}"
    return str(count)


class _Reader:
    """Walks the body, numbering the places as it goes."""

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.places: dict[int, str] = {}
        self.anchor = 0
        self.paragraphs = 0
        self.tables = 0

    def body(self, element: etree._Element) -> None:
        for child in element:
            if child.tag == f"{W}p":
                for box in _text_boxes(child):  # a header typed in text boxes: read first
                    self.body(box)
                paragraph = self.paragraph(child)
                if paragraph.text.strip():
                    self.paragraphs += 1
                    self.places[paragraph.anchor] = f"đoạn {self.paragraphs}"
                    self.blocks.append(paragraph)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                self.body(content if content is not None else child)

    def paragraph(self, element: etree._Element, anchor: int | None = None) -> Paragraph:
        properties = element.find(f"{W}pPr")
        style_element = properties.find(f"{W}pStyle") if properties is not None else None
        ident = style_element.get(f"{W}val") if style_element is not None else None
        chain = self.styles.chain(ident)
        name = chain[0].name if chain else (ident or "")
        level = next((s.level for s in chain if s.level), 0)
        outline = properties.find(f"{W}outlineLvl") if properties is not None else None
        if outline is not None:
            level = _int(outline, 9) + 1 if _int(outline, 9) < 9 else 0
        numbered = _numbered(properties) or next((s.numbering for s in chain if s.numbering), None)
        runs: list[Run] = []
        self.runs(element, runs)
        marker = ""
        if numbered is not None and numbered[0] != "0" and "".join(r.text for r in runs).strip():
            marker = self.numbering.marker(*numbered)
        if marker:
            runs.insert(0, Run(f"{marker} "))
        runs = _merged(runs)
        text = "".join(r.text for r in runs)
        if anchor is None:
            self.anchor += 1
            anchor = self.anchor
        return Paragraph(anchor, text, tuple(runs), name, level)

    def runs(self, element: etree._Element, out: list[Run]) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED or not isinstance(tag, str):
                continue
            if tag == f"{W}r":
                properties = child.find(f"{W}rPr")
                bold = _on(properties.find(f"{W}b")) if properties is not None else False
                italic = _on(properties.find(f"{W}i")) if properties is not None else False
                text = unicodedata.normalize("NFC", "".join(_run_text(p) for p in child))
                if text:
                    out.append(Run(text, bold, italic))
            elif tag in WRAPPERS:
                self.runs(child, out)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.runs(content, out)

    def table(self, element: etree._Element) -> None:
        self.tables += 1
        rows: list[Row] = []
        trs = [tr for tr in _children(element, f"{W}tr")]
        for number, tr in enumerate(trs, start=1):
            self.anchor += 1
            anchor = self.anchor
            self.places[anchor] = f"bảng {self.tables}, dòng {number}"
            properties = tr.find(f"{W}trPr")
            before = _int(properties.find(f"{W}gridBefore")) if properties is not None else 0
            after = _int(properties.find(f"{W}gridAfter")) if properties is not None else 0
            cells: list[Cell] = [Cell("", MISSING)] * before
            for tc in _children(tr, f"{W}tc"):
                cells.extend(self.cell(tc, anchor))
            cells += [Cell("", MISSING)] * after
            rows.append(Row(anchor, tuple(cells)))
        width = max((len(r.cells) for r in rows), default=0)
        rows = [
            Row(r.anchor, r.cells + (Cell("", MISSING),) * (width - len(r.cells))) for r in rows
        ]
        style = element.find(f"{W}tblPr/{W}tblStyle")
        name = style.get(f"{W}val") or "" if style is not None else ""
        self.blocks.append(Table(self.tables, tuple(rows), name))

    def cell(self, tc: etree._Element, anchor: int) -> list[Cell]:
        properties = tc.find(f"{W}tcPr")
        span = max(1, _int(properties.find(f"{W}gridSpan"), 1)) if properties is not None else 1
        vmerge = properties.find(f"{W}vMerge") if properties is not None else None
        hmerge = properties.find(f"{W}hMerge") if properties is not None else None
        if vmerge is not None and (vmerge.get(f"{W}val") or "continue") != "restart":
            return [Cell("", UP)] * span
        if hmerge is not None and (hmerge.get(f"{W}val") or "continue") != "restart":
            return [Cell("", LEFT)] * span
        paragraphs = [
            p for p in (self.paragraph(e, anchor) for e in _children(tc, f"{W}p")) if p.text.strip()
        ]
        text = "\n".join(p.text for p in paragraphs)
        return [Cell(text, "", tuple(paragraphs))] + [Cell("", LEFT)] * (span - 1)


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in a paragraph, each once: a drawing's, or the VML copy Word keeps
    for older readers when there is no drawing."""
    boxes = []
    for box in paragraph.iter(f"{W}txbxContent"):
        above = []
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            above.append(ancestor.tag)
        if f"{MC}Fallback" not in above and f"{W}txbxContent" not in above:
            boxes.append(box)
    return boxes


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """The `tag` children of an element, looking through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            out.extend(_children(content if content is not None else child, tag))
    return out


def _run_text(piece: etree._Element) -> str:
    tag = piece.tag
    if tag == f"{W}t":
        return piece.text or ""
    if tag == f"{W}tab":
        return " "
    if tag == f"{W}br":
        return "" if piece.get(f"{W}type") in ("page", "column") else "\n"
    if tag == f"{W}cr":
        return "\n"
    if tag == f"{W}noBreakHyphen":
        return "-"
    return ""


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of the same emphasis as one."""
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out
