"""A received DOCX's text read through baocao.ooxml, as the finishing pass reads a paragraph: a
tab or an absolute tab between words is a space here (the received text is words on a line),
moved text is read where it was moved to, a toggle is on or off as ECMA-376 says."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import docx
from baocao.received.read.blocks import Run
from baocao.received.read.files import read_received


def runs_of(tmp_path: Path, *xml: str) -> list[tuple[Run, ...]]:
    """The runs of each paragraph of a DOCX whose paragraphs hold the given runs' XML."""
    document = docx.Document()
    for inner in xml:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>"))
    document.save(str(tmp_path / "bc.docx"))
    return [p.runs for p in read_received(tmp_path / "bc.docx").paragraphs]


def test_tabs_read_as_spaces(tmp_path: Path) -> None:
    found = runs_of(
        tmp_path,
        "<w:t>TT</w:t><w:tab/><w:t>NỘI DUNG</w:t>",
        '<w:t>Kính gửi:</w:t><w:ptab w:relativeTo="margin" w:alignment="center" w:leader="none"/>'
        "<w:t>UBND</w:t>",
    )
    assert found == [(Run("TT NỘI DUNG"),), (Run("Kính gửi: UBND"),)]


def test_breaks_hyphens_and_what_shows_nothing(tmp_path: Path) -> None:
    (found,) = runs_of(
        tmp_path,
        '<w:t>một</w:t><w:br/><w:t>hai</w:t><w:br w:type="page"/><w:t>ba</w:t><w:noBreakHyphen/>'
        '<w:t>bốn</w:t><w:softHyphen/><w:t>năm</w:t><w:sym w:font="Wingdings" w:char="F0FC"/>',
    )
    assert found == (Run("một\nhaiba-bốnnăm"),)


def test_toggles_as_ecma_376_defines_them(tmp_path: Path) -> None:
    found = runs_of(
        tmp_path,
        '<w:rPr><w:b w:val="1"/><w:i w:val="off"/></w:rPr><w:t>đậm</w:t>',
        '<w:rPr><w:b w:val="false"/><w:i w:val="on"/></w:rPr><w:t>nghiêng</w:t>',
        '<w:rPr><w:b w:val="none"/></w:rPr><w:t>có</w:t>',  # no ST_OnOff value: the b is there
    )
    assert found == [
        (Run("đậm", bold=True),),
        (Run("nghiêng", italic=True),),
        (Run("có", bold=True),),
    ]


def test_moved_text_is_read_where_it_went(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Kinh phí ")
    for xml in (
        f'<w:moveFrom {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>',
        f'<w:moveTo {nsdecls("w")} w:id="2" w:author="A"><w:r><w:t>mới</w:t></w:r></w:moveTo>',
    ):
        paragraph._p.append(parse_xml(xml))
    document.save(str(tmp_path / "bc.docx"))
    assert [p.text for p in read_received(tmp_path / "bc.docx").paragraphs] == ["Kinh phí mới"]
