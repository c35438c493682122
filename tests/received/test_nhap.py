"""`baocao nhap`: a DOCX into content/, then check and build.

Every kind's example that baocao builds (tests/fixtures/kinds) goes round: build → nhap → build
prints the same text (`baocao text` of both DOCX files), and the imported folder checks clean.
Word documents made by hand are read too: a header and a signature typed as paragraphs, Word's
own list numbering, a frame missing its signature (left "…", which check refuses and a build
only warns about). A bad name, an existing folder and a file that is no DOCX are refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

import docx
from baocao import codes
from baocao.build import build_document, check_document
from baocao.cli import main
from baocao.problems import UsageError
from baocao.received.nhap.folder import import_docx
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from baocao.review.textconv import docx_text
from conftest import KIND_NAMES


@pytest.mark.parametrize("name", KIND_NAMES)
def test_build_nhap_build_prints_the_same_text(
    name: str, kinds_built: dict[str, Path], tmp_path: Path
) -> None:
    folder = import_docx(kinds_built[name], tmp_path / "content", name)
    # the figures citations printed come back typed by hand: each one a BC508 warning to cite
    found = [p for p in check_document(folder) if p.code != codes.UNACCOUNTED_AMOUNT]
    assert found == [], name
    again = build_document(folder, tmp_path / "output").target
    assert docx_text(again) == docx_text(kinds_built[name])


def test_the_front_matter_of_a_decision_with_its_appendix(
    kinds_built: dict[str, Path], tmp_path: Path
) -> None:
    folder = import_docx(kinds_built["quyet-dinh-phu-luc"], tmp_path / "content", "qd")
    assert sorted(p.name for p in folder.iterdir()) == ["00-mo-dau.md", "90-phu-luc.md"]
    opening = (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    for line in [
        "so: 22\nky_hieu: QĐ-UBND\ndia_danh: Xã Nguyễn Lương Bằng\nngay: 2027-01-15\n",
        "tham_quyen:\n  - ỦY BAN NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG\ncan_cu:\n",
        "  - Theo đề nghị của Trưởng phòng Kinh tế\n",  # its closing "." left to baocao
        "noi_nhan:\n  - Như Điều 3\n",
        "\nĐiều 1. Phân bổ **102.400.000 đồng** (Một trăm linh hai triệu, bốn trăm nghìn đồng)",
    ]:
        assert line in opening
    assert "phu_luc" not in opening  # its "(Kèm theo …)" line is the one baocao writes
    appendix = (folder / "90-phu-luc.md").read_text(encoding="utf-8")
    assert appendix.startswith(
        "# Phụ lục\n\n## PHÂN BỔ KINH PHÍ HỖ TRỢ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG NĂM 2027\n\n"
        "Đơn vị: Nghìn đồng {#bang-3}\n| TT | THÔN | SỐ THÀNH VIÊN |"
    )
    assert "| A | B | C | (1) | (2) | (3)=(1)+(2) |" in appendix  # a text column stays one


def test_a_joint_document_and_minutes(kinds_built: dict[str, Path], tmp_path: Path) -> None:
    joint = import_docx(kinds_built["nghi-quyet-lien-tich"], tmp_path / "content", "lt")
    text = (joint / "00-mo-dau.md").read_text(encoding="utf-8")
    assert (
        "co_quan:\n  - ỦY BAN NHÂN DÂN\n  - XÃ NGUYỄN LƯƠNG BẰNG\nlien_tich:\n  co_quan:\n"
        "    - ỦY BAN MTTQ VIỆT NAM\n    - XÃ NGUYỄN LƯƠNG BẰNG\n  nguoi_ky:\n    quyen_han:\n"
        "      - TM. BAN THƯỜNG TRỰC\n    chuc_vu: CHỦ TỊCH\n    ho_ten: Bùi Thị Ngọc\n"
    ) in text
    minutes = import_docx(kinds_built["bien-ban"], tmp_path / "content", "bb")
    text = (minutes / "00-mo-dau.md").read_text(encoding="utf-8")
    assert "ngay: 2027-01-06\n" in text  # no place-date line: the meeting's date
    assert "dia_danh" not in text
    assert "thu_ky: Nguyễn Thị Thu\nnguoi_ky:\n  chuc_vu: CHỦ TỌA\n" in text


def word_report(path: Path, signature: bool = True) -> Path:
    """A report as typed in Word without tables: header lines, bold headings, Word's own
    bullets and numbers, the signature as paragraphs."""
    document = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph("Số: 12/BC-UBND")
    document.add_paragraph("An Bình, ngày 15 tháng 3 năm 2027")
    document.add_paragraph("BÁO CÁO").runs[0].bold = True
    document.add_paragraph("Kết quả quý I năm 2027")
    document.add_paragraph("I. KẾT QUẢ").runs[0].bold = True
    total = document.add_paragraph("Kinh phí đã giải ngân: ")
    total.add_run("300.000.000 đồng").bold = True
    total.add_run(", gồm:")
    document.add_paragraph("Mua máy tính: 120.000.000 đồng;", style="List Bullet")
    document.add_paragraph("Tập huấn: 150.000.000 đồng.", style="List Bullet")
    document.add_paragraph("II. KIẾN NGHỊ").runs[0].bold = True
    document.add_paragraph("Bổ sung kinh phí năm 2027.", style="List Number")
    document.add_paragraph("Hướng dẫn thủ tục thanh toán./.", style="List Number")
    if signature:
        for line in ["Nơi nhận:", "- UBND huyện (b/c);", "- Lưu: VT."]:
            document.add_paragraph(line)
        for line in ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Lê Văn Bình"]:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_report_typed_as_paragraphs(tmp_path: Path) -> None:
    folder = import_docx(word_report(tmp_path / "bc.docx"), tmp_path / "content", "bc")
    assert sorted(p.name for p in folder.iterdir()) == [
        "00-mo-dau.md",
        "01-ket-qua.md",
        "02-kien-nghi.md",
    ]
    opening = (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    for line in [
        "co_quan:\n  - ỦY BAN NHÂN DÂN\n  - XÃ AN BÌNH\nso: 12\nky_hieu: BC-UBND\n",
        "dia_danh: An Bình\nngay: 2027-03-15\nloai: BÁO CÁO\ntrich_yeu: Kết quả quý I năm 2027\n",
        "nguoi_ky:\n  quyen_han:\n    - TM. ỦY BAN NHÂN DÂN\n  chuc_vu: CHỦ TỊCH\n"
        '  ho_ten: Lê Văn Bình\nnoi_nhan:\n  - UBND huyện (b/c)\n  - "Lưu: VT"\n',
    ]:
        assert line in opening
    result = (folder / "01-ket-qua.md").read_text(encoding="utf-8")
    assert result == (
        "# I. KẾT QUẢ\n\nKinh phí đã giải ngân: **300.000.000 đồng{#kp-1 = kp-1-*}**, gồm:\n\n"
        "- Mua máy tính: 120.000.000 đồng{#kp-1-1};\n\n- Tập huấn: 150.000.000 đồng{#kp-1-2}.\n"
    )
    assert (folder / "02-kien-nghi.md").read_text(encoding="utf-8") == (
        "# II. KIẾN NGHỊ\n\n1\\. Bổ sung kinh phí năm 2027.\n\n2\\. Hướng dẫn thủ tục thanh toán.\n"
    )
    (error,) = [p for p in check_document(folder) if not p.warning]  # what soat found
    assert (error.position.path.name, error.position.line) == ("01-ket-qua.md", 3)
    assert error.code == codes.RELATION_MISMATCH  # a declared sum, as check reports it
    found = check_received(read_received(tmp_path / "bc.docx")).problems
    assert [p.code for p in found] == [codes.LIST_SUM]  # soat's, on the DOCX


def test_what_the_frame_lacks_is_a_placeholder_check_refuses_and_build_warns(
    tmp_path: Path,
) -> None:
    source = word_report(tmp_path / "bc.docx", signature=False)
    folder = import_docx(source, tmp_path / "content", "bc")
    opening = (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    assert "nguoi_ky:\n  chuc_vu: …\n  ho_ten: …\nnoi_nhan:\n  - …\n" in opening
    drafts = [p for p in check_document(folder) if p.draft]
    assert len(drafts) == 3
    (folder / "01-ket-qua.md").write_text("# I. KẾT QUẢ\n\nĐã giải ngân.\n", encoding="utf-8")
    built = build_document(folder, tmp_path / "output")
    assert len(built.warnings) == 3  # the placeholders, each a warning


def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = word_report(tmp_path / "Báo cáo quý 1.docx")
    content = tmp_path / "content"
    assert main(["nhap", str(source), "--content", str(content)]) == 0  # its name from the file
    assert (content / "bao-cao-quy-1" / "00-mo-dau.md").is_file()
    capsys.readouterr()
    assert main(["nhap", str(source), "bao-cao-quy-1", "--content", str(content)]) == 2
    assert "đã có “" in capsys.readouterr().err
    assert main(["nhap", str(source), "Báo cáo", "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert "tên văn bản “Báo cáo” không dùng được" in err and "“bao-cao”" in err
    binary = tmp_path / "bao-cao.txt"
    binary.write_bytes(b"BAO CAO\x00\xff")
    assert main(["nhap", str(binary), "bc", "--content", str(content)]) == 2
    assert "nhị phân" in capsys.readouterr().err  # a text file is taken, a binary one is not
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    assert main(["nhap", str(broken), "hong", "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tệp hỏng hoặc không phải DOCX" in err
    assert main(["nhap", str(tmp_path / "khong-co.docx"), "x", "--content", str(content)]) == 2
    assert "không có tệp hay thư mục này" in capsys.readouterr().err
    assert sorted(p.name for p in content.iterdir()) == ["bao-cao-quy-1"]  # nothing half-made


def test_the_name_rule_is_new_s(tmp_path: Path) -> None:
    source = word_report(tmp_path / "bc.docx")
    with pytest.raises(UsageError, match="chỉ gồm chữ thường không dấu"):
        import_docx(source, tmp_path / "content", "Bao Cao")


def test_soat_finds_nothing_in_the_documents_baocao_builds(kinds_built: dict[str, Path]) -> None:
    for name, path in kinds_built.items():
        assert check_received(read_received(path)).problems == [], name


DECISION = """---
co_quan: [ỦY BAN NHÂN DÂN, XÃ NGUYỄN LƯƠNG BẰNG]
so: 16
dia_danh: Xã Nguyễn Lương Bằng
ngay: 2027-01-08
loai: QUYẾT ĐỊNH
trich_yeu: Ban hành Quy chế làm việc của Ủy ban nhân dân xã
can_cu:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
nguoi_ky: {quyen_han: [TM. ỦY BAN NHÂN DÂN], chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
noi_nhan: [Như Điều 2, "Lưu: VT, VP"]
---

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã.

Điều 2. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này.
"""
ATTACHED = """# QUY CHẾ

## Làm việc của Ủy ban nhân dân xã

# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định lề lối làm việc của Ủy ban nhân dân xã.
"""


def test_a_decision_with_the_document_it_issues(tmp_path: Path) -> None:
    source = tmp_path / "content" / "qd"
    source.mkdir(parents=True)
    (source / "00-quyet-dinh.md").write_text(DECISION, encoding="utf-8")
    (source / "10-quy-che.md").write_text(ATTACHED, encoding="utf-8")
    built = build_document(source, tmp_path / "output").target
    folder = import_docx(built, tmp_path / "imported", "qd")
    assert sorted(p.name for p in folder.iterdir()) == ["00-mo-dau.md", "90-kem-theo.md"]
    attached = (folder / "90-kem-theo.md").read_text(encoding="utf-8")
    assert attached.startswith("# QUY CHẾ\n\n## Làm việc của Ủy ban nhân dân xã\n\n# Chương I")
    assert check_document(folder) == []
    again = build_document(folder, tmp_path / "again").target
    assert docx_text(again) == docx_text(built)
