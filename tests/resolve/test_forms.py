"""Check knows the forms: required elements, numbering, "Như Điều N", placeholders, ký hiệu.

Each test writes a small document of one kind in tmp_path and reads what check reports: each
problem's code, and its place, file:line:column."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from baocao import codes
from baocao.build import check_document, ready_document
from baocao.parse.placeholders import placeholders
from baocao.problems import Code, ContentErrors, Problem
from budget_documents import line_of

FILE = "00-van-ban.md"
BASE = {
    "co_quan": "[ỦY BAN NHÂN DÂN, XÃ THỬ NGHIỆM]",
    "dia_danh": "Xã Thử Nghiệm",
    "ngay": "2027-01-08",
    "loai": "BÁO CÁO",
    "trich_yeu": "Về việc thử",
    "nguoi_ky": "{chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}",
    "noi_nhan": '[Như trên, "Lưu: VT"]',
}
DECISION = {
    "loai": "QUYẾT ĐỊNH",
    "can_cu": "[Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025]",
    "noi_nhan": '[Như Điều 3, "Lưu: VT"]',
}
ARTICLES = "Điều 1. Một.\n\nĐiều 2. Hai.\n\nĐiều 3. Ba.\n"


def front(*changes: dict[str, str], **keys: str) -> str:
    """Front matter: BASE with `changes`, then `keys`, applied (a key given as "" is left out)."""
    values = dict(BASE)
    for change in (*changes, keys):
        values.update(change)
    lines = [f"{key}: {value}" if value else "" for key, value in values.items()]
    return "---\n" + "".join(f"{line}\n" for line in lines if line) + "---\n"


def check(root: Path, text: str, *parts: str) -> list[Problem]:
    """What check reports for a document: `text` (front matter and body), then `parts`."""
    folder = root / "van-ban"
    folder.mkdir(parents=True)
    (folder / FILE).write_text(text, encoding="utf-8")
    for number, part in enumerate(parts, start=1):
        (folder / f"{number:02d}-phan.md").write_text(part, encoding="utf-8")
    return check_document(folder)


def found(problems: list[Problem], code: Code) -> list[tuple[str, int, int]]:
    """(file, line, column) of the problems of `code`."""
    return [
        (p.position.path.name, p.position.line, p.position.column)
        for p in problems
        if p.code == code
    ]


def place(text: str, needle: str, file: str = FILE) -> tuple[str, int, int]:
    """(file, line, column) of the first `needle` in `text`."""
    line = line_of(text, needle)
    return file, line, text.split("\n")[line - 1].index(needle) + 1


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


# ---------------------------------------------------------------------------------------------
# Required elements


def test_a_decision_without_articles_is_an_error_at_its_first_line(tmp_path: Path) -> None:
    text = front(DECISION, noi_nhan='["Lưu: VT"]') + "\nQuyết định thành lập tổ.\n"
    (problem,) = check(tmp_path, text)
    assert found([problem], codes.NO_ARTICLES) == [place(text, "Quyết định thành lập")]
    assert "“Điều 1.”" in problem.message


def test_a_decision_with_no_body_at_all_is_reported_at_its_front_matter(tmp_path: Path) -> None:
    problems = check(tmp_path, front(DECISION, noi_nhan='["Lưu: VT"]'))
    assert found(problems, codes.NO_ARTICLES) == [(FILE, 2, 1)]


def test_a_decision_with_its_articles_is_clean(tmp_path: Path) -> None:
    assert check(tmp_path, front(DECISION) + "\n" + ARTICLES) == []


def test_a_report_sent_upward_without_kinh_gui_is_warned_at_its_recipient(tmp_path: Path) -> None:
    recipients = '\n  - Sở Khoa học và Công nghệ (b/c)\n  - "Lưu: VT"'
    text = front(noi_nhan=recipients) + "\nNội dung.\n"
    (problem,) = check(tmp_path, text)
    assert problem.warning
    assert found([problem], codes.UPWARD_WITHOUT_TO) == [place(text, "(b/c)")]
    assert "(“kinh_gui:”)" in problem.message


def test_a_report_sent_upward_with_kinh_gui_or_not_upward_is_clean(tmp_path: Path) -> None:
    upward = '[Như trên, Sở Khoa học và Công nghệ (b/c), "Lưu: VT"]'
    text = front(noi_nhan=upward, kinh_gui="Sở Khoa học và Công nghệ") + "\nNội dung.\n"
    assert check(tmp_path / "a", text) == []
    assert check(tmp_path / "b", front() + "\nNội dung.\n") == []


def test_kinh_gui_in_a_kind_that_never_has_it_is_warned_at_its_key(tmp_path: Path) -> None:
    text = front(loai="KẾ HOẠCH", kinh_gui="Các phòng") + "\nNội dung.\n"
    (problem,) = check(tmp_path, text)
    assert problem.warning
    assert found([problem], codes.TO_NOT_USED) == [place(text, "kinh_gui:")]
    assert "(“noi_nhan:”)" in problem.message


def test_a_letter_without_kinh_gui_is_an_error(tmp_path: Path) -> None:
    text = front(loai="CÔNG VĂN", ky_hieu="UBND-VP") + "\nNội dung.\n"
    (problem,) = errors(check(tmp_path, text))
    assert found([problem], codes.MISSING_KEY) == [(FILE, 2, 1)]
    assert problem.message == "Công văn cần nơi kính gửi (“kinh_gui:”)"


# ---------------------------------------------------------------------------------------------
# Articles and heading numbers


@pytest.mark.parametrize(
    ("numbers", "wrong", "fix"),
    [
        ("1 2 4", "Điều 4.", "sau “Điều 2.” là “Điều 3.”"),
        ("1 2 2 3", "Điều 2. Thứ 3", "sửa thành “Điều 3.”"),
        ("2 3", "Điều 2.", "điều đầu tiên là “Điều 1.”"),
    ],
)
def test_articles_out_of_sequence(tmp_path: Path, numbers: str, wrong: str, fix: str) -> None:
    body = "".join(f"\nĐiều {n}. Thứ {i}.\n" for i, n in enumerate(numbers.split(), start=1))
    text = front(DECISION, noi_nhan='["Lưu: VT"]') + body
    (problem,) = check(tmp_path, text)
    file, line, _ = place(text, wrong)
    assert found([problem], codes.ARTICLE_NUMBER) == [(file, line, len("Điều ") + 1)]  # its number
    assert fix in problem.message


def test_an_article_typed_bold_and_indented_is_at_its_number(tmp_path: Path) -> None:
    text = front(DECISION, noi_nhan='["Lưu: VT"]') + "\nĐiều 1. Một.\n\n  **Điều  3.** Ba.\n"
    problems = check(tmp_path, text)
    file, line, column = place(text, "Điều  3")
    assert found(problems, codes.ARTICLE_NUMBER) == [(file, line, column + len("Điều  "))]


def test_an_inserted_article_is_left_alone(tmp_path: Path) -> None:
    body = "\nĐiều 1. Một.\n\nĐiều 1a. Chèn.\n\nĐiều 2. Hai.\n\nĐiều 3. Ba.\n"
    assert check(tmp_path, front(DECISION) + body) == []


HEADINGS = """\
# I. MỘT

