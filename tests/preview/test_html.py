"""The HTML rendering: pandoc's HTML of the DOCX's own AST, each amount marked with its origin,
styled from templates/styles.toml."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from baocao.build import resolve_folder
from baocao.docx.pandoc import Pandoc
from baocao.docx.styles import load_definition
from baocao.preview.css import page_css, resolved_style
from baocao.preview.html import marked_html, pandoc_html
from baocao.preview.provenance import provenance
from baocao.render.document import render_document
from conftest import CONTENT, SAMPLE


def _rendered(folder: Path, pandoc: Pandoc) -> tuple[lxml_html.HtmlElement, dict[str, object]]:
    resolution = resolve_folder(folder)
    assert resolution.document is not None
    found = provenance(resolution)
    fragment = pandoc_html(render_document(resolution.document), pandoc)
    tables = list(resolution.registry.tables.values())
    page = marked_html(fragment, tables, found.citations)
    return lxml_html.fromstring(page), found.as_json()


def test_the_frame_and_the_subject_are_there(pandoc: Pandoc) -> None:
    root, _ = _rendered(CONTENT / SAMPLE, pandoc)
    subject = root.xpath('//*[@data-custom-style="Subject"]')[0].text_content()
    assert "dự toán ngân sách" in " ".join(subject.split())
    header = root.xpath('//table[@data-custom-style="HeaderBlock"]')[0].text_content()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert root.xpath('//*[@data-custom-style="Signer Name"]')


def test_every_marked_amount_shows_its_origins_value(pandoc: Pandoc) -> None:
    root, origins = _rendered(CONTENT / SAMPLE, pandoc)
    cells = root.xpath("//td[@data-ref]")
    assert len(cells) > 20
    for cell in cells:
        origin = origins[cell.get("data-ref")]
        assert isinstance(origin, dict)
        assert cell.text_content().strip() == origin["value"]


def test_citations_are_marked_with_the_ids_they_name(pandoc: Pandoc) -> None:
    root, origins = _rendered(CONTENT / SAMPLE, pandoc)
    spans = root.xpath("//span[@data-ref]")
    texts = {span.text_content(): span.get("data-ref") for span in spans}
    assert texts["11.170.000.000 đồng"] == "pl.tong(4)"
    assert all(key in origins for span in spans for key in span.get("data-ref").split())


def test_the_styles_come_from_the_style_table() -> None:
    definition = load_definition()
    css = page_css(definition)
    subject = resolved_style(definition["styles"], "Subject")
    assert subject["bold"] is True and subject["size"] == 14
    rule = next(line for line in css.splitlines() if '[data-custom-style="Subject"] p' in line)
    assert "font-weight: bold" in rule and "font-size: 14pt" in rule
    assert "Times New Roman" in css
