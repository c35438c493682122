"""The finishing pass: layout widths, rule lines, appendix sections, fitted tables, same bytes."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

import docx
from baocao.build import build_document
from baocao.docx import dating, finish
from baocao.docx.metrics import text_width, wrapped_widths
from baocao.docx.page import text_width_twips
from baocao.docx.styles import load_definition
from baocao.docx.stylesheet import style_sheet
from baocao.ooxml.elements import serialize
from baocao.ooxml.styles import style_font, style_named
from baocao.ooxml.text import cell_paragraphs
from conftest import CONTENT, SAMPLE
from style_chain import all_paragraphs

DEFINITION = load_definition()
FONTS = {True: "Table Heading", False: "Compact"}  # header row → its cells' style
TWIPS_PER_MM = 1440 / 25.4


@pytest.fixture(scope="module")
def built(sample_docx: Path) -> Path:
    return sample_docx


@pytest.fixture(scope="module")
def document(built: Path) -> Any:
    return docx.Document(str(built))


def twips(length: int | None) -> int:
    return 0 if length is None else round(length / 635)


def next_paragraph(paragraph: Paragraph) -> Paragraph:
    return Paragraph(paragraph._p.getnext(), paragraph._parent)


# ---- layout tables ----


@pytest.mark.parametrize(("index", "name"), [(0, "Header Block"), (1, "Signature Block")])
def test_layout_tables_have_the_exemplar_widths(document: Any, index: int, name: str) -> None:
    table = document.tables[index]
    columns = DEFINITION["tables"][name]["columns_twips"]
    assert table.style.name == name
    assert [twips(c.width) for c in table.columns] == columns
    indent = table._tbl.tblPr.find(qn("w:tblInd"))
    if DEFINITION["tables"][name].get("flush"):  # moved left by its cell margin
        assert table.alignment == WD_TABLE_ALIGNMENT.LEFT
        margin = DEFINITION["tables"][name]["cell_margin_twips"]
        assert (indent.get(qn("w:w")), indent.get(qn("w:type"))) == (str(-margin), "dxa")
    else:
        assert table.alignment == WD_TABLE_ALIGNMENT.CENTER and indent is None
    for tr in table._tbl.tr_lst:
        assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_the_word_version_is_declared(document: Any) -> None:
    """Without compatibilityMode 15, Word opens the file in compatibility mode and measures a
    table's indent by Word 2007's rule."""
    settings = document.settings.element
    (mode,) = [
        s
        for s in settings.iter(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert mode.get(qn("w:val")) == "15"


def test_the_signature_block_keeps_the_last_paragraph_with_it(document: Any) -> None:
    signature = next(t for t in document.tables if t.style.name == "Signature Block")
    before = signature._tbl.getprevious()
    assert before.tag == qn("w:p")
    assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


# ---- rule lines ----


def rule_under(paragraphs: list, style: str) -> tuple[Paragraph, Paragraph]:
    last = [p for p in paragraphs if p.style.name == style][-1]
    rule = next_paragraph(last)
    assert rule.style.name == "Rule"
    return last, rule


def rule_length(rule: Paragraph, available: int) -> int:
    left = twips(rule.paragraph_format.left_indent)
    right = twips(rule.paragraph_format.right_indent)
    assert abs(left - right) <= 1  # centred
    return available - left - right


def cell_text_width(table: Any, column: int, name: str) -> int:
    margin = DEFINITION["tables"][name]["cell_margin_twips"]
    return DEFINITION["tables"][name]["columns_twips"][column] - 2 * margin


def test_the_motto_rule_is_as_long_as_the_motto(document: Any) -> None:
    cell = document.tables[0].rows[0].cells[1]
    motto, rule = rule_under(cell.paragraphs, "Motto")
    length = rule_length(rule, cell_text_width(document.tables[0], 1, "Header Block"))
    assert abs(length - text_width(motto.text, 14, bold=True)) <= 2


def test_the_agency_rule_is_a_third_to_a_half_of_its_line(document: Any) -> None:
    cell = document.tables[0].rows[0].cells[0]
    agency, rule = rule_under(cell.paragraphs, "Agency")
    line = max(
        text_width(p.text, 13, bold=True) for p in cell.paragraphs if p.style.name == "Agency"
    )
    length = rule_length(rule, cell_text_width(document.tables[0], 0, "Header Block"))
    assert line / 3 <= length <= line / 2
    assert agency.text == "XÃ NGUYỄN LƯƠNG BẰNG"


def test_the_subject_rule_is_a_third_to_a_half_of_its_widest_line(document: Any) -> None:
    subject, rule = rule_under(document.paragraphs, "Subject")
    available = text_width_twips(document.sections[0]._sectPr)
    line = max(wrapped_widths(subject.text, 14, True, available))
    assert available / 2 < line <= available  # the subject wraps onto two lines
    assert line / 3 <= rule_length(rule, available) <= line / 2


def test_a_rule_is_a_bottom_border_on_a_non_empty_paragraph(document: Any) -> None:
    rules = [p for p in all_paragraphs(document) if p.style.name == "Rule"]
    assert len(rules) == 4  # under the agency, the motto, the subject and "(Kèm theo …)"
    for rule in rules:
        assert rule.text == "\u00a0"  # Word and LibreOffice keep and draw it
    border = document.styles["Rule"].element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert border.get(qn("w:val")) == "single"


# ---- sections and page numbers ----


def test_the_appendix_section_break_keeps_the_portrait_section_whole(document: Any) -> None:
    breaks = [p for p in document.paragraphs if p.style.name == "Section Break"]
    assert len(breaks) == 1
    assert next_paragraph(breaks[0]).text == "Phụ lục"
    body, appendix = document.sections
    assert body.orientation == WD_ORIENT.PORTRAIT and appendix.orientation == WD_ORIENT.LANDSCAPE
    for section in document.sections:
        references = section._sectPr.findall(qn("w:headerReference"))
        assert sorted(r.get(qn("w:type")) for r in references) == ["default", "first"]
        assert section.different_first_page_header_footer
    page = DEFINITION["appendix_page"]
    assert round(appendix.left_margin.mm) == page["left_mm"]
    assert round(appendix.right_margin.mm) == page["right_mm"]
    assert round(appendix.top_margin.mm) == page["top_mm"]
    assert round(appendix.bottom_margin.mm) == page["bottom_mm"]


def test_every_appendix_gets_its_own_numbered_section(tmp_path: Path, sample_copy: Path) -> None:
    folder = sample_copy
    (folder / "91-phu-luc-ii.md").write_text(
        "# Phụ lục II\n\n## DANH MỤC NHIỆM VỤ\n\nNội dung phụ lục thứ hai.\n", encoding="utf-8"
    )
    built = docx.Document(str(build_document(folder, tmp_path).target))
    assert [s.orientation for s in built.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,  # the wide budget table
        WD_ORIENT.PORTRAIT,  # text only
    ]
    for section in built.sections[1:]:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert [p.text for p in built.paragraphs if p.style.name == "Appendix Heading"] == [
        "Phụ lục I",  # typed "# Phụ lục": numbered, as there are two
        "Phụ lục II",
    ]


def test_a_document_without_appendix_keeps_one_portrait_section(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "ngan"
    folder.mkdir(parents=True)
    for part in ("00-mo-dau.md", "01-danh-gia.md"):
        shutil.copy(CONTENT / SAMPLE / part, folder / part)
    built = docx.Document(str(build_document(folder, tmp_path).target))
    assert len(built.sections) == 1
    assert built.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert not [p for p in built.paragraphs if p.style.name == "Section Break"]


# ---- content tables ----


@pytest.fixture(scope="module")
def budget(document: Any) -> Any:
    return document.tables[2]


def test_the_table_fills_the_landscape_text_width(document: Any, budget: Any) -> None:
    available = text_width_twips(document.sections[1]._sectPr)
    page = DEFINITION["appendix_page"]
    expected = (page["width_mm"] - page["left_mm"] - page["right_mm"]) * TWIPS_PER_MM
    assert abs(available - expected) <= 2
    assert sum(twips(c.width) for c in budget.columns) == available
    assert budget._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")) == str(available)


def test_no_number_is_narrower_than_its_column(budget: Any) -> None:
    margin = DEFINITION["tables"]["Table"]["cell_margin_twips"]
    widths = [twips(c.width) for c in budget.columns]
    styles = budget.part.document.styles.element
    fonts = {h: style_font(styles, style_named(styles, n)) for h, n in FONTS.items()}
    for cell in finish.grid_cells(budget._tbl):
        room = sum(widths[cell.first : cell.first + cell.span]) - 2 * margin
        word, _ = finish.cell_needs(cell_paragraphs(cell.cell), fonts[cell.header])
        assert word <= room, "".join(cell.cell.itertext())


def test_header_cells_are_centred_headings_and_body_cells_compact(budget: Any) -> None:
    for cell in finish.grid_cells(budget._tbl):
        header = cell.cell.getparent().find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert cell.header == header
        for paragraph in _Cell(cell.cell, budget).paragraphs:
            assert paragraph.style.name == FONTS[header]
            if header:
                assert paragraph.paragraph_format.alignment is None  # the style centres


def test_a_table_measured_again_only_when_its_xml_changed(document: Any, budget: Any) -> None:
    """The bounds are remembered by the table's XML: an equal table gets them back, a table whose
    text changed is measured anew (a warm process finishes the same tables at every save)."""
    sheet = style_sheet(serialize(document.styles.element))
    margin = DEFINITION["tables"]["Table"]["cell_margin_twips"]

    def bounds(tbl: Any) -> tuple[list[float], list[float]]:
        return finish.column_bounds(finish.WordDocument(tbl.getparent(), sheet), tbl, margin)

    first = bounds(copy.deepcopy(budget._tbl))
    assert bounds(copy.deepcopy(budget._tbl)) == first
    widened = copy.deepcopy(budget._tbl)
    cell = next(c for c in reversed(finish.grid_cells(widened)) if c.span == 1 and c.first == 1)
    texts = list(cell.cell.iter(qn("w:t")))
    texts[-1].text = "Đ" * 400  # one word longer than any line of the table
    least, most = bounds(widened)
    assert least[1] > first[0][1] and most[1] > first[1][1]
    assert bounds(copy.deepcopy(budget._tbl)) == first


def needs_of(texts: list[list[str]]) -> list[tuple[finish.GridCell, int, int]]:
    """What the column widths are measured from, for a body-only table of 11 pt text."""
    table = docx.Document().add_table(rows=len(texts), cols=len(texts[0]))
    for row, values in zip(table.rows, texts, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return [
        (c, *finish.cell_needs(cell_paragraphs(c.cell), (11, False)))
        for c in finish.grid_cells(table._tbl)
    ]


def test_the_long_text_gets_what_the_numbers_leave() -> None:
    needs = needs_of([["TT", "Nội dung", "Số tiền"], ["1", "chữ " * 60, "10.960.000"]])
    widths = finish.share_width(*finish.measure_columns(3, needs, 85), 9000)
    assert sum(widths) == 9000
    number_need = text_width("10.960.000", 11) + 2 * 85
    assert number_need <= widths[2] < number_need + 400
    assert widths[1] > 9000 / 2


def test_spare_width_is_shared_when_everything_fits() -> None:
    widths = finish.share_width(*finish.measure_columns(2, needs_of([["a", "bbbb"]]), 85), 5000)
    assert sum(widths) == 5000 and widths[1] > widths[0]


# ---- reproducible bytes ----


def test_two_builds_of_the_same_sources_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_document(CONTENT / SAMPLE, tmp_path / "a").target.read_bytes()
    second = build_document(CONTENT / SAMPLE, tmp_path / "b").target.read_bytes()
    assert first == second


def test_source_date_epoch_dates_the_zip_and_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    target = build_document(CONTENT / SAMPLE, tmp_path).target
    with zipfile.ZipFile(target) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    core = docx.Document(str(target)).core_properties
    assert core.created.isoformat() == core.modified.isoformat() == "2023-11-14T22:13:20+00:00"


def test_source_date_falls_back_to_the_last_commit_then_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = CONTENT / SAMPLE
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", "."],
        cwd=folder,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if committed:
        assert dating.source_date_epoch(folder) == int(committed)
    loose = tmp_path / "doc"
    loose.mkdir()
    (loose / "00-a.md").write_text("x", encoding="utf-8")
    (loose / "01-b.md").write_text("y", encoding="utf-8")
    os.utime(loose / "00-a.md", (1_600_000_000, 1_600_000_000))
    os.utime(loose / "01-b.md", (1_650_000_000, 1_650_000_000))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert dating.source_date_epoch(loose) == 1_650_000_000
