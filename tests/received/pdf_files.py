"""PDF files for the tests, none committed: the PDF LibreOffice prints of a corpus text (a text
layer, as documents reach an office from the electronic document systems), and a scanned page:
one image, no text, written here object by object (PDF 1.4: a page drawing a grey image)."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from corpus_docx import libreoffice


def printed_pdf(source: Path, folder: Path) -> Path:
    """The PDF LibreOffice makes of a text file."""
    return libreoffice(source, folder, "pdf")


def scanned_pdf(width: int = 400, height: int = 560) -> bytes:
    """A one-page PDF holding only an image, as a scanner makes it: no text layer."""
    pixels = zlib.compress(os.urandom(width * height // 8) * 8)  # grey noise: a page's grain
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
        b"<< /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (width, height, len(pixels), pixels),
    ]
    drawing = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)
