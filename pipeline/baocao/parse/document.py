"""Parse stage: a document folder's numbered Markdown parts into front matter and blocks.

parse → resolve → render → docx. A document is a folder in `content/`; its parts are the files
named `00-….md`, `01-….md` …, joined in name order; the first opens with the front matter. Other
files in the folder are notes for readers and are not printed. Parsing never stops at the first
problem: the result carries every block it could read, each at its line and column with its
outline read (baocao.parse.outline), and every problem, each at file:line:column with its code.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from baocao import codes
from baocao.money.amount import round_half_up
from baocao.money.figures import number
from baocao.parse.blocks import Block, Heading, Item, Paragraph, typed_text
from baocao.parse.frontmatter import FrontMatter, FrontMatterReader
from baocao.parse.markdown import parse_blocks
from baocao.parse.outline import outline
from baocao.parse.placeholders import body_placeholders, front_placeholders
from baocao.problems import Position, Problem, UsageError, os_reason

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
PART_NAME = "[0-9]*.md"  # document parts are numbered: 00-mo-dau.md, 01-danh-gia.md, …


@dataclass(frozen=True)
class FrontSource:
    """The front matter as typed: its file, its text between the "---" lines, and the line number
    of its first line, so that check can point at a key, or its value."""

    path: Path
    text: str
    first_line: int

    def position(
        self, key: str | None = None, containing: str | None = None, value: bool = False
    ) -> Position:
        """Where `key` is (at its value with `value`), or with `containing` the first text from
        there on that holds that text; the first line when there is no key
        (FrontMatterReader.position)."""
        reader = FrontMatterReader(self.path, self.text, self.first_line)
        return reader.position(key, containing, value)


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
    folders = document_folders(content)
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


def document_folders(content: Path) -> list[Path]:
    """The documents of a content folder, in name order: its folders holding numbered parts, and
    its symbolic links to anything but a file, which are never followed: parse refuses them (a
    document is read only from a real folder of `content/`). Hidden folders are not documents.
    None when it does not exist."""
    try:
        entries = sorted(content.iterdir())
    except OSError:
        return []
    return [
        p
        for p in entries
        if not p.name.startswith(".") and (linked_folder(p) or (p.is_dir() and document_parts(p)))
    ]


def linked_folder(folder: Path) -> bool:
    """Whether an entry of a content folder is a symbolic link that could stand for a document
    (to a folder, to nothing, to itself): refused, never followed. A link to a file is no
    document, and is ignored like any other file there."""
    return folder.is_symlink() and not folder.is_file()


def document_parts(folder: Path) -> list[Path]:
    """A document's numbered Markdown files in name order; other files there are notes.

    Every entry with a part's name is listed, whatever it is: `read_part` refuses those that are
    not regular files. A folder that is a link is never listed (parse refuses it whole)."""
    if linked_folder(folder):
        return []
    try:
        return sorted(folder.glob(PART_NAME))
    except OSError:
        return []


NOT_REGULAR = {
    stat.S_IFDIR: "một thư mục",
    stat.S_IFIFO: "một ống dẫn (FIFO)",
    stat.S_IFCHR: "một thiết bị",
    stat.S_IFBLK: "một thiết bị",
    stat.S_IFSOCK: "một socket",
}
ONLY_HERE = "văn bản chỉ đọc các tệp thường nằm ngay trong thư mục của nó"
# Opening a part: never through a link, never waiting on a FIFO, never taking a terminal.
READ_FLAGS = os.O_RDONLY | sum(getattr(os, f, 0) for f in ("O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY"))


def refused_entry(path: Path, mode: int) -> Problem | None:
    """Why a part is not read, if it is not: a symbolic link, which may lead anywhere
    (/etc/passwd, .git/config), or anything but a regular file."""
    if stat.S_ISLNK(mode):
        return linked_part(path)
    if not stat.S_ISREG(mode):
        what = NOT_REGULAR.get(stat.S_IFMT(mode), "không phải tệp thường")
        return Problem(
            codes.PART_NOT_A_FILE,
            Position(path, 1),
            f"đây là {what}, không phải tệp văn bản: {ONLY_HERE}",
        )
    return None


def linked_part(path: Path) -> Problem:
    """The refusal of a part that is a symbolic link, at the link."""
    return Problem(
        codes.LINKED_PART,
        Position(path, 1),
        "đây là một liên kết (symlink) tới chỗ khác, không được đọc: "
        f"{ONLY_HERE}; hãy chép nội dung vào đây thay cho liên kết",
    )


def unreadable(path: Path, exc: OSError) -> Problem:
    """A part the system will not let us read, and why, in Vietnamese."""
    return Problem(
        codes.UNREADABLE_PART, Position(path, 1), f"không đọc được tệp: {os_reason(exc)}"
    )


def linked_document(folder: Path) -> Problem:
    """The refusal of a document folder that is a symbolic link, at the link."""
    return Problem(
        codes.LINKED_DOCUMENT,
        Position(folder, 1),
        "thư mục văn bản này là một liên kết (symlink) tới chỗ khác, không được đọc: văn bản "
        "chỉ đọc từ một thư mục thật trong thư mục nội dung; hãy chép thư mục vào đây thay cho "
        "liên kết",
    )


# A part larger than this, or longer, is refused: the longest real part is about 0,1 MB and a few
# hundred lines (a 2.000-row table is 2.000 lines), and a file of megabytes or of a hundred thousand
# lines is a mistake (a data file saved as .md) that would take minutes to read.
MAX_PART_BYTES = 2_000_000
MAX_PART_LINES = 20_000


def read_part(path: Path) -> bytes | Problem:
    """A part's bytes, read only when it is a regular file of its folder: a symbolic link is
    never followed, and a FIFO or a device never opened (nothing hangs), each refused at its name.
    The checks hold on the opened file too, so a file swapped meanwhile is refused as well. At
    most one byte more than MAX_PART_BYTES is read: a huge file is never loaded whole."""
    try:
        refused = refused_entry(path, path.lstat().st_mode)
        if refused is not None:
            return refused
        handle = os.open(path, READ_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # made a link since: O_NOFOLLOW refused it
            return linked_part(path)
        return unreadable(path, exc)
    with open(handle, "rb") as file:
        refused = refused_entry(path, os.fstat(file.fileno()).st_mode)
        if refused is not None:
            return refused
        try:
            return file.read(MAX_PART_BYTES + 1)
        except OSError as exc:
            return unreadable(path, exc)


def read_text(path: Path) -> str | Problem:
    """A content file as NFC text (Vietnamese typed on some systems arrives decomposed), or the
    problem that keeps it from being read."""
    raw = read_part(path)
    if isinstance(raw, Problem):
        return raw
    if len(raw) > MAX_PART_BYTES:
        try:
            whole = path.lstat().st_size
        except OSError:
            whole = len(raw)
        size = number(round_half_up(Decimal(max(whole, len(raw))) / 1_000_000, 1), 1)
        return Problem(
            codes.PART_TOO_BIG,
            Position(path, 1),
            f"tệp quá lớn ({size} MB, giới hạn 2 MB; một phần văn bản thường dưới 0,1 MB): "
            "kiểm tra đây đúng là tệp văn bản, hoặc chia thành nhiều tệp",
        )
    lines = raw.count(b"\n")
    if lines > MAX_PART_LINES:
        count = number(lines)
        return Problem(
            codes.PART_TOO_BIG,
            Position(path, MAX_PART_LINES + 1),
            f"tệp quá dài ({count} dòng, giới hạn 20.000): kiểm tra đây đúng là tệp văn bản, "
            "hoặc chia thành nhiều tệp",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[:line_start].count(b"\n") + 1
        column = len(raw[line_start : exc.start].decode("utf-8-sig", errors="replace")) + 1
        return Problem(
            codes.NOT_UTF8,
            Position(path, line, column),
            "tệp không phải UTF-8: hãy lưu lại với bảng mã UTF-8",
        )
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_document(folder: Path) -> Document:
    """Read a document's numbered parts in name order; the first opens with front matter.

    A document folder that is a symbolic link is refused, never followed."""
    if linked_folder(folder):
        return Document(folder.name, None, (), (linked_document(folder),))
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
                        codes.NO_FRONT_MATTER,
                        Position(path, 1),
                        "tệp đầu tiên phải mở đầu bằng phần đầu YAML giữa hai dòng “---”",
                    )
                )
            else:
                source = FrontSource(path, match.group(1) or "", first_line=2)
                reader = FrontMatterReader(path, source.text, source.first_line)
                front = reader.read()
                problems.extend(reader.problems)
                problems.extend(front_placeholders(path, source.text, source.first_line))
        elif match:
            problems.append(
                Problem(
                    codes.LATER_FRONT_MATTER,
                    Position(path, 1),
                    "chỉ tệp đầu tiên của văn bản có phần đầu YAML",
                )
            )
        if match:  # keep line numbers: the front matter becomes blank lines
            text = "\n" * match.group(0).count("\n") + text[match.end() :]
        file_blocks, file_problems = parse_blocks(path, text)
        problems.extend(file_problems)
        for block in file_blocks:
            if isinstance(block, Heading | Paragraph | Item):  # its outline, its placeholders
                typed = typed_text(block.inlines)
                problems.extend(body_placeholders(block, typed))
                block = outline(block, typed)
            blocks.append(block)
    return Document(folder.name, front, tuple(blocks), tuple(problems), source)
