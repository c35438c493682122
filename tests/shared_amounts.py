"""A kế hoạch, and a tờ trình and a quyết định that cite its amounts: three documents of one
content folder sharing one budget table ("ke-hoach:kp.…"), for the tests of citations across
documents. Front matter as the sample report writes it; each kind's own keys beside it."""

from __future__ import annotations

from pathlib import Path

FRONT_MATTER = """---
co_quan:
  - ỦY BAN NHÂN DÂN
  - XÃ NGUYỄN LƯƠNG BẰNG
so:
ky_hieu: {ky_hieu}
dia_danh: Xã Nguyễn Lương Bằng
ngay: 2026-07
loai: {loai}
trich_yeu: {trich_yeu}
{extra}nguoi_ky:
  quyen_han:
    - TM. ỦY BAN NHÂN DÂN
    - KT. CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Đoàn Văn Cát
noi_nhan:
{noi_nhan}  - "Lưu: VT, VHXH"
---
"""

KE_HOACH = """\
# I. KINH PHÍ

Tổng kinh phí thực hiện kế hoạch là {{ tien_chu("kp.tong") }}.

Đơn vị: Triệu đồng {#kp}

| TT | NỘI DUNG                        | KINH PHÍ |
|----|---------------------------------|----------|
| A  | B                               | (1)      |
| =  | Tổng cộng {#tong}               |          |
| 1  | Mua sắm thiết bị {#thiet-bi}    |          |
| +  | Camera giám sát {#camera}       | 300      |
| +  | Máy tính {#may-tinh}            | 100      |
| 2  | Tập huấn, bồi dưỡng {#tap-huan} | 50       |
"""

TO_TRINH = """\
Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, quyết định kinh phí thực hiện Kế
hoạch chuyển đổi số năm 2027 là {{ tien_chu("ke-hoach:kp.tong") }}, trong đó mua sắm camera giám
sát {{ tien("ke-hoach:kp.camera") }}.
"""

QUYET_DINH = """\
**Điều 1.** Phê duyệt Kế hoạch chuyển đổi số năm 2027 với tổng kinh phí
{{ tien_chu("ke-hoach:kp.tong") }}, trong đó camera giám sát {{ tien("ke-hoach:kp.camera") }} và
tập huấn {{ tien("ke-hoach:kp.tap-huan") }}.

**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.

**Điều 3.** Chánh Văn phòng HĐND và UBND xã, các đơn vị có liên quan chịu trách nhiệm thi hành
Quyết định này.
"""

DOCUMENTS = {
    "ke-hoach": (
        dict(
            ky_hieu="KH-UBND",
            loai="KẾ HOẠCH",
            trich_yeu="Chuyển đổi số năm 2027",
            extra="",
            noi_nhan="  - Các phòng chuyên môn thuộc xã\n",
        ),
        KE_HOACH,
    ),
    "to-trinh": (
        dict(
            ky_hieu="TTr-UBND",
            loai="TỜ TRÌNH",
            trich_yeu="Đề nghị phê duyệt kinh phí chuyển đổi số năm 2027",
            extra="kinh_gui:\n  - Hội đồng nhân dân xã Nguyễn Lương Bằng\n",
            noi_nhan="  - Như trên\n",
        ),
        TO_TRINH,
    ),
    "quyet-dinh": (
        dict(
            ky_hieu="QĐ-UBND",
            loai="QUYẾT ĐỊNH",
            trich_yeu="Về việc phê duyệt Kế hoạch chuyển đổi số năm 2027",
            extra=(
                "can_cu:\n"
                "  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025\n"
                "  - Theo đề nghị của Văn phòng HĐND và UBND xã\n"
            ),
            noi_nhan="  - Như Điều 3\n",
        ),
        QUYET_DINH,
    ),
}


def write_shared(content: Path, *names: str) -> dict[str, Path]:
    """The documents named (default: all three) as folders of `content`: 00-mo-dau.md with the
    front matter, 01-noi-dung.md with the body."""
    folders: dict[str, Path] = {}
    for name in names or tuple(DOCUMENTS):
        front, body = DOCUMENTS[name]
        folder = content / name
        folder.mkdir(parents=True)
        (folder / "00-mo-dau.md").write_text(FRONT_MATTER.format(**front), encoding="utf-8")
        (folder / "01-noi-dung.md").write_text(body, encoding="utf-8")
        folders[name] = folder
    return folders


def write_part(content: Path, name: str, body: str) -> Path:
    """A document `name` of `content` with the tờ trình's front matter and `body` as its part."""
    front, _ = DOCUMENTS["to-trinh"]
    folder = content / name
    folder.mkdir(parents=True)
    (folder / "00-mo-dau.md").write_text(FRONT_MATTER.format(**front), encoding="utf-8")
    (folder / "01-noi-dung.md").write_text(body, encoding="utf-8")
    return folder
