"""The paragraphs of a body found by style (baocao.ooxml.paragraphs.styled_paragraphs): the
body's own and its tables' cells' own, never a nested table's, a content control's or a
tracked change's old style."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.ooxml.elements import parse_xml, xpath
from baocao.ooxml.namespaces import NAMESPACES
from baocao.ooxml.paragraphs import styled_paragraphs


def p(name: str, style: str = "Subject", extra: str = "") -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{name}</w:t></w:r></w:p>'
    )


def cell(*paragraphs: str) -> str:
    return f"<w:tc>{''.join(paragraphs)}</w:tc>"


BODY = (
    p("a")
    + p("b", "Normal")
    + p("c", "Motto")
    + "<w:tbl><w:tr>"
    + cell(p("d"), p("e", "Compact"))
    + cell(
        "<w:tbl><w:tr>" + cell(p("lồng")) + "</w:tr></w:tbl>",  # a nested table's: not found
        "<w:sdt><w:sdtContent>" + p("điều khiển") + "</w:sdtContent></w:sdt>",
        p("f", "Motto"),
    )
    + "</w:tr></w:tbl>"
    + p("g", "Normal", '<w:pPrChange><w:pPr><w:pStyle w:val="Subject"/></w:pPr></w:pPrChange>')
    + '<w:p><w:pPr><w:pStyle w:val="Subject"/><w:pStyle w:val="Motto"/></w:pPr></w:p>'
    + p("h")
)


def body() -> Any:
    return parse_xml(f'<w:body xmlns:w="{NAMESPACES["w"]}">{BODY}</w:body>'.encode())


def texts(found: list[Any]) -> list[str]:
    return ["".join(x.itertext()) for x in found]


@pytest.mark.parametrize("styles", [{"Subject"}, {"Subject", "Motto"}, {"Compact"}, set()])
def test_the_styled_paragraphs_of_the_body_and_its_cells(styles: set[str]) -> None:
    tree = body()
    test = " or ".join(f'@w:val="{s}"' for s in sorted(styles)) or "false()"
    expected = xpath(tree, f"(./w:p | ./w:tbl/w:tr/w:tc/w:p)[w:pPr/w:pStyle[{test}]]")
    assert styled_paragraphs(tree, styles) == expected
    if styles == {"Subject", "Motto"}:
        assert texts(expected) == ["a", "c", "d", "f", "", "h"]
    assert styled_paragraphs(tree, styles, cells=False) == [
        x for x in expected if x.getparent() is tree
    ]
