"""Placeholders still to fill: a "…" or "..." standing where a word should be, as `baocao new` and
`baocao nhap` write them, found in the front matter, in the text and in table cells; and a new
document's words to the editor, in square brackets: "[Viết nội dung ở đây]", "[Cuộc họp/Hội
nghị]" (an instruction, or the alternatives to choose from), which no document prints.

Each line holding one is a `draft` problem at its first placeholder's column: check fails on it, a
build warns and builds. An ellipsis glued to a word ("máy scan...") or, in the text, closing an
enumeration ("máy in, máy quét, ...") means "and so on" and is not a placeholder. Parse finds
them, as it reads the text: whether a line holds one is decided on the block's words as typed
(Markdown marks left out), its column is the one parse keeps for that character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from baocao import codes
from baocao.parse.blocks import TextBlock, position_at
from baocao.parse.syntax import CITATION
from baocao.problems import Position, Problem

MESSAGE = "còn chỗ “…” chưa điền: thay bằng nội dung thật"
GUIDANCE_MESSAGE = "còn lời hướng dẫn “[…]” của văn bản mẫu: thay bằng nội dung thật (bỏ cả “[ ]”)"
# The editor's guidance in a new document: words in square brackets on one line, opening with a
# letter ("[1]" is no guidance), outside a citation's "{{ … }}".
GUIDANCE = re.compile(r"\[[^\W\d_][^\[\]\n]*\]")
# A table cell that is a placeholder: "…" or "..." alone.
CELL = re.compile(r"…|\.\.\.")
# "…" or "..." where a word should be: not glued to the word before it ("trí tuệ..." is "v.v.").
PLACEHOLDER = re.compile(r"(?<![\w.…])(?:…(?![\w…])|\.\.\.(?![\w.…]))")
# …unless it closes an enumeration: "máy in, máy quét, ..." (after "," or ";", at the end).
ENUMERATION_END = re.compile(r"[,;]\s*$")
CLOSING = re.compile(r"\s*(?:$|[.;:)\]”\"'])")


def placeholders(text: str, enumerations: bool = True) -> Iterator[int]:
    """Where `text` holds a placeholder: the offset of each "…" or "..." that stands for a word;
    with `enumerations`, one that closes an enumeration ("máy in, máy quét, ...") is "and so on"
    (in the front matter, "[Như trên, …]" is a list to fill)."""
    for match in PLACEHOLDER.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if enumerations and ENUMERATION_END.search(before) and CLOSING.match(after):
            continue
        yield match.start()


def is_placeholder_cell(text: str) -> bool:
    """Whether a table cell's text is a placeholder alone: "…" or "..."."""
    return CELL.fullmatch(text.strip()) is not None


def guidance(text: str) -> Iterator[int]:
    """Where `text` holds a new document's guidance: the offset of each "[" opening one."""
    citations = [m.span() for m in CITATION.finditer(text)]
    for match in GUIDANCE.finditer(text):
        if not any(start <= match.start() < end for start, end in citations):
            yield match.start()


def front_placeholders(path: Path, text: str, first_line: int) -> list[Problem]:
    """A placeholder in the front matter's text (its first line is `first_line`), outside YAML's
    comments, at its line and column."""
    problems = []
    for offset, line in enumerate(text.splitlines()):
        if line.strip() == "...":  # YAML's end of document
            continue
        at = next(placeholders(_without_comment(line), enumerations=False), None)
        if at is not None:
            position = Position(path, first_line + offset, at + 1)
            problems.append(Problem(codes.PLACEHOLDER, position, MESSAGE))
    return problems


def _without_comment(line: str) -> str:
    """A YAML line without its comment: from a "#" that starts the line or follows a space,
    outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t:-[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def body_placeholders(block: TextBlock, typed: str) -> list[Problem]:
    """A placeholder in a heading, paragraph or list item (`typed`, its text as typed), one for
    each line holding any, at the first on that line."""
    first: dict[int, tuple[int, str]] = {}  # each line → its first placeholder and message
    found = [(o, MESSAGE) for o in placeholders(typed)]
    found += [(o, GUIDANCE_MESSAGE) for o in guidance(typed)]
    for offset, message in sorted(found):
        first.setdefault(typed.count("\n", 0, offset), (offset, message))
    return [
        Problem(codes.PLACEHOLDER, position_at(block, offset), message)
        for offset, message in first.values()  # in line order
    ]


def cell_placeholders(text: str, at: Position) -> list[Problem]:
    """A placeholder or guidance in a table's text cell (`text` as typed, from `at`), at the
    first one."""
    found = sorted([*placeholders(text), *guidance(text)])
    if not found:
        return []
    offset = found[0]
    message = GUIDANCE_MESSAGE if text.startswith("[", offset) else MESSAGE
    return [Problem(codes.PLACEHOLDER, Position(at.path, at.line, at.column + offset), message)]
