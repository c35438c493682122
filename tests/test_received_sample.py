"""The sample report as received, checked as it came: `baocao soat` on its text and on its DOCX
finds every error `baocao check` finds on tests/fixtures/as-received, and nothing else; after
`baocao nhap`, `baocao check` finds them again, and once they are fixed the document builds.

check's errors on the fixture (tests/test_sample_as_received.py) are each tied to a place of the
received text by the words of the fixture's line; soat must report a problem there with the same
figures (the amount and its words, the sums: "cột (4): ghi 10.960, tổng các mục con là 11.070",
"cộng lại là 11.170.000.000 đồng (chênh 210.000.000 đồng)") and no problem elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import build_document, check_document
from baocao.cli import main
from baocao.parse.syntax import TAG, cells_at
from baocao.problems import Code, Problem
from baocao.received.nhap.folder import import_docx
from baocao.received.read.blocks import Received, plain
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from conftest import ROOT
from received_docx import SEED, received_docx

AS_RECEIVED = ROOT / "tests" / "fixtures" / "as-received"
# A figure of a message: two digits or more, not in an id ("tong-2027") nor a column's "(1)".
FIGURE = re.compile(r"(?<![\w.,-])\d[\d.,]*\d")


@pytest.fixture(scope="module")
def checked() -> list[Problem]:
    """What check finds on the as-received fixture: its errors (the warning is about the
    fixture's front matter, which the received text has no counterpart of)."""
    return [p for p in check_document(AS_RECEIVED) if not p.warning]


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return received_docx(tmp_path_factory.mktemp("received") / "bao-cao-nhan-duoc.docx")


def needle(problem: Problem) -> str:
    """The words that find a check problem's place in the received document: a table row's
    name (or its first cell when it has none), a paragraph's words without tags or marks."""
    line = problem.position.path.read_text(encoding="utf-8").split("\n")[problem.position.line - 1]
    if line.startswith("|"):
        cells = [text for text, _ in cells_at(line)]
        name = cells[1] if len(cells) > 1 and cells[1] else cells[0]
        return plain(TAG.sub("", name))[:40]
    return plain(TAG.sub("", line)).lstrip("-+ ")


def figures(problem: Problem) -> set[str]:
    """The figures a problem states (what was typed, what it adds up to): soat's problem at the
    same place must state them too."""
    return set(FIGURE.findall(problem.message))


def at(received: Received, problems: list[Problem], words: str) -> list[Problem]:
    return [p for p in problems if words in plain(received.texts.get(p.position.line, ""))]


def same_errors(received: Received, found: list[Problem], checked: list[Problem]) -> None:
    """Every check error found at its place with its figures; no problem anywhere else."""
    matched: set[int] = set()
    for problem in checked:
        here = at(received, found, needle(problem))
        assert here, f"nothing reported where check says: {problem}"
        said = set().union(*(figures(p) for p in here))
        assert figures(problem) <= said, (problem, said)
        matched |= {p.position.line for p in here}
    extra = [p for p in found if p.position.line not in matched]
    assert extra == [], [received.first_words(p.position.line) for p in extra]


def test_soat_on_the_text_reports_what_check_reports(checked: list[Problem]) -> None:
    received = read_received(SEED)
    found = check_received(received).problems
    same_errors(received, found, checked)
    (cells,) = at(received, found, "e(các nội dung chi khác")
    assert cells.code == codes.RECEIVED_SHORT_ROW  # 7 cells of 8: which figure is whose?


def test_soat_on_the_docx_reports_what_check_reports(
    checked: list[Problem], docx_file: Path
) -> None:
    received = read_received(docx_file)
    assert received.kind == "docx"
    found = check_received(received).problems
    same_errors(received, found, checked)
    (glued,) = at(received, found, "e(các nội dung chi khác")
    assert received.place(glued.position.line) == "bảng 3, dòng 46"
    assert glued.code == codes.RECEIVED_GLUED_CODE  # the merged cell, understood
    assert "“e”" in glued.message  # the code it reads in the merged cell


def test_the_total_210_short_is_a_warning_naming_both_sums(docx_file: Path) -> None:
    received = read_received(docx_file)
    (total,) = [p for p in check_received(received).problems if p.warning]
    assert total.code == codes.STATED_TOTAL
    assert received.place(total.position.line) == "đoạn 88"
    # the total as typed, its 15 items' sum, the gap
    assert figures(total) == {"10.960.000.000", "15", "11.170.000.000", "210.000.000"}


# FILE:PLACE: CODE [cảnh báo: ]“first words”: message
PRINTED = re.compile(
    r"(?P<file>.+?):(?P<place>\d+:\d+|đoạn \d+|bảng \d+, dòng \d+): (?P<code>BC\d{3}) "
    r"(?P<warning>cảnh báo: )?“(?P<words>[^”]*)”: \S.*"
)
WORDS = (codes.WORDS_MISMATCH.code, None)  # the build path's check of amounts in words
SUM = (codes.PARENT_SUM.code, None)


def codes_of(glued: Code) -> list[tuple[str, str | None]]:
    """What soat finds in the sample, in order; the row whose code swallowed its name is found
    as `glued`: 7 cells for 8 columns in the text, a merged cell in the DOCX."""
    return [
        WORDS,  # 300.000.000 đồng (Hai trăm triệu đồng)
        (codes.STATED_TOTAL.code, "cảnh báo: "),  # 10.960 in words, 11.170 in section IV's items
        SUM,  # (A+B)
        SUM,  # A
        (glued.code, None),  # e(các nội dung…
        SUM,  # III
        SUM,  # III.b
        SUM,  # IV
    ]


# the places of each: the words' column, the total's figure after "**", each table row's first
# wrong figure, the short row's whole line
TEXT_PLACES = ["113:45", "179:181", "251:32", "252:40", "295:1", "296:40", "301:157", "324:30"]
DOCX_PLACES = ["đoạn 55", "đoạn 88"] + [f"bảng 3, dòng {n}" for n in (4, 5, 46, 47, 51, 73)]


def test_baocao_soat_prints_places_and_first_words_and_changes_nothing(
    docx_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (SEED, docx_file)}
    assert main(["soat", str(SEED), str(docx_file)]) == 1
    out, err = capsys.readouterr()
    printed = [PRINTED.fullmatch(line) for line in out.splitlines()]
    assert all(printed), out
    found = [(Path(m["file"]).name, m["place"], m["code"], m["warning"]) for m in printed if m]
    assert found == [
        *[
            (SEED.name, place, *code)
            for place, code in zip(TEXT_PLACES, codes_of(codes.RECEIVED_SHORT_ROW), strict=True)
        ],
        *[
            (docx_file.name, place, *code)
            for place, code in zip(DOCX_PLACES, codes_of(codes.RECEIVED_GLUED_CODE), strict=True)
        ],
    ]
    assert err == "Có 14 lỗi và 2 cảnh báo.\n"
    assert [m["words"] for m in printed if m and m["place"] in ("113:45", "đoạn 55")] == [
        "+ Kinh phí đề xuất: 300.000.000 đồng (Hai…"
    ] * 2
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (SEED, docx_file)}
    assert after == before


