"""`baocao new`: a new document folder checks and builds as it is; bad names are refused."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import docx
from baocao import codes
from baocao.build import build_document, check_document
from baocao.parse.kinds import kinds
from baocao.problems import Problem
from baocao.review.textconv import docx_text
from baocao.tools.new import SKELETONS, new_document, suggested_name
from conftest import ROOT, needs_make


def at_an_ellipsis(problem: Problem) -> bool:
    """Whether a problem's line and column show what is still to fill in its file: a "…" (or
    "..."), a "[" opening the skeleton's guidance, or a citation of a table's "…" cell."""
    lines = problem.position.path.read_text(encoding="utf-8").split("\n")
    rest = lines[problem.position.line - 1][problem.position.column - 1 :]
    return rest.startswith(("…", "...", "[", "{{"))


def filled(text: str) -> str:
    """A skeleton's part as an editor fills it: a figure in each "…" cell of a table, words for
    the guidance in brackets and for each "…"."""
    text = re.sub(r"\|\s*…\s*\|$", "| 50 |", text, flags=re.M)
    text = re.sub(r"\[[^\]\n]*\]", "Nội dung đã viết", text)
    return text.replace("…", "Thử Nghiệm")


def baocao(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args], cwd=cwd, capture_output=True, text=True
    )


def test_a_new_document_builds_with_its_citations_and_check_lists_its_blanks(
    tmp_path: Path,
) -> None:
    (tmp_path / "content").mkdir()
    result = baocao(tmp_path, "new", "bao-cao-quy-3")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Đã tạo content/bao-cao-quy-3: sửa các chỗ “…”")
    folder = tmp_path / "content" / "bao-cao-quy-3"
    assert sorted(p.name for p in folder.iterdir()) == ["00-mo-dau.md", "01-noi-dung.md"]
    checked = baocao(tmp_path, "check")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert lines and all(re.match(r"content/\S+:\d+:\d+: BC610 ", line) for line in lines)
    assert "content/bao-cao-quy-3/00-mo-dau.md:6:8: BC610 " in checked.stdout  # "  - XÃ …"
    assert (
        checked.stderr == f"Có {len(lines)} lỗi ({len(lines)} chỗ “…” chưa điền) và 0 cảnh báo.\n"
    )
    built = build_document(folder, tmp_path / "output")
    assert all(w.warning and w.code == codes.PLACEHOLDER for w in built.warnings)
    text = docx_text(built.target)
    assert "Tổng kinh phí đề xuất là …, trong đó … …." in text  # citations of "…" cells
    assert "XÃ …" in text  # placeholders stay visible until filled in
    assert "[Viết nội dung ở đây." in text  # and so does the guidance, until replaced
    for part in folder.glob("*.md"):
        part.write_text(filled(part.read_text(encoding="utf-8")), "utf-8")
    assert check_document(folder) == []
    text = docx_text(build_document(folder, tmp_path / "output").target)
    assert "Tổng kinh phí đề xuất là 100.000.000 đồng (Một trăm triệu đồng)" in text
    assert "trong đó Thử Nghiệm 50.000.000 đồng" in text
    assert "[" not in text


def test_dated_the_month_it_is_made(tmp_path: Path) -> None:
    folder = new_document(tmp_path, "x", today=datetime.date(2027, 3, 9))
    assert "\nngay: 2027-03\n" in (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    assert [p for p in check_document(folder) if not p.draft] == []


# What each kind's DOCX shows as it is made: its type line, and the elements of its form.
PRINTED = {
    "bao-cao": ["BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"],
    "ke-hoach": ["KẾ HOẠCH", "Triển khai … năm …", "III. KINH PHÍ THỰC HIỆN"],
    "to-trinh": ["TỜ TRÌNH", "Kính gửi: Hội đồng nhân dân xã …", "- Như trên;"],
    "quyet-dinh": [
        "QUYẾT ĐỊNH",
        "Về việc …",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …",
        "Theo đề nghị của ….",
        "QUYẾT ĐỊNH:",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "- Như Điều 3;",
    ],
    "nghi-quyet": [
        "NGHỊ QUYẾT",
        "HỘI ĐỒNG NHÂN DÂN XÃ …",
        "KHÓA …, KỲ HỌP THỨ …",
        "QUYẾT NGHỊ:",
        "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH",
        "- Như Điều 2, Điều 3;",
    ],
    "thong-bao": ["THÔNG BÁO", "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp ngày …"],
    "cong-van": ["V/v …", "Kính gửi:", "- …;", "- Như trên;"],
    "giay-moi": ["GIẤY MỜI", "Ủy ban nhân dân xã … trân trọng kính mời: …", "Thời gian: …"],
    "bien-ban": [
        "BIÊN BẢN",
        "Thời gian bắt đầu: … giờ …, ngày … tháng … năm …",
        "THƯ KÝ",
        "CHỦ TỌA",
    ],
}


def paragraphs(path: Path) -> list[str]:
    """Every paragraph of a DOCX, in the body and in its tables' cells."""
    document = docx.Document(str(path))
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p.text for p in cell.paragraphs]
    return found


