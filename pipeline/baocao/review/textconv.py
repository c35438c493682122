"""A DOCX as plain text, one paragraph a line, so `git diff` shows what a DOCX says (textconv).

pandoc reads the DOCX; the file is first read through baocao.ooxml.archive, every part inflated
within its limits and its CRC checked, and its Word XML measured against the bounds every reader
of a received DOCX shares (baocao.ooxml.limits), so that a zip bomb, an encrypted or broken part,
a bomb of empty paragraphs or a list starting at a billion is refused in one Vietnamese line
before pandoc sees it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

import pypandoc

from baocao.ooxml.archive import Archive, ArchiveError
from baocao.ooxml.limits import read_within_limits
from baocao.problems import UsageError, os_reason


def docx_text(path: Path) -> str:
    """The text of a DOCX through pandoc's plain writer, unwrapped: one line per paragraph."""
    if path.is_dir():
        raise UsageError(f"“{path}” là thư mục, không phải tệp Word (.docx)")
    if not path.is_file():
        raise UsageError(f"không có tệp “{path}”")
    if not os.access(path, os.R_OK):
        raise UsageError(f"không có quyền đọc tệp “{path}”")
    check_package(path)
    try:
        text = pypandoc.convert_file(str(path), "plain", format="docx", extra_args=["--wrap=none"])
        return cast(str, text)  # pypandoc is untyped; with no outputfile it returns the text
    except RuntimeError:  # pandoc's words are English: what they mean here is one thing
        raise UsageError(
            f"không đọc được “{path}” như một tệp Word (.docx): tệp hỏng hoặc không phải DOCX"
        ) from None


def check_package(path: Path) -> None:
    """Refuse, in one line, a file whose zip cannot be read safely: every part is inflated
    within the limits and its CRC checked, nothing kept."""
    try:
        with Archive(path) as archive:
            archive.verify()
            read_within_limits(archive)
    except ArchiveError as exc:
        raise UsageError(f"không đọc được “{path}” như một tệp Word (.docx): {exc}") from None
    except OSError as exc:
        raise UsageError(f"không đọc được “{path}”: {os_reason(exc)}") from None
