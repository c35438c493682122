"""The tools around git: DOCX text for `git diff`, the pre-commit hook, and `make pdf`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from baocao.build import build_document
from conftest import ROOT, SAMPLE, git

BAOCAO = [sys.executable, "-m", "baocao"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_text_of_a_docx_is_one_line_per_paragraph(tmp_path: Path, content_copy: Path) -> None:
    docx = build_document(content_copy / SAMPLE, tmp_path).target
    result = run([*BAOCAO, "text", str(docx)], ROOT)
    assert result.returncode == 0, result.stderr
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in result.stdout
    lines = result.stdout.splitlines()
    opening = next(line for line in lines if line.startswith("Thực hiện Công văn số 2778"))
    assert opening.endswith("năm 2027.")  # the whole paragraph on its line: word diffs stay local


def test_git_diff_shows_the_changed_sentence_of_a_docx(tmp_path: Path, content_copy: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    folder = content_copy / SAMPLE
    build_document(folder, repo)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first")
    part = folder / "03-kho-khan.md"
    part.write_text(
        part.read_text(encoding="utf-8").replace("Năm 2026, là", "Năm 2026 là"), "utf-8"
    )
    build_document(folder, repo)
    textconv = f"{sys.executable} -m baocao text"
    diff = git(repo, "-c", f"diff.docx.textconv={textconv}", "diff")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and "Năm 2026" in line]
    assert [line[0] for line in changed] == ["-", "+"]
    assert changed[1].startswith("+Năm 2026 là thời gian")


def test_pre_commit_hook_runs_check_in_a_content_repository(
    tmp_path: Path, content_copy: Path
) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "baocao-check"
    assert hook["pass_filenames"] is False
    entry = hook["entry"].split()
    assert entry[0] == "baocao"
    command = [str(Path(sys.executable).parent / entry[0]), *entry[1:]]
    assert run(command, content_copy.parent).returncode == 0
    opening = content_copy / SAMPLE / "00-mo-dau.md"
    opening.write_text(opening.read_text(encoding="utf-8").replace("loai: BÁO CÁO\n", ""), "utf-8")
    failed = run(command, content_copy.parent)
    assert failed.returncode == 1
    assert "00-mo-dau.md:" in failed.stdout and "thiếu tên loại văn bản" in failed.stdout


def test_make_pdf_without_libreoffice_says_so(tmp_path: Path, content_copy: Path) -> None:
    where = [f"CONTENT={content_copy}", f"OUT={tmp_path}"]
    missing = dict(os.environ, BAOCAO_SOFFICE=str(tmp_path / "no-libreoffice"))
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "pdf", *where],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=missing,
    )  # fmt: skip
    assert result.returncode != 0
    assert "LibreOffice" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.pdf"))
    assert (tmp_path / f"{SAMPLE}.docx").is_file()  # the DOCX is still built


def test_make_pdf_renders_every_document(tmp_path: Path, content_copy: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs it")
    where = [f"CONTENT={content_copy}", f"OUT={tmp_path}"]
    result = run(["make", "--no-print-directory", "-C", str(ROOT), "pdf", *where], ROOT)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / f"{SAMPLE}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
