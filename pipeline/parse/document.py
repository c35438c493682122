"""Parse stage: a document folder's numbered Markdown parts into front matter and blocks.

parse → resolve → render → docx. A document is a folder in `content/`; its parts are the files
named `00-….md`, `01-….md` …, joined in name order; the first opens with the front matter. Other
files in the folder are notes for readers and are not printed. Parsing never stops at the first
problem: the result carries every block it could read and every problem, each at file:line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Position, Problem, UsageError
from pipeline.parse.blocks import Block
from pipeline.parse.frontmatter import FrontMatter, FrontMatterReader
from pipeline.parse.markdown import parse_blocks

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
PART_NAME = "[0-9]*.md"  # document parts are numbered: 00-mo-dau.md, 01-danh-gia.md, …


@dataclass(frozen=True)
class FrontSource:
    """The front matter as typed: its file, its text between the "---" lines, and the line number
    of its first line, so that check can point at a key's line."""

    path: Path
    text: str
    first_line: int

    def lines(self) -> list[tuple[Position, str]]:
        """Each line of the front matter with its position."""
        return [
            (Position(self.path, self.first_line + offset), line)
            for offset, line in enumerate(self.text.splitlines())
        ]

    def position(self, key: str | None = None, containing: str | None = None) -> Position:
        """The line of `key` (the first line when there is none), or with `containing` the first
        line from there on that holds that text."""
        at = FrontMatterReader(self.path, self.text, self.first_line).position(key)
        if containing is not None:
            for position, line in self.lines():
                if position.line >= at.line and containing.lower() in line.lower():
                    return position
        return at


@dataclass(frozen=True)
class Document:
    """A document as its parts say it: its name (the folder's), front matter (None when it cannot
    be read), its blocks in order, every problem parsing found, and the front matter as typed."""

    name: str
    front: FrontMatter | None
    blocks: tuple[Block, ...]
    problems: tuple[Problem, ...]
    front_source: FrontSource | None = None


def find_documents(content: Path, names: list[str] | None = None) -> list[Path]:
    """The document folders in `content/` (those holding Markdown), or the ones named, in order."""
    if not content.is_dir():
        raise UsageError(f"không thấy thư mục nội dung “{content}”")
    folders = sorted(p for p in content.iterdir() if p.is_dir() and document_parts(p))
    if not names:
        if not folders:
            raise UsageError(
                f"thư mục “{content}” chưa có văn bản nào (mỗi văn bản là một thư mục chứa 00-….md)"
            )
        return folders
    known = {p.name: p for p in folders}
    chosen = []
    for name in names:
        name = Path(name).name  # "content/x", "content/x/" and "x" all name the document x
        if name not in known:
            listing = ", ".join(known) or "(chưa có)"
            raise UsageError(f"không có văn bản “{name}” trong {content} (có: {listing})")
        chosen.append(known[name])
    return chosen


def document_parts(folder: Path) -> list[Path]:
    """A document's numbered Markdown files in name order; other files there are notes."""
    return sorted(p for p in folder.glob(PART_NAME) if p.is_file())


def read_text(path: Path) -> str | Problem:
    """A content file as NFC text (Vietnamese typed on some systems arrives decomposed), or the
    problem that keeps it from being read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(Position(path, 1), f"không đọc được tệp: {exc.strerror}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(Position(path, line), "tệp không phải UTF-8: hãy lưu lại với bảng mã UTF-8")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_document(folder: Path) -> Document:
    """Read a document's numbered parts in name order; the first opens with front matter."""
    files = document_parts(folder)
    problems: list[Problem] = []
    front: FrontMatter | None = None
    source: FrontSource | None = None
    blocks: list[Block] = []
    for index, path in enumerate(files):
        text = read_text(path)
        if isinstance(text, Problem):
            problems.append(text)
            continue
        match = FRONT_MATTER.match(text)
        if index == 0:
            if not match:
                problems.append(
                    Problem(
                        Position(path, 1),
                        "tệp đầu tiên phải mở đầu bằng phần đầu YAML giữa hai dòng “---”",
                    )
                )
            else:
                source = FrontSource(path, match.group(1) or "", first_line=2)
                reader = FrontMatterReader(path, source.text, source.first_line)
                front = reader.read()
                problems.extend(reader.problems)
        elif match:
            problems.append(
                Problem(Position(path, 1), "chỉ tệp đầu tiên của văn bản có phần đầu YAML")
            )
        if match:  # keep line numbers: the front matter becomes blank lines
            text = "\n" * match.group(0).count("\n") + text[match.end() :]
        file_blocks, file_problems = parse_blocks(path, text)
        blocks.extend(file_blocks)
        problems.extend(file_problems)
    return Document(folder.name, front, tuple(blocks), tuple(problems), source)
