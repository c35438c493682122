"""Finish stage (lxml): what pandoc cannot write, then a byte-for-byte reproducible DOCX.

pandoc styles the text; this pass gives the document its ND30 geometry (docs/pandoc.md, 5, 6, 10):
the appendices' sections, portrait or landscape as their tables need, with their own page
numbering, the header references and "different first page" of every section, the exact widths of
the frame's layout tables, content tables fitted to their section's text width, and the rule lines
under the agency, the motto, the subject and the attachment line. What it draws is data in
templates/styles.toml ([rules], [tables], [page], [appendix_page]).

The DOCX is read and written as a package of parts (baocao.docx.package) and its XML edited
through baocao.ooxml: python-docx would add its import and a load/save round trip to every
build, for the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml.etree import _Element

from baocao.docx.metrics import text_needs, wrapped_widths
from baocao.docx.package import Package
from baocao.docx.page import set_page, text_width_at, text_width_twips
from baocao.docx.styles import load_definition
from baocao.docx.stylesheet import StyleSheet, style_sheet
from baocao.ooxml.elements import element_xml
from baocao.ooxml.namespaces import qn
from baocao.ooxml.opc import CORE_PROPERTIES
from baocao.ooxml.paragraphs import (
    add_text_run,
    enclosing,
    insert_paragraph_after,
    insert_paragraph_before,
    keep_with_next,
    paragraph_style,
    set_indents,
    set_paragraph_style,
    styled_paragraphs,
)
from baocao.ooxml.properties import set_core_date, set_core_property
from baocao.ooxml.sections import (
    blocks_from,
    body_of,
    body_section,
    body_tables,
    end_section,
    restart_page_numbers,
    set_title_page,
    take_bookmarks,
)
from baocao.ooxml.settings import set_compatibility_mode, set_theme_language
from baocao.ooxml.tables import (
    GridCell,
    column_widths,
    grid_cells,
    grid_columns,
    keep_row_together,
    restyle_cells,
    set_column_widths,
    set_table_alignment,
    set_table_indent,
    set_table_width,
    table_rows,
    table_style_id,
)
from baocao.ooxml.text import paragraph_text, table_cell_paragraphs
from baocao.render.appendix import PAGE_MARKS

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


Bounds = tuple[tuple[float, ...], tuple[float, ...]]  # a table's columns' least and most widths


@dataclass(frozen=True)
class WordDocument:
    """The main document's body and the styles part, as the finishing pass edits the one and
    reads the other; a table's column bounds, asked more than once, are remembered."""

    body: _Element
    styles: StyleSheet
    _bounds: dict[_Element, Bounds] = field(default_factory=dict)

    def style_id(self, name: str) -> str:
        """The id of the style a name designates ("Table Heading" → "TableHeading")."""
        return self.styles.style_id(name)

    def font(self, name: str) -> tuple[float, bool]:
        """The size (pt) and boldness of the paragraph style of that name."""
        return self.styles.font(name)

    def tables(self) -> list[_Element]:
        """The body's tables (not those nested in a cell), in order."""
        return self.body.findall(qn("w:tbl"))


def finish_document(
    path: Path, epoch: int, definition: dict[str, Any] | None = None, title: str = ""
) -> None:
    """Finish the DOCX pandoc wrote at `path`, in place; `epoch` dates it (SOURCE_DATE_EPOCH),
    `title` (the trích yếu) names it in its properties."""
    definition = definition or load_definition()
    package = Package(path)
    main = package.related(None, "officeDocument")
    styles = style_sheet(package.related(main, "styles").blob)  # read only: written as read
    document = WordDocument(body_of(main.element), styles)
    settings = package.related(main, "settings").element
    set_compatibility_mode(settings)
    set_theme_language(settings, definition["language"])
    split_appendix_sections(document, definition)
    tables = definition["tables"]
    for tbl in document.tables():
        style = table_style(document, tbl)
        if "columns_twips" in tables.get(style, {}):
            props = tables[style]
            indent = -props["cell_margin_twips"] if props.get("flush") else None
            set_layout_table(tbl, props["columns_twips"], indent)
            if tables[style].get("keep_with_previous"):
                keep_previous_with(tbl)
        elif style in tables:
            set_content_table(document, tbl, text_width_at(tbl), tables[style]["cell_margin_twips"])
    draw_rules(document, definition["rules"], tables)
    core = package.related(None, CORE_PROPERTIES).element
    set_core_property(core, "dc:title", title)
    set_core_property(core, "dc:language", definition["language"])
    write_reproducibly(package, core, path, epoch)


