"""The styles part as the finishing pass reads it (baocao.docx.stylesheet): parsed once per
distinct part in a process, shared by its builds, never edited, written back as it was read."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from baocao.build import CACHE, resolve_folder
from baocao.docx.finish import finish_document
from baocao.docx.pandoc import Pandoc, to_docx
from baocao.docx.styles import style_doc
from baocao.docx.stylesheet import style_sheet
from baocao.ooxml.elements import parse_xml, serialize
from baocao.render.document import render_document
from conftest import CONTENT, SAMPLE

STYLES = "word/styles.xml"


def test_builds_share_the_styles_part_and_leave_it_as_read(pandoc: Pandoc, tmp_path: Path) -> None:
    document = resolve_folder(CONTENT / SAMPLE).document
    assert document is not None
    written = to_docx(
        render_document(document), style_doc(tmp_path / CACHE, pandoc), tmp_path / "p.docx", pandoc
    )
    with zipfile.ZipFile(written) as archive:
        blob = archive.read(STYLES)
    finished = []
    for name in ("a", "b"):
        copy = shutil.copy(written, tmp_path / f"{name}.docx")
        finish_document(Path(copy), 1700000000, title=document.front.subject)
        finished.append(Path(copy).read_bytes())
    assert finished[0] == finished[1]
    sheet = style_sheet(bytes(blob))  # equal bytes, another object: the same sheet
    assert sheet is style_sheet(blob)
    assert serialize(sheet.root) == serialize(parse_xml(blob))  # nothing edited it
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert archive.read(STYLES) == serialize(parse_xml(blob))
    assert sheet.style_id("Table Heading") == "TableHeading"
    assert sheet.table_style_name("Table") == "Table"
