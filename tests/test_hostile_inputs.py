"""No input exits 3: hostile and careless content through `baocao check` and `baocao build` gives
0, 1 or 2, Vietnamese on stderr (no traceback, none of the English we know of), and a build that
refuses keeps the previous DOCX byte for byte."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from baocao import cli
from budget_documents import write_document

ENGLISH = re.compile(
    r"Traceback|Error\b|error:|exception|No such file|Is a directory|Permission denied|"
    r"usage:|not allowed|found character|expected|invalid|exceed|unhashable|mapping values|"
    r"recursion|codec|decode|unexpected|lỗi nội bộ",
    re.I,
)
PARTS = (
    "# I. TÌNH HÌNH\n\nĐoạn văn thứ nhất.\n\n- Gạch đầu dòng;\n- gạch thứ hai.\n",
    "# II. KẾT LUẬN\n\nĐoạn kết thúc văn bản.\n",
)


def front(old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / "00-mo-dau.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def append(text: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / "02-phan.md"
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return change


def part(data: bytes) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / "05-them.md").write_bytes(data)

    return change


def folder_part(folder: Path) -> None:
    (folder / "05-thu-muc.md").mkdir()


HOSTILE: dict[str, Callable[[Path], None]] = {
    # front matter
    "front-colon": front("trich_yeu: Kiểm tra số liệu", "trich_yeu: V/v: kiểm tra"),
    "front-quote": front("trich_yeu: Kiểm tra số liệu", 'trich_yeu: "Kiểm tra'),
    "front-tab": front("loai: BÁO CÁO", "loai:\tBÁO CÁO"),
    "front-complex-key": front("loai: BÁO CÁO", "[a, b]: c\nloai: BÁO CÁO"),
    "front-duplicate": front("loai: BÁO CÁO", "loai: BÁO CÁO\nloai: BÁO CÁO"),
    "front-deep": front("loai: BÁO CÁO", "x: " + "[" * 10_000 + "\nloai: BÁO CÁO"),
    "front-huge-number": front("loai: BÁO CÁO", "so: " + "9" * 5_000 + "\nloai: BÁO CÁO"),
    "front-nul": front("dia_danh: Thử Nghiệm", "dia_danh: Thử\x00Nghiệm"),
    "front-italic": front("trich_yeu: Kiểm tra số liệu", "trich_yeu: *Kiểm tra*"),
    "front-aliases": front(
        "loai: BÁO CÁO",
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: [*b, *b, *b, *b, *b, *b, *b, *b]\nloai: BÁO CÁO",
    ),
    "front-lines-colon": front('  - "Lưu: VT"', "  - Lưu: VT"),
    # the body
    "nul-and-controls": append("\nCó \x00 và \x07 \x1b ở giữa.\n"),
    "long-line": append("\n" + "chữ " * 50_000 + "\n"),
    "deep-list": append("\n" + "".join("  " * k + "- mục\n" for k in range(500))),
    "deep-quote": append("\n" + ">" * 3_000 + " x\n"),
    "deep-emphasis": append("\n" + "*" * 5_000 + "x" + "*" * 5_000 + "\n"),
    "deep-brackets": append("\n" + "[" * 10_000 + "\n"),
    "deep-citation": append("\n{{ tien(" + "(" * 3_000 + '"a"' + ")" * 3_000 + ") }}\n"),
    "citation-syntax": append('\n{{ tien("a" }} và {{ tien(a b) }} và {{ 1 + }}\n'),
    "many-braces": append("\n" + "{{ " * 3_000 + "\n"),
    "html-and-code": append("\n<script>x</script>\n\n```\ncode\n```\n"),
    "huge-figure-in-table": append(
        "\nĐơn vị: triệu đồng {#x}\n\n| TT | ND | (1) |\n|--|--|--|\n| A | B | (1) |\n"
        "| = | Tổng | " + "9" * 5_000 + " |\n"
    ),
    "binary-part": part(bytes(range(256)) * 40),
    "utf16-part": part("Đoạn văn.\n".encode("utf-16")),
    "empty-part": part(b""),
    "folder-part": folder_part,
    "too-big-part": part(("Đoạn văn một dòng.\n\n" * 110_000).encode()),
    "too-long-part": part(b"a\n" * 30_000),
    "end-mark-typed": append("\nCâu cuối cùng. ./.\n"),
}


# The code check reports for the inputs of the front matter and of the files (docs/ma-loi.md).
CODES = {
    "front-colon": "BC102",
    "front-quote": "BC103",
    "front-tab": "BC105",
    "front-complex-key": "BC101",
    "front-duplicate": "BC107",
    "front-deep": "BC108",
    "front-huge-number": "BC109",
    "front-nul": "BC106",
    "front-italic": "BC102",
    "front-aliases": "BC111",  # read, aliases and all: its keys are unknown
    "front-lines-colon": "BC102",
    "binary-part": "BC006",
    "utf16-part": "BC006",
    "folder-part": "BC001",
    "too-big-part": "BC005",
    "too-long-part": "BC005",
}


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The document, and its DOCX built before anything was broken."""
    root = tmp_path_factory.mktemp("base")
    folder = write_document(root / "content", *PARTS)
    assert cli.main(["build", "--content", str(folder.parent), "-o", str(root / "out")]) == 0
    return folder, (root / "out" / "thu.docx").read_bytes()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_never_exits_3(
    name: str,
    previous: tuple[Path, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BAOCAO_DEBUG", raising=False)
    source, before = previous
    content, output = tmp_path / "content", tmp_path / "out"
    shutil.copytree(source, content / "thu")
    output.mkdir()
    (output / "thu.docx").write_bytes(before)
    os.utime(output / "thu.docx", (0, 0))
    capsys.readouterr()
    HOSTILE[name](content / "thu")
    for argv in (["check"], ["build", "-o", str(output)]):
        code = cli.main([*argv, "--content", str(content)])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), err
        assert err.strip(), "a refusal or a build says something"
        assert not ENGLISH.search(out + err), err
        if argv[0] == "check" and name in CODES:
            assert re.search(rf"\.md:\d+:\d+: {CODES[name]} ", out), out
        lines = err.strip().splitlines()
        assert all(len(line) < 20_000 for line in lines)
        if argv[0] == "build" and code != 0:
            assert (output / "thu.docx").read_bytes() == before
            assert "Không dựng thu" in lines[-1] or lines[-1].startswith("baocao")
