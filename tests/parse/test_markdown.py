"""One Markdown file into typed blocks at their lines: inlines typed, citations and tables found."""

from __future__ import annotations

from pathlib import Path

from baocao import codes
from baocao.parse.blocks import (
    Break,
    Citation,
    CitedId,
    DeclaredTable,
    Emphasis,
    Heading,
    Inline,
    Item,
    Paragraph,
    Place,
    PlainTable,
    Strong,
    TableCell,
    Tag,
    Text,
    source_text,
)
from baocao.parse.markdown import inline_markdown, parse_blocks
from baocao.problems import Position
from budget_documents import HEADER, problems_of

HERE = Path("x.md")


def lines_of(blocks: list) -> list[tuple[str, int]]:
    return [(type(b).__name__, b.position.line) for b in blocks]


def test_every_block_knows_its_line() -> None:
    text = (
        "# I. MỤC\n## 1. Tiểu mục\n- một\n  tiếp\n\n+ hai\n+ ba\n\n1. Kính đề nghị\n2. Hai\n\n"
        "Đoạn\nvăn\n\n\nĐơn vị: Triệu đồng {#bang}\n\n| A | B | C |\n|---|---|---|\n"
        "| A | B | (1) |\n| 1 | Một | 2 |\n"
    )
    blocks, problems = parse_blocks(HERE, text)
    assert problems == []
    assert lines_of(blocks) == [
        ("Heading", 1),
        ("Heading", 2),
        ("Item", 3),
        ("Item", 6),
        ("Item", 7),
        ("Item", 9),
        ("Item", 10),
        ("Paragraph", 12),
        ("DeclaredTable", 16),
    ]
    assert [b.marker for b in blocks if isinstance(b, Item)] == ["-", "+", "+", "1.", "2."]
    assert [b.level for b in blocks if isinstance(b, Heading)] == [1, 2]


def test_a_budget_table_is_read_with_its_own_lines_or_the_table_under_it() -> None:
    numbers = "| TT | ND | KP |\n|---|---|---|\n| A | B | (1) |\n| 1 | Một | 5 |\n"
    glued = "Đơn vị: Triệu đồng {#a}\n" + numbers
    apart = "Đơn vị: Triệu đồng {#b cot=1}\n\n" + numbers
    ((first,), problems), ((second,), more) = parse_blocks(HERE, glued), parse_blocks(HERE, apart)
    assert problems == more == []
    assert isinstance(first, DeclaredTable) and isinstance(second, DeclaredTable)
    assert (first.declaration.id, first.declaration.unit_line) == ("a", "Đơn vị: Triệu đồng")
    assert [row.position.line for row in first.rows] == [5]
    assert [row.position.line for row in second.rows] == [6]
    assert second.position == Position(HERE, 1)


def test_paragraph_glued_to_a_list_still_gets_its_own_line() -> None:
    blocks, _ = parse_blocks(HERE, "Mở đầu:\n- một\n- hai\n")
    assert lines_of(blocks) == [("Paragraph", 1), ("Item", 2), ("Item", 3)]


def test_a_numbered_item_keeps_the_number_typed_on_it() -> None:
    blocks, _ = parse_blocks(HERE, "1. Một.\n\n3. Ba.\n3. Ba nữa.\n\n10) Mười.\n11)\n")
    assert [(b.marker, b.position.line) for b in blocks if isinstance(b, Item)] == [
        ("1.", 1),
        ("3.", 3),
        ("3.", 4),
        ("10)", 6),
        ("11)", 7),  # an item with nothing after its number yet
    ]


def test_a_nested_list_neither_shifts_nor_renumbers_its_parents_items() -> None:
    text = "1. Một:\n   - gạch\n   - gạch\n     1. sâu\n2. Hai.\n"
    blocks, _ = parse_blocks(HERE, text)
    assert [(b.marker, b.position.line, b.depth) for b in blocks if isinstance(b, Item)] == [
        ("1.", 1, 0),
        ("-", 2, 1),
        ("-", 3, 1),
        ("1.", 4, 2),
        ("2.", 5, 0),
    ]


def test_a_point_on_a_line_of_its_own_is_a_paragraph_at_that_line() -> None:
    text = (
        "Điều 2. Nhiệm vụ:\na) lập kế hoạch;\nb) báo cáo\n   hằng quý.\n\n"
        "1. Khoản một:\na) **điểm** a;\nđ) điểm đ.\n2. Khoản hai, theo điểm\nb khoản 1.\n"
    )
    blocks, problems = parse_blocks(HERE, text)
    assert problems == []
    assert [(type(b).__name__, source_text(b.inlines), b.position.line) for b in blocks] == [
        ("Paragraph", "Điều 2. Nhiệm vụ:", 1),
        ("Paragraph", "a) lập kế hoạch;", 2),
        ("Paragraph", "b) báo cáo hằng quý.", 3),
        ("Item", "Khoản một:", 6),
        ("Paragraph", "a) điểm a;", 7),
        ("Paragraph", "đ) điểm đ.", 8),
        ("Item", "Khoản hai, theo điểm b khoản 1.", 9),
    ]


