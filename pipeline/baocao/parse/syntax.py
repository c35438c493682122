"""The content's own syntax beyond Markdown: ids, `{#id}` tags, `{{ … }}` citations, table lines.

Editors write plain Markdown plus four small marks: an id tag after an amount or a table row
(`{#csdl}`), a citation of an amount by id (`{{ tien("pl.csdl") }}`), the declaration line above
a budget table (`Đơn vị: Triệu đồng {#pl cot=4}`), and the pipe lines of the table itself. The
parse stage finds them (a citation and a tag in prose it also reads: baocao.parse.citation); the
resolve stage gives them meaning.
"""

from __future__ import annotations

import re
import unicodedata

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_CHARACTERS = "chỉ gồm chữ thường không dấu, chữ số và dấu “-”"  # an id's, a document name's
ID_RULE = f"{ID_CHARACTERS} (ví dụ “chuyen-doi-so”)"


def suggested_name(name: str) -> str:
    """A valid folder name close to what was typed: "Báo cáo quý 3" → "bao-cao-quy-3"."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


CITATION = re.compile(r"\{\{(.*?)\}\}", re.S)
TAG = re.compile(r"\{#([^{}\n]*)\}")
CITATION_OR_TAG = re.compile(rf"{CITATION.pattern}|{TAG.pattern}", re.S)
CITATION_EXAMPLE = '{{ tien("ma-khoan") }}'
# Marks that open or close a citation, found where no whole citation stands: each is a mistake.
STRAY = {
    "{{": f"“{{{{” không có “}}}}” đóng lại: trích số tiền viết {CITATION_EXAMPLE}",
    "}}": f"“}}}}” không có “{{{{” mở: trích số tiền viết {CITATION_EXAMPLE}",
    "{%": f"“{{%” không dùng được trong nội dung: trích số tiền viết {CITATION_EXAMPLE}",
}

# A tag at the end of a table cell or declaration line: "Chuyển đổi số {#cds}".
END_TAG = re.compile(rf"\s*{TAG.pattern}\s*$")
# A cell of a budget table's column-number row: a letter for a text column, (n) or a formula.
NUMBER_CELL = re.compile(r"[A-ZĐ]|\(\d+\)(?:\s*=.*)?")
DELIMITER = re.compile(r":?-+:?")  # a cell of the "|---|" line under a table's header
BAR = re.compile(r"(?<!\\)\|")  # a bar between two cells of a pipe-table line


# The label before a unit's name, any case: "Đơn vị:", "Đơn vị tính:", "ĐVT:". A line that opens
# with it states a unit: a table's declaration line, an appendix's unit line; so does a column's
# header in parentheses, "(ĐVT: con)". `UNIT_WORDS` is the label itself, to find it inside text.
UNIT_WORDS = r"(?:đơn\s+vị(?:\s+tính)?|đvt)\s*:"
UNIT_LABEL = re.compile(rf"\s*{UNIT_WORDS}\s*", re.IGNORECASE)


def unit_named(text: str) -> str | None:
    """The unit `text` names after the label it opens with: "Đơn vị tính: triệu đồng" →
    "triệu đồng" ("" when it names none); None when it opens with no label."""
    label = UNIT_LABEL.match(text)
    return text[label.end() :].strip() if label else None


def unit_line(unit: str) -> str:
    """The line above a table that states `unit`, as it prints, spaces single: "triệu đồng" →
    "Đơn vị: Triệu đồng"; a unit given with its label ("Đơn vị tính: triệu đồng", "ĐVT: người")
    is kept as typed."""
    text = " ".join(unit.split())
    if unit_named(text):
        return text
    return f"Đơn vị: {text[:1].upper()}{text[1:]}"


def is_declaration(text: str) -> bool:
    """Whether a paragraph opens with a table's declaration line: "Đơn vị: … {#id …}"."""
    first = text.strip().split("\n", 1)[0]
    return bool(UNIT_LABEL.match(first)) and bool(END_TAG.search(first))


def is_table_line(line: str) -> bool:
    """Whether a line is a pipe-table line: it starts with "|"."""
    return line.lstrip().startswith("|")


def cells_at(line: str, separator: str = "|", as_typed: bool = False) -> list[tuple[str, int]]:
    """The cells of a table line, each with the 1-based column where its text starts (an
    empty cell's: just after its separator). A pipe-table line's cells stand between its bars,
    a bar at either end of the line only closing them off; "\\|" is a literal bar, its "\\"
    dropped unless `as_typed` (for a reader that keeps the place of every character). With
    another separator (a tab: a table copied out of Word), every separator ends a cell and the
    line is taken whole."""
    if separator == "|":
        body = line.strip()
        offset = len(line) - len(line.lstrip())
        if body.startswith("|"):
            body, offset = body[1:], offset + 1
        if body.endswith("|") and not body.endswith("\\|"):
            body = body[:-1]
        pieces = BAR.split(body)
    else:
        offset, pieces = 0, line.split(separator)
    cells: list[tuple[str, int]] = []
    start = offset + 1  # the column its first cell starts at
    for piece in pieces:
        text = piece.strip()
        skipped = len(piece) - len(piece.lstrip()) if text else 0
        if separator == "|" and not as_typed and "\\" in text:
            text = text.replace("\\|", "|")
        cells.append((text, start + skipped))
        start += len(piece) + len(separator)
    return cells


def is_delimiter_row(cells: list[str]) -> bool:
    """Whether a table's cells are those of the "|---|:--:|" line under its header."""
    return all(DELIMITER.fullmatch(c.replace(" ", "")) for c in cells)


def is_number_row(cells: list[str]) -> bool:
    """Whether a row is a budget table's column-number row: "| A | B | (1)=(2)+(3) | (2) |"."""
    return all(NUMBER_CELL.fullmatch(c) for c in cells) and any(c.startswith("(") for c in cells)
