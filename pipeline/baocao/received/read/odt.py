"""A received OpenDocument text (.odt), read through LibreOffice's conversion to DOCX.

Offices using LibreOffice send .odt. LibreOffice, where it is installed, converts it to the DOCX
it would save (lists numbered, tables with their merged cells, as LibreOffice shows them); that
DOCX is then read as any other (baocao.received.read.docx, within the bounds of
baocao.ooxml.limits), and its places are those of the .odt as LibreOffice shows it ("đoạn 12",
"bảng 2, dòng 5"). The conversion runs in a folder of its own, with a LibreOffice profile of its
own (so that a LibreOffice the user has open is not disturbed), bounded in time; the folder is
removed after. Without LibreOffice, the file is refused with what to do.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from baocao.libreoffice import convert, installed_soffice
from baocao.problems import BaocaoError
from baocao.received.read.blocks import Received
from baocao.received.read.docx import read_docx

SECONDS = 120  # a conversion of a document of a few MB takes a few seconds


class OdtError(ValueError):
    """The .odt cannot be read; the message says why, in Vietnamese."""


def read_odt(path: Path, data: bytes) -> Received:
    """The paragraphs and tables of an .odt, as LibreOffice converts it to DOCX."""
    soffice = installed_soffice()
    if soffice is None:
        raise OdtError(
            "cần LibreOffice để đọc tệp .odt, mà máy này chưa cài: mở tệp bằng LibreOffice hoặc "
            "Word, lưu thành .docx rồi chạy lại với tệp .docx"
        )
    with tempfile.TemporaryDirectory(prefix="baocao-odt-") as folder:
        work = Path(folder)
        source = work / "van-ban.odt"
        source.write_bytes(data)
        try:
            converted = convert(source, work, "docx:MS Word 2007 XML", soffice, SECONDS)
        except BaocaoError:
            raise OdtError("tệp .odt hỏng, hoặc LibreOffice không chuyển được nó") from None
        received = read_docx(path, converted.read_bytes())
    return replace(received, kind="odt")
