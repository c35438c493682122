"""nhap splits a document into parts at its top-level sections only: in a document made of
articles, the numbered clauses and points ("1.", "a)", "g)") stay paragraphs of their article,
with their numbers, in the part that holds it."""

from __future__ import annotations

from pathlib import Path

from baocao.received.nhap.folder import import_docx

DECISION = """ỦY BAN NHÂN DÂN XÃ AN BÌNH

Số: 12/QĐ-UBND

An Bình, ngày 15 tháng 10 năm 2026

QUYẾT ĐỊNH

Về việc giao nhiệm vụ

CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT ĐỊNH:

Điều 1. Giao nhiệm vụ như sau:

1. Văn phòng

a) Tổng hợp báo cáo

2. Phòng Kinh tế

b) Theo dõi giá cả

Điều 2. Quyết định có hiệu lực từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH

Lê Văn Bình
"""


def test_the_clauses_of_an_article_stay_in_its_part(tmp_path: Path) -> None:
    source = tmp_path / "qd.txt"
    source.write_text(DECISION, encoding="utf-8")
    folder = import_docx(source, tmp_path / "content", "qd")
    assert [p.name for p in folder.iterdir()] == ["00-mo-dau.md"]
    body = (folder / "00-mo-dau.md").read_text(encoding="utf-8").split("---\n")[-1]
    assert body.strip().split("\n\n") == [
        "Điều 1. Giao nhiệm vụ như sau:",
        "1\\. Văn phòng",
        "a) Tổng hợp báo cáo",
        "2\\. Phòng Kinh tế",
        "b) Theo dõi giá cả",
        "Điều 2. Quyết định có hiệu lực từ ngày ký.",
    ]
