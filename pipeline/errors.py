"""Errors and problems that carry a source position, so every message can say file:line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Position:
    """A place in a content file: the file and its 1-based line number."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


def display_path(path: Path) -> str:
    """The path as an editor types it: relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the content, in Vietnamese, at a position; a warning fails nothing.

    A `draft` problem is a placeholder still to fill (the "…" that `baocao new` writes): check
    counts it as an error, a build prints it as a warning and builds, so a new document builds as
    it is and check lists its placeholders until they are filled."""

    position: Position
    message: str
    warning: bool = False
    draft: bool = False

    def __str__(self) -> str:
        label = "cảnh báo: " if self.warning else ""
        return f"{self.position}: {label}{self.message}"


class BaocaoError(Exception):
    """Base of every error baocao reports to a person instead of a traceback."""

    exit_code = 1


class UsageError(BaocaoError):
    """The command asked for the impossible: unknown document, missing folder, bad option."""

    exit_code = 2


class ContentErrors(BaocaoError):
    """Every problem found in a document's content; raised once all of them have been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.position, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]
