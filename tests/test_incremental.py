"""`baocao build` with no document named is the incremental build: it builds exactly the documents
whose DOCX is missing or no longer what a build would write (their parts, those of the documents
they cite, baocao's engine, the DOCX itself), says so in one line when there is none, and records
what each DOCX rests on (build.py) whatever name its folder bears."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.build import CACHE, RECORDS, build_all, check_document, is_current, stale_documents
from baocao.cli import main
from baocao.parse.document import document_folders
from baocao.review.textconv import docx_text
from budget_documents import write_document
from shared_amounts import write_part, write_shared

NOTHING_TO_DO = "Không có văn bản nào cần dựng lại"


class Builds:
    """`baocao build` (no document named, one process) of a content folder into an output one."""

    def __init__(self, content: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.content, self.out, self.capsys = content, out, capsys
        self.status = 0
        self.said = ""

    def __call__(self, *names: str) -> list[str]:
        """Build; the documents built, in the order said."""
        self.capsys.readouterr()
        arguments = ["build", *names, "--content", str(self.content), "-o", str(self.out)]
        self.status = main([*arguments, "-j", "1"])
        self.said = self.capsys.readouterr().err
        return re.findall(r"^Đang dựng (.+) → ", self.said, re.M)

    def nothing(self) -> bool:
        """A build now builds nothing, and says so in one line."""
        built = self()
        lines = self.said.splitlines()
        return built == [] and len(lines) == 1 and lines[0].startswith(NOTHING_TO_DO)


@pytest.fixture
def builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Builds:
    return Builds(tmp_path / "content", tmp_path / "out", capsys)


def test_a_second_build_does_nothing_and_says_so_in_one_line(builds: Builds) -> None:
    for name in ("mot", "hai"):
        write_document(builds.content, "Đoạn văn.\n", name=name)
    assert builds() == ["hai", "mot"]
    assert builds.status == 0
    assert builds.nothing() and builds.status == 0
    assert "2 văn bản" in builds.said
    part = builds.content / "mot" / "01-phan.md"
    part.write_text("Đoạn văn đã sửa.\n", encoding="utf-8")
    assert builds() == ["mot"]
    assert "Đoạn văn đã sửa." in docx_text(builds.out / "mot.docx")
    assert builds.nothing()
    assert builds("hai") == ["hai"]  # a document named is built even when current


def test_a_change_to_a_cited_document_rebuilds_every_document_citing_it(builds: Builds) -> None:
    folders = write_shared(builds.content)
    notes = folders["ke-hoach"] / "ghi-chu.md"  # a note for readers, not a part: never read
    notes.write_text("Ghi chú.\n", encoding="utf-8")
    assert builds() == ["ke-hoach", "quyet-dinh", "to-trinh"]
    assert builds.nothing()

    table = folders["ke-hoach"] / "01-noi-dung.md"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("| 300      |", "| 350      |"), encoding="utf-8")
    assert builds() == ["ke-hoach", "quyet-dinh", "to-trinh"]
    for name in ("to-trinh", "quyet-dinh"):
        built = " ".join(docx_text(builds.out / f"{name}.docx").split())
        assert "camera giám sát 350.000.000 đồng" in built
    assert builds.nothing()
    notes.write_text("Ghi chú đã sửa.\n", encoding="utf-8")
    assert builds.nothing()
    edit = folders["to-trinh"] / "01-noi-dung.md"  # the one citing: only itself
    edit.write_text(edit.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")
    assert builds() == ["to-trinh"]


def test_each_document_is_stale_with_exactly_the_documents_it_rests_on(tmp_path: Path) -> None:
    """Citations in prose, in a plain table's cell, in a declared sum, at any depth; a note, or
    a name in plain text, cites nothing."""
    content, out = tmp_path / "content", tmp_path / "out"
    write_shared(content)
    write_part(content, "bao-cao", 'Đã chi {{ tien("quyet-dinh:kp.tong") }}.\n')
    write_part(content, "tong-hop", "Tổng **450.000.000 đồng**{#tong = ke-hoach:kp.tong}.\n")
    write_part(
        content, "bang", "| Việc | Kinh phí |\n|---|---|\n| A | {{ tien('tong-hop:tong') }} |\n"
    )
    write_part(content, "ghi-chu", "Không phải trích dẫn: ke-hoach, 'ke-hoach:kp.tong'.\n")
    (content / "ke-hoach" / "ghi-chu.md").write_text('{{ tien("to-trinh:x") }}\n', "utf-8")
    folders = document_folders(content)
    outcomes = list(build_all(folders, out))
    failed = [o.folder.name for o in outcomes if o.built is None]
    assert failed == ["bao-cao"]  # a quyết định has no amount of its own to cite
    assert stale_documents(folders, out) == [content / "bao-cao"]  # tried again each time

    def touched(name: str) -> list[str]:
        """The documents a change to `name`'s parts makes stale, then built again."""
        part = content / name / "00-mo-dau.md"
        part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        stale = [p.name for p in stale_documents(folders, out)]
        list(build_all(folders, out))
        return [n for n in stale if n != "bao-cao"]

    assert touched("ke-hoach") == ["bang", "ke-hoach", "quyet-dinh", "to-trinh", "tong-hop"]
    assert touched("tong-hop") == ["bang", "tong-hop"]
    assert touched("to-trinh") == ["to-trinh"]  # the kế hoạch's notes cite it: never read
    assert touched("ghi-chu") == ["ghi-chu"]