def test_unsupported_blocks_are_problems_at_their_line() -> None:
    text = "Đoạn\n\n> trích\n\n<table><tr><td>x</td></tr></table>\n\n    mã\n\n---\n"
    _, problems = parse_blocks(HERE, text)
    code = codes.UNSUPPORTED_BLOCK
    assert [(p.code, p.position.line, p.position.column) for p in problems] == [
        (code, 3, 1),
        (code, 5, 1),
        (code, 7, 1),
        (code, 9, 1),
    ]


def test_inlines_are_typed() -> None:
    text = "Có **đậm *nghiêng* vẫn đậm** và *nghiêng*,\ndòng sau\\\ndòng cứng `mã` [liên kết](x).\n"
    ((paragraph,), problems) = parse_blocks(HERE, text)
    assert problems == []
    assert isinstance(paragraph, Paragraph)
    assert paragraph.inlines == (
        Text("Có "),
        Strong((Text("đậm "), Emphasis((Text("nghiêng"),)), Text(" vẫn đậm"))),
        Text(" và "),
        Emphasis((Text("nghiêng"),)),
        Text(","),
        Break(),
        Text("dòng sau"),
        Break(hard=True),
        Text("dòng cứng "),
        Text("mã"),
        Text(" "),
        Text("liên kết"),
        Text("."),
    )


def test_citations_and_tags_are_found_even_across_a_line_end() -> None:
    text = 'Đề xuất **10.122.000.000 đồng**{#de-xuat} và {{ tien(\n  "pl.csdl") }} nữa.\n'
    ((paragraph,), problems) = parse_blocks(HERE, text)
    assert problems == []
    assert paragraph.inlines == (
        Text("Đề xuất "),
        Strong((Text("10.122.000.000 đồng"),)),
        Tag("de-xuat", (), "{#de-xuat}"),
        Text(" và "),
        Citation("tien", (CitedId("pl.csdl"),), text='{{ tien(\n"pl.csdl") }}'),
        Text(" nữa."),
    )
    tag, citation = paragraph.inlines[2], paragraph.inlines[4]
    assert isinstance(tag, Tag) and isinstance(citation, Citation)
    assert (tag.place, citation.place) == (Place(1, 32), Place(1, 46))
    assert citation.ids[0].place == Place(2, 4)  # the id, on the next line after its indent
    assert source_text(paragraph.inlines) == (
        'Đề xuất 10.122.000.000 đồng{#de-xuat} và {{ tien( "pl.csdl") }} nữa.'
    )


def places(inlines: tuple[Inline, ...]) -> list[tuple[str, int, int]]:
    """Each piece of text (bold and italic opened) with the line and column it begins at."""
    found: list[tuple[str, int, int]] = []
    for inline in inlines:
        if isinstance(inline, Strong | Emphasis):
            found += places(inline.children)
        elif isinstance(inline, Text):
            bounds = [offset for offset, _ in inline.places[1:]] + [len(inline.text)]
            for (offset, place), end in zip(inline.places, bounds, strict=True):
                found.append((inline.text[offset:end], place.line, place.column))
    return found


def test_every_piece_of_text_knows_its_line_and_column() -> None:
    text = (
        "# I. MỤC **lớn**\n\n"
        "Có **đậm *nghiêng*** và `mã` [liên kết](http://x.vn)\n"
        "   dòng sau \\*sao\\* &amp; 1.000 đồng\\\n"
        "cứng.\n\n"
        "- một\n  tiếp\n  1. sâu *hơn*\n\n"
        "+ rời:\n\n\n  đoạn thứ hai\n"  # a loose item's second paragraph, blank lines before
    )
    blocks, problems = parse_blocks(HERE, text)
    assert problems == []
    assert [places(b.inlines) for b in blocks] == [
        [("I. MỤC ", 1, 3), ("lớn", 1, 12)],
        [
            ("Có ", 3, 1),
            ("đậm ", 3, 6),
            ("nghiêng", 3, 11),
            (" và ", 3, 21),
            ("mã", 3, 26),
            (" ", 3, 29),
            ("liên kết", 3, 31),
            ("dòng sau ", 4, 4),
            ("*sao", 4, 14),  # the escape's backslash skipped
            ("* &amp; 1.000 đồng", 4, 19),
            ("cứng.", 5, 1),
        ],
        [("một", 7, 3), ("tiếp", 8, 3)],
        [("sâu ", 9, 6), ("hơn", 9, 11)],
        [("rời:", 11, 3), ("đoạn thứ hai", 14, 3)],
    ]


