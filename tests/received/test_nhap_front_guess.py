"""The front matter of a received document typed without its formal frame: what can be found
is filled, "…" is left for the rest — the kind from the title, the month from the latest date
the text mentions (its day "…"), the signer from the last two paragraphs — and a signature typed
as paragraphs under "Nơi nhận:" is the signer, not more recipients."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
from baocao.received.nhap.front import PLACEHOLDER, read_front
from baocao.received.read.files import read_received

TODAY = datetime.date(2026, 12, 7)


def word(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def front(path: Path) -> dict[str, object]:
    return read_front(read_received(path), TODAY).values


def test_a_report_without_its_frame(tmp_path: Path) -> None:
    values = front(
        word(
            tmp_path / "tho.docx",
            [
                "Kết quả thu quỹ khuyến học năm 2026",
                "Ngày 15/11/2026, thôn Đông thu quỹ được 15.500.000 đồng; hạn nộp 31/12/2026.",
                "Người báo cáo",
                "Nguyễn Văn Hùng",
            ],
        )
    )
    assert values["loai"] == "BÁO CÁO"
    assert values["trich_yeu"] == "Kết quả thu quỹ khuyến học năm 2026"
    assert values["ngay"] == f"2026-11-{PLACEHOLDER}"  # 31/12/2026 is still to come
    assert values["nguoi_ky"] == {"chuc_vu": "Người báo cáo", "ho_ten": "Nguyễn Văn Hùng"}
    assert values["co_quan"] == [PLACEHOLDER]


def test_a_title_naming_its_kind(tmp_path: Path) -> None:
    values = front(
        word(tmp_path / "kh.docx", ["Kế hoạch tổ chức Ngày hội đại đoàn kết", "Nội dung."])
    )
    assert (values["loai"], values["trich_yeu"]) == (
        "KẾ HOẠCH",
        "Kế hoạch tổ chức Ngày hội đại đoàn kết",
    )
    assert str(values["ngay"]).endswith(PLACEHOLDER)  # no date in it: this month's


def test_a_signature_typed_as_paragraphs_after_the_recipients(tmp_path: Path) -> None:
    values = front(
        word(
            tmp_path / "nq.docx",
            [
                "HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH",
                "Số: 18/NQ-HĐND",
                "An Bình, ngày 20 tháng 12 năm 2026",
                "NGHỊ QUYẾT",
                "Về dự toán ngân sách xã năm 2027",
                "HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH",
                "KHÓA II, KỲ HỌP THỨ MƯỜI",
                "Căn cứ Luật Ngân sách nhà nước;",
                "QUYẾT NGHỊ:",
                "Điều 1. Thông qua dự toán.",
                "Nơi nhận:",
                "- UBND huyện;",
                "- Lưu: VT.",
                "CHỦ TỊCH",
                "Phạm Văn Cường",
            ],
        )
    )
    assert values["noi_nhan"] == ["UBND huyện", "Lưu: VT"]
    assert values["nguoi_ky"] == {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Phạm Văn Cường"}
    assert values["ky_hop"] == "KHÓA II, KỲ HỌP THỨ MƯỜI"  # its own line, not the authority's
    assert values["tham_quyen"] == ["HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH"]
    assert values["ngay"] == "2026-12-20"
