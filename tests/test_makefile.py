"""The Makefile is a thin front for baocao in a checkout: `make report` is `baocao build` (the
incremental build, tests/test_incremental.py), `make check` ends on baocao's own count of
problems, and `make help` speaks Vietnamese."""

from __future__ import annotations

from pathlib import Path

from budget_documents import write_document
from conftest import CONTENT, SAMPLE, make, needs_make

pytestmark = needs_make


def test_report_is_the_incremental_build(content_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    where = [f"CONTENT={content_copy}", f"OUT={out}"]
    first = make("report", *where)
    assert first.returncode == 0, first.stderr
    assert f"Đang dựng {SAMPLE} →" in first.stderr
    assert (out / f"{SAMPLE}.docx").exists()

    again = make("report", *where)
    assert again.returncode == 0
    assert (again.stdout, again.stderr.count("\n")) == ("", 1)
    assert again.stderr.startswith("Không có văn bản nào cần dựng lại")
    part = content_copy / SAMPLE / "01-danh-gia.md"
    part.write_text(part.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")
    assert f"Đang dựng {SAMPLE} →" in make("report", *where).stderr


def test_report_builds_a_folder_whose_name_has_spaces(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    write_document(content, "Đoạn văn.\n", name="Báo cáo quý 3")
    result = make("report", f"CONTENT={content}", f"OUT={out}")
    assert result.returncode == 0, result.stderr
    assert (out / "Báo cáo quý 3.docx").exists()
    named = make("report", "TEN=Báo cáo quý 3", f"CONTENT={content}", f"OUT={out}")
    assert named.returncode == 0, named.stderr
    assert "Đang dựng Báo cáo quý 3 →" in named.stderr


def test_make_check_passes_on_the_sample() -> None:
    result = make("check", f"CONTENT={CONTENT}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.splitlines()[-1].startswith("Không có lỗi")


def test_a_failing_make_check_ends_on_baocaos_count_of_problems(tmp_path: Path) -> None:
    """make adds no line of its own ("make: *** [Makefile:…] Error 1"): the last line shown is
    baocao's count, and the exit status still says it failed."""
    content = tmp_path / "content"
    write_document(content, "Đoạn văn.\n", name="tot")
    (write_document(content, "Đoạn.\n", name="loi") / "00-mo-dau.md").write_text(
        "không có phần đầu\n", encoding="utf-8"
    )
    result = make("check", f"CONTENT={content}")
    assert result.returncode != 0
    shown = (result.stdout + result.stderr).splitlines()  # both go to the same terminal
    assert "loi/00-mo-dau.md:1:1: BC007 " in result.stdout
    assert result.stderr.splitlines()[-1] == "Có 1 lỗi và 0 cảnh báo."
    assert not [line for line in shown if line.startswith("make")]
    assert "Error" not in result.stderr


def test_help_lists_every_target_in_vietnamese() -> None:
    result = make("help")
    assert result.returncode == 0, result.stderr
    targets = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    for target in ("report", "check", "new", "test", "lint", "bench", "pdf", "clean", "help"):
        assert target in targets
    vietnamese = set("ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")
    for target, said in targets.items():
        assert vietnamese & set(said.lower()), (target, said)


def test_a_failing_make_report_ends_on_baocaos_own_line(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    write_document(content, "Đoạn văn.\n", name="tot")
    (write_document(content, "Đoạn.\n", name="loi") / "00-mo-dau.md").write_text(
        "không có phần đầu\n", encoding="utf-8"
    )
    result = make("report", f"CONTENT={content}", f"OUT={out}")
    assert result.returncode != 0
    assert "Không dựng loi: nội dung có 1 lỗi (xem trên)." in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last == "Có 1 trong 2 văn bản còn lỗi nên chưa có tệp Word mới (xem trên)."
    assert not [line for line in result.stderr.splitlines() if line.startswith("make")]
    assert (out / "tot.docx").is_file()
