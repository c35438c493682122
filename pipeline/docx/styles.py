"""The reference doc pandoc styles its output from, built by code from templates/styles.toml."""

from __future__ import annotations

import functools
import hashlib
import io
import os
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import docx
import pypandoc
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from pipeline.docx import oxml

STYLE_DEFINITION = Path(__file__).resolve().parents[2] / "templates" / "styles.toml"

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

# Style-table key → how it sets a python-docx paragraph style.
SETTERS: dict[str, Any] = {
    "size": lambda s, v: setattr(s.font, "size", Pt(v)),
    "bold": lambda s, v: setattr(s.font, "bold", v),
    "italic": lambda s, v: setattr(s.font, "italic", v),
    "align": lambda s, v: setattr(s.paragraph_format, "alignment", ALIGNMENTS[v]),
    "first_line_indent_cm": lambda s, v: setattr(s.paragraph_format, "first_line_indent", Cm(v)),
    "left_indent_cm": lambda s, v: setattr(s.paragraph_format, "left_indent", Cm(v)),
    "space_before_pt": lambda s, v: setattr(s.paragraph_format, "space_before", Pt(v)),
    "space_after_pt": lambda s, v: setattr(s.paragraph_format, "space_after", Pt(v)),
    "line_spacing": lambda s, v: setattr(s.paragraph_format, "line_spacing", v),
    "keep_with_next": lambda s, v: setattr(s.paragraph_format, "keep_with_next", v),
    "border_bottom_pt": lambda s, v: oxml.set_paragraph_border(
        s.element.get_or_add_pPr(), "bottom", v
    ),
}

# Table-style key → how it sets the table style (its w:element); `columns_twips` is read by the
# finishing pass.
TABLE_SETTERS: dict[str, Any] = {
    "borders_pt": lambda s, v: oxml.set_table_borders(oxml.table_style_properties(s), v),
    "cell_margin_twips": lambda s, v: oxml.set_cell_margins(oxml.table_style_properties(s), v),
    "cell_valign": oxml.set_style_cell_valign,
    "columns_twips": lambda s, v: None,
}


def load_definition(path: Path = STYLE_DEFINITION) -> dict[str, Any]:
    """The style table, as data; read once per process while the file is unchanged (the result
    is shared: read it, do not change it)."""
    stat = path.stat()
    return _parse_definition(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _parse_definition(path: Path, _mtime_ns: int, _size: int) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def pandoc_default_reference() -> bytes:
    """pandoc's own reference.docx: it has every style pandoc writes (Compact, First Paragraph…)."""
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
        check=True,
        capture_output=True,
    ).stdout


def build_reference(target: Path, definition: dict[str, Any] | None = None) -> Path:
    """Write the reference doc: pandoc's styles restyled by the table, ND30 page, page numbers."""
    definition = definition or load_definition()
    document = docx.Document(io.BytesIO(pandoc_default_reference()))
    styles = document.styles
    for name, props in definition["styles"].items():
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        _reset(style.element)
        style.hidden = False
        style.quick_style = True
        if "based_on" in props:
            style.base_style = styles[props["based_on"]]
        for key, value in props.items():
            if key != "based_on":
                SETTERS[key](style, value)
    for name, props in definition.get("tables", {}).items():
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.hidden = False
        for key, value in props.items():
            TABLE_SETTERS[key](style.element, value)
    for rpr in oxml.style_run_properties(styles.element):
        oxml.set_fonts(rpr, definition["font"])
        oxml.set_color(rpr, definition["color"])
    _page(document, definition["page"])
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    return target


def _reset(style: Any) -> None:
    """Forget what pandoc's default gave a style, so the table alone says how it looks."""
    for tag in ("w:pPr", "w:rPr", "w:basedOn"):
        for element in style.findall(qn(tag)):
            style.remove(element)


def _page(document: Any, page: dict[str, float]) -> None:
    """A4 with the decree's margins, a centred PAGE field in the header, none on the first page."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
    section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
    section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
    section.header_distance, section.footer_distance = Mm(page["header_mm"]), Mm(page["footer_mm"])
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["Header"]
    oxml.add_field(paragraph._p, "PAGE")


def fingerprint(definition_path: Path = STYLE_DEFINITION) -> str:
    """What the reference doc depends on: the style table, this code, and the pandoc version."""
    digest = hashlib.sha256()
    for path in (definition_path, Path(__file__), Path(oxml.__file__)):
        digest.update(path.read_bytes())
    digest.update(pypandoc.get_pandoc_version().encode())
    return digest.hexdigest()[:16]


def reference_doc(cache: Path) -> Path:
    """The reference doc for the current style table, rebuilt only when its definition changed."""
    target = cache / f"reference-{fingerprint()}.docx"
    if not target.exists():
        for stale in cache.glob("reference-*.docx"):
            stale.unlink()
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        build_reference(partial)
        partial.replace(target)
    return target
