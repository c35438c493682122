"""pandoc's document model as JSON (baocao.render.ast): text as one Str that pandoc writes as
its words, split back where pandoc's readers split them, inlines normalized as pandoc keeps them,
the table shape, and a round trip through real pandoc."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from baocao.docx.pandoc import Pandoc, as_json, to_markdown
from baocao.render import ast
from pandoc_page import formatted_text

NBSP = "\u00a0"


def run_pandoc(pandoc: Pandoc, arguments: list[str], given: bytes) -> str:
    done = subprocess.run(
        [*pandoc.command, *arguments], input=given, capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def Str(text: str) -> ast.Node:  # named as pandoc names the element
    return {"t": "Str", "c": text}


# ---- words ----


def test_words_make_one_str_each_run_of_ascii_spaces_tabs_and_line_ends_one_space() -> None:
    assert ast.words("Có  10\u00a0000\tđồng\nvà\r\nhai") == [Str(f"Có 10{NBSP}000 đồng và hai")]


def test_words_keep_other_unicode_spaces_inside_a_word() -> None:
    text = "a\u2003b\u3000c\u200bd"  # em space, ideographic space, zero-width space
    assert ast.words(text) == [Str(text)]


def test_words_keep_the_spaces_at_the_ends_for_normalized_to_judge() -> None:
    assert ast.words(" lập ") == [Str(" lập ")]
    assert ast.words("") == []


def test_canonical_splits_words_as_pandocs_markdown_reader_splits(pandoc: Pandoc) -> None:
    text = "Có 10\u00a0000 đồng\tvà   hai\u2003ba\u3000bốn"
    read = json.loads(run_pandoc(pandoc, ["--from=markdown", "--to=json"], text.encode()))
    assert read["blocks"] == ast.canonical([ast.para(ast.words(text))])


def test_canonical_leaves_all_but_the_text_as_it_is() -> None:
    block = ast.styled("Agency", [ast.para([ast.strong(ast.words("ỦY BAN")), ast.LINE_BREAK])])
    split = ast.canonical(block)
    assert split["c"][0] == block["c"][0]
    assert split["c"][1][0]["c"][0]["c"] == [Str("ỦY"), {"t": "Space"}, Str("BAN")]
    assert split["c"][1][0]["c"][1] == ast.LINE_BREAK


def test_pandoc_writes_a_str_in_the_docx_as_it_writes_its_words(
    pandoc: Pandoc, tmp_path: Path
) -> None:
    document = ast.document(sample_blocks())
    written = []
    for name, given in (("one", document), ("split", ast.canonical(document))):
        target = tmp_path / f"{name}.docx"
        run_pandoc(
            pandoc, ["--from=json", "--to=docx", f"--output={target}"], as_json(given, pandoc)
        )
        written.append(formatted_text(zipfile.ZipFile(target).read("word/document.xml")))
    assert written[0] == written[1]
    assert any(text == f"Số:{NBSP * 6}/BC-UBND" for _, runs in written[0] for _, text in runs)


def test_markdown_of_a_paragraph_opening_with_a_dash_reads_back_as_a_paragraph(
    pandoc: Pandoc,
) -> None:
    paragraph = ast.para(ast.words("- Sau khi sắp xếp, 1. xã mới"))
    markdown = to_markdown(ast.document([paragraph]), pandoc)
    read = json.loads(run_pandoc(pandoc, ["--from=markdown", "--to=json"], markdown.encode()))
    assert read["blocks"] == ast.canonical([paragraph])


# ---- normalized ----


def test_normalized_merges_adjacent_words() -> None:
    assert ast.normalized([Str("10"), Str(".000"), Str(" đồng")]) == [Str("10.000 đồng")]


def test_normalized_drops_spaces_at_the_ends_and_doubled_ones() -> None:
    spaced = [ast.SPACE, ast.SPACE, Str("a"), ast.SPACE, ast.SPACE, Str("b"), ast.SPACE]
    assert ast.normalized(spaced) == [Str("a b")]
    assert ast.normalized([ast.SPACE]) == []
    assert ast.normalized([Str(" a "), Str(" b ")]) == [Str("a b")]


def test_normalized_drops_a_space_around_a_line_break() -> None:
    before = [Str("a"), ast.SPACE, ast.LINE_BREAK, Str("b")]
    after = [Str("a"), ast.LINE_BREAK, ast.SPACE, Str("b")]
    expected = [Str("a"), ast.LINE_BREAK, Str("b")]
    assert ast.normalized(before) == expected
    assert ast.normalized(after) == expected


def test_normalized_keeps_a_space_between_a_word_and_bold() -> None:
    inlines = [Str("Có"), ast.SPACE, ast.strong([Str("đậm")]), Str(",")]
    assert ast.normalized(inlines) == [Str("Có "), ast.strong([Str("đậm")]), Str(",")]


def test_normalized_does_not_change_its_input() -> None:
    inlines = [Str("a"), Str("b")]
    ast.normalized(inlines)
    assert inlines == [Str("a"), Str("b")]


# ---- blocks ----


def test_para_plain_and_heading_normalize_their_inlines() -> None:
    words = [ast.SPACE, *ast.words("I. MỤC"), ast.SPACE]
    assert ast.para(words) == {"t": "Para", "c": ast.words("I. MỤC")}
    assert ast.plain(words) == {"t": "Plain", "c": ast.words("I. MỤC")}
    assert ast.heading(2, words) == {"t": "Header", "c": [2, ["", [], []], ast.words("I. MỤC")]}


def test_styled_names_its_paragraph_style_in_a_div() -> None:
    block = ast.styled("Place Date", [ast.para(ast.words("Hà Nội"))])
    assert block["t"] == "Div"
    assert block["c"][0] == ["", [], [["custom-style", "Place Date"]]]
    assert block["c"][1] == [ast.para(ast.words("Hà Nội"))]


def test_a_cell_carries_its_row_and_column_spans() -> None:
    content = [ast.plain(ast.words("KINH PHÍ"))]
    assert ast.cell(content) == [["", [], []], {"t": "AlignDefault"}, 1, 1, content]
    assert ast.cell(content, rows=2, columns=3)[2:4] == [2, 3]


def test_table_has_pandocs_six_fields() -> None:
    head = [ast.row([ast.cell([ast.plain(ast.words("TT"))]), ast.cell([])])]
    body = [ast.row([ast.cell([ast.plain(ast.words("1"))]), ast.cell([])])]
    node = ast.table(head, body, ["center", "right"], [0.25, 0.75], style="Header Block")
    assert node["t"] == "Table"
    table_attr, caption, specs, table_head, bodies, foot = node["c"]
    assert table_attr == ["", [], [["custom-style", "HeaderBlock"]]]  # the style's id
    assert caption == [None, []]
    assert specs == [
        [{"t": "AlignCenter"}, {"t": "ColWidth", "c": 0.25}],
        [{"t": "AlignRight"}, {"t": "ColWidth", "c": 0.75}],
    ]
    assert table_head == [["", [], []], head]
    assert bodies == [[["", [], []], 0, [], body]]  # no row-head columns, no intermediate head
    assert foot == [["", [], []], []]


def test_a_table_without_style_has_no_custom_style() -> None:
    node = ast.table([], [], ["default", "left"], [0.5, 0.5])
    assert node["c"][0] == ["", [], []]
    assert [spec[0]["t"] for spec in node["c"][2]] == ["AlignDefault", "AlignLeft"]


def test_a_table_needs_one_alignment_per_width() -> None:
    with pytest.raises(ValueError):
        ast.table([], [], ["left"], [0.5, 0.5])


# ---- what pandoc reads ----


def sample_blocks() -> list[ast.Node]:
    """A heading, a paragraph with bold, italic, a line break and a non-breaking space, a
    styled Div, and a table whose first header cell spans two columns and two rows."""
    header_rows = [
        ast.row(
            [
                ast.cell([ast.plain(ast.words("KINH PHÍ"))], rows=2, columns=2),
                ast.cell([ast.plain(ast.words("(3)"))]),
            ]
        ),
        ast.row([ast.cell([ast.plain(ast.words("(4)"))])]),
    ]
    body_rows = [
        ast.row([ast.cell([ast.plain(ast.words(t))]) for t in ("1", "Camera 北京", "5.000")]),
        ast.row(
            [ast.cell([]), ast.cell([ast.plain([ast.strong(ast.words("Tổng"))])]), ast.cell([])]
        ),
    ]
    paragraph = ast.para(
        [
            *ast.words("Có "),
            ast.strong(ast.words("10.000 đồng")),
            ast.SPACE,
            ast.emphasis(ast.words("nghiêng")),
            ast.LINE_BREAK,
            *ast.words(f"Số:{NBSP * 6}/BC-UBND"),
        ]
    )
    return [
        ast.heading(1, ast.words("I. ĐÁNH GIÁ")),
        paragraph,
        ast.styled("Place Date", [ast.para(ast.words("Hà Nội, ngày 8 tháng 1 năm 2027"))]),
        ast.table(
            header_rows,
            body_rows,
            ["center", "left", "right"],
            [0.2, 0.5, 0.3],
            style="Header Block",
        ),
    ]


def test_pandoc_reads_and_writes_back_the_same_blocks(pandoc: Pandoc) -> None:
    blocks = sample_blocks()
    given = as_json(ast.document(blocks), pandoc)
    read: dict[str, Any] = json.loads(run_pandoc(pandoc, ["--from=json", "--to=json"], given))
    assert read["blocks"] == json.loads(json.dumps(blocks))  # tuples → lists, as JSON has them
    assert read["pandoc-api-version"] == list(pandoc.api_version)


def test_pandoc_reads_a_cells_rows_and_columns_in_that_order(pandoc: Pandoc) -> None:
    tall = ast.cell([ast.plain(ast.words("cao"))], rows=2)
    wide = ast.cell([ast.plain(ast.words("rộng"))], columns=2)
    head = [
        ast.row([tall, wide]),
        ast.row([ast.cell([ast.plain(ast.words("b"))]), ast.cell([ast.plain(ast.words("c"))])]),
    ]
    node = ast.table(head, [], ["left"] * 3, [1 / 3] * 3)
    html = run_pandoc(pandoc, ["--from=json", "--to=html"], as_json(ast.document([node]), pandoc))
    cells = re.findall(r"<th ([^>]*)>([^<]*)</th>", html)
    spans = {
        text: re.findall(r'(rowspan|colspan)="(\d+)"', attributes) for attributes, text in cells
    }
    assert spans == {"cao": [("rowspan", "2")], "rộng": [("colspan", "2")], "b": [], "c": []}
