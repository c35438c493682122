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
END_TAG = re.compile(r"\s*\{#([^{}]*)\}\s*$")
# A cell of a budget table's column-number row: a letter for a text column, (n) or a formula.
NUMBER_CELL = re.compile(r"[A-ZĐ]|\(\d+\)(?:\s*=.*)?")
UNIT_LABEL = re.compile(r"^\s*(?:đơn vị tính|đơn vị|đvt)\s*:\s*", re.IGNORECASE)
DELIMITER = re.compile(r":?-+:?")  # a cell of the "|---|" line under a table's header


def is_declaration(text: str) -> bool:
    """Whether a paragraph opens with a table's declaration line: "Đơn vị: … {#id …}"."""
    first = text.strip().split("\n", 1)[0]
    return bool(UNIT_LABEL.match(first)) and bool(END_TAG.search(first))


def is_table_line(line: str) -> bool:
    """Whether a line is a pipe-table line: it starts with "|"."""
    return line.lstrip().startswith("|")


def split_cells(line: str) -> list[str]:
    """The cells of a pipe-table line; "\\|" is a literal bar."""
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def is_delimiter_row(cells: list[str]) -> bool:
    """Whether a table's cells are those of the "|---|:--:|" line under its header."""
    return all(DELIMITER.fullmatch(c.replace(" ", "")) for c in cells)


def is_number_row(cells: list[str]) -> bool:
    """Whether a row is a budget table's column-number row: "| A | B | (1)=(2)+(3) | (2) |"."""
    return all(NUMBER_CELL.fullmatch(c) for c in cells) and any(c.startswith("(") for c in cells)


def split_tag(text: str) -> tuple[str, str | None]:
    """ "Chuyển đổi số {#cds}" → ("Chuyển đổi số", "cds"); no tag → (text, None)."""
    match = END_TAG.search(text)
    if not match:
        return text.strip(), None
    return text[: match.start()].strip(), match.group(1).strip()


# An article's label opening a paragraph, "Điều 3." (or an inserted "Điều 3a."): its number and
# letter. Render prints the label bold; check counts the articles (PL I, II.6.đ).
ARTICLE = re.compile(r"Điều\s+(\d+)([a-zđ]?)\.(?=\s|$)")
