"""Problems found in a document, each with its code and its place, and the errors baocao reports.

A problem prints as a linter's finding, `file:line:column: CODE message`, or for a warning
`file:line:column: CODE cảnh báo: message`. Its code (`BC301`) is stable: docs/ma-loi.md lists
each one with an example and its fix, `baocao check --bo-qua BC301` silences it, and the tests
assert codes and places, never the wording. The codes themselves are in baocao.codes.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib is imported where a path is shown: `baocao words` never does
    from pathlib import Path


@dataclass(frozen=True, order=True)
class Position:
    """A place in a file: the file, its 1-based line and its 1-based column (1 when the problem is
    the whole line, or the whole file)."""

    path: Path
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}"


def display_path(path: Path) -> str:
    """The path as an editor types it: relative to the working directory when it lies below it.
    A symbolic link is shown where it is, never where it leads."""
    from pathlib import Path

    path = Path(path)
    where = path.parent.resolve() / path.name if path.name not in ("", "..") else path.resolve()
    try:
        return str(where.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Code:
    """One kind of problem: its stable code, and whether it is a warning (it fails nothing) or a
    placeholder still to fill (`draft`: the "…" that `baocao new` writes; check counts it as an
    error, a build as a warning, so a new document builds as it is and check lists its
    placeholders until they are filled)."""

    code: str
    warning: bool = False
    draft: bool = False

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the content: its code, its place, and what is wrong, in Vietnamese.

    `as_warning` shows a draft placeholder as a warning: a build does so, and builds."""

    code: Code
    position: Position
    message: str
    as_warning: bool = False

    @property
    def warning(self) -> bool:
        return self.code.warning or self.as_warning

    @property
    def draft(self) -> bool:
        return self.code.draft

    def sort_key(self) -> tuple[Position, bool, str, str]:
        """Where the problem comes in a list of them: by file, line and column; at one place the
        errors before the warnings, then by code and message."""
        return (self.position, self.warning, self.code.code, self.message)

    def __str__(self) -> str:
        label = "cảnh báo: " if self.warning else ""
        return f"{self.position}: {self.code} {label}{self.message}"


class BaocaoError(Exception):
    """Base of every error baocao reports to a person instead of a traceback."""

    exit_code = 1


class UsageError(BaocaoError):
    """The command asked for the impossible: unknown document, missing folder, bad option."""

    exit_code = 2


class ContentErrors(BaocaoError):
    """Every problem found in a document's content; raised once all of them have been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


# What an OSError means, in Vietnamese: its strerror is the C library's English.
OS_REASONS = {
    "ENOENT": "không có tệp hay thư mục này",
    "EISDIR": "đây là thư mục, không phải tệp",
    "ENOTDIR": "một phần của đường dẫn không phải là thư mục",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không có quyền truy cập",
    "ENOSPC": "đĩa đầy",
    "EDQUOT": "đã dùng hết dung lượng được cấp trên đĩa",
    "EROFS": "ổ đĩa chỉ cho đọc",
    "EEXIST": "đã có tệp hay thư mục trùng tên",
    "ENOTEMPTY": "thư mục không trống",
    "ELOOP": "liên kết tượng trưng vòng quanh",
    "ENAMETOOLONG": "tên tệp quá dài",
    "EMFILE": "mở quá nhiều tệp cùng lúc",
    "ENFILE": "mở quá nhiều tệp cùng lúc",
    "EIO": "lỗi đọc, ghi đĩa",
    "EBUSY": "tệp đang được chương trình khác dùng",
    "ETXTBSY": "tệp đang được chương trình khác dùng",
    "ENOEXEC": "không phải chương trình chạy được",
    "ENOMEM": "không đủ bộ nhớ",
    "EINVAL": "tên hoặc thao tác không hợp lệ",
    "EXDEV": "không chuyển được sang ổ đĩa khác",
    "EFBIG": "tệp quá lớn",
    "ENXIO": "thiết bị không có",
    "ENODEV": "thiết bị không có",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese ("đĩa đầy", "không có quyền truy
    cập", …), never the C library's English."""
    name = errno.errorcode.get(exc.errno or 0, "")
    return OS_REASONS.get(name, f"lỗi hệ thống {name or exc.errno or type(exc).__name__}")
