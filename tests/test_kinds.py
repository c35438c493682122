"""Every kind of document a commune issues, from a real-length example in tests/fixtures/kinds/.

Each example is copied into a throw-away content folder (they cite the kế hoạch's amounts, so they
travel together), checked, built, and read back twice:

- from the DOCX, each element's text and its look through the style chain (as Word resolves it):
  the type line, the authority line, căn cứ, "QUYẾT ĐỊNH:", "Điều 1.", a công văn's "V/v …" and
  Kính gửi list, a biên bản's THƯ KÝ and CHỦ TỌA, a liên tịch document's two agencies and signers;
- from the PDF LibreOffice renders, the positions a reader sees (poppler's text layout): centred
  lines on the text column, the header's two columns, the signature blocks. Skipped, with the
  reason, where LibreOffice or poppler is not installed (.ci/run installs them).

The decree's samples are Phụ lục III, Mẫu 1.1–1.9 (docs/nd30-rules.md, "Document kinds").
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

import docx
from baocao.build import check_document
from conftest import KINDS as KINDS_FOLDER
from office import to_pdf
from style_chain import (
    all_paragraphs,
    is_bold,
    is_italic,
    paragraph_value,
    size_pt,
    text_runs,
)

FIXTURES = KINDS_FOLDER
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
PLACE = "Xã Nguyễn Lương Bằng"  # a unit named after a person carries its type (PL I, II.4.a)
TOLERANCE = 2.0  # points: how far a centred line's middle may sit from its column's middle


@dataclass(frozen=True)
class Kind:
    """What an example must print: its number line, type line, place-date, signers."""

    number: str
    type: str | None  # None: a công văn has no type line
    date: str | None  # the place-date line's date; None: a biên bản has no place-date line
    signers: tuple[tuple[str, str], ...]  # (the 7a lines joined by "\n", the name), left to right
    authority: tuple[str, ...] = ()  # a decision's authority line(s)
    opening: str | None = None  # "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"
    articles: int = 0  # how many "Điều N." the body holds
    to: tuple[str, ...] = ()  # Kính gửi, as printed

    @property
    def decision(self) -> bool:
        return self.opening is not None


UBND_CHAIR = ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Nguyễn Văn Hùng")
UBND_DEPUTY = ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Đoàn Văn Cát")
BY_ORDER = ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "Trần Thị Hoa")

KINDS: dict[str, Kind] = {
    "quyet-dinh": Kind(
        "Số: 15/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "ngày 08 tháng 01 năm 2027",
        (("CHỦ TỊCH", "Nguyễn Văn Hùng"),),
        authority=("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG",),
        opening="QUYẾT ĐỊNH:",
        articles=4,
    ),
    "quyet-dinh-phu-luc": Kind(
        "Số: 22/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "ngày 15 tháng 01 năm 2027",
        (UBND_CHAIR,),
        authority=("ỦY BAN NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG",),
        opening="QUYẾT ĐỊNH:",
        articles=3,
    ),
    "nghi-quyet": Kind(
        "Số: 38/NQ-HĐND",
        "NGHỊ QUYẾT",
        "ngày 18 tháng 12 năm 2026",
        (("TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH", "Phạm Thị Lan"),),
        authority=("HỘI ĐỒNG NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG",),
        opening="QUYẾT NGHỊ:",
        articles=3,
    ),
    "nghi-quyet-lien-tich": Kind(
        "Số: 01/NQLT-UBND-MTTQ",
        "NGHỊ QUYẾT",
        "ngày 20 tháng 02 năm 2027",
        (("TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH", "Bùi Thị Ngọc"), UBND_CHAIR),
        authority=(
            "ỦY BAN NHÂN DÂN - BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM "
            "XÃ NGUYỄN LƯƠNG BẰNG",
        ),
        opening="QUYẾT NGHỊ:",
        articles=3,
    ),
    "to-trinh": Kind(
        "Số: 251/TTr-UBND",
        "TỜ TRÌNH",
        "ngày 08 tháng 12 năm 2026",
        (UBND_CHAIR,),
        to=("Kính gửi: Hội đồng nhân dân Xã Nguyễn Lương Bằng",),
    ),
    "ke-hoach": Kind("Số: 245/KH-UBND", "KẾ HOẠCH", "ngày 05 tháng 12 năm 2026", (UBND_DEPUTY,)),
    "thong-bao": Kind("Số: 03/TB-UBND", "THÔNG BÁO", "ngày 07 tháng 01 năm 2027", (BY_ORDER,)),
    "cong-van": Kind(
        "Số: 36/UBND-VHXH",
        None,
        "ngày 20 tháng 01 năm 2027",
        (UBND_DEPUTY,),
        to=(
            "Kính gửi:",
            "- Phòng Văn hóa - Xã hội;",
            "- Trung tâm Phục vụ hành chính công xã;",
            "- Công an xã;",
            "- Trưởng các thôn.",
        ),
    ),
    "giay-moi": Kind("Số: 05/GM-UBND", "GIẤY MỜI", "ngày 10 tháng 01 năm 2027", (BY_ORDER,)),
    "bien-ban": Kind(
        "Số: 01/BB-UBND",
        "BIÊN BẢN",
        None,
        (("THƯ KÝ", "Nguyễn Thị Thu"), ("CHỦ TỌA", "Nguyễn Văn Hùng")),
    ),
    "bao-cao": Kind(
        "Số: 58/BC-UBND",
        "BÁO CÁO",
        "ngày 05 tháng 4 năm 2027",
        (UBND_DEPUTY,),
        to=("Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng",),
    ),
}
NAMES = sorted(KINDS)
DECISIONS = [n for n in NAMES if KINDS[n].decision]
ONE_SIGNER = [n for n in NAMES if len(KINDS[n].signers) == 1]


# ---- building ----


@pytest.fixture(scope="session")
def documents(kinds_built: dict[str, Path]) -> dict[str, Any]:
    return {name: docx.Document(str(path)) for name, path in kinds_built.items()}


def test_every_kind_has_its_example() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_example_checks_clean_and_builds(
    name: str, kinds_content: Path, kinds_built: dict[str, Path]
) -> None:
    assert check_document(kinds_content / name) == []  # neither errors nor warnings
    assert kinds_built[name].stat().st_size > 5000


# ---- the DOCX: texts and looks through the style chain ----


def look(paragraph: Paragraph) -> set[tuple[float | None, bool, bool]]:
    """(size, bold, italic) of every visible run of a paragraph, through the style chain."""
    return {
        (size_pt(r, paragraph), is_bold(r, paragraph), is_italic(r, paragraph))
        for r in text_runs(paragraph)
    }


def assert_look(
    paragraph: Paragraph, sizes: tuple[float, float], *, bold: bool, italic: bool
) -> None:
    looks = look(paragraph)
    assert looks, f"no text in {paragraph.text!r}"
    for size, b, i in looks:
        assert size is not None and sizes[0] <= size <= sizes[1], f"{paragraph.text!r}: {size}"
        assert (b, i) == (bold, italic), f"{paragraph.text!r}: bold {b}, italic {i}"


def alignment(paragraph: Paragraph) -> Any:
    return paragraph_value(paragraph, lambda f: f.alignment)


def styled(document: Any, style: str) -> list[Paragraph]:
    return [p for p in all_paragraphs(document) if p.style.name == style]


def find(document: Any, text: str) -> Paragraph:
    found = [p for p in all_paragraphs(document) if p.text == text]
    assert len(found) == 1, f"{text!r} found {len(found)} times"
    return found[0]


def elements(document: Any) -> list[Any]:
    """Every paragraph's XML element in reading order: a Paragraph is a new object each time
    it is read, its element is the same."""
    return [p._p for p in all_paragraphs(document)]


def body(document: Any) -> list[Paragraph]:
    """The body's own paragraphs (not the frame's), in order."""
    return [p for p in document.paragraphs if p.style.name in ("Body Text", "First Paragraph")]


def layout(document: Any, style: str) -> Table:
    found = [t for t in document.tables if t.style is not None and t.style.name == style]
    assert len(found) == 1, f"{len(found)} tables of style {style}"
    return found[0]


def texts(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_header_agency_left_national_title_right_number_level_with_place_date(
    name: str, documents: dict[str, Any]
) -> None:
    document, kind = documents[name], KINDS[name]
    header = document.tables[0]
    assert header.style.name == "Header Block"
    agency = [p for p in header.rows[0].cells[0].paragraphs if p.style.name == "Agency"]
    expected = ["ỦY BAN NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"]
    if name == "nghi-quyet":
        expected = ["HỘI ĐỒNG NHÂN DÂN", "XÃ NGUYỄN LƯƠNG BẰNG"]
    if name == "nghi-quyet-lien-tich":  # both agencies, the first one first
        expected += ["ỦY BAN MTTQ VIỆT NAM", "XÃ NGUYỄN LƯƠNG BẰNG"]
    assert [p.text for p in agency] == expected
    for paragraph in agency:
        assert_look(paragraph, (12, 13), bold=True, italic=False)
        assert alignment(paragraph) == CENTER
    nation = texts(header.rows[0].cells[1])
    assert nation == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number = header.rows[1].cells[0].paragraphs[0]
    assert number.text == kind.number
    assert_look(number, (13, 13), bold=False, italic=False)
    place = texts(header.rows[1].cells[1])
    if kind.date is None:  # Mẫu 1.9: no place-date line anywhere
        assert place == [] and styled(document, "Place Date") == []
    else:
        assert place == [f"{PLACE}, {kind.date}"]
        assert_look(header.rows[1].cells[1].paragraphs[0], (13, 14), bold=False, italic=True)


@pytest.mark.parametrize("name", NAMES)
def test_type_line_bold_centred_and_the_subject_under_it(
    name: str, documents: dict[str, Any]
) -> None:
    document, kind = documents[name], KINDS[name]
    if kind.type is None:  # công văn: no type line, no subject under it (Mẫu 1.5)
        assert styled(document, "Document Type") == styled(document, "Subject") == []
        return
    (type_line,) = styled(document, "Document Type")
    assert type_line.text == kind.type
    assert_look(type_line, (13, 14), bold=True, italic=False)
    assert alignment(type_line) == CENTER
    (subject,) = styled(document, "Subject")
    assert subject.text and not subject.text.startswith("V/v")
    assert_look(subject, (13, 14), bold=True, italic=False)
    assert alignment(subject) == CENTER


@pytest.mark.parametrize("name", DECISIONS)
def test_authority_line_căn_cứ_and_opening(name: str, documents: dict[str, Any]) -> None:
    document, kind = documents[name], KINDS[name]
    authority = styled(document, "Authority")
    assert tuple(p.text for p in authority) == kind.authority
    for paragraph in authority:
        assert paragraph.text == paragraph.text.upper()
        assert_look(paragraph, (13, 14), bold=True, italic=False)
        assert alignment(paragraph) == CENTER
    bases = styled(document, "Basis")
    assert len(bases) >= 3
    for paragraph in bases:  # each its own paragraph, italic, ";" after each, "." after the last
        assert paragraph.text.startswith(("Căn cứ ", "Theo đề nghị của ", "Xét "))
        assert paragraph.text.endswith("." if paragraph is bases[-1] else ";"), paragraph.text
        assert_look(paragraph, (13, 14), bold=False, italic=True)
        assert alignment(paragraph) == JUSTIFY
        assert paragraph_value(paragraph, lambda f: f.first_line_indent) >= Mm(10)
    opening = find(document, kind.opening or "")
    assert opening.style.name == "Opening"
    assert_look(opening, (13, 14), bold=True, italic=False)
    assert alignment(opening) == CENTER
    order = elements(document)
    assert order.index(authority[-1]._p) < order.index(bases[0]._p)
    assert order.index(bases[-1]._p) < order.index(opening._p)


def test_the_council_session_line_under_the_authority_line(documents: dict[str, Any]) -> None:
    """KHÓA …, KỲ HỌP THỨ … (practice, not in Mẫu 1.1): bold, centred, right under it."""
    document = documents["nghi-quyet"]
    (session,) = styled(document, "Session")
    assert session.text == "KHÓA I, KỲ HỌP THỨ 4"
    assert_look(session, (13, 14), bold=True, italic=False)
    assert alignment(session) == CENTER
    paragraphs = all_paragraphs(document)
    assert paragraphs[elements(document).index(session._p) - 1].style.name == "Authority"
    assert all(styled(documents[n], "Session") == [] for n in NAMES if n != "nghi-quyet")


@pytest.mark.parametrize("name", DECISIONS)
def test_articles_have_a_bold_label_and_regular_text(name: str, documents: dict[str, Any]) -> None:
    articles = [p for p in body(documents[name]) if re.match(r"Điều \d+\.", p.text)]
    numbers = [int(re.match(r"Điều (\d+)\.", p.text).group(1)) for p in articles]  # type: ignore[union-attr]
    assert numbers == list(range(1, KINDS[name].articles + 1))
    for paragraph, number in zip(articles, numbers, strict=True):
        runs = text_runs(paragraph)
        leading = list(takewhile(lambda r, p=paragraph: is_bold(r, p), runs))
        assert "".join(r.text for r in leading).strip() == f"Điều {number}.", paragraph.text
        rest = runs[len(leading)]  # the article's text after its label: regular
        assert rest.text.strip() and not is_bold(rest, paragraph), paragraph.text
        assert not any(is_italic(r, paragraph) for r in text_runs(paragraph))
        assert alignment(paragraph) == JUSTIFY
        assert paragraph_value(paragraph, lambda f: f.first_line_indent) >= Mm(10)


def test_a_letter_has_its_subject_under_its_number_not_bold(documents: dict[str, Any]) -> None:
    """Mẫu 1.5: "V/v …" at ô 5b, in the header's left cell under "Số: …", 12–13 pt upright."""
    header = documents["cong-van"].tables[0]
    number, subject = header.rows[1].cells[0].paragraphs
    assert number.text == "Số: 36/UBND-VHXH"
    assert subject.text == (
        "V/v đôn đốc tổ chức tập huấn kỹ năng số và hướng dẫn người dân sử dụng dịch vụ công "
        "trực tuyến"
    )
    assert_look(subject, (12, 13), bold=False, italic=False)
    assert alignment(subject) == CENTER


