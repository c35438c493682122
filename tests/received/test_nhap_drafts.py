"""`baocao nhap`: what a received DOCX leaves to the editor — its date, its prose totals.

A DOCX whose header gives no date (no place-date line, or one whose date cannot be read) is
dated as `baocao new` dates a draft, this year and month, its day left "…" ("2027-03-…"): check
reports the "…" at that line as a draft problem (an error for check, a warning for a build), the
build prints the blanks an office fills by hand. A date given in part ("ngày     tháng 7 năm
2026") comes through as typed, and checks clean; a date that does not exist is kept as typed
and refused at its line, as any figure the DOCX gets wrong.

A prose total that soat only warns about ("tổng kinh phí" against the amounts listed in its
section) is written as a relation, `{#kp-1 = kp-1-*}`, and check states it as an error until
the editor corrects the figure or deletes the sum (docs/huong-dan-bien-tap.md, section 11).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.build import build_document, check_document
from baocao.cli import main
from baocao.parse.frontmatter import FrontMatterReader
from baocao.problems import ContentErrors, Problem
from baocao.received.nhap.folder import import_docx
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from baocao.review.textconv import docx_text

TODAY = datetime.date(2027, 3, 9)
BLANK = "\u00a0" * 3  # what the date line prints for a day or month left to fill
NO_LINE = None


def report(
    path: Path, place_date: str | None, body: list[str] | None = None, after: tuple[str, ...] = ()
) -> Path:
    """A report typed in Word as paragraphs, with `place_date` as its place-date line (none:
    NO_LINE), `body` under its headings ("# …" a bold heading), `after` after its signature."""
    document = docx.Document()
    header = ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    header += ["Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND"]
    header += [place_date] if place_date is not None else []
    for line in [*header, "BÁO CÁO", "Kết quả quý I năm 2027"]:
        document.add_paragraph(line)
    for line in body or ["# I. KẾT QUẢ", "Đã hoàn thành kế hoạch quý I."]:
        if line.startswith("# "):
            document.add_paragraph(line[2:]).runs[0].bold = True
        else:
            document.add_paragraph(line)
    for line in ["Nơi nhận:", "- UBND huyện;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]:
        document.add_paragraph(line)
    for line in ["Lê Văn Bình", *after]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def imported(
    tmp_path: Path,
    place_date: str | None,
    body: list[str] | None = None,
    after: tuple[str, ...] = (),
) -> Path:
    source = report(tmp_path / "bc.docx", place_date, body, after)
    return import_docx(source, tmp_path / "content", "bc", today=TODAY)


def front_line(folder: Path, key: str) -> tuple[int, str]:
    """The line number and the text of `key:` in 00-mo-dau.md."""
    lines = (folder / "00-mo-dau.md").read_text(encoding="utf-8").split("\n")
    return next((k, line) for k, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))


def seen(problems: list[Problem]) -> list[tuple[str, int, int, str, bool]]:
    """Each problem as (file, line, column, code, warning)."""
    return [
        (p.position.path.name, p.position.line, p.position.column, str(p.code), p.warning)
        for p in problems
    ]


def printed_date(folder: Path, output: Path) -> str:
    """The place-date line of the DOCX the folder builds to."""
    text = docx_text(build_document(folder, output).target)
    return next(
        cell.strip() for line in text.split("\n") for cell in line.split("|") if "năm" in cell
    )


# ---------------------------------------------------------------------------------------------
# The date


@pytest.mark.parametrize(
    "place_date",
    [
        "An Bình, ngày … tháng … năm …",  # the form's blanks, never filled
        "An Bình, ngày ... tháng ... năm 20..",  # dots, a year half typed
        "An Bình, ngày     tháng     năm",  # spaces left for the whole date
    ],
)
def test_a_place_date_line_without_a_date_keeps_its_place_and_dates_a_draft(
    place_date: str, tmp_path: Path
) -> None:
    folder = imported(tmp_path, place_date)
    assert front_line(folder, "dia_danh")[1] == "dia_danh: An Bình"
    line, text = front_line(folder, "ngay")
    assert text == "ngay: 2027-03-…"  # this month, as `baocao new` dates a draft; the day to fill
    day = len("ngay: 2027-03-") + 1
    assert seen(check_document(folder)) == [("00-mo-dau.md", line, day, "BC610", False)]
    built = build_document(folder, tmp_path / "output")
    assert seen(built.warnings) == [("00-mo-dau.md", line, day, "BC610", True)]
    assert printed_date(folder, tmp_path / "again") == f"An Bình, ngày {BLANK} tháng 3 năm 2027"


def test_a_header_without_a_place_date_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = imported(tmp_path, NO_LINE)
    place, _ = front_line(folder, "dia_danh")
    line, text = front_line(folder, "ngay")
    assert (place + 1, text) == (line, "ngay: 2027-03-…")
    day = len("ngay: 2027-03-") + 1
    assert seen(check_document(folder)) == [
        ("00-mo-dau.md", place, len("dia_danh: ") + 1, "BC610", False),  # dia_danh: …
        ("00-mo-dau.md", line, day, "BC610", False),  # no longer an error as well
    ]
    content = str(tmp_path / "content")
    assert main(["check", "bc", "--content", content]) == 1
    out, err = capsys.readouterr()
    assert f"00-mo-dau.md:{line}:{day}: BC610 " in out.split("\n")[1]
    assert err == "Có 2 lỗi (2 chỗ “…” chưa điền) và 0 cảnh báo.\n"
    assert main(["build", "bc", "--content", content, "-o", str(tmp_path / "output")]) == 0
    out, err = capsys.readouterr()
    assert f"00-mo-dau.md:{line}:{day}: BC610 cảnh báo: " in err
    assert (tmp_path / "output" / "bc.docx").is_file()
    assert printed_date(folder, tmp_path / "again") == f"…, ngày {BLANK} tháng 3 năm 2027"


def test_the_draft_date_filled_or_left_to_the_signing(tmp_path: Path) -> None:
    folder = imported(tmp_path, "An Bình, ngày … tháng … năm …")
    opening = folder / "00-mo-dau.md"
    text = opening.read_text(encoding="utf-8")
    opening.write_text(text.replace("ngay: 2027-03-…", "ngay: 2027-04-02"), encoding="utf-8")
    assert check_document(folder) == []
    assert printed_date(folder, tmp_path / "filled") == "An Bình, ngày 02 tháng 4 năm 2027"
    opening.write_text(text.replace("ngay: 2027-03-…", "ngay: 2027-04"), encoding="utf-8")
    assert check_document(folder) == []  # the form `baocao new` writes: the day signed by hand
    assert printed_date(folder, tmp_path / "month") == f"An Bình, ngày {BLANK} tháng 4 năm 2027"


def test_an_appendix_s_attachment_line_follows_the_date_once_filled(tmp_path: Path) -> None:
    typed = (
        "(Kèm theo Báo cáo số 12/BC-UBND ngày … tháng … năm 2027 của Ủy ban nhân dân xã An Bình)"
    )
    folder = imported(
        tmp_path, "An Bình, ngày … tháng … năm …", after=("Phụ lục", typed, "DANH SÁCH", "Thôn A.")
    )
    opening = folder / "00-mo-dau.md"
    text = opening.read_text(encoding="utf-8")
    assert "phu_luc" not in text  # the line baocao writes, not the one typed with blanks
    line = "(Kèm theo Báo cáo số 12/BC-UBND ngày {} của Ủy ban nhân dân xã An Bình)"
    built = docx_text(build_document(folder, tmp_path / "draft").target)
    assert line.format(f"{BLANK} tháng 3 năm 2027") in built
    opening.write_text(text.replace("ngay: 2027-03-…", "ngay: 2027-04-02"), encoding="utf-8")
    built = docx_text(build_document(folder, tmp_path / "filled").target)
    assert line.format("02 tháng 4 năm 2027") in built


@pytest.mark.parametrize(
    ("place_date", "written", "printed"),
    [
        ("An Bình, ngày     tháng 7 năm 2026", "ngay: 2026-07", f"ngày {BLANK} tháng 7 năm 2026"),
        (
            "An Bình, ngày     tháng     năm 2026",
            'ngay: "2026"',
            f"ngày {BLANK} tháng {BLANK} năm 2026",
        ),
        ("An Bình, ngày 15 tháng 3 năm 2027", "ngay: 2027-03-15", "ngày 15 tháng 3 năm 2027"),
    ],
)
def test_a_date_given_in_part_comes_through_as_typed(
    place_date: str, written: str, printed: str, tmp_path: Path
) -> None:
    folder = imported(tmp_path, place_date)
    assert front_line(folder, "ngay")[1] == written
    assert check_document(folder) == []
    assert printed_date(folder, tmp_path / "output") == f"An Bình, {printed}"


def test_a_date_that_does_not_exist_is_kept_and_refused_at_its_line(tmp_path: Path) -> None:
    folder = imported(tmp_path, "An Bình, ngày 31 tháng 2 năm 2027")
    line, text = front_line(folder, "ngay")
    assert text == "ngay: 2027-02-31"  # as typed: the DOCX is wrong, not silent
    (problem,) = check_document(folder)
    assert seen([problem]) == [("00-mo-dau.md", line, len("ngay: ") + 1, "BC114", False)]
    assert "ngày 31/2/2027 không có thật" in problem.message
    with pytest.raises(ContentErrors):
        build_document(folder, tmp_path / "output")


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2026-11-…", (2026, 11, None)),
        ("2026-…-…", (2026, None, None)),
        ("2026-11-...", (2026, 11, None)),
        ("2026 - …", (2026, None, None)),
    ],
)
def test_the_reader_takes_a_date_still_to_fill_as_its_parts_written(
    written: str, date: tuple[int, int | None, int | None]
) -> None:
    front = FRONT.replace("{ngay}", written)
    reader = FrontMatterReader(Path("00-mo-dau.md"), front, 2)
    read = reader.read()
    assert reader.problems == [] and read is not None
    assert (read.date.year, read.date.month, read.date.day) == date


def test_a_date_that_is_only_a_placeholder_is_still_refused() -> None:
    reader = FrontMatterReader(Path("00-mo-dau.md"), FRONT.replace("{ngay}", "…"), 2)
    assert reader.read() is None
    (problem,) = reader.problems
    assert problem.position.line == 4 and problem.message.startswith("ngày ban hành: ngày “…”")


FRONT = """co_quan: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
dia_danh: An Bình
ngay: {ngay}
loai: BÁO CÁO
trich_yeu: Kết quả quý I
nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn Bình}
noi_nhan: ["Lưu: VT"]
"""


# ---------------------------------------------------------------------------------------------
# A prose total

TOTAL = [
    "# I. KẾT QUẢ",
    "Mua máy tính: 120.000.000 đồng.",
    "Tập huấn: 150.000.000 đồng.",
    "# II. KINH PHÍ",
    "Tổng kinh phí đã giải ngân: 300.000.000 đồng.",
]
TOTAL_TAGGED = "Tổng kinh phí đã giải ngân: 300.000.000 đồng{#kp-1 = kp-1-*}.\n"


def test_a_prose_total_soat_warns_about_is_an_error_after_nhap(tmp_path: Path) -> None:
    source = report(tmp_path / "bc.docx", "An Bình, ngày 15 tháng 3 năm 2027", TOTAL)
    received = read_received(source)
    (warning,) = check_received(received).problems
    assert (warning.code, warning.warning) == (codes.STATED_TOTAL, True)
    assert received.place(warning.position.line) == "đoạn 13"
    folder = import_docx(source, tmp_path / "content", "bc", today=TODAY)
    assert (folder / "01-ket-qua.md").read_text(encoding="utf-8") == (
        "# I. KẾT QUẢ\n\nMua máy tính: 120.000.000 đồng{#kp-1-1}.\n\n"
        "Tập huấn: 150.000.000 đồng{#kp-1-2}.\n"
    )
    spent = folder / "02-kinh-phi.md"
    assert spent.read_text(encoding="utf-8") == f"# II. KINH PHÍ\n\n{TOTAL_TAGGED}"
    (error,) = check_document(folder)
    assert (error.position.path.name, error.position.line) == ("02-kinh-phi.md", 3)
    assert (error.code, error.warning) == (codes.RELATION_MISMATCH, False)  # a declared sum's
    with pytest.raises(ContentErrors):  # an error, not a draft: the build refuses it too
        build_document(folder, tmp_path / "output")


@pytest.mark.parametrize(
    "confirmed",
    [
        "Tổng kinh phí đã giải ngân: 270.000.000 đồng{#kp-1 = kp-1-*}.\n",  # the figure corrected
        "Tổng kinh phí đã giải ngân: 300.000.000 đồng{#kp-1}.\n",  # not the sum of those items
    ],
)
def test_the_editor_confirms_a_prose_total(confirmed: str, tmp_path: Path) -> None:
    source = report(tmp_path / "bc.docx", "An Bình, ngày 15 tháng 3 năm 2027", TOTAL)
    folder = import_docx(source, tmp_path / "content", "bc", today=TODAY)
    (folder / "02-kinh-phi.md").write_text(f"# II. KINH PHÍ\n\n{confirmed}", encoding="utf-8")
    assert check_document(folder) == []
    assert build_document(folder, tmp_path / "output").warnings == []


def test_a_prose_total_whose_tag_is_deleted_is_a_typed_figure(tmp_path: Path) -> None:
    source = report(tmp_path / "bc.docx", "An Bình, ngày 15 tháng 3 năm 2027", TOTAL)
    folder = import_docx(source, tmp_path / "content", "bc", today=TODAY)
    confirmed = "Tổng kinh phí đã giải ngân: 300.000.000 đồng.\n"  # its tag deleted whole
    (folder / "02-kinh-phi.md").write_text(f"# II. KINH PHÍ\n\n{confirmed}", encoding="utf-8")
    (warning,) = check_document(folder)  # a figure nothing accounts for any more
    assert (warning.code, warning.position.line, warning.position.column) == (
        codes.UNACCOUNTED_AMOUNT,
        3,
        29,
    )
