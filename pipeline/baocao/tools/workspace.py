"""`baocao khoi-tao [FOLDER]`: a working folder made ready, on the editor's own computer.

An installed baocao (a wheel, `pipx install`) works in any folder that holds `content/`; this
makes one: `content/` with one example document (`baocao new`'s report), a `.gitignore` that
keeps `output/` out of git, and, when git is installed, a repository whose `git diff` shows the
text of DOCX files (`baocao text`, as the repository's own README sets up). What is already there
is kept: run again, it adds only what is missing. It answers with what to do next, one line each.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from baocao.parse.document import document_folders
from baocao.problems import UsageError, display_path, os_reason
from baocao.tools.new import new_document

EXAMPLE = "bao-cao-mau"  # the example document's folder
IGNORED = "/output/"  # .gitignore's line: the DOCX are built, never committed
ATTRIBUTES = "*.docx diff=docx"  # .gitattributes' line: git diff reads a DOCX through textconv


def make_workspace(folder: Path) -> list[str]:
    """Make `folder` ready to work in; the lines that tell the editor what was done and what to
    do next."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"không tạo được thư mục “{folder}”: {os_reason(exc)}") from None
    if not folder.is_dir():
        raise UsageError(f"“{folder}” không phải một thư mục")
    content = folder / "content"
    said = [f"Thư mục làm việc: {display_path(folder.resolve())}"]
    documents = document_folders(content)
    if documents:
        said.append(f"  content/ đã có {len(documents)} văn bản: giữ nguyên.")
    else:
        example = new_document(content, EXAMPLE)
        shown = example.relative_to(folder).as_posix()
        said.append(f"  {shown}/: một văn bản mẫu để sửa hoặc xóa.")
    try:
        if _add_line(folder / ".gitignore", IGNORED):
            said.append("  .gitignore: git bỏ qua output/, nơi baocao ghi các tệp DOCX.")
        said += _git(folder)
    except OSError as exc:
        raise UsageError(f"không ghi được vào “{folder}”: {os_reason(exc)}") from None
    said += [
        "Tiếp theo, trong thư mục đó:",
        "  baocao new TÊN --loai LOẠI   tạo một văn bản mới (LOẠI: bao-cao, to-trinh, quyet-dinh…)",
        "  baocao check                 xem các chỗ cần sửa, mỗi chỗ một dòng tệp:dòng:cột",
        "  baocao build                 dựng DOCX vào output/ (chỉ những văn bản đã thay đổi)",
    ]
    return said


def _add_line(path: Path, line: str) -> bool:
    """Add `line` to a text file (created if missing) unless it is there; whether it was added."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if line in text.splitlines():
        return False
    ending = "" if not text or text.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8", newline="\n") as stream:
        stream.write(f"{ending}{line}\n")
    return True


def _git(folder: Path) -> list[str]:
    """A git repository in `folder` (unless it is in one already) whose diff shows a DOCX's text;
    nothing when git is not installed."""
    git = shutil.which("git")
    if git is None:
        return ["  git chưa được cài: bỏ qua phần lịch sử (cài git rồi chạy lại lệnh này)."]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [git, *args], cwd=folder, capture_output=True, text=True, timeout=60, check=False
        )

    said = []
    if run("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
        if run("init", "-q").returncode != 0:
            return ["  git: không tạo được kho git ở đây; bỏ qua."]
        said.append("  git: đã tạo kho git để theo dõi lịch sử các văn bản.")
    _add_line(folder / ".gitattributes", ATTRIBUTES)
    # The Python running this baocao, by its full path: the same installation, whatever PATH
    # holds when git runs it; forward slashes, which git's shell reads on Windows too.
    textconv = f'"{Path(sys.executable).as_posix()}" -m baocao text'
    configured = [
        run("config", "diff.docx.textconv", textconv),
        run("config", "diff.docx.cachetextconv", "true"),
    ]
    if any(result.returncode for result in configured):
        return [*said, "  git: không ghi được cài đặt cho git diff; bỏ qua."]
    said.append("  git diff: hiện chữ của các tệp DOCX (baocao text).")
    return said
