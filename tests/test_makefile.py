"""`make report` tracks real dependencies: a second run does nothing, a changed source rebuilds."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from baocao.review.textconv import docx_text
from budget_documents import write_document
from conftest import CONTENT, SAMPLE, make, needs_make
from shared_amounts import write_shared

pytestmark = needs_make


def test_second_report_does_nothing_and_a_change_rebuilds(
    content_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    where = [f"CONTENT={content_copy}", f"OUT={out}"]
    first = make("report", *where)
    assert first.returncode == 0, first.stderr
    target = out / f"{SAMPLE}.docx"
    assert target.exists()
    assert f"Đang dựng {SAMPLE} →" in first.stderr

    again = make("report", *where)
    assert again.returncode == 0
    assert "Đang dựng" not in again.stderr
    assert "Nothing to be done" in again.stdout
    assert make("-q", "report", *where).returncode == 0  # up to date

    source = content_copy / SAMPLE / "01-danh-gia.md"
    later = time.time() + 2
    os.utime(source, (later, later))
    assert make("-q", "report", *where).returncode == 1  # out of date now
    rebuilt = make("report", *where)
    assert rebuilt.returncode == 0
    assert f"Đang dựng {SAMPLE} →" in rebuilt.stderr


def test_make_check_passes_on_the_sample() -> None:
    result = make("check", f"CONTENT={CONTENT}")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_change_to_a_cited_document_rebuilds_every_document_citing_it(tmp_path: Path) -> None:
    """A tờ trình and a quyết định cite a kế hoạch: a change to the kế hoạch rebuilds all three."""
    content, out = tmp_path / "content", tmp_path / "out"
    folders = write_shared(content)
    notes = folders["ke-hoach"] / "ghi-chu.md"  # a note for readers, not a part: never read
    notes.write_text("Ghi chú.\n", encoding="utf-8")
    past = time.time() - 60  # written a minute ago: every later edit is newer than the builds
    for path in [content, *content.rglob("*")]:
        os.utime(path, (past, past))
    where = [f"CONTENT={content}", f"OUT={out}"]
    first = make("report", *where)
    assert first.returncode == 0, first.stderr
    for name in ("ke-hoach", "to-trinh", "quyet-dinh"):
        assert f"Đang dựng {name} →" in first.stderr
    for name in ("to-trinh", "quyet-dinh"):
        assert "camera giám sát 300.000.000 đồng" in docx_text(out / f"{name}.docx")

    again = make("report", *where)
    assert (again.returncode, again.stderr) == (0, "")
    assert "Nothing to be done" in again.stdout

    table = folders["ke-hoach"] / "01-noi-dung.md"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("| 300      |", "| 350      |"), encoding="utf-8")
    rebuilt = make("report", *where)
    assert rebuilt.returncode == 0, rebuilt.stderr
    for name in ("ke-hoach", "to-trinh", "quyet-dinh"):
        assert f"Đang dựng {name} →" in rebuilt.stderr
    for name in ("to-trinh", "quyet-dinh"):
        built = " ".join(docx_text(out / f"{name}.docx").split())
        assert "camera giám sát 350.000.000 đồng" in built
        assert "500.000.000 đồng (Năm trăm triệu đồng)" in built
    assert "Nothing to be done" in make("report", *where).stdout

    notes.write_text("Ghi chú đã sửa.\n", encoding="utf-8")
    quiet = make("report", *where)
    assert "Đang dựng to-trinh" not in quiet.stderr and "Đang dựng quyet-dinh" not in quiet.stderr


# ---------------------------------------------------------------------------------------------
# Exact: parts added, removed or renamed, any file name; complete: every document, every failure


def built(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The documents a make run built, in the order it built them."""
    return [line.split()[2] for line in result.stderr.splitlines() if line.startswith("Đang dựng")]


