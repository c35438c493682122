"""Finish stage (python-docx): what pandoc cannot write, then a byte-for-byte reproducible DOCX.

pandoc styles the text; this pass gives the document its ND30 geometry (docs/pandoc.md, 5, 6, 10):
the appendices' sections, portrait or landscape as their tables need, with their own page
numbering, the header references and "different first page" of every section, the exact widths of
the frame's layout tables, content tables fitted to their section's text width, and the rule lines
under the agency, the motto, the subject and the attachment line. What it draws is data in
templates/styles.toml ([rules], [tables], [page], [appendix_page]).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import stat
import subprocess
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.section import Section
from docx.shared import Length, Twips
from docx.styles.style import CharacterStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from pipeline.docx import oxml
from pipeline.docx.metrics import text_width, wrapped_widths
from pipeline.docx.page import EMU_PER_TWIP, set_page, text_width_at, text_width_twips
from pipeline.docx.styles import load_definition
from pipeline.parse.document import document_parts
from pipeline.render.appendix import PAGE_MARKS

APPENDIX_HEADING = "Appendix Heading"
SECTION_BREAK = "Section Break"
CONTENT_TABLE = "Table"
TABLE_HEADING = "Table Heading"
CELL = "Compact"  # pandoc's style for a table cell's text
RULE = "Rule"
NO_BREAK_SPACE = "\u00a0"
# A header cell may wrap onto this many lines before its column widens for it.
HEADER_LINES = 3
# What a cell needs beyond its measured text: rounding, and kerning the metrics do not know.
CELL_SLACK_TWIPS = 40


def finish_document(
    path: Path, epoch: int, definition: dict[str, Any] | None = None, title: str = ""
) -> None:
    """Finish the DOCX pandoc wrote at `path`, in place; `epoch` dates it (SOURCE_DATE_EPOCH),
    `title` (the trích yếu) names it in its properties."""
    definition = definition or load_definition()
    document = docx.Document(str(path))
    oxml.set_compatibility_mode(document.settings.element)
    oxml.set_theme_language(document.settings.element, definition["language"])
    split_appendix_sections(document, definition)
    tables = definition["tables"]
    for table in document.tables:
        style = table_style(table)
        if "columns_twips" in tables.get(style, {}):
            props = tables[style]
            indent = -props["cell_margin_twips"] if props.get("flush") else None
            set_layout_table(table, props["columns_twips"], indent)
            if tables[style].get("keep_with_previous"):
                keep_previous_with(table)
        elif style in tables:
            available = text_width_at(document, table._tbl)
            set_content_table(table, available, tables[style]["cell_margin_twips"])
    draw_rules(document, definition["rules"], tables)
    document.core_properties.title = title
    document.core_properties.language = definition["language"]
    write_reproducibly(document, path, epoch)


# ---- sections and page numbers ----


def split_appendix_sections(document: DocxDocument, definition: Mapping[str, Any]) -> None:
    """Give each appendix its own section, portrait or landscape, starting on a new page,
    numbered from 1.

    pandoc writes one section, the style doc's. Before each "Appendix Heading" paragraph, a
    paragraph ends the previous section with a copy of its properties, header references included;
    every section keeps "different first page", so page 1 and each appendix's first page show no
    number (docs/pandoc.md, 5). An appendix's page is the body's ([page]) unless it needs the
    landscape one ([appendix_page]): see `needs_landscape`.
    """
    heading_style = document.styles[APPENDIX_HEADING].style_id
    headings = oxml.styled_paragraphs(document.element.body, {heading_style}, cells=False)
    if not headings:
        return
    last = document.sections[-1]
    body = copy.deepcopy(last._sectPr)
    portrait = text_width_twips(last)
    ends = [*headings[1:], None]
    parts = [oxml.blocks_from(h, end) for h, end in zip(headings, ends, strict=True)]
    landscapes = [needs_landscape(document, part, portrait, definition) for part in parts]
    sections = [Section(copy.deepcopy(body), document.part) for _ in headings[:-1]]
    sections.append(last)
    for section, landscape in zip(sections, landscapes, strict=True):
        page = definition["appendix_page"] if landscape else definition["page"]
        set_page(section, page)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.different_first_page_header_footer = True
        oxml.restart_page_numbers(section._sectPr, 1)
    for index, heading in enumerate(headings):
        ending = body if index == 0 else sections[index - 1]._sectPr
        brk = WordParagraph(heading, document._body).insert_paragraph_before(
            style=document.styles[SECTION_BREAK]
        )
        oxml.end_section(brk._p, ending)


def needs_landscape(
    document: DocxDocument, part: list[Any], portrait: int, definition: Mapping[str, Any]
) -> bool:
    """Whether an appendix (its body-level elements) goes on a landscape page: as the front
    matter forces it (the render stage's mark, removed here), else when its widest content
    table would not fit the portrait text width at readable column widths (`readable_width`)."""
    forced = oxml.take_bookmarks(part, set(PAGE_MARKS.values()))
    if forced:
        return forced[0] == PAGE_MARKS[True]
    margin = definition["tables"][CONTENT_TABLE]["cell_margin_twips"]
    wrap = float(definition["appendix_page"]["readable_column_twips"])
    widths = [
        readable_width(table, margin, wrap)
        for table in (WordTable(tbl, document._body) for tbl in oxml.body_tables(part))
        if table_style(table) == CONTENT_TABLE
    ]
    return max(widths, default=0) > portrait


def readable_width(table: WordTable, cell_margin: int, wrap: float) -> float:
    """The width (twips) a content table needs to read well: each column at least its longest
    word, and as wide as its longest line up to `wrap` (a column of longer text wraps there)."""
    least, most = column_bounds(table, cell_margin)
    return sum(max(lo, min(m, wrap)) for lo, m in zip(least, most, strict=True))


def table_style(table: WordTable) -> str:
    """A table's style name: pandoc's content tables have none ("Table")."""
    return table.style.name if table.style is not None else CONTENT_TABLE


# ---- layout tables (header and signature blocks) ----


def set_layout_table(table: WordTable, columns: list[int], indent: int | None = None) -> None:
    """A frame table at its exact column widths, rows never split: centred on the text, or
    placed `indent` twips from the text's left edge (a flush table: minus its cell margin, so
    that "Nơi nhận:" stands flush with the body, as the decree's samples place it)."""
    set_columns(table, columns)
    if indent is not None:
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        oxml.set_table_indent(table._tbl, indent)
    else:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in table.rows:
        oxml.keep_row_together(row._tr)


def keep_previous_with(table: WordTable) -> None:
    """Keep the paragraph before a table on the table's page: a signature block never starts a
    page alone, without the body's last lines above it."""
    previous = table._tbl.getprevious()
    if isinstance(previous, CT_P):
        WordParagraph(previous, table._parent).paragraph_format.keep_with_next = True


def set_columns(table: WordTable, columns: list[int]) -> None:
    """Column widths in twips: the table grid (w:gridCol) and the table's own width.

    Cells get no width of their own, as pandoc writes them: with the fixed layout pandoc sets,
    Word and LibreOffice take the grid's widths."""
    for column, width in zip(table.columns, columns, strict=True):
        column.width = Twips(width)
    oxml.set_table_width(table._tbl, sum(columns))


@dataclass(frozen=True)
class GridCell:
    """A real cell (w:tc) of a table: its first grid column, its column span, and whether its row
    is a header row (repeated on every page)."""

    cell: _Cell
    first: int
    span: int
    header: bool


def grid_cells(table: WordTable) -> list[GridCell]:
    """Every real cell of a table, row by row (python-docx repeats a merged cell per column)."""
    return [
        GridCell(_Cell(tc, table), first, span, header)
        for tc, first, span, header in oxml.grid_layout(table._tbl)
    ]


# ---- content tables ----


def set_content_table(table: WordTable, available: int, cell_margin: int) -> None:
    """An official table: header rows centred, cells without a first-line indent, columns fitted
    to the text width.

    Columns get at least their longest word (so "10.960" never breaks) and share the rest of
    the width in proportion to how much more their longest line needs (a header's line counts
    as wrapped onto HEADER_LINES lines).
    """
    styles = cast(DocumentPart, table.part).document.styles  # a body table's: typed StoryPart
    heading, compact = styles[TABLE_HEADING], styles[CELL]
    # Header cells: Table Heading, centred by the style (pandoc set the column's alignment);
    # body cells: Compact (pandoc gives a cell's second paragraph Body Text).
    oxml.restyle_cells(table._tbl, heading.style_id, compact.style_id)
    for tr in table._tbl.tr_lst:
        oxml.keep_row_together(tr)
    columns = share_width(*column_bounds(table, cell_margin), available)
    set_columns(table, columns)


def column_bounds(table: WordTable, cell_margin: int) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word) and most (its longest line), in twips with
    the cells' margins, measured in the fonts of the header and body cell styles."""
    styles = cast(DocumentPart, table.part).document.styles
    fonts = {True: style_font(styles[TABLE_HEADING]), False: style_font(styles[CELL])}
    needs = [(c, *cell_needs(c.cell, fonts[c.header])) for c in grid_cells(table)]
    return measure_columns(len(table.columns), needs, cell_margin)


