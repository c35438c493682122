"""`baocao new`: a new document folder checks and builds as it is; bad names are refused."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.build import build_document, check_document
from pipeline.review.textconv import docx_text
from pipeline.tools.new import new_document, suggested_name


def baocao(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True
    )


def test_a_new_document_checks_and_builds_with_its_citations(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    result = baocao(tmp_path, "new", "bao-cao-quy-3")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Đã tạo content/bao-cao-quy-3: sửa các chỗ “…”")
    folder = tmp_path / "content" / "bao-cao-quy-3"
    assert sorted(p.name for p in folder.iterdir()) == ["00-mo-dau.md", "01-noi-dung.md"]
    checked = baocao(tmp_path, "check")
    assert (checked.returncode, checked.stdout) == (0, ""), checked.stdout
    assert checked.stderr == "Không có lỗi (0 cảnh báo).\n"
    text = docx_text(build_document(folder, tmp_path / "output").target)
    assert "150.000.000 đồng (Một trăm năm mươi triệu đồng)" in text  # the cited total
    assert "trong đó mua sắm thiết bị 100.000.000 đồng" in text
    assert "XÃ …" in text  # placeholders stay visible until filled in


def test_dated_the_month_it_is_made(tmp_path: Path) -> None:
    folder = new_document(tmp_path, "x", today=datetime.date(2027, 3, 9))
    assert "\nngay: 2027-03\n" in (folder / "00-mo-dau.md").read_text(encoding="utf-8")
    assert [p for p in check_document(folder) if not p.warning] == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Báo cáo Quý 3",
            "tên văn bản “Báo cáo Quý 3” không dùng được: tên chỉ gồm chữ thường không dấu, "
            "chữ số và dấu “-”, ví dụ “bao-cao-quy-3”",
        ),
        ("../ra-ngoai", "tên văn bản “../ra-ngoai” không dùng được"),
        ("", "thiếu tên văn bản, ví dụ: make new TEN=bao-cao-quy-3-2027"),
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


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_new(tmp_path: Path) -> None:
    content = tmp_path / "content"
    make = ["make", "--no-print-directory", "-C", str(ROOT), "new", f"CONTENT={content}"]
    made = subprocess.run([*make, "TEN=ke-hoach-2028"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert (content / "ke-hoach-2028" / "00-mo-dau.md").is_file()
    missing = subprocess.run(make, capture_output=True, text=True)
    assert missing.returncode != 0
    assert "thiếu tên văn bản, ví dụ: make new TEN=bao-cao-quy-3-2027" in missing.stderr
