"""Hostile Word XML (tests/received/hostile_docx.py: nested tables, imported parts, a bomb of
empty paragraphs, absurd list starts, 100.000 runs, a 40.000-character paragraph, a 100.000
column span, tables nested 40 deep) and the edges of nhap: each file is read or refused in one
line naming it, exit 2 and never 3, within bounded memory (what tracemalloc sees Python allocate,
never timed); what is read is checked, what is not read is said; the limits are baocao.ooxml's,
shared by `baocao text`; nhap creates no folder it was not asked to and leaves none behind."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import hostile_docx
import pytest

from baocao import codes
from baocao.cli import main
from baocao.ooxml.archive import MB
from baocao.problems import UsageError
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received
from conftest import ROOT

MEMORY = 96 * MB  # the bomb inflates to 190 MB, a 40-deep nesting would recurse: a refusal
# needs a few MB, the largest file read here (100.000 runs refused after parsing) some tens
REFUSED = ["doan-rong", "danh-so-la-ma", "danh-so-chu", "nhieu-run", "gop-o", "bang-long-40"]
READ = {  # what is read, and the problem found in it: the wrong amount, wherever it stands
    "bang-long-2": codes.WORDS_MISMATCH,
    "bang-long-5": codes.WORDS_MISMATCH,
    "nhung-html": codes.WORDS_MISMATCH,
    "nhung-rtf": codes.RECEIVED_UNREAD,
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-documents")
    made = dict(hostile_docx.hostile_documents(folder))
    made["mat-khau"] = folder / "mat-khau.docx"
    made["mat-khau"].write_bytes(hostile_docx.password_protected())
    return made


def peak_of(run: object) -> int:
    tracemalloc.start()
    try:
        assert callable(run)
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", REFUSED)
def test_soat_refuses_it_in_one_line_and_checks_the_others(
    name: str,
    hostile: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "tot.txt"
    good.write_text("Kinh phí: 300.000.000 đồng (Hai trăm triệu đồng).\n", encoding="utf-8")
    assert main(["soat", str(hostile[name]), str(good)]) == UsageError.exit_code
    out, err = capsys.readouterr()
    assert f"{good}:1:" in out and " BC501 " in out  # the good file's finding all the same
    (refusal,) = err.strip().splitlines()[:1]
    assert f"“{hostile[name]}”" in refusal and "bất thường" in refusal


@pytest.mark.parametrize("name", REFUSED)
def test_every_reader_shares_the_limits(
    name: str, hostile: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def refusal(argv: list[str]) -> str:
        assert main(argv) == UsageError.exit_code
        out, err = capsys.readouterr()
        assert not out
        lines = err.strip().splitlines()
        assert len(lines) == 1 and str(hostile[name]) in lines[0], lines
        return lines[0].split(": ")[-1]  # the reason, as the limits give it

    soat = refusal(["soat", str(hostile[name])])
    text = refusal(["text", str(hostile[name])])
    nhap = refusal(["nhap", "--content", str(tmp_path / "content"), str(hostile[name]), "x"])
    assert soat == text == nhap
    assert not (tmp_path / "content").exists() or not any((tmp_path / "content").iterdir())


@pytest.mark.parametrize("name", [*REFUSED, *READ])
def test_within_bounded_memory(name: str, hostile: dict[str, Path]) -> None:
    def run() -> None:
        try:
            check_received(read_received(hostile[name]))
        except UsageError:
            pass

    assert peak_of(run) < MEMORY


@pytest.mark.parametrize("name", sorted(READ))
def test_nested_tables_and_imported_parts_are_read_or_said_not_read(
    name: str, hostile: dict[str, Path]
) -> None:
    received = read_received(hostile[name])
    (problem,) = check_received(received).problems
    assert problem.code == READ[name]
    place = received.place(problem.position.line)
    if name.startswith("bang-long"):  # the innermost table, read as a table of its own
        depth = int(name.rsplit("-", 1)[1])
        assert place == f"bảng {depth}, dòng 1"
    elif name == "nhung-html":  # the imported page's paragraphs, after "Trước."
        assert place == "đoạn 3"
    else:
        assert place == "sau đoạn 1"


def test_the_unread_example_of_the_codes_list(
    hostile: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/ma-loi.md, BC760: the line soat prints for a DOCX importing an RTF part."""
    (tmp_path / "nhan.docx").write_bytes(hostile["nhung-rtf"].read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["soat", "nhan.docx"]) == 0  # a warning
    out, _ = capsys.readouterr()
    listed = (ROOT / "docs" / "ma-loi.md").read_text(encoding="utf-8")
    assert f"`{out.strip()}`" in listed


def test_nhap_refuses_what_it_cannot_read_whole(
    hostile: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    argv = ["nhap", "--content", str(content), str(hostile["nhung-rtf"]), "nhung"]
    assert main(argv) == UsageError.exit_code
    assert "chunk1.rtf" in capsys.readouterr().err
    assert list(content.iterdir()) == []
    argv = ["nhap", "--content", str(content), str(hostile["bang-long-5"]), "bang"]
    assert main(argv) == 0
    imported = "\n".join(p.read_text(encoding="utf-8") for p in (content / "bang").iterdir())
    assert "Hai trăm triệu đồng" in imported  # the innermost table's amount, imported


def test_a_docx_with_a_password_is_called_so(
    hostile: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["soat", str(hostile["mat-khau"])]) == UsageError.exit_code
    err = capsys.readouterr().err
    assert "mật khẩu" in err and "97-2003" not in err


def test_a_long_paragraph_is_imported(hostile: dict[str, Path], tmp_path: Path) -> None:
    """40.000 characters of dates without a comma: read once, not once per character."""
    assert main(["nhap", "--content", str(tmp_path), str(hostile["doan-dai"]), "dai"]) == 0
    assert (tmp_path / "dai" / "00-mo-dau.md").is_file()


def test_nhap_creates_no_folder_above_content(
    hostile: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "khong-co" / "content"
    argv = ["nhap", "--content", str(missing), str(hostile["doan-dai"]), "dai"]
    assert main(argv) == UsageError.exit_code
    assert not (tmp_path / "khong-co").exists()
    assert "khong-co" in capsys.readouterr().err
    argv = ["nhap", "--content", str(tmp_path / "content"), str(hostile["doan-dai"]), "dai"]
    assert main(argv) == 0  # content/ itself, when its parent is there
    assert (tmp_path / "content" / "dai").is_dir()


@pytest.mark.skipif(os.name != "posix", reason="whether a process runs is asked on POSIX only")
def test_nhap_removes_what_a_killed_nhap_left(hostile: dict[str, Path], tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    ended = content / ".dai.4194304.nhap"  # past Linux's largest process id: no such process
    ended.mkdir()
    (ended / "00-mo-dau.md").write_text("---\n", encoding="utf-8")
    other = content / ".khac.4194304.nhap"  # another name's: not this run's to remove
    other.mkdir()
    assert main(["nhap", "--content", str(content), str(hostile["doan-dai"]), "dai"]) == 0
    assert sorted(p.name for p in content.iterdir()) == [".khac.4194304.nhap", "dai"]