# ---- sections and page numbers ----


def split_appendix_sections(document: WordDocument, definition: Mapping[str, Any]) -> None:
    """Give each appendix its own section, portrait or landscape, starting on a new page,
    numbered from 1.

    pandoc writes one section, the style doc's. Before each "Appendix Heading" paragraph, a
    paragraph ends the previous section with a copy of its properties, header references included;
    every section keeps "different first page", so page 1 and each appendix's first page show no
    number (docs/pandoc.md, 5). An appendix's page is the body's ([page]) unless it needs the
    landscape one ([appendix_page]): see `needs_landscape`.
    """
    heading_style = document.style_id(APPENDIX_HEADING)
    headings = styled_paragraphs(document.body, {heading_style}, cells=False)
    if not headings:
        return
    last = body_section(document.body)
    body = copy.deepcopy(last)
    portrait = text_width_twips(last)
    ends = [*headings[1:], None]
    parts = [blocks_from(h, end) for h, end in zip(headings, ends, strict=True)]
    landscapes = [needs_landscape(document, part, portrait, definition) for part in parts]
    sections = [copy.deepcopy(body) for _ in headings[:-1]]
    sections.append(last)
    for section, landscape in zip(sections, landscapes, strict=True):
        page = definition["appendix_page"] if landscape else definition["page"]
        set_page(section, page, landscape)
        set_title_page(section)
        restart_page_numbers(section, 1)
    section_break = document.style_id(SECTION_BREAK)
    for index, heading in enumerate(headings):
        ending = body if index == 0 else sections[index - 1]
        brk = insert_paragraph_before(heading, section_break)
        end_section(brk, ending)


def needs_landscape(
    document: WordDocument, part: list[_Element], portrait: int, definition: Mapping[str, Any]
) -> bool:
    """Whether an appendix (its body-level elements) goes on a landscape page: as the front
    matter forces it (the render stage's mark, removed here), else when its widest content
    table would not fit the portrait text width at readable column widths (`readable_width`)."""
    forced = take_bookmarks(part, set(PAGE_MARKS.values()))
    if forced:
        return forced[0] == PAGE_MARKS[True]
    margin = definition["tables"][CONTENT_TABLE]["cell_margin_twips"]
    wrap = float(definition["appendix_page"]["readable_column_twips"])
    widths = [
        readable_width(document, tbl, margin, wrap)
        for tbl in body_tables(part)
        if table_style(document, tbl) == CONTENT_TABLE
    ]
    return max(widths, default=0) > portrait


def readable_width(document: WordDocument, tbl: _Element, cell_margin: int, wrap: float) -> float:
    """The width (twips) a content table needs to read well: each column at least its longest
    word, and as wide as its longest line up to `wrap` (a column of longer text wraps there)."""
    least, most = column_bounds(document, tbl, cell_margin)
    return sum(max(lo, min(m, wrap)) for lo, m in zip(least, most, strict=True))


def table_style(document: WordDocument, tbl: _Element) -> str | None:
    """A table's style name, as Word applies it: its own style's, else the default table
    style's; pandoc's content tables are "Table"."""
    name = document.styles.table_style_name(table_style_id(tbl))
    return name if name is not None else CONTENT_TABLE


# ---- layout tables (header and signature blocks) ----


