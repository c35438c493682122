"""The HTML rendering of a document: the same pandoc AST the DOCX is made from, written by
pandoc as HTML, each amount marked with the key of its origin.

It is the page's text: without LibreOffice it stands for the pages (an approximation: no page
breaks, the browser's line breaking), and either way it is what can be searched, read aloud, and
pointed at. A budget table's cells carry the key of their row and column; a citation's printed
text the keys it names (baocao.preview.provenance).
"""

from __future__ import annotations

import subprocess
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from baocao.docx.pandoc import Pandoc, as_json
from baocao.preview.provenance import CitedText, cell_key
from baocao.problems import BaocaoError
from baocao.resolve.budget import Table

LAYOUT = "data-custom-style"  # the frame's borderless tables (header block, signature) name one
AMOUNT = "so-tien"  # the class of a marked amount


def pandoc_html(page: dict[str, Any], pandoc: Pandoc) -> str:
    """pandoc's HTML of the document (a fragment: no head, no script)."""
    done = subprocess.run(
        [*pandoc.command, "--from=json", "--to=html5", "--wrap=none"],
        input=as_json(page, pandoc),
        capture_output=True,
    )
    if done.returncode != 0:
        raise BaocaoError("pandoc không dựng được bản HTML của văn bản")
    return done.stdout.decode("utf-8")


def marked_html(fragment: str, tables: list[Table], citations: list[CitedText]) -> str:
    """The fragment with every budget-table amount and every citation marked by its keys."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    root.set("class", "trang")
    budget: list[etree._Element] = []
    waiting = list(tables)
    for element in root.iter("table"):
        if element.get(LAYOUT) is not None or not waiting:
            continue
        for k, table in enumerate(waiting):
            if _is_table(element, table):
                _mark_table(element, table)
                budget.append(element)
                del waiting[: k + 1]
                break
    _mark_citations(root, citations, set(budget))
    return str(lxml_html.tostring(root, encoding="unicode"))


def _body_rows(element: etree._Element) -> list[etree._Element]:
    return [row for body in element.iter("tbody") for row in body.iter("tr")]


def _text(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext()).strip()


def _is_table(element: etree._Element, table: Table) -> bool:
    """Whether an HTML table is this budget table: its rows, and each row's code, as printed."""
    rows = _body_rows(element)
    if len(rows) != len(table.rows):
        return False
    for tr, row in zip(rows, table.rows, strict=True):
        cells = tr.findall("td")
        if len(cells) != len(table.columns) or _text(cells[0]) != row.code:
            return False
    return True


def _mark_table(element: etree._Element, table: Table) -> None:
    for tr, row in zip(_body_rows(element), table.rows, strict=True):
        for td, column in zip(tr.findall("td"), table.columns, strict=True):
            if column.is_amount and _text(td):
                td.set("data-ref", cell_key(table, row, column.number))
                td.set("class", AMOUNT)
                td.set("tabindex", "0")


def _mark_citations(
    root: etree._Element, citations: list[CitedText], skipped: set[etree._Element]
) -> None:
    """Wrap each citation's figure (its text up to " (", the words in brackets after it) in a
    span carrying its keys, looking for each in the text after the one before it."""
    pending = [c for c in citations if c.keys and c.text]

    def needle(citation: CitedText) -> str:
        return citation.text.split(" (")[0].strip()

    def take(text: str, place: etree._Element, tail: bool) -> None:
        """Mark the next citations found in one text slot of the tree."""
        at = 0
        while pending and text:
            ahead = [(k, text.find(needle(c), at)) for k, c in enumerate(pending[:4])]
            found = [(k, i) for k, i in ahead if i >= 0]
            if not found:
                return
            k, start = min(found, key=lambda pair: pair[1])
            citation = pending[k]
            del pending[: k + 1]
            end = start + len(needle(citation))
            span = etree.Element("span")
            span.set("class", AMOUNT)
            span.set("data-ref", " ".join(citation.keys))
            span.set("tabindex", "0")
            span.text = text[start:end]
            span.tail = text[end:]
            if tail:
                place.tail = text[:start]
                parent = place.getparent()
                assert parent is not None  # a tail is inside the element's parent
                parent.insert(parent.index(place) + 1, span)
            else:
                place.text = text[:start]
                place.insert(0, span)
            place, tail, text, at = span, True, span.tail or "", 0

    def visit(element: etree._Element) -> None:
        if element in skipped:
            return
        children = list(element)  # before the spans take() adds, which hold no more to find
        take(element.text or "", element, tail=False)
        for child in children:
            visit(child)
            take(child.tail or "", child, tail=True)

    visit(root)
