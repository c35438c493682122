"""The document's outline, read once: the numbers and roles of its headings and paragraphs.

After the blocks of a file are read (baocao.parse.markdown), each at the column where its words
or its marker begin, each heading, paragraph and list item is given what its opening words say,
typed and at its place:

- the number that opens it (`Label`): a heading's "Chương II", "II.", "1.", "1.1.", "a)"; a
  paragraph's điểm "b)"; an item's marker "2.", each with every way it may be read;
- an article's label, "Điều 3." or an inserted "Điều 3a." (`ArticleLabel`), opening a paragraph
  or a heading: its number, its letter, its extent (render sets it bold) and where its number is;
- a heading's role: a level-1 "# Phụ lục II" opens an appendix (`AppendixHeading`), a level-1
  heading naming a kind that can be issued with a decision, "# QUY CHẾ", an attached document
  (`AttachedHeading`), and "Chương I. QUY ĐỊNH CHUNG" is printed on two lines (`PartHeading`);
- whether a paragraph is a unit line, "Đơn vị: Triệu đồng" (an appendix prints it above its body).

Check numbers and counts them (baocao.resolve.forms, baocao.resolve.appendices); render prints
them; neither reads the text again (docs/nd30-rules.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from baocao.parse.blocks import (
    AppendixHeading,
    ArticleLabel,
    AttachedHeading,
    Block,
    Heading,
    HeadingRole,
    Item,
    Label,
    Paragraph,
    PartHeading,
    Reading,
    position_at,
    typed_text,
)
from baocao.parse.kinds import kinds
from baocao.parse.syntax import unit_named
from baocao.problems import Position

# An article's label opening a paragraph, "Điều 3." (or an inserted "Điều 3a."): its number and
# letter. Render prints the label bold; check counts the articles (PL I, II.6.đ).
ARTICLE = re.compile(r"Điều\s+(\d+)([a-zđ]?)\.(?=\s|$)")
# A heading's number: "Chương II", "II.", "1.", "1.1.", "a)", "A.". The first, a word and its
# number, opens a part "Chương I. QUY ĐỊNH CHUNG" (PART).
WORD_LABEL = re.compile(r"(Phần|Chương|Mục|Tiểu\s+mục)\s+([IVXLCDM]+|\d+)(?=$|[\s.:])")
DOTTED_LABEL = re.compile(r"(\d+(?:\.\d+)+)(\.?)(?=\s|$)")
LABEL = re.compile(r"(\d+|[A-Za-zĐđ]+)([.)])(?=\s|$)")
# A level-1 heading opening an appendix: "Phụ lục" (as typed), its number if any (Roman or
# Arabic), and the rest of the heading.
APPENDIX = re.compile(
    r"^\s*(phụ\s+lục)\b(?:\s+([ivxlcdm]+|\d+)(?=$|[\s.:,;)\-–—]))?(.*)$", re.IGNORECASE | re.S
)
# "Chương I. QUY ĐỊNH CHUNG": the level and its number (WORD_LABEL), then the title (PL I, II.6.đ).
PART = re.compile(rf"(?:{WORD_LABEL.pattern})\s*[.:\-–]?\s+(\S.*)")
ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def outline(block: Block, typed: str | None = None) -> Block:
    """A block with what its opening words say: its number or its article's label, a heading's
    role, whether a paragraph is a unit line; `typed` is its text as typed (`typed_text`), when
    the caller has it already. Tables are returned as they are."""
    if isinstance(block, Item):
        return replace(block, label=_label(block.marker, block.position))
    if not isinstance(block, Heading | Paragraph):
        return block
    typed = typed_text(block.inlines) if typed is None else typed
    words = " ".join(typed.split())  # as the editor reads them (`source_text`)
    start = len(typed) - len(typed.lstrip())  # its first word
    article = _article(block, typed, start)
    label = None if article else _label(words, position_at(block, start))
    if isinstance(block, Heading):
        return replace(block, label=label, article=article, role=_role(block, typed, words))
    unit = bool(unit_named(words))  # "Đơn vị: Triệu đồng"
    return replace(block, label=label, article=article, unit_line=unit)


def roman(number: int) -> str:
    """A positive number in Roman numerals: 4 → "IV"."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _article(block: Heading | Paragraph, typed: str, start: int) -> ArticleLabel | None:
    """ "Điều 3a." opening the block: read in its text as typed (`typed`), from its first word at
    `start` (the words as the editor reads them, `source_text`, open with the same label)."""
    match = ARTICLE.match(typed, start)
    if match is None:
        return None
    return ArticleLabel(
        int(match.group(1)),
        match.group(2),
        start,
        match.end(),
        position_at(block, match.start(1)),
    )


def _label(text: str, position: Position) -> Label | None:
    """The number opening `text` ("II. …", "Chương 2 …", "1.1. …", "b) …", an item's "3."),
    with each way it may be read; None when it opens with none."""
    match = WORD_LABEL.match(text)
    if match:
        word = " ".join(match.group(1).split())
        number = match.group(2)
        if number.isdigit():
            readings = [Reading(word, (int(number),), f"{word} {{}}")]
        else:
            value = _roman_value(number)
            readings = [Reading(f"{word}:roman", (value,), f"{word} {{}}")] if value else []
        return Label(match.group(0), tuple(readings), position) if readings else None
    match = DOTTED_LABEL.match(text)
    if match:
        dotted = tuple(int(v) for v in match.group(1).split("."))
        return Label(match.group(0), (Reading("dotted", dotted, "{}" + match.group(2)),), position)
    match = LABEL.match(text)
    if not match:
        return None
    number, mark = match.groups()
    form = "{}" + mark
    if number.isdigit():
        return Label(match.group(0), (Reading("arabic", (int(number),), form),), position)
    found = []
    value = _roman_value(number.upper())
    if value is not None and (number.isupper() or number.islower()):
        found.append(Reading("roman" if number.isupper() else "roman-lower", (value,), form))
    if len(number) == 1:
        found.append(Reading("LETTER" if number.isupper() else "letter", number, form))
    return Label(match.group(0), tuple(found), position) if found else None


def _roman_value(text: str) -> int | None:
    """ "XIV" → 14; None when `text` is not a Roman numeral as ND30 writes them."""
    if not text or any(c not in ROMAN_VALUES for c in text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = ROMAN_VALUES[char]
        following = ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 and roman(total) == text else None


def _role(heading: Heading, typed: str, words: str) -> HeadingRole | None:
    """What part of the document a heading opens, if any: an appendix or an attached document
    (level 1), or a part "Chương I. …" (printed on two lines). `typed` is its text as typed,
    `words` as the editor reads it."""
    appendix = APPENDIX.match(words) if heading.level == 1 else None
    if appendix:
        return _appendix(heading, appendix, typed)
    attached = kinds().attached(words) if heading.level == 1 else None
    if attached is not None:
        return AttachedHeading(attached)
    part = PART.fullmatch(words)
    if part:
        return PartHeading(words[: part.end(2)], part.start(3))
    return None


def _appendix(heading: Heading, match: re.Match[str], typed: str) -> AppendixHeading:
    """ "# Phụ lục II. …" (`match`, APPENDIX's on its words): "Phụ lục" and the number typed
    after it, at its place in its text as typed (`typed`)."""
    number = match.group(2)
    if number is None:
        return AppendixHeading(match.group(1))
    found = APPENDIX.match(typed)
    offset = found.start(2) if found and found.group(2) else 0
    return AppendixHeading(match.group(1), number, position_at(heading, offset))
