"""Every message an editor can see is Vietnamese and one line: the command line's help and usage
errors (argparse's English replaced), the operating system's refusals ("No such file or
directory"), and a full disk while pandoc writes (pandoc prints a Haskell error)."""

from __future__ import annotations

import errno
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from baocao import cli
from baocao.docx import pandoc as pandoc_module
from baocao.problems import OS_REASONS, BaocaoError, os_reason
from conftest import CONTENT, SAMPLE

# argparse's and the C library's English, as an editor would meet it
ENGLISH = re.compile(
    r"usage:|options|positional arguments|show this help|the following arguments|invalid choice|"
    r"unrecognized arguments|expected one argument|not allowed with|error:|"
    r"No such file|Is a directory|Permission denied|No space left|Traceback|"
    r"resource exhausted|CallStack|withBinaryFile",
    re.I,
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`baocao argv` in this process: its exit code, stdout and stderr."""
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # --help prints and exits 0
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["build", "--help"], ["check", "-h"], ["new", "--help"], ["text", "--help"]],
)
def test_help_is_vietnamese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert out.startswith("Cách dùng: baocao")
    assert "in hướng dẫn này rồi thoát" in out
    assert not ENGLISH.search(out), out
    options = re.findall(r"^  (-\S.*?)(?:  +(.*))?$", out, re.M)
    assert all(help_text or "THƯ_MỤC" in option for option, help_text in options), options


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "baocao: thiếu LỆNH (xem “baocao --help”)"),
        (["bogus"], "baocao: không có lệnh “bogus” (chọn một trong: build, check, render,"),
        (["render"], "baocao render: thiếu VĂN_BẢN"),
        (["build", "--xyz"], "baocao: không hiểu “--xyz”"),
        (["build", "-o"], "baocao build: -o/--output: cần một giá trị"),
        (["check", "--content"], "baocao check: --content: cần một giá trị"),
        (["words", "--document", "--parse", "1"], "baocao words: --parse: không dùng cùng"),
        (["text"], "baocao text: thiếu TỆP.docx"),
    ],
)
def test_usage_errors_are_one_vietnamese_line(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(says), line
    assert not ENGLISH.search(line), line


def test_argparse_messages_it_does_not_know_are_still_vietnamese() -> None:
    assert cli.argparse_message("argument --x: something new in Python 3.99") == (
        "--x: cách gọi lệnh không đúng"
    )
    assert cli.argparse_message("ambiguous option: --con could match --content, --context") == (
        "tùy chọn --con chưa rõ: --content, --context?"
    )


# ---- the operating system's refusals ----


@pytest.mark.parametrize(
    ("number", "says"),
    [
        (errno.ENOENT, "không có tệp hay thư mục này"),
        (errno.EISDIR, "đây là thư mục, không phải tệp"),
        (errno.EACCES, "không có quyền truy cập"),
        (errno.ENOSPC, "đĩa đầy"),
        (errno.EROFS, "ổ đĩa chỉ cho đọc"),
    ],
)
def test_os_errors_are_said_in_vietnamese(number: int, says: str) -> None:
    assert os_reason(OSError(number, "English words")) == says
    assert os_reason(OSError(errno.ESPIPE, "Illegal seek")) == "lỗi hệ thống ESPIPE"
    assert not any(ENGLISH.search(reason) for reason in OS_REASONS.values())


def test_text_of_a_missing_file_a_folder_or_not_a_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.docx").write_text("không phải DOCX", encoding="utf-8")
    for argv, says in (
        (["text", str(tmp_path / "khong-co.docx")], "không có tệp"),
        (["text", str(tmp_path)], "là thư mục"),
        (["text", str(tmp_path / "x.docx")], "tệp hỏng hoặc không phải DOCX"),
    ):
        code, _, err = run(argv, capsys)
        (line,) = err.strip().splitlines()
        assert code == 2 and says in line and not ENGLISH.search(line), line


def test_an_os_error_nothing_else_caught_is_one_vietnamese_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/content")

    monkeypatch.setitem(cli.COMMANDS, "check", refuse)
    code, _, err = run(["check"], capsys)
    assert code == 2
    assert err.strip() == "baocao: không đọc, ghi được “/srv/content”: không có quyền truy cập"


def test_an_unwritable_output_folder_is_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    code, _, err = run(["build", "--content", str(CONTENT), "-o", str(tmp_path / "tep")], capsys)
    (line,) = err.strip().splitlines()
    assert code == 2 and "không tạo được thư mục kết quả" in line and not ENGLISH.search(line)


# ---- a full disk while pandoc writes ----

HASKELL = (
    b"pandoc: /out/.x.partial.docx: withBinaryFile: resource exhausted (No space left on device)\n"
    b"CallStack (from HasCallStack):\n  error, called at src/Text/Pandoc/App.hs:123 in pandoc\n"
)


def test_pandoc_failing_on_a_full_disk_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(command, 1, b"", HASKELL)

    monkeypatch.setattr(pandoc_module.subprocess, "run", full)
    with pytest.raises(BaocaoError) as caught:
        pandoc_module._run("pandoc", ["-o", "x"], b"", writing=Path("/out/.x.partial.docx"))
    message = str(caught.value)
    assert message.startswith("đĩa đầy: không ghi được tệp Word vào “/out”")
    assert "\n" not in message and not ENGLISH.search(message)


def test_a_full_disk_when_pandoc_starts_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pandoc_module.subprocess, "run", full)
    with pytest.raises(BaocaoError, match=r"^đĩa đầy: không ghi được tệp Word"):
        pandoc_module._run("pandoc", [], b"", writing=Path("/out/x.docx"))


def test_other_pandoc_failures_are_vietnamese_and_shown_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = b"pandoc: Unknown reader: jsonx\nCallStack (from HasCallStack): ...\n"
    monkeypatch.setattr(
        pandoc_module.subprocess,
        "run",
        lambda command, **kwargs: subprocess.CompletedProcess(command, 21, b"", said),
    )
    monkeypatch.delenv("BAOCAO_DEBUG", raising=False)
    with pytest.raises(BaocaoError) as caught:
        pandoc_module._run("pandoc", [])
    assert not ENGLISH.search(str(caught.value)) and "Unknown reader" not in str(caught.value)
    monkeypatch.setenv("BAOCAO_DEBUG", "1")
    with pytest.raises(BaocaoError, match="Unknown reader: jsonx CallStack"):
        pandoc_module._run("pandoc", [])


def test_a_build_on_a_full_disk_keeps_the_previous_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / SAMPLE, content / SAMPLE)
    output = tmp_path / "output"
    assert run(["build", "--content", str(content), "-o", str(output)], capsys)[0] == 0
    before = (output / f"{SAMPLE}.docx").read_bytes()
    real = subprocess.run

    def full_when_writing(command: list[str], **kwargs: object) -> object:
        if any(str(a).startswith("--output=") for a in command):
            return subprocess.CompletedProcess(command, 1, b"", HASKELL)
        return real(command, **kwargs)

    monkeypatch.setattr(pandoc_module.subprocess, "run", full_when_writing)
    (content / SAMPLE / "00-mo-dau.md").write_text(
        (content / SAMPLE / "00-mo-dau.md").read_text(encoding="utf-8") + "\nThêm một câu.\n",
        encoding="utf-8",
    )
    code, _, err = run(["build", "--content", str(content), "-o", str(output)], capsys)
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"Không dựng {SAMPLE}: đĩa đầy: không ghi được tệp Word vào “"), err
    assert not ENGLISH.search(err), err
    assert (output / f"{SAMPLE}.docx").read_bytes() == before
    assert [p.name for p in output.iterdir() if p.suffix == ".docx"] == [f"{SAMPLE}.docx"]


def test_a_document_pandoc_fails_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk (or any pandoc failure) while building one document is reported, and the
    other documents are still built; the exit status says something failed."""
    content = tmp_path / "content"
    for name in ("a", "b"):
        shutil.copytree(CONTENT / SAMPLE, content / name)
    real = pandoc_module.to_docx

    def failing_first(
        page: dict[str, Any], reference: Path, target: Path, pandoc: pandoc_module.Pandoc
    ) -> Path:
        if target.name.startswith(".a."):
            raise BaocaoError("đĩa đầy: không ghi được tệp Word vào “out”")
        return real(page, reference, target, pandoc)

    monkeypatch.setattr(pandoc_module, "to_docx", failing_first)  # build imports it when it builds
    code, _, err = run(["build", "--content", str(content), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert "Không dựng a: đĩa đầy" in err
    assert (tmp_path / "out" / "b.docx").is_file() and not (tmp_path / "out" / "a.docx").exists()
