"""`baocao khoi-tao`: a working folder made ready in one command, run again without harm, with
git's diff of DOCX files set up when git is there."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.build import build_document, check_document
from baocao.cli import main
from baocao.tools.workspace import EXAMPLE, make_workspace
from conftest import git

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_an_empty_folder_gets_content_an_example_and_gitignore(tmp_path: Path) -> None:
    work = tmp_path / "thu muc moi"  # made when missing, spaces and all
    said = make_workspace(work)
    example = work / "content" / EXAMPLE
    assert sorted(p.name for p in example.iterdir()) == ["00-mo-dau.md", "01-noi-dung.md"]
    assert check_document(example)  # its placeholders, still to fill
    assert build_document(example, tmp_path / "out").target.is_file()  # yet it builds
    assert (work / ".gitignore").read_text(encoding="utf-8") == "/output/\n"
    text = "\n".join(said)
    assert not re.search(r"\bmake\b", text)
    assert "baocao new" in text and "baocao check" in text and "baocao build" in text


def test_run_again_it_keeps_what_is_there_and_adds_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.tmp", encoding="utf-8")  # no final newline
    make_workspace(tmp_path)
    part = tmp_path / "content" / EXAMPLE / "01-noi-dung.md"
    part.write_text("Đã sửa.\n", encoding="utf-8")
    said = make_workspace(tmp_path)
    assert part.read_text(encoding="utf-8") == "Đã sửa.\n"
    assert len(list((tmp_path / "content").iterdir())) == 1
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n/output/\n"
    assert any("đã có 1 văn bản" in line for line in said)


def test_a_file_in_place_of_the_folder_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("", encoding="utf-8")
    assert main(["khoi-tao", str(blocker)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "tep" in line


def test_without_git_it_says_so_and_makes_no_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "khong-co-gi"))
    said = make_workspace(tmp_path / "work")
    assert any("git chưa được cài" in line for line in said)
    assert not (tmp_path / "work" / ".git").exists()


@needs_git
def test_git_diff_shows_the_text_of_a_docx(tmp_path: Path) -> None:
    work = tmp_path / "work"
    said = make_workspace(work)
    assert any("git diff" in line for line in said)
    assert (work / ".gitattributes").read_text(encoding="utf-8") == "*.docx diff=docx\n"
    textconv = git(work, "config", "diff.docx.textconv").strip()
    assert textconv == f'"{Path(sys.executable).as_posix()}" -m baocao text'
    example = work / "content" / EXAMPLE
    sent = work / "da-gui"  # a DOCX kept in git (output/ is not)
    build_document(example, sent)
    git(work, "add", "-A")
    git(work, "commit", "-qm", "gửi")
    part = example / "01-noi-dung.md"
    part.write_text(part.read_text(encoding="utf-8") + "\nĐoạn mới thêm vào.\n", encoding="utf-8")
    build_document(example, sent)
    shown = git(work, "diff", "--", "da-gui")
    assert "+Đoạn mới thêm vào." in shown
    assert "Binary files" not in shown


@needs_git
def test_inside_a_repository_it_makes_no_new_one(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    make_workspace(tmp_path / "van-ban")
    assert not (tmp_path / "van-ban" / ".git").exists()
    result = subprocess.run(
        ["git", "config", "diff.docx.cachetextconv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "true"