def set_layout_table(tbl: _Element, columns: list[int], indent: int | None = None) -> None:
    """A frame table at its exact column widths, rows never split: centred on the text, or
    placed `indent` twips from the text's left edge (a flush table: minus its cell margin, so
    that "Nơi nhận:" stands flush with the body, as the decree's samples place it)."""
    set_columns(tbl, columns)
    if indent is not None:
        set_table_alignment(tbl, "left")
        set_table_indent(tbl, indent)
    else:
        set_table_alignment(tbl, "center")
    for tr in table_rows(tbl):
        keep_row_together(tr)


def keep_previous_with(tbl: _Element) -> None:
    """Keep the paragraph before a table on the table's page: a signature block never starts a
    page alone, without the body's last lines above it."""
    previous = tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        keep_with_next(previous)


def set_columns(tbl: _Element, columns: list[int]) -> None:
    """Column widths in twips: the table grid (w:gridCol) and the table's own width."""
    set_column_widths(tbl, columns)
    set_table_width(tbl, sum(columns))


# ---- content tables ----


def set_content_table(
    document: WordDocument, tbl: _Element, available: int, cell_margin: int
) -> None:
    """An official table: header rows centred, cells without a first-line indent, columns fitted
    to the text width.

    Columns get at least their longest word (so "10.960" never breaks) and share the rest of
    the width in proportion to how much more their longest line needs (a header's line counts
    as wrapped onto HEADER_LINES lines).
    """
    # Header cells: Table Heading, centred by the style (pandoc set the column's alignment);
    # body cells: Compact (pandoc gives a cell's second paragraph Body Text).
    restyle_cells(tbl, document.style_id(TABLE_HEADING), document.style_id(CELL))
    for tr in table_rows(tbl):
        keep_row_together(tr)
    columns = share_width(*column_bounds(document, tbl, cell_margin), available)
    set_columns(tbl, columns)


def column_bounds(
    document: WordDocument, tbl: _Element, cell_margin: int
) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word) and most (its longest line), in twips with
    the cells' margins, measured in the fonts of the header and body cell styles (once a
    table: its text does not change while it is finished)."""
    if tbl not in document._bounds:
        fonts = {True: document.font(TABLE_HEADING), False: document.font(CELL)}
        key = (element_xml(tbl), fonts[True], fonts[False], cell_margin)
        bounds = _MEASURED.get(key)
        if bounds is None:
            paragraphs = table_cell_paragraphs(tbl)
            cells = grid_cells(tbl)
            needs = [(c, *cell_needs(paragraphs[c.cell], fonts[c.header])) for c in cells]
            measured = measure_columns(len(grid_columns(tbl)), needs, cell_margin)
            bounds = _MEASURED[key] = (tuple(measured[0]), tuple(measured[1]))
            while len(_MEASURED) > MEASURED_TABLES:
                del _MEASURED[next(iter(_MEASURED))]  # the one measured longest ago
        document._bounds[tbl] = bounds
    least, most = document._bounds[tbl]
    return list(least), list(most)


# The bounds of the tables measured last in this process, by their XML, the fonts and the cell
# margin they were measured with: a warm process (baocao xem) finishes the same budget tables at
# every save of a part that leaves them as they were, and reading a table's XML costs a sixth of
# measuring it.
MEASURED_TABLES = 32
_MEASURED: dict[tuple[bytes, tuple[float, bool], tuple[float, bool], int], Bounds] = {}


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


def cell_needs(paragraphs: list[tuple[str, bool]], font: tuple[float, bool]) -> tuple[int, int]:
    """A cell's longest word and longest line in twips, from its paragraphs (their text, whether
    one has a bold run: `cell_paragraphs`), at the (size, bold) of its style; a paragraph with a
    bold run is measured bold."""
    size, bold = font
    word = line = 0
    for paragraph, has_bold in paragraphs:
        longest_word, longest_line = text_needs(paragraph, size, bold or has_bold)
        word = max(word, longest_word)
        line = max(line, longest_line)
    return word, line


# ---- rule lines ----


def draw_rules(document: WordDocument, rules: dict[str, float], tables: dict[str, Any]) -> None:
    """A centred rule under each run of paragraphs of a [rules] style, as long as the table says.

    A rule is a paragraph of style "Rule" whose bottom border is the line: Word and LibreOffice
    both draw it; left and right indents make its length. The room it is centred in is the
    section's text width, or its cell's width less the cell margins.
    """
    ruled = {document.style_id(name): fraction for name, fraction in rules.items()}
    rule_style = document.style_id(RULE)
    margins = {
        document.style_id(name): props.get("cell_margin_twips", 0) for name, props in tables.items()
    }
    for run in ruled_runs(styled_paragraphs(document.body, set(ruled))):
        last = run[-1]
        cell = enclosing(last, "w:tc")
        if cell is None:
            available = text_width_at(last)
        else:
            tbl = enclosing(cell, "w:tbl")
            if tbl is None:
                raise ValueError("a w:tc lies in a w:tbl")
            style_of_table = table_style_id(tbl)
            margin = margins.get(style_of_table, 0) if style_of_table is not None else 0
            available = cell_width(tbl, cell) - 2 * margin
        style = paragraph_style(last) or ""
        rule = rule_after(document, run, ruled[style], available)
        set_paragraph_style(rule, rule_style)


def cell_width(tbl: _Element, tc: _Element) -> int:
    """The width of a cell in twips, from the table grid's columns it spans."""
    widths = column_widths(tbl)
    cell = next(c for c in grid_cells(tbl) if c.cell is tc)
    return sum(widths[cell.first : cell.first + cell.span])


