"""Every problem code is listed in docs/ma-loi.md with its kind, an example and its fix; the list
and baocao.codes hold the same codes; every code is raised somewhere; `--bo-qua` silences one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from baocao import codes
from baocao.cli import main
from baocao.problems import Code

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "docs" / "ma-loi.md"
SOURCE = ROOT / "pipeline" / "baocao"
SECTION = re.compile(r"^### (BC\d{3}) · (lỗi|cảnh báo|chỗ cần điền) · (\S.*)$", re.M)


def sections() -> dict[str, tuple[str, str]]:
    """Each code of the list: its kind, and its section's text."""
    text = LIST.read_text(encoding="utf-8")
    found = list(SECTION.finditer(text))
    out = {}
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out[match.group(1)] = (match.group(2), text[match.end() : end])
    return out


def kind(code: Code) -> str:
    return "cảnh báo" if code.warning else "chỗ cần điền" if code.draft else "lỗi"


def test_the_list_and_the_codes_are_the_same() -> None:
    listed = sections()
    known = codes.known()
    assert sorted(listed) == sorted(known)
    for name, code in known.items():
        assert listed[name][0] == kind(code), name


def test_each_code_has_an_example_and_its_fix() -> None:
    for name, (_, body) in sections().items():
        assert "Ví dụ" in body and "Cách sửa" in body, name


def test_codes_are_in_order_and_unique() -> None:
    listed = [m.group(1) for m in SECTION.finditer(LIST.read_text(encoding="utf-8"))]
    assert listed == sorted(set(listed))
    values = [c.code for c in codes.known().values()]
    assert len(values) == len(set(values))
    # a name given twice in codes.py hides the first code: each name is defined once
    names = re.findall(r"^([A-Z][A-Z0-9_]*) = Code\(", (SOURCE / "codes.py").read_text(), re.M)
    assert len(names) == len(set(names))


def test_every_code_is_raised_somewhere() -> None:
    names = {name for name, value in vars(codes).items() if isinstance(value, Code)}
    used = set()
    for path in SOURCE.rglob("*.py"):
        if path.name == "codes.py":
            continue
        used |= set(re.findall(r"codes\.([A-Z][A-Z0-9_]+)", path.read_text(encoding="utf-8")))
    assert sorted(names - used) == []


def test_bo_qua_silences_a_code_and_refuses_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "thu"
    folder.mkdir()
    (folder / "00-mo-dau.md").write_text("Chỉ có đoạn văn.\n", encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    out, _ = capsys.readouterr()
    (line,) = out.splitlines()
    code = re.search(r":1:1: (BC\d{3}) ", line)
    assert code is not None, line
    assert main(["check", "--content", str(tmp_path), "--bo-qua", code.group(1).lower()]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "--content", str(tmp_path), "--bo-qua", "BC999,BC998"]) == 2
    assert "BC998, BC999" in capsys.readouterr().err
