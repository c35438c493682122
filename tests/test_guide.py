"""The editor's guide cannot go stale: its examples are built and checked, its outputs regenerated.

docs/huong-dan-bien-tap.md marks each example with a title on its fence:

- ```markdown title="vi-du/02-kinh-phi.md"``` — a file of an example document (content/vi-du/…);
  a document without its own 00-….md takes vi-du's front matter;
- ```text title="in ra: vi-du"``` — lines the DOCX of that document prints;
- ```text title="make check: vi-du-loi"``` — exactly what check prints for that document;
- ```diff title="sửa: vi-du/02-kinh-phi.md"``` — "-" / "+" line pairs, an edit to make;
- ```markdown title="baocao diff: vi-du"``` — what `baocao diff` writes for that edit, committed
  on a branch, against origin/main (commit ids aside);
- ```text title="tệp nhận được: bao-cao-thon.txt"``` — a received file, and ```text
  title="baocao soat: bao-cao-thon.txt"``` exactly what `baocao soat` prints for it;
- ```text title="make check sau baocao nhap: bao-cao-nhan-duoc"``` — what check prints once the
  received sample, as a DOCX (tests/received_docx.py), is moved in by `baocao nhap`.

Run with BAOCAO_UPDATE_GUIDE=1 to rewrite the outputs in the guide from what the tools print now.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT

import docx
from baocao.build import build_document, check_document
from baocao.review.textconv import docx_text
from budget_documents import resolved, shown
from conftest import ROOT, git
from received_docx import received_docx

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
FENCE = re.compile(r'^```(\w+) title="([^"]+)"\n(.*?)^```$', re.M | re.S)
UPDATE = bool(os.environ.get("BAOCAO_UPDATE_GUIDE"))
COMMIT_ID = re.compile(r"\([0-9a-f]{7}\)")


def blocks() -> dict[str, str]:
    """Every titled example of the guide, by title."""
    found: dict[str, str] = {}
    for match in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        assert match.group(2) not in found, f"two examples titled {match.group(2)}"
        found[match.group(2)] = match.group(3)
    return found


def expect(title: str, actual: str) -> None:
    """The guide's block `title` against what a tool prints; rewritten in place when updating."""
    shown = blocks()[title]
    if UPDATE and shown != actual:
        text = GUIDE.read_text(encoding="utf-8")
        GUIDE.write_text(
            text.replace(f'title="{title}"\n{shown}```', f'title="{title}"\n{actual}```')
        )
        return
    assert COMMIT_ID.sub("(…)", shown) == COMMIT_ID.sub("(…)", actual), (
        f"the guide's “{title}” is stale; regenerate with BAOCAO_UPDATE_GUIDE=1"
    )


def write_examples(root: Path) -> Path:
    """The guide's example documents under `root/content`; the content folder."""
    content = root / "content"
    for title, body in blocks().items():
        if ":" not in title:
            path = content / title
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    for folder in content.iterdir():
        if not list(folder.glob("00-*.md")):
            shutil.copy(content / "vi-du" / "00-mo-dau.md", folder / "00-mo-dau.md")
    return content


def baocao(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args], cwd=cwd, capture_output=True, text=True
    )


def test_the_guide_has_its_examples() -> None:
    titles = set(blocks())
    assert {"vi-du/00-mo-dau.md", "vi-du/01-ket-qua.md", "vi-du/02-kinh-phi.md"} <= titles
    assert {"make check: vi-du-loi", "in ra: vi-du", "baocao diff: vi-du"} <= titles
    assert "sửa: vi-du/02-kinh-phi.md" in titles


def test_the_example_document_checks_clean_and_builds(tmp_path: Path) -> None:
    content = write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du")
    assert result.returncode == 0, result.stdout
    assert (result.stdout, result.stderr) == ("", "Không có lỗi (0 cảnh báo).\n")
    docx = build_document(content / "vi-du", tmp_path / "output").target
    printed = docx_text(docx).splitlines()
    for line in blocks()["in ra: vi-du"].splitlines():
        assert line in printed, line


def test_a_document_citing_another_checks_clean_and_prints_what_the_guide_says(
    tmp_path: Path,
) -> None:
    content = write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-trich")  # vi-du, which it cites, is not named
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    docx = build_document(content / "vi-du-trich", tmp_path / "output").target
    printed = docx_text(docx).splitlines()
    for line in blocks()["in ra: vi-du-trich"].splitlines():
        assert line in printed, line


def test_the_appendix_example_checks_clean_and_builds(tmp_path: Path) -> None:
    content = write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-phu-luc")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    target = build_document(content / "vi-du-phu-luc", tmp_path / "output").target
    printed = docx_text(target).splitlines()
    for line in blocks()["in ra: vi-du-phu-luc"].splitlines():
        assert line in printed, line
    built = docx.Document(str(target))
    assert [s.orientation for s in built.sections] == [WD_ORIENT.PORTRAIT] * 3  # narrow tables


def test_each_kind_of_document_in_the_guide_checks_clean_and_prints_what_it_says(
    tmp_path: Path,
) -> None:
    """Section 10, "Các loại văn bản": one example per kind (folders vd-…), each with its own
    front matter, checks without a problem and prints the lines its "in ra" block shows."""
    content = write_examples(tmp_path)
    examples = sorted(p for p in content.iterdir() if p.name.startswith("vd-"))
    assert len(examples) >= 7
    for folder in examples:
        assert check_document(folder) == [], folder.name
        printed = docx_text(build_document(folder, tmp_path / "output").target).splitlines()
        for line in blocks()[f"in ra: {folder.name}"].splitlines():
            assert line in printed, (folder.name, line)