def test_every_kind_offered_has_its_skeleton_and_is_in_the_help() -> None:
    assert sorted(kinds().slugs) == sorted(PRINTED)
    assert sorted(p.name for p in SKELETONS.iterdir() if p.is_dir()) == sorted(PRINTED)
    wide = {**os.environ, "COLUMNS": "1000"}  # argparse would wrap "cong-van" at its hyphen
    command = [sys.executable, "-m", "baocao", "new", "--help"]
    result = subprocess.run(command, capture_output=True, text=True, env=wide)
    listed = re.findall(r"[a-z]+-[a-z]+", result.stdout.split("--loai LOẠI")[-1])
    assert sorted(set(listed) & set(PRINTED)) == sorted(PRINTED)


@pytest.mark.parametrize("kind", sorted(PRINTED))
def test_each_kind_builds_as_it_is_and_checks_clean_once_filled(tmp_path: Path, kind: str) -> None:
    folder = new_document(tmp_path / "content", "van-ban", kind=kind)
    blanks = check_document(folder)
    assert blanks and all(p.code == codes.PLACEHOLDER and p.draft for p in blanks), blanks
    assert all(at_an_ellipsis(p) for p in blanks), blanks
    built = build_document(folder, tmp_path / "output")
    assert [w.code for w in built.warnings] == [codes.PLACEHOLDER] * len(blanks)
    printed = paragraphs(built.target)
    for text in PRINTED[kind]:
        assert text in printed, text
    if kind == "cong-van":  # no type line; the ký hiệu is the agency's own
        assert "CÔNG VĂN" not in printed
        assert any(t.startswith("Số:") and t.endswith("/UBND-…") for t in printed)
    for part in folder.glob("*.md"):
        part.write_text(filled(part.read_text(encoding="utf-8")), "utf-8")
    assert check_document(folder) == []
    build_document(folder, tmp_path / "output")


@pytest.mark.parametrize(
    ("kind", "left", "column"),
    [
        ("bao-cao", "[Viết nội dung ở đây.", 1),  # the instruction
        ("bao-cao", "- [Gạch đầu dòng", 3),
        ("bien-ban", "[Cuộc họp/Hội nghị/Hội thảo] kết thúc", 1),  # the alternatives
        ("bien-ban", "Nội dung [theo diễn biến", 10),
        ("to-trinh", "| 1  | … {#khoan-1}      | …        |", 28),  # a table's "…" cell
    ],
)
def test_what_an_editor_leaves_of_the_skeleton_is_named_at_its_line(
    tmp_path: Path, kind: str, left: str, column: int
) -> None:
    folder = new_document(tmp_path / "content", "van-ban", kind=kind)
    parts = sorted(folder.glob("*.md"))
    for part in parts:  # filled in, but for the one line the editor forgot
        lines = part.read_text(encoding="utf-8").split("\n")
        kept = [line if line.startswith(left) else filled(line) for line in lines]
        part.write_text("\n".join(kept), "utf-8")
    file, line = next(
        (p.name, n)
        for p in parts
        for n, text in enumerate(p.read_text(encoding="utf-8").split("\n"), start=1)
        if text.startswith(left)
    )
    problems = check_document(folder)
    assert (file, line, column) in [
        (p.position.path.name, p.position.line, p.position.column) for p in problems
    ]
    assert all(p.code == codes.PLACEHOLDER for p in problems)
    built = build_document(folder, tmp_path / "output")  # a draft: it builds, with warnings
    assert [w.code for w in built.warnings] == [codes.PLACEHOLDER] * len(problems)