@pytest.mark.parametrize("name", [n for n in NAMES if KINDS[n].to])
def test_kính_gửi(name: str, documents: dict[str, Any]) -> None:
    document, kind = documents[name], KINDS[name]
    if len(kind.to) == 1:  # one recipient: inline, upright
        to = find(document, kind.to[0])
        assert to.style.name == "To"
        assert_look(to, (13, 14), bold=False, italic=False)
        assert styled(document, "To Heading") == styled(document, "To List") == []
    else:  # several: "Kính gửi:" then a "- …;" line each, dashes aligned under the colon
        heading = find(document, kind.to[0])
        assert heading.style.name == "To Heading"
        lines = styled(document, "To List")
        assert tuple(p.text for p in lines) == kind.to[1:]
        indent = paragraph_value(heading, lambda f: f.left_indent)
        for paragraph in [heading, *lines]:
            assert_look(paragraph, (13, 14), bold=False, italic=False)
            assert alignment(paragraph) == LEFT
        for paragraph in lines:
            assert paragraph_value(paragraph, lambda f: f.left_indent) > indent
            assert not paragraph_value(paragraph, lambda f: f.first_line_indent)
    assert (
        styled(document, "Recipients")[0].text == "- Như trên;"
    )  # "Như trên" stands for the Kính gửi (PL I, II.9.b)
    order = elements(document)
    last = order.index(find(document, kind.to[-1])._p)
    assert order[last + 1] is body(document)[0]._p  # between the subject and the body


