"""The kinds of document as data: `loai` picks a kind, the kind gives the default ký hiệu."""

from __future__ import annotations

from pathlib import Path

from test_parse_document import FRONT, write

from baocao.parse.document import parse_document
from baocao.parse.frontmatter import FrontMatter
from baocao.parse.kinds import kinds
from baocao.render.frame import definition


def front(tmp_path: Path, text: str) -> FrontMatter:
    write(tmp_path / "v", "00.md", text)
    document = parse_document(tmp_path / "v")
    assert not document.problems, document.problems
    assert document.front is not None
    return document.front


def test_every_kind_names_a_defined_form_and_a_unique_code_and_slug() -> None:
    known = kinds().known
    forms = definition()
    assert all(kind.form in forms for kind in known)
    codes = [kind.code for kind in known if kind.code]
    slugs = [kind.slug for kind in known if kind.slug]
    assert len(codes) == len(set(codes)) and len(slugs) == len(set(slugs))


def test_loai_is_matched_whatever_its_case_and_spacing() -> None:
    assert kinds().by_name("quyết  định").code == "QĐ"
    assert kinds().by_name("Tờ trình").code == "TTr"


def test_an_unlisted_loai_is_a_named_document_without_a_code() -> None:
    kind = kinds().by_name("BẢN CAM KẾT")
    assert (kind.name, kind.form, kind.code) == ("BẢN CAM KẾT", "named", None)


def test_the_default_symbol_follows_the_kind_and_the_agency(tmp_path: Path) -> None:
    text = FRONT.replace("ky_hieu: BC-UBND\n", "")
    assert front(tmp_path / "a", text).symbol == "BC-UBND"
    decision = text.replace("loai: BÁO CÁO", "loai: QUYẾT ĐỊNH\ncan_cu: [Căn cứ Luật X]")
    assert front(tmp_path / "b", decision).symbol == "QĐ-UBND"
    council = text.replace("ỦY BAN NHÂN DÂN, XÃ A", "HỘI ĐỒNG NHÂN DÂN, XÃ A")
    council = council.replace("loai: BÁO CÁO", "loai: NGHỊ QUYẾT\ncan_cu: [Căn cứ Luật X]")
    assert front(tmp_path / "c", council).symbol == "NQ-HĐND"
    letter = text.replace("loai: BÁO CÁO", "loai: CÔNG VĂN\nkinh_gui: [Phòng Kinh tế]")
    assert front(tmp_path / "d", letter).symbol == "UBND"


def test_a_joint_document_names_both_issuers(tmp_path: Path) -> None:
    text = FRONT.replace("ky_hieu: BC-UBND\n", "").replace("loai: BÁO CÁO", "loai: KẾ HOẠCH")
    text = text.replace(
        "dia_danh: A\n",
        "dia_danh: A\nlien_tich:\n  co_quan: [ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM, XÃ A]\n"
        "  nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn C}\n",
    )
    found = front(tmp_path, text)
    assert found.symbol == "KHLT-UBND-MTTQ"
    assert found.joint is not None and found.joint.signer.name == "Lê Văn C"


def test_a_kind_names_what_it_requires_and_what_it_does_without(tmp_path: Path) -> None:
    decision = FRONT.replace("loai: BÁO CÁO", "loai: QUYẾT ĐỊNH")
    write(tmp_path / "a", "00.md", decision)
    (problem,) = parse_document(tmp_path / "a").problems
    assert (str(problem.code), problem.position.line, problem.position.column) == ("BC112", 2, 1)
    assert "(“can_cu:”)" in problem.message
    minutes = FRONT.replace("loai: BÁO CÁO", "loai: BIÊN BẢN\nthu_ky: Trần Thị B")
    minutes = minutes.replace("dia_danh: A\n", "").replace('noi_nhan: [Như trên, "Lưu: VT"]\n', "")
    assert front(tmp_path / "b", minutes).recipients == ()


def test_an_unlisted_loai_needs_its_symbol(tmp_path: Path) -> None:
    text = FRONT.replace("ky_hieu: BC-UBND\n", "").replace("BÁO CÁO", "BẢN CAM KẾT")
    write(tmp_path / "v", "00.md", text)
    (problem,) = parse_document(tmp_path / "v").problems
    assert (str(problem.code), problem.position.line, problem.position.column) == ("BC112", 2, 1)
    assert "(“ky_hieu:”)" in problem.message