def measure_columns(
    count: int, needs: list[tuple[GridCell, int, int]], cell_margin: int
) -> tuple[list[float], list[float]]:
    """Each column's least and most width (twips), from each cell's longest word and line."""
    least, most = [0.0] * count, [0.0] * count
    spans = []
    pad = 2 * cell_margin + CELL_SLACK_TWIPS
    for cell, word, line in needs:
        if cell.header:
            line = max(word, line // HEADER_LINES)
        if cell.span == 1:
            least[cell.first] = max(least[cell.first], word + pad)
            most[cell.first] = max(most[cell.first], line + pad)
        else:
            spans.append((cell.first, cell.span, word + pad, line + pad))
    for first, span, word, line in spans:  # a spanning cell widens its columns only if it must
        for columns, want in ((least, word), (most, line)):
            short = want - sum(columns[first : first + span])
            for k in range(first, first + span):
                columns[k] += max(0, short) / span
    return least, [max(m, lo) for m, lo in zip(most, least, strict=True)]


def fit_columns(
    count: int, needs: list[tuple[GridCell, int, int]], available: int, cell_margin: int
) -> list[int]:
    """Column widths (twips) summing to `available`, from each cell's longest word and line."""
    return share_width(*measure_columns(count, needs, cell_margin), available)


def share_width(least: list[float], most: list[float], available: int) -> list[int]:
    """Column widths (twips) summing to `available`, from each column's least and most width."""
    if sum(most) <= available:  # everything fits on one line: share the spare width by need
        spare = available - sum(most)
        return spread([m + spare * m / sum(most) for m in most])
    if sum(least) <= available:
        stretch = (available - sum(least)) / (sum(most) - sum(least))
        return spread([lo + (m - lo) * stretch for lo, m in zip(least, most, strict=True)])
    return spread([lo * available / sum(least) for lo in least])  # too narrow: words will break


def spread(widths: list[float]) -> list[int]:
    """Whole twips with the same sum as `widths` (rounding errors go to the widest column)."""
    whole = [int(w) for w in widths]
    whole[whole.index(max(whole))] += round(sum(widths)) - sum(whole)
    return whole


def cell_needs(cell: _Cell, font: tuple[float, bool]) -> tuple[int, int]:
    """A cell's longest word and longest line in twips, at the (size, bold) of its style; a
    paragraph with a bold run is measured bold."""
    size, bold = font
    word = line = 0
    for paragraph, has_bold in oxml.cell_text(cell._tc):
        strong = bold or has_bold
        for text in paragraph.split("\n"):
            line = max(line, text_width(text, size, strong))
            for piece in text.split():
                word = max(word, text_width(piece, size, strong))
    return word, line


# ---- rule lines ----


def draw_rules(document: DocxDocument, rules: dict[str, float], tables: dict[str, Any]) -> None:
    """A centred rule under each run of paragraphs of a [rules] style, as long as the table says.

    A rule is a paragraph of style "Rule" whose bottom border is the line: Word and LibreOffice
    both draw it; left and right indents make its length. The room it is centred in is the
    section's text width, or its cell's width less the cell margins.
    """
    ruled = {document.styles[name].style_id: fraction for name, fraction in rules.items()}
    rule_style = document.styles[RULE].style_id
    margins = {
        document.styles[name].style_id: props.get("cell_margin_twips", 0)
        for name, props in tables.items()
    }
    for run in ruled_runs(oxml.styled_paragraphs(document.element.body, set(ruled))):
        last = run[-1]
        # python-docx's parser makes a w:tc a CT_Tc, a w:tbl a CT_Tbl; lxml-stubs say _Element
        cell = cast(CT_Tc | None, oxml.enclosing(last, "w:tc"))
        parent: BlockItemContainer
        if cell is None:
            available = text_width_at(document, last)
            parent = document._body
        else:
            table = WordTable(cast(CT_Tbl, oxml.enclosing(cell, "w:tbl")), document._body)
            margin = margins.get(oxml.table_style_id(table._tbl), 0)
            available = cell_width(table, cell) - 2 * margin
            parent = _Cell(cell, table)
        rule = rule_after([WordParagraph(p, parent) for p in run], ruled[last.style], available)
        rule._p.style = rule_style


def cell_width(table: WordTable, tc: BaseOxmlElement) -> int:
    """The width of a cell in twips, from the table grid's columns it spans."""
    widths = [column.width // EMU_PER_TWIP for column in table.columns]
    cell = next(c for c in grid_cells(table) if c.cell._tc is tc)
    return sum(widths[cell.first : cell.first + cell.span])


def ruled_runs(paragraphs: list[CT_P]) -> Iterator[list[CT_P]]:
    """Runs of adjacent paragraph elements of the same style, from those given in order."""
    run: list[CT_P] = []
    for paragraph in paragraphs:
        if run and (run[-1].getnext() is not paragraph or paragraph.style != run[-1].style):
            yield run
            run = []
        run.append(paragraph)
    if run:
        yield run


def rule_after(run: list[WordParagraph], fraction: float, available: int) -> WordParagraph:
    """Draw a rule under a run of paragraphs: `fraction` of its widest line, centred in
    `available` twips. The rule paragraph is returned; the caller gives it the "Rule" style."""
    last = run[-1]
    size, bold = style_font(last.style)
    widest = min(available, max(line_width(p.text, size, bold, available) for p in run))
    length = round(fraction * widest)
    rule = WordParagraph(oxml.insert_paragraph_after(last._p), last._parent)
    rule.add_run(NO_BREAK_SPACE)  # pandoc and Word keep a paragraph with content
    indent = Twips(max(0, (available - length) // 2))
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = indent
    return rule


def line_width(text: str, size: float, bold: bool, available: int) -> int:
    """The widest line of a paragraph's text (lines split at its breaks) wrapped to `available`."""
    return max(max(wrapped_widths(line, size, bold, available)) for line in text.split("\n"))


def style_font(style: CharacterStyle | None) -> tuple[float, bool]:
    """The size (pt) and boldness a paragraph style gives its text, through the style chain."""
    size: Length | None = None
    bold: bool | None = None
    while style is not None and (size is None or bold is None):
        size = style.font.size if size is None else size
        bold = style.font.bold if bold is None else bold
        style = style.base_style
    return (size.pt if size is not None else 11.0), bool(bold)


# ---- reproducible output ----


def source_date_epoch(folder: Path) -> int:
    """The date a build stamps on its output: SOURCE_DATE_EPOCH, else the last commit touching
    the document's folder, else its newest part; the same sources always give the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found.isdigit():
        return int(found)
    times = []
    for part in document_parts(folder):  # what the build read: notes never count
        try:
            info = part.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            times.append(int(info.st_mtime))
    return max(times, default=0)


# docProps/app.xml as baocao writes it. pandoc copies the style doc's, which states a page and word
# count of some other document ("1 page, 83 words"); Word counts them itself when it opens the file.
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>baocao</Application><DocSecurity>0</DocSecurity></Properties>"
)


def write_reproducibly(document: DocxDocument, path: Path, epoch: int) -> None:
    """Save with fixed document dates and zip timestamps: equal sources give equal bytes; the
    application properties claim no page or word count."""
    moment = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC)  # zip dates start in 1980
    document.core_properties.created = document.core_properties.modified = moment.replace(
        tzinfo=None
    )
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = moment.timetuple()[:6]
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            data = source.read(item.filename)
            target.writestr(entry, APP_PROPERTIES if item.filename == "docProps/app.xml" else data)
