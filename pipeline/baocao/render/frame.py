"""The frame around the body, drawn from its definition in templates/frame.yaml.

The frame is data: for each form (the layout a kind of document uses, templates/kinds.yaml),
which paragraphs, in which styles, in which order, and the borderless layout tables of the header
and signature blocks. Their texts are Jinja templates and
expressions, run in one SandboxedEnvironment with StrictUndefined, built once per process, each
text compiled once: a frame can name any front-matter value, and a missing one is an error, never
an empty line. The element kinds are described at the top of the definition file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from jinja2 import StrictUndefined, Template
from jinja2.environment import TemplateExpression
from jinja2.sandbox import SandboxedEnvironment

from baocao.parse.blocks import Inline
from baocao.parse.kinds import SAFE_LOADER
from baocao.render import ast
from baocao.templates import TEMPLATES

FRAME = TEMPLATES / "frame.yaml"
BODY = "body"

Element = Any  # one entry of the definition: a mapping, or the word "body"
# formatted text (an `inlines:` value) as pandoc inlines
Inlines = Callable[[tuple[Inline, ...]], list[ast.Node]]


@functools.cache
def environment() -> SandboxedEnvironment:
    """The Jinja environment for frame texts: sandboxed, and strict, so a missing value is an
    error. One per process."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@functools.cache
def definition(path: Path = FRAME) -> dict[str, list[Element]]:
    """Every form's elements by the form's name, read once per process."""
    with path.open(encoding="utf-8") as handle:
        forms = yaml.load(handle, Loader=SAFE_LOADER)["forms"]
    assert isinstance(forms, dict), f"{path}: `forms` maps each form's name to its elements"
    return forms


def form(name: str) -> list[Element]:
    """The elements of the form `name`; a kind naming a form not defined is a definition error."""
    forms = definition()
    assert name in forms, f"{FRAME.name}: no form “{name}” (forms: {', '.join(forms)})"
    return forms[name]


@functools.cache
def _template(source: str) -> Template:
    """A frame text compiled, once per process."""
    return environment().from_string(source)


@functools.cache
def _expression(source: str) -> TemplateExpression:
    """A frame expression compiled, once per process."""
    return environment().compile_expression(source)


# The elements drawn once per page of a kind, and the name a page goes by in their texts.
PAGES = {"appendices": "appendix", "attachments": "attached"}


class Frame:
    """Draws frame elements in a context: the front matter and the values made from it.

    `pages` holds, for each key of PAGES, the pages drawn by that element: each what its
    elements may name (an AppendixPage as `appendix`, an AttachedPage as `attached`) and its
    body, already drawn."""

    def __init__(
        self,
        context: dict[str, Any],
        inlines: Inlines,
        pages: Mapping[str, Sequence[tuple[object, list[ast.Node]]]] | None = None,
    ) -> None:
        self.context = context
        self.inlines = inlines
        self.pages = pages or {}

    def draw(self, elements: list[Element], body: list[ast.Node]) -> list[ast.Node]:
        """The blocks of `elements`, with `body` where the element "body" stands."""
        out: list[ast.Node] = []
        for element in elements:
            if element == BODY:
                out.extend(body)
            elif "when" in element and not self.value(element["when"]):
                continue
            elif key := next((k for k in PAGES if k in element), None):
                for page, page_body in self.pages.get(key, ()):
                    inner = Frame({**self.context, PAGES[key]: page}, self.inlines)
                    out.extend(inner.draw(element[key], page_body))
            elif "layout" in element:
                out.append(self.layout(element["layout"], element["rows"]))
            elif "style" in element:
                out.extend(self.paragraphs(element))
            else:
                raise ValueError(f"{FRAME.name}: unknown element {element!r}")
        return out

    def value(self, expression: str) -> Any:
        return _expression(expression)(**self.context)

    def text(self, template: str) -> str:
        return _template(template).render(**self.context)

    def paragraphs(self, element: dict[str, Any]) -> list[ast.Node]:
        """The paragraphs of a `style` element, each in a Div naming its paragraph style."""
        style = element["style"]
        if "lines" in element:
            texts = [str(line) for line in self.value(element["lines"])]
            return [ast.styled(style, [ast.para(ast.words(text))]) for text in texts]
        if "inlines" in element:
            return [ast.styled(style, [ast.para(self.inlines(self.value(element["inlines"])))])]
        inlines: list[ast.Node] = []
        for k, line in enumerate(self.text(element["text"]).split("\n")):
            if k:
                inlines.append(ast.LINE_BREAK)
            inlines.extend(ast.words(line))
        return [ast.styled(style, [ast.para(inlines)])]

    def layout(self, style: str, rows: list[list[list[Element]]]) -> ast.Node:
        """A borderless layout table of `style`: each cell holds its elements' paragraphs."""
        columns = max(len(row) for row in rows)
        body = [ast.row([ast.cell(self.draw(cell, [])) for cell in row]) for row in rows]
        return ast.table([], body, ["default"] * columns, [1 / columns] * columns, style)
