"""The command line: exit codes, one clear line for usage errors, one progress line per document."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.cli import COMMAND_LINE, _Parser, command_parser, parser
from baocao.docx.pandoc import Pandoc
from baocao.problems import UsageError
from budget_documents import HEADER, write_document
from conftest import CONTENT, ROOT, SAMPLE


def baocao(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


def test_build_prints_one_progress_line_per_document(content_copy: Path, tmp_path: Path) -> None:
    result = baocao("build", "--content", str(content_copy), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    *warnings, line = result.stderr.strip().splitlines()
    assert all(" cảnh báo: " in warning for warning in warnings)
    assert re.fullmatch(rf"Đang dựng {SAMPLE} → .*{SAMPLE}\.docx \(\d+,\d s\)", line)
    assert (tmp_path / f"{SAMPLE}.docx").exists()


def test_a_named_document_is_built_alone(content_copy: Path, tmp_path: Path) -> None:
    result = baocao(
        "build",
        f"content/{SAMPLE}/",
        "--content",
        str(content_copy),
        "-o",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.glob("*.docx")] == [f"{SAMPLE}.docx"]


def test_a_batch_on_every_core_reports_in_order_and_builds_the_others(tmp_path: Path) -> None:
    """build -j 0: one process per core; what each document did is said in the order named, a
    failing one (content errors) does not stop the others, and the exit status says it."""
    content, out = tmp_path / "content", tmp_path / "out"
    for name in ("a", "b", "c", "d"):
        write_document(content, "Đoạn văn.\n", name=name)
    (content / "b" / "00-mo-dau.md").write_text("không có phần đầu\n", encoding="utf-8")
    alone = baocao("build", "--content", str(content), "-o", str(tmp_path / "alone"))
    result = baocao(
        "build", "d", "a", "b", "c", "-j", "0", "--content", str(content), "-o", str(out)
    )
    assert (result.returncode, alone.returncode) == (1, 1)
    said = [line for line in result.stderr.splitlines() if "dựng" in line]
    assert [line.split()[2].rstrip(":") for line in said] == ["d", "a", "b", "c"]
    assert "Không dựng b: nội dung có 1 lỗi" in result.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == ["a.docx", "c.docx", "d.docx"]
    for name in ("a", "c", "d"):  # the same bytes as built one at a time
        assert (out / f"{name}.docx").read_bytes() == (
            tmp_path / "alone" / f"{name}.docx"
        ).read_bytes()


def test_a_negative_number_of_jobs_is_a_usage_error(tmp_path: Path) -> None:
    assert_one_clear_line(baocao("build", "-j", "-1", "-o", str(tmp_path)), 2, "-j")


def test_unknown_document_is_a_usage_error(tmp_path: Path) -> None:
    result = baocao("build", "khong-co", "-o", str(tmp_path), "--content", str(CONTENT))
    assert_one_clear_line(result, 2, "không có văn bản “khong-co”")
    assert SAMPLE in result.stderr  # lists what there is
    assert not list(tmp_path.iterdir())


def test_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = baocao("check", "--content", str(tmp_path / "nowhere"))
    assert_one_clear_line(result, 2, "không thấy thư mục nội dung")


def test_unusable_output_directory_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = baocao("build", "-o", str(blocker / "out"), "--content", str(CONTENT))
    assert_one_clear_line(result, 2, "không tạo được thư mục kết quả")


def test_unknown_option_is_a_usage_error() -> None:
    assert_one_clear_line(baocao("build", "--frobnicate"), 2, "--frobnicate")
    assert_one_clear_line(baocao(), 2, "baocao")


def test_check_reports_file_line_column_and_code_and_exits_1(content_copy: Path) -> None:
    opening = content_copy / SAMPLE / "00-mo-dau.md"
    text = opening.read_text(encoding="utf-8").replace("ngay: 2026-07", "ngay: 2026-13")
    opening.write_text(text, encoding="utf-8")
    result = baocao("check", "--content", str(content_copy))
    assert result.returncode == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("ngay:"))
    assert f"00-mo-dau.md:{line}:7: BC114 ngày ban hành: tháng 13 không có thật" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_passes_on_the_sample() -> None:
    result = baocao("check", "--content", str(CONTENT))
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(" cảnh báo: " in line for line in result.stdout.splitlines()), result.stdout


def test_render_prints_the_document_as_pandoc_markdown_or_json(
    tmp_path: Path, pandoc: Pandoc
) -> None:
    folder = write_document(tmp_path / "content", HEADER + "| A | Một {#mot} | | | | 5 |\n")
    content = ["--content", str(folder.parent), "-o", str(tmp_path / "out")]
    markdown = baocao("render", folder.name, *content)
    assert markdown.returncode == 0, markdown.stderr
    assert '::: {custom-style="Document Type"}\nBÁO CÁO\n:::' in markdown.stdout
    assert "Một" in markdown.stdout and "Đơn vị: Triệu đồng" in markdown.stdout
    given = baocao("render", folder.name, "--json", *content)
    assert given.returncode == 0, given.stderr
    document = json.loads(given.stdout)
    assert document["pandoc-api-version"] == list(pandoc.api_version)
    tables = [b for b in document["blocks"] if b["t"] == "Table"]
    assert len(tables) == 3  # the header block, the budget table, the signature block


def test_render_refuses_content_with_errors(tmp_path: Path) -> None:
    folder = write_document(tmp_path / "content", HEADER + "| A | Một | | | | 1.2.3 |\n")
    result = baocao("render", folder.name, "--content", str(folder.parent))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "01-phan.md:" in result.stderr and "“1.2.3”" in result.stderr


@pytest.mark.parametrize("name", sorted(COMMAND_LINE))
def test_a_command_read_alone_has_the_help_and_defaults_it_has_in_the_whole_line(
    name: str,
) -> None:
    whole = parser()
    (commands,) = [a for a in whole._actions if isinstance(a, argparse._SubParsersAction)]
    inside = commands.choices[name]
    alone = command_parser(name)
    assert alone.format_help() == inside.format_help()
    assert alone.get_default("command") == name


def _refusal(arguments: list[str]) -> str:
    """What baocao's argparse says, in one line, of a command line a small parser refuses: its
    options cover every kind of refusal argparse has a message for."""
    refusing = _Parser(prog="thu")
    refusing.add_argument("name", choices=["a", "b"])
    refusing.add_argument("--jobs", type=int)
    refusing.add_argument("--pair", nargs=2)
    refusing.add_argument("--many", nargs="+")
    refusing.add_argument("--flag", action="store_true")
    refusing.add_argument("--alpha")
    refusing.add_argument("--also")
    either = refusing.add_mutually_exclusive_group()
    either.add_argument("--left", action="store_true")
    either.add_argument("--right", action="store_true")
    with pytest.raises(UsageError) as refused:
        refusing.parse_args(arguments)
    return str(refused.value)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ([], "thu: thiếu name"),
        (["a", "--frobnicate"], "thu: không hiểu “--frobnicate”"),
        (["c"], "thu: name: không có “c” (chọn một trong: a, b)"),
        (["a", "--alpha"], "thu: --alpha: cần một giá trị"),
        (["a", "--many"], "thu: --many: cần ít nhất một giá trị"),
        (["a", "--pair", "x"], "thu: --pair: cần 2 giá trị"),
        (["a", "--jobs", "x"], "thu: --jobs: giá trị “x” không hợp lệ"),
        (["a", "--left", "--right"], "thu: --right: không dùng cùng --left"),
        (["a", "--flag=1"], "thu: --flag: không nhận giá trị “1”"),
        (["a", "--al", "x"], "thu: tùy chọn --al chưa rõ: --alpha, --also?"),
    ],
)
def test_argparse_refusals_are_vietnamese_on_this_python(arguments: list[str], said: str) -> None:
    """ARGPARSE_MESSAGES knows argparse's English wording on the Python running the suite (make
    test-pythons runs it on 3.11, 3.12 and 3.13): no refusal falls back to the plain one."""
    assert _refusal(arguments) == f"{said} (xem “thu --help”)"


def test_help_lists_every_command_and_no_none() -> None:
    result = baocao("--help")
    assert result.returncode == 0, result.stderr
    assert "None" not in result.stdout
    listed = re.findall(r"^    (\S+)\s", result.stdout, re.M)
    assert listed == list(COMMAND_LINE)
    assert "khoi-tao" in listed and "deps" not in listed


@pytest.mark.parametrize("code_page", ["cp1252", "ascii"])
def test_the_console_speaks_utf8_whatever_its_code_page(code_page: str, tmp_path: Path) -> None:
    """A Windows console piped to a file writes in its ANSI code page, which has no Vietnamese
    letters: baocao reads and writes UTF-8 all the same (here the code page is forced)."""
    environment = {"PYTHONIOENCODING": code_page, "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "words", "--parse", "-"],
        input="hai mươi mốt\n".encode(),
        capture_output=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert result.stdout.decode("utf-8").strip() == "21"
    said = subprocess.run(
        [sys.executable, "-m", "baocao", "words", "21"],
        capture_output=True,
        env=environment,
        timeout=60,
    )
    assert said.stdout.decode("utf-8").strip() == "hai mươi mốt"
    missing = subprocess.run(
        [sys.executable, "-m", "baocao", "check", "--content", str(tmp_path / "không-có")],
        capture_output=True,
        env=environment,
        timeout=60,
    )
    assert missing.returncode == 2
    assert "không thấy thư mục nội dung" in missing.stderr.decode("utf-8")


def test_a_spawned_process_importing_python_m_baocao_runs_nothing() -> None:
    """A process `baocao build` spawns (Windows, macOS) imports the main module again, under the
    name __mp_main__: `python -m baocao` must not run its command line a second time there."""
    import runpy

    namespace = runpy.run_module("baocao.__main__", run_name="__mp_main__")
    assert callable(namespace["run"])  # imported, and nothing run: no SystemExit