def test_a_citation_written_wrong_is_a_problem_at_its_character_and_stays_as_typed() -> None:
    text = 'Kinh phí {{ tien("pl.nc" }} và {{ tien(\n  "Pl.NC") }}, {#Sai} **5 đồng**{#tong = }.\n'
    ((paragraph,), problems) = parse_blocks(HERE, text)
    assert [(p.position.line, p.position.column, p.code.code) for p in problems] == [
        (1, 26, "BC401"),  # the "}}" where ")" is missing
        (2, 4, "BC404"),  # the id
        (2, 18, "BC404"),  # the tag's id
        (2, 40, "BC406"),  # the "=" nothing follows
    ]
    assert source_text(paragraph.inlines) == (
        'Kinh phí {{ tien("pl.nc" }} và {{ tien( "Pl.NC") }}, {#Sai} 5 đồng{#tong = }.'
    )
    unread, wrong_sum = [i for i in paragraph.inlines if isinstance(i, Tag)]
    assert (unread.key, wrong_sum.key, wrong_sum.terms) == (None, "tong", ())
    assert not [i for i in paragraph.inlines if isinstance(i, Citation)]


def test_a_stray_citation_mark_is_a_problem_at_its_character() -> None:
    _, problems = parse_blocks(HERE, "Dòng một\ndòng hai {{ tien(\n\nĐoạn }} sau, {% if %}\n")
    assert [(p.position.line, p.position.column, p.code.code) for p in problems] == [
        (2, 10, "BC405"),
        (4, 6, "BC405"),
        (4, 14, "BC405"),
    ]


def test_a_declaration_line_and_its_table_share_a_file(tmp_path: Path) -> None:
    declaration, table = HEADER.split("\n\n", 1)
    problems = problems_of(tmp_path, declaration + "\n", table + "| A | Một | | | | 1 |\n")
    assert [(p.code, p.position.path.name, p.position.line) for p in problems] == [
        (codes.DECLARATION_WITHOUT_TABLE, "01-phan.md", 1),
        (codes.TABLE_WITHOUT_DECLARATION, "02-phan.md", 1),
    ]


def test_a_table_without_a_column_number_row_is_a_plain_table() -> None:
    text = (
        "Trước.\n\n| STT | Nhiệm vụ | Kinh phí |\n|:---:|---|---:|\n"
        '| 1 | *Trong đó:* | |\n| 2 | **Máy in** {{ tien("a:b") }} | 20 |\n'
    )
    blocks, problems = parse_blocks(HERE, text)
    assert problems == []
    table = blocks[1]
    assert isinstance(table, PlainTable) and table.position.line == 3
    assert table.aligns == ("center", "default", "right")
    assert table.header == (
        TableCell("STT", (Text("STT"),), Position(HERE, 3, 3)),
        TableCell("Nhiệm vụ", (Text("Nhiệm vụ"),), Position(HERE, 3, 9)),
        TableCell("Kinh phí", (Text("Kinh phí"),), Position(HERE, 3, 20)),
    )
    assert [c.inlines for c in table.rows[0]] == [
        (Text("1"),),
        (Emphasis((Text("Trong đó:"),)),),
        (),
    ]
    assert [c.position for c in table.rows[0]] == [
        Position(HERE, 5, 3),
        Position(HERE, 5, 7),
        Position(HERE, 5, 20),  # an empty cell: just after its "|"
    ]
    cell = table.rows[1][1].inlines
    citation = Citation("tien", (CitedId("b", "a"),), text='{{ tien("a:b") }}')
    assert cell == (Strong((Text("Máy in"),)), Text(" "), citation)
    assert places(cell) == [("Máy in", 6, 9), (" ", 6, 17)]
    assert cell[2].place == Place(6, 18)


def test_a_plain_table_row_with_the_wrong_cell_count_is_a_problem_at_its_line() -> None:
    text = "| A | B |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n"
    blocks, problems = parse_blocks(HERE, text)
    assert [type(b).__name__ for b in blocks] == ["PlainTable"]
    assert [(p.code, p.position.line, p.position.column) for p in problems] == [
        (codes.PLAIN_ROW_WIDTH, 3, 1),
        (codes.PLAIN_ROW_WIDTH, 4, 1),
    ]


def test_a_budget_table_cell_s_inline_markdown() -> None:
    assert inline_markdown("*Trong đó:*") == (Emphasis((Text("Trong đó:"),)),)
    assert inline_markdown("_x_ và **y**") == (
        Emphasis((Text("x"),)),
        Text(" và "),
        Strong((Text("y"),)),
    )
    assert inline_markdown("Kinh phí (triệu đồng) (*)") == (Text("Kinh phí (triệu đồng) (*)"),)
    assert inline_markdown("Camera\tan ninh") == (Text("Camera\tan ninh"),)
    cited = inline_markdown('{{ tien("a") }} *b*')  # a budget cell's citation stays as typed
    assert cited == (Text('{{ tien("a") }}'), Text(" "), Emphasis((Text("b"),)))
    assert inline_markdown("") == ()
