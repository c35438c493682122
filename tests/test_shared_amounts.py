"""Amounts shared across documents, end to end: a tờ trình and a quyết định cite one kế hoạch's
amounts ("ke-hoach:kp.tong"); check and build read the kế hoạch from the same content folder,
whether or not it is named; what cannot be cited is one problem at the citation's file:line.
Which documents a build rests on, and so rebuilds after: tests/test_incremental.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import baocao.build as build_stage
from baocao.build import build_document, check_document, resolve_folder
from baocao.parse.document import Document
from baocao.review.textconv import docx_text
from placed import placed
from shared_amounts import TO_TRINH, write_part, write_shared

CAMERA = "| +  | Camera giám sát {#camera}       | 300      |"


def baocao(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def column(text: str, needle: str, line: int) -> int:
    """The column of `needle` on the 1-based `line` of `text`."""
    return text.split("\n")[line - 1].index(needle) + 1


def test_the_to_trinh_and_the_quyet_dinh_print_the_ke_hoachs_figures(tmp_path: Path) -> None:
    folders = write_shared(tmp_path / "content")
    for name in ("to-trinh", "quyet-dinh"):
        assert check_document(folders[name]) == []
        text = " ".join(docx_text(build_document(folders[name], tmp_path / "out").target).split())
        assert "450.000.000 đồng (Bốn trăm năm mươi triệu đồng)" in text
        assert "camera giám sát 300.000.000 đồng" in text


def test_a_change_to_the_ke_hoach_is_seen_in_the_same_process(tmp_path: Path) -> None:
    folders = write_shared(tmp_path / "content")
    assert "300.000.000 đồng" in docx_text(build_document(folders["to-trinh"], tmp_path).target)
    edit(folders["ke-hoach"] / "01-noi-dung.md", CAMERA, CAMERA.replace("300", "350"))  # same size
    text = docx_text(build_document(folders["to-trinh"], tmp_path).target)
    assert "500.000.000 đồng (Năm trăm triệu đồng)" in text
    assert "350.000.000 đồng" in text and "300.000.000" not in text


def test_a_batch_resolves_a_document_many_cite_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = write_shared(tmp_path / "content")
    parsed: list[str] = []
    real = build_stage.parse_document

    def counting(folder: Path) -> Document:
        parsed.append(folder.name)
        return real(folder)

    monkeypatch.setattr(build_stage, "parse_document", counting)
    for name in ("to-trinh", "quyet-dinh", "ke-hoach"):
        assert check_document(folders[name]) == []
    assert sorted(parsed) == ["ke-hoach", "ke-hoach", "quyet-dinh", "to-trinh"]
    # at most once for citing (kept), once when checked itself (always read afresh)


def test_check_and_build_need_not_name_the_cited_document(tmp_path: Path) -> None:
    write_shared(tmp_path / "content")
    result = baocao("check", "quyet-dinh", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    result = baocao("build", "to-trinh", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").glob("*.docx")] == ["to-trinh.docx"]
    result = baocao("build", "-o", "out", cwd=tmp_path)  # the two others: to-trinh is current
    assert result.returncode == 0, result.stderr
    assert re.findall(r"^Đang dựng (\S+) ", result.stderr, re.M) == ["ke-hoach", "quyet-dinh"]


def test_what_cannot_be_cited_is_one_problem_at_the_citations_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_shared(content, "ke-hoach")
    body = (
        "Mở đầu.\n\n"
        'Không có văn bản: {{ tien("ke-hoach-2027:kp.tong") }}.\n\n'
        'Không có khoản: {{ tien_chu("ke-hoach:kp.camra") }}.\n\n'
        'Ngoài thư mục: {{ so("../ke-hoach:kp.tong") }}.\n'
    )
    folder = write_part(content, "to-trinh", body)
    problems = check_document(folder)
    assert placed(problems) == [  # each at its id
        ("01-noi-dung.md", 3, column(body, "ke-hoach-2027", 3), "BC418"),
        ("01-noi-dung.md", 5, column(body, "ke-hoach:kp.camra", 5), "BC411"),
        ("01-noi-dung.md", 7, column(body, "../ke-hoach", 7), "BC404"),
    ]
    assert "“ke-hoach”?" in problems[0].message  # the document of that content folder meant
    assert "“ke-hoach:kp.camera”?" in problems[1].message  # the id of that document meant


def test_the_cited_documents_own_problems_are_not_repeated(tmp_path: Path) -> None:
    folders = write_shared(tmp_path / "content")
    edit(folders["ke-hoach"] / "01-noi-dung.md", CAMERA, CAMERA.replace("300", "3OO"))
    assert len(check_document(folders["ke-hoach"])) == 1
    assert placed(check_document(folders["to-trinh"])) == [  # at each citation's id
        ("01-noi-dung.md", 2, column(TO_TRINH, "ke-hoach:kp.tong", 2), "BC420"),
        ("01-noi-dung.md", 3, column(TO_TRINH, "ke-hoach:kp.camera", 3), "BC420"),
    ]


def test_a_cycle_is_a_problem_in_each_document_never_a_loop(tmp_path: Path) -> None:
    content = tmp_path / "content"
    a = write_part(content, "van-ban-a", 'A trích {{ tien("van-ban-b:b") }}; **1 đồng**{#a}.\n')
    b = write_part(content, "van-ban-b", 'B trích {{ tien("van-ban-c:c") }}; **2 đồng**{#b}.\n')
    c = write_part(content, "van-ban-c", 'C trích {{ tien("van-ban-a:a") }}; **3 đồng**{#c}.\n')
    d = write_part(content, "van-ban-d", 'D trích {{ tien("van-ban-a:a") }}.\n')
    for folder, chain in [
        (a, "van-ban-a → van-ban-b → van-ban-c → van-ban-a"),
        (b, "van-ban-b → van-ban-c → van-ban-a → van-ban-b"),
        (c, "van-ban-c → van-ban-a → van-ban-b → van-ban-c"),
    ]:
        (problem,) = check_document(folder)
        assert placed([problem]) == [("01-noi-dung.md", 1, 18, "BC421")]
        assert chain in problem.message  # the ring, from the document at hand
    # outside the cycle: the cited one fails
    assert placed(check_document(d)) == [("01-noi-dung.md", 1, 18, "BC420")]


def test_the_model_of_a_citing_document_holds_only_its_own_amounts(tmp_path: Path) -> None:
    folders = write_shared(tmp_path / "content")
    resolution = resolve_folder(folders["to-trinh"])
    assert resolution.registry.entries == {} and resolution.registry.tables == {}
