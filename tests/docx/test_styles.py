"""The style doc is built from templates/styles.toml alone, rebuilt only when that changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

import docx
from baocao.docx.pandoc import Pandoc
from baocao.docx.styles import (
    STYLE_DEFINITION,
    build_style_doc,
    fingerprint,
    load_definition,
    style_doc,
)
from baocao.ooxml.schema import STYLE_ORDER
from baocao.ooxml.styles import FONT_SLOTS, style_run_properties

DEFINITION = load_definition()


def within_a_twip(length: int | None, expected: int) -> bool:
    """Equal as DOCX stores it: lengths are whole twips (635 EMU)."""
    return length is not None and abs(length - expected) <= 635


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory, pandoc: Pandoc) -> Any:
    path = build_style_doc(tmp_path_factory.mktemp("styles") / "styles.docx", pandoc)
    return docx.Document(str(path))


def test_every_run_properties_holder_is_times_new_roman_and_black(styles: Any) -> None:
    holders = style_run_properties(styles.styles.element)
    assert len(holders) > 40
    for rpr in holders:
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(slot)) for slot in FONT_SLOTS} == {DEFINITION["font"]}
        assert not any("heme" in key for key in fonts.attrib)
        color = rpr.find(qn("w:color"))
        assert color.get(qn("w:val")) == DEFINITION["color"]
        assert color.get(qn("w:themeColor")) is None


@pytest.mark.parametrize("name", list(DEFINITION["styles"]))
def test_each_paragraph_style_is_exactly_its_row_of_the_table(styles: Any, name: str) -> None:
    props = DEFINITION["styles"][name]
    style = styles.styles[name]
    font, fmt = style.font, style.paragraph_format
    expected: dict[str, Any] = {
        "size": lambda v: font.size == Pt(v),
        "bold": lambda v: font.bold is v,
        "italic": lambda v: font.italic is v,
        "caps": lambda v: font.all_caps is v,
        "align": lambda v: fmt.alignment == getattr(WD_ALIGN_PARAGRAPH, v.upper()),
        "first_line_indent_cm": lambda v: within_a_twip(fmt.first_line_indent, Cm(v)),
        "left_indent_cm": lambda v: within_a_twip(fmt.left_indent, Cm(v)),
        "space_before_pt": lambda v: fmt.space_before == Pt(v),
        "space_after_pt": lambda v: fmt.space_after == Pt(v),
        "line_spacing": lambda v: fmt.line_spacing == v,
        "keep_with_next": lambda v: fmt.keep_with_next is v,
        "page_break_before": lambda v: fmt.page_break_before is v,
        "based_on": lambda v: style.base_style.name == v,
        "border_bottom_pt": lambda v: (
            style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}").get(qn("w:sz"))
            == str(round(v * 8))
        ),
    }
    for key, value in props.items():
        assert expected[key](value), f"{name}: {key} = {value}"
    if "based_on" not in props:
        assert style.base_style is None


@pytest.mark.parametrize("name", list(DEFINITION["tables"]))
def test_table_styles_have_their_borders_and_margins(styles: Any, name: str) -> None:
    props = DEFINITION["tables"][name]
    tblpr = styles.styles[name].element.find(qn("w:tblPr"))
    borders = tblpr.find(qn("w:tblBorders"))
    values = {edge.get(qn("w:val")) for edge in borders}
    assert values == ({"single"} if props["borders_pt"] else {"nil"})
    assert len(borders) == 6
    margins = tblpr.find(qn("w:tblCellMar"))
    assert margins.find(qn("w:left")).get(qn("w:w")) == str(props["cell_margin_twips"])
    assert styles.styles[name].element.find(qn("w:tblStylePr")) is None
    valign = styles.styles[name].element.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}")
    assert (valign is None and "cell_valign" not in props) or (
        valign.get(qn("w:val")) == props["cell_valign"]
    )


def test_style_children_are_in_schema_order(styles: Any) -> None:
    order = [qn(tag) for tag in STYLE_ORDER]
    for style in styles.styles.element.findall(qn("w:style")):
        tags = [child.tag for child in style if child.tag in order]
        assert tags == sorted(tags, key=order.index), style.get(qn("w:styleId"))


def test_page_is_a4_with_the_margins_and_a_page_number_header(styles: Any) -> None:
    page = DEFINITION["page"]
    section = styles.sections[0]
    for attribute, key in (
        ("page_width", "width_mm"),
        ("page_height", "height_mm"),
        ("top_margin", "top_mm"),
        ("bottom_margin", "bottom_mm"),
        ("left_margin", "left_mm"),
        ("right_margin", "right_mm"),
        ("header_distance", "header_mm"),
    ):
        assert within_a_twip(getattr(section, attribute), Mm(page[key])), attribute
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.style.name == "Header"
    assert header._p.find(qn("w:fldSimple")).get(qn("w:instr")).strip() == "PAGE"
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "fldSimple" not in first._element.xml and not first.paragraphs[0].text


def test_style_doc_is_cached_by_its_definition(tmp_path: Path, pandoc: Pandoc) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "styles-0000000000000000.docx"
    stale.write_bytes(b"old")
    first = style_doc(cache, pandoc)
    assert first.name == f"styles-{fingerprint(pandoc)}.docx"
    assert not stale.exists()
    built_at = first.stat().st_mtime_ns
    os.utime(first, ns=(built_at, built_at))
    assert style_doc(cache, pandoc) == first
    assert first.stat().st_mtime_ns == built_at  # not rebuilt


def test_fingerprint_changes_with_the_definition(tmp_path: Path, pandoc: Pandoc) -> None:
    changed = tmp_path / "styles.toml"
    shutil.copy(STYLE_DEFINITION, changed)
    assert fingerprint(pandoc, changed) == fingerprint(pandoc)
    changed.write_text(changed.read_text(encoding="utf-8").replace("size = 14", "size = 13", 1))
    assert fingerprint(pandoc, changed) != fingerprint(pandoc)