def test_the_citation_table_prints_what_the_guide_says(tmp_path: Path) -> None:
    """Section 6's table "viết | in ra": each citation, resolved in the example document."""
    content = write_examples(tmp_path)
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## 6.") : text.index("## 7.")]
    rows = re.findall(r"^\| `(\{\{.*?\}\})` \| (.*?) \|$", section, flags=re.M)
    assert len(rows) >= 5
    (content / "vi-du" / "03-trich.md").write_text("".join(f"\n{r}\n" for r, _ in rows), "utf-8")
    blocks, problems = resolved(content / "vi-du")
    assert problems == []
    printed = [b for b in blocks if b.position.path.name == "03-trich.md"]
    for block, (citation, expected) in zip(printed, rows, strict=True):
        assert expected.startswith(shown(block)), citation


def test_the_words_example_in_the_guide_is_what_check_prints(tmp_path: Path) -> None:
    """Section 6, "Số tiền gõ trong lời văn và số bằng chữ": amounts in any unit, a declared sum
    in a list, a "(Bằng chữ: …)" paragraph with an error and a variant."""
    write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-chu")
    assert result.returncode == 1
    expect("make check: vi-du-chu", result.stdout + result.stderr)


def test_the_signed_numbers_example_is_what_check_prints(tmp_path: Path) -> None:
    """Section 6, "Những con số ký được": a total a digit off whose words agree, an item retyped
    a digit off, an amount nothing accounts for, a percent its two amounts do not give."""
    write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-so-ky")
    assert result.returncode == 1
    expect("make check: vi-du-so-ky", result.stdout + result.stderr)


def test_check_messages_in_the_guide_are_what_check_prints(tmp_path: Path) -> None:

    write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-loi")
    assert result.returncode == 1
    expect("make check: vi-du-loi", result.stdout + result.stderr)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_pull_request_example_is_what_baocao_diff_writes(tmp_path: Path) -> None:
    write_examples(tmp_path)
    for title in blocks():  # the examples of errors do not pass check: not in a branch
        if title.startswith("make check: "):
            shutil.rmtree(tmp_path / "content" / title.removeprefix("make check: "))

    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Văn bản ví dụ")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(tmp_path, "switch", "-qc", "sua-kinh-phi-may-in")
    (title, edit), *_ = [(t, b) for t, b in blocks().items() if t.startswith("sửa: ")]
    path = tmp_path / "content" / title.removeprefix("sửa: ")
    text = path.read_text(encoding="utf-8")
    lines = edit.splitlines()
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        assert old.startswith("-") and new.startswith("+")
        assert old[1:] + "\n" in text, old
        text = text.replace(old[1:] + "\n", new[1:] + "\n", 1)
    path.write_text(text, encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Máy in 25 triệu theo báo giá tháng 7")
    result = baocao(tmp_path, "diff", "origin/main", "HEAD")
    assert result.returncode == 0, result.stderr
    expect("baocao diff: vi-du", result.stdout)


def test_the_tables_example_checks_clean_and_prints_what_the_guide_says(tmp_path: Path) -> None:
    """Section 5, "Bảng số liệu": units per column, × and ÷, "#" rows, zero as "-"."""
    content = write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-bang")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    target = build_document(content / "vi-du-bang", tmp_path / "output").target
    printed = [
        "| " + " | ".join(cell.text for cell in row.cells) + " |"
        for table in docx.Document(str(target)).tables
        for row in table.rows
    ]
    for line in blocks()["bảng in ra: vi-du-bang"].splitlines():
        assert line in printed, line


def test_the_dash_items_example_checks_clean_and_prints_its_dashes(tmp_path: Path) -> None:
    """Section 5, "Mục gạch đầu dòng": "-" rows print their dash, the "+" rows after one are its
    items and add up into it."""
    content = write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-gach")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    target = build_document(content / "vi-du-gach", tmp_path / "output").target
    printed = [
        "| " + " | ".join(cell.text for cell in row.cells) + " |"
        for table in docx.Document(str(target)).tables
        for row in table.rows
    ]
    for line in blocks()["bảng in ra: vi-du-gach"].splitlines():
        assert line in printed, line


def test_the_tables_check_messages_in_the_guide_are_what_check_prints(tmp_path: Path) -> None:
    write_examples(tmp_path)
    result = baocao(tmp_path, "check", "vi-du-bang-loi")
    assert result.returncode == 1
    expect("make check: vi-du-bang-loi", result.stdout + result.stderr)


def test_the_soat_example_is_what_baocao_soat_prints(tmp_path: Path) -> None:
    """Section 11: a received text file, every kind of problem soat finds, each at its line."""
    received = "bao-cao-thon.txt"
    (tmp_path / received).write_text(blocks()[f"tệp nhận được: {received}"], encoding="utf-8")
    result = baocao(tmp_path, "soat", received)
    assert result.returncode == 1
    expect(f"baocao soat: {received}", result.stdout + result.stderr)


def test_the_nhap_example_is_what_check_prints_after_it(tmp_path: Path) -> None:
    """Section 11: the received sample as a DOCX, moved in, then checked."""
    received_docx(tmp_path / "bao-cao-nhan-duoc.docx")
    moved = baocao(tmp_path, "nhap", "bao-cao-nhan-duoc.docx")
    assert moved.returncode == 0, moved.stderr
    assert (tmp_path / "content" / "bao-cao-nhan-duoc" / "90-phu-luc.md").is_file()
    result = baocao(tmp_path, "check", "bao-cao-nhan-duoc")
    assert result.returncode == 1
    expect("make check sau baocao nhap: bao-cao-nhan-duoc", result.stdout + result.stderr)
