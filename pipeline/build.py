"""Builds and checks documents: parse → resolve → render → docx, and check (the first two only)."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.docx.finish import finish_document, source_date_epoch
from pipeline.docx.pandoc import find_pandoc, to_docx
from pipeline.docx.styles import style_doc
from pipeline.errors import BaocaoError, ContentErrors, Problem, UsageError
from pipeline.parse.document import parse_document
from pipeline.render.document import render_document
from pipeline.resolve.document import Resolution, ResolvedDocument, resolve_document

CACHE = ".cache"  # in the output folder: the style doc and what pandoc said of itself


@dataclass(frozen=True)
class Built:
    """One document written: where, how long it took, and the warnings its content raised."""

    name: str
    target: Path
    seconds: float
    warnings: list[Problem]


def resolve_folder(folder: Path) -> Resolution:
    """A document folder parsed and resolved: its model, and every problem of its content."""
    return resolve_document(parse_document(folder))


def check_document(folder: Path) -> list[Problem]:
    """Every problem in a document's content, errors and warnings, without building anything."""
    return list(resolve_folder(folder).problems)


def ready_document(folder: Path) -> tuple[ResolvedDocument, list[Problem]]:
    """The document ready to render, and its warnings; ContentErrors when it has errors."""
    resolution = resolve_folder(folder)
    if resolution.document is None or resolution.errors:
        raise ContentErrors(list(resolution.problems))
    return resolution.document, list(resolution.problems)


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
    document, warnings = ready_document(folder)
    page = render_document(document)
    target = output / f"{document.name}.docx"
    partial = output / f".{document.name}.{os.getpid()}.partial.docx"
    cache = output / CACHE
    try:
        with ThreadPoolExecutor(max_workers=1) as aside:  # the source date, found while pandoc runs
            epoch = aside.submit(source_date_epoch, folder)
            pandoc = find_pandoc(cache)
            to_docx(page, style_doc(cache, pandoc), partial, pandoc)
            finish_document(partial, epoch.result())
        partial.replace(target)
    except OSError as exc:
        raise BaocaoError(f"không ghi được “{target}”: {exc.strerror}") from None
    finally:
        partial.unlink(missing_ok=True)
    return Built(document.name, target, time.perf_counter() - started, warnings)