def test_parts_added_removed_or_renamed_rebuild_and_notes_do_not(builds: Builds) -> None:
    folder = write_document(builds.content, "Đoạn một.\n", "Đoạn hai.\n")
    write_document(builds.content, "Văn bản khác.\n", name="khac")
    assert builds() == ["khac", "thu"]
    changes = [
        lambda: (folder / "03-them.md").write_text("Đoạn thêm.\n", encoding="utf-8"),
        lambda: (folder / "02-phan.md").unlink(),
        lambda: (folder / "03-them.md").rename(folder / "02-them.md"),
        lambda: (folder / "04 kinh phí (bản 2).md").write_text("Có dấu cách.\n", "utf-8"),
        lambda: (folder / "04 kinh phí (bản 2).md").write_text("Đã sửa.\n", "utf-8"),
        lambda: (folder / "05-a;b=c%.md").write_text("Tên lạ.\n", "utf-8"),
    ]
    for change in changes:
        change()
        assert builds() == ["thu"]
        assert builds.nothing()
    built = docx_text(builds.out / "thu.docx")
    assert "Đã sửa." in built and "Tên lạ." in built and "Đoạn hai." not in built

    for note in ("ghi chú mới.md", "#ghi;chu=1%.md", "05-nhap.md.swp", ".04 kinh phí.md.swp"):
        (folder / note).write_text("Ghi chú.\n", encoding="utf-8")
        assert builds.nothing()

    (folder / "06-lien-ket.md").symlink_to("01-phan.md")
    assert builds() == []
    assert builds.status == 1
    assert f"{folder / '06-lien-ket.md'}:1:1: BC002 " in builds.said
    (folder / "06-lien-ket.md").unlink()
    assert builds.nothing()  # the parts are those the DOCX there was built from


def test_a_folder_renamed_to_a_name_with_spaces_rebuilds_exactly_that_document(
    builds: Builds,
) -> None:
    for name in ("mot", "hai"):
        write_document(builds.content, "Đoạn văn.\n", name=name)
    assert builds() == ["hai", "mot"]
    (builds.content / "hai").rename(builds.content / "Báo cáo quý 3 (bản 2)")
    assert builds() == ["Báo cáo quý 3 (bản 2)"]
    assert "Đoạn văn." in docx_text(builds.out / "Báo cáo quý 3 (bản 2).docx")
    assert builds.nothing()


def test_every_document_is_built_when_one_fails_and_the_failing_one_is_tried_again(
    builds: Builds,
) -> None:
    for name in ("a", "b", "c"):
        write_document(builds.content, "Đoạn văn.\n", name=name)
    (builds.content / "b" / "00-mo-dau.md").write_text("không có phần đầu\n", encoding="utf-8")
    assert builds() == ["a", "c"]
    for _ in range(2):
        assert builds() == []
        assert builds.status == 1
        assert "Không dựng b: nội dung có 1 lỗi" in builds.said
    assert sorted(p.name for p in builds.out.glob("*.docx")) == ["a.docx", "c.docx"]


