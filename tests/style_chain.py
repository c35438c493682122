"""How Word resolves a run's look: direct formatting, then the paragraph style and its bases, then
the document defaults. The format tests read values through this chain, not direct formatting only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def style_chain(paragraph: Paragraph) -> Iterator[Any]:
    """The paragraph's style, then each style it is based on."""
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _first(values: Iterator[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def run_value(run: Run, paragraph: Paragraph, read: Callable[[Any], Any]) -> Any:
    """A font property of a run (`read` takes a python-docx Font) through the whole chain."""
    return _first(read(f) for f in [run.font, *(s.font for s in style_chain(paragraph))])


def size_pt(run: Run, paragraph: Paragraph) -> float | None:
    size = run_value(run, paragraph, lambda f: f.size)
    return None if size is None else size.pt


def is_bold(run: Run, paragraph: Paragraph) -> bool:
    return bool(run_value(run, paragraph, lambda f: f.bold))


def is_italic(run: Run, paragraph: Paragraph) -> bool:
    return bool(run_value(run, paragraph, lambda f: f.italic))


def paragraph_value(paragraph: Paragraph, read: Callable[[Any], Any]) -> Any:
    """A paragraph-format property (`read` takes a ParagraphFormat) through the style chain."""
    formats = [paragraph.paragraph_format, *(s.paragraph_format for s in style_chain(paragraph))]
    return _first(read(f) for f in formats)


def font_slots(run: Run, paragraph: Paragraph, defaults: Any) -> dict[str, str | None]:
    """Each script slot's font name, through run, paragraph styles and the document defaults."""
    holders = [run._r.rPr, *(s.element.rPr for s in style_chain(paragraph)), defaults]
    found: dict[str, str | None] = {}
    for slot in FONT_SLOTS:
        names = (
            h.find(qn("w:rFonts")).get(qn(slot))
            for h in holders
            if h is not None and h.find(qn("w:rFonts")) is not None
        )
        found[slot] = _first(names)
    return found


def doc_defaults_rpr(document: Any) -> Any:
    """The w:rPr of the styles part's document defaults."""
    return document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


def all_paragraphs(container: Any) -> list[Paragraph]:
    """Every paragraph of a document or cell in reading order, those in tables included."""
    found: list[Paragraph] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for cell in real_cells(item):
                found.extend(all_paragraphs(cell))
        else:
            found.append(item)
    return found


def real_cells(table: Table) -> list[_Cell]:
    """Each w:tc of a table once (python-docx repeats a merged cell for every grid column)."""
    return [_Cell(tc, table) for tr in table._tbl.tr_lst for tc in tr.tc_lst]


def text_runs(paragraph: Paragraph) -> list[Run]:
    """The runs of a paragraph that carry visible text."""
    return [r for r in paragraph.runs if r.text.strip()]
