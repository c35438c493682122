"""Throw-away documents for the budget, reference and check tests: front matter plus given parts."""

from __future__ import annotations

from pathlib import Path

from pipeline.build import check_document
from pipeline.errors import Problem

FRONT_MATTER = """---
co_quan:
  - ỦY BAN NHÂN DÂN
  - XÃ THỬ NGHIỆM
ky_hieu: BC-UBND
dia_danh: Thử Nghiệm
ngay: 2027-01-08
loai: BÁO CÁO
trich_yeu: Kiểm tra số liệu
nguoi_ky:
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn A
noi_nhan:
  - "Lưu: VT"
{extra}---

Mở đầu.
"""


def write_document(root: Path, *parts: str, name: str = "thu", extra: str = "") -> Path:
    """A document folder `root/name`: 00-mo-dau.md (front matter), then 01-….md for each part."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "00-mo-dau.md").write_text(FRONT_MATTER.format(extra=extra), encoding="utf-8")
    for number, text in enumerate(parts, start=1):
        (folder / f"{number:02d}-phan.md").write_text(text, encoding="utf-8")
    return folder


def problems_of(root: Path, *parts: str, extra: str = "") -> list[Problem]:
    """Every problem `baocao check` finds in a document made of `parts`."""
    return check_document(write_document(root, *parts, extra=extra))


def at(problems: list[Problem], line: int, file: str = "01-phan.md") -> list[str]:
    """The messages of the problems at `file`:`line`."""
    return [p.message for p in problems if p.position.path.name == file and p.position.line == line]
