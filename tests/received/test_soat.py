"""`baocao soat FILE…`: one line per problem at its place, a count, the exit code; a file that
cannot be read refused in one line while the others are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.cli import main

CLEAN = "I. KINH PHÍ\n\nKinh phí: 300.000.000 đồng (Ba trăm triệu đồng).\n"
WRONG = "I. KINH PHÍ\n\nKinh phí: 300.000.000 đồng (Hai trăm triệu đồng).\n"
VARIANT = "Kinh phí: 21.000.000 đồng (hai mươi một triệu đồng).\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soat", str(write(tmp_path, "a.txt", CLEAN))]) == 0
    assert capsys.readouterr() == ("", "Không có lỗi (0 cảnh báo).\n")


def test_a_warning_fails_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.md", VARIANT)
    assert main(["soat", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{path}:1: “Kinh phí: 21.000.000 đồng (hai mươi một triệu…”: cảnh báo: ")
    assert err == "Không có lỗi (1 cảnh báo).\n"


def test_an_error_and_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = write(tmp_path, "b.txt", WRONG)
    missing = tmp_path / "khong-co.docx"
    assert main(["soat", str(missing), str(wrong)]) == 2
    out, err = capsys.readouterr()
    assert out == (
        f"{wrong}:3: “Kinh phí: 300.000.000 đồng (Hai trăm triệu đồng).”: số tiền bằng chữ không "
        "khớp bằng số: “300.000.000 đồng” nhưng chữ “Hai trăm triệu đồng” là 200.000.000 đồng; "
        "viết đúng: “Ba trăm triệu đồng”\n"
    )
    assert err == (
        f"baocao soat: không đọc được “{missing}”: không có tệp hay thư mục này\n"
        "Có 1 lỗi và 0 cảnh báo.\n"
    )
    assert main(["soat", str(wrong)]) == 1
    capsys.readouterr()


def test_soat_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soat"]) == 2
    assert "thiếu TỆP" in capsys.readouterr().err
