"""`baocao diff`: what a pull request changes in money and in words, between two git revisions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from baocao.build import resolve_folder
from baocao.money.amount import Amount
from baocao.money.figures import number
from baocao.problems import Position
from baocao.resolve.budget import Row, Table
from baocao.review.diff import Passage, compare_prose, read_side
from baocao.review.report import quote, word_diff
from budget_documents import write_document
from conftest import ROOT, SAMPLE, git, needs_make
from shared_amounts import write_shared

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TABLE = """\
Tổng kinh phí là {{ tien("kp.tong") }}; đề xuất thêm **10.000.000 đồng**{#de-xuat}.

Đơn vị: Triệu đồng {#kp cot=1}

| TT | NỘI DUNG | NĂM 2026 | ĐẾN 30/6 | SAU 30/6 |
|----|----------|----------|----------|----------|
| A  | B        | (1)=(2)+(3) | (2)   | (3)      |
| =  | Tổng cộng {#tong} | | | |
| 1  | Thiết bị {#thiet-bi} | | | |
| +  | Máy tính | | 100 | 20 |
| +  | Máy in | | 20 | |
| 2  | Tập huấn {#tap-huan} | | 50 | |
"""


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", "diff", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository on branch main holding content/thu, a small document with a table."""
    write_document(tmp_path / "content", TABLE)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Văn bản thử")
    return tmp_path


PART = Path("content/thu/01-phan.md")


# ---------------------------------------------------------------------------------------------
# The "done when": one amount of the sample report, committed, and what it moves


def _leaf_to_change(folder: Path) -> tuple[Table, Row]:
    """A leaf row with an id and a typed amount in its table's main column, two levels deep."""
    resolved = resolve_folder(folder)
    for table in resolved.registry.tables.values():
        for row in table.rows:
            typed = row.typed.get(table.main) if table.main else None
            if row.id and not row.children and isinstance(typed, Amount) and row.parent:
                if len(row.ancestors()) >= 2:
                    return table, row
    raise AssertionError("the sample report has no budget table with a cited leaf row")


def test_one_committed_amount_shows_with_every_total_it_moves(content_copy: Path) -> None:
    repo = content_copy.parent
    folder = content_copy / SAMPLE
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Báo cáo như đã nhận")
    table, row = _leaf_to_change(folder)
    column = table.column(table.main)  # type: ignore[arg-type]
    assert column is not None
    old = row.values[column.number]
    assert old is not None
    new = Amount.of(old.in_unit(table.unit) + 50, table.unit)
    source = table.position.path
    lines = source.read_text(encoding="utf-8").split("\n")
    cells = lines[row.line - 1].split("|")
    assert cells[column.index + 1].strip() == table.figure(old)
    cells[column.index + 1] = f" {table.figure(new)} "
    lines[row.line - 1] = "|".join(cells)
    source.write_text("\n".join(lines), encoding="utf-8")
    commit(repo, "Sửa một khoản")

    result = diff(repo, "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    edited, moved = out.split("#### Tổng thay đổi theo")
    delta = number((new - old).dong)
    key = f"`{table.id}.{row.id}`"
    assert key in edited
    assert f"| {table.figure(old)} → {table.figure(new)} |" in edited  # the table's unit
    assert f"| {number(old.dong)} → {number(new.dong)} | +{delta} |" in edited  # and đồng
    for ancestor in row.ancestors():  # every total above it, up to the grand total
        before = ancestor.values[column.number]
        assert before is not None
        after = before + (new - old)
        line = f"| {table.figure(before)} → {table.figure(after)} | {number(before.dong)} → "
        assert line in moved, (ancestor.label(), moved)
        if ancestor.id:
            assert f"`{table.id}.{ancestor.id}`" in moved
    assert key not in moved
    # The prose that cites a moved total (section V: the report's total) follows the table.
    citing = [
        p
        for p in read_side(folder, Path("content") / SAMPLE)[0].passages  # type: ignore[union-attr]
        if any(f'"{table.id}.{a.id}"' in p.typed for a in row.ancestors() if a.id)
    ]
    assert citing, "the report should cite its table's total in prose (section V)"
    prose = moved.split("Lời văn trích các số tiền đã đổi")[1]
    for paragraph in citing:
        assert f"**{paragraph.position.path}:{paragraph.position.line}**" in prose
    total = next(a for a in row.ancestors() if a.parent is None).values[column.number]
    assert total is not None
    assert f"**{number((total + new - old).dong)}**" in prose
    assert "#### Lời văn đã sửa" not in out  # nothing was typed in the prose


# ---------------------------------------------------------------------------------------------
# Amounts, rows and prose on a small document


def test_typed_amounts_apart_from_the_totals_and_formula_cells_they_move(repo: Path) -> None:
    edit(repo / PART, "| +  | Máy tính | | 100 | 20 |", "| +  | Máy tính | | 130 | 20 |")
    commit(repo, "Máy tính 130")
    out = diff(repo, "HEAD~1", "HEAD").stdout
    edited, moved = out.split("#### Tổng thay đổi theo")
    assert (
        "| — | `+` Máy tính | (2) | 100 → 130 | 100.000.000 → 130.000.000 | +30.000.000 |" in edited
    )
    assert edited.count("| (") == 1
    assert "Cột (2) ĐẾN 30/6." in edited
    assert "| — | `+` Máy tính | (1) | 120 → 150 |" in moved  # its formula column
    assert "| `kp.thiet-bi(2)` | `1` Thiết bị | (2) | 120 → 150 |" in moved
    assert "| `kp.thiet-bi` | `1` Thiết bị | (1) | 140 → 170 |" in moved
    assert "| `kp.tong(2)` | `=` Tổng cộng | (2) | 170 → 200 |" in moved
    assert "| `kp.tong` | `=` Tổng cộng | (1) | 190 → 220 |" in moved
    assert "Cột (1) NĂM 2026; (2) ĐẾN 30/6." in moved
    assert "~~190.000.000~~ **220.000.000**" in moved  # the prose citing kp.tong follows
    assert (
        "Tóm tắt: 1 số tiền sửa tay, 5 tổng thay đổi theo, 1 đoạn trích số tiền tự cập nhật." in out
    )


def test_prose_amount_rows_added_removed_and_renamed(repo: Path) -> None:
    edit(repo / PART, "**10.000.000 đồng**", "**12.500.000 đồng**")
    edit(repo / PART, "| +  | Máy in | | 20 | |\n", "| +  | Máy chiếu | | 40 | |\n")
    edit(repo / PART, "Tập huấn {#tap-huan}", "Tập huấn, bồi dưỡng {#tap-huan}")
    commit(repo, "Đổi máy in lấy máy chiếu")
    out = diff(repo, "HEAD~1", "HEAD").stdout
    assert "| `de-xuat` | content/thu/01-phan.md:1 | 10.000.000 → 12.500.000 | +2.500.000 |" in out
    added = "- Thêm vào bảng `kp` (content/thu/01-phan.md:11): `+` Máy chiếu — "
    assert added + "(1) 40 triệu đồng = 40.000.000 đồng; (2) 40 triệu đồng" in out
    assert "- Bỏ khỏi bảng `kp` (trước ở content/thu/01-phan.md:11): `+` Máy in — " in out
    assert "- Đổi tên dòng trong bảng `kp` (content/thu/01-phan.md:12): `2` Tập huấn → " in out
    assert "| `kp.thiet-bi(2)` | `1` Thiết bị | (2) | 120 → 140 |" in out

    backwards = diff(repo, "HEAD", "HEAD~1").stdout  # the same change undone: the row comes back
    assert "- Thêm vào bảng `kp` (content/thu/01-phan.md:11): `+` Máy in — " in backwards
    assert "- Bỏ khỏi bảng `kp` (trước ở content/thu/01-phan.md:11): `+` Máy chiếu — " in backwards


def test_edited_paragraphs_as_a_word_diff(repo: Path) -> None:
    part = repo / "content/thu/02-phan.md"
    part.write_text(
        "# I. KẾT QUẢ\n\nXã đã tổ chức 3 lớp tập huấn cho cán bộ.\n\nĐoạn sẽ bỏ.\n", "utf-8"
    )
    commit(repo, "Mục I")
    edit(part, "3 lớp tập huấn cho cán bộ", "5 lớp tập huấn cho cán bộ, công chức")
    edit(part, "Đoạn sẽ bỏ.\n", "- Một gạch đầu dòng mới.\n")
    out = diff(repo).stdout  # the working tree against where the branch left main
    assert out.startswith("## Thay đổi số liệu và lời văn: điểm rẽ nhánh từ main (")
    assert "→ bản đang sửa (chưa commit)" in out
    assert "Tóm tắt: 1 đoạn sửa, 1 đoạn thêm, 1 đoạn bỏ." in out
    assert "**content/thu/02-phan.md:3** · I. KẾT QUẢ" in out
    assert "> Xã đã tổ chức ~~3~~ **5** lớp tập huấn cho cán ~~bộ.~~ **bộ, công chức.**" in out
    assert "Đoạn bỏ **content/thu/02-phan.md:5** · I. KẾT QUẢ\n> ~~Đoạn sẽ bỏ.~~" in out
    assert (
        "Đoạn thêm **content/thu/02-phan.md:5** · I. KẾT QUẢ\n> \\- Một gạch đầu dòng mới." in out
    )
    assert "Số tiền" not in out


def test_nothing_changed(repo: Path) -> None:
    result = diff(repo, "HEAD", "HEAD")
    assert result.returncode == 0
    assert "Không có thay đổi nào về số tiền, dòng bảng hay lời văn." in result.stdout


def test_without_main_the_last_commit_is_the_base_and_the_report_says_so(repo: Path) -> None:
    git(repo, "branch", "-m", "main", "nhanh-khac")
    edit(
        repo / PART,
        "| 2  | Tập huấn {#tap-huan} | | 50 | |",
        "| 2  | Tập huấn {#tap-huan} | | 60 | |",
    )
    out = diff(repo).stdout
    assert out.startswith("## Thay đổi số liệu và lời văn: HEAD (")
    assert "*Kho git không có nhánh main: so với commit gần nhất (HEAD).*" in out
    assert "| `kp.tap-huan(2)` | `2` Tập huấn | (2) | 50 → 60 |" in out


def test_a_new_document_is_listed_with_its_table(repo: Path) -> None:
    write_document(repo / "content", TABLE, name="moi")
    commit(repo, "Văn bản mới")
    out = diff(repo, "HEAD~1", "HEAD").stdout
    assert "### Văn bản `moi`\n\nVăn bản mới (2 đề mục và đoạn văn)." in out
    assert (
        "- Bảng mới `kp` (content/moi/01-phan.md:3, Đơn vị: Triệu đồng, 5 dòng; dòng tổng: " in out
    )
    assert "`thu`" not in out


# ---------------------------------------------------------------------------------------------
# Errors the editor can cause


def test_unknown_revision_is_one_clear_line(repo: Path) -> None:
    result = diff(repo, "khong-co-nhanh-nay")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "không có phiên bản “khong-co-nhanh-nay” trong kho git "
        "(ghi tên nhánh, thẻ, HEAD~1 hoặc mã commit)"
    )
    assert result.stdout == ""
    assert diff(repo, "HEAD", "--content").returncode == 2  # argparse: one line, exit 2


def test_outside_a_repository(tmp_path: Path) -> None:
    write_document(tmp_path / "content", TABLE)
    result = diff(tmp_path)
    assert result.returncode == 2
    assert "không nằm trong một kho git" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_end_that_fails_check_is_named_with_its_problems(repo: Path) -> None:
    edit(repo / PART, "| +  | Máy in | | 20 | |", "| +  | Máy in | | 2O | |")
    commit(repo, "Gõ nhầm chữ O")
    result = diff(repo, "HEAD~1", "HEAD")
    assert result.returncode == 1
    assert result.stdout == ""
    short = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"Bản HEAD ({short}) không qua được kiểm tra (1 lỗi), nên chưa so sánh được:"
    assert lines[1].startswith("content/thu/01-phan.md:11:19: BC323 ")  # "2O": no number
    assert len(lines) == 2  # the other end is fine: not mentioned

    result = diff(repo, "HEAD", "HEAD~1")  # the failing end named whichever side it is on
    assert result.returncode == 1
    assert result.stderr.startswith(f"Bản HEAD ({short}) không qua được")


# ---------------------------------------------------------------------------------------------
# The pieces


def test_word_diff_keeps_context_short_and_escapes_markdown() -> None:
    old = " ".join(f"w{k}" for k in range(40)) + " 5*3 [a]"
    new = old.replace("w20", "W20")
    assert word_diff(old, new, context=3) == "… w17 w18 w19 ~~w20~~ **W20** w21 w22 w23 …"
    assert word_diff("a 5*3", "a 6*3") == "a ~~5\\*3~~ **6\\*3**"
    assert quote("- mục") == "> \\- mục" and quote("12. Điều") == "> 12\\. Điều"


def test_paragraphs_pair_by_shared_words_in_a_changed_stretch() -> None:
    def passages(*texts: str) -> list[Passage]:
        return [Passage(Position(Path("a.md"), k), "", t, t) for k, t in enumerate(texts)]

    old = passages("Đầu.", "Một hai ba bốn năm sáu.", "Cuối.")
    new = passages("Đầu.", "Đoạn chen vào.", "Một hai ba bốn năm bảy.", "Cuối.")
    changes = compare_prose(old, new)
    assert [(c.old, c.new) for c in changes] == [
        (None, "Đoạn chen vào."),
        ("Một hai ba bốn năm sáu.", "Một hai ba bốn năm bảy."),
    ]


def test_amounts_are_exact(repo: Path) -> None:
    side, problems = read_side(repo / "content/thu", Path("content/thu"))
    assert problems == [] and side is not None
    assert side.declared["de-xuat"].amount == Amount(Decimal(10_000_000))
    assert side.declared["de-xuat"].position == Position(PART, 1, 73)  # its tag, "{#de-xuat}"


@needs_make
def test_make_diff_compares_the_content_it_is_given(repo: Path) -> None:
    edit(repo / PART, "| +  | Máy in | | 20 | |", "| +  | Máy in | | 25 | |")
    root = ROOT
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(root), "diff", f"CONTENT={repo / 'content'}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "→ bản đang sửa (chưa commit)" in result.stdout
    assert "| — | `+` Máy in | (2) | 20 → 25 |" in result.stdout


# ---------------------------------------------------------------------------------------------
# Amounts shared across documents


def test_documents_citing_a_changed_amount_of_another_are_listed(tmp_path: Path) -> None:
    folders = write_shared(tmp_path / "content")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Kế hoạch, tờ trình, quyết định")
    edit(
        folders["ke-hoach"] / "01-noi-dung.md",
        "| +  | Camera giám sát {#camera}       | 300      |",
        "| +  | Camera giám sát {#camera}       | 350      |",
    )
    commit(tmp_path, "Camera 350 triệu")
    result = diff(tmp_path, "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    sections = {part.split("`", 1)[0]: part for part in out.split("### Văn bản `")[1:]}
    assert list(sections) == ["ke-hoach", "quyet-dinh", "to-trinh"]
    assert "| `kp.camera` | `+` Camera giám sát | (1) | 300 → 350 |" in sections["ke-hoach"]
    for name in ("quyet-dinh", "to-trinh"):
        section = sections[name]
        assert "Tóm tắt: 1 đoạn trích số tiền tự cập nhật." in section
        assert "Lời văn trích các số tiền đã đổi (tự cập nhật, không sửa tay):" in section
        assert f"**content/{name}/01-noi-dung.md:1**" in section
        assert "~~450.000.000~~ **500.000.000** đồng" in section
        assert "~~300.000.000~~ **350.000.000** đồng" in section

    edit(folders["ke-hoach"] / "01-noi-dung.md", "| 350      |", "| 400      |")
    working = diff(tmp_path, "HEAD").stdout  # the working tree: the kế hoạch read where it is
    assert "### Văn bản `to-trinh`" in working
    assert "~~350.000.000~~ **400.000.000** đồng" in working


def test_counts_and_percents_are_reported_in_their_own_units(tmp_path: Path) -> None:
    table = """\
Đơn vị: Hồ sơ {#hs}

| TT | THÔN | Hồ sơ tiếp nhận | Hồ sơ trực tuyến | Tỷ lệ (%) | Kinh phí (triệu đồng) |
|----|------|-----------------|------------------|-----------|-----------------------|
| A  | B    | (1)             | (2)              | (3)=(2)/(1)×100 | (4)             |
| =  | Toàn xã {#toan-xa} | | | | |
| 1  | An Lạc | 120 | 96 | | 15 |
| 2  | Bình Minh | 80 | 52 | | 10 |
"""
    write_document(tmp_path / "content", table)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "Thống kê")
    edit(tmp_path / PART, "| 80 | 52 |", "| 80 | 64 |")
    commit(tmp_path, "Bình Minh 64")
    out = diff(tmp_path, "HEAD~1", "HEAD").stdout
    assert "| Mã | Dòng | Cột | Cũ → mới (hồ sơ) | Chênh lệch (hồ sơ) |" in out
    assert "| — | `2` Bình Minh | (2) | 52 → 64 | +12 |" in out
    assert "| `hs.toan-xa(2)` | `=` Toàn xã | (2) | 148 → 160 | +12 |" in out
    assert "| Mã | Dòng | Cột | Cũ → mới (%) | Chênh lệch (%) |" in out
    assert "| — | `2` Bình Minh | (3) | 65 → 80 | +15 |" in out
    assert "| `hs.toan-xa(3)` | `=` Toàn xã | (3) | 74 → 80 | +6 |" in out
    assert "đồng" not in out.split("#### Tổng thay đổi theo")[0]  # no money changed
