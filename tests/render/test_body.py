"""The body's outline as render prints it: an article's label bold, a part heading on two lines;
both as parse read them (baocao.parse.outline), never looked for again in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.parse.blocks import Block, Heading, Inline, Paragraph, Strong, Text
from baocao.parse.markdown import parse_blocks
from baocao.parse.outline import outline
from baocao.render import ast
from baocao.render.body import PART_HEADING, article_label, heading

HERE = Path("01-phan.md")


def block_of(text: str) -> Block:
    """One block as parse hands it on, its outline read."""
    blocks, problems = parse_blocks(HERE, text)
    assert problems == []
    (block,) = blocks
    return outline(block)


def words(inlines: tuple[Inline, ...]) -> list[tuple[str, str]]:
    """Each inline as (its type, its text): Strong for bold words."""
    out = []
    for inline in inlines:
        if isinstance(inline, Strong):
            (text,) = inline.children
            assert isinstance(text, Text)
            out.append(("Strong", text.text))
        else:
            assert isinstance(inline, Text)
            out.append(("Text", inline.text))
    return out


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Điều 3. Nội dung.", [("Strong", "Điều 3."), ("Text", " Nội dung.")]),
        ("Điều 3a. Chèn.", [("Strong", "Điều 3a."), ("Text", " Chèn.")]),
        ("Điều  12.", [("Strong", "Điều  12.")]),
    ],
)
def test_an_articles_label_is_bold_and_the_rest_regular(
    typed: str, printed: list[tuple[str, str]]
) -> None:
    paragraph = block_of(typed + "\n")
    assert isinstance(paragraph, Paragraph)
    assert words(article_label(paragraph)) == printed


@pytest.mark.parametrize(
    "typed", ["**Điều 2.** Đậm.", "*Điều 2.* Nghiêng.", "Điều\n2. Số ở dòng sau.", "Theo Điều 2."]
)
def test_a_label_not_typed_as_plain_words_on_the_first_line_is_printed_as_typed(
    typed: str,
) -> None:
    paragraph = block_of(typed + "\n")
    assert isinstance(paragraph, Paragraph)
    assert article_label(paragraph) == paragraph.inlines


def test_a_part_heading_prints_its_level_over_its_title() -> None:
    part = block_of("### Chương  II: TỔ CHỨC  BỘ MÁY\n")
    assert isinstance(part, Heading)
    lines = [*ast.words("Chương II"), ast.LINE_BREAK, *ast.words("TỔ CHỨC BỘ MÁY")]
    assert heading(part) == ast.styled(PART_HEADING, [ast.para(lines)])


def test_a_heading_without_a_part_stays_a_heading() -> None:
    plain = block_of("### II. TỔ CHỨC\n")
    assert isinstance(plain, Heading)
    assert heading(plain) == ast.heading(3, ast.words("II. TỔ CHỨC"))