def test_parts_added_removed_or_renamed_rebuild_and_notes_do_not(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    folder = write_document(content, "Đoạn một.\n", "Đoạn hai.\n")
    write_document(content, "Văn bản khác.\n", name="khac")
    where = [f"CONTENT={content}", f"OUT={out}"]

    def report() -> list[str]:
        result = make("report", *where)
        assert result.returncode == 0, result.stderr
        return built(result)

    assert report() == ["khac", "thu"]
    changes = [
        lambda: (folder / "03-them.md").write_text("Đoạn thêm.\n", encoding="utf-8"),
        lambda: (folder / "02-phan.md").unlink(),
        lambda: (folder / "03-them.md").rename(folder / "02-them.md"),
        lambda: (folder / "04 kinh phí (bản 2).md").write_text("Có dấu cách.\n", "utf-8"),
        lambda: (folder / "04 kinh phí (bản 2).md").write_text("Đã sửa.\n", "utf-8"),
    ]
    for change in changes:
        change()
        assert report() == ["thu"]
        assert "Nothing to be done" in make("report", *where).stdout
    assert "Đã sửa." in docx_text(out / "thu.docx")
    assert "Đoạn hai." not in docx_text(out / "thu.docx")

    for note in ("ghi chú mới.md", "#ghi;chu=1%.md", "05-nhap.md.swp", ".04 kinh phí.md.swp"):
        (folder / note).write_text("Ghi chú.\n", encoding="utf-8")
        assert report() == []
        assert "Nothing to be done" in make("report", *where).stdout

    (folder / "05-lien-ket.md").symlink_to("01-phan.md")
    failed = make("report", *where)
    assert failed.returncode != 0
    assert "content/thu/05-lien-ket.md:1:1: BC002 " in failed.stderr.replace(
        str(tmp_path) + "/", ""
    )
    (folder / "05-lien-ket.md").unlink()
    assert report() == ["thu"]


def test_every_document_is_built_when_one_fails_and_make_fails_at_the_end(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    for name in ("a", "b", "c"):
        write_document(content, "Đoạn văn.\n", name=name)
    (content / "b" / "00-mo-dau.md").write_text("không có phần đầu\n", encoding="utf-8")
    where = [f"CONTENT={content}", f"OUT={out}"]
    for _ in range(2):  # the failing one is tried again each time, the others built once
        result = make("report", *where)
        assert result.returncode != 0
        assert "Không dựng b: nội dung có 1 lỗi" in result.stderr
        assert "b/00-mo-dau.md:1:1: BC007 " in result.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == ["a.docx", "c.docx"]
    assert built(result) == []


def test_a_folder_make_cannot_name_is_refused_in_one_line_and_the_others_built(
    tmp_path: Path,
) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    write_document(content, "Đoạn văn.\n", name="Báo cáo quý 3")
    write_document(content, "Đoạn văn.\n", name="thu")
    bad = write_document(content, "Đoạn văn.\n", name="bad")
    (bad / "02-a;b.md").write_text("Đoạn.\n", encoding="utf-8")
    where = [f"CONTENT={content}", f"OUT={out}"]
    result = make("report", *where)
    assert result.returncode != 0
    stderr = result.stderr.replace(str(content) + "/", "content/")
    (folder_line,) = [line for line in stderr.splitlines() if line.startswith("content/Báo")]
    assert folder_line.startswith("content/Báo cáo quý 3:1:1: BC009 ")
    assert "hãy đổi tên, ví dụ “bao-cao-quy-3”" in folder_line  # the fix: a name make can carry
    assert "content/bad/02-a;b.md:1:1: BC010 " in stderr
    assert built(result) == ["thu"]
    assert "No rule" not in stderr and "missing separator" not in stderr
    assert built(make("report", *where)) == []  # still refused, the others up to date

    (content / "Báo cáo quý 3").rename(content / "bao-cao-quy-3")
    (bad / "02-a;b.md").rename(bad / "02-ab.md")
    fixed = make("report", *where)
    assert fixed.returncode == 0, fixed.stderr
    assert built(fixed) == ["bad", "bao-cao-quy-3"]


def test_a_cited_document_gaining_or_losing_a_part_rebuilds_those_citing_it(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    folders = write_shared(content)
    where = [f"CONTENT={content}", f"OUT={out}"]
    assert make("report", *where).returncode == 0
    part = folders["ke-hoach"] / "02-them.md"
    part.write_text("# II. TỔ CHỨC THỰC HIỆN\n\nĐoạn thêm.\n", encoding="utf-8")
    assert built(make("report", *where)) == ["ke-hoach", "quyet-dinh", "to-trinh"]
    part.unlink()
    assert built(make("report", *where)) == ["ke-hoach", "quyet-dinh", "to-trinh"]
    shutil.rmtree(folders["ke-hoach"])  # what cites it fails now, and says why
    gone = make("report", *where)
    assert gone.returncode != 0 and "Không dựng to-trinh" in gone.stderr
    assert "Không dựng quyet-dinh" in gone.stderr