def test_nhap_then_check_reports_what_soat_found(
    checked: list[Problem], docx_file: Path, tmp_path: Path
) -> None:
    folder = import_docx(docx_file, tmp_path / "content", "bao-cao-nhan-duoc")
    problems = check_document(folder)
    errors = [p for p in problems if not p.warning]
    assert len(errors) == len(checked) - 1  # the total row's two lines are one here
    for problem in checked:
        words = needle(problem)
        here = [e for e in errors if words in _line(e)]
        assert here, f"check after nhap misses: {problem}"
        said = set().union(*(figures(e) for e in here))
        assert figures(problem) <= said, (problem, said)
    warned = [p for p in problems if p.warning and p.code != codes.UNACCOUNTED_AMOUNT]
    (sent_up,) = warned  # "(b/c)" without Kính gửi, as before; its typed figures aside (BC508)
    assert sent_up.code == codes.UPWARD_WITHOUT_TO
    assert "(b/c)" in _line(sent_up)


def _line(problem: Problem) -> str:
    text = problem.position.path.read_text(encoding="utf-8").split("\n")
    return plain(TAG.sub("", text[problem.position.line - 1]))


def test_nhap_writes_the_frame_as_front_matter(docx_file: Path, tmp_path: Path) -> None:
    folder = import_docx(docx_file, tmp_path / "content", "bao-cao-nhan-duoc")
    assert sorted(p.name for p in folder.iterdir()) == [
        "00-mo-dau.md",
        "01-danh-gia-tinh-hinh.md",
        "02-tinh-hinh-phan-bo.md",
        "03-kho-khan-vuong-mac.md",
        "04-dinh-huong-hoat-dong.md",
        "05-kinh-phi-de-xuat.md",
        "06-to-chuc-thuc-hien.md",
        "90-phu-luc.md",
    ]
    opening = (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    front = opening.split("---")[1]
    for line in [
        "co_quan:\n  - ỦY BAN NHÂN DÂN\n  - XÃ NGUYỄN LƯƠNG BẰNG",
        "so:\nky_hieu: BC-UBND\ndia_danh: Xã Nguyễn Lương Bằng\nngay: 2026-07\nloai: BÁO CÁO",
        "trich_yeu: Thực hiện kế hoạch KH,CN,ĐMST&CĐS năm 2026 và xây dựng kế hoạch",
        "  quyen_han:\n    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n  chuc_vu: PHÓ CHỦ TỊCH\n"
        "  ho_ten: Đoàn Văn Cát",
        '  - Các phòng chuyên môn thuộc xã\n  - "Lưu: VT, VHXH"',
        "  kem_theo: (Kèm theo Báo cáo số /BC-UBND, ngày /7/2026 của Ủy ban nhân dân xã "
        "Nguyễn Lương Bằng)",  # as typed: it differs from the line baocao would write
    ]:
        assert line in front
    table = (folder / "90-phu-luc.md").read_text(encoding="utf-8")
    assert "Đơn vị: Triệu đồng {#bang-3}\n| TT | NỘI DUNG | KP KH, CN, ĐMST&CDS" in table
    assert "| < | < | DỰ TOÁN KINH PHÍ" in table  # the merged header cells
    assert "| ^ | ^ | TỔNG CỘNG | KINH PHÍ GIẢI NGÂN ĐẾN 30/6 |" in table
    assert "| A | B | (1)=(2)+(3) | (2) | (3) | (4) | (5) | (6) |" in table
    assert "| = | Kinh phí KHCN, ĐMST&CDS (A+B) | 390 | 73 | 390 | 10.960 | 0 | 0 |" in table
    assert "| +IV | Hỗ trợ đối với người làm công tác chuyên trách" in table
    prose = (folder / "04-dinh-huong-hoat-dong.md").read_text(encoding="utf-8")
    assert "+ *Kinh phí đề xuất:* **300.000.000 đồng{#kp-1-3}** (Hai trăm triệu đồng)." in prose


FIXES = [  # what an editor changes after reading check's messages
    ("04-dinh-huong-hoat-dong.md", "{#kp-1-3}** (Hai trăm", "{#kp-1-3}** (Ba trăm"),
    ("05-kinh-phi-de-xuat.md", "10.960.000.000", "11.170.000.000"),
    ("05-kinh-phi-de-xuat.md", "Mười tỷ, chín trăm sáu mươi", "Mười một tỷ, một trăm bảy mươi"),
    # the 2026 allocation is a total itemised in part: its rest is "?"; (3) was 390 for 317
    ("90-phu-luc.md", "| 390 | 73 | 390 | 10.960 | 0 | 0 |\n",
     "| 390 | 73 | 317 |  | 0 | 0 |\n| + | Chưa chi tiết | ? | ? | ? |  |  |  |\n"),
    # the parents typed wrong: left empty, baocao adds them up
    ("90-phu-luc.md", "(I+II+III+IV) | 0 | 0 | 0 | 0 | 0 | 0 |",
     "(I+II+III+IV) |  |  |  |  |  |  |"),
    ("90-phu-luc.md", "(Khoản 111) | 0 | 0 | 0 | 650 |", "(Khoản 111) | 0 | 0 | 0 |  |"),
    ("90-phu-luc.md", "hiệu suất công nghệ |  |  |  | 100 |", "hiệu suất công nghệ |  |  |  |  |"),
    ("90-phu-luc.md", "(Khoản 121) | 0 | 0 | 0 | 10.310 |", "(Khoản 121) |  | 0 |  |  |"),
    ("90-phu-luc.md", "| e(các nội dung", "| e | (các nội dung"),
    ("90-phu-luc.md", "đổi mới sáng tạo) |  |  |  |  |  |  |  |\n",
     "đổi mới sáng tạo) |  |  |  |  |  |  |\n"),  # the cell the code and the name shared
]  # fmt: skip


def test_once_fixed_the_imported_report_builds(docx_file: Path, tmp_path: Path) -> None:
    folder = import_docx(docx_file, tmp_path / "content", "bao-cao-nhan-duoc")
    for name, old, new in FIXES:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    problems = check_document(folder)
    assert [p for p in problems if not p.warning] == []
    built = build_document(folder, tmp_path / "output")
    assert built.target.is_file()
