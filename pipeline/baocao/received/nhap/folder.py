"""`baocao nhap FILE [NAME]`: a received document moved into content/NAME/, ready to check.

The file (a DOCX, or any other `soat` reads: .odt, PDF, Markdown, text) is read
(baocao.received.read) and checked as `soat` checks it (baocao.received.soat.check); its frame
becomes the front matter (`front`), its body and appendices Markdown parts, split at the
top-level headings (`markdown`): 00-mo-dau.md, then 01-…, 02-…, and 91-phu-luc.md … for the
appendices. Amounts stay as typed, so that check reads their words again; tables that are
budgets become budget tables, so that check adds them up; what soat found among the prose's
amounts is written as relations check verifies. What the frame does not say is left "…", which
check refuses until it is filled.

A bad name (the rule of `baocao new`), an existing folder, a content folder whose parent does not
exist (nhap creates content/ at most, never the folders above it), a file that cannot be read and
one holding content baocao cannot read (imported from an RTF part) are refused; the folder is
written whole or not at all, and no staging folder is left behind.
"""

from __future__ import annotations

import datetime
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

from baocao.parse.frontmatter import FrontMatterReader
from baocao.parse.syntax import ID, ID_CHARACTERS, suggested_name
from baocao.problems import UsageError, display_path, os_reason
from baocao.received.nhap.front import PLACEHOLDER, front_yaml, read_front
from baocao.received.nhap.markdown import Parts, body_parts, paragraph_markdown
from baocao.received.read.blocks import Received
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received, regional_options
from baocao.render.appendix import attachment_line

HEADER = (
    "# Nhập từ {source} bằng baocao nhap. Mỗi chỗ “…” là điều không tìm thấy trong tệp:\n"
    "# điền vào, rồi chạy baocao check {name}."
)


def import_docx(
    docx: Path, content: Path, name: str | None = None, today: datetime.date | None = None
) -> Path:
    """Write `content/<name>/` from a DOCX; its folder. `today` dates a DOCX that gives no date
    (this month, its day "…")."""
    name = name if name is not None else suggested_name(docx.stem)
    if not name or not ID.fullmatch(name):
        hint = suggested_name(name or docx.stem) or "bao-cao-nam-2026"
        raise UsageError(
            f"baocao nhap: tên văn bản “{name}” không dùng được: tên {ID_CHARACTERS}, "
            f"ví dụ “{hint}”"
        )
    folder = content / name
    if folder.exists() or folder.is_symlink():
        raise UsageError(f"baocao nhap: đã có “{display_path(folder)}”: chọn tên khác")
    if not content.is_dir() and not content.parent.is_dir():
        raise UsageError(
            f"baocao nhap: không có thư mục “{display_path(content.parent)}” để đặt "
            f"“{display_path(content)}”: kiểm tra lại --content"
        )
    received = read_received(docx)
    if received.unread:
        _, part = received.unread[0]
        raise UsageError(
            f"baocao nhap: “{display_path(docx)}” có phần nhúng từ tệp khác ({part}) baocao không "
            "đọc được: mở tệp bằng Word, lưu lại thành .docx rồi nhập lại"
        )
    check = check_received(received)
    front = read_front(received, today)
    parts = body_parts(received, front, check)
    _with_notes(parts, received)
    values = front.values
    regional = regional_options(received)
    if regional:  # "ngàn", "lẻ"… are the document's own spelling, not a slip
        values["chu_so"] = ", ".join(regional)
    typed = parts.attachment_lines[0] if parts.attachment_lines else None
    if typed is not None and _same(typed, _generated(values, name)) is False:
        values["phu_luc"] = {"kem_theo": typed}
    head = HEADER.format(source=docx.name, name=name)
    opening = f"---\n{head}\n{front_yaml(values)}\n---\n\n"
    files = dict(parts.files)
    files["00-mo-dau.md"] = [opening.rstrip("\n"), "", *files.get("00-mo-dau.md", [])]
    _write(folder, {file: _text(lines) for file, lines in files.items()})
    return folder


def _with_notes(parts: Parts, received: Received) -> None:
    """A DOCX's footnotes and endnotes at the end of its body, under "Chú thích:", each with its
    number: content/ has no footnotes, and their words are the document's all the same."""
    if not received.notes:
        return
    body = [name for name in parts.files if not name.startswith("9")]
    lines = parts.files.setdefault(body[-1] if body else "00-mo-dau.md", [])
    lines += ["", "Chú thích:", ""]
    for number, note in enumerate(received.notes, start=1):
        written = paragraph_markdown(replace(note, text=note.text.replace("\n", " ")), [], False)
        lines += [f"({number}) {written}", ""]


def _text(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines) + "\n"


def _generated(values: dict[str, object], name: str) -> str | None:
    """The "(Kèm theo …)" line baocao makes from this front matter; None if it cannot read it,
    or its date is still to fill (the line baocao makes will follow the date once filled)."""
    if PLACEHOLDER in str(values.get("ngay", "")):
        return None
    reader = FrontMatterReader(Path(name), front_yaml(values), 2)
    front = reader.read()
    return attachment_line(front) if front is not None else None


def _same(typed: str, generated: str | None) -> bool | None:
    if generated is None or PLACEHOLDER in generated:
        return None
    return " ".join(typed.replace("\u00a0", " ").split()) == " ".join(
        generated.replace("\u00a0", " ").split()
    )


STAGING = ".{name}.{pid}.nhap"  # the folder written beside the target, then renamed into place


def _write(folder: Path, files: dict[str, str]) -> None:
    """The folder with its files, whole: written beside it, then renamed into place. A staging
    folder is removed whatever stops the writing (an error, Ctrl+C); one left by an nhap that
    was killed is removed by the next nhap of the same name."""
    _remove_stale(folder)
    staging = folder.parent / STAGING.format(name=folder.name, pid=os.getpid())
    try:
        folder.parent.mkdir(exist_ok=True)  # content/ itself, never the folders above it
        staging.mkdir()
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        staging.rename(folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(
            f"baocao nhap: không tạo được “{display_path(folder)}”: {os_reason(exc)}"
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


STALE_AFTER = 3600  # seconds: no nhap writes its folder for so long; its staging is a leftover


def _remove_stale(folder: Path) -> None:
    """The staging folders of earlier nhap runs of the same name that were killed: their
    process is gone (where that can be asked safely), or they are an hour old."""
    if not folder.parent.is_dir():
        return
    for staging in folder.parent.glob(STAGING.format(name=folder.name, pid="*")):
        pid = staging.name[len(folder.name) + 2 : -len(".nhap")]
        if not pid.isdigit() or int(pid) == os.getpid() or not staging.is_dir():
            continue
        try:
            old = time.time() - staging.stat().st_mtime > STALE_AFTER
        except OSError:
            continue
        if old or not _running(int(pid)):
            shutil.rmtree(staging, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether a process runs with this id. Asked on POSIX only (signal 0 tests it; on Windows
    os.kill would end the process): elsewhere every process counts as running."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
