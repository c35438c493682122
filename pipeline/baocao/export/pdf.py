"""The PDF an office sends through the electronic document system: the built DOCX laid out by
LibreOffice as PDF/A-2b, the archival form, every font embedded, with the document's metadata
(docs/xuat-ban.md, "PDF").

LibreOffice writes the pages and the PDF/A identification; pikepdf then sets what LibreOffice
cannot know or gets wrong, in the XMP packet and the document information alike: the title (the
trích yếu), the author (the issuing body), the language vi-VN, and the DOCX's dates, so that the
same sources give the same metadata. The pages are LibreOffice's, untouched: the signature area
stays where ND30 places it, for the signing tool to put the images there.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pikepdf

from baocao.libreoffice import convert, find_soffice
from baocao.parse.frontmatter import FrontMatter
from baocao.problems import BaocaoError, os_reason

# LibreOffice's PDF export with SelectPdfVersion 2: PDF/A-2b (fonts embedded, tagged).
PDF_A2B = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
LANGUAGE = "vi-VN"


def author(front: FrontMatter) -> str:
    """The issuing body as one line: "ỦY BAN NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG"."""
    return " ".join(line.strip() for line in front.agency if line.strip())


def write_pdf(docx: Path, target: Path, front: FrontMatter, epoch: int) -> Path:
    """Write `target`, the PDF/A-2b of the built `docx`, with its metadata.

    The PDF is assembled beside `target` and moved into place only when complete; when anything
    fails, the previous PDF is removed rather than left to pass for this build's."""
    soffice = find_soffice()
    partial = target.with_name(f".{target.stem}.{os.getpid()}.partial.pdf")
    try:
        with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as scratch:
            laid_out = convert(docx, Path(scratch), PDF_A2B, soffice)
            with pikepdf.open(laid_out) as pdf:
                stamp = datetime.fromtimestamp(epoch, tz=UTC).isoformat()
                with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                    meta["dc:title"] = front.subject
                    meta["dc:creator"] = [author(front)]
                    meta["dc:language"] = {LANGUAGE}
                    meta["xmp:CreateDate"] = stamp
                    meta["xmp:ModifyDate"] = stamp
                    meta["xmp:MetadataDate"] = stamp
                pdf.Root.Lang = pikepdf.String(LANGUAGE)
                pdf.save(partial, deterministic_id=True)
        partial.replace(target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise BaocaoError(f"không ghi được “{target}”: {os_reason(exc)}") from None
    except pikepdf.PdfError:
        target.unlink(missing_ok=True)
        raise BaocaoError(f"LibreOffice ghi ra một PDF hỏng từ “{docx.name}”") from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        partial.unlink(missing_ok=True)
    return target