def test_no_kính_gửi_where_the_kind_has_none(documents: dict[str, Any]) -> None:
    for name in NAMES:
        if not KINDS[name].to:
            assert not any(p.text.startswith("Kính gửi") for p in all_paragraphs(documents[name]))


@pytest.mark.parametrize("name", ONE_SIGNER)
def test_one_signature_block_nơi_nhận_left_signer_right(
    name: str, documents: dict[str, Any]
) -> None:
    ((authority_lines, name_text),) = KINDS[name].signers
    table = layout(documents[name], "Signature Block")
    left, right = table.rows[0].cells
    heading, *recipients = left.paragraphs
    assert heading.text == "Nơi nhận:"
    assert_look(heading, (12, 12), bold=True, italic=True)
    assert recipients[-1].text.startswith("- Lưu: ") and recipients[-1].text.endswith(".")
    for paragraph in recipients:
        assert paragraph.text.startswith("- ")
        assert_look(paragraph, (11, 11), bold=False, italic=False)
    authority, signer = right.paragraphs
    assert authority.text == authority_lines
    assert signer.text == name_text
    for paragraph in (authority, signer):
        assert_look(paragraph, (13, 14), bold=True, italic=False)
        assert alignment(paragraph) == CENTER
    assert paragraph_value(signer, lambda f: f.space_before).pt >= 48  # room to sign


