"""The first `make` on a fresh clone says in Vietnamese what it installs and how long it takes,
with pip's output kept to its errors; `make report TEN=…` builds one document."""

from __future__ import annotations

from pathlib import Path

from budget_documents import write_document
from conftest import make, needs_make

pytestmark = needs_make


def test_the_first_install_says_what_it_does_in_vietnamese(tmp_path: Path) -> None:
    fresh = tmp_path / "venv"  # no such environment yet: make would create and fill it
    result = make("-n", "venv", f"VENV={fresh}")
    assert result.returncode == 0, result.stderr
    said = " ".join(line for line in result.stdout.splitlines() if line.startswith("echo"))
    assert "Đang cài các thư viện baocao cần" in said and "khoảng một phút" in said
    assert "Đã cài xong" in said
    installs = [line for line in result.stdout.splitlines() if "pip install" in line]
    assert installs and all(
        "-qq" in line and "--disable-pip-version-check" in line and "--progress-bar off" in line
        for line in installs
    )
    assert "kiểm tra kết nối mạng" in result.stdout  # what to do when pip fails, in Vietnamese


def test_report_builds_the_one_document_named(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    for name in ("mot", "hai"):
        write_document(content, "Đoạn văn.\n", name=name)
    where = [f"CONTENT={content}", f"OUT={out}"]
    result = make("report", "TEN=hai", *where)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.glob("*.docx")] == ["hai.docx"]
    assert "Đang dựng hai →" in result.stderr
    again = make("report", f"TEN={content}/mot/", *where)  # a path to the folder names it too
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == ["hai.docx", "mot.docx"]
    unknown = make("report", "TEN=khong-co", *where)
    assert unknown.returncode != 0
    assert "không có văn bản “khong-co”" in unknown.stderr
