"""A document folder parsed: its parts in order, the front matter, every problem at file:line."""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from pathlib import Path

import pytest

from baocao import codes
from baocao.parse.blocks import Heading, Item, Paragraph, Text
from baocao.parse.document import find_documents, parse_document
from baocao.parse.frontmatter import AppendixOptions
from baocao.problems import Problem, UsageError

FRONT = """---
co_quan: [ỦY BAN NHÂN DÂN, XÃ A]
ky_hieu: BC-UBND
dia_danh: A
ngay: 2027-01-08
loai: BÁO CÁO
trich_yeu: Về việc thử
nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
noi_nhan: [Như trên, "Lưu: VT"]
---
"""


def places(problems: tuple[Problem, ...]) -> list[tuple[str, str, int, int]]:
    """Each problem as (code, file name, line, column)."""
    return [
        (str(p.code), p.position.path.name, p.position.line, p.position.column) for p in problems
    ]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_is_its_files_in_name_order_with_front_matter_lines_kept(tmp_path: Path) -> None:
    folder = tmp_path / "van-ban"
    write(folder, "02-sau.md", "# II. SAU\n")
    first = write(folder, "01-dau.md", FRONT + "\nĐoạn mở đầu.\n")
    document = parse_document(folder)
    assert document.name == "van-ban"
    assert [b.position.line for b in document.blocks] == [12, 1]
    assert document.blocks[0].position.path == first
    assert document.front.agency == ("ỦY BAN NHÂN DÂN", "XÃ A")
    assert document.front.number_symbol.endswith("/BC-UBND")


def test_front_matter_problems_are_all_collected_at_their_keys(tmp_path: Path) -> None:
    broken = FRONT.replace("dia_danh: A\n", "").replace("ngay: 2027-01-08", "ngay: 2027-02-30")
    broken = broken.replace("loai: BÁO CÁO", "loai: BÁO CÁO\ntrich_yue: sai chính tả")
    path = write(tmp_path / "v", "00.md", broken)
    document = parse_document(tmp_path / "v")
    assert document.front is None
    assert sorted(places(document.problems)) == [
        ("BC111", "00.md", 6, 1),  # the key "trich_yue", a typo
        ("BC112", "00.md", 2, 1),  # dia_danh missing: at the front matter's first line
        ("BC114", "00.md", 4, 7),  # the date's value
    ]
    assert all(p.position.path == path for p in document.problems)
    (typo,) = [p for p in document.problems if p.code == codes.UNKNOWN_KEY]
    assert "có phải “trich_yeu”?" in typo.message


def test_missing_front_matter_and_bad_yaml(tmp_path: Path) -> None:
    write(tmp_path / "a", "00.md", "Chỉ có đoạn văn.\n")
    (problem,) = parse_document(tmp_path / "a").problems
    assert re.fullmatch(
        r".*00\.md:1:1: BC007 tệp đầu tiên phải mở đầu bằng phần đầu YAML.*", str(problem)
    )
    write(tmp_path / "b", "00.md", "---\nco_quan: [a\nky_hieu: x\n---\n")
    assert places(parse_document(tmp_path / "b").problems) == [("BC103", "00.md", 2, 10)]  # "["


def test_front_matter_in_a_later_part_is_refused_at_its_first_line(tmp_path: Path) -> None:
    write(tmp_path / "v", "00.md", FRONT)
    write(tmp_path / "v", "01.md", FRONT)
    assert places(parse_document(tmp_path / "v").problems) == [("BC008", "01.md", 1, 1)]


def test_decomposed_vietnamese_is_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Đoạn văn có dấu: Nguyễn Lương Bằng.")
    write(tmp_path / "v", "00.md", FRONT + "\n" + decomposed + "\n")
    (block,) = parse_document(tmp_path / "v").blocks
    assert block == Paragraph(block.position, (Text("Đoạn văn có dấu: Nguyễn Lương Bằng."),))


def test_non_utf8_file_is_a_problem_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    write(folder, "00.md", FRONT)
    (folder / "01.md").write_bytes(
        "Dòng một\nDòng hai: Hà Nội, ".encode() + "café".encode("latin-1")
    )
    (problem,) = parse_document(folder).problems
    assert re.search(r"01.md:2:22: BC006 tệp không phải UTF-8", str(problem))  # at "é"