def test_a_biên_bản_is_signed_by_thư_ký_and_chủ_tọa_with_nơi_nhận_under_thư_ký(
    documents: dict[str, Any],
) -> None:
    """Mẫu 1.9: THƯ KÝ left, CHỦ TỌA right, no TM./KT.; Nơi nhận under the THƯ KÝ block."""
    document = documents["bien-ban"]
    assert [t.style.name for t in document.tables] == ["Header Block", "Minutes Signature Block"]
    table = layout(document, "Minutes Signature Block")
    (secretary, chair), (recipients, empty) = (row.cells for row in table.rows)
    assert texts(secretary) == ["THƯ KÝ", "Nguyễn Thị Thu"]
    assert texts(chair) == ["CHỦ TỌA", "Nguyễn Văn Hùng"]
    for paragraph in [*secretary.paragraphs, *chair.paragraphs]:
        assert_look(paragraph, (13, 14), bold=True, italic=False)
        assert alignment(paragraph) == CENTER
    assert texts(recipients)[0] == "Nơi nhận:"
    assert texts(recipients)[-1] == "- Lưu: VT, Hồ sơ."
    assert texts(empty) == []
    facts = [p.text.split(":")[0] for p in body(document) if ":" in p.text[:40]][:6]
    assert facts == [  # the fact lines of Mẫu 1.9, in its order
        "Thời gian bắt đầu",
        "Địa điểm",
        "Thành phần tham dự",
        "Chủ trì (chủ toạ)",
        "Thư ký (người ghi biên bản)",
        "Nội dung (theo diễn biến cuộc họp)",
    ]
    assert body(document)[-1].text.startswith("Cuộc họp kết thúc vào ")