def test_a_cited_document_gaining_losing_or_losing_its_folder(builds: Builds) -> None:
    folders = write_shared(builds.content)
    assert len(builds()) == 3
    part = folders["ke-hoach"] / "02-them.md"
    part.write_text("# II. TỔ CHỨC THỰC HIỆN\n\nĐoạn thêm.\n", encoding="utf-8")
    assert builds() == ["ke-hoach", "quyet-dinh", "to-trinh"]
    part.unlink()
    assert builds() == ["ke-hoach", "quyet-dinh", "to-trinh"]
    shutil.rmtree(folders["ke-hoach"])  # what cites it fails now, and says why
    assert builds() == []
    assert "Không dựng to-trinh" in builds.said and "Không dựng quyet-dinh" in builds.said


def test_a_docx_changed_or_removed_by_hand_is_built_again(builds: Builds) -> None:
    write_document(builds.content, "Đoạn văn.\n")
    assert builds() == ["thu"]
    target = builds.out / "thu.docx"
    target.write_bytes(target.read_bytes() + b"\0")  # saved again by Word, say
    assert builds() == ["thu"]
    target.unlink()
    assert builds() == ["thu"]
    assert builds.nothing()


def test_a_record_of_another_engine_or_unreadable_is_stale(builds: Builds) -> None:
    folder = write_document(builds.content, "Đoạn văn.\n")
    builds()
    record = builds.out / CACHE / RECORDS / "thu.json"
    assert is_current(folder, builds.out)
    kept = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**kept, "engine": "0" * 32}), encoding="utf-8")
    assert not is_current(folder, builds.out)  # baocao or its templates changed since
    record.write_text("{", encoding="utf-8")
    assert not is_current(folder, builds.out)
    assert builds() == ["thu"]
    assert is_current(folder, builds.out)


def test_a_batch_works_when_processes_are_spawned(tmp_path: Path) -> None:
    """Windows and macOS start processes by spawning a new Python, not by forking: the batch
    builds each document there too, and reports in the order given."""
    content, out = tmp_path / "content", tmp_path / "out"
    for name in ("c", "a", "b"):
        write_document(content, "Đoạn văn.\n", name=name)
    (content / "b" / "00-mo-dau.md").write_text("không có phần đầu\n", encoding="utf-8")
    folders = [content / name for name in ("c", "a", "b")]
    outcomes = list(build_all(folders, out, jobs=2, start_method="spawn"))
    assert [o.folder.name for o in outcomes] == ["c", "a", "b"]
    assert [o.built is not None for o in outcomes] == [True, True, False]
    assert outcomes[2].errors == 1
    assert "Đoạn văn." in docx_text(out / "c.docx")
    assert stale_documents(folders, out) == [content / "b"]  # the spawned ones recorded theirs


def test_parts_saved_by_windows_notepad_build_as_any_other(builds: Builds) -> None:
    """A UTF-8 BOM and CRLF line ends, as Notepad saves them: the same document, the same text."""
    unix = write_document(builds.content, "Kinh phí **5.000.000 đồng**{#kp}.\n", name="unix")
    windows = builds.content / "windows"
    windows.mkdir()
    for part in unix.iterdir():
        text = part.read_text(encoding="utf-8").replace("\n", "\r\n")
        (windows / part.name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert check_document(windows) == check_document(unix) == []
    assert builds() == ["unix", "windows"]
    assert docx_text(builds.out / "windows.docx") == docx_text(builds.out / "unix.docx")
    assert builds.nothing()


def test_another_pandoc_makes_every_docx_stale(tmp_path: Path) -> None:
    """PYPANDOC_PANDOC names the pandoc to run (here the same binary, by another path): what it
    writes may differ, so nothing built by the other one is current."""
    from baocao.docx.pandoc import pandoc_path

    write_document(tmp_path / "content", "Đoạn văn.\n")
    other = tmp_path / "pandoc-khac"
    other.symlink_to(pandoc_path())

    def build(**environment: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "baocao", "build", "-j", "1"],
            cwd=tmp_path,
            env={**os.environ, **environment},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stderr

    assert "Đang dựng thu" in build()
    assert build().startswith(NOTHING_TO_DO)
    assert "Đang dựng thu" in build(PYPANDOC_PANDOC=str(other))
    assert build(PYPANDOC_PANDOC=str(other)).startswith(NOTHING_TO_DO)