## 1. Một

### a) Một

### b) Hai

### c) Ba

### d) Bốn

### đ) Năm

### e) Sáu

## 2. Hai

### 2.1. Hai một

### 2.2. Hai hai

## Không đánh số

## 3. Ba

# II. HAI

## A. Chữ A

### 1. Một

## B. Chữ B

## C. Chữ C

## D. Chữ D

# III. BA

## 1. Một

### i) Một

### ii) Hai

# IV. BỐN

# V. NĂM

# Phụ lục

## TỔNG HỢP
"""


def test_heading_numbers_in_sequence_are_clean(tmp_path: Path) -> None:
    assert check(tmp_path, front() + "\nMở đầu.\n", HEADINGS) == []


@pytest.mark.parametrize(
    ("old", "new", "fix"),
    [
        (
            "# II. HAI\n",
            "# II. HAI\n\n# II. LẶP\n",
            "“II.” trùng số với đề mục trước: sửa thành “III.”",
        ),
        ("## 3. Ba", "## 4. Ba", "“4.” đánh số không liền: sau “2.” là “3.”"),
        ("# V. NĂM", "# VI. NĂM", "“VI.” đánh số không liền: sau “IV.” là “V.”"),
        ("### e) Sáu", "### g) Sáu", "“g)” đánh số không liền: sau “đ)” là “e)”"),
        ("### 2.2. Hai", "### 2.3. Hai", "“2.3.” đánh số không liền: sau “2.1.” là “2.2.”"),
        (
            "### 2.1. Hai một\n\n### 2.2.",
            "### 1.1. Hai một\n\n### 1.2.",
            "“1.1.” đánh số không liền: đề mục đầu tiên dưới “2.” là “2.1.”",
        ),
        ("## D. Chữ D", "## G. Chữ D", "“G.” đánh số không liền: sau “C.” là “D.”"),
        (
            "## 1. Một\n\n### i)",
            "## 2. Một\n\n### i)",
            "“2.” đánh số không liền: đề mục đầu tiên dưới “III.” là “1.”",
        ),
    ],
)  # fmt: skip
def test_heading_numbers_that_skip_or_repeat(tmp_path: Path, old: str, new: str, fix: str) -> None:
    part = HEADINGS.replace(old, new, 1)
    assert part != HEADINGS
    typed = fix.split("“")[1].split("”")[0]  # the number the message names, at its line
    (line,) = [n for n, text in enumerate(part.split("\n"), start=1) if f" {typed} " in text][-1:]
    column = part.split("\n")[line - 1].index(f" {typed} ") + 2
    (problem,) = check(tmp_path, front() + "\nMở đầu.\n", part)
    assert found([problem], codes.HEADING_NUMBER) == [("01-phan.md", line, column)]
    assert problem.message == f"đề mục {fix}"


def test_latin_letters_are_accepted_and_appendices_number_afresh(tmp_path: Path) -> None:
    part = (
        "# I. MỘT\n\n## a) A\n\n## b) B\n\n## c) C\n\n## d) D\n\n## e) E\n\n"
        "# Phụ lục I\n\n## TỔNG HỢP\n\n# Phụ lục II\n\n## DANH SÁCH\n\n### 1. Một\n"
    )
    assert check(tmp_path, front() + "\nMở đầu.\n", part) == []


# ---------------------------------------------------------------------------------------------
# "Như Điều N" among the recipients


def test_nhu_dieu_without_that_article_is_an_error_at_its_line(tmp_path: Path) -> None:
    recipients = '\n  - Như Điều 4\n  - "Lưu: VT"'
    text = front(**{**DECISION, "noi_nhan": recipients}) + "\n" + ARTICLES
    (problem,) = check(tmp_path, text)
    assert found([problem], codes.AS_ARTICLE_MISSING) == [place(text, "Như Điều 4")]
    assert problem.message == "nơi nhận ghi “Như Điều 4” nhưng văn bản không có Điều 4"


@pytest.mark.parametrize(
    ("recipient", "missing"),
    [("Như Điều 1, 2", None), ("Như Điều 2, Điều 3", None), ("Như Điều 2 và 5", "Điều 5")],
)
def test_nhu_dieu_naming_several_articles(
    tmp_path: Path, recipient: str, missing: str | None
) -> None:
    text = front(**{**DECISION, "noi_nhan": f'[{recipient}, "Lưu: VT"]'}) + "\n" + ARTICLES
    problems = check(tmp_path, text)
    assert found(problems, codes.AS_ARTICLE_MISSING) == (
        [place(text, recipient)] if missing else []
    )
    assert [p.message.endswith(f"không có {missing}") for p in problems] == [True] * bool(missing)


def test_nhu_dieu_in_a_document_without_articles(tmp_path: Path) -> None:
    text = front(noi_nhan='[Như Điều 3, "Lưu: VT"]') + "\nNội dung.\n"
    (problem,) = check(tmp_path, text)
    assert found([problem], codes.AS_ARTICLE_MISSING) == [place(text, "Như Điều 3")]
    assert problem.message.endswith("không có điều nào")


# ---------------------------------------------------------------------------------------------
# Placeholders


def test_placeholders_in_the_front_matter_and_the_text_each_at_its_line(tmp_path: Path) -> None:
    text = (
        "---\n"
        "# Thay mọi chỗ “…” bằng nội dung thật.\n"
        "co_quan:\n  - ỦY BAN NHÂN DÂN\n  - XÃ …\n"
        "dia_danh: Xã ...   # tên chính thức …\n"
        "ngay: 2027-01\nloai: BÁO CÁO\ntrich_yeu: Về việc thử\n"
        "nguoi_ky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: …\n"
        'noi_nhan: [Như trên, …, "Lưu: VT"]\n'
        "---\n\n"
        "Thực hiện Kế hoạch số 12,\nỦy ban nhân dân xã … báo cáo\nnhư sau:\n\n"
        "## 1. …\n\n- Mục (…)\n"
    )
    problems = check(tmp_path, text)
    assert all(p.draft and not p.warning for p in problems)
    lines = [line_of(text, n) for n in ("XÃ …", "Xã ...", "ho_ten", "noi_nhan", "xã … báo")]
    lines += [line_of(text, n) for n in ("## 1.", "Mục (…)")]
    columns = [
        (FILE, line, re.search(r"…|\.\.\.", text.split("\n")[line - 1]).start() + 1)  # the first
        for line in lines
    ]
    assert found(problems, codes.PLACEHOLDER) == columns


def test_a_placeholder_after_markdown_marks_is_at_its_column(tmp_path: Path) -> None:
    text = front() + "\n**Tên:** *xã* …, Ủy ban\n  nhân dân [xã](x) … báo cáo\n\n1. Mục …\n"
    problems = check(tmp_path, text)
    assert found(problems, codes.PLACEHOLDER) == [
        (FILE, line_of(text, "**Tên"), len("**Tên:** *xã* ") + 1),
        (FILE, line_of(text, "nhân dân"), len("  nhân dân [xã](x) ") + 1),
        (FILE, line_of(text, "Mục"), len("1. Mục ") + 1),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ngày … tháng … năm …", 3),
        ("Thực hiện …, Ủy ban nhân dân xã", 1),
        ("chủ trì cuộc họp ….", 1),
        ("“…”", 1),
        ("xâm phạm quyền sở hữu trí tuệ...", 0),
        ("máy tính, máy in, máy scan...", 0),
        ("máy in phôi chuyên ngành); ...", 0),
        ("máy in, máy quét, …", 0),
        ("máy in, …, máy quét", 1),
        ("v.v...", 0),
        ("....", 0),
    ],
)
def test_what_is_a_placeholder(text: str, count: int) -> None:
    assert len(list(placeholders(text))) == count


def test_an_ellipsis_in_a_budget_table_is_not_a_placeholder(tmp_path: Path) -> None:
    table = (
        "Đơn vị: Triệu đồng {#kp}\n\n"
        "| TT | NỘI DUNG | KINH PHÍ |\n|----|----|----|\n| A | B | (1) |\n"
        "| = | Tổng cộng | |\n| 1 | Thiết bị, … | 5 |\n"
    )
    assert check(tmp_path, front() + "\nNội dung.\n", table) == []


def test_check_fails_on_placeholders_and_build_warns(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "van-ban"
    folder.mkdir(parents=True)
    (folder / FILE).write_text(front() + "\nThực hiện …, Ủy ban nhân dân xã báo cáo.\n", "utf-8")
    (problem,) = check_document(folder)
    assert problem.code == codes.PLACEHOLDER and problem.draft and not problem.warning
    _, warnings = ready_document(folder)
    assert [(w.code, w.warning) for w in warnings] == [(codes.PLACEHOLDER, True)]
    assert f": {codes.PLACEHOLDER} cảnh báo: " in str(warnings[0])
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    line = line_of((folder / FILE).read_text(encoding="utf-8"), "Thực hiện")
    assert result.stdout == f"content/van-ban/{FILE}:{line}:11: BC610 {problem.message}\n"
    assert result.stderr == "Có 1 lỗi (1 chỗ “…” chưa điền) và 0 cảnh báo.\n"


def test_a_build_with_errors_shows_placeholders_as_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "van-ban"
    folder.mkdir()
    text = front(DECISION, noi_nhan='["Lưu: VT"]') + "\nQuyết định …\n"
    (folder / FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        ready_document(folder)
    (error,) = raised.value.errors
    assert error.code == codes.NO_ARTICLES
    assert [(p.code, p.warning) for p in raised.value.problems if p.draft] == [
        (codes.PLACEHOLDER, True)
    ]


# ---------------------------------------------------------------------------------------------
# Ký hiệu against loai


@pytest.mark.parametrize(
    ("keys", "fix"),
    [
        ({**DECISION, "ky_hieu": "BC-UBND"}, "(ví dụ “QĐ-UBND”) (“BC” là ký hiệu của báo cáo)"),
        (
            {"loai": "CÔNG VĂN", "kinh_gui": "Các phòng", "ky_hieu": "TB-UBND"},
            "bắt đầu bằng tên viết tắt của cơ quan (ví dụ “UBND-VP”)",
        ),
        (
            {"loai": "TỜ TRÌNH", "kinh_gui": "Hội đồng nhân dân xã", "ky_hieu": "TTRLT-UBND"},
            "bắt đầu bằng “TTr” (ví dụ “TTr-UBND”)",
        ),
    ],
)
def test_a_symbol_that_contradicts_the_kind_is_warned(
    tmp_path: Path, keys: dict[str, str], fix: str
) -> None:
    text = front(**keys) + "\n" + ARTICLES
    (problem,) = check(tmp_path, text)
    assert problem.warning
    assert found([problem], codes.SYMBOL_KIND) == [place(text, keys["ky_hieu"])]  # the value
    assert fix in problem.message


@pytest.mark.parametrize(
    "keys",
    [
        {**DECISION, "ky_hieu": "QĐ-UBND"},
        {**DECISION, "ky_hieu": "qđ-UBND"},
        {"loai": "TỜ TRÌNH", "kinh_gui": "Hội đồng nhân dân xã", "ky_hieu": "TTR-UBND"},
        {"loai": "CÔNG VĂN", "kinh_gui": "Các phòng", "ky_hieu": "UBND-VP"},
        {"loai": "BẢN GHI NHỚ", "ky_hieu": "BC-UBND"},  # a kind not listed has no code
        {**DECISION},  # the default ký hiệu follows the kind
    ],
)
def test_symbols_that_agree_with_the_kind(tmp_path: Path, keys: dict[str, str]) -> None:
    assert check(tmp_path, front(**keys) + "\n" + ARTICLES) == []


def test_a_joint_symbol_takes_lt(tmp_path: Path) -> None:
    joint = (
        "{co_quan: [ỦY BAN MTTQ VIỆT NAM, XÃ THỬ NGHIỆM], "
        "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Bùi Thị B}}"
    )
    keys = {**DECISION, "loai": "NGHỊ QUYẾT", "lien_tich": joint}
    assert check(tmp_path / "a", front(**keys, ky_hieu="NQLT-UBND-MTTQ") + ARTICLES) == []
    (problem,) = check(tmp_path / "b", front(**keys, ky_hieu="QĐLT-UBND-MTTQ") + ARTICLES)
    assert problem.code == codes.SYMBOL_KIND and "bắt đầu bằng “NQ”" in problem.message
