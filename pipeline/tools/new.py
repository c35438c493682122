"""`baocao new`: a new document folder that checks and builds as it is, for the editor to fill in.

The parts are data below: front matter whose placeholders ("…") are plainly there to be replaced
yet valid (a draft without number, dated this month), one section, and one budget table with ids
that the prose cites — so the editor starts from the three things the guide explains.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.parse.syntax import ID

FRONT_MATTER = """\
---
# Phần đầu (thể thức văn bản). Thay mọi chỗ “…” bằng nội dung thật.
# "so" để trống khi văn bản chưa có số; "ngay" chỉ ghi năm-tháng khi chưa ký.
co_quan:
  - ỦY BAN NHÂN DÂN
  - XÃ …
so:
ky_hieu: BC-UBND
dia_danh: …
ngay: {month}
loai: BÁO CÁO
trich_yeu: Kết quả thực hiện nhiệm vụ … và kế hoạch …
nguoi_ky:
  quyen_han:
    - TM. ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: …
noi_nhan:
  - …
  - "Lưu: VT"
---

Thực hiện …, Ủy ban nhân dân xã … báo cáo kết quả thực hiện như sau:
"""

SECTION = """\
# I. KẾT QUẢ THỰC HIỆN

## 1. Tình hình chung

Viết nội dung ở đây. Các dòng liền nhau là một đoạn; một dòng trống mở đoạn mới.

- Gạch đầu dòng viết “- ” ở đầu dòng.

## 2. Kinh phí

Tổng kinh phí đề xuất là {{ tien_chu("kp.tong") }}, trong đó mua sắm thiết bị
{{ tien("kp.thiet-bi") }}.

Đơn vị: Triệu đồng {#kp}

| TT | NỘI DUNG                        | KINH PHÍ |
|----|---------------------------------|----------|
| A  | B                               | (1)      |
| =  | Tổng cộng {#tong}               |          |
| 1  | Mua sắm thiết bị {#thiet-bi}    | 100      |
| 2  | Tập huấn, bồi dưỡng {#tap-huan} | 50       |
"""

NAME_RULE = "chỉ gồm chữ thường không dấu, chữ số và dấu “-”"
PARTS = {"00-mo-dau.md": FRONT_MATTER, "01-noi-dung.md": SECTION}


def suggested_name(name: str) -> str:
    """A valid folder name close to what was typed: "Báo cáo quý 3" → "bao-cao-quy-3"."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def new_document(content: Path, name: str, today: datetime.date | None = None) -> Path:
    """Create `content/<name>/` with the parts above; refuse a bad name or an existing folder."""
    if not name.strip():
        raise UsageError("thiếu tên văn bản, ví dụ: make new TEN=bao-cao-quy-3-2027")
    if not ID.fullmatch(name):
        hint = suggested_name(name) or "bao-cao-quy-3"
        raise UsageError(f"tên văn bản “{name}” không dùng được: tên {NAME_RULE}, ví dụ “{hint}”")
    folder = content / name
    if folder.exists():
        raise UsageError(f"đã có “{folder}”: chọn tên khác, hoặc sửa văn bản đó")
    month = (today or datetime.date.today()).strftime("%Y-%m")
    try:
        folder.mkdir(parents=True)
        for filename, text in PARTS.items():
            (folder / filename).write_text(text.replace("{month}", month), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"không tạo được “{folder}”: {exc.strerror}") from None
    return folder
