"""Only the document folder is read: content comes from the regular files inside it. A part that
is a link (to /etc/passwd, to ../../.git/config), a FIFO, a device or a folder, and a document
folder that is a link, are refused at their name — in build, check, diff and git revisions
alike — and never followed, opened or waited for."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import check_document
from baocao.parse.document import find_documents, read_part
from baocao.problems import Code
from budget_documents import write_document
from conftest import git
from shared_amounts import write_shared

SECRET = "token-bi-mat-123"  # what lies outside the folder: never in any output


def baocao(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,  # a FIFO opened for reading would hang: the timeout fails the test
    )


def outside(tmp_path: Path) -> Path:
    """A file outside the content folder, as a checkout's .git/config holds a token."""
    secret = tmp_path / "ngoai" / "config"
    secret.parent.mkdir()
    secret.write_text(f"Đoạn văn {SECRET}.\n", encoding="utf-8")
    return secret


def assert_refused(
    result: subprocess.CompletedProcess[str], where: str, code: Code, fix: str = ""
) -> None:
    """Exit 1, the refusal of `code` on one line at `where` (holding `fix`, the way out), and
    nothing read from outside."""
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    lines = [line for line in out.splitlines() if line.startswith(f"{where}:1:1: {code} ")]
    assert lines and all(fix in line for line in lines), out
    assert SECRET not in out and "Traceback" not in out


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_part_linked_outside_is_refused_by_check_and_build(
    tmp_path: Path, relative: bool
) -> None:
    folder = write_document(tmp_path / "content", "Đoạn văn.\n")
    secret = outside(tmp_path)
    link = folder / "05a-x.md"
    link.symlink_to(os.path.relpath(secret, folder) if relative else secret)
    fix = "hãy chép nội dung vào đây thay cho liên kết"
    assert_refused(baocao(tmp_path, "check"), "content/thu/05a-x.md", codes.LINKED_PART, fix)
    built = baocao(tmp_path, "build", "-o", "out")
    assert_refused(built, "content/thu/05a-x.md", codes.LINKED_PART, fix)
    assert not (tmp_path / "out" / "thu.docx").exists()
    assert not isinstance(read_part(link), bytes)


def test_a_link_inside_the_folder_is_refused_too(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", "Đoạn văn.\n")
    (folder / "02-chep.md").symlink_to("01-phan.md")
    assert_refused(baocao(tmp_path, "check"), "content/thu/02-chep.md", codes.LINKED_PART)


def test_a_fifo_is_refused_and_never_waited_for(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", "Đoạn văn.\n")
    os.mkfifo(folder / "02-ong.md")
    fifo = "ống dẫn (FIFO)"
    assert_refused(baocao(tmp_path, "check"), "content/thu/02-ong.md", codes.PART_NOT_A_FILE, fifo)
    built = baocao(tmp_path, "build", "-o", "out")
    assert_refused(built, "content/thu/02-ong.md", codes.PART_NOT_A_FILE, fifo)


def test_a_folder_or_a_device_with_a_parts_name_is_refused(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", "Đoạn văn.\n")
    (folder / "02-muc.md").mkdir()
    problems = check_document(folder)
    assert [
        (p.code, p.position.path.name, p.position.line, p.position.column) for p in problems
    ] == [(codes.PART_NOT_A_FILE, "02-muc.md", 1, 1)]
    assert "thư mục" in problems[0].message
    device = folder / "03-thiet-bi.md"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (not root)")
    refused = read_part(device)
    assert not isinstance(refused, bytes)
    assert refused.code == codes.PART_NOT_A_FILE and "thiết bị" in refused.message


def test_a_linked_document_folder_is_refused_never_followed(tmp_path: Path) -> None:
    elsewhere = write_document(tmp_path / "ngoai", f"Đoạn văn {SECRET}.\n")
    content = tmp_path / "content"
    write_document(content, "Đoạn văn.\n", name="that")
    (content / "van-ban").symlink_to(elsewhere)
    assert [p.name for p in find_documents(content)] == ["that", "van-ban"]
    fix = "hãy chép thư mục vào đây thay cho liên kết"
    assert_refused(baocao(tmp_path, "check"), "content/van-ban", codes.LINKED_DOCUMENT, fix)
    built = baocao(tmp_path, "build", "-o", "out")
    assert_refused(built, "content/van-ban", codes.LINKED_DOCUMENT)
    assert "Đang dựng that →" in built.stderr  # the other document is built
    assert not (tmp_path / "out" / "van-ban.docx").exists()
    named = baocao(tmp_path, "render", "van-ban")
    assert_refused(named, "content/van-ban", codes.LINKED_DOCUMENT)


def test_a_cited_folder_that_is_a_link_is_refused_at_the_citation(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folders = write_shared(content)
    moved = tmp_path / "ngoai" / "ke-hoach"
    moved.parent.mkdir()
    shutil.move(folders["ke-hoach"], moved)
    (content / "ke-hoach").symlink_to(moved)
    problems = [p for p in check_document(folders["to-trinh"]) if not p.warning]
    assert problems and {p.position.path.name for p in problems} == {"01-noi-dung.md"}
    for problem in problems:  # at each citation's line
        assert problem.message.startswith(
            "văn bản “ke-hoach” là một liên kết (symlink) tới chỗ khác, không được đọc"
        )


# ---------------------------------------------------------------------------------------------
# baocao diff: the working tree and git revisions


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write_document(tmp_path / "content", "Đoạn văn.\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "baocao.token", SECRET)  # as a CI checkout's .git/config
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "--no-verify", "-m", "Văn bản")
    return tmp_path


def test_diff_refuses_a_link_in_the_working_tree(repo: Path) -> None:
    (repo / "content/thu/05a-x.md").symlink_to("../../.git/config")
    result = baocao(repo, "diff")
    assert_refused(result, "content/thu/05a-x.md", codes.LINKED_PART)
    assert result.stdout == ""


@pytest.mark.parametrize("target", ["/etc/passwd", "../../.git/config", "01-phan.md"])
def test_diff_refuses_a_link_in_a_revision(repo: Path, target: str) -> None:
    (repo / "content/thu/05a-x.md").symlink_to(target)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "Liên kết")
    result = baocao(repo, "diff", "HEAD~1", "HEAD")
    assert_refused(result, "content/thu/05a-x.md", codes.LINKED_PART)
    assert "root:" not in result.stderr  # /etc/passwd, not read
    assert "Bản HEAD (" in result.stderr and "không qua được kiểm tra (1 lỗi)" in result.stderr


def test_diff_refuses_a_linked_document_folder_in_a_revision(repo: Path) -> None:
    shutil.copytree(repo / "content/thu", repo / "ngoai")
    (repo / "content/van-ban").symlink_to("../ngoai")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "Thư mục liên kết")
    result = baocao(repo, "diff", "HEAD~1", "HEAD")
    assert_refused(result, "content/van-ban", codes.LINKED_DOCUMENT)
    assert_refused(baocao(repo, "diff"), "content/van-ban", codes.LINKED_DOCUMENT)
