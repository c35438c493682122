"""`baocao soat FILE…`: check documents baocao did not build, DOCX, Markdown or text.

Each file is read (baocao.received.read.files) and checked (baocao.received.soat.check);
each problem is one line: the file, the place as the file counts it ("12" for a text line,
"đoạn 12" or "bảng 2, dòng 5" in a DOCX), the first words found there, then what is wrong —

    bao-cao.docx:đoạn 57: “+ Kinh phí đề xuất: 300.000.000 đồng (Hai trăm…”: số tiền bằng chữ …

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
    """ "FILE:đoạn 12: “first words…”: message"."""
    anchor = problem.position.line
    words = received.first_words(anchor)
    quoted = f" “{words}”:" if words else ""
    label = "cảnh báo: " if problem.warning else ""
    return (
        f"{display_path(received.path)}:{received.place(anchor)}:{quoted} {label}{problem.message}"
    )


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
