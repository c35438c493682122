"""The outline, read once in parse: each heading's, paragraph's and item's number, each article's
label, the role of a heading that opens a part of the document, the unit lines; typed and at the
line and column where they are typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.parse.blocks import (
    AppendixHeading,
    ArticleLabel,
    AttachedHeading,
    Block,
    Heading,
    Item,
    Label,
    Paragraph,
    PartHeading,
    Reading,
    position_at,
    typed_text,
)
from baocao.parse.document import parse_document
from baocao.parse.outline import roman
from baocao.problems import Position

NAME = "01-phan.md"


def blocks_of(tmp_path: Path, text: str) -> list[Block]:
    """The blocks of a document's one part holding `text` (after a first part with the front
    matter), as parse hands them on."""
    folder = tmp_path / "van-ban"
    folder.mkdir()
    (folder / "00-dau.md").write_text("---\nloai: QUYẾT ĐỊNH\n---\n", encoding="utf-8")
    (folder / NAME).write_text(text, encoding="utf-8")
    document = parse_document(folder)
    return [b for b in document.blocks if b.position.path.name == NAME]


def only(tmp_path: Path, text: str) -> Block:
    (block,) = blocks_of(tmp_path, text)
    return block


def at(line: int, column: int) -> tuple[str, int, int]:
    return (NAME, line, column)


def where(position: Position | None) -> tuple[str, int, int] | None:
    if position is None:
        return None
    return (position.path.name, position.line, position.column)


def readings(block: Block) -> tuple[Reading, ...] | None:
    assert isinstance(block, Heading | Paragraph | Item)
    return None if block.label is None else block.label.readings


@pytest.mark.parametrize(
    ("typed", "text", "read"),
    [
        ("# II. MỤC", "II.", [Reading("roman", (2,), "{}.")]),
        ("# ii. mục", "ii.", [Reading("roman-lower", (2,), "{}.")]),
        ("## 3. Mục", "3.", [Reading("arabic", (3,), "{}.")]),
        ("### 2.1. Mục", "2.1.", [Reading("dotted", (2, 1), "{}.")]),
        ("### 2.1 Mục", "2.1", [Reading("dotted", (2, 1), "{}")]),
        ("## đ) Mục", "đ)", [Reading("letter", "đ", "{})")]),
        ("# B. Mục", "B.", [Reading("LETTER", "B", "{}.")]),
        # a letter that is also a Roman numeral: check picks by what precedes it
        ("# C. Mục", "C.", [Reading("roman", (100,), "{}."), Reading("LETTER", "C", "{}.")]),
        ("# Chương 2 Mục", "Chương 2", [Reading("Chương", (2,), "Chương {}")]),
        ("# Chương II. MỤC", "Chương II", [Reading("Chương:roman", (2,), "Chương {}")]),
        ("# Tiểu  mục 3: Mục", "Tiểu mục 3", [Reading("Tiểu mục", (3,), "Tiểu mục {}")]),
    ],
)
def test_a_heading_number_is_read_with_every_way_it_may_be_read(
    tmp_path: Path, typed: str, text: str, read: list[Reading]
) -> None:
    heading = only(tmp_path, typed + "\n")
    assert isinstance(heading, Heading)
    column = typed.index(" ") + 2  # after the "#" marks
    assert heading.label == Label(text, tuple(read), Position(heading.position.path, 1, column))


@pytest.mark.parametrize(
    "typed",
    ["# MỤC", "# IIII. Không là số La Mã", "# Chương IIII. X", "# 2,5 triệu", "# Điều 3. Tên"],
)
def test_a_heading_without_a_number_has_no_label(tmp_path: Path, typed: str) -> None:
    assert readings(only(tmp_path, typed + "\n")) is None


def test_a_number_is_where_it_is_typed_inside_bold(tmp_path: Path) -> None:
    heading = only(tmp_path, "# **III.** Đậm\n")
    assert isinstance(heading, Heading) and heading.label is not None
    assert where(heading.label.position) == at(1, 5)


def test_an_items_marker_and_a_paragraphs_point_are_read_as_numbers(tmp_path: Path) -> None:
    text = "1. Khoản một;\n2. Khoản hai.\n   - gạch\n\nb) Điểm.\n\nĐoạn văn.\n"
    one, two, dash, point, plain = blocks_of(tmp_path, text)
    assert readings(one) == (Reading("arabic", (1,), "{}."),)
    assert readings(two) == (Reading("arabic", (2,), "{}."),)
    assert isinstance(two, Item) and two.label is not None
    assert where(two.label.position) == at(2, 1)  # its marker
    assert readings(dash) is None
    assert readings(point) == (Reading("letter", "b", "{})"),)
    assert isinstance(point, Paragraph) and point.label is not None
    assert where(point.label.position) == at(5, 1)
    assert readings(plain) is None


@pytest.mark.parametrize(
    ("typed", "number", "suffix", "label", "column", "number_at"),
    [
        ("Điều 3. Nội dung.", 3, "", "Điều 3.", 1, (1, 6)),
        ("Điều 3a. Điều chèn.", 3, "a", "Điều 3a.", 1, (1, 6)),
        ("**Điều  12.** Đậm.", 12, "", "Điều  12.", 3, (1, 9)),
        ("Điều 4.\nXuống dòng.", 4, "", "Điều 4.", 1, (1, 6)),
        ("Điều\n5. Số ở dòng sau.", 5, "", "Điều\n5.", 1, (2, 1)),
    ],
)
def test_an_article_label_is_read_with_its_extent_and_its_number_where_typed(
    tmp_path: Path,
    typed: str,
    number: int,
    suffix: str,
    label: str,
    column: int,
    number_at: tuple[int, int],
) -> None:
    paragraph = only(tmp_path, typed + "\n")
    assert isinstance(paragraph, Paragraph) and paragraph.article is not None
    article = paragraph.article
    assert (article.number, article.suffix) == (number, suffix)
    assert typed_text(paragraph.inlines)[article.start : article.end] == label
    assert where(position_at(paragraph, article.start)) == at(1, column)
    assert where(article.number_position) == at(*number_at)
    assert paragraph.label is None  # an article's number is no khoản's


@pytest.mark.parametrize(
    "typed", ["Điều 5.**Tên** dính chữ đậm.", "Điều 5 không có dấu chấm.", "Theo Điều 5. Xem."]
)
def test_no_article_without_its_label_opening_the_paragraph(tmp_path: Path, typed: str) -> None:
    paragraph = only(tmp_path, typed + "\n")
    assert isinstance(paragraph, Paragraph) and paragraph.article is None


def test_a_heading_may_be_an_article(tmp_path: Path) -> None:
    heading = only(tmp_path, "## Điều 7. Tiêu đề\n")
    assert isinstance(heading, Heading) and heading.label is None
    path = heading.position.path
    assert heading.article == ArticleLabel(7, "", 0, len("Điều 7."), Position(path, 1, 9))
    assert position_at(heading, heading.article.start) == Position(path, 1, 4)


@pytest.mark.parametrize(
    ("typed", "word", "number", "column"),
    [
        ("# Phụ lục", "Phụ lục", None, None),
        ("# Phụ lục chi tiết", "Phụ lục", None, None),
        ("# PHỤ LỤC II", "PHỤ LỤC", "II", 11),
        ("# Phụ lục 01. Danh mục", "Phụ lục", "01", 11),
        ("# **phụ  lục  IV.** Danh mục", "phụ lục", "IV", 15),
    ],
)
def test_a_level_one_phu_luc_heading_opens_an_appendix_with_its_typed_number(
    tmp_path: Path, typed: str, word: str, number: str | None, column: int | None
) -> None:
    heading = only(tmp_path, typed + "\n")
    assert isinstance(heading, Heading) and isinstance(heading.role, AppendixHeading)
    assert (heading.role.word, heading.role.number) == (word, number)
    assert where(heading.role.number_position) == (None if column is None else at(1, column))


@pytest.mark.parametrize("typed", ["## Phụ lục", "# Các phụ lục", "Phụ lục kèm theo."])
def test_phu_luc_elsewhere_opens_no_appendix(tmp_path: Path, typed: str) -> None:
    block = only(tmp_path, typed + "\n")
    assert not isinstance(getattr(block, "role", None), AppendixHeading)


def test_a_level_one_heading_naming_an_attachable_kind_is_an_attached_title(
    tmp_path: Path,
) -> None:
    rule, plan, lower, report = blocks_of(
        tmp_path, "# QUY CHẾ\n\n# Kế  hoạch\n\n## QUY CHẾ\n\n# BÁO CÁO\n"
    )
    assert isinstance(rule, Heading) and isinstance(rule.role, AttachedHeading)
    assert rule.role.kind.name == "QUY CHẾ"
    assert isinstance(plan, Heading) and isinstance(plan.role, AttachedHeading)
    assert plan.role.kind.name == "KẾ HOẠCH"
    assert isinstance(lower, Heading) and lower.role is None  # level 2
    assert isinstance(report, Heading) and report.role is None  # not attachable


@pytest.mark.parametrize(
    ("typed", "label", "title"),
    [
        ("### Chương I. QUY ĐỊNH CHUNG", "Chương I", "QUY ĐỊNH CHUNG"),
        ("# Phần  II - PHẦN HAI", "Phần II", "PHẦN HAI"),
        ("## Mục 3: Tổ chức", "Mục 3", "Tổ chức"),
        ("## Tiểu mục 1 Tên", "Tiểu mục 1", "Tên"),
    ],
)
def test_a_part_heading_has_its_level_and_its_title(
    tmp_path: Path, typed: str, label: str, title: str
) -> None:
    heading = only(tmp_path, typed + "\n")
    assert isinstance(heading, Heading) and isinstance(heading.role, PartHeading)
    assert heading.role.label == label
    words = " ".join(typed_text(heading.inlines).split())
    assert words[heading.role.title_start :] == title


@pytest.mark.parametrize("typed", ["# Chương I", "# CHƯƠNG I. HOA", "# I. Chương"])
def test_no_part_heading_without_its_title_or_its_word(tmp_path: Path, typed: str) -> None:
    heading = only(tmp_path, typed + "\n")
    assert isinstance(heading, Heading) and not isinstance(heading.role, PartHeading)


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("Đơn vị: Triệu đồng", True),
        ("Đơn vị tính:   nghìn đồng", True),
        ("đơn  vị : đồng", True),
        ("Đơn vị:", False),
        ("ĐVT: chiếc", True),
        ("Xem đơn vị: đồng", False),
    ],
)
def test_a_unit_line_is_marked(tmp_path: Path, typed: str, unit: bool) -> None:
    paragraph = only(tmp_path, typed + "\n")
    assert isinstance(paragraph, Paragraph) and paragraph.unit_line is unit


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40, 1999)] == [
        "I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXCIX",
    ]  # fmt: skip