def test_a_liên_tịch_document_has_both_signers_side_by_side(documents: dict[str, Any]) -> None:
    """No sample in ND30 (practice): the second agency's signer left, the first's right, the
    Nơi nhận under them."""
    document = documents["nghi-quyet-lien-tich"]
    table = layout(document, "Joint Signature Block")
    (left, right), (recipients, empty) = (row.cells for row in table.rows)
    (left_signer, right_signer) = KINDS["nghi-quyet-lien-tich"].signers
    for cell, (authority_lines, name) in ((left, left_signer), (right, right_signer)):
        authority, signer = cell.paragraphs
        assert (authority.text, signer.text) == (authority_lines, name)
        for paragraph in (authority, signer):
            assert_look(paragraph, (13, 14), bold=True, italic=False)
            assert alignment(paragraph) == CENTER
    assert texts(recipients)[0] == "Nơi nhận:" and texts(empty) == []
    names = [p._p for p in styled(document, "Signer Name")]
    assert names == [left.paragraphs[1]._p, right.paragraphs[1]._p]


def test_a_giấy_mời_follows_the_sequence_of_mẫu_1_7(documents: dict[str, Any]) -> None:
    paragraphs = [p.text for p in body(documents["giay-moi"])]
    opening = f"Ủy ban nhân dân {PLACE} trân trọng kính mời: "
    starts = [opening, "Tới dự ", "Chủ trì: ", "Thời gian: ", "Địa điểm: "]
    for text, start in zip(paragraphs, starts, strict=False):
        assert text.startswith(start), (text, start)
    assert paragraphs[-1].endswith("./.")


def test_a_quyết_định_with_an_appendix(documents: dict[str, Any]) -> None:
    """Mẫu 2.1: its own section numbered from 1; the "(Kèm theo Quyết định …)" line names the
    kind, the number, the date and the agency as the front matter writes them."""
    document = documents["quyet-dinh-phu-luc"]
    assert len(document.sections) == 2
    heading = find(document, "Phụ lục")
    assert_look(heading, (14, 14), bold=True, italic=False)
    title = find(document, "PHÂN BỔ KINH PHÍ HỖ TRỢ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG NĂM 2027")
    assert_look(title, (13, 14), bold=True, italic=False)
    attachment = find(
        document,
        "(Kèm theo Quyết định số 22/QĐ-UBND ngày 15 tháng 01 năm 2027 "
        f"của Ủy ban nhân dân {PLACE})",
    )
    assert_look(attachment, (13, 14), bold=False, italic=True)
    assert alignment(heading) == alignment(title) == alignment(attachment) == CENTER
    find(document, "Đơn vị: Nghìn đồng")
    table = document.tables[-1]
    assert [c.text for c in table.rows[-1].cells][-1] == "13.400"  # (3)=(1)+(2), computed
    article = body(document)[0].text
    assert "102.400.000 đồng" in article and "62.400.000 đồng" in article


