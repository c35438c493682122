"""Runs the stages for each document (parse → resolve → render → convert → finish), and check."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.docx.finish import finish_document, source_date_epoch
from pipeline.docx.pandoc import to_docx
from pipeline.docx.styles import reference_doc
from pipeline.errors import BaocaoError, ContentErrors, Problem, UsageError
from pipeline.parse.document import parse_document
from pipeline.render.document import render_document
from pipeline.resolve.document import resolve_blocks, resolve_document


@dataclass(frozen=True)
class Built:
    """One document written: where, how long it took, and the warnings its content raised."""

    name: str
    target: Path
    seconds: float
    warnings: list[Problem]


def check_document(folder: Path) -> list[Problem]:
    """Every problem in a document's content, errors and warnings, without building anything."""
    try:
        problems = resolve_document(parse_document(folder), draw=False)[1]
    except ContentErrors as exc:  # the blocks that could be read still have their problems
        problems = exc.problems + resolve_blocks(getattr(exc, "blocks", []), draw=False)[1]
    return sorted(problems, key=lambda p: (p.position, p.message))


def prepare_output(directory: Path) -> Path:
    """The output directory, created if needed; an unusable one is a usage error."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"không tạo được thư mục kết quả “{directory}”: {exc.strerror}") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(f"không ghi được vào thư mục kết quả “{directory}”")
    return directory


def build_document(folder: Path, output: Path) -> Built:
    """Build one document into `output/<name>.docx`.

    Content with errors raises ContentErrors before anything is written; the DOCX is assembled
    in a temporary file and moved into place only when complete, so a failed build leaves the
    previous output untouched.
    """
    started = time.perf_counter()
    document, problems = resolve_document(parse_document(folder))
    if any(not p.warning for p in problems):
        raise ContentErrors(problems)
    markdown = render_document(document)
    target = output / f"{document.name}.docx"
    partial = output / f".{document.name}.{os.getpid()}.partial.docx"
    try:
        with ThreadPoolExecutor(max_workers=1) as aside:  # the source date, found while pandoc runs
            epoch = aside.submit(source_date_epoch, folder)
            to_docx(markdown, reference_doc(output / ".cache"), partial)
            finish_document(partial, epoch.result())
        partial.replace(target)
    except OSError as exc:
        raise BaocaoError(f"không ghi được “{target}”: {exc.strerror}") from None
    finally:
        partial.unlink(missing_ok=True)
    warnings = sorted(problems, key=lambda p: (p.position, p.message))
    return Built(document.name, target, time.perf_counter() - started, warnings)
