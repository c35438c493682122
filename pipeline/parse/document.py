"""Parse stage: a document folder's Markdown into front matter and positioned blocks (mistune 3)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins import import_plugin

from pipeline.errors import ContentErrors, Position, Problem, UsageError
from pipeline.parse.frontmatter import FrontMatter, FrontMatterReader

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
PART_NAME = "[0-9]*.md"  # document parts are numbered: 00-mo-dau.md, 01-danh-gia.md, …
ITEM_MARKER = re.compile(r"^[ \t]{0,3}([-+*]|\d+[.)])[ \t]")


@dataclass
class Block:
    """One block of content: a heading, a paragraph, a list item, or a table, with where it starts.

    `inlines` are mistune's inline tokens (text, strong, emphasis, …); `marker` is an item's
    "-", "+" or "3."; `token` keeps mistune's token for tables (cells unparsed); `source` is the
    raw text.
    """

    kind: str
    position: Position
    inlines: list[dict[str, Any]] = field(default_factory=list)
    level: int = 0
    marker: str = ""
    token: dict[str, Any] | None = None
    source: str = ""


@dataclass
class Document:
    """A report: its name (the folder's), its files, the front matter and every block in order."""

    name: str
    folder: Path
    files: list[Path]
    front: FrontMatter
    blocks: list[Block]


class _PositionedState(BlockState):
    """mistune's block state, remembering the source offset where each token begins."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.starts: dict[int, int] = {}
        self.block_start: int | None = None

    def append_token(self, token: dict[str, Any]) -> None:
        super().append_token(token)
        start = self.cursor if self.block_start is None else self.block_start
        self.starts.setdefault(id(token), start)

    def add_paragraph(self, text: str) -> None:
        super().add_paragraph(text)
        self.starts.setdefault(id(self.tokens[-1]), self.cursor)


class _PositionedParser(BlockParser):
    """mistune's block parser; a token starts where its rule matched (lists move the cursor)."""

    state_cls = _PositionedState

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        start, before = state.cursor, len(state.tokens)
        state.block_start = start
        try:
            return super().parse_method(m, state)
        finally:
            state.block_start = None
            for token in state.tokens[before:]:  # lists may insert their token directly
                state.starts.setdefault(id(token), start)


class _Markdown(mistune.Markdown):
    """mistune's Markdown to tokens; table cells stay raw, as budget tables are read from source."""

    def _iter_render(
        self, tokens: Iterable[dict[str, Any]], state: BlockState
    ) -> Iterator[dict[str, Any]]:
        for token in tokens:
            if token["type"] == "table":
                yield token
            else:
                yield from super()._iter_render([token], state)


@functools.cache
def _markdown() -> mistune.Markdown:
    return _Markdown(renderer=None, block=_PositionedParser(), plugins=[import_plugin("table")])


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


def read_text(path: Path) -> str:
    """A content file as NFC text (Vietnamese typed on some systems arrives decomposed)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"không đọc được “{path}”: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentErrors(
            [Problem(Position(path, line), "tệp không phải UTF-8: hãy lưu lại với bảng mã UTF-8")]
        ) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_document(folder: Path) -> Document:
    """Read a document's numbered parts in name order; the first opens with front matter."""
    files = document_parts(folder)
    problems: list[Problem] = []
    front: FrontMatter | None = None
    blocks: list[Block] = []
    for index, path in enumerate(files):
        text = read_text(path)
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
                reader = FrontMatterReader(path, match.group(1) or "", first_line=2)
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
    if problems or front is None:
        error = ContentErrors(problems)
        error.blocks = blocks  # type: ignore[attr-defined]  # so check can report the rest too
        raise error
    return Document(folder.name, folder, files, front, blocks)


def parse_blocks(path: Path, text: str) -> tuple[list[Block], list[Problem]]:
    """Markdown into blocks, each with the line it starts on; unsupported blocks are problems."""
    _, state = _markdown().parse(text)
    blocks: list[Block] = []
    problems: list[Problem] = []
    top = [t for t in state.tokens if t["type"] != "blank_line"]
    for i, token in enumerate(top):
        start = state.starts[id(token)]
        end = state.starts[id(top[i + 1])] if i + 1 < len(top) else len(text)
        position = Position(path, text.count("\n", 0, start) + 1)
        source = text[start:end].rstrip("\n")
        kind = token["type"]
        if kind == "heading":
            blocks.append(
                Block(
                    "heading", position, token["children"], token["attrs"]["level"], source=source
                )
            )
        elif kind == "paragraph":
            blocks.append(Block("paragraph", position, token["children"], source=source))
        elif kind == "list":
            blocks.extend(_items(token, position, source))
        elif kind == "table":
            blocks.append(Block("table", position, token=token, source=source))
        else:
            what = {
                "block_code": "khối mã (dòng thụt vào 4 dấu cách?)",
                "block_quote": "trích dẫn “>”",
                "block_html": "mã HTML",
                "thematic_break": "đường kẻ ngang",
            }.get(kind, kind)
            problems.append(Problem(position, f"không dùng được {what} trong nội dung báo cáo"))
    return blocks, problems


def _items(token: dict[str, Any], position: Position, source: str) -> list[Block]:
    """A list's items as item blocks, each at its own line; nested items follow their parent."""
    lines = [n for n, line in enumerate(source.split("\n")) if ITEM_MARKER.match(line)]
    blocks: list[Block] = []
    ordered = token["attrs"].get("ordered", False)
    number = token["attrs"].get("start", 1)
    for k, item in enumerate(token["children"]):
        line = position.line + (lines[k] if k < len(lines) else 0)
        marker = f"{number + k}{token['bullet']}" if ordered else token["bullet"]
        inlines: list[dict[str, Any]] = []
        nested: list[Block] = []
        for child in item["children"]:
            if child["type"] == "list":
                nested.extend(_items(child, Position(position.path, line + 1), ""))
            else:
                if inlines:
                    inlines.append({"type": "softbreak"})
                inlines.extend(child.get("children", []))
        blocks.append(Block("item", Position(position.path, line), inlines, marker=marker))
        blocks.extend(nested)
    return blocks