def test_the_documents_share_the_kế_hoạch_amounts(documents: dict[str, Any]) -> None:
    """A tờ trình, its nghị quyết, a công văn and a biên bản cite the kế hoạch's table."""
    printed = {n: "\n".join(p.text for p in body(documents[n])) for n in NAMES}
    total = "1.400.000.000 đồng (Một tỷ, bốn trăm triệu đồng)"
    for name in ("ke-hoach", "to-trinh", "nghi-quyet", "bien-ban"):
        assert total in printed[name], name
    assert "ngân sách xã 600.000.000 đồng" in printed["to-trinh"]
    assert "60.000.000 đồng cho tập huấn kỹ năng số" in printed["cong-van"]
    assert "Tổng kinh phí năm 2027 theo Kế hoạch là 1.400.000.000 đồng" in printed["bao-cao"]


@pytest.mark.parametrize("name", NAMES)
def test_body_paragraphs_are_justified_with_a_first_line_indent_and_end_with_the_mark(
    name: str, documents: dict[str, Any]
) -> None:
    paragraphs = body(documents[name])
    assert len(paragraphs) >= 3
    for paragraph in paragraphs:
        for size, _bold, _italic in look(paragraph):
            assert size is not None and 13 <= size <= 14
        assert alignment(paragraph) == JUSTIFY
        assert Mm(10) <= paragraph_value(paragraph, lambda f: f.first_line_indent) <= Mm(12.7)
    assert paragraphs[-1].text.endswith("./.")


# ---- the PDF: positions on the rendered page ----