def ruled_runs(paragraphs: list[_Element]) -> Iterator[list[_Element]]:
    """Runs of adjacent paragraph elements of the same style, from those given in order."""
    run: list[_Element] = []
    for paragraph in paragraphs:
        if run and (
            run[-1].getnext() is not paragraph
            or paragraph_style(paragraph) != paragraph_style(run[-1])
        ):
            yield run
            run = []
        run.append(paragraph)
    if run:
        yield run


def rule_after(
    document: WordDocument, run: list[_Element], fraction: float, available: int
) -> _Element:
    """Draw a rule under a run of paragraphs: `fraction` of its widest line, centred in
    `available` twips. The rule paragraph is returned; the caller gives it the "Rule" style."""
    last = run[-1]
    size, bold = document.styles.paragraph_font(paragraph_style(last))
    widest = min(available, max(line_width(paragraph_text(p), size, bold, available) for p in run))
    length = round(fraction * widest)
    rule = insert_paragraph_after(last)
    add_text_run(rule, NO_BREAK_SPACE)  # pandoc and Word keep a paragraph with content
    indent = max(0, (available - length) // 2)
    set_indents(rule, indent, indent)
    return rule


def line_width(text: str, size: float, bold: bool, available: int) -> int:
    """The widest line of a paragraph's text (lines split at its breaks) wrapped to `available`."""
    return max(max(wrapped_widths(line, size, bold, available)) for line in text.split("\n"))


# ---- reproducible output ----


# docProps/app.xml as baocao writes it. pandoc copies the style doc's, which states a page and word
# count of some other document ("1 page, 83 words"); Word counts them itself when it opens the file.
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>baocao</Application><DocSecurity>0</DocSecurity></Properties>"
)


def write_reproducibly(package: Package, core: _Element, path: Path, epoch: int) -> None:
    """Save with fixed document dates and zip timestamps: equal sources give equal bytes; the
    application properties claim no page or word count."""
    moment = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC)  # zip dates start in 1980
    written = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    set_core_date(core, "dcterms:created", written)
    set_core_date(core, "dcterms:modified", written)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    package.write(path, stamp, {"/docProps/app.xml": APP_PROPERTIES})
