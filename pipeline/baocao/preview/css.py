"""The ND30 look of the HTML rendering, drawn from the same table as the DOCX's styles.

templates/styles.toml defines every paragraph style the DOCX uses (font, size, bold, italic,
alignment, indents, spacing) and the page; pandoc's HTML marks a frame paragraph with the
custom-style that names its style (`<div data-custom-style="Subject">`), so each style becomes
one CSS rule. Body paragraphs, headings and table cells take Normal, Heading N and Compact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The HTML elements that take a style of the DOCX without naming it.
ELEMENTS = {
    "Normal": ".trang p",
    "Heading 1": ".trang h1",
    "Heading 2": ".trang h2",
    "Heading 3": ".trang h3",
    "Heading 4": ".trang h4",
    "Compact": ".trang td p, .trang td",
    "Table Heading": ".trang th p, .trang th",
}
CM_PER_MM = 0.1


def resolved_style(styles: dict[str, Any], name: str) -> dict[str, Any]:
    """A style's properties with those of the styles it is based on, nearest first."""
    chain: list[dict[str, Any]] = []
    seen: set[str] = set()
    while name in styles and name not in seen:
        seen.add(name)
        chain.append(styles[name])
        name = styles[name].get("based_on", "")
    merged: dict[str, Any] = {}
    for style in reversed(chain):
        merged.update(style)
    return merged


# Style-table key → the CSS declaration it makes (as docx/styles.py's setters make the DOCX's).
DECLARATIONS: dict[str, Callable[[Any], str]] = {
    "size": lambda v: f"font-size: {v}pt",
    "bold": lambda v: f"font-weight: {'bold' if v else 'normal'}",
    "italic": lambda v: f"font-style: {'italic' if v else 'normal'}",
    "caps": lambda v: f"text-transform: {'uppercase' if v else 'none'}",
    "align": lambda v: f"text-align: {v}",
    "first_line_indent_cm": lambda v: f"text-indent: {v}cm",
    "left_indent_cm": lambda v: f"margin-left: {v}cm",
    "space_before_pt": lambda v: f"margin-top: {v}pt",
    "space_after_pt": lambda v: f"margin-bottom: {v}pt",
    "line_spacing": lambda v: f"line-height: {1.15 * float(v):.2f}",
    "border_bottom_pt": lambda v: f"border-bottom: {v}pt solid #000" if v else "",
}


def declarations(style: dict[str, Any]) -> list[str]:
    """One style's CSS declarations; its space before and after 0 unless it says otherwise."""
    shown = {"space_before_pt": 0, "space_after_pt": 0} | style
    made = (DECLARATIONS[key](value) for key, value in shown.items() if key in DECLARATIONS)
    return [declaration for declaration in made if declaration]


def page_css(definition: dict[str, Any]) -> str:
    """The CSS of the page and of every style of the table."""
    page = definition.get("page", {})
    width = float(page.get("width_mm", 210)) * CM_PER_MM
    left = float(page.get("left_mm", 35)) * CM_PER_MM
    right = float(page.get("right_mm", 20)) * CM_PER_MM
    top = float(page.get("top_mm", 25)) * CM_PER_MM
    bottom = float(page.get("bottom_mm", 20)) * CM_PER_MM
    font = definition.get("font", "Times New Roman")
    rules = [
        f".trang {{ font-family: '{font}', 'Liberation Serif', 'Tinos', serif; "
        f"width: {width - left - right:.2f}cm; padding: {top:.2f}cm {right:.2f}cm "
        f"{bottom:.2f}cm {left:.2f}cm; color: #{definition.get('color', '000000')}; }}"
    ]
    styles: dict[str, Any] = definition.get("styles", {})
    for name in styles:
        properties = "; ".join(declarations(resolved_style(styles, name)))
        selector = ELEMENTS.get(name)
        custom = f'.trang [data-custom-style="{name}"] p, .trang p[data-custom-style="{name}"]'
        rules.append(f"{custom} {{ {properties}; }}")
        if selector:
            rules.append(f"{selector} {{ {properties}; }}")
    return "\n".join(rules) + "\n"
