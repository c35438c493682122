"""Hostile DOCX files (tests/hostile_zips.py: a zip bomb, one that lies about its size, an
encrypted part, method 99, another method, a broken deflate stream, too many entries) refused
in one line by every reader of a DOCX: `baocao soat` and `baocao nhap` (exit 2, the other files
still checked), the build's finishing pass (a BaocaoError, the file untouched) and `baocao text`
(exit 2, before pandoc sees the file). Each within bounded memory: what tracemalloc sees Python
allocate at most, far below the hundreds of MB a bomb holds; never timed."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import hostile_zips
from baocao.cli import main
from baocao.docx.finish import finish_document
from baocao.ooxml.archive import MB, Archive, ArchiveError
from baocao.problems import BaocaoError

MEMORY = 32 * MB  # a bomb inflates to 300 MB; a refusal needs a few


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return dict(hostile_zips.hostile_files(tmp_path_factory.mktemp("hostile")))


NAMES = ["bom", "bom-noi-doi", "ma-hoa", "aes", "nen-la", "deflate-hong", "qua-nhieu-muc"]


def reason(path: Path) -> str:
    """Why the archive reader refuses the file, as its clause says it."""
    with pytest.raises(ArchiveError) as caught:
        with Archive(path) as archive:
            archive.verify()
    return str(caught.value)


def within_memory(run: Callable[[], object]) -> object:
    """What `run` returns, asserting the most memory it allocated stayed under MEMORY."""
    tracemalloc.start()
    try:
        result = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY
    return result


@pytest.mark.parametrize("name", NAMES)
def test_soat_refuses_it_and_checks_the_others(
    name: str, hostile: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile[name]
    clean = tmp_path / "sach.txt"
    clean.write_text("Kinh phí: 300.000.000 đồng (Ba trăm triệu đồng).\n", encoding="utf-8")
    assert within_memory(lambda: main(["soat", str(path), str(clean)])) == 2
    out, err = capsys.readouterr()
    assert out == ""
    (refusal,) = [line for line in err.splitlines() if str(path) in line]
    assert refusal.startswith(f"baocao soat: không đọc được “{path}”: ")
    assert refusal.endswith(reason(path))


@pytest.mark.parametrize("name", NAMES)
def test_nhap_refuses_it(
    name: str, hostile: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile[name]
    code = within_memory(lambda: main(["nhap", str(path), "nhan", "--content", str(tmp_path)]))
    assert code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith(reason(path))
    assert not (tmp_path / "nhan").exists()


@pytest.mark.parametrize("name", NAMES)
def test_the_finishing_pass_refuses_it(name: str, hostile: dict[str, Path]) -> None:
    path = hostile[name]
    before = path.read_bytes()
    with pytest.raises(BaocaoError) as caught:
        within_memory(lambda: finish_document(path, 1700000000))
    message = str(caught.value)
    assert "\n" not in message and message.endswith(reason(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", NAMES)
def test_text_refuses_it_before_pandoc(
    name: str, hostile: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile[name]
    assert within_memory(lambda: main(["text", str(path)])) == 2
    out, err = capsys.readouterr()
    assert out == ""
    (line,) = err.splitlines()
    # pandoc's failure reads "tệp hỏng hoặc không phải DOCX": this is the archive's own reason
    assert line.endswith(f"“{path}” như một tệp Word (.docx): {reason(path)}")


def test_the_reasons_are_each_their_own(hostile: dict[str, Path]) -> None:
    reasons = {name: reason(path) for name, path in hostile.items()}
    assert "giải nén ra hơn 200 MB" in reasons["bom"]
    assert "hỏng, không giải nén được" in reasons["bom-noi-doi"]
    assert "mã hóa" in reasons["ma-hoa"] and "mã hóa" in reasons["aes"]
    assert "phương pháp 14" in reasons["nen-la"]
    assert "hỏng, không giải nén được" in reasons["deflate-hong"]
    assert "quá nhiều mục" in reasons["qua-nhieu-muc"]
