"""The document the format tests read: the reference report with its appendix, built end to end.

A copy of content/'s report; while it has no appendix of its own, nd30/90-phu-luc.md is added:
"# Phụ lục", its title, and a budget table in the budget-table syntax (a shortened version of the
seed's appendix, its totals consistent). The build goes through every stage — parse, resolve (the
table drawn as a grid table, its unit stated), render, convert, finish — and the tests read what
they check about the appendix (its title, its numbers) from the document itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CONTENT, REFERENCE_DOCUMENT

from pipeline.build import build_document
from pipeline.parse.document import parse_document
from pipeline.render.appendix import split_appendices

APPENDIX = Path(__file__).resolve().parent / "nd30" / "90-phu-luc.md"


def document_with_appendix(root: Path, name: str = REFERENCE_DOCUMENT) -> Path:
    """A copy of the reference report under `root` with an appendix; its folder."""
    folder = root / "content" / name
    shutil.copytree(CONTENT / REFERENCE_DOCUMENT, folder)
    if not split_appendices(parse_document(folder).blocks)[1]:
        shutil.copy(APPENDIX, folder / APPENDIX.name)
    return folder


def build_with_appendix(output: Path, name: str = REFERENCE_DOCUMENT) -> Path:
    """Build the reference report with its appendix into `output/<name>.docx`."""
    return build_document(document_with_appendix(output, name), output).target
