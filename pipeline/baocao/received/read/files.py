"""A received file opened for `baocao soat` and `baocao nhap`: what it is, or why it is refused.

A file is read whole (within a limit), never changed. A DOCX is known by its content (a ZIP
package holding word/document.xml) as much as by its name, an Excel workbook likewise (a package
holding xl/workbook.xml, or .xlsx: baocao.received.read.xlsx); a PDF by its content ("%PDF-", its
text layer read by baocao.received.read.pdf); an OpenDocument text by its name (.odt, read
through LibreOffice: baocao.received.read.odt); Markdown by its name (.md); anything else is text,
in UTF-8 (with or without its byte-order mark) or UTF-16 with one. What cannot be read is
refused in one Vietnamese line (UsageError, exit 2): a missing file, a folder, a device, a Word
97-2003 .doc, a DOCX with a password, a broken DOCX or PDF, a scanned PDF, a binary file, too
large a file.
"""

from __future__ import annotations

import stat
from pathlib import Path

from baocao.ooxml.archive import MB
from baocao.problems import UsageError, display_path, os_reason
from baocao.received.read.blocks import Received
from baocao.received.read.docx import DocxError, read_docx
from baocao.received.read.odt import OdtError, read_odt
from baocao.received.read.pdf import PdfError, read_pdf
from baocao.received.read.text import read_text
from baocao.received.read.xlsx import XlsxError, is_workbook, read_xlsx

TEXT_LIMIT = 8 * MB  # bytes: a report as text is far smaller
DOCX_LIMIT = 100 * MB  # bytes: a DOCX with its pictures
ZIP = b"PK\x03\x04"
PDF = b"%PDF-"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc), and other Office 97 files
MARKDOWN = (".md", ".markdown")
WORKBOOKS = (".xlsx", ".xlsm")
# A DOCX with a password is an Office 97 file holding the encrypted package (MS-OFFCRYPTO 2.3.4):
# its stream's name, as the compound file's directory writes it.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def refuse(path: Path, reason: str) -> UsageError:
    return UsageError(f"không đọc được “{display_path(path)}”: {reason}")


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, up to its kind's limit; anything else refused."""
    try:
        status = path.stat()
    except OSError as exc:
        raise refuse(path, os_reason(exc)) from None
    if stat.S_ISDIR(status.st_mode):
        raise refuse(path, "đây là thư mục, không phải tệp")
    if not stat.S_ISREG(status.st_mode):
        raise refuse(path, "không phải tệp thường (thiết bị, ống dẫn…)")
    packed = (".docx", ".pdf", ".odt", *WORKBOOKS)
    limit = DOCX_LIMIT if path.suffix.lower() in packed else max(TEXT_LIMIT, DOCX_LIMIT)
    try:
        with path.open("rb") as handle:
            # as much as the file holds, and a byte to see it grew: not a buffer of the limit
            data = handle.read(min(status.st_size, limit) + 1)
            if len(data) > status.st_size:  # it grew since: read on, within the limit
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise refuse(path, os_reason(exc)) from None
    if len(data) > limit:
        raise refuse(path, f"tệp lớn hơn {limit // MB} MB")
    return data


def is_docx(path: Path, data: bytes) -> bool:
    return data.startswith(ZIP) or path.suffix.lower() == ".docx"


def read_received(path: Path) -> Received:
    """A received DOCX, Markdown or text file as paragraphs and tables."""
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in (*WORKBOOKS, ".xls"):
        if data.startswith(OLE) or suffix == ".xls":
            raise refuse(
                path,
                "bảng tính có mật khẩu, hoặc kiểu Excel 97-2003 (.xls): mở bằng Excel, bỏ mật "
                "khẩu, chọn Lưu thành (Save As) kiểu .xlsx, rồi chạy lại với tệp .xlsx",
            )
    if suffix in WORKBOOKS or (data.startswith(ZIP) and is_workbook(data)):
        try:
            return read_xlsx(path, data)
        except XlsxError as exc:
            raise refuse(path, f"bảng tính Excel (.xlsx) không đọc được: {exc}") from None
    if data.startswith(OLE) and ENCRYPTED_PACKAGE in data:
        raise refuse(
            path,
            "tệp Word có đặt mật khẩu: mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài "
            "liệu), lưu lại rồi chạy lại",
        )
    if data.startswith(OLE) or suffix == ".doc":
        raise refuse(
            path,
            "đây là tệp Word 97-2003 (.doc): mở bằng Word, chọn Lưu thành (Save As) kiểu .docx, "
            "rồi chạy lại với tệp .docx",
        )
    if data.startswith(PDF):
        try:
            return read_pdf(path, data)
        except PdfError as exc:
            raise refuse(path, str(exc)) from None
    if path.suffix.lower() == ".odt":
        try:
            return read_odt(path, data)
        except (OdtError, DocxError) as exc:
            raise refuse(path, str(exc)) from None
    if is_docx(path, data):
        try:
            return read_docx(path, data)
        except DocxError as exc:
            raise refuse(path, f"không phải tệp Word (.docx) đọc được: {exc}") from None
    if len(data) > TEXT_LIMIT:
        raise refuse(path, f"tệp văn bản lớn hơn {TEXT_LIMIT // MB} MB")
    return read_text(path, decoded(path, data), path.suffix.lower() in MARKDOWN)


def decoded(path: Path, data: bytes) -> str:
    """Text in UTF-8 (a BOM allowed) or UTF-16 with its BOM; binary data refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse(path, "tệp UTF-16 hỏng") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(
            path,
            f"không phải văn bản UTF-8 (byte thứ {exc.start + 1} không đọc được): có thể là tệp "
            "nhị phân, hoặc văn bản mã khác (TCVN3, VNI…): lưu lại dưới dạng UTF-8",
        ) from None
    if "\x00" in text:
        raise refuse(path, "tệp nhị phân, không phải văn bản")
    return text