def test_find_documents(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for name in ("b-van-ban", "a-van-ban"):
        write(content / name, "00.md", FRONT)
    write(content / "ghi-chu", "doc-truoc.md", "Không phải văn bản: không có phần đánh số.\n")
    write(content / ".an", "00.md", FRONT)  # hidden: no document
    assert [p.name for p in find_documents(content)] == ["a-van-ban", "b-van-ban"]
    assert find_documents(content, ["content/b-van-ban/"])[0].name == "b-van-ban"
    with pytest.raises(UsageError):
        find_documents(content, ["khong-co"])
    (tmp_path / "trong").mkdir()
    with pytest.raises(UsageError):
        find_documents(tmp_path / "trong")  # no documents at all


def test_only_numbered_files_are_parts_other_markdown_is_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    write(folder, "00-mo-dau.md", FRONT + "\nĐoạn mở đầu.\n")
    write(folder, "ghi-chu-doi-chieu.md", "# Ghi chú cho người đọc\n\nKhông in ra.\n")
    document = parse_document(folder)
    assert [(type(b), b.position.path.name) for b in document.blocks] == [
        (Paragraph, "00-mo-dau.md")
    ]
    assert find_documents(tmp_path) == [folder]


def test_words_style_comes_from_the_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a", "00.md", FRONT.replace("---\n", "---\nchu_so: [le, ngan]\n", 1))
    assert parse_document(tmp_path / "a").front.words.names == ("le", "ngan")
    write(tmp_path / "b", "00.md", FRONT.replace("---\n", "---\nchu_so: [le, nhăm]\n", 1))
    (problem,) = parse_document(tmp_path / "b").problems
    assert places((problem,)) == [("BC115", "00.md", 2, 9)]  # the value, "[le, nhăm]"
    assert "nhăm" in problem.message


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("triệu đồng", "Đơn vị: Triệu đồng"),
        ("Đơn vị tính: triệu đồng", "Đơn vị tính: triệu đồng"),
        ("Đơn vị:  Triệu đồng", "Đơn vị: Triệu đồng"),
        ("ĐVT: triệu đồng", "ĐVT: triệu đồng"),
    ],
)
def test_the_appendix_unit_is_handed_on_as_its_line_prints(
    tmp_path: Path, typed: str, line: str
) -> None:
    """`phu_luc.don_vi`, a unit or a whole unit line, as the line above an appendix prints it."""
    given = f'---\nphu_luc:\n  don_vi: "{typed}"\n'  # quoted: YAML reads ": " as a key
    write(tmp_path / "a", "00.md", FRONT.replace("---\n", given, 1))
    assert parse_document(tmp_path / "a").front.appendix.unit_line == line


def test_appendix_options_in_the_front_matter_are_checked(tmp_path: Path) -> None:
    good = FRONT.replace("---\n", "---\nphu_luc:\n  don_vi: triệu đồng\n", 1)
    write(tmp_path / "a", "00.md", good)
    assert parse_document(tmp_path / "a").front.appendix == AppendixOptions(
        unit_line="Đơn vị: Triệu đồng"
    )
    typo = FRONT.replace("---\n", "---\nphu_luc:\n  don_vy: triệu đồng\n", 1)
    write(tmp_path / "b", "00.md", typo)
    (problem,) = parse_document(tmp_path / "b").problems
    assert places((problem,)) == [("BC111", "00.md", 3, 3)]  # the key, indented
    assert "có phải “phu_luc.don_vi”?" in problem.message
    write(tmp_path / "c", "00.md", FRONT.replace("---\n", "---\nphu_luc: có\n", 1))
    (problem,) = parse_document(tmp_path / "c").problems
    assert places((problem,)) == [("BC113", "00.md", 2, 10)]  # the value, "có"
    assert "phải là các khóa don_vi, kem_theo" in problem.message
    landscape = FRONT.replace("---\n", "---\nphu_luc:\n  huong: nghiêng\n", 1)
    write(tmp_path / "d", "00.md", landscape)
    assert places(parse_document(tmp_path / "d").problems) == [("BC116", "00.md", 3, 10)]


def test_a_huge_or_endless_part_is_refused_at_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    write(folder, "00.md", FRONT)
    write(folder, "01-lon.md", "x" * 3_000_000)
    write(folder, "02-dai.md", "x\n" * 25_000)
    problems = parse_document(folder).problems
    assert places(problems) == [("BC005", "01-lon.md", 1, 1), ("BC005", "02-dai.md", 20_001, 1)]
    big, long = problems
    assert big.message.startswith("tệp quá lớn (3,0 MB, giới hạn 2 MB")
    assert long.message.startswith("tệp quá dài (25.000 dòng, giới hạn 20.000)")


def test_each_text_block_is_at_the_column_where_it_begins(tmp_path: Path) -> None:
    body = "\n## **II. Hai**\n\n   Đoạn thụt vào.\n\n- Mục\n  1. Mục lồng\n"
    write(tmp_path / "v", "00.md", FRONT + body)
    blocks = parse_document(tmp_path / "v").blocks
    assert [(type(b), b.position.line, b.position.column) for b in blocks] == [
        (Heading, 12, 6),  # its number, after "## **"
        (Paragraph, 14, 4),
        (Item, 16, 1),  # its marker
        (Item, 17, 3),
    ]


def test_a_part_the_system_will_not_let_us_read_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "v", "00.md", FRONT)
    write(tmp_path / "v", "01-khoa.md", "Đoạn.\n")
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "01-khoa.md":  # as a file only its owner may read
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing)
    (problem,) = parse_document(tmp_path / "v").problems
    assert places((problem,)) == [("BC004", "01-khoa.md", 1, 1)]
    assert problem.message.endswith("không có quyền truy cập")
