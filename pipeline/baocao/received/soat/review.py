"""`baocao soat FILE…`: check documents baocao did not build, DOCX, Markdown or text.

Each file is read (baocao.received.read.files) and checked (baocao.received.soat.check);
each problem is one line, as check's are (`file:line:column: CODE message`): the file, the place
as the file counts it ("12:27", line and column, in a text or Markdown file; "đoạn 12" or "bảng
2, dòng 5" in a DOCX), the problem's code (docs/ma-loi.md) with "cảnh báo:" after it for a
warning, the first words found at the place, then what is wrong —

    bao-cao.txt:8:22: BC701 “Kinh phí hạ tầng số: 600.000.000 đồng, gồm:”: “600.000.000 đồng” …
    bao-cao.docx:đoạn 88: BC703 cảnh báo: “Năm 2027, Ủy ban nhân dân xã…”: “tổng kinh phí” ghi …

The files are only read, never changed. A file that cannot be read is refused in one line and
the others are checked all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.problems import Problem, UsageError, display_path
from baocao.received.read.blocks import Received
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received


@dataclass
class Review:
    """What `soat` found in its files: one line per problem, and the files it could not read."""

    lines: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    refused: list[str] = field(default_factory=list)


def problem_line(received: Received, problem: Problem) -> str:
    """ "FILE:12:27: CODE “first words…”: message", "FILE:đoạn 12: CODE cảnh báo: “…”: …"."""
    position = problem.position
    if received.kind in ("docx", "xlsx", "odt", "pdf"):  # a paragraph, a table's row, a page's line
        place = received.place(position.line)
    else:
        place = f"{position.line}:{position.column}"
    words = received.first_words(position.line)
    quoted = f"“{words}”: " if words else ""
    label = "cảnh báo: " if problem.warning else ""
    return f"{display_path(received.path)}:{place}: {problem.code} {label}{quoted}{problem.message}"


def review_files(paths: list[Path]) -> Review:
    """Every problem of every file, in each file's order; unreadable files named with why."""
    review = Review()
    for path in paths:
        try:
            received = read_received(path)
        except UsageError as exc:
            review.refused.append(str(exc))
            continue
        for problem in check_received(received).problems:
            review.lines.append(problem_line(received, problem))
            review.warnings += problem.warning
            review.errors += not problem.warning
    return review
