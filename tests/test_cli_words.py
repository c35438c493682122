"""`baocao words`: one line per argument, one clear line and exit 2 for bad input, and fast."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.cli import main
from conftest import ROOT


def words(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["words", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_plain_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert words(capsys, "1005000") == (0, ["một triệu không trăm linh năm nghìn"], "")


def test_one_line_per_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = words(capsys, "1005000", "1.005", "21", "2,35", "0")
    assert code == 0
    assert lines == [
        "một triệu không trăm linh năm nghìn",
        "một nghìn không trăm linh năm",
        "hai mươi mốt",
        "hai phẩy ba mươi lăm",
        "không",
    ]


def test_negative_numbers_are_not_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = words(capsys, "-1.005.000", "-2,35", "-5")
    assert (code, err) == (0, "")
    assert lines == [
        "âm một triệu không trăm linh năm nghìn",
        "âm hai phẩy ba mươi lăm",
        "âm năm",
    ]


def test_document_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = words(capsys, "--document", "10960000000")
    assert (code, lines) == (0, ["Mười tỷ, chín trăm sáu mươi triệu đồng"])


def test_style(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = words(capsys, "--document", "--style", "le,ngan,khong-phay,chan", "1005000")
    assert (code, lines) == (0, ["Một triệu không trăm lẻ năm ngàn đồng chẵn"])
    code, lines, _ = words(capsys, "--style", "bon,ti", "1024000000")
    assert (code, lines) == (0, ["một tỉ không trăm hai mươi bốn triệu"])


def test_parse(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = words(
        capsys,
        "--parse",
        "Mười tỷ, chín trăm sáu mươi triệu đồng",
        "Bằng chữ: Một tỷ đồng chẵn.",
        "hai phẩy ba mươi lăm",
        "âm một nghìn linh một",
    )
    assert code == 0
    assert lines == ["10960000000", "1000000000", "2,35", "-1001"]


def test_amounts_with_their_unit(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = words(
        capsys, "--document", "13.646,269 triệu đồng", "91.481.640.145đ", "5.000.000 VNĐ"
    )
    assert (code, err) == (0, "")
    assert lines == [
        "Mười ba tỷ, sáu trăm bốn mươi sáu triệu, hai trăm sáu mươi chín nghìn đồng",
        "Chín mươi mốt tỷ, bốn trăm tám mươi mốt triệu, sáu trăm bốn mươi nghìn, một trăm bốn "
        "mươi lăm đồng",
        "Năm triệu đồng",
    ]
    code, lines, _ = words(capsys, "977,45 tỷ đồng", "300 nghìn đ")
    assert (code, lines) == (
        0,
        ["chín trăm bảy mươi bảy tỷ bốn trăm năm mươi triệu", "ba trăm nghìn"],
    )


def test_parse_decimals_with_a_scale_and_variants(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = words(
        capsys,
        "--parse",
        "chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ đồng",
        "mười ba nghìn sáu trăm bốn mươi sáu phẩy hai trăm sáu mươi chín triệu đồng",
        "Chín mươi một tỷ đồng",
    )
    assert (code, lines) == (0, ["977450000000", "13646269000", "91000000000"])
    assert err == (
        "cảnh báo: “Chín mươi một tỷ đồng”: “chín mươi một”: sau “mươi” viết “mốt” (R2); viết "
        "“chín mươi mốt”\n"
    )


def test_every_error_of_the_words_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = words(capsys, "--parse", "hai mươi năm nghìn, mười mốt")
    assert (code, lines) == (2, [])
    assert len(err.splitlines()) == 1
    assert "viết “hai mươi lăm nghìn”" in err and "viết “không trăm mười một”" in err


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["1" * 4301], "có 4.301 chữ số: baocao chỉ đọc số có tối đa 30 chữ số"),
        (["--document", "10.000.000.000.000 triệu đồng"], "lớn hơn một tỷ tỷ đồng"),
        (["--document", "1" + "0" * 19], "lớn hơn một tỷ tỷ đồng"),
        (["--parse", "một " + "tỷ " * 600], "số có hơn 30 chữ số"),
        (["abc đồng"], "cần một số, rồi đơn vị"),
    ],
)
def test_limits_exit_2_in_one_short_line(
    capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    code, lines, err = words(capsys, *args)
    assert (code, lines) == (2, [])
    assert len(err.splitlines()) == 1 and len(err) < 300
    assert reason in err


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("5\n\n1.000\n  21  \n"))
    code, lines, _ = words(capsys, "7", "-")
    assert (code, lines) == (0, ["bảy", "năm", "một nghìn", "hai mươi mốt"])


def test_parse_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Một tỷ đồng\nmười lăm\n"))
    assert words(capsys, "--parse", "-") == (0, ["1000000000", "15"], "")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["abc"], "“abc” không phải số viết kiểu Việt Nam"),
        (["1.2.3"], "“1.2.3” không phải số viết kiểu Việt Nam"),
        (["10,960.5"], "dấu chấm đứng sau dấu phẩy"),
        ([""], "không có chữ số nào"),
        (["5", "x", "6"], "“x”"),
        (["--parse", "mot ty"], "“mot ty” không đọc được thành số"),
        (["--parse", ""], "không đọc được thành số"),
        (["--style", "nam-bo", "5"], "“nam-bo”"),
        (["--parse", "--document", "một"], "--document"),
        ([], "SỐ"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    code, lines, err = words(capsys, *args)
    assert code == 2
    assert lines == []  # nothing half-done on stdout
    assert len(err.strip().splitlines()) == 1, err
    assert reason in err
    assert "Traceback" not in err


def test_empty_stdin_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    code, lines, err = words(capsys, "-")
    assert (code, lines) == (2, [])
    assert "không có số nào" in err


def command() -> list[str]:
    script = Path(sys.executable).parent / "baocao"
    return [str(script)] if script.exists() else [sys.executable, "-m", "baocao"]


def test_real_process_output_and_exit_codes() -> None:
    ok = subprocess.run(
        [*command(), "words", "1005000"], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert (ok.returncode, ok.stdout, ok.stderr) == (
        0,
        "một triệu không trăm linh năm nghìn\n",
        "",
    )
    bad = subprocess.run(
        [*command(), "words", "1.2.3"], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1


HEAVY = ["docx", "pypandoc", "jinja2", "mistune", "yaml", "babel", "lxml"]


def test_words_keeps_heavy_imports_out() -> None:
    # The real guard of the speed target: `baocao words` must never pull in the build stack.
    probe = (
        "import sys, json, baocao.cli\n"
        "code = baocao.cli.main(['words', '5'])\n"
        f"print(json.dumps([code, sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    assert result.returncode == 0, result.stderr
    code, heavy = json.loads(result.stdout.splitlines()[-1])
    assert code == 0
    assert heavy == []
