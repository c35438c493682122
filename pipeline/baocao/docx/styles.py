"""The style doc: the DOCX pandoc takes its styles and page from (its --reference-doc), built
by code from the style table, templates/styles.toml.

pandoc's own default brings theme fonts and blue headings (docs/pandoc.md, 8), so every style
is reset and set from the table, every font slot and colour explicitly. The result is kept in
the cache folder under a fingerprint of what it is made from.
"""

from __future__ import annotations

import functools
import io
import os
import tomllib
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baocao.docx.pandoc import Pandoc, default_styles
from baocao.templates import TEMPLATES

if TYPE_CHECKING:  # python-docx, and lxml, are imported only when the style doc is built
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle
    from lxml.etree import _Element

STYLE_DEFINITION = TEMPLATES / "styles.toml"
OOXML = Path(__file__).parents[1] / "ooxml"  # the raw XML the style doc is written with


@functools.cache
def setters() -> dict[str, Callable[[ParagraphStyle, Any], None]]:  # Any: a TOML value
    """Style-table key → how it sets a python-docx paragraph style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from baocao.ooxml.styles import set_paragraph_border

    alignments = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    return {
        "size": lambda s, v: setattr(s.font, "size", Pt(v)),
        "bold": lambda s, v: setattr(s.font, "bold", v),
        "italic": lambda s, v: setattr(s.font, "italic", v),
        "caps": lambda s, v: setattr(s.font, "all_caps", v),
        "align": lambda s, v: setattr(s.paragraph_format, "alignment", alignments[v]),
        "first_line_indent_cm": lambda s, v: setattr(
            s.paragraph_format, "first_line_indent", Cm(v)
        ),
        "left_indent_cm": lambda s, v: setattr(s.paragraph_format, "left_indent", Cm(v)),
        "space_before_pt": lambda s, v: setattr(s.paragraph_format, "space_before", Pt(v)),
        "space_after_pt": lambda s, v: setattr(s.paragraph_format, "space_after", Pt(v)),
        "line_spacing": lambda s, v: setattr(s.paragraph_format, "line_spacing", v),
        "keep_with_next": lambda s, v: setattr(s.paragraph_format, "keep_with_next", v),
        "page_break_before": lambda s, v: setattr(s.paragraph_format, "page_break_before", v),
        "border_bottom_pt": lambda s, v: set_paragraph_border(s.element, "bottom", v),
    }


@functools.cache
def table_setters() -> dict[str, Callable[[_Element, Any], None]]:
    """Table-style key → how it sets the table style (its w:element); `columns_twips`,
    `keep_with_previous` and `flush` are read by the finishing pass."""
    from baocao.ooxml.styles import set_style_cell_valign, table_style_properties
    from baocao.ooxml.tables import set_cell_margins, set_table_borders

    return {
        "borders_pt": lambda s, v: set_table_borders(table_style_properties(s), v),
        "cell_margin_twips": lambda s, v: set_cell_margins(table_style_properties(s), v),
        "cell_valign": set_style_cell_valign,
        "columns_twips": lambda s, v: None,
        "keep_with_previous": lambda s, v: None,
        "flush": lambda s, v: None,
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


def build_style_doc(target: Path, pandoc: Pandoc, definition: dict[str, Any] | None = None) -> Path:
    """Write the style doc: pandoc's styles restyled by the table, ND30 page, page numbers."""
    from docx.enum.style import WD_STYLE_TYPE

    import docx
    from baocao.ooxml.settings import set_theme_language
    from baocao.ooxml.styles import (
        define_normal_table,
        reset_style,
        set_color,
        set_fonts,
        set_language,
        style_run_properties,
    )

    definition = definition or load_definition()
    document = docx.Document(io.BytesIO(default_styles(pandoc)))
    styles = document.styles
    for name, props in definition["styles"].items():
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        reset_style(style.element)
        style.hidden = False
        style.quick_style = True
        if "based_on" in props:
            style.base_style = styles[props["based_on"]]
        for key, value in props.items():
            if key != "based_on":
                setters()[key](style, value)
    for name, props in definition.get("tables", {}).items():
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.hidden = False
        for key, value in props.items():
            table_setters()[key](style.element, value)
    define_normal_table(styles.element)  # what pandoc's "Table" is based on
    for rpr in style_run_properties(styles.element):
        set_fonts(rpr, definition["font"])
        set_color(rpr, definition["color"])
    defaults, *_ = style_run_properties(styles.element)
    set_language(defaults, definition["language"])  # every style inherits it
    set_theme_language(document.settings.element, definition["language"])
    _page(document, definition["page"])
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))  # python-docx types a path as str
    return target


def _page(document: DocxDocument, page: dict[str, float]) -> None:
    """A4 with the decree's margins, a centred PAGE field in the header, none on the first page."""
    from baocao.docx.page import set_page
    from baocao.ooxml.paragraphs import add_field

    section = document.sections[0]
    set_page(section._sectPr, page)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    for header in (section.header, section.first_page_header):
        header.paragraphs[0].style = document.styles["Header"]
    add_field(section.header.paragraphs[0]._p, "PAGE")


def fingerprint(pandoc: Pandoc, definition_path: Path = STYLE_DEFINITION) -> str:
    """What the style doc depends on: the code that builds it (this module, the page geometry,
    and every module of baocao.ooxml), the style table, pandoc's version."""
    digest = _code_digest().copy()
    digest.update(definition_path.read_bytes())
    digest.update(pandoc.version.encode())
    return digest.hexdigest()


@functools.cache
def _code_digest() -> blake2b:
    """The digest of the code that builds the style doc, read once in a process: the code a
    process runs is the code it imported (a warm process, baocao xem, builds at every save)."""
    digest = blake2b(digest_size=8)
    here = Path(__file__)
    for path in (here, here.with_name("page.py"), *sorted(OOXML.glob("*.py"))):
        digest.update(path.read_bytes())
    return digest


def style_doc(cache: Path, pandoc: Pandoc) -> Path:
    """The style doc for the current style table, rebuilt only when its definition changed."""
    target = cache / f"styles-{fingerprint(pandoc)}.docx"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob("styles-*.docx"):
            stale.unlink()
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        build_style_doc(partial, pandoc)
        partial.replace(target)
    return target