@dataclass(frozen=True)
class Box:
    """Words on a page, in points from the top left corner."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def baseline(self) -> float:
        """Poppler's box spans the font's ascent and descent (Times: 0,891 and 0,216 em)."""
        return self.y0 + (self.y1 - self.y0) * 0.891 / 1.107


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def union(words: list[Box]) -> Box:
    return Box(
        words[0].page,
        " ".join(w.text for w in words),
        min(w.x0 for w in words),
        min(w.y0 for w in words),
        max(w.x1 for w in words),
        max(w.y1 for w in words),
    )


@dataclass(frozen=True)
class Layout:
    """A PDF's text as poppler lays it out: lines of words, page by page, in reading order."""

    lines: list[list[Box]]

    @classmethod
    def read(cls, pdf: Path) -> Layout:
        out = subprocess.run(
            ["pdftotext", "-bbox-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        ns = "{http://www.w3.org/1999/xhtml}"
        lines: list[list[Box]] = []
        root = ElementTree.fromstring(out)
        for number, page in enumerate(root.iter(f"{ns}page"), start=1):
            for line in page.iter(f"{ns}line"):
                words = [
                    Box(number, normal(w.text or ""), *(float(w.get(k, 0)) for k in XY))
                    for w in line.iter(f"{ns}word")
                ]
                if any(w.text for w in words):
                    lines.append([w for w in words if w.text])
        return cls(lines)

    def phrases(self, text: str) -> Iterator[Box]:
        """Every place `text` stands on one line, as one box."""
        wanted = normal(text).split()
        for line in self.lines:
            for start in range(len(line) - len(wanted) + 1):
                if [w.text for w in line[start : start + len(wanted)]] == wanted:
                    yield union(line[start : start + len(wanted)])

    def phrase(self, text: str) -> Box:
        found = list(self.phrases(text))
        assert len(found) == 1, f"{text!r} is {len(found)} times on the pages"
        return found[0]

    def paragraph(self, text: str, after: Box | None = None) -> list[Box]:
        """The lines a paragraph of `text` was broken into, in order; the first such paragraph
        below `after`, when given."""
        target = normal(text)
        boxes = [union(line) for line in self.lines]
        if after is not None:
            boxes = [b for b in boxes if (b.page, b.baseline) > (after.page, after.baseline + 1)]
        for start in range(len(boxes)):
            joined = ""
            for end in range(start, len(boxes)):
                joined = f"{joined} {boxes[end].text}".strip()
                if joined == target:
                    return boxes[start : end + 1]
                if not target.startswith(joined):
                    break
        raise AssertionError(f"{text!r} is not on the pages")


XY = ("xMin", "yMin", "xMax", "yMax")


@pytest.fixture(scope="session")
def pdfs(kinds_built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example rendered by LibreOffice, in one run; skipped where it is not installed."""
    rendered = to_pdf(kinds_built.values(), tmp_path_factory.mktemp("kinds-pdf"), timeout=600)
    return dict(zip(kinds_built, rendered, strict=True))


@pytest.fixture(scope="session")
def layouts(pdfs: dict[str, Path]) -> dict[str, Layout]:
    return {name: Layout.read(pdf) for name, pdf in pdfs.items()}


def text_column(document: Any) -> tuple[float, float]:
    """The left and right edges of page 1's text, in points."""
    section = document.sections[0]
    return Length(section.left_margin).pt, Length(section.page_width - section.right_margin).pt


@pytest.mark.parametrize("name", NAMES)
def test_pdf_centred_lines_sit_on_the_middle_of_the_text_column(
    name: str, documents: dict[str, Any], layouts: dict[str, Layout]
) -> None:
    document, page = documents[name], layouts[name]
    left, right = text_column(document)
    centred = ["Document Type", "Subject", "Authority", "Session", "Opening"]
    checked = 0
    cursor = page.phrase(KINDS[name].number)  # below the header
    for paragraph in all_paragraphs(document):
        if paragraph.style.name in centred:
            for line in page.paragraph(paragraph.text, after=cursor):
                assert abs(line.middle - (left + right) / 2) <= TOLERANCE, line
                checked += 1
                cursor = line
    assert checked >= (0 if KINDS[name].type is None else 2)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_header_agency_beside_the_national_title_number_level_with_place_date(
    name: str, layouts: dict[str, Layout]
) -> None:
    page, kind = layouts[name], KINDS[name]
    nation = page.phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = page.phrase("Độc lập - Tự do - Hạnh phúc")
    agency = [b for b in page.phrases("XÃ NGUYỄN LƯƠNG BẰNG") if b.page == 1 and b.y0 < 200]
    assert agency
    first = agency[0]
    assert first.x1 < nation.x0  # two columns: the agency left, the Quốc hiệu right
    top = page.paragraph("HỘI ĐỒNG NHÂN DÂN" if name == "nghi-quyet" else "ỦY BAN NHÂN DÂN")[0]
    assert abs(top.baseline - nation.baseline) <= 1  # both on the first line of page 1
    assert nation.page == motto.page == 1 and nation.baseline < motto.baseline
    assert abs(nation.middle - motto.middle) <= TOLERANCE
    number = page.phrase(kind.number)
    assert number.y0 > agency[-1].y1  # under the agency (ô 3 under ô 2)
    assert abs(number.middle - first.middle) <= TOLERANCE  # centred under it
    if kind.date is None:  # Mẫu 1.9: nothing beside the number
        beside = [
            b
            for b in map(union, page.lines)
            if b.page == number.page and abs(b.baseline - number.baseline) <= 2
        ]
        assert [b.text for b in beside] == [kind.number]
    else:
        place = page.phrase(f"{PLACE}, {kind.date}")
        assert abs(place.baseline - number.baseline) <= 1  # ô 4 level with ô 3
        assert abs(place.middle - nation.middle) <= TOLERANCE  # centred under the Quốc hiệu
        assert place.x0 > number.x1


def test_pdf_a_letter_has_its_subject_under_its_number_in_the_left_column(
    layouts: dict[str, Layout], documents: dict[str, Any]
) -> None:
    page = layouts["cong-van"]
    number = page.phrase("Số: 36/UBND-VHXH")
    nation = page.phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    subject = documents["cong-van"].tables[0].rows[1].cells[0].paragraphs[1].text
    lines = page.paragraph(subject)
    assert lines[0].text.startswith("V/v ") and len(lines) >= 2  # it wraps inside the cell
    for line in lines:
        assert line.y0 >= number.y1 - 1
        assert abs(line.middle - number.middle) <= TOLERANCE
        assert line.x1 < nation.x0
    heading = page.phrase("Kính gửi:")
    dashes = [page.phrase(text) for text in KINDS["cong-van"].to[1:]]
    assert heading.y0 > lines[-1].y1
    assert len({round(d.x0) for d in dashes}) == 1  # the dashes aligned with each other
    assert dashes[0].x0 > heading.x0 + 20  # under the colon, further in than "Kính gửi:"


def assert_not_alone(page: Layout, top: Box) -> None:
    """The signature block, whose first line is `top`, is not alone on its page: body text
    stands above it (a page number alone does not count)."""
    above = [b for b in map(union, page.lines) if b.page == top.page and b.y1 < top.y0]
    assert [b for b in above if not b.text.isdigit()], f"the signature is alone on page {top.page}"


def signature_parts(page: Layout, authority: str, name: str) -> tuple[Box, Box]:
    """The first 7a line and the signer's name: the nearest one above it on its page."""
    signer = page.phrase(name)
    above = [
        box
        for box in page.phrases(authority.split("\n")[0])
        if box.page == signer.page and box.y1 <= signer.y0
    ]
    assert above, f"no {authority!r} above {name!r}"
    return max(above, key=lambda box: box.y0), signer


@pytest.mark.parametrize("name", ONE_SIGNER)
def test_pdf_signer_right_of_nơi_nhận_level_with_its_heading(
    name: str, documents: dict[str, Any], layouts: dict[str, Layout]
) -> None:
    page = layouts[name]
    ((authority_lines, signer_name),) = KINDS[name].signers
    heading = page.phrase("Nơi nhận:")
    assert abs(heading.x0 - text_column(documents[name])[0]) <= 1  # flush with the body
    authority, signer = signature_parts(page, authority_lines, signer_name)
    assert heading.page == authority.page == signer.page
    assert abs(heading.baseline - authority.baseline) <= 2  # "Nơi nhận:" level with 7a
    assert signer.x0 > heading.x1 and authority.x0 > heading.x1
    assert abs(signer.middle - authority.middle) <= TOLERANCE
    assert signer.y0 - authority.y1 >= 48  # room to sign
    assert_not_alone(page, authority)


def test_pdf_biên_bản_thư_ký_left_chủ_tọa_right_at_one_height(
    layouts: dict[str, Layout],
) -> None:
    page = layouts["bien-ban"]
    (secretary, secretary_name), (chair, chair_name) = KINDS["bien-ban"].signers
    left, left_name = signature_parts(page, secretary, secretary_name)
    right, right_name = signature_parts(page, chair, chair_name)
    assert left.x1 < right.x0 and left_name.x1 < right_name.x0
    assert abs(left.baseline - right.baseline) <= 1
    assert abs(left_name.baseline - right_name.baseline) <= 1
    assert abs(left.middle - left_name.middle) <= TOLERANCE
    assert abs(right.middle - right_name.middle) <= TOLERANCE
    assert_not_alone(page, left)
    heading = page.phrase("Nơi nhận:")
    assert heading.y0 > left_name.y1  # below the THƯ KÝ block, not level with its title
    assert heading.x1 < right.x0


def test_pdf_liên_tịch_two_signers_at_one_height(layouts: dict[str, Layout]) -> None:
    page = layouts["nghi-quyet-lien-tich"]
    (left_lines, left_name), (right_lines, right_name) = KINDS["nghi-quyet-lien-tich"].signers
    left, left_signer = signature_parts(page, left_lines, left_name)
    right, right_signer = signature_parts(page, right_lines, right_name)
    assert left.x1 < right.x0 and left_signer.x1 < right_signer.x0
    assert abs(left.baseline - right.baseline) <= 1
    assert abs(left_signer.baseline - right_signer.baseline) <= 1
    assert_not_alone(page, left)
    heading = page.phrase("Nơi nhận:")
    assert heading.y0 > left_signer.y1  # the Nơi nhận under both blocks
    assert page.phrase("ỦY BAN MTTQ VIỆT NAM").x1 < page.phrase("Độc lập - Tự do - Hạnh phúc").x0
