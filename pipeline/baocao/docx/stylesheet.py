"""The styles part of the DOCX pandoc wrote, as the finishing pass reads it: a style's id by its
name, the font it gives its text, the style a table or a paragraph applies.

The finishing pass only reads the styles part, and the package writes it back as it was read
(baocao.docx.package). pandoc copies it from the style doc, so the builds of one process find the
same part, byte for byte: it is parsed, and each answer found, once per distinct part in a
process (baocao xem rebuilds at every save), not at every build.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml.etree import _Element

from baocao.ooxml.elements import parse_xml
from baocao.ooxml.styles import applied_style, style_font, style_id, style_name, style_named


@dataclass(frozen=True, eq=False)
class StyleSheet:
    """A styles part, parsed, and what has been asked of it. Its XML is shared by every build
    that reads the same part: nothing may edit it."""

    root: _Element
    _ids: dict[str, str] = field(default_factory=dict)
    _fonts: dict[str, tuple[float, bool]] = field(default_factory=dict)
    _paragraph_fonts: dict[str | None, tuple[float, bool]] = field(default_factory=dict)
    _applied: dict[tuple[str | None, str], _Element | None] = field(default_factory=dict)

    def style_id(self, name: str) -> str:
        """The id of the style a name designates ("Table Heading" → "TableHeading"); KeyError
        when there is none."""
        if name not in self._ids:
            self._ids[name] = style_id(style_named(self.root, name))
        return self._ids[name]

    def font(self, name: str) -> tuple[float, bool]:
        """The size (pt) and boldness of the style of that name."""
        if name not in self._fonts:
            self._fonts[name] = style_font(self.root, style_named(self.root, name))
        return self._fonts[name]

    def applied(self, style: str | None, kind: str) -> _Element | None:
        """The style of a type ("table", "paragraph") an id applies, as Word reads it: that
        style, else the type's default (`applied_style`)."""
        key = (style, kind)
        if key not in self._applied:
            self._applied[key] = applied_style(self.root, style, kind)
        return self._applied[key]

    def table_style_name(self, style: str | None) -> str | None:
        """The name of the table style an id (a table's w:tblStyle) applies, if any."""
        applied = self.applied(style, "table")
        return style_name(applied) if applied is not None else None

    def paragraph_font(self, style: str | None) -> tuple[float, bool]:
        """The size (pt) and boldness of the paragraph style an id applies."""
        if style not in self._paragraph_fonts:
            self._paragraph_fonts[style] = style_font(self.root, self.applied(style, "paragraph"))
        return self._paragraph_fonts[style]


@functools.lru_cache(maxsize=4)
def style_sheet(blob: bytes) -> StyleSheet:
    """The styles part of these bytes, parsed once in a process."""
    return StyleSheet(parse_xml(blob))
