"""A DOCX as plain text, one paragraph a line, so `git diff` shows what a DOCX says (textconv)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pypandoc

from pipeline.errors import UsageError


def docx_text(path: Path) -> str:
    """The text of a DOCX through pandoc's plain writer, unwrapped: one line per paragraph."""
    if not path.is_file():
        raise UsageError(f"không thấy tệp “{path}”")
    try:
        text = pypandoc.convert_file(str(path), "plain", format="docx", extra_args=["--wrap=none"])
        return cast(str, text)  # pypandoc is untyped; with no outputfile it returns the text
    except RuntimeError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else "không rõ lý do"
        raise UsageError(f"không đọc được “{path}” như một tệp Word (.docx): {reason}") from None