def test_a_form_s_standard_clause_is_text_not_a_placeholder(tmp_path: Path) -> None:
    folder = new_document(tmp_path / "content", "qd", kind="quyet-dinh")
    lines = {p.position.line for p in check_document(folder)}
    text = (folder / "00-quyet-dinh.md").read_text(encoding="utf-8").split("\n")
    clause = text.index("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.") + 1
    assert clause not in lines


def test_an_unknown_kind_is_a_usage_error_listing_the_kinds(tmp_path: Path) -> None:
    result = baocao(tmp_path, "new", "x", "--loai", "hop-dong")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "baocao new: không có loại văn bản “hop-dong”; chọn một trong: "
    )
    assert all(slug in result.stderr for slug in PRINTED)
    assert not (tmp_path / "content").exists()


def test_new_with_a_kind(tmp_path: Path) -> None:
    result = baocao(tmp_path, "new", "qd-to-cong-tac", "--loai", "quyet-dinh")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "content" / "qd-to-cong-tac"
    assert "\nloai: QUYẾT ĐỊNH\n" in (folder / "00-quyet-dinh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Báo cáo Quý 3",
            "tên văn bản “Báo cáo Quý 3” không dùng được: tên chỉ gồm chữ thường không dấu, "
            "chữ số và dấu “-”, ví dụ “bao-cao-quy-3”",
        ),
        ("../ra-ngoai", "tên văn bản “../ra-ngoai” không dùng được"),
        ("", "thiếu tên văn bản, ví dụ: baocao new bao-cao-quy-3-2027"),
    ],
)
def test_a_bad_name_is_one_line_exit_2(tmp_path: Path, name: str, message: str) -> None:
    result = baocao(tmp_path, "new", name)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(message)
    assert not (tmp_path / "content").exists()


def test_an_existing_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "x"
    folder.mkdir(parents=True)
    (folder / "00-mo-dau.md").write_text("giữ nguyên", encoding="utf-8")
    result = baocao(tmp_path, "new", "x")
    assert result.returncode == 2
    assert result.stderr == "đã có “content/x”: chọn tên khác, hoặc sửa văn bản đó\n"
    assert (folder / "00-mo-dau.md").read_text(encoding="utf-8") == "giữ nguyên"


def test_suggested_names() -> None:
    assert suggested_name("Kế hoạch Đổi mới 2027") == "ke-hoach-doi-moi-2027"
    assert suggested_name("!!!") == ""


@needs_make
def test_make_new(tmp_path: Path) -> None:
    content = tmp_path / "content"
    make = ["make", "--no-print-directory", "-C", str(ROOT), "new", f"CONTENT={content}"]
    made = subprocess.run([*make, "TEN=bao-cao-2028"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert "\nloai: BÁO CÁO\n" in (content / "bao-cao-2028" / "00-mo-dau.md").read_text("utf-8")
    made = subprocess.run([*make, "TEN=gm-2028", "LOAI=giay-moi"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert (content / "gm-2028" / "00-giay-moi.md").is_file()
    missing = subprocess.run(make, capture_output=True, text=True)
    assert missing.returncode != 0
    assert "thiếu tên văn bản, ví dụ: baocao new bao-cao-quy-3-2027" in missing.stderr


def test_what_new_says_and_what_the_skeletons_say_name_baocao_never_make(tmp_path: Path) -> None:
    """An installed baocao has no Makefile: the way forward is said in baocao's own commands."""
    made = baocao(tmp_path, "new", "bao-cao-2028")
    assert made.returncode == 0, made.stderr
    assert "baocao check bao-cao-2028" in made.stderr and "baocao build" in made.stderr
    assert not re.search(r"\bmake\b", made.stderr)
    unknown = baocao(tmp_path, "new", "x", "--loai", "khong-co")
    assert unknown.returncode == 2 and not re.search(r"\bmake\b", unknown.stderr)
    for part in SKELETONS.rglob("*.md"):
        assert not re.search(r"\bmake\b", part.read_text(encoding="utf-8")), part
